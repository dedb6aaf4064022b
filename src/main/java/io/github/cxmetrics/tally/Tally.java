package io.github.cxmetrics.tally;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.Scale;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.IntStream;

/**
 * An immutable count of responses per point of a scale: the sufficient statistic from which every
 * unweighted score (NPS, top-box share, mean, their intervals) is derived.
 *
 * <p>Get one from a {@link TallyAccumulator#snapshot()}, from counts you already have with
 * {@link #of(Scale, long...)}, from its text with {@link #parse(CharSequence)}, from a stream of
 * primitive scores with {@link #of(Scale, IntStream)} (the fast stream path), from a stream of
 * boxed scores with {@link #toTally(Scale)} (convenient, about half as fast) or
 * {@link #toTallySkippingMissing(Scale)} (skips {@code null}, a missing score), or as
 * {@link #empty(Scale)}. The fastest path of all is {@link TallyAccumulator#addAll(int...)} on an
 * array (numbers in docs/performance.md). Two tallies merge exactly with {@link #plus(Tally)}: element-wise addition
 * of counts, so any split of the same responses, merged in any order, gives an {@code equals}
 * result.
 *
 * <p>Immutable, thread-safe, a value type: {@code equals} compares the scale and the counts.
 *
 * <p>Counts are exact {@code long}s; an addition that would exceed {@link Long#MAX_VALUE} (per
 * point or in total) throws {@link ArithmeticException} instead of wrapping.
 *
 * @since 0.1.0
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
     * A collector of boxed scores into a tally, for sequential and parallel streams. A {@code null}
     * element is a missing score and is rejected (the message says how to skip it), as is any
     * score off the scale; {@link #toTallySkippingMissing(Scale)} skips the {@code null}s.
     *
     * <p>Convenient, not fast: every score is an {@code Integer} (about half the speed of the
     * primitive path, a third of the array path, when the boxes already exist). For speed use the primitive path,
     * {@link #of(Scale, IntStream)} (e.g. {@code Tally.of(scale, rows.stream().mapToInt(Row::nps))}),
     * or {@link TallyAccumulator#addAll(int...)} on an array (docs/performance.md).
     *
     * @throws IllegalArgumentException (during collection) for a null or off-scale score
     */
    public static Collector<Integer, TallyAccumulator, Tally> toTally(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return Collector.of(() -> new TallyAccumulator(scale), TallyAccumulator::add, TallyAccumulator::combine,
                TallyAccumulator::snapshot, Collector.Characteristics.UNORDERED);
    }

    /**
     * A collector of boxed scores into a tally that skips {@code null} elements: missing scores,
     * such as a question that was not asked. Any score off the scale is still rejected. The tally's
     * {@link #n()} counts the scores given, not the elements.
     *
     * @throws IllegalArgumentException (during collection) for an off-scale score
     */
    public static Collector<Integer, TallyAccumulator, Tally> toTallySkippingMissing(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return Collector.of(() -> new TallyAccumulator(scale), TallyAccumulator::addIfPresent,
                TallyAccumulator::combine, TallyAccumulator::snapshot, Collector.Characteristics.UNORDERED);
    }

    /**
     * The tally of a stream of primitive scores, sequential or parallel, which is consumed: the fast
     * stream path, built on {@code IntStream.collect} with the accumulator's
     * {@link TallyAccumulator#add(int)} and {@link TallyAccumulator#combine(TallyAccumulator)},
     * without boxing (docs/performance.md). Skip missing scores before they
     * become ints, e.g. {@code rows.stream().filter(r -> r.nps() != null).mapToInt(Row::nps)}.
     *
     * @throws IllegalArgumentException naming an off-scale score
     */
    public static Tally of(Scale scale, IntStream scores) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(scores, "scores");
        return scores.collect(() -> new TallyAccumulator(scale), TallyAccumulator::add, TallyAccumulator::combine)
                .snapshot();
    }

    /**
     * Reads back what {@link #toString()} prints: {@code Tally[CSAT[1..5]: 5, 10, 15, 40, 30]}, the
     * scale as {@link Scale#parse(String)} reads it and one count per point from min to max,
     * written as {@link Long#toString(long)} writes them (no sign, no leading zeros), separated by
     * {@code ", "}. {@code Tally.parse(t.toString()).equals(t)} for every tally.
     *
     * @throws IllegalArgumentException if the text is not such a tally, naming what is wrong:
     *     {@code Invalid tally (expected Tally[SCALE: COUNT, ...]): "..."}, a scale message, an
     *     invalid count or a wrong number of counts
     * @throws ArithmeticException if the total exceeds {@link Long#MAX_VALUE}
     * @throws NullPointerException if text is null
     */
    public static Tally parse(CharSequence text) {
        String t = Objects.requireNonNull(text, "text").toString();
        int colon = t.indexOf("]: ");
        if (!t.startsWith("Tally[") || !t.endsWith("]") || colon < 0) {
            throw new IllegalArgumentException("Invalid tally (expected Tally[SCALE: COUNT, ...]): " + quoted(t));
        }
        Scale scale = Scale.parse(t.substring("Tally[".length(), colon + 1));
        String[] parts = t.substring(colon + 3, t.length() - 1).split(", ", -1);
        long[] counts = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String c = parts[i];
            if (!(c.length() <= 19 && c.matches("0|[1-9][0-9]*"))) {
                throw new IllegalArgumentException("Invalid count for score " + (scale.min() + i) + " of " + scale
                        + " (expected a whole number 0 - " + Long.MAX_VALUE + " without sign or leading zeros): "
                        + quoted(c));
            }
            try {
                counts[i] = Long.parseLong(c);
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("Invalid count for score " + (scale.min() + i) + " of " + scale
                        + " (expected a whole number 0 - " + Long.MAX_VALUE + " without sign or leading zeros): "
                        + quoted(c), tooLarge);
            }
        }
        return of(scale, counts);
    }

    private static String quoted(String text) {
        return text.length() <= 80 ? '"' + text + '"'
                : '"' + text.substring(0, 77) + "...\" (" + text.length() + " characters)";
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

    /**
     * The tally of this group's responses without those of {@code part}, a part of them: counts
     * subtracted point by point, exactly. {@code a.plus(b).minus(b)} equals {@code a}. The report
     * computes each segment's "rest" as the column's total minus the segment, in time linear in
     * the number of segments.
     *
     * @throws IllegalArgumentException if the scales differ ({@code Scale mismatch: A / B}), or
     *     {@code part} is not a part of this tally (one of its counts is larger than this one's)
     */
    public Tally minus(Tally part) {
        requireSameScale(scale, part.scale);
        long[] rest = new long[counts.length];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = counts[i] - part.counts[i];
            if (rest[i] < 0) {
                throw notAPart(scale, i, counts[i], part.counts[i]);
            }
        }
        return new Tally(scale, rest, n - part.n);
    }

    static IllegalArgumentException notAPart(Scale scale, int index, long whole, long part) {
        return new IllegalArgumentException("Invalid part (valid values: a tally of some of these responses): "
                + part + " responses with score " + (scale.min() + index) + " of " + scale + ", of which this tally "
                + "has " + whole);
    }

    long[] countsUnsafe() {
        return counts;
    }

    static void requireSameScale(Scale a, Scale b) {
        Checks.sameScale(a, b);
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

    /**
     * For example {@code Tally[CSAT[1..5]: 5, 10, 15, 40, 30]}: the scale and its counts from min to
     * max, the form {@link #parse(CharSequence)} reads back.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tally[").append(scale).append(": ");
        for (int i = 0; i < counts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(counts[i]);
        }
        return sb.append(']').toString();
    }
}
