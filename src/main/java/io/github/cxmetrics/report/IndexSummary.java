package io.github.cxmetrics.report;

import java.util.OptionalDouble;

/**
 * One survey index of one group of a report: the number of respondents it is based on, the index,
 * its standard error and Student t interval at the report's confidence (cut to the index's range).
 * The index is empty when n = 0; the standard error and interval when fewer than two respondents
 * define them. See {@link io.github.cxmetrics.survey.SurveyResult} for the formulas.
 *
 * @param n the eligible respondents
 * @param score the index in index points
 * @param standardError its standard error
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 *
 * @since 0.1.0
 */
public record IndexSummary(long n, OptionalDouble score, OptionalDouble standardError, OptionalDouble lower,
        OptionalDouble upper) {
}
