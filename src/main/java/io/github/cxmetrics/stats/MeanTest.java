package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * Two-sample t-tests for the difference of two means (CSAT or CES means), from each group's mean,
 * sample variance (denominator n − 1) and size. The difference is {@code mean_a − mean_b} in scale
 * points; the interval is diff ± t<sub>1−α/2, df</sub>·SE, and the test uses the same SE
 * ({@link Comparison#standardError()} equals {@link Comparison#testStandardError()}).
 *
 * @since 0.1.0
 */
public enum MeanTest {
    /**
     * Welch's test, the default: SE² = s₁²/n₁ + s₂²/n₂, Welch–Satterthwaite df = SE⁴ /
     * [(s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)]. Welch (1947), Biometrika 34:28–35; equals scipy
     * {@code ttest_ind(equal_var=False)}.
     */
    WELCH {
        @Override
        double[] seAndDf(double var1, double n1, double var2, double n2) {
            double a = var1 / n1;
            double b = var2 / n2;
            double se2 = a + b;
            double df = se2 * se2 / (a * a / (n1 - 1) + b * b / (n2 - 1));
            return new double[] {Math.sqrt(se2), df};
        }
    },
    /** Student's pooled-variance t-test, df = n₁ + n₂ − 2; assumes equal variances. */
    STUDENT {
        @Override
        double[] seAndDf(double var1, double n1, double var2, double n2) {
            double df = n1 + n2 - 2;
            double pooled = ((n1 - 1) * var1 + (n2 - 1) * var2) / df;
            return new double[] {Math.sqrt(pooled * (1 / n1 + 1 / n2)), df};
        }
    };

    /**
     * Compares the means of groups a and b.
     *
     * @param meanA mean of a
     * @param varianceA sample variance of a (n − 1 denominator), ≥ 0
     * @param nA size of a, ≥ 2 (effective sizes may be fractional, but must exceed 1)
     * @throws IllegalArgumentException if a size is not above 1, a variance is negative, a value is
     *     not finite, or the confidence is not in (0, 1)
     */
    public Comparison compare(double meanA, double varianceA, double nA, double meanB, double varianceB, double nB,
            double confidence) {
        check("meanA", meanA);
        check("meanB", meanB);
        checkVariance("varianceA", varianceA);
        checkVariance("varianceB", varianceB);
        checkN("nA", nA);
        checkN("nB", nB);
        Checks.confidence(confidence);
        double diff = meanA - meanB;
        double[] seDf = seAndDf(varianceA, nA, varianceB, nB);
        double se = seDf[0];
        if (se == 0) {
            return Comparison.degenerate(diff, nA + nB - 2, confidence);
        }
        double df = seDf[1];
        double t = diff / se;
        double crit = StudentT.criticalValue(confidence, df);
        return new Comparison(diff, se, diff - crit * se, diff + crit * se, diff, se, t, df,
                StudentT.twoSidedPValue(t, df), confidence);
    }

    abstract double[] seAndDf(double var1, double n1, double var2, double n2);

    private static void check(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("Invalid value for " + name + " (valid values finite): " + v);
        }
    }

    private static void checkVariance(String name, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for " + name + " (valid values >= 0, finite): " + v);
        }
    }

    private static void checkN(String name, double n) {
        if (!(n > 1 && n < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for " + name + " (valid values > 1, finite): " + n);
        }
    }
}
