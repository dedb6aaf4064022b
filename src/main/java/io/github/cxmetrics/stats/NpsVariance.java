package io.github.cxmetrics.stats;

/**
 * The variance of one NPS response scored +1 (promoter), 0 (passive) or −1 (detractor), on the
 * −1…1 scale: var = p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> − p<sub>D</sub>)², with
 * denominator n (maximum likelihood). Equivalent forms: Σ<sub>s</sub> (s − NPS<sub>f</sub>)²
 * p<sub>s</sub>, and p<sub>P</sub>(1 − p<sub>P</sub>) + p<sub>D</sub>(1 − p<sub>D</sub>) +
 * 2p<sub>P</sub>p<sub>D</sub>. Rocks (2016), The American Statistician 70(4):365–372; R package
 * NPS, {@code nps_var}.
 *
 * @since 0.1.0
 */
public final class NpsVariance {
    private NpsVariance() {
    }

    /**
     * The variance for the given (effective) counts, in [0, 1].
     *
     * @throws IllegalArgumentException if a count is negative or not finite, or all are zero
     */
    public static double of(double promoters, double passives, double detractors) {
        NpsInterval.checkCounts(promoters, passives, detractors);
        double n = promoters + passives + detractors;
        double pP = promoters / n;
        double pD = detractors / n;
        double d = pP - pD;
        return Math.min(1, Math.max(0, pP + pD - d * d));
    }
}
