package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.ops.OutcomeAccumulator;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.ops.WeightedOutcomeAccumulator;
import io.github.cxmetrics.ops.WeightedResponseTimeHistogramAccumulator;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.survey.SurveyAccumulator;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What one pass over an export collected, before any summary: what was read ({@link ReadCounts})
 * and the tallies of every group (overall, each period, each segment value, each segment value per
 * period). The summaries of a report are computed from this alone, so it is also what
 * {@code --save-tallies} stores (the archive) and {@code --from-tallies} reads back. When the
 * grouping asks for them, also the overall tallies of each local day ({@link #days()}).
 * Not modified after the pass (the day tallies are given once, as it ends).
 */
public final class ReportTallies {
    /** The tallies of one segment value: in total and per period. */
    public static final class SegmentData {
        public final GroupTallies total;
        public final TreeMap<CalendarPeriod, GroupTallies> byPeriod = new TreeMap<>();

        public SegmentData(GroupTallies total) {
            this.total = total;
        }
    }

    public final ReadCounts input;
    public final List<Metric> metrics;
    /** The scale of each reported metric by {@link Metric#ordinal()}, null for the others. */
    public final Scale[] scales;
    public final GroupTallies overall;
    public final TreeMap<CalendarPeriod, GroupTallies> periods;
    public final List<String> segmentNames;
    /** Per segment column (in the order of {@link #segmentNames}), its values in any order. */
    public final List<Map<String, SegmentData>> segments;
    public final boolean hasResponseTime;
    public final boolean hasFcr;
    public final boolean hasSurvey;
    public final Duration responseTarget;
    /** Empty operational tallies of a new group (with the survey's, when the scan has one), or null. */
    private final Supplier<OpsTallies> newOps;
    /** What raking did to the weights, or null when the report is not raked. */
    public final Weighting weighting;
    /** The overall tallies of each local day in the report's zone, or null when they were not collected. */
    private TreeMap<LocalDate, GroupTallies> days;

    /**
     * Tallies from stored ones (no survey): the operational tallies of a new group follow
     * {@code hasResponseTime} and {@code hasFcr}.
     */
    public ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, Duration responseTarget) {
        this(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime, hasFcr, false,
                responseTarget, storedOps(hasResponseTime, hasFcr, responseTarget, input.weighted(), null));
    }

    /**
     * Tallies from stored ones with a KTO survey (or none, null): the operational tallies of a new
     * group follow {@code hasResponseTime}, {@code hasFcr} and the survey.
     */
    public ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, Duration responseTarget, Survey survey) {
        this(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime, hasFcr, survey != null,
                responseTarget, storedOps(hasResponseTime, hasFcr, responseTarget, input.weighted(), survey));
    }

    ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, boolean hasSurvey, Duration responseTarget,
            Supplier<OpsTallies> newOps) {
        this(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime, hasFcr, hasSurvey,
                responseTarget, newOps, null);
    }

    private ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, boolean hasSurvey, Duration responseTarget,
            Supplier<OpsTallies> newOps, Weighting weighting) {
        this.newOps = newOps;
        this.weighting = weighting;
        this.input = input;
        this.metrics = List.copyOf(metrics);
        this.scales = scales.clone();
        this.overall = overall;
        this.periods = periods;
        this.segmentNames = List.copyOf(segmentNames);
        this.segments = segments;
        this.hasResponseTime = hasResponseTime;
        this.hasFcr = hasFcr;
        this.hasSurvey = hasSurvey;
        this.responseTarget = responseTarget;
    }

    /** The same tallies, read with what was detected in the file. */
    ReportTallies withLayout(io.github.cxmetrics.io.ExportLayout layout) {
        return new ReportTallies(input.withLayout(layout), metrics, scales, overall, periods, segmentNames, segments,
                hasResponseTime, hasFcr, hasSurvey, responseTarget, newOps, weighting).withDays(days);
    }

    /**
     * These tallies with the overall tallies of each local day (in the report's zone), or without
     * them (null); the map is taken as it is, not copied.
     */
    public ReportTallies withDays(TreeMap<LocalDate, GroupTallies> value) {
        this.days = value;
        return this;
    }

    /**
     * The overall tallies of each local day in the report's zone with at least one row (every
     * metric, weighted when the report is, and the operational tallies), or null when the pass did
     * not collect them ({@link io.github.cxmetrics.report.grouping.ReportGrouping#days()}).
     */
    public TreeMap<LocalDate, GroupTallies> days() {
        return days;
    }

    /** The same tallies with what raking did to the weights (null: not raked). */
    public ReportTallies withWeighting(Weighting value) {
        return new ReportTallies(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime,
                hasFcr, hasSurvey, responseTarget, newOps, value).withDays(days);
    }

    private static Supplier<OpsTallies> storedOps(boolean hasResponseTime, boolean hasFcr, Duration responseTarget,
            boolean weighted, Survey survey) {
        if (!hasResponseTime && !hasFcr && survey == null) {
            return null;
        }
        return () -> {
            OpsTallies t = new OpsTallies(hasResponseTime ? new ResponseTimeHistogramAccumulator(
                    ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, responseTarget) : null,
                    hasFcr ? new OutcomeAccumulator() : null, survey == null ? null : new SurveyAccumulator(survey));
            return weighted ? t.weighted(new WeightedResponseTimeHistogramAccumulator(
                    ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, responseTarget), new WeightedOutcomeAccumulator())
                    : t;
        };
    }

    /** A new empty group with the tallies of these metrics and operational KPIs. */
    public GroupTallies newGroup() {
        GroupTallies group = new GroupTallies(scales, input.weighted());
        return newOps == null ? group : group.withOps(newOps.get());
    }
}
