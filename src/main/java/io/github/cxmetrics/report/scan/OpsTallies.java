package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.ops.OutcomeAccumulator;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.survey.SurveyAccumulator;

/**
 * The operational accumulators of one group (overall, a period, a segment value): a response-time
 * histogram, a first-contact resolution count and a KTO survey, each null when the report does not
 * have it. Memory does not grow with the rows: the histogram with the log of the range of times,
 * the survey with its distinct answer patterns.
 */
public final class OpsTallies {
    private final ResponseTimeHistogramAccumulator response;
    private final OutcomeAccumulator fcr;
    private final SurveyAccumulator kto;
    /** Rows with a response start but no end yet (timestamp form only). */
    private long openResponses;

    public OpsTallies(ResponseTimeHistogramAccumulator response, OutcomeAccumulator fcr, SurveyAccumulator kto) {
        this.response = response;
        this.fcr = fcr;
        this.kto = kto;
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

    public void addAll(OpsTallies other) {
        if (response != null) {
            response.combine(other.response);
            openResponses += other.openResponses;
        }
        if (fcr != null) {
            fcr.combine(other.fcr);
        }
        if (kto != null) {
            kto.combine(other.kto);
        }
    }
}
