/**
 * Scores over time: calendar buckets ({@link io.github.cxmetrics.trend.Granularity},
 * {@link io.github.cxmetrics.trend.Period}) in a zone's calendar, half-open and built on java.time;
 * {@link io.github.cxmetrics.trend.Series} of a {@link io.github.cxmetrics.trend.Metric} per period
 * with explicit gaps, period-over-period change, control limits, rolling windows and the
 * {@link io.github.cxmetrics.trend.Trend} line; and holiday calendars
 * ({@link io.github.cxmetrics.trend.HolidayCalendar}) for calendar effects.
 *
 * <p>See {@code docs/trends.md} for the rules and their rationale.
 */
package io.github.cxmetrics.trend;
