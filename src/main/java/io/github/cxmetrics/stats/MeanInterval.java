package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * The Student t interval for a mean: mean ± t<sub>1−α/2, n−1</sub>·s/√n, with s the sample standard
 * deviation (denominator n − 1). Exact under normality; the standard choice for rating-scale means
 * (Student 1908, Biometrika 6:1–25).
 *
 * @since 0.1.0
 */
public final class MeanInterval {
    private MeanInterval() {
    }

    /**
     * The t interval.
     *
     * @param mean the sample mean
     * @param variance the sample variance (n − 1 denominator), ≥ 0; 0 gives [mean, mean]
     * @param n the sample size (effective size for weighted data), &gt; 1
     * @param confidence the two-sided level in (0, 1)
     * @throws IllegalArgumentException if n ≤ 1, the variance is negative, a value is not finite, or
     *     the confidence is not in (0, 1)
     */
    public static Interval studentT(double mean, double variance, double n, double confidence) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("Invalid value for mean (valid values finite): " + mean);
        }
        if (!(variance >= 0 && variance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for variance (valid values >= 0, finite): " + variance);
        }
        if (!(n > 1 && n < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for n (valid values > 1, finite): " + n);
        }
        Checks.confidence(confidence);
        // variance 0 gives [mean, mean] even when the t quantile overflows (tiny effective df)
        double half = variance == 0 ? 0 : StudentT.criticalValue(confidence, n - 1) * Math.sqrt(variance / n);
        return new Interval(mean, mean - half, mean + half, confidence);
    }
}
