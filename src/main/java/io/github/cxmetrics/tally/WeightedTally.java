package io.github.cxmetrics.tally;

import io.github.cxmetrics.internal.ExactSum;
import io.github.cxmetrics.scale.Scale;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable weighted count of responses per scale point: for each point the number of responses
 * {@code c}, the sum of their weights {@code Σw} and the sum of squared weights {@code Σw²}. It is
 * the sufficient statistic of weighted scores and of Kish's effective sample size
 * {@code n_eff = (Σw)² / Σw²} (Kish 1965, <i>Survey Sampling</i>, §11.7).
 *
 * <p>Get one from a {@link WeightedTallyAccumulator#snapshot()} or from stored sums with
 * {@link #of(Scale, long[], BigDecimal[], BigDecimal[])}. The weight sums are kept
 * <em>exactly</em> (see {@link WeightedTallyAccumulator} for the accepted weights), so merging is
 * exact, associative and commutative like for {@link Tally}: any split of the same responses merged
 * in any order is {@code equals}.
 *
 * <p>Immutable, thread-safe, a value type.
 *
 * @since 0.1.0
 */
public final class WeightedTally {
    private final Scale scale;
    private final long[] counts;
    private final long n;
    private final ExactSum[] sumW;
    private final ExactSum[] sumW2;
    private final double[] sumWDouble;
    private final double[] sumW2Double;
    private final double totalW;
    private final double totalW2;

    WeightedTally(Scale scale, long[] counts, long n, ExactSum[] sumW, ExactSum[] sumW2) {
        this.scale = scale;
        this.counts = counts;
        this.n = n;
        this.sumW = sumW;
        this.sumW2 = sumW2;
        this.sumWDouble = new double[counts.length];
        this.sumW2Double = new double[counts.length];
        ExactSum all = new ExactSum();
        ExactSum all2 = new ExactSum();
        for (int i = 0; i < counts.length; i++) {
            sumWDouble[i] = sumW[i].toDouble();
            sumW2Double[i] = sumW2[i].toDouble();
            all.addAll(sumW[i]);
            all2.addAll(sumW2[i]);
        }
        this.totalW = all.toDouble();
        this.totalW2 = all2.toDouble();
    }

    /** A weighted tally of no responses. */
    public static WeightedTally empty(Scale scale) {
        return new WeightedTallyAccumulator(scale).snapshot();
    }

    /**
     * A weighted tally from per-point counts and exact sums of weights and of squared weights, as
     * stored by {@link #sumOfWeightsExact(int)} and {@link #sumOfSquaredWeightsExact(int)}.
     *
     * @throws IllegalArgumentException if an array's length differs from the scale's points, a
     *     count or sum is negative, a sum is not a multiple of 2^-232 or too large, or a point has
     *     weight without responses
     */
    public static WeightedTally of(Scale scale, long[] counts, BigDecimal[] sumOfWeights,
            BigDecimal[] sumOfSquaredWeights) {
        Objects.requireNonNull(scale, "scale");
        long[] c = Tally.checkCounts(scale, Objects.requireNonNull(counts, "counts"));
        int points = scale.points();
        if (sumOfWeights.length != points || sumOfSquaredWeights.length != points) {
            throw new IllegalArgumentException("Invalid number of weight sums for " + scale + " (expected " + points
                    + "): " + sumOfWeights.length + ", " + sumOfSquaredWeights.length);
        }
        ExactSum[] w = new ExactSum[points];
        ExactSum[] w2 = new ExactSum[points];
        long n = 0;
        for (int i = 0; i < points; i++) {
            w[i] = ExactSum.of(Objects.requireNonNull(sumOfWeights[i], "sumOfWeights"));
            w2[i] = ExactSum.of(Objects.requireNonNull(sumOfSquaredWeights[i], "sumOfSquaredWeights"));
            if (c[i] == 0 && !(w[i].isZero() && w2[i].isZero())) {
                throw new IllegalArgumentException("Invalid weight sums for score " + (scale.min() + i)
                        + " of " + scale + ": weight without responses");
            }
            n = Math.addExact(n, c[i]);
        }
        return new WeightedTally(scale, c, n, w, w2);
    }

    /** The scale. */
    public Scale scale() {
        return scale;
    }

    /** The number of responses (unweighted). */
    public long n() {
        return n;
    }

    /** Whether there are no responses. */
    public boolean isEmpty() {
        return n == 0;
    }

    /** The number of responses with the given score (unweighted). */
    public long count(int score) {
        return counts[scale.indexOf(score)];
    }

    /** A copy of the unweighted counts, one per point from min to max. */
    public long[] counts() {
        return counts.clone();
    }

    /** The sum of weights of all responses, rounded once to a double. */
    public double sumOfWeights() {
        return totalW;
    }

    /** The sum of squared weights of all responses, rounded once to a double. */
    public double sumOfSquaredWeights() {
        return totalW2;
    }

    /** The sum of weights of the responses with this score, rounded once to a double. */
    public double sumOfWeights(int score) {
        return sumWDouble[scale.indexOf(score)];
    }

    /** The sum of squared weights of the responses with this score, rounded once to a double. */
    public double sumOfSquaredWeights(int score) {
        return sumW2Double[scale.indexOf(score)];
    }

    /** The exact sum of weights of the responses with this score. */
    public BigDecimal sumOfWeightsExact(int score) {
        return sumW[scale.indexOf(score)].toBigDecimal();
    }

    /** The exact sum of squared weights of the responses with this score. */
    public BigDecimal sumOfSquaredWeightsExact(int score) {
        return sumW2[scale.indexOf(score)].toBigDecimal();
    }

    /**
     * Kish's effective sample size {@code (Σw)² / Σw²}: the number of unweighted responses that
     * would give the same precision. Equals {@link #n()} when all weights are equal.
     *
     * @throws IllegalStateException if the total weight is zero (no responses, or all weights 0)
     */
    public double effectiveN() {
        requireWeight();
        return totalW / totalW2 * totalW;
    }

    /**
     * Kish's design effect due to weighting, {@code n · Σw² / (Σw)²} = {@code n / n_eff} (≥ 1).
     *
     * @throws IllegalStateException if the total weight is zero
     */
    public double designEffect() {
        requireWeight();
        return n / effectiveN();
    }

    private void requireWeight() {
        if (totalW == 0) {
            throw new IllegalStateException(n == 0 ? "no responses" : "total weight is zero");
        }
    }

    /** The unweighted tally of the same responses. */
    public Tally toTally() {
        return new Tally(scale, counts.clone(), n);
    }

    /**
     * The weighted tally of both groups.
     *
     * @throws IllegalArgumentException if the scales differ
     * @throws ArithmeticException if a count overflows
     */
    public WeightedTally plus(WeightedTally other) {
        return new WeightedTallyAccumulator(scale).addAll(this).addAll(other).snapshot();
    }

    /**
     * The weighted tally of this group's responses without those of {@code part}, a part of them:
     * counts and exact weight sums (Σw, Σw²) subtracted point by point, exactly.
     * {@code a.plus(b).minus(b)} equals {@code a}.
     *
     * @throws IllegalArgumentException if the scales differ, or {@code part} is not a part of this
     *     tally: a count, Σw or Σw² of it is larger than this one's, or a point would keep weight
     *     without responses
     */
    public WeightedTally minus(WeightedTally part) {
        Tally.requireSameScale(scale, part.scale);
        long[] rest = new long[counts.length];
        ExactSum[] w = new ExactSum[counts.length];
        ExactSum[] w2 = new ExactSum[counts.length];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = counts[i] - part.counts[i];
            w[i] = sumW[i].minus(part.sumW[i]);
            w2[i] = sumW2[i].minus(part.sumW2[i]);
            if (rest[i] < 0 || w[i] == null || w2[i] == null) {
                throw Tally.notAPart(scale, i, counts[i], part.counts[i]);
            }
            if (rest[i] == 0 && !(w[i].isZero() && w2[i].isZero())) {
                throw new IllegalArgumentException("Invalid part (valid values: a tally of some of these responses): "
                        + "its weights of score " + (scale.min() + i) + " of " + scale + " differ from this tally's");
            }
        }
        return new WeightedTally(scale, rest, n - part.n, w, w2);
    }

    /**
     * The same responses with every weight multiplied by a positive factor: the counts stay, each
     * point's Σw becomes factor·Σw and its Σw² factor²·Σw², each rounded once to the nearest
     * multiple of 2^-232 (the resolution of the exact sums; ties to even). The rounding is
     * deterministic, so equal tallies give equal products; it is exact when the factor is a power
     * of two. Used to apply a raking cell's weight factor to the tallies of that cell.
     *
     * @throws IllegalArgumentException if the factor is not positive and finite
     * @throws ArithmeticException if a product reaches 2^279
     */
    public WeightedTally multipliedBy(double factor) {
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for factor (valid values > 0, finite): " + factor);
        }
        ExactSum[] w = new ExactSum[counts.length];
        ExactSum[] w2 = new ExactSum[counts.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = sumW[i].times(factor);
            w2[i] = sumW2[i].timesSquare(factor);
        }
        return new WeightedTally(scale, counts.clone(), n, w, w2);
    }

    long[] countsUnsafe() {
        return counts;
    }

    ExactSum[] sumWUnsafe() {
        return sumW;
    }

    ExactSum[] sumW2Unsafe() {
        return sumW2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedTally other && n == other.n && scale.equals(other.scale)
                && Arrays.equals(counts, other.counts) && Arrays.equals(sumW, other.sumW)
                && Arrays.equals(sumW2, other.sumW2);
    }

    @Override
    public int hashCode() {
        return (scale.hashCode() * 31 + Arrays.hashCode(counts)) * 31 + Arrays.hashCode(sumW);
    }

    /** For example {@code WeightedTally[NPS[0..10]: n=3, Σw=2.5, n_eff=2.77]}. */
    @Override
    public String toString() {
        return "WeightedTally[" + scale + ": n=" + n + ", Σw=" + totalW + ", Σw²=" + totalW2 + "]";
    }
}
