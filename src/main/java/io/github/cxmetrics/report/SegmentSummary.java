package io.github.cxmetrics.report;

import io.github.cxmetrics.trend.Metric;
import java.util.List;
import java.util.Map;

/**
 * One value of a segment column (e.g. channel = phone): its metrics, each with the comparison
 * against the rest, and its own trend when the report has one.
 *
 * @param segment the value as it appears in the data ({@code ""} for an empty cell)
 * @param metrics the summary per metric, with {@link MetricSummary#vsRest()}
 * @param trend the segment's own trend, empty without {@code --by}
 * @param operations the operational KPIs and KTO survey of the segment value
 *
 * @since 0.1.0
 */
public record SegmentSummary(String segment, Map<Metric, MetricSummary> metrics, List<PeriodSummary> trend,
        OperationalSummary operations) {
    /** Copies the collections. */
    public SegmentSummary {
        metrics = Map.copyOf(metrics);
        trend = List.copyOf(trend);
        java.util.Objects.requireNonNull(operations, "operations");
    }
}
