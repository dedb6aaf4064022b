package io.github.cxmetrics.stats;

/** Checks confidence levels. */
public final class Confidence {
    /** The default confidence level, 0.95. */
    public static final double DEFAULT = 0.95;

    private Confidence() {
    }

    /**
     * Returns the level if it lies strictly between 0 and 1.
     *
     * @throws IllegalArgumentException for 0, 1, values outside, and NaN:
     *     {@code Invalid value for confidence (valid values 0 < c < 1): 1.5}
     */
    public static double check(double confidence) {
        if (confidence > 0 && confidence < 1) {
            return confidence;
        }
        throw new IllegalArgumentException("Invalid value for confidence (valid values 0 < c < 1): " + confidence);
    }
}
