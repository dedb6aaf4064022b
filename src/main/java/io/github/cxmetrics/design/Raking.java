package io.github.cxmetrics.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Raking, or iterative proportional fitting (IPF): weights that make the weighted sample match the
 * known population shares of several categorical variables at once, e.g. region and channel
 * shares from the customer base, to correct response bias.
 *
 * <p>Get one from {@link #builder()}:
 * <pre>{@code
 * Raking raking = Raking.builder()
 *         .margin(PopulationMargin.parse("region=north:0.2,south:0.3,east:0.5"))
 *         .margin("channel", Map.of("phone", 0.4, "email", 0.6))
 *         .tolerance(1e-8).maxIterations(100).trimAt(5.0)
 *         .build();
 * WeightingResult result = raking.weights(respondents);   // List<Map<String, String>>
 * }</pre>
 * A {@code Raking} is immutable and thread-safe and can weight any number of samples.
 *
 * <p>Algorithm (Deming &amp; Stephan 1940, Ann. Math. Statist. 11(4):427–444; Kalton &amp;
 * Flores-Cervantes 2003, J. Official Statistics 19(2):81–97): start from weight 1 for every
 * respondent (or the base weights, scaled to mean 1). One iteration is a sweep over the variables
 * in the order given; for variable v and each of its categories c, multiply the weight of every
 * respondent in c by T<sub>c</sub>·W/S<sub>c</sub>, where T<sub>c</sub> is the target share, S<sub>c</sub>
 * the current weighted sum of c and W the current total. After the sweep (and trimming, see
 * below) the sample's weighted shares are compared with every target: the raking has converged
 * when the largest |S<sub>c</sub>/W − T<sub>c</sub>| over every variable and category is at most
 * the tolerance (default 1e-8, on the 0…1 share scale). Otherwise the next sweep starts, up to
 * the iteration cap (default 100); a raking that reaches the cap reports {@code converged = false}
 * with its {@link WeightingResult#maxDeviation()} rather than failing. With one variable the first
 * sweep already gives post-stratification's weights n·T<sub>c</sub>/n<sub>c</sub> and converges.
 * Shares that sum to 1 within 1e-9 are scaled to sum exactly to 1.
 *
 * <p>Trimming ({@link Builder#trimAt(double)}, off by default): after each sweep the weights are
 * capped at k × their mean and the excess is spread over the other weights in proportion to their
 * size, so the total stays n; this is the fixed point of "cap, renormalise" repeated until nothing
 * changes, found exactly. The next sweep may push weights above the cap again and the trimming
 * pulls the margins away from their targets, so the two alternate until the margins are within
 * the tolerance after trimming; when the cap and the targets cannot both be met the result reports
 * {@code converged = false}.
 *
 * <p>A raking that does not converge returns the weights of the sweep that came closest to the
 * targets (the smallest {@link WeightingResult#maxDeviation()}), with {@code converged = false} and
 * the number of sweeps run; it stops early when a sweep drives a weight out of the range the
 * weighted tallies accept (below 2^-64 or above 2^64 times the mean).
 *
 * <p>The weights are normalised to mean 1 (they sum to n, the number of respondents): raking to
 * shares fixes only their ratios.
 *
 * <p>Errors, all {@link IllegalArgumentException} before any weighting: a respondent without a
 * value for a target variable, a value that is not one of the target's categories (a category the
 * population has must be in the target; one it does not have cannot be weighted), a target
 * category without respondents (an empty cell), and margins that are impossible because every
 * respondent in a category of one variable lies in categories of another whose target shares sum
 * to less (e.g. all northern respondents came by phone, but north is 50 % of the base and phone
 * 20 %). Other impossibilities (among three or more variables) show as a raking that does not
 * converge; if not even the first sweep gives weights in the accepted range, that is an
 * {@link IllegalArgumentException} too.
 *
 * @since 0.1.0
 */
public final class Raking {
    /** The default convergence tolerance on the share scale. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** The default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    private final List<PopulationMargin> targets;
    private final double tolerance;
    private final int maxIterations;
    private final double trimAt;

    private Raking(Builder b) {
        this.targets = Collections.unmodifiableList(new ArrayList<>(b.targets));
        this.tolerance = b.tolerance;
        this.maxIterations = b.maxIterations;
        this.trimAt = b.trimAt;
    }

    /** A builder with no targets, tolerance 1e-8, at most 100 iterations and no trimming. */
    public static Builder builder() {
        return new Builder();
    }

    /** The targets, in the order the sweeps visit them. */
    public List<PopulationMargin> margins() {
        return targets;
    }

    /** The convergence tolerance on the share scale. */
    public double tolerance() {
        return tolerance;
    }

    /** The iteration cap. */
    public int maxIterations() {
        return maxIterations;
    }

    /** The trimming cap k (weights at most k × mean), or empty when weights are not trimmed. */
    public OptionalDouble trimAt() {
        return Double.isNaN(trimAt) ? OptionalDouble.empty() : OptionalDouble.of(trimAt);
    }

    /**
     * Rakes respondents given as rows: respondent i is the map from variable name to category of
     * {@code respondents.get(i)}; variables other than the targets' are ignored.
     *
     * @throws IllegalArgumentException for a missing value, a category not in the target, an empty
     *     cell or impossible margins, naming the variable, category and respondent index
     * @throws NullPointerException if the list or a respondent is null
     */
    public WeightingResult weights(List<? extends Map<String, String>> respondents) {
        return rake(Cells.ofRows(targets, respondents), null);
    }

    /**
     * Rakes respondents that already carry base (design) weights: the raking starts from the base
     * weights, scaled to mean 1, instead of from 1. The result holds the final weights, not factors.
     *
     * @throws IllegalArgumentException as {@link #weights(List)}, or if the lengths differ or a base
     *     weight is not positive and finite
     */
    public WeightingResult weights(List<? extends Map<String, String>> respondents, double[] baseWeights) {
        Objects.requireNonNull(baseWeights, "baseWeights");
        return rake(Cells.ofRows(targets, respondents), baseWeights);
    }

    /**
     * Rakes respondents given as columns: {@code columns.get(variable).get(i)} is the category of
     * respondent i. Every target variable must have a column, all of the same length; other columns
     * are ignored.
     *
     * @throws IllegalArgumentException as {@link #weights(List)}, or for a missing column or columns
     *     of different lengths
     */
    public WeightingResult weightsOfColumns(Map<String, ? extends List<String>> columns) {
        return rake(Cells.ofColumns(targets, columns), null);
    }

    private WeightingResult rake(Cells cells, double[] baseWeights) {
        double[] w = cells.initialWeights(baseWeights);
        cells.requireFeasible();
        int iterations = 0;
        boolean converged = false;
        double[] best = null;
        double bestDeviation = Double.POSITIVE_INFINITY;
        while (iterations < maxIterations) {
            iterations++;
            for (int v = 0; v < cells.shares.length; v++) {
                double[] sums = cells.cellSums(v, w);
                double total = 0;
                for (double s : sums) {
                    total += s;
                }
                double[] factor = new double[sums.length];
                for (int c = 0; c < sums.length; c++) {
                    factor[c] = cells.shares[v][c] * total / sums[c];
                }
                int[] code = cells.codes[v];
                for (int i = 0; i < w.length; i++) {
                    w[i] *= factor[code[i]];
                }
            }
            if (!Double.isNaN(trimAt)) {
                Weights.trim(w, trimAt);
            }
            Weights.normalize(w);
            if (!Weights.accepted(w)) {
                break;
            }
            double deviation = cells.maxDeviation(w);
            if (deviation < bestDeviation) {
                bestDeviation = deviation;
                best = w.clone();
            }
            if (deviation <= tolerance) {
                converged = true;
                break;
            }
        }
        if (best == null) {
            Weights.requireAccepted(w, "raking");
        }
        return new WeightingResult(WeightingMethod.RAKING, best, iterations, converged, bestDeviation);
    }

    @Override
    public String toString() {
        return "Raking" + targets + "[tolerance=" + tolerance + ", maxIterations=" + maxIterations
                + (Double.isNaN(trimAt) ? "" : ", trimAt=" + trimAt) + "]";
    }

    /**
     * Collects the targets and settings of a {@link Raking}. Not thread-safe; {@link #build()}
     * copies what it needs.
     */
    public static final class Builder {
        private final List<PopulationMargin> targets = new ArrayList<>();
        private double tolerance = DEFAULT_TOLERANCE;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double trimAt = Double.NaN;

        private Builder() {
        }

        /**
         * Adds the target shares of a variable.
         *
         * @throws IllegalArgumentException if the variable already has a target
         * @throws NullPointerException if target is null
         */
        public Builder margin(PopulationMargin target) {
            Objects.requireNonNull(target, "target");
            for (PopulationMargin t : targets) {
                if (t.variable().equals(target.variable())) {
                    throw new IllegalArgumentException("Duplicate target for variable " + target.variable());
                }
            }
            targets.add(target);
            return this;
        }

        /**
         * Adds the target shares of a variable; the same as {@code margin(PopulationMargin.of(variable, shares))}.
         *
         * @throws IllegalArgumentException if the shares break the rules of {@link PopulationMargin}, or the
         *     variable already has a target
         */
        public Builder margin(String variable, Map<String, Double> shares) {
            return margin(PopulationMargin.of(variable, shares));
        }

        /**
         * Sets the convergence tolerance: the largest accepted |weighted share − target share|.
         *
         * @throws IllegalArgumentException unless 0 &lt; tolerance &lt; 1
         */
        public Builder tolerance(double tolerance) {
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("Invalid value for tolerance (valid values 0 < t < 1): " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /**
         * Sets the iteration cap: the largest number of sweeps over the variables.
         *
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("Invalid value for maxIterations (valid values >= 1): "
                        + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * Caps the weights at k times the mean weight (weights are trimmed, see {@link Raking}).
         *
         * @throws IllegalArgumentException unless 1 &lt;= k &lt; ∞
         */
        public Builder trimAt(double k) {
            if (!(k >= 1 && k < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Invalid value for trimAt (valid values 1 <= k < infinity): " + k);
            }
            this.trimAt = k;
            return this;
        }

        /**
         * The raking.
         *
         * @throws IllegalStateException if no target was added
         */
        public Raking build() {
            if (targets.isEmpty()) {
                throw new IllegalStateException("A raking needs at least one target");
            }
            return new Raking(this);
        }
    }
}
