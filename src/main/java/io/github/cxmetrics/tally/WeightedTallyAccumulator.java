package io.github.cxmetrics.tally;

import io.github.cxmetrics.internal.ExactSum;
import io.github.cxmetrics.scale.Scale;
import java.util.Objects;

/**
 * A mutable weighted count of responses per scale point; read an immutable {@link WeightedTally}
 * with {@link #snapshot()}.
 *
 * <p>Weights must be {@code 0} or lie in [2^-64, 2^64] (about 5.4e-20 to 1.8e19): negative, NaN
 * and infinite weights, and weights outside that range, are rejected with
 * {@link IllegalArgumentException}. In that range the sums of weights and of squared weights are
 * kept exactly (a fixed-point superaccumulator; squares split exactly with {@link Math#fma}), so
 * results do not depend on the order of additions or merges. A zero weight counts the response in
 * {@link WeightedTally#n()} but adds no weight.
 *
 * <p>Every method checks its input before changing anything. Not thread-safe: use one per thread
 * and {@link #combine(WeightedTallyAccumulator)} them.
 *
 * @since 0.1.0
 */
public final class WeightedTallyAccumulator {
    /** The smallest positive weight accepted, 2^-64. */
    public static final double MIN_POSITIVE_WEIGHT = 0x1p-64;
    /** The largest weight accepted, 2^64. */
    public static final double MAX_WEIGHT = 0x1p64;

    private final Scale scale;
    private final long[] counts;
    private final ExactSum[] sumW;
    private final ExactSum[] sumW2;
    private long n;

    /** An empty accumulator for the scale. */
    public WeightedTallyAccumulator(Scale scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
        int points = scale.points();
        this.counts = new long[points];
        this.sumW = new ExactSum[points];
        this.sumW2 = new ExactSum[points];
        for (int i = 0; i < points; i++) {
            sumW[i] = new ExactSum();
            sumW2[i] = new ExactSum();
        }
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
     * Checks a weight.
     *
     * @return the weight
     * @throws IllegalArgumentException if it is negative, NaN, infinite or outside the accepted range
     */
    public static double requireValidWeight(double weight) {
        if (weight == 0 || (weight >= MIN_POSITIVE_WEIGHT && weight <= MAX_WEIGHT)) {
            return weight;
        }
        throw new IllegalArgumentException("Invalid value for weight (valid values 0 or 2^-64 - 2^64): " + weight);
    }

    /**
     * Adds one response with its weight.
     *
     * @throws IllegalArgumentException if the score is off the scale or the weight is invalid
     * @throws ArithmeticException if a count would overflow
     */
    public WeightedTallyAccumulator add(int score, double weight) {
        int i = scale.indexOf(score);
        requireValidWeight(weight);
        long total = Math.incrementExact(n);
        counts[i] = Math.incrementExact(counts[i]);
        n = total;
        sumW[i].add(weight);
        sumW2[i].addSquare(weight);
        return this;
    }

    /**
     * Adds one response with its weight if there is a score, and does nothing for {@code null}
     * (a question that was not asked or not answered): the documented way to skip missing scores.
     * The weight is checked either way.
     *
     * @throws IllegalArgumentException if the score is off the scale or the weight is invalid
     * @throws ArithmeticException if a count would overflow
     */
    public WeightedTallyAccumulator addIfPresent(Integer score, double weight) {
        requireValidWeight(weight);
        return score == null ? this : add(score.intValue(), weight);
    }

    /**
     * Adds every score with the weight at the same index.
     *
     * @throws IllegalArgumentException if the arrays differ in length, or naming the first invalid
     *     score or weight and its index; nothing is added then
     */
    public WeightedTallyAccumulator addAll(int[] scores, double[] weights) {
        if (scores.length != weights.length) {
            throw new IllegalArgumentException("scores and weights differ in length: " + scores.length + " / "
                    + weights.length);
        }
        for (int i = 0; i < scores.length; i++) {
            if (!scale.contains(scores[i])) {
                throw new IllegalArgumentException("Invalid value for " + scale + " at index " + i + " (valid values "
                        + scale.min() + " - " + scale.max() + "): " + scores[i]);
            }
            try {
                requireValidWeight(weights[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " at index " + i, e);
            }
        }
        WeightedTallyAccumulator part = new WeightedTallyAccumulator(scale);
        for (int i = 0; i < scores.length; i++) {
            part.add(scores[i], weights[i]);
        }
        return combine(part);
    }

    /**
     * Adds the responses of a weighted tally, as if they had been added directly.
     *
     * @throws IllegalArgumentException if the scales differ
     */
    public WeightedTallyAccumulator addAll(WeightedTally tally) {
        Tally.requireSameScale(scale, tally.scale());
        return merge(tally.countsUnsafe(), tally.n(), tally.sumWUnsafe(), tally.sumW2Unsafe());
    }

    /**
     * Adds every response of the other accumulator, which is left unchanged.
     *
     * @throws IllegalArgumentException if the scales differ; nothing changes then
     * @throws ArithmeticException if a count would overflow; nothing changes then
     */
    public WeightedTallyAccumulator combine(WeightedTallyAccumulator other) {
        Tally.requireSameScale(scale, other.scale);
        return merge(other.counts, other.n, other.sumW, other.sumW2);
    }

    private WeightedTallyAccumulator merge(long[] c, long addN, ExactSum[] w, ExactSum[] w2) {
        long total = Math.addExact(n, addN);
        long[] next = new long[counts.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = Math.addExact(counts[i], c[i]);
        }
        for (int i = 0; i < next.length; i++) {
            sumW[i].addAll(w[i]);
            sumW2[i].addAll(w2[i]);
        }
        System.arraycopy(next, 0, counts, 0, next.length);
        n = total;
        return this;
    }

    /** An immutable copy of the weighted counts so far. */
    public WeightedTally snapshot() {
        ExactSum[] w = new ExactSum[counts.length];
        ExactSum[] w2 = new ExactSum[counts.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = sumW[i].copy();
            w2[i] = sumW2[i].copy();
        }
        return new WeightedTally(scale, counts.clone(), n, w, w2);
    }
}
