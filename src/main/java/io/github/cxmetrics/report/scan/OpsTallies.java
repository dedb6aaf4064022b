package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.ops.OutcomeAccumulator;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.ops.WeightedOutcomeAccumulator;
import io.github.cxmetrics.ops.WeightedResponseTimeHistogramAccumulator;
import io.github.cxmetrics.survey.SurveyAccumulator;

/**
 * The operational accumulators of one group (overall, a period, a segment value): a response-time
 * histogram, a first-contact resolution count and a KTO survey, each null when the report does not
 * have it. Memory does not grow with the rows: the histogram with the log of the range of times,
 * the survey with its distinct answer patterns. A weighted report also has weighted response times
 * and FCR (with exact weight sums, so that merging stays exact) and a weighted KTO survey.
 */
public final class OpsTallies {
    private final ResponseTimeHistogramAccumulator response;
    private final OutcomeAccumulator fcr;
    private SurveyAccumulator kto;
    private WeightedResponseTimeHistogramAccumulator weightedResponse;
    private WeightedOutcomeAccumulator weightedFcr;
    /** Rows with a response start but no end yet (timestamp form only). */
    private long openResponses;

    public OpsTallies(ResponseTimeHistogramAccumulator response, OutcomeAccumulator fcr, SurveyAccumulator kto) {
        this.response = response;
        this.fcr = fcr;
        this.kto = kto;
    }

    /**
     * Makes these (empty) tallies weighted: weighted response times beside {@link #response()} and a
     * weighted FCR beside {@link #fcr()}, each only when the unweighted one exists, and a weighted
     * KTO survey ({@link SurveyAccumulator#weighted}) instead of the unweighted one.
     */
    public OpsTallies weighted(WeightedResponseTimeHistogramAccumulator times, WeightedOutcomeAccumulator outcomes) {
        this.weightedResponse = response == null ? null : times;
        this.weightedFcr = fcr == null ? null : outcomes;
        if (kto != null && !kto.isWeighted()) {
            if (kto.respondents() != 0) {
                throw new IllegalStateException("Only empty operational tallies can be made weighted");
            }
            kto = SurveyAccumulator.weighted(kto.survey());
        }
        return this;
    }

    /** The weighted response times of a weighted report, or null. */
    public WeightedResponseTimeHistogramAccumulator weightedResponse() {
        return weightedResponse;
    }

    /** The weighted first-contact resolution of a weighted report, or null. */
    public WeightedOutcomeAccumulator weightedFcr() {
        return weightedFcr;
    }

    public ResponseTimeHistogramAccumulator response() {
        return response;
    }

    public OutcomeAccumulator fcr() {
        return fcr;
    }

    public SurveyAccumulator kto() {
        return kto;
    }

    /** Counts one row whose response has a start but no end yet. */
    void addOpen() {
        openResponses++;
    }

    /** Counts rows whose response has a start but no end yet (stored tallies). */
    public void addOpen(long count) {
        openResponses = Math.addExact(openResponses, count);
    }

    /** The rows with a response start but no end yet. */
    public long openResponses() {
        return openResponses;
    }

    /**
     * Adds another group's operational tallies with every weight multiplied by a factor (a raking
     * cell's): unweighted counts add exactly, the weighted ones are multiplied and added.
     */
    void addAllScaled(OpsTallies other, double factor) {
        if (response != null) {
            response.combine(other.response);
            openResponses += other.openResponses;
            weightedResponse.addAll(other.weightedResponse.snapshot().multipliedBy(factor));
        }
        if (fcr != null) {
            fcr.combine(other.fcr);
            weightedFcr.combine(other.weightedFcr.multipliedBy(factor));
        }
        if (kto != null) {
            kto.combine(other.kto.isWeighted() ? other.kto.multipliedBy(factor) : other.kto);
        }
    }

    public void addAll(OpsTallies other) {
        if (response != null) {
            response.combine(other.response);
            openResponses += other.openResponses;
        }
        if (weightedResponse != null) {
            weightedResponse.combine(other.weightedResponse);
        }
        if (fcr != null) {
            fcr.combine(other.fcr);
        }
        if (weightedFcr != null) {
            weightedFcr.combine(other.weightedFcr);
        }
        if (kto != null) {
            kto.combine(other.kto);
        }
    }
}
