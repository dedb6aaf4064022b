package io.github.cxmetrics.tally;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.Scale;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collector;

/**
 * An immutable count of responses per point of a scale: the sufficient statistic from which every
 * unweighted score (NPS, top-box share, mean, their intervals) is derived.
 *
 * <p>Get one from a {@link TallyAccumulator#snapshot()}, from counts you already have with
 * {@link #of(Scale, long...)}, from a stream with {@link #toTally(Scale)}, or as
 * {@link #empty(Scale)}. Two tallies merge exactly with {@link #plus(Tally)}: element-wise addition
 * of counts, so any split of the same responses, merged in any order, gives an {@code equals}
 * result.
 *
 * <p>Immutable, thread-safe, a value type: {@code equals} compares the scale and the counts.
 *
 * <p>Counts are exact {@code long}s; an addition that would exceed {@link Long#MAX_VALUE} (per
 * point or in total) throws {@link ArithmeticException} instead of wrapping.
 */
public final class Tally {
    private final Scale scale;
    private final long[] counts;
    private final long n;

    Tally(Scale scale, long[] counts, long n) {
        this.scale = scale;
        this.counts = counts;
        this.n = n;
    }

    /** A tally of no responses. */
    public static Tally empty(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return new Tally(scale, new long[scale.points()], 0);
    }

    /**
     * A tally with the given count for each point, from {@code scale.min()} to {@code scale.max()}.
     *
     * @throws IllegalArgumentException if the number of counts differs from the scale's points or
     *     a count is negative
     * @throws ArithmeticException if the total exceeds {@link Long#MAX_VALUE}
     */
    public static Tally of(Scale scale, long... counts) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(counts, "counts");
        long[] copy = checkCounts(scale, counts);
        long n = 0;
        for (long c : copy) {
            n = Math.addExact(n, c);
        }
        return new Tally(scale, copy, n);
    }

    static long[] checkCounts(Scale scale, long[] counts) {
        if (counts.length != scale.points()) {
            throw new IllegalArgumentException("Invalid number of counts for " + scale + " (expected "
                    + scale.points() + ", one per point " + scale.min() + ".." + scale.max() + "): " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("Invalid count for score " + (scale.min() + i) + " of " + scale
                        + " (valid values >= 0): " + counts[i]);
            }
        }
        return counts.clone();
    }

    /**
     * A collector of scores into a tally, for sequential and parallel streams. A {@code null}
     * element is a missing score and is rejected, as is any score off the scale.
     *
     * @throws IllegalArgumentException (during collection) for a null or off-scale score
     */
    public static Collector<Integer, TallyAccumulator, Tally> toTally(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return Collector.of(() -> new TallyAccumulator(scale), TallyAccumulator::add, TallyAccumulator::combine,
                TallyAccumulator::snapshot, Collector.Characteristics.UNORDERED);
    }

    /** The scale these counts are on. */
    public Scale scale() {
        return scale;
    }

    /** The number of responses. */
    public long n() {
        return n;
    }

    /** Whether there are no responses. */
    public boolean isEmpty() {
        return n == 0;
    }

    /**
     * The number of responses with the given score.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    public long count(int score) {
        return counts[scale.indexOf(score)];
    }

    /** A copy of the counts, one per point from {@code scale().min()} to {@code scale().max()}. */
    public long[] counts() {
        return counts.clone();
    }

    /** The number of responses in the scale's favourable box (promoters, satisfied, easy). */
    public long favorable() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (scale.isFavorable(scale.min() + i)) {
                sum += counts[i];
            }
        }
        return sum;
    }

    /** The number of responses in the scale's unfavourable box (detractors, dissatisfied, difficult). */
    public long unfavorable() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (scale.isUnfavorable(scale.min() + i)) {
                sum += counts[i];
            }
        }
        return sum;
    }

    /**
     * The number of responses with a score in {@code [from, to]}.
     *
     * @throws IllegalArgumentException if either bound is off the scale or {@code from > to}
     */
    public long countBetween(int from, int to) {
        int a = scale.indexOf(from);
        int b = scale.indexOf(to);
        if (a > b) {
            throw new IllegalArgumentException("Invalid score range (from must not exceed to): " + from + ".." + to);
        }
        long sum = 0;
        for (int i = a; i <= b; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /**
     * The tally of both groups of responses: counts added point by point.
     *
     * @throws IllegalArgumentException if the scales differ ({@code Scale mismatch: A / B})
     * @throws ArithmeticException if a count or the total would overflow
     */
    public Tally plus(Tally other) {
        requireSameScale(scale, other.scale);
        long[] sum = new long[counts.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(counts[i], other.counts[i]);
        }
        return new Tally(scale, sum, Math.addExact(n, other.n));
    }

    long[] countsUnsafe() {
        return counts;
    }

    static void requireSameScale(Scale a, Scale b) {
        if (!a.equals(b)) {
            throw Checks.scaleMismatch(a, b);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally other && n == other.n && scale.equals(other.scale)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return scale.hashCode() * 31 + Arrays.hashCode(counts);
    }

    /** For example {@code Tally[CSAT[1..5]: 5, 10, 15, 40, 30]}: the scale and its counts from min to max. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tally[").append(scale).append(": ");
        for (int i = 0; i < counts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(counts[i]);
        }
        return sb.append(']').toString();
    }
}
