package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * The result of comparing two groups (or one group with a fixed value): the signed difference
 * {@code a − b} of the scores shown, a confidence interval for it, the test statistic and its
 * two-sided p-value.
 *
 * <p><b>Units.</b> {@link #difference()}, {@link #testedDifference()}, both standard errors and
 * the limits are in the unit of the compared scores: NPS points for NPS (a difference lies in
 * −200…200), percentage points for CSAT ({@code Comparisons.csat}), a fraction on −1…1 for two
 * shares ({@link TwoProportions}, {@code Comparisons.proportions}), scale points for means.
 * {@link #statistic()}, {@link #pValue()} and {@link #confidence()} have no unit. An immutable,
 * thread-safe value type.
 *
 * <p><b>Two differences, two standard errors.</b> A method may test and bound a slightly different
 * quantity from the one it reports:
 * <ul>
 *   <li>{@link #difference()} is always the plain difference of the scores shown (NPS<sub>a</sub> −
 *       NPS<sub>b</sub>, not the adjusted scores);</li>
 *   <li>{@link #testedDifference()} is the difference the test and the interval are built on: the
 *       difference of the adjusted scores for the adjusted-Wald NPS test (so that at tiny n the
 *       plain difference can lie outside the interval, as the raw NPS can lie outside its own
 *       adjusted-Wald interval), and the same as {@code difference()} for every other method;</li>
 *   <li>{@link #standardError()} is the standard error of the interval, and
 *       {@link #testStandardError()} the one behind the statistic: they differ for the pooled
 *       z-test of two shares (unpooled √(p₁q₁/n₁ + p₂q₂/n₂) for the interval, pooled under the null
 *       for the test) and for the one-sample CSAT score test (√(p̂q̂/n) against √(p₀q₀/n)).</li>
 * </ul>
 * For every method {@code statistic == testedDifference / testStandardError} (0 when the test
 * standard error is 0).
 *
 * <p>Degenerate groups (test standard error 0: every response in one category in both groups for
 * the Wald test, constant scores in both groups for t-tests, all or none satisfied in both groups
 * for the pooled z-test): when the difference is 0 as well, the statistic is 0 and the p-value 1
 * (no evidence of a difference) with a zero-width interval at 0 unless the method has its own; when
 * the difference is not 0 the test is undefined and the method throws
 * {@link IllegalStateException} (use the adjusted-Wald test for NPS, which never has SE 0).
 *
 * @param difference the plain difference {@code a − b} of the scores shown, in the scores' unit
 * @param standardError the standard error of the interval, in the scores' unit
 * @param lower the lower confidence limit of the difference, in the scores' unit
 * @param upper the upper confidence limit of the difference, in the scores' unit
 * @param testedDifference the difference the test and interval are built on, in the scores' unit:
 *     the difference of the adjusted scores for adjusted-Wald NPS, else equal to {@code difference}
 * @param testStandardError the standard error behind {@code statistic}, in the scores' unit
 * @param statistic the z or t statistic, {@code testedDifference / testStandardError}; no unit
 * @param degreesOfFreedom the t-test degrees of freedom, or +∞ for z-tests
 * @param pValue the two-sided p-value, in [0, 1]; tiny p-values do not underflow to 0 before
 *     about 1e-300
 * @param confidence the confidence level of the interval, in (0, 1); also sets the significance
 *     level {@code 1 − confidence} of {@link #isSignificant()}
 *
 * @since 0.1.0
 */
public record Comparison(double difference, double standardError, double lower, double upper,
        double testedDifference, double testStandardError, double statistic, double degreesOfFreedom,
        double pValue, double confidence) {

    /**
     * Checks that the p-value lies in [0, 1] and the confidence in (0, 1).
     *
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public Comparison {
        Checks.confidence(confidence);
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("Invalid value for pValue (valid values 0 - 1): " + pValue);
        }
    }

    /** Whether the p-value is below {@code 1 − confidence} (e.g. p &lt; 0.05 at 95 %). */
    public boolean isSignificant() {
        return pValue < 1 - confidence;
    }

    /**
     * Whether the p-value is below the given significance level α.
     *
     * @throws IllegalArgumentException if α is not in (0, 1)
     */
    public boolean isSignificantAt(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("Invalid value for alpha (valid values 0 < a < 1): " + alpha);
        }
        return pValue < alpha;
    }

    /** This comparison with another p-value, e.g. one adjusted for multiple testing. */
    public Comparison withPValue(double adjustedPValue) {
        return new Comparison(difference, standardError, lower, upper, testedDifference, testStandardError, statistic,
                degreesOfFreedom, adjustedPValue, confidence);
    }

    /**
     * This comparison in another unit: the differences, standard errors and limits multiplied by a
     * positive factor (100 turns a difference of shares into percentage points); the statistic,
     * degrees of freedom, p-value and confidence unchanged.
     *
     * @throws IllegalArgumentException if the factor is not positive and finite
     */
    public Comparison scaled(double factor) {
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for factor (valid values > 0, finite): " + factor);
        }
        return new Comparison(factor * difference, factor * standardError, factor * lower, factor * upper,
                factor * testedDifference, factor * testStandardError, statistic, degreesOfFreedom, pValue,
                confidence);
    }

    /**
     * A z-test whose interval is {@code tested ± z·se}: the statistic is {@code tested / se};
     * {@code difference} is the plain difference reported beside it.
     */
    static Comparison zTest(double difference, double tested, double se, double confidence) {
        double z = Normal.criticalValue(confidence);
        if (se == 0) {
            return degenerate(tested, Double.POSITIVE_INFINITY, confidence);
        }
        double stat = tested / se;
        return new Comparison(difference, se, tested - z * se, tested + z * se, tested, se, stat,
                Double.POSITIVE_INFINITY, Normal.twoSidedPValue(stat), confidence);
    }

    static Comparison degenerate(double difference, double df, double confidence) {
        if (difference != 0) {
            throw new IllegalStateException("Test undefined: the standard error is 0 while the difference is "
                    + difference + " (every response in one category or constant in both groups)");
        }
        return new Comparison(0, 0, 0, 0, 0, 0, 0, df, 1, confidence);
    }
}
