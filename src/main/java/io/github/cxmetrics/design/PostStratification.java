package io.github.cxmetrics.design;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Post-stratification to the known population shares of one categorical variable: every
 * respondent in category c gets the weight
 * <pre>
 *   w_i = n·T_c/n_c
 * </pre>
 * where n is the number of respondents, n<sub>c</sub> the number in c and T<sub>c</sub> the target
 * share of c (Holt &amp; Smith 1979, J. Royal Statist. Soc. A 142(1):33–46; Kalton &amp;
 * Flores-Cervantes 2003, J. Official Statistics 19(2):81–97). With base weights b<sub>i</sub> the
 * weight is w<sub>i</sub> = n·T<sub>c</sub>·b<sub>i</sub>/B<sub>c</sub>, with B<sub>c</sub> the sum of
 * the base weights in c. The weighted shares then equal the targets exactly (up to rounding); the
 * weights have mean 1. For several variables use {@link Raking}, which for one variable gives the
 * same weights.
 *
 * <p>Get one with {@link #of(PopulationMargin)}. Immutable and thread-safe.
 *
 * <p>Errors, {@link IllegalArgumentException}: a missing value, a category not in the target, or a
 * target category without respondents (an empty cell; merge it with a neighbour or leave it out of
 * the target).
 *
 * @since 0.1.0
 */
public final class PostStratification {
    private final PopulationMargin target;

    private PostStratification(PopulationMargin target) {
        this.target = target;
    }

    /**
     * Post-stratification to the target's shares.
     *
     * @throws NullPointerException if target is null
     */
    public static PostStratification of(PopulationMargin target) {
        return new PostStratification(Objects.requireNonNull(target, "target"));
    }

    /** The target. */
    public PopulationMargin margin() {
        return target;
    }

    /**
     * The weights of respondents given as rows (respondent i is {@code respondents.get(i)}, a map
     * from variable to category).
     *
     * @throws IllegalArgumentException for a missing value, a category not in the target or an
     *     empty cell, naming the variable, category and respondent index
     * @throws NullPointerException if the list or a respondent is null
     */
    public WeightingResult weights(List<? extends Map<String, String>> respondents) {
        return weigh(Cells.ofRows(List.of(target), respondents), null);
    }

    /**
     * The weights of respondents that carry base weights: w<sub>i</sub> = n·T<sub>c</sub>·b<sub>i</sub>/B<sub>c</sub>.
     *
     * @throws IllegalArgumentException as {@link #weights(List)}, or if the lengths differ or a base
     *     weight is not positive and finite
     */
    public WeightingResult weights(List<? extends Map<String, String>> respondents, double[] baseWeights) {
        Objects.requireNonNull(baseWeights, "baseWeights");
        return weigh(Cells.ofRows(List.of(target), respondents), baseWeights);
    }

    private static WeightingResult weigh(Cells cells, double[] baseWeights) {
        double[] w = cells.initialWeights(baseWeights);
        double[] sums = cells.cellSums(0, w);
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        double[] factor = new double[sums.length];
        for (int c = 0; c < sums.length; c++) {
            factor[c] = cells.shares[0][c] * total / sums[c];
        }
        int[] code = cells.codes[0];
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor[code[i]];
        }
        double deviation = cells.maxDeviation(w);
        Weights.normalize(w);
        Weights.requireAccepted(w, "post-stratification");
        return new WeightingResult(WeightingMethod.POST_STRATIFICATION, w, 1, true, deviation);
    }

    @Override
    public String toString() {
        return "PostStratification[" + target + "]";
    }
}
