package io.github.cxmetrics.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A mutable collection of response times, to feed one contact at a time (a duration, two
 * timestamps, or minutes as in a {@code first_response_minutes} column) and read an immutable
 * {@link ResponseTimes} from with {@link #snapshot()}.
 *
 * <p>Get one with {@code new ResponseTimesAccumulator()}. Merging is {@link #combine} or
 * {@link #addAll(ResponseTimes)}, "as if the times had been added directly". Negative, NaN and
 * infinite times are rejected with {@link IllegalArgumentException}, and a rejected value leaves
 * the accumulator unchanged. A missing response time (no reply yet, empty cell) is not a value:
 * do not add it; it never enters n.
 *
 * <p>Memory: 8 bytes per time. Not thread-safe: use one per thread and combine them, as
 * {@link ResponseTimes#toResponseTimes()} does for parallel streams.
 *
 * @since 0.1.0
 */
public final class ResponseTimesAccumulator {
    private long[] values = new long[16];
    private int size;
    private final WideSums sums = new WideSums();

    /** An empty accumulator. */
    public ResponseTimesAccumulator() {
    }

    /** The number of times added so far. */
    public long n() {
        return size;
    }

    /**
     * Adds one response time.
     *
     * @throws IllegalArgumentException if it is negative or longer than about 292 years
     */
    public ResponseTimesAccumulator add(Duration duration) {
        return addNanos(Durations.nanos(duration));
    }

    /**
     * Adds the time from {@code start} (e.g. the contact was received) to {@code end} (the first
     * reply), in elapsed wall-clock time. For business time, add
     * {@link BusinessHours#between(Instant, Instant)} instead.
     *
     * @throws IllegalArgumentException if end is before start
     */
    public ResponseTimesAccumulator add(Instant start, Instant end) {
        return addNanos(Durations.nanosBetween(start, end));
    }

    /**
     * Adds one response time in minutes (rounded to the nearest nanosecond).
     *
     * @throws IllegalArgumentException if minutes is negative, NaN or infinite
     */
    public ResponseTimesAccumulator addMinutes(double minutes) {
        return addNanos(Durations.nanosOfMinutes(minutes));
    }

    private ResponseTimesAccumulator addNanos(long nanos) {
        if (size == values.length) {
            if (size == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("Too many response times for exact storage; use ResponseTimeHistogram");
            }
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size));
        }
        sums.add(nanos);
        values[size++] = nanos;
        return this;
    }

    /**
     * Adds every time of the snapshot.
     *
     * @throws ArithmeticException if the exact sums would overflow; nothing is added then
     */
    public ResponseTimesAccumulator addAll(ResponseTimes times) {
        long[] add = times.sortedNanos();
        return merge(add, add.length, new WideSums(times.sums()));
    }

    /**
     * Adds every time of the other accumulator, which is left unchanged.
     *
     * @throws ArithmeticException if the exact sums would overflow; nothing is added then
     */
    public ResponseTimesAccumulator combine(ResponseTimesAccumulator other) {
        Objects.requireNonNull(other, "other");
        return merge(other.values, other.size, new WideSums(other.sums));
    }

    private ResponseTimesAccumulator merge(long[] add, int count, WideSums addSums) {
        WideSums next = new WideSums(sums);
        next.add(addSums);
        long total = (long) size + count;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Too many response times for exact storage; use ResponseTimeHistogram");
        }
        if (total > values.length) {
            values = Arrays.copyOf(values, (int) Math.max(total, Math.min(Integer.MAX_VALUE - 8L, 2L * size)));
        }
        System.arraycopy(add, 0, values, size, count);
        size = (int) total;
        sums.add(addSums);
        return this;
    }

    /** An immutable snapshot of the times so far (sorted copy; O(n log n)). */
    public ResponseTimes snapshot() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new ResponseTimes(sorted, new WideSums(sums));
    }

    @Override
    public String toString() {
        return "ResponseTimesAccumulator[n=" + size + "]";
    }
}
