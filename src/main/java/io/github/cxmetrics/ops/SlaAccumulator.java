package io.github.cxmetrics.ops;

import io.github.cxmetrics.score.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * SLA achievement per group: the share of contacts handled within a target time, for each key
 * such as a segment, a period, or a record of both.
 *
 * <p>Get one with {@code new SlaAccumulator<>(Duration.ofHours(2))}, feed
 * {@link #add(Object, Duration)} per contact (the duration may be elapsed time or
 * {@link BusinessHours#between business time}), and read {@link #snapshot()}: an immutable map
 * from key to the {@link Proportion} of contacts with time ≤ target, with its Wilson interval. A
 * contact without a response time is not added and so never enters n. Merging is
 * {@link #combine(SlaAccumulator)}: counts add per key, exactly.
 *
 * <p>Not thread-safe. Keys must have value semantics ({@code equals}/{@code hashCode}).
 *
 * @param <K> the group key
 *
 * @since 0.1.0
 */
public final class SlaAccumulator<K> {
    private final long target;
    private final Map<K, long[]> counts = new HashMap<>();

    /**
     * An empty accumulator for the given target.
     *
     * @throws IllegalArgumentException if the target is negative
     */
    public SlaAccumulator(Duration target) {
        this.target = Durations.nanos(target);
    }

    /** The target. */
    public Duration target() {
        return Duration.ofNanos(target);
    }

    /**
     * Adds one contact of the group with the given response time.
     *
     * @throws IllegalArgumentException if the time is negative
     * @throws NullPointerException if the key or time is null
     */
    public SlaAccumulator<K> add(K group, Duration time) {
        Objects.requireNonNull(group, "group");
        long t = Durations.nanos(time);
        long[] c = counts.computeIfAbsent(group, k -> new long[2]);
        c[1] = Math.incrementExact(c[1]);
        if (t <= target) {
            c[0]++;
        }
        return this;
    }

    /**
     * Adds one contact with the elapsed time from start to end.
     *
     * @throws IllegalArgumentException if end is before start
     */
    public SlaAccumulator<K> add(K group, Instant start, Instant end) {
        return add(group, Duration.ofNanos(Durations.nanosBetween(start, end)));
    }

    /**
     * Adds the counts of the other accumulator, which is left unchanged.
     *
     * @throws IllegalArgumentException if the targets differ; nothing changes then
     */
    public SlaAccumulator<K> combine(SlaAccumulator<K> other) {
        Objects.requireNonNull(other, "other");
        if (other.target != target) {
            throw new IllegalArgumentException("Target mismatch: " + target() + " / " + other.target());
        }
        for (Map.Entry<K, long[]> e : other.counts.entrySet()) {
            long[] mine = counts.get(e.getKey());
            if (mine != null) {
                Math.addExact(mine[1], e.getValue()[1]);
            }
        }
        for (Map.Entry<K, long[]> e : Map.copyOf(other.counts).entrySet()) {
            long[] c = counts.computeIfAbsent(e.getKey(), k -> new long[2]);
            c[0] += e.getValue()[0];
            c[1] += e.getValue()[1];
        }
        return this;
    }

    /** The achievement per group: within target / contacts. An immutable map without order. */
    public Map<K, Proportion> snapshot() {
        Map<K, Proportion> out = new HashMap<>();
        for (Map.Entry<K, long[]> e : counts.entrySet()) {
            out.put(e.getKey(), Proportion.of(e.getValue()[0], e.getValue()[1]));
        }
        return Map.copyOf(out);
    }

    /** The achievement over all groups together. */
    public Proportion overall() {
        long within = 0;
        long n = 0;
        for (long[] c : counts.values()) {
            within += c[0];
            n = Math.addExact(n, c[1]);
        }
        return Proportion.of(within, n);
    }

    @Override
    public String toString() {
        return "SlaAccumulator[target=" + target() + ", groups=" + counts.size() + "]";
    }
}
