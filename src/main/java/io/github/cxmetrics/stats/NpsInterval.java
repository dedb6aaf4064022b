package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * Confidence-interval methods for the Net Promoter Score, computed from the numbers of promoters
 * P, passives A and detractors D (weighted analyses pass effective counts, which need not be whole
 * numbers). Results are in NPS points (−100…100) and are clipped to that range.
 *
 * <p>Notation: n = P + A + D, p<sub>P</sub> = P/n, p<sub>D</sub> = D/n, NPS<sub>f</sub> =
 * p<sub>P</sub> − p<sub>D</sub>, z = Φ⁻¹(1 − α/2).
 *
 * <p>See {@code docs/methods.md} for the coverage comparison behind the default.
 *
 * @since 0.1.0
 */
public enum NpsInterval {
    /**
     * Adjusted Wald "(3,T)", the default: add 0.75 promoters, 1.5 passives and 0.75 detractors, then
     * apply {@link #WALD}. The interval is centred on the adjusted NPS (P − D)/(n + 3), not on the
     * raw score; the pseudo-counts do not depend on the confidence level. Limits outside
     * [−100, 100] are clipped. Sauro &amp; Lewis (MeasuringU), "Confidence intervals for Net
     * Promoter Scores" (2021); Rocks (2016), The American Statistician 70(4):365–372,
     * doi:10.1080/00031305.2016.1158124.
     */
    ADJUSTED_WALD {
        @Override
        Interval unclipped(double promoters, double passives, double detractors, double confidence) {
            return WALD.unclipped(promoters + 0.75, passives + 1.5, detractors + 0.75, confidence);
        }
    },
    /**
     * Wald: NPS<sub>f</sub> ± z·√(var/n) with var = p<sub>P</sub> + p<sub>D</sub> −
     * (p<sub>P</sub> − p<sub>D</sub>)² (maximum-likelihood, denominator n). Rocks (2016); R package
     * NPS, {@code nps_var}. Under-covers below n ≈ 50 and has zero width when every response is in
     * one category.
     */
    WALD {
        @Override
        Interval unclipped(double promoters, double passives, double detractors, double confidence) {
            double n = promoters + passives + detractors;
            double nps = (promoters - detractors) / n;
            double se = Math.sqrt(NpsVariance.of(promoters, passives, detractors) / n);
            double z = Normal.criticalValue(confidence);
            return new Interval(100 * nps, 100 * (nps - z * se), 100 * (nps + z * se), confidence);
        }
    },
    /**
     * Tango's score interval (Rocks's "iterative" method): the set of Δ not rejected by the score
     * test T(Δ) = (P − D − nΔ)/√(n(2p̃<sub>D</sub>(Δ) + Δ(1 − Δ))), where p̃<sub>D</sub>(Δ) is the
     * constrained maximum-likelihood detractor share. Limits are found by bisection to full
     * double precision (adjacent doubles), never evaluating Δ = ±1. Never leaves [−100, 100]; the
     * best worst-case coverage of the three. Tango (1998), Statistics in Medicine 17:891–908,
     * doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;891::AID-SIM780&gt;3.0.CO;2-B.
     */
    TANGO {
        @Override
        Interval unclipped(double promoters, double passives, double detractors, double confidence) {
            double n = promoters + passives + detractors;
            double estimate = (promoters - detractors) / n;
            double z = Normal.criticalValue(confidence);
            double lower = detractors == n ? -1 : solve(promoters, detractors, n, z, -1, estimate);
            double upper = promoters == n ? 1 : solve(promoters, detractors, n, -z, estimate, 1);
            return new Interval(100 * estimate, 100 * lower, 100 * upper, confidence);
        }
    };

    /**
     * The interval for the given counts, clipped to [−100, 100].
     *
     * @param promoters the number (or effective number) of promoters, ≥ 0
     * @param passives the number of passives, ≥ 0
     * @param detractors the number of detractors, ≥ 0
     * @param confidence the two-sided level in (0, 1)
     * @throws IllegalArgumentException if a count is negative, NaN or infinite, all are zero, or
     *     the confidence is not in (0, 1)
     */
    public Interval of(double promoters, double passives, double detractors, double confidence) {
        checkCounts(promoters, passives, detractors);
        Checks.confidence(confidence);
        Interval raw = unclipped(promoters, passives, detractors, confidence);
        return clip(raw);
    }

    abstract Interval unclipped(double promoters, double passives, double detractors, double confidence);

    static Interval clip(Interval raw) {
        double lower = Math.max(-100, raw.lower());
        double upper = Math.min(100, raw.upper());
        return new Interval(Math.min(Math.max(raw.center(), lower), upper), lower, upper, raw.confidence());
    }

    static void checkCounts(double promoters, double passives, double detractors) {
        check("promoters", promoters);
        check("passives", passives);
        check("detractors", detractors);
        if (promoters + passives + detractors == 0) {
            throw new IllegalArgumentException("Invalid counts (n must be > 0): 0 promoters, passives and detractors");
        }
    }

    private static void check(String name, double count) {
        if (!(count >= 0 && count < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for " + name + " (valid values >= 0, finite): " + count);
        }
    }

    /** Tango's statistic T(Δ) on the fraction scale. */
    static double tangoStatistic(double promoters, double detractors, double n, double delta) {
        double a = 2 * n;
        double b = -promoters - detractors + (2 * n - promoters + detractors) * delta;
        double c = -detractors * delta * (1 - delta);
        double disc = Math.max(0, b * b - 4 * a * c);
        double root = b > 0 ? 2 * c / (-b - Math.sqrt(disc)) : (-b + Math.sqrt(disc)) / (2 * a);
        double var = n * (2 * root + delta * (1 - delta));
        return (promoters - detractors - n * delta) / Math.sqrt(var);
    }

    /** Bisection for T(Δ) = target on (lo, hi), where T is decreasing; never evaluates the ends. */
    private static double solve(double promoters, double detractors, double n, double target, double lo, double hi) {
        double a = lo;
        double b = hi;
        while (true) {
            double mid = a + (b - a) / 2;
            if (mid <= a || mid >= b) {
                return mid;
            }
            double t = tangoStatistic(promoters, detractors, n, mid);
            if (t > target) {
                a = mid;
            } else {
                b = mid;
            }
        }
    }
}
