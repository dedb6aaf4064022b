package io.github.cxmetrics.trend;

/** The verdict on a {@link Trend}'s slope at its confidence level. 
 *
 * @since 0.1.0
 */
public enum TrendDirection {
    /** The slope is significantly above 0: the score rises. */
    RISING,
    /** The slope is significantly below 0: the score falls. */
    FALLING,
    /** The slope is not significantly different from 0. */
    FLAT
}
