package io.github.cxmetrics.report;

import java.util.OptionalDouble;

/**
 * The response times of one group of a report (overall, a period, a segment), in minutes: n, the
 * exact mean, the median, p90 and p95 from a mergeable log-bucket histogram
 * ({@link io.github.cxmetrics.ops.ResponseTimeHistogram}, within 1 % relative error of the exact
 * quantiles), and the exact share within the target ({@code time ≤ target}).
 *
 * <p>Everything but n, the target and the counts is empty for a group without times.
 *
 * @param n the number of rows with a response time (empty cells not counted; with timestamps, rows
 *     without an end are not counted either: see {@code open})
 * @param mean the exact mean in minutes
 * @param median the median estimate in minutes
 * @param p90 the 90th percentile estimate in minutes
 * @param p95 the 95th percentile estimate in minutes
 * @param target the target in minutes
 * @param withinTargetCount the exact number of times ≤ target
 * @param withinTarget the share of times ≤ target, in % (0–100)
 * @param basis what the times measure: minutes from a column, elapsed time or business time
 *     between two timestamps
 * @param open with timestamps, the rows with a start but no end yet ("not answered yet"), not in n;
 *     0 with a minutes column
 *
 * @since 0.1.0
 */
public record ResponseTimeSummary(long n, OptionalDouble mean, OptionalDouble median, OptionalDouble p90,
        OptionalDouble p95, double target, long withinTargetCount, OptionalDouble withinTarget,
        ResponseTimeBasis basis, long open) {
}
