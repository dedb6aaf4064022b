package io.github.cxmetrics.report;

import io.github.cxmetrics.insight.ProbabilityBetter;
import io.github.cxmetrics.trend.Metric;

/**
 * The posterior probability that a group is better than what it is compared with ({@code --bayes}):
 * a trend period against the previous period ("did it improve?"), or a segment value against the
 * rest of its column ("is it better than the others?"). See {@link ProbabilityBetter}.
 *
 * @param column the segment column, or null for a trend period of the whole input
 * @param segment the segment value, or null for a trend period
 * @param period the trend period's label, or null for a segment value
 * @param metric the metric
 * @param probability P(better), exact or Monte Carlo with its standard error
 * @since 0.1.0
 */
public record Improvement(String column, String segment, String period, Metric metric,
        ProbabilityBetter.Probability probability) {
}
