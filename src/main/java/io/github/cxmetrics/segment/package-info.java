/**
 * Segments: group-by into exact tallies per key ({@link io.github.cxmetrics.segment.SegmentTallies},
 * {@link io.github.cxmetrics.segment.SegmentKey}), comparison of each segment with the rest and the
 * overall with multiple-testing corrections and ranking
 * ({@link io.github.cxmetrics.segment.SegmentComparison}), calendar groups
 * ({@link io.github.cxmetrics.segment.CalendarEffects}) and each segment's own trend
 * ({@link io.github.cxmetrics.segment.SegmentTrends}).
 *
 * <p>See {@code docs/trends.md}.
 */
package io.github.cxmetrics.segment;
