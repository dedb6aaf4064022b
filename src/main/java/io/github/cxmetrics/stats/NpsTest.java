package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * Tests for the difference of two independent Net Promoter Scores, and of one NPS against a fixed
 * value (a benchmark such as an industry average). Counts are promoters, passives and detractors
 * (effective counts for weighted data); results are in NPS points.
 *
 * <p>Two groups: diff = NPS₁ − NPS₂ (signed), SE = √(var₁/n₁ + var₂/n₂), z = diff/SE,
 * p = 2(1 − Φ(|z|)) computed as erfc(|z|/√2), CI = diff ± z<sub>crit</sub>·SE (Rocks 2016,
 * §3.5; R package NPS, {@code nps_test}). One group: diff = NPS − value, SE = √(var/n).
 *
 * <p>{@link Comparison#difference()} is always the plain difference of the raw scores (what a
 * reader sees: NPS₁ − NPS₂ from the counts as given). The adjusted-Wald test computes its
 * statistic and interval from the adjusted scores instead ({@link Comparison#testedDifference()});
 * at tiny n the two differ, and the plain difference can lie outside the interval (four
 * promoters, NPS +100, against a rest at +57: plain difference +43, adjusted difference +0.2).
 * For {@link #WALD} both are the same.
 *
 * @since 0.1.0
 */
public enum NpsTest {
    /**
     * The default: each group adjusted as in {@link NpsInterval#ADJUSTED_WALD} (0.75, 1.5 and 0.75
     * pseudo-counts); the statistic and interval are those of the difference of the adjusted
     * scores (as R's {@code NPS::nps_test(test = "adjusted.wald")}), reported beside the plain
     * difference of the raw scores. Keeps the size at or below the nominal level at small n
     * (docs/methods.md).
     */
    ADJUSTED_WALD(0.75, 1.5),
    /** Plain Wald on the raw counts; liberal below n ≈ 100 per group. */
    WALD(0, 0);

    private final double extreme;
    private final double middle;

    NpsTest(double extreme, double middle) {
        this.extreme = extreme;
        this.middle = middle;
    }

    /**
     * Compares group a with group b: the difference is {@code NPS_a − NPS_b} of the raw scores,
     * in NPS points; the tested difference, standard errors and limits are in NPS points too.
     *
     * @throws IllegalArgumentException if a count is negative or not finite, a group is empty, or
     *     the confidence is not in (0, 1)
     */
    public Comparison compare(double promotersA, double passivesA, double detractorsA, double promotersB,
            double passivesB, double detractorsB, double confidence) {
        NpsInterval.checkCounts(promotersA, passivesA, detractorsA);
        NpsInterval.checkCounts(promotersB, passivesB, detractorsB);
        Checks.confidence(confidence);
        double[] a = adjusted(promotersA, passivesA, detractorsA);
        double[] b = adjusted(promotersB, passivesB, detractorsB);
        double raw = score(promotersA, passivesA, detractorsA) - score(promotersB, passivesB, detractorsB);
        double tested = this == WALD ? raw : 100 * (a[0] - b[0]);
        double se = 100 * Math.sqrt(a[1] / a[2] + b[1] / b[2]);
        return Comparison.zTest(raw, tested, se, confidence);
    }

    /**
     * Compares one NPS with a fixed value in NPS points, e.g. an industry benchmark of 32: the
     * difference is {@code NPS − value} of the raw score, in NPS points (the test uses the adjusted
     * score for {@link #ADJUSTED_WALD}).
     *
     * @throws IllegalArgumentException if a count is invalid, the value is outside [−100, 100] or
     *     NaN, or the confidence is not in (0, 1)
     */
    public Comparison compareToValue(double promoters, double passives, double detractors, double value,
            double confidence) {
        NpsInterval.checkCounts(promoters, passives, detractors);
        if (!(value >= -100 && value <= 100)) {
            throw new IllegalArgumentException("Invalid value for benchmark NPS (valid values -100 - 100): " + value);
        }
        Checks.confidence(confidence);
        double[] a = adjusted(promoters, passives, detractors);
        double raw = score(promoters, passives, detractors) - value;
        double tested = this == WALD ? raw : 100 * a[0] - value;
        return Comparison.zTest(raw, tested, 100 * Math.sqrt(a[1] / a[2]), confidence);
    }

    /** The raw NPS in points, 100·(P − D)/n, within [−100, 100] (as {@code Nps.score()}). */
    private static double score(double promoters, double passives, double detractors) {
        double s = 100 * (promoters - detractors) / (promoters + passives + detractors);
        return Math.max(-100, Math.min(100, s));
    }

    /** {score on the fraction scale, variance, n} after the pseudo-counts. */
    private double[] adjusted(double promoters, double passives, double detractors) {
        double p = promoters + extreme;
        double a = passives + middle;
        double d = detractors + extreme;
        double n = p + a + d;
        return new double[] {(p - d) / n, NpsVariance.of(p, a, d), n};
    }
}
