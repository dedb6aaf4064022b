package io.github.cxmetrics.target;

/**
 * An estimate a {@link Target} can be judged on when its data are not a plain {@link
 * io.github.cxmetrics.tally.Tally}: a weighted score, a response-time statistic, a share. Give it
 * to {@link Target#evaluation(Estimate)}.
 *
 * <p>The value and limits are in the target's display unit (NPS points, percent, scale points,
 * minutes); the interval is at the confidence level of the evaluation and may be asymmetric. With
 * weights, n is the number of responses and the interval already reflects the design (Kish's
 * effective n, given as {@code effectiveN} so that the reason can say it); {@code n} and
 * {@code effectiveN} are reported, never used in a formula.
 *
 * <p>Immutable and thread-safe, a value type.
 *
 * @param value the estimate
 * @param lower the lower confidence limit, at most the value
 * @param upper the upper confidence limit, at least the value
 * @param n the number of responses the estimate is based on
 * @param effectiveN Kish's effective n of a weighted estimate, or n when unweighted
 *
 * @since 0.1.0
 */
public record Estimate(double value, double lower, double upper, long n, double effectiveN) {
    /** An unweighted estimate: its effective n is n. */
    public Estimate(double value, double lower, double upper, long n) {
        this(value, lower, upper, n, n);
    }

    /**
     * Checks the estimate.
     *
     * @throws IllegalArgumentException if a number is not finite, the limits do not enclose the
     *     value, n is negative, or effectiveN is not in [0, n] (up to rounding)
     */
    public Estimate {
        if (!(Double.isFinite(value) && Double.isFinite(lower) && Double.isFinite(upper))) {
            throw new IllegalArgumentException("Invalid estimate (valid values finite): " + value + " [" + lower + ", "
                    + upper + "]");
        }
        if (!(lower <= value && value <= upper)) {
            throw new IllegalArgumentException("Invalid interval (valid values lower <= value <= upper): " + value
                    + " [" + lower + ", " + upper + "]");
        }
        if (n < 0) {
            throw new IllegalArgumentException("Invalid value for n (valid values >= 0): " + n);
        }
        if (!(effectiveN >= 0 && effectiveN <= n * (1 + 1e-9))) {
            throw new IllegalArgumentException("Invalid value for effectiveN (valid values 0 - n, " + n + "): "
                    + effectiveN);
        }
    }

    /** Whether the estimate is weighted: its effective n differs from n. */
    public boolean isWeighted() {
        return effectiveN != n;
    }
}
