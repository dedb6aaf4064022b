package io.github.cxmetrics.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A mutable log-bucket histogram of response times, to feed one time at a time and read an
 * immutable {@link ResponseTimeHistogram} from with {@link #snapshot()}. See that class for what
 * is exact and the error bound of the quantiles.
 *
 * <p>Get one with {@code new ResponseTimeHistogramAccumulator()} (1 % relative accuracy, no
 * target), or give the accuracy and a target such as two hours, whose share is then counted
 * exactly. Merging is {@link #combine} or {@link #addAll(ResponseTimeHistogram)}, which require the
 * same accuracy and target and check that before changing anything. Negative, NaN and infinite
 * times are rejected with {@link IllegalArgumentException}; a missing time is simply not added.
 *
 * <p>Not thread-safe: use one per thread and combine them.
 *
 * @since 0.1.0
 */
public final class ResponseTimeHistogramAccumulator {
    private final HistogramState state;

    /** An empty histogram with 1 % relative accuracy and no target. */
    public ResponseTimeHistogramAccumulator() {
        this(ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY);
    }

    /**
     * An empty histogram with the given relative accuracy and no target.
     *
     * @throws IllegalArgumentException if the accuracy is not in [0.000001, 0.5]
     */
    public ResponseTimeHistogramAccumulator(double relativeAccuracy) {
        this.state = new HistogramState(checkAccuracy(relativeAccuracy), HistogramState.NO_TARGET);
    }

    /**
     * An empty histogram with the given relative accuracy that also counts, exactly, the times
     * within {@code target} ({@code time ≤ target}).
     *
     * @throws IllegalArgumentException if the accuracy is not in [0.000001, 0.5] or the target is
     *     negative
     */
    public ResponseTimeHistogramAccumulator(double relativeAccuracy, Duration target) {
        this.state = new HistogramState(checkAccuracy(relativeAccuracy), Durations.nanos(target));
    }

    private static double checkAccuracy(double a) {
        if (a >= 0.000001 && a <= 0.5) {
            return a;
        }
        throw new IllegalArgumentException("Invalid value for relative accuracy (valid values 0.000001 - 0.5): " + a);
    }

    /** The number of times added so far. */
    public long n() {
        return state.n();
    }

    /**
     * Adds one response time.
     *
     * @throws IllegalArgumentException if it is negative or longer than about 292 years
     */
    public ResponseTimeHistogramAccumulator add(Duration duration) {
        state.add(Durations.nanos(duration));
        return this;
    }

    /**
     * Adds the elapsed time from {@code start} to {@code end}.
     *
     * @throws IllegalArgumentException if end is before start
     */
    public ResponseTimeHistogramAccumulator add(Instant start, Instant end) {
        state.add(Durations.nanosBetween(start, end));
        return this;
    }

    /**
     * Adds one response time in minutes (rounded to the nearest nanosecond).
     *
     * @throws IllegalArgumentException if minutes is negative, NaN or infinite
     */
    public ResponseTimeHistogramAccumulator addMinutes(double minutes) {
        state.add(Durations.nanosOfMinutes(minutes));
        return this;
    }

    /**
     * Adds the response times {@code minutes[from..to)} in minutes (each rounded to the nearest
     * nanosecond): the same histogram as adding them one by one with {@link #addMinutes(double)},
     * faster for a histogram of a few hundred times or fewer, whose non-empty buckets are kept
     * sparse (the times' buckets are sorted and merged in one pass).
     *
     * @throws IllegalArgumentException if one of them is negative, NaN or infinite (naming it);
     *     nothing is added then
     * @throws IndexOutOfBoundsException if the range is not within the array
     * @since 0.1.0
     */
    public ResponseTimeHistogramAccumulator addMinutes(double[] minutes, int from, int to) {
        Objects.checkFromToIndex(from, to, minutes.length);
        long[] nanos = new long[to - from];
        for (int i = from; i < to; i++) {
            nanos[i - from] = Durations.nanosOfMinutes(minutes[i]);
        }
        state.addAll(nanos, nanos.length);
        return this;
    }

    /**
     * Adds every time of the histogram, as if added directly.
     *
     * @throws IllegalArgumentException if the accuracy or target differs; nothing changes then
     */
    public ResponseTimeHistogramAccumulator addAll(ResponseTimeHistogram histogram) {
        Objects.requireNonNull(histogram, "histogram");
        state.merge(histogram.state());
        return this;
    }

    /**
     * Adds every time of the other accumulator, which is left unchanged.
     *
     * @throws IllegalArgumentException if the accuracy or target differs; nothing changes then
     */
    public ResponseTimeHistogramAccumulator combine(ResponseTimeHistogramAccumulator other) {
        Objects.requireNonNull(other, "other");
        state.merge(other.state);
        return this;
    }

    /** An immutable snapshot. */
    public ResponseTimeHistogram snapshot() {
        return new ResponseTimeHistogram(state.copy());
    }

    @Override
    public String toString() {
        return "ResponseTimeHistogramAccumulator[n=" + n() + "]";
    }
}
