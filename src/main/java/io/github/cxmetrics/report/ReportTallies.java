package io.github.cxmetrics.report;

import io.github.cxmetrics.ops.OutcomeAccumulator;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What one pass over an export collected, before any summary: what was read ({@link InputSummary})
 * and the tallies of every group (overall, each period, each segment value, each segment value per
 * period). The summaries of a report are computed from this alone, so it is also what
 * {@code --save-tallies} stores ({@link ReportArchive}) and {@code --from-tallies} reads back.
 * Not modified after the pass.
 */
final class ReportTallies {
    /** The tallies of one segment value: in total and per period. */
    static final class SegmentData {
        final GroupTallies total;
        final TreeMap<CalendarPeriod, GroupTallies> byPeriod = new TreeMap<>();

        SegmentData(GroupTallies total) {
            this.total = total;
        }
    }

    final InputSummary input;
    final List<Metric> metrics;
    /** The scale of each reported metric by {@link Metric#ordinal()}, null for the others. */
    final Scale[] scales;
    final GroupTallies overall;
    final TreeMap<CalendarPeriod, GroupTallies> periods;
    final List<String> segmentNames;
    /** Per segment column (in the order of {@link #segmentNames}), its values in any order. */
    final List<Map<String, SegmentData>> segments;
    final boolean hasResponseTime;
    final boolean hasFcr;
    final boolean hasSurvey;
    final Duration responseTarget;

    ReportTallies(InputSummary input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, boolean hasSurvey, Duration responseTarget) {
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

    /** Empty operational tallies for a group, or null without response time and FCR (nor a survey). */
    Supplier<OpsTallies> opsFactory() {
        if (!hasResponseTime && !hasFcr) {
            return null;
        }
        return () -> new OpsTallies(hasResponseTime ? new ResponseTimeHistogramAccumulator(
                ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, responseTarget) : null,
                hasFcr ? new OutcomeAccumulator() : null, null);
    }

    /** A new empty group with the tallies of these metrics and operational KPIs. */
    GroupTallies newGroup() {
        GroupTallies group = new GroupTallies(scales, input.weighted());
        Supplier<OpsTallies> ops = opsFactory();
        return ops == null ? group : group.withOps(ops.get());
    }
}
