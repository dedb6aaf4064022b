package io.github.cxmetrics.spark;

/**
 * What an aggregator does with a score that is not on its scale (11 on NPS 0–10, 4.5 on CSAT 1–5,
 * NaN) or, for the weighted aggregators, with a non-null score whose weight is missing or invalid.
 * A {@code NULL} score is never invalid: it is a question that was not asked, and is skipped.
 */
public enum InvalidScores {
    /**
     * Fail the Spark job; the cause is the core's {@link IllegalArgumentException}, e.g.
     * {@code Invalid value for NPS[0..10] (valid values 0 - 10): 11}. The default.
     */
    FAIL,
    /** Leave the response out of the tally and count it in the result's {@code rejected} field. */
    REJECT
}
