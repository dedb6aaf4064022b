package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * The result of comparing two groups (or one group with a fixed value): the signed difference
 * {@code a − b} with its standard error, a confidence interval for it, the test statistic and its
 * two-sided p-value.
 *
 * <p>Units are those of the compared quantity: NPS points, proportions (0…1) or scale points.
 * z-tests report {@code degreesOfFreedom = +∞}.
 *
 * <p>Degenerate groups (standard error 0: every response in one category in both groups for the
 * Wald test, constant scores in both groups for t-tests, all or none satisfied in both groups for
 * the pooled z-test): when the difference is 0 as well, the statistic is 0 and the p-value 1 (no
 * evidence of a difference) with a zero-width interval at 0 unless the method has its own; when
 * the difference is not 0 the test is undefined and the method throws
 * {@link IllegalStateException} (use the adjusted-Wald test for NPS, which never has SE 0).
 *
 * @param difference the estimate of {@code a − b}
 * @param standardError the standard error of the difference used for the interval
 * @param lower the lower confidence limit of the difference
 * @param upper the upper confidence limit of the difference
 * @param statistic the z or t statistic (its sign is the sign of the difference)
 * @param degreesOfFreedom the t-test degrees of freedom, or +∞ for z-tests
 * @param pValue the two-sided p-value, in [0, 1]; tiny p-values do not underflow to 0 before
 *     about 1e-300
 * @param confidence the confidence level of the interval; also sets the significance level
 *     {@code 1 − confidence} of {@link #isSignificant()}
 */
public record Comparison(double difference, double standardError, double lower, double upper, double statistic,
        double degreesOfFreedom, double pValue, double confidence) {

    /** Checks that the p-value lies in [0, 1] and the confidence in (0, 1). */
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

    /** Whether the p-value is below the given significance level α. */
    public boolean isSignificantAt(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("Invalid value for alpha (valid values 0 < a < 1): " + alpha);
        }
        return pValue < alpha;
    }

    /** This comparison with another p-value, e.g. one adjusted for multiple testing. */
    public Comparison withPValue(double adjustedPValue) {
        return new Comparison(difference, standardError, lower, upper, statistic, degreesOfFreedom, adjustedPValue,
                confidence);
    }

    static Comparison zTest(double difference, double se, double confidence) {
        double z = Normal.criticalValue(confidence);
        if (se == 0) {
            return degenerate(difference, Double.POSITIVE_INFINITY, confidence);
        }
        double stat = difference / se;
        return new Comparison(difference, se, difference - z * se, difference + z * se, stat,
                Double.POSITIVE_INFINITY, Normal.twoSidedPValue(stat), confidence);
    }

    static Comparison degenerate(double difference, double df, double confidence) {
        if (difference != 0) {
            throw new IllegalStateException("Test undefined: the standard error is 0 while the difference is "
                    + difference + " (every response in one category or constant in both groups)");
        }
        return new Comparison(0, 0, 0, 0, 0, df, 1, confidence);
    }
}
