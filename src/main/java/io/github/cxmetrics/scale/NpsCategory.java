package io.github.cxmetrics.scale;

/**
 * The three Net Promoter categories (Reichheld 2003, "The One Number You Need to Grow", Harvard
 * Business Review 81(12)): on the standard 0–10 question detractors answer 0–6, passives 7–8 and
 * promoters 9–10.
 *
 * @since 0.1.0
 */
public enum NpsCategory {
    /** An unhappy customer, 0–6 on the standard scale; counts −1 in the score. */
    DETRACTOR,
    /** A satisfied but unenthusiastic customer, 7–8; counts 0. */
    PASSIVE,
    /** A loyal enthusiast, 9–10; counts +1. */
    PROMOTER
}
