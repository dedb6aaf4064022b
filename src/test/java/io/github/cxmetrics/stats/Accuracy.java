package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative-error assertions for the distribution tests. */
final class Accuracy {

    private Accuracy() {
    }

    /** The relative error of {@code actual}; exact zero matches only zero. */
    static double relativeError(double actual, double expected) {
        if (expected == 0) {
            return actual == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    /**
     * Asserts a relative error of at most {@code tolerance}; subnormal expected values, which have
     * fewer significant bits, may instead be off by up to four units of {@link Double#MIN_VALUE}.
     */
    static void assertRelative(double actual, double expected, double tolerance, String what) {
        if (Math.abs(expected) < Double.MIN_NORMAL && Math.abs(actual - expected) <= 4 * Double.MIN_VALUE) {
            return;
        }
        assertThat(relativeError(actual, expected))
            .as("%s: expected %s, got %s", what, expected, actual)
            .isLessThanOrEqualTo(tolerance);
    }

    /**
     * Tolerance for a probability {@code v} computed through {@code exp} of a sum of logarithms: the
     * absolute rounding error of the exponent, a few ulps of {@code |log v|}, becomes a relative
     * error of {@code exp}. So {@code 1e-14} plus {@code 5e-16·|log v|}: 1.4e-14 at 1e-4,
     * 1.3e-13 at 1e-100, 3.6e-13 at 1e-300.
     */
    static double tailTolerance(double v) {
        return 1e-14 + 5e-16 * Math.abs(Math.log(v));
    }
}
