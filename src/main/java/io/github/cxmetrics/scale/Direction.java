package io.github.cxmetrics.scale;

/** Which end of a scale is the better experience. 
 *
 * @since 0.1.0
 */
public enum Direction {
    /** Higher scores are better (NPS, CSAT, CES agreement). */
    HIGHER_IS_BETTER,
    /** Lower scores are better (the older 1–5 CES effort scale: 1 = very low effort). */
    LOWER_IS_BETTER
}
