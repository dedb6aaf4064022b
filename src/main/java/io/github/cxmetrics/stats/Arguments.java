package io.github.cxmetrics.stats;

/**
 * Argument checks shared by the distributions. Each check is written so that NaN fails, and each
 * message names the parameter, the valid range and the value, as in
 * {@code Invalid value for p (valid values 0 - 1): 1.5}.
 */
final class Arguments {

    private Arguments() {
    }

    /**
     * @param name the parameter name
     * @param value the value to check
     * @throws IllegalArgumentException if {@code value} is NaN
     */
    static void requireNotNaN(String name, double value) {
        if (value == value) {
            return;
        }
        throw invalid(name, "any number except NaN", value);
    }

    /**
     * @param name the parameter name
     * @param value the value to check
     * @throws IllegalArgumentException unless {@code 0 ≤ value ≤ 1}
     */
    static void requireProbability(String name, double value) {
        if (value >= 0 && value <= 1) {
            return;
        }
        throw invalid(name, "0 - 1", value);
    }

    /**
     * @param value the confidence level to check
     * @throws IllegalArgumentException unless {@code 0 < value < 1}
     */
    static void requireConfidence(double value) {
        if (value > 0 && value < 1) {
            return;
        }
        throw invalid("confidence", "0 < c < 1", value);
    }

    /**
     * Degrees of freedom: positive, {@code +∞} allowed (the normal limit).
     *
     * @param value the degrees of freedom to check
     * @throws IllegalArgumentException unless {@code value > 0}
     */
    static void requireDegreesOfFreedom(double value) {
        if (value > 0) {
            return;
        }
        throw invalid("df", "> 0", value);
    }

    /**
     * A shape parameter: positive and finite.
     *
     * @param name the parameter name
     * @param value the value to check
     * @throws IllegalArgumentException unless {@code 0 < value < ∞}
     */
    static void requireShape(String name, double value) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) {
            return;
        }
        throw invalid(name, "0 < " + name + " < Infinity", value);
    }

    private static IllegalArgumentException invalid(String name, String range, double value) {
        return new IllegalArgumentException("Invalid value for " + name + " (valid values " + range + "): " + value);
    }
}
