package io.github.cxmetrics.report;

import java.util.Optional;

/**
 * The operational KPIs and KTO survey of one group of a report, beside its scores: response time,
 * first-contact resolution and the KTO indices, each present when the report has it (its column
 * was found or named, or a survey was given). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class OperationalSummary {
    /** No operational KPIs. */
    public static final OperationalSummary NONE = new OperationalSummary(null, null, null);

    private final ResponseTimeSummary responseTime;
    private final OutcomeSummary firstContactResolution;
    private final KtoSummary kto;

    OperationalSummary(ResponseTimeSummary responseTime, OutcomeSummary firstContactResolution, KtoSummary kto) {
        this.responseTime = responseTime;
        this.firstContactResolution = firstContactResolution;
        this.kto = kto;
    }

    /** The response time, when the report has a response-time column. */
    public Optional<ResponseTimeSummary> responseTime() {
        return Optional.ofNullable(responseTime);
    }

    /** First-contact resolution, when the report has its column. */
    public Optional<OutcomeSummary> firstContactResolution() {
        return Optional.ofNullable(firstContactResolution);
    }

    /** The KTO survey, when the report has one. */
    public Optional<KtoSummary> kto() {
        return Optional.ofNullable(kto);
    }

    /** Whether nothing is present. */
    public boolean isEmpty() {
        return responseTime == null && firstContactResolution == null && kto == null;
    }
}
