package io.github.cxmetrics.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A KTO survey ({@code --survey}) in one group of a report: how many rows answered at least one of
 * its questions, how many answered enough to count in the indices, the three indices of
 * {@link io.github.cxmetrics.survey.SurveyResult} and the completion rate of each question.
 *
 * @param respondents rows with at least one answer to the survey's questions
 * @param eligibleRespondents respondents with at least the survey's minimum number of answers
 * @param index the KTO index, 0–100 (mean of the respondents' weighted indices)
 * @param netIndex the Forrester-style net index, −100…100
 * @param acsiIndex the ACSI-style index of item means, 0–100
 * @param completion per question id in survey order, the % of respondents who answered it; empty
 *     when there are no respondents
 *
 * @since 0.1.0
 */
public record KtoSummary(long respondents, long eligibleRespondents, IndexSummary index, IndexSummary netIndex,
        IndexSummary acsiIndex, Map<String, Double> completion) {
    /** Copies the map, keeping its order. */
    public KtoSummary {
        completion = Collections.unmodifiableMap(new LinkedHashMap<>(completion));
    }
}
