package io.github.cxmetrics.report;

import io.github.cxmetrics.insight.GroupRanking;

/**
 * The fair ranking of one segment column's values by one measure ({@code --rank COLUMN}): the
 * empirical-Bayes {@link GroupRanking} of the values' NPS, CSAT % satisfied or first-contact
 * resolution, or, when fewer than three values have responses, no ranking and the reason.
 *
 * @param column the segment column
 * @param measure {@code nps}, {@code csat} or {@code fcr}
 * @param ranking the ranking, or null when there is none
 * @param note why there is no ranking, or null
 * @since 0.1.0
 */
public record Ranking(String column, String measure, GroupRanking ranking, String note) {
}
