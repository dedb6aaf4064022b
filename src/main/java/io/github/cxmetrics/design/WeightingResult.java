package io.github.cxmetrics.design;

import java.util.Arrays;

/**
 * One weight per respondent and what the weighting did: the result of {@link Raking},
 * {@link PostStratification} and {@link ResponseRates#weights()}.
 *
 * <p>Normalisation: the weights have mean 1, so they sum to the number of respondents n (up to
 * rounding, within a relative 1e-12). Every weight is positive and lies in the range that
 * {@link io.github.cxmetrics.tally.WeightedTallyAccumulator#add(int, double)} accepts, so the weights
 * feed the weighted tallies directly: {@code acc.add(score[i], result.weight(i))}. Weighted scores
 * then use Kish's effective n for their intervals, while the unweighted tallies keep the plain
 * figures.
 *
 * <p>Kish's design effect of weighting (Kish 1965, Survey Sampling; Kish 1992, "Weighting for
 * unequal P<sub>i</sub>", J. Official Statistics 8(2):183–200): deff = n·Σw²/(Σw)², at least 1, and the effective sample size
 * n<sub>eff</sub> = (Σw)²/Σw² = n/deff: the number of unweighted responses that would give the same
 * precision.
 *
 * <p>Immutable and thread-safe: {@link #weights()} returns a copy.
 *
 * @since 0.1.0
 */
public final class WeightingResult {
    private final WeightingMethod method;
    private final double[] weights;
    private final int iterations;
    private final boolean converged;
    private final double maxDeviation;
    private final double designEffect;
    private final double effectiveN;
    private final double minWeight;
    private final double maxWeight;

    WeightingResult(WeightingMethod method, double[] weights, int iterations, boolean converged, double maxDeviation) {
        this.method = method;
        this.weights = weights;
        this.iterations = iterations;
        this.converged = converged;
        this.maxDeviation = maxDeviation;
        double sum = 0;
        double sumSquares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double w : weights) {
            sum += w;
            sumSquares += w * w;
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        this.effectiveN = sum * sum / sumSquares;
        this.designEffect = weights.length * sumSquares / (sum * sum);
        this.minWeight = min;
        this.maxWeight = max;
    }

    /** How the weights were made. */
    public WeightingMethod method() {
        return method;
    }

    /** The number of respondents weighted, n. */
    public int size() {
        return weights.length;
    }

    /**
     * The weight of the respondent at the index, in the order given.
     *
     * @throws IndexOutOfBoundsException if the index is outside [0, n)
     */
    public double weight(int index) {
        return weights[index];
    }

    /** A copy of the weights, in the order of the respondents given; mean 1. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The number of full passes over the variables: for raking the number of IPF sweeps, for the
     * closed-form methods 1.
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Whether every weighted share lies within the tolerance of its target; always true for the
     * closed-form methods.
     */
    public boolean converged() {
        return converged;
    }

    /**
     * The largest difference, over every variable and category, between the weighted share of the
     * sample and its target share (on 0…1), after the last iteration.
     */
    public double maxDeviation() {
        return maxDeviation;
    }

    /** Kish's design effect of the weights, n·Σw²/(Σw)², at least 1 (1 when all weights are equal). */
    public double designEffect() {
        return designEffect;
    }

    /** Kish's effective sample size, (Σw)²/Σw² = n/deff. */
    public double effectiveN() {
        return effectiveN;
    }

    /** The smallest weight. */
    public double minWeight() {
        return minWeight;
    }

    /** The largest weight. */
    public double maxWeight() {
        return maxWeight;
    }

    /** A summary, e.g. {@code WeightingResult[raking, n=1000, iterations=7, converged, deff=1.23, …]}. */
    @Override
    public String toString() {
        return "WeightingResult[" + method.label() + ", n=" + weights.length + ", iterations=" + iterations
                + (converged ? ", converged" : ", not converged") + ", maxDeviation=" + maxDeviation + ", designEffect="
                + designEffect + ", effectiveN=" + effectiveN + ", minWeight=" + minWeight + ", maxWeight=" + maxWeight
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightingResult r && r.method == method && r.iterations == iterations
                && r.converged == converged && Double.compare(r.maxDeviation, maxDeviation) == 0
                && Arrays.equals(r.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * method.hashCode() + iterations) + Arrays.hashCode(weights);
    }
}
