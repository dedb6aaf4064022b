package io.github.cxmetrics.ops;

import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A mutable log-bucket histogram of weighted response times; read an immutable
 * {@link WeightedResponseTimeHistogram} with {@link #snapshot()}. See that class for the weighted
 * mean, quantiles and share within the target.
 *
 * <p>Get one with {@code new WeightedResponseTimeHistogramAccumulator(relativeAccuracy, target)}.
 * Weights are those of {@link WeightedTallyAccumulator}: 0 or in [2^-64, 2^64]; every sum of
 * weights is kept exactly, so {@link #combine} is exact, associative and commutative, and any split
 * of the same times merged in any order gives an {@code equals} snapshot. Times as in
 * {@link ResponseTimeHistogramAccumulator}: negative, NaN and infinite times are rejected; each
 * method checks its input before changing anything.
 *
 * <p>Not thread-safe: use one per thread and combine them.
 *
 * @since 0.1.0
 */
public final class WeightedResponseTimeHistogramAccumulator {
    private final WeightedHistogramState state;

    /**
     * An empty histogram with the given relative accuracy that also sums, exactly, the weights of
     * the times within {@code target} ({@code time ≤ target}).
     *
     * @throws IllegalArgumentException if the accuracy is not in [0.000001, 0.5] or the target is
     *     negative
     */
    public WeightedResponseTimeHistogramAccumulator(double relativeAccuracy, Duration target) {
        new ResponseTimeHistogramAccumulator(relativeAccuracy, target); // the same checks
        this.state = new WeightedHistogramState(new HistogramState(relativeAccuracy, Durations.nanos(target)));
    }

    WeightedResponseTimeHistogramAccumulator(WeightedHistogramState state) {
        this.state = state;
    }

    /** The number of times added so far (unweighted). */
    public long n() {
        return state.counts.n();
    }

    /**
     * Adds one response time with its weight.
     *
     * @throws IllegalArgumentException if the time is negative or too long, or the weight invalid
     */
    public WeightedResponseTimeHistogramAccumulator add(Duration duration, double weight) {
        long nanos = Durations.nanos(duration);
        state.add(nanos, WeightedTallyAccumulator.requireValidWeight(weight));
        return this;
    }

    /**
     * Adds the elapsed time from {@code start} to {@code end} with a weight.
     *
     * @throws IllegalArgumentException if end is before start, or the weight is invalid
     */
    public WeightedResponseTimeHistogramAccumulator add(Instant start, Instant end, double weight) {
        long nanos = Durations.nanosBetween(start, end);
        state.add(nanos, WeightedTallyAccumulator.requireValidWeight(weight));
        return this;
    }

    /**
     * Adds one response time in minutes (rounded to the nearest nanosecond) with its weight.
     *
     * @throws IllegalArgumentException if minutes is negative, NaN or infinite, or the weight invalid
     */
    public WeightedResponseTimeHistogramAccumulator addMinutes(double minutes, double weight) {
        long nanos = Durations.nanosOfMinutes(minutes);
        state.add(nanos, WeightedTallyAccumulator.requireValidWeight(weight));
        return this;
    }

    /**
     * Adds every time of the histogram, as if added directly.
     *
     * @throws IllegalArgumentException if the accuracy or target differs; nothing changes then
     */
    public WeightedResponseTimeHistogramAccumulator addAll(WeightedResponseTimeHistogram histogram) {
        Objects.requireNonNull(histogram, "histogram");
        state.counts.requireCompatible(histogram.state().counts);
        state.merge(histogram.state());
        return this;
    }

    /**
     * Adds every time of the other accumulator, which is left unchanged.
     *
     * @throws IllegalArgumentException if the accuracy or target differs; nothing changes then
     */
    public WeightedResponseTimeHistogramAccumulator combine(WeightedResponseTimeHistogramAccumulator other) {
        Objects.requireNonNull(other, "other");
        state.counts.requireCompatible(other.state.counts);
        state.merge(other.state);
        return this;
    }

    /** An immutable snapshot. */
    public WeightedResponseTimeHistogram snapshot() {
        return new WeightedResponseTimeHistogram(state.copy());
    }

    @Override
    public String toString() {
        return "WeightedResponseTimeHistogramAccumulator[n=" + n() + "]";
    }
}
