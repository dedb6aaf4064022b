package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level, with the point it
 * is built around.
 *
 * <p>{@code center} is the estimate the method centres on: the raw estimate for Wald, Student t,
 * Clopper–Pearson, Jeffreys and Tango; the adjusted NPS {@code (P − D)/(n + 3)} for adjusted Wald;
 * the Wilson or Agresti–Coull centre for those methods. {@code lower <= center <= upper} always
 * holds. The raw estimate itself can lie outside the interval for adjusted Wald at very small n
 * (one promoter: NPS 100, interval −48.5…98.5).
 *
 * <p><b>Units</b> are those of the estimate it bounds, which depend on where it came from:
 * NPS points (−100…100) from {@code Nps.interval} and {@link NpsInterval}; percent (0…100) from
 * {@code Csat.interval} (the CSAT display unit); a fraction (0…1) from {@code Proportion.interval}
 * and {@link ProportionInterval}; scale points from {@code Mean}, {@code Ces} and
 * {@link MeanInterval}. {@link #scaled(double)} converts (100 turns a fraction into percent).
 * An immutable, thread-safe value type.
 *
 * @param center the estimate the method centres on, in the estimate's unit
 * @param lower the lower limit, in the estimate's unit
 * @param upper the upper limit, in the estimate's unit
 * @param confidence the two-sided confidence level, in (0, 1); no unit
 *
 * @since 0.1.0
 */
public record Interval(double center, double lower, double upper, double confidence) {

    /**
     * Checks the invariants.
     *
     * @throws IllegalArgumentException if a limit is NaN, {@code lower > upper}, the centre lies
     *     outside, or the confidence is not in (0, 1)
     */
    public Interval {
        Checks.confidence(confidence);
        if (!(lower <= center && center <= upper)) {
            throw new IllegalArgumentException("Invalid interval (need lower <= center <= upper): " + lower + ", "
                    + center + ", " + upper);
        }
    }

    /** {@code upper − lower}, in the estimate's unit. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code lower <= value <= upper}; the value in the estimate's unit. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** The interval multiplied by a positive factor, e.g. 100 to turn a proportion into percent. */
    public Interval scaled(double factor) {
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for factor (valid values > 0, finite): " + factor);
        }
        return new Interval(center * factor, lower * factor, upper * factor, confidence);
    }
}
