/**
 * Scores over time, over the buckets of {@code io.github.cxmetrics.calendar}:
 * {@link io.github.cxmetrics.trend.Series} of a {@link io.github.cxmetrics.trend.Metric} per period
 * with explicit gaps, period-over-period change, control limits, rolling windows and the
 * {@link io.github.cxmetrics.trend.Trend} line.
 *
 * <p>See {@code docs/trends.md} for the rules and their rationale.
 */
package io.github.cxmetrics.trend;
