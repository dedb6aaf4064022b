package io.github.cxmetrics.tally;

import io.github.cxmetrics.scale.Scale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A mutable count of responses per scale point, to feed one response (or a batch) at a time and
 * read an immutable {@link Tally} from with {@link #snapshot()}.
 *
 * <p>Get one with {@code new TallyAccumulator(scale)}. Merging is {@link #combine(TallyAccumulator)}
 * or {@link #addAll(Tally)}: "as if the responses had been added directly". Every method checks its
 * input before it changes anything, so a rejected score, a scale mismatch or an overflow leaves the
 * accumulator as it was.
 *
 * <p>Which path is fast: the bulk {@link #addAll(int...)} and {@link #addAll(byte[])} run at the
 * speed of a hand-written counting loop; {@link #addAll(IntStream)} and {@link Tally#of(Scale, IntStream)}
 * reach 0.5–0.75 of it; collecting boxed {@code Integer}s with {@link Tally#toTally(Scale)} about
 * 0.3–0.4 (numbers in docs/performance.md). Missing scores: {@link #addIfPresent(Integer)} skips a
 * {@code null}, {@link #add(Integer)} rejects it.
 *
 * <p>Not thread-safe: use one per thread and combine them, as {@link Tally#toTally(Scale)} and
 * {@link Tally#of(Scale, IntStream)} do for parallel streams.
 *
 * @since 0.1.0
 */
public final class TallyAccumulator {
    private final Scale scale;
    private final int min;
    private final long[] counts;
    private long n;

    /** An empty accumulator for the given scale. */
    public TallyAccumulator(Scale scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
        this.min = scale.min();
        this.counts = new long[scale.points()];
    }

    /** The scale. */
    public Scale scale() {
        return scale;
    }

    /** The number of responses added so far. */
    public long n() {
        return n;
    }

    /** Whether nothing has been added. */
    public boolean isEmpty() {
        return n == 0;
    }

    /**
     * The number of responses with the given score so far.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    public long count(int score) {
        return counts[scale.indexOf(score)];
    }

    /**
     * Adds one response.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     * @throws ArithmeticException if a count would overflow
     */
    public TallyAccumulator add(int score) {
        // score - min is an index of counts exactly when the score is on the scale (an int overflow
        // of the subtraction lands out of range); no count can overflow before the total does
        int i = score - min;
        if (i < 0 || i >= counts.length || n == Long.MAX_VALUE) {
            throw rejected(score);
        }
        n++;
        counts[i]++;
        return this;
    }

    /** The exception for an off-scale score, or the overflow of the total (kept out of add's body). */
    private RuntimeException rejected(int score) {
        if (!scale.contains(score)) {
            return new IllegalArgumentException("Invalid value for " + scale + " (valid values " + scale.min()
                    + " - " + scale.max() + "): " + score);
        }
        return new ArithmeticException("long overflow");
    }

    /**
     * Adds one response given as a boxed score, as in a stream of {@code Integer}. A {@code null}
     * score (a question that was not answered) is rejected: skip it with
     * {@link #addIfPresent(Integer)} or collect with {@link Tally#toTallySkippingMissing(Scale)}.
     *
     * @throws IllegalArgumentException if the score is null (missing) or not on the scale
     */
    public TallyAccumulator add(Integer score) {
        if (score == null) {
            throw missing(scale);
        }
        return add(score.intValue());
    }

    /**
     * Adds one response if there is a score, and does nothing for {@code null} (a question that
     * was not asked or not answered): the documented way to skip missing scores one at a time.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    public TallyAccumulator addIfPresent(Integer score) {
        return score == null ? this : add(score.intValue());
    }

    static IllegalArgumentException missing(Scale scale) {
        return new IllegalArgumentException("Missing value for " + scale + " (valid values " + scale.min() + " - "
                + scale.max() + "): null (a score that was not given; skip missing scores with"
                + " Tally.toTallySkippingMissing(scale) or TallyAccumulator.addIfPresent)");
    }

    /**
     * Adds {@code times} responses with the same score.
     *
     * @throws IllegalArgumentException if the score is not on the scale or {@code times < 0}
     * @throws ArithmeticException if a count would overflow
     */
    public TallyAccumulator add(int score, long times) {
        int i = scale.indexOf(score);
        if (times < 0) {
            throw new IllegalArgumentException("Invalid value for times (valid values >= 0): " + times);
        }
        long total = Math.addExact(n, times);
        counts[i] = Math.addExact(counts[i], times);
        n = total;
        return this;
    }

    /**
     * Adds every score in the array.
     *
     * @throws IllegalArgumentException naming the first off-scale score and its index; nothing is
     *     added then
     */
    public TallyAccumulator addAll(int... scores) {
        Objects.requireNonNull(scores, "scores");
        // The array's own bounds check is the scale check: score - min is an index of local exactly
        // when the score is on the scale (an int overflow of the subtraction gives an index out of
        // range, never another point), so the loop is the plain counting loop. At an off-scale
        // score, local is dropped and nothing is added.
        long[] local = new long[counts.length];
        int lowest = min;
        try {
            if (lowest == 0) { // 0..10 NPS: the score is the index
                for (int score : scores) {
                    local[score]++;
                }
            } else {
                for (int score : scores) {
                    local[score - lowest]++;
                }
            }
        } catch (ArrayIndexOutOfBoundsException offScale) {
            for (int j = 0; j < scores.length; j++) {
                if (!scale.contains(scores[j])) {
                    throw badElement(j, scores[j]);
                }
            }
            throw new AssertionError("off-scale score not found", offScale);
        }
        return merge(local, scores.length);
    }

    /**
     * Adds every score in the array, each byte read as a signed value (-128..127).
     *
     * @throws IllegalArgumentException naming the first off-scale score and its index; nothing is
     *     added then
     */
    public TallyAccumulator addAll(byte[] scores) {
        Objects.requireNonNull(scores, "scores");
        return addAll(scores, 0, scores.length);
    }

    /**
     * Adds the scores in {@code scores[from, to)}, each byte read as a signed value.
     *
     * @throws IndexOutOfBoundsException if the range is not within the array
     * @throws IllegalArgumentException naming the first off-scale score and its index; nothing is
     *     added then
     */
    public TallyAccumulator addAll(byte[] scores, int from, int to) {
        Objects.checkFromToIndex(from, to, scores.length);
        // As for int[]: the bounds check of local is the scale check, so the loop is the plain
        // counting loop; at an off-scale score, local is dropped and nothing is added.
        long[] local = new long[counts.length];
        int lowest = min;
        try {
            if (lowest == 0) { // 0..10 NPS: the score is the index
                for (int i = from; i < to; i++) {
                    local[scores[i]]++;
                }
            } else {
                for (int i = from; i < to; i++) {
                    local[scores[i] - lowest]++;
                }
            }
        } catch (ArrayIndexOutOfBoundsException offScale) {
            for (int j = from; j < to; j++) {
                if (!scale.contains(scores[j])) {
                    throw badElement(j, scores[j]);
                }
            }
            throw new AssertionError("off-scale score not found", offScale);
        }
        return merge(local, to - from);
    }

    /**
     * Adds every score of the stream, which is consumed; sequential and parallel streams alike.
     * The primitive path: {@code IntStream.collect} with {@link #add(int)} and
     * {@link #combine(TallyAccumulator)}, without boxing (speed in docs/performance.md).
     *
     * @throws IllegalArgumentException naming an off-scale score (the first one for a sequential
     *     stream); nothing is added then
     */
    public TallyAccumulator addAll(IntStream scores) {
        Objects.requireNonNull(scores, "scores");
        Scale s = scale;
        return combine(scores.collect(() -> new TallyAccumulator(s), TallyAccumulator::add, TallyAccumulator::combine));
    }

    /**
     * Adds every response counted in the tally, as if they had been added directly.
     *
     * @throws IllegalArgumentException if the scales differ ({@code Scale mismatch: A / B})
     * @throws ArithmeticException if a count would overflow
     */
    public TallyAccumulator addAll(Tally tally) {
        Tally.requireSameScale(scale, tally.scale());
        return merge(tally.countsUnsafe(), tally.n());
    }

    /**
     * Adds every response of the other accumulator, which is left unchanged.
     *
     * @throws IllegalArgumentException if the scales differ ({@code Scale mismatch: A / B}); this
     *     accumulator is unchanged then
     * @throws ArithmeticException if a count would overflow; this accumulator is unchanged then
     */
    public TallyAccumulator combine(TallyAccumulator other) {
        Tally.requireSameScale(scale, other.scale);
        return merge(other.counts, other.n);
    }

    private TallyAccumulator merge(long[] add, long addN) {
        long total = Math.addExact(n, addN);
        long[] next = new long[counts.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = Math.addExact(counts[i], add[i]);
        }
        System.arraycopy(next, 0, counts, 0, next.length);
        n = total;
        return this;
    }

    private IllegalArgumentException badElement(int index, int value) {
        return new IllegalArgumentException("Invalid value for " + scale + " at index " + index + " (valid values "
                + scale.min() + " - " + scale.max() + "): " + value);
    }

    /** An immutable copy of the counts so far. */
    public Tally snapshot() {
        return new Tally(scale, counts.clone(), n);
    }

    @Override
    public String toString() {
        return "TallyAccumulator" + snapshot().toString().substring("Tally".length());
    }
}
