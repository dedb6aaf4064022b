package io.github.cxmetrics.stats;

/**
 * The comparison of two independent proportions x₁/n₁ and x₂/n₂, such as two CSAT top-box shares.
 *
 * <ul>
 *   <li>Test: the pooled z-test, z = (p₁ − p₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)) with p̄ = (x₁ + x₂)/(n₁ +
 *       n₂); its p-value equals Pearson's χ² test without Yates's correction.</li>
 *   <li>Interval of the difference: Newcombe's hybrid score interval (method 10), L = d −
 *       √((p₁ − l₁)² + (u₂ − p₂)²), U = d + √((u₁ − p₁)² + (p₂ − l₂)²) with (lᵢ, uᵢ) the Wilson
 *       limits. Newcombe (1998b), Statistics in Medicine 17:873–890.</li>
 *   <li>{@link Comparison#standardError()} is the unpooled SE √(p₁q₁/n₁ + p₂q₂/n₂) (the Wald
 *       interval's, shown beside Newcombe's); {@link Comparison#testStandardError()} is the pooled
 *       SE √(p̄(1 − p̄)(1/n₁ + 1/n₂)) behind the statistic, so that z = difference / testStandardError.</li>
 * </ul>
 *
 * <p>Near the 5 % boundary the pooled test and the Newcombe interval can disagree (the interval
 * may just include 0 while p &lt; 0.05, or the reverse): they are different approximations.
 *
 * @since 0.1.0
 */
public final class TwoProportions {
    private TwoProportions() {
    }

    /**
     * Compares x₁/n₁ with x₂/n₂: the difference p₁ − p₂, its standard errors and limits are
     * fractions (−1…1), not percent.
     *
     * @throws IllegalArgumentException if an n is not positive, an x lies outside [0, n], or the
     *     confidence is not in (0, 1)
     */
    public static Comparison compare(double x1, double n1, double x2, double n2, double confidence) {
        Interval w1 = ProportionInterval.WILSON.of(x1, n1, confidence);
        Interval w2 = ProportionInterval.WILSON.of(x2, n2, confidence);
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        double d = p1 - p2;
        double lower = d - Math.hypot(p1 - w1.lower(), w2.upper() - p2);
        double upper = d + Math.hypot(w1.upper() - p1, p2 - w2.lower());
        double pooled = (x1 + x2) / (n1 + n2);
        double se0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        double seUnpooled = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double z;
        double p;
        if (se0 == 0) {
            // both groups all successes or all failures: identical shares, no evidence of a difference
            z = 0;
            p = 1;
        } else {
            z = d / se0;
            p = Normal.twoSidedPValue(z);
        }
        return new Comparison(d, seUnpooled, lower, upper, d, se0, z, Double.POSITIVE_INFINITY, p, confidence);
    }
}
