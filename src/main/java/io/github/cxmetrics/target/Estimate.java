package io.github.cxmetrics.target;

/**
 * An estimate a {@link Target} can be judged on when its data are not a plain {@link
 * io.github.cxmetrics.tally.Tally}: a weighted score, a response-time statistic, a share. Give it
 * to {@link Target#evaluation(Estimate)}.
 *
 * <p>The value and limits are in the target's display unit (NPS points, percent, scale points,
 * minutes); the interval is at the confidence level of the evaluation and may be asymmetric. With
 * weights, n is the number of responses and the interval already reflects the design (Kish's
 * effective n); {@code n} is reported, never used in a formula.
 *
 * <p>Immutable and thread-safe, a value type.
 *
 * @param value the estimate
 * @param lower the lower confidence limit, at most the value
 * @param upper the upper confidence limit, at least the value
 * @param n the number of responses the estimate is based on
 *
 * @since 0.1.0
 */
public record Estimate(double value, double lower, double upper, long n) {
    /**
     * Checks the estimate.
     *
     * @throws IllegalArgumentException if a number is not finite, the limits do not enclose the
     *     value, or n is negative
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
    }
}
