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
 * <p>Not thread-safe: use one per thread and combine them, as {@link Tally#toTally(Scale)} does
 * for parallel streams.
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
        int i = scale.indexOf(score);
        long total = Math.incrementExact(n);
        counts[i] = Math.incrementExact(counts[i]);
        n = total;
        return this;
    }

    /**
     * Adds one response given as a boxed score, as in a stream of {@code Integer}.
     *
     * @throws IllegalArgumentException if the score is null (missing) or not on the scale
     */
    public TallyAccumulator add(Integer score) {
        if (score == null) {
            throw new IllegalArgumentException("Missing value for " + scale + " (valid values " + scale.min()
                    + " - " + scale.max() + "): null");
        }
        return add(score.intValue());
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
        int points = counts.length;
        long[] local = new long[points];
        for (int i = 0; i < scores.length; i++) {
            int idx = scores[i] - min;
            if (idx < 0 || idx >= points) {
                throw badElement(i, scores[i]);
            }
            local[idx]++;
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
        int points = counts.length;
        // Four interleaved count arrays break the store-to-load dependency of repeated scores.
        long[] c0 = new long[points];
        long[] c1 = new long[points];
        long[] c2 = new long[points];
        long[] c3 = new long[points];
        int i = from;
        int bad = -1;
        for (; i + 3 < to; i += 4) {
            int a = scores[i] - min;
            int b = scores[i + 1] - min;
            int c = scores[i + 2] - min;
            int d = scores[i + 3] - min;
            if ((a | b | c | d) < 0 || a >= points || b >= points || c >= points || d >= points) {
                bad = i;
                break;
            }
            c0[a]++;
            c1[b]++;
            c2[c]++;
            c3[d]++;
        }
        if (bad < 0) {
            for (; i < to; i++) {
                int a = scores[i] - min;
                if (a < 0 || a >= points) {
                    bad = i;
                    break;
                }
                c0[a]++;
            }
        }
        if (bad >= 0) {
            for (int j = bad; j < to; j++) {
                int a = scores[j] - min;
                if (a < 0 || a >= points) {
                    throw badElement(j, scores[j]);
                }
            }
        }
        for (int p = 0; p < points; p++) {
            c0[p] += c1[p] + c2[p] + c3[p];
        }
        return merge(c0, to - from);
    }

    /**
     * Adds every score of the stream, which is consumed.
     *
     * @throws IllegalArgumentException naming the first off-scale score; nothing is added then
     */
    public TallyAccumulator addAll(IntStream scores) {
        Objects.requireNonNull(scores, "scores");
        TallyAccumulator part = new TallyAccumulator(scale);
        scores.forEachOrdered(part::add);
        return combine(part);
    }

    /**
     * Adds every response counted in the tally, as if they had been added directly.
     *
     * @throws IllegalArgumentException if the scales differ
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
