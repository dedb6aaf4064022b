package io.github.cxmetrics.target;

/** The verdict of a {@link Benchmark} comparison. 
 *
 * @since 0.1.0
 */
public enum BenchmarkVerdict {
    /** The score is significantly above the benchmark value. */
    ABOVE,
    /** The score is significantly below the benchmark value. */
    BELOW,
    /** The difference from the benchmark is not significant at the confidence level. */
    NOT_DISTINGUISHABLE
}
