package io.github.cxmetrics.score;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A share of responses as a fraction on 0…1, such as the CSAT top-box ("% satisfied"), the CES "% easy"
 * or any top/bottom box, with its standard error and confidence intervals. Every number of this
 * class is a fraction, never percent (the score classes give percent: {@code Csat.score()}).
 *
 * <p>Get one with {@link #of(long, long)} from counts, {@link #favorable(Tally)} for the scale's
 * favourable box, {@link #topBox(Tally, int)} / {@link #bottomBox(Tally, int)} for any box, or from
 * {@link Csat#satisfied()} and {@link Ces#easy()}. Weighted shares use weight shares and Kish's
 * effective n: x<sub>eff</sub> = p̂·n<sub>eff</sub>.
 *
 * <p>The estimate of no responses throws {@link IllegalStateException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Proportion {
    private final long n;
    private final long successes;
    private final double effectiveN;
    private final double effectiveSuccesses;

    Proportion(long n, long successes, double effectiveN, double effectiveSuccesses) {
        this.n = n;
        this.successes = successes;
        this.effectiveN = effectiveN;
        this.effectiveSuccesses = Math.min(effectiveSuccesses, effectiveN);
    }

    /**
     * x successes out of n.
     *
     * @throws IllegalArgumentException if n &lt; 0 or x is outside [0, n]
     */
    public static Proportion of(long successes, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("Invalid value for n (valid values >= 0): " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("Invalid value for successes (valid values 0 - " + n + "): " + successes);
        }
        return new Proportion(n, successes, n, successes);
    }

    /**
     * A weighted share from its sums: {@code successes} of {@code n} responses (unweighted counts),
     * the weight of the successes, and Σw and Σw² of all responses. The estimate is the weight share
     * successWeight/Σw and the effective n is Kish's (Σw)²/Σw², as for the weighted score types; with
     * all weights 1 it equals {@link #of(long, long)}.
     *
     * @throws IllegalArgumentException if a count is out of range ({@link #of(long, long)}), a sum is
     *     negative or not finite, the success weight exceeds Σw, or Σw² is 0 while Σw is not
     */
    public static Proportion ofWeights(long successes, long n, double successWeight, double sumOfWeights,
            double sumOfSquaredWeights) {
        of(successes, n);
        if (!(successWeight >= 0 && sumOfWeights >= successWeight && sumOfWeights < Double.POSITIVE_INFINITY
                && sumOfSquaredWeights >= 0 && sumOfSquaredWeights < Double.POSITIVE_INFINITY)
                || (sumOfWeights > 0 && sumOfSquaredWeights == 0)) {
            throw new IllegalArgumentException("Invalid weight sums (valid values 0 <= successWeight <= sumOfWeights, "
                    + "finite, sumOfSquaredWeights > 0 with weight): " + successWeight + ", " + sumOfWeights + ", "
                    + sumOfSquaredWeights);
        }
        if (sumOfWeights == 0) {
            return new Proportion(n, successes, 0, 0);
        }
        double effectiveN = sumOfWeights / sumOfSquaredWeights * sumOfWeights;
        return new Proportion(n, successes, effectiveN, successWeight / sumOfWeights * effectiveN);
    }

    /** The share of responses in the scale's favourable box (promoters, satisfied, easy). */
    public static Proportion favorable(Tally tally) {
        Scale scale = tally.scale();
        return where(Sample.of(tally), scale::isFavorable);
    }

    /** The weighted share of responses in the scale's favourable box. */
    public static Proportion favorable(WeightedTally tally) {
        Scale scale = tally.scale();
        return where(Sample.of(tally), scale::isFavorable);
    }

    /**
     * The share of responses among the {@code k} highest points.
     *
     * @throws IllegalArgumentException if k is not in 1..points
     */
    public static Proportion topBox(Tally tally, int k) {
        Scale scale = tally.scale();
        checkBox(scale, k);
        return where(Sample.of(tally), s -> s > scale.max() - k);
    }

    /**
     * The share of responses among the {@code k} lowest points.
     *
     * @throws IllegalArgumentException if k is not in 1..points
     */
    public static Proportion bottomBox(Tally tally, int k) {
        Scale scale = tally.scale();
        checkBox(scale, k);
        return where(Sample.of(tally), s -> s < scale.min() + k);
    }

    private static void checkBox(Scale scale, int k) {
        if (!(k >= 1 && k <= scale.points())) {
            throw new IllegalArgumentException("Invalid value for box size of " + scale + " (valid values 1 - "
                    + scale.points() + "): " + k);
        }
    }

    static Proportion where(Sample sample, IntPredicate inBox) {
        Objects.requireNonNull(sample);
        return new Proportion(sample.n, sample.countWhere(inBox), sample.effectiveN, sample.massWhere(inBox));
    }

    /** The number of responses. */
    public long n() {
        return n;
    }

    /** The number of responses in the box (unweighted). */
    public long successes() {
        return successes;
    }

    /** The effective sample size: n unweighted, Kish's n<sub>eff</sub> weighted. */
    public double effectiveN() {
        return effectiveN;
    }

    /** The effective number of successes, p̂·n<sub>eff</sub> (equal to {@link #successes()} unweighted). */
    public double effectiveSuccesses() {
        return effectiveSuccesses;
    }

    /** Whether there are no responses. */
    public boolean isEmpty() {
        return n == 0;
    }

    /**
     * The share p̂ as a fraction in [0, 1] (not percent).
     *
     * @throws IllegalStateException if there are no responses (or no weight)
     */
    public double estimate() {
        requireData();
        return effectiveSuccesses / effectiveN;
    }

    /** The standard error √(p̂(1 − p̂)/n<sub>eff</sub>), a fraction (not percent), 0 at p̂ = 0 or 1. */
    public double standardError() {
        double p = estimate();
        return Math.sqrt(p * (1 - p) / effectiveN);
    }

    /** The 95 % Wilson interval, a fraction on 0…1. */
    public Interval interval() {
        return interval(Confidence.DEFAULT, ProportionInterval.WILSON);
    }

    /** The Wilson interval at the given level, a fraction on 0…1. */
    public Interval interval(double confidence) {
        return interval(confidence, ProportionInterval.WILSON);
    }

    /**
     * The interval by the given method, on the 0…1 scale.
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException if there are no responses (or no weight)
     */
    public Interval interval(double confidence, ProportionInterval method) {
        Objects.requireNonNull(method, "method");
        requireData();
        return method.of(effectiveSuccesses, effectiveN, confidence);
    }

    private void requireData() {
        if (n == 0) {
            throw new IllegalStateException("The share of no responses is undefined (n = 0)");
        }
        if (effectiveN == 0) {
            throw new IllegalStateException("The share is undefined: the total weight is zero (n = " + n + ")");
        }
    }

    @Override
    public String toString() {
        return "Proportion[" + successes + "/" + n + "]";
    }
}
