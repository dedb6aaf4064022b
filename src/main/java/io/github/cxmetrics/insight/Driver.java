package io.github.cxmetrics.insight;

import java.util.OptionalDouble;

/**
 * One driver of a {@link KeyDrivers} analysis: its importances, its reference statistics, its
 * score and its place in the importance–performance matrix.
 *
 * @param name the driver's name
 * @param lmg the LMG (Shapley) share of R², or NaN when the analysis has more than
 *     {@link KeyDrivers#MAX_EXACT_LMG} drivers (see {@link #lmgIfComputed()})
 * @param relativeWeight Johnson's relative weight, a share of R²
 * @param beta the standardized regression coefficient
 * @param correlation the correlation with the outcome
 * @param score the driver's mean answer
 * @param standardDeviation the driver's sample standard deviation
 * @param rank the rank by importance (1 the most important; LMG, else relative weight)
 * @param quadrant the importance–performance quadrant
 * @param expectedGain the model's change in the outcome's mean if this driver's mean moved up to
 *     the median score of the other drivers (0 when it is already there): unstandardized
 *     coefficient × distance; a model estimate, not a promise
 * @since 0.1.0
 */
public record Driver(String name, double lmg, double relativeWeight, double beta, double correlation, double score,
        double standardDeviation, int rank, Quadrant quadrant, double expectedGain) {

    /** The LMG share, empty when it was not computed (more than {@link KeyDrivers#MAX_EXACT_LMG} drivers). */
    public OptionalDouble lmgIfComputed() {
        return Double.isNaN(lmg) ? OptionalDouble.empty() : OptionalDouble.of(lmg);
    }

    /** The importance the rank and the quadrant use: LMG when computed, else the relative weight. */
    public double importance() {
        return Double.isNaN(lmg) ? relativeWeight : lmg;
    }
}
