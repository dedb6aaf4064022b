package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.segment.CalendarEffects;
import io.github.cxmetrics.segment.SegmentComparison;
import io.github.cxmetrics.segment.SegmentResult;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calendar effects of a report ({@link Report#calendar()}) as the outputs show them: per
 * metric and comparison, the group of special days (weekend, holiday), the group of the other days
 * (weekday, normal day), and the test of their difference (special − other days).
 */
final class CalendarRows {
    private CalendarRows() {
    }

    /** One comparison of one metric. */
    record Effect(Metric metric, String key, SegmentResult<String> first, SegmentResult<String> second) {
        /** First − second with its interval and p-value (not adjusted: one hypothesis), if defined. */
        Optional<AdjustedComparison> test() {
            return first.vsRest();
        }

        /** {@code weekend vs weekday} or {@code holiday vs normal day}. */
        String name() {
            return first.key() + " vs " + second.key();
        }
    }

    /** Every comparison, metric by metric in the report's order, weekend first. */
    static List<Effect> of(Report report) {
        List<Effect> out = new ArrayList<>();
        for (Metric m : report.metrics()) {
            for (SegmentComparison<String> c : report.calendar().getOrDefault(m, List.of())) {
                boolean weekend = c.segment(CalendarEffects.WEEKEND).isPresent();
                String first = weekend ? CalendarEffects.WEEKEND : CalendarEffects.HOLIDAY;
                String second = weekend ? CalendarEffects.WEEKDAY : CalendarEffects.NORMAL_DAY;
                out.add(new Effect(m, weekend ? "weekend" : "holidays", c.segment(first).orElseThrow(),
                        c.segment(second).orElseThrow()));
            }
        }
        return out;
    }

    /** What the days are: the zone, and the holidays or that there are none. */
    static String basis(Report report) {
        var g = report.options().grouping();
        String zone = g.zone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : g.zone().getId();
        return "local days in " + zone + (g.holidays().equals(io.github.cxmetrics.calendar.HolidayCalendar.NONE)
                ? "; no --holidays: weekend vs weekdays only" : "; holidays " + g.holidays());
    }
}
