package io.github.cxmetrics.stats;

/**
 * Constants for confidence levels. Every method that takes a level checks it: a level must lie
 * strictly between 0 and 1 ({@code Invalid value for confidence (valid values 0 < c < 1): 1.5}
 * otherwise, NaN included).
 *
 * @since 0.1.0
 */
public final class Confidence {
    /** The default two-sided confidence level, 0.95. */
    public static final double DEFAULT = 0.95;

    private Confidence() {
    }
}
