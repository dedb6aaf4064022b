package io.github.cxmetrics.ops;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanInterval;
import java.time.Duration;
import java.util.Objects;

/**
 * Response times summarised in a mergeable log-bucket histogram (a DDSketch: Masson, Rim &amp; Lee
 * 2019, PVLDB 12(12):2195–2205), for streams and data too large to hold: memory grows with the
 * logarithm of the range of times, not with their number (at 1 % accuracy, times from one second
 * to one year need about 864 buckets, 7 KB).
 *
 * <p>Get one from a {@link ResponseTimeHistogramAccumulator#snapshot()}. Two histograms with the
 * same relative accuracy and target merge exactly with {@link #plus(ResponseTimeHistogram)}:
 * bucket counts and sums add, so any split and merge order gives an {@code equals} result.
 *
 * <p>What is exact and what is approximate, all in <b>minutes</b>:
 * <ul>
 *   <li>exact: {@link #n()}, {@link #mean()} and the mean's Student t interval (from exact integer
 *       sums Σx, Σx² in nanoseconds), {@link #min()}, {@link #max()}, and {@link #withinTarget()}
 *       for the target fixed when the accumulator was made (each time is compared with the target
 *       as it is added);</li>
 *   <li>within a relative error α ({@link #relativeAccuracy()}, 1 % by default): quantiles. With
 *       γ = (1 + α)/(1 − α) each positive time x falls in the bucket (γ<sup>i−1</sup>, γ<sup>i</sup>]
 *       whose representative 2γ<sup>i</sup>/(γ + 1) is within α·x of x; zero times are counted
 *       exactly. {@link #quantile(double)} interpolates the representatives of the order
 *       statistics x<sub>(⌊h⌋+1)</sub> and x<sub>(⌊h⌋+2)</sub>, h = (n − 1)p, exactly as
 *       {@link ResponseTimes#quantile(double)} interpolates the times themselves (Hyndman &amp; Fan
 *       definition 7), so |Q̂(p) − Q(p)| ≤ α·Q(p), where Q(p) is the exact quantile of the same
 *       data: a convex combination of two values each within α of its own target is within α of
 *       the combination of the targets. Example: at α = 1 %, an exact p90 of 120 minutes is
 *       reported between 118.8 and 121.2.</li>
 * </ul>
 * The bound holds up to floating-point rounding of the bucket bounds (relative 10<sup>−15</sup>).
 * Quantiles have a distribution-free interval, {@link #quantileInterval(double, double)}, widened
 * to whole buckets because a histogram does not keep the times themselves; {@link ResponseTimes}
 * gives the exact one.
 *
 * <p>Empty data: every statistic of no times throws {@link IllegalStateException}, as do the
 * mean interval of a single time and {@link #withinTarget()} without a target.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ResponseTimeHistogram {
    /** The default relative accuracy of quantiles, 0.01 (1 %). */
    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

    private final HistogramState state;

    ResponseTimeHistogram(HistogramState state) {
        this.state = state;
    }

    /** The relative accuracy α of the quantile estimates. */
    public double relativeAccuracy() {
        return state.buckets.relativeAccuracy;
    }

    /** Whether a target was fixed, so that {@link #withinTarget()} is available. */
    public boolean hasTarget() {
        return state.target != HistogramState.NO_TARGET;
    }

    /**
     * The target fixed when the accumulator was made.
     *
     * @throws IllegalStateException if there is none
     */
    public Duration target() {
        requireTarget();
        return Duration.ofNanos(state.target);
    }

    /** The number of times. */
    public long n() {
        return state.n();
    }

    /** Whether there are no times. */
    public boolean isEmpty() {
        return state.n() == 0;
    }

    /** The number of non-empty buckets (a measure of the memory used), zero times not included. */
    public int bucketCount() {
        int k = 0;
        for (int e = 0; e < state.entries(); e++) {
            if (state.countAt(e) > 0) {
                k++;
            }
        }
        return k;
    }

    /**
     * The exact mean in minutes.
     *
     * @throws IllegalStateException if there are no times
     */
    public double mean() {
        requireData("The mean");
        return state.sums.meanMinutes();
    }

    /**
     * The exact sample standard deviation in minutes (denominator n − 1).
     *
     * @throws IllegalStateException if there are fewer than two times
     */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    private double variance() {
        requireData("The standard deviation");
        if (state.n() < 2) {
            throw new IllegalStateException("The standard deviation of a single response time is undefined (n = 1)");
        }
        return state.sums.varianceMinutes();
    }

    /**
     * The Student t interval for the mean, in minutes (exact sums, as {@link ResponseTimes}).
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException if there are fewer than two times
     */
    public Interval meanInterval(double confidence) {
        Checks.confidence(confidence);
        return MeanInterval.studentT(mean(), variance(), state.n(), confidence);
    }

    /**
     * The exact shortest time in minutes.
     *
     * @throws IllegalStateException if there are no times
     */
    public double min() {
        requireData("The minimum");
        return Durations.minutes(state.min);
    }

    /**
     * The exact longest time in minutes.
     *
     * @throws IllegalStateException if there are no times
     */
    public double max() {
        requireData("The maximum");
        return Durations.minutes(state.max);
    }

    /** The median estimate in minutes, {@code quantile(0.5)}. */
    public double median() {
        return quantile(0.5);
    }

    /** The 90th percentile estimate in minutes. */
    public double p90() {
        return quantile(0.9);
    }

    /** The 95th percentile estimate in minutes. */
    public double p95() {
        return quantile(0.95);
    }

    /**
     * The p-quantile estimate in minutes, within {@link #relativeAccuracy()} of the exact
     * {@link ResponseTimes#quantile(double)} of the same times (see the class comment).
     *
     * @throws IllegalArgumentException if p is not in [0, 1]
     * @throws IllegalStateException if there are no times
     */
    public double quantile(double p) {
        ResponseTimes.checkProbability(p, true);
        requireData("A quantile");
        double h = (state.n() - 1) * p;
        long lo = (long) Math.floor(h);
        double g = h - lo;
        double a = state.valueAtRank(lo);
        if (g == 0 || lo + 1 >= state.n()) {
            return Durations.minutes(a);
        }
        double b = state.valueAtRank(lo + 1);
        return Durations.minutes(a + g * (b - a));
    }

    /**
     * A distribution-free interval for the p-quantile, in minutes, centred on
     * {@link #quantile(double)}. The ranks l and u of the order statistics come from the binomial
     * distribution as for {@link ResponseTimes#quantileInterval(double, double)} (Conover 1999,
     * §3.2). The histogram keeps only the bucket of each time, so the lower limit is the lower
     * bound of the bucket that holds the l-th smallest time and the upper limit the upper bound of
     * the bucket that holds the u-th (both clamped to the exact minimum and maximum): the exact
     * order statistics lie inside, so the coverage is still at least the confidence level, and the
     * interval is wider than the exact one by at most one bucket at each end, a relative
     * 2α/(1 + α) ≈ 2α (2 % at the default α = 1 %). Example: an exact interval [40.0, 44.0]
     * minutes is reported as at widest [39.2, 44.9].
     *
     * @throws IllegalArgumentException if p is not in (0, 1) or the confidence not in (0, 1)
     * @throws IllegalStateException if there are no times, or too few for an upper limit at this
     *     level (the message names the minimum n: 6 for the median, 36 for p90 at 95 %)
     */
    public Interval quantileInterval(double p, double confidence) {
        ResponseTimes.checkProbability(p, false);
        Checks.confidence(confidence);
        double estimate = quantile(p);
        if (state.n() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Too many response times for a quantile interval: " + n());
        }
        int[] ranks = QuantileRanks.of((int) state.n(), p, confidence);
        if (ranks[1] < 0) {
            throw new IllegalStateException("Too few response times for a " + confidence + " interval of the "
                    + p + "-quantile (need n >= " + QuantileRanks.minimumN(p, confidence) + "): " + n());
        }
        double lower = ranks[0] == 0 ? 0 : Durations.minutes(state.boundsAtRank(ranks[0] - 1)[0]);
        double upper = Durations.minutes(state.boundsAtRank(ranks[1] - 1)[1]);
        return new Interval(estimate, Math.min(lower, estimate), Math.max(upper, estimate), confidence);
    }

    /**
     * The smallest number of times for which {@link #quantileInterval(double, double)} has an
     * upper limit: p<sup>n</sup> ≤ (1 − confidence)/2.
     *
     * @throws IllegalArgumentException if p is not in (0, 1) or the confidence not in (0, 1)
     */
    public static long quantileIntervalMinimumN(double p, double confidence) {
        ResponseTimes.checkProbability(p, false);
        Checks.confidence(confidence);
        return QuantileRanks.minimumN(p, confidence);
    }

    /**
     * The exact share of times within the target ({@code time ≤ target}), with its Wilson
     * interval from {@link Proportion#interval(double)}.
     *
     * @throws IllegalStateException if no target was fixed, or there are no response times (a share
     *     of nothing is undefined, as the mean is)
     */
    public Proportion withinTarget() {
        requireTarget();
        requireData("The share within target");
        return Proportion.of(state.within, state.n());
    }

    /**
     * The times of both histograms, as if they had been added to one accumulator.
     *
     * @throws IllegalArgumentException if the relative accuracies or the targets differ
     * @throws ArithmeticException if the exact sums would overflow
     */
    public ResponseTimeHistogram plus(ResponseTimeHistogram other) {
        Objects.requireNonNull(other, "other");
        HistogramState next = state.copy();
        next.merge(other.state);
        return new ResponseTimeHistogram(next.copy());
    }

    /**
     * The exact one-line text form, read back by {@link #parse(CharSequence)}: {@code parse(h.format())}
     * equals {@code h}, sums, minimum, maximum and count within the target included. For example
     * {@code cxhist/1 accuracy=0.01 target=7200000000000 n=2 zero=0 offset=1335 counts=1,0,1 sum=...
     * sumsq=... min=... max=... within=2}; the fields are described in {@code docs/tally-format.md}.
     */
    public String format() {
        return HistogramText.format(state);
    }

    /**
     * Reads the text form of {@link #format()}.
     *
     * @throws IllegalArgumentException if the text is not a valid version-1 line, or its fields
     *     cannot come from one set of times (n that is not the sum of the counts, a minimum or
     *     maximum outside the first or last bucket, sums outside n·min … n·max, more times within
     *     the target than n): {@code Invalid histogram line (what is wrong): line}
     */
    public static ResponseTimeHistogram parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return new ResponseTimeHistogram(HistogramText.parse(text.toString()));
    }

    HistogramState state() {
        return state;
    }

    private void requireTarget() {
        if (!hasTarget()) {
            throw new IllegalStateException("No target was fixed for this histogram; make the accumulator with one");
        }
    }

    private void requireData(String what) {
        if (state.n() == 0) {
            throw new IllegalStateException(what + " of no response times is undefined (n = 0)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseTimeHistogram h && state.sameAs(h.state);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(state.n()) * 31 + Double.hashCode(state.buckets.relativeAccuracy);
    }

    @Override
    public String toString() {
        return "ResponseTimeHistogram[n=" + n() + ", relativeAccuracy=" + relativeAccuracy() + ", target="
                + HistogramState.targetText(state.target) + "]";
    }
}
