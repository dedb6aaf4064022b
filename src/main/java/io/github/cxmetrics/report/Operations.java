package io.github.cxmetrics.report;

import io.github.cxmetrics.ops.OutcomeAccumulator;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.ops.WeightedResponseTimeHistogram;
import io.github.cxmetrics.report.scan.OpsTallies;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.IndexScore;
import io.github.cxmetrics.survey.Question;
import io.github.cxmetrics.survey.SurveyAccumulator;
import io.github.cxmetrics.survey.SurveyResult;
import io.github.cxmetrics.target.Estimate;
import io.github.cxmetrics.target.Measure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The operational summaries (response time, first-contact resolution, KTO) of a group's tallies. */
final class Operations {
    private Operations() {
    }

    /** The summary of a group's operational tallies, or {@link OperationalSummary#NONE} without them. */
    static OperationalSummary summarize(OpsTallies tallies, ReportOptions options) {
        if (tallies == null) {
            return OperationalSummary.NONE;
        }
        ResponseTimeHistogramAccumulator response = tallies.response();
        OutcomeAccumulator fcr = tallies.fcr();
        SurveyAccumulator kto = tallies.kto();
        long openResponses = tallies.openResponses();
        ResponseTimeSummary times = response == null ? null
                : tallies.weightedResponse() != null
                ? weightedResponseTime(tallies.weightedResponse().snapshot(), options.responseTimeBasis(), openResponses)
                : responseTime(response.snapshot(), options.responseTimeBasis(), openResponses);
        OutcomeSummary outcomes = fcr == null ? null
                : outcome(tallies.weightedFcr() != null ? tallies.weightedFcr().snapshot() : fcr.snapshot(), options);
        return new OperationalSummary(times, outcomes,
                kto == null ? null : kto(kto.snapshot(), options.confidence()));
    }

    /**
     * The estimate of an operational target measure for a group, at the report's confidence, from
     * the same tallies and with the same interval methods as its {@link OperationalSummary}: the
     * mean's Student t interval (exact sums), the quantiles' distribution-free order-statistic
     * interval widened to whole histogram buckets, and the report's proportion interval (Wilson by
     * default) for the share within the response-time target and first-contact resolution. Values
     * in minutes or percent.
     *
     * @throws IllegalArgumentException if the group has no tallies of the measure
     */
    static TargetValue targetValue(OpsTallies tallies, Measure measure, ReportOptions options) {
        double conf = options.confidence();
        if (measure == Measure.FCR) {
            OutcomeAccumulator fcr = tallies == null ? null : tallies.fcr();
            if (fcr == null) {
                throw new IllegalArgumentException("No first-contact resolution in this report");
            }
            Proportion p = tallies.weightedFcr() != null ? tallies.weightedFcr().snapshot() : fcr.snapshot();
            if (p.isEmpty() || !(p.effectiveN() > 0)) {
                return TargetValue.missing(p.n(), p.isEmpty() ? "no outcomes" : "no weight");
            }
            Interval ci = p.interval(conf, options.proportionInterval());
            return TargetValue.of(new Estimate(100 * p.estimate(), 100 * ci.lower(), 100 * ci.upper(), p.n(),
                    p.effectiveN()));
        }
        ResponseTimeHistogramAccumulator response = tallies == null ? null : tallies.response();
        if (response == null) {
            throw new IllegalArgumentException("No response times in this report");
        }
        if (tallies.weightedResponse() != null) {
            return weightedTargetValue(tallies.weightedResponse().snapshot(), measure, options);
        }
        ResponseTimeHistogram h = response.snapshot();
        long n = h.n();
        switch (measure) {
            case RESPONSE_MEAN -> {
                if (n < 2) {
                    return TargetValue.missing(n, "an interval needs at least 2");
                }
                Interval ci = h.meanInterval(conf);
                return TargetValue.of(new Estimate(h.mean(), ci.lower(), ci.upper(), n));
            }
            case RESPONSE_MEDIAN, RESPONSE_P90 -> {
                double p = measure == Measure.RESPONSE_MEDIAN ? 0.5 : 0.9;
                long min = ResponseTimeHistogram.quantileIntervalMinimumN(p, conf);
                if (n < min) {
                    return TargetValue.missing(n, "an interval of the " + (p == 0.5 ? "median" : "p90")
                            + " needs at least " + min);
                }
                Interval ci = h.quantileInterval(p, conf);
                return TargetValue.of(new Estimate(ci.center(), ci.lower(), ci.upper(), n));
            }
            case RESPONSE_WITHIN -> {
                if (n == 0) {
                    return TargetValue.missing(0, "no response times");
                }
                Proportion within = h.withinTarget();
                Interval ci = within.interval(conf, options.proportionInterval());
                return TargetValue.of(new Estimate(100 * within.estimate(), 100 * ci.lower(), 100 * ci.upper(), n));
            }
            default -> throw new IllegalArgumentException("Not an operational measure: " + measure.key());
        }
    }

    private static ResponseTimeSummary responseTime(ResponseTimeHistogram h, ResponseTimeBasis basis, long open) {
        double target = h.target().toNanos() / 60_000_000_000.0;
        if (h.isEmpty()) {
            OptionalDouble none = OptionalDouble.empty();
            return new ResponseTimeSummary(0, none, none, none, none, target, 0, none, basis, open);
        }
        Proportion within = h.withinTarget();
        return new ResponseTimeSummary(h.n(), OptionalDouble.of(h.mean()), OptionalDouble.of(h.median()),
                OptionalDouble.of(h.p90()), OptionalDouble.of(h.p95()), target, within.successes(),
                OptionalDouble.of(100 * within.estimate()), basis, open);
    }

    /**
     * The weighted summary: weighted mean, quantiles and share within the target
     * ({@link WeightedResponseTimeHistogram}); n and the count within the target stay unweighted.
     * Without weight (all weights 0) the statistics are absent, as for no times.
     */
    private static ResponseTimeSummary weightedResponseTime(WeightedResponseTimeHistogram h, ResponseTimeBasis basis,
            long open) {
        double target = h.target().toNanos() / 60_000_000_000.0;
        if (h.isEmpty() || !(h.sumOfWeights() > 0)) {
            OptionalDouble none = OptionalDouble.empty();
            long within = h.isEmpty() ? 0 : h.toHistogram().withinTarget().successes();
            return new ResponseTimeSummary(h.n(), none, none, none, none, target, within, none, basis, open);
        }
        Proportion within = h.withinTarget();
        return new ResponseTimeSummary(h.n(), OptionalDouble.of(h.mean()), OptionalDouble.of(h.median()),
                OptionalDouble.of(h.p90()), OptionalDouble.of(h.p95()), target, within.successes(),
                OptionalDouble.of(100 * within.estimate()), basis, open);
    }

    private static OutcomeSummary outcome(Proportion p, ReportOptions options) {
        if (p.isEmpty() || p.effectiveN() == 0) {
            if (!p.isEmpty()) {
                OptionalDouble none = OptionalDouble.empty();
                return new OutcomeSummary(p.n(), p.successes(), none, none, none);
            }
            OptionalDouble none = OptionalDouble.empty();
            return new OutcomeSummary(0, 0, none, none, none);
        }
        Interval ci = p.interval(options.confidence(), options.proportionInterval());
        return new OutcomeSummary(p.n(), p.successes(), OptionalDouble.of(100 * p.estimate()),
                OptionalDouble.of(100 * ci.lower()), OptionalDouble.of(100 * ci.upper()));
    }

    /**
     * A response-time target's estimate in a weighted report: the weighted mean with
     * {@link WeightedResponseTimeHistogram#meanInterval}, the weighted quantiles with Woodruff's
     * interval ({@link WeightedResponseTimeHistogram#quantileInterval}), the weight share within the
     * target with Kish's effective n.
     */
    private static TargetValue weightedTargetValue(WeightedResponseTimeHistogram h, Measure measure,
            ReportOptions options) {
        double conf = options.confidence();
        long n = h.n();
        if (n == 0) {
            return TargetValue.missing(0, "no response times");
        }
        if (!(h.sumOfWeights() > 0)) {
            return TargetValue.missing(n, "no weight");
        }
        double nEff = h.effectiveN();
        switch (measure) {
            case RESPONSE_MEAN -> {
                if (!(nEff > 1)) {
                    return TargetValue.missing(n, "an interval needs an effective n above 1");
                }
                Interval ci = h.meanInterval(conf);
                return TargetValue.of(new Estimate(h.mean(), ci.lower(), ci.upper(), n, nEff));
            }
            case RESPONSE_MEDIAN, RESPONSE_P90 -> {
                Interval ci = h.quantileInterval(measure == Measure.RESPONSE_MEDIAN ? 0.5 : 0.9, conf);
                return TargetValue.of(new Estimate(ci.center(), ci.lower(), ci.upper(), n, nEff));
            }
            case RESPONSE_WITHIN -> {
                Proportion within = h.withinTarget();
                Interval ci = within.interval(conf, options.proportionInterval());
                return TargetValue.of(new Estimate(100 * within.estimate(), 100 * ci.lower(), 100 * ci.upper(), n,
                        nEff));
            }
            default -> throw new IllegalArgumentException("Not an operational measure: " + measure.key());
        }
    }

    private static KtoSummary kto(SurveyResult r, double confidence) {
        Map<String, Double> completion = new LinkedHashMap<>();
        if (r.respondents() > 0) {
            for (Question q : r.survey().questions()) {
                completion.put(q.id(), 100 * r.completionRate(q.id()).estimate());
            }
        }
        return new KtoSummary(r.respondents(), r.eligibleRespondents(), index(r.index(), confidence),
                index(r.netIndex(), confidence), index(r.acsiIndex(), confidence), completion);
    }

    private static IndexSummary index(IndexScore s, double confidence) {
        OptionalDouble none = OptionalDouble.empty();
        if (s.isEmpty()) {
            return new IndexSummary(0, none, none, none, none);
        }
        if (!s.hasSpread()) {
            return new IndexSummary(s.n(), OptionalDouble.of(s.estimate()), none, none, none);
        }
        Interval ci = s.interval(confidence);
        return new IndexSummary(s.n(), OptionalDouble.of(s.estimate()), OptionalDouble.of(s.standardError()),
                OptionalDouble.of(ci.lower()), OptionalDouble.of(ci.upper()));
    }
}
