package io.github.cxmetrics.report;

import io.github.cxmetrics.trend.Metric;
import java.time.LocalDate;
import java.util.Map;

/**
 * One period of a trend: its label ({@code 2025-W03}, {@code 2025-03}, {@code 2025-Q1}), its first
 * day, and the metrics of the responses in it. Periods without responses are kept (n = 0) so gaps
 * stay visible.
 *
 * @param period the label
 * @param start the first day of the period in the report's zone
 * @param metrics the summary per metric
 * @param operations the operational KPIs and KTO survey of the period
 *
 * @since 0.1.0
 */
public record PeriodSummary(String period, LocalDate start, Map<Metric, MetricSummary> metrics,
        OperationalSummary operations) {
    /** Copies the map. */
    public PeriodSummary {
        metrics = Map.copyOf(metrics);
        java.util.Objects.requireNonNull(operations, "operations");
    }
}
