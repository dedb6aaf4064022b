/**
 * Multi-question satisfaction surveys (KTO): a {@link io.github.cxmetrics.survey.Survey}
 * definition of questions with their scales and weights, a
 * {@link io.github.cxmetrics.survey.SurveyAccumulator} fed one respondent at a time, and the
 * {@link io.github.cxmetrics.survey.SurveyResult}: per-question tallies and completion rates, and
 * three indices with intervals (the weighted 0–100 index of respondents, a Forrester-style net
 * index and an ACSI-style index of item means). {@link io.github.cxmetrics.survey.Dedup} keeps one
 * response per respondent. Formulas, sources and the missing-answer policy are in
 * {@code docs/kto.md}.
 */
package io.github.cxmetrics.survey;
