package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.trend.Metric;
import java.util.OptionalDouble;

/**
 * The smallest and the largest value a chart must show (scores and interval limits), gathered
 * before its value axis is made. Mutable, for one chart at a time; not thread-safe.
 */
final class ChartRange {
    private double min;
    private double max;

    private ChartRange(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** A range without values yet: {@link #isEmpty()} until something is included. */
    static ChartRange empty() {
        return new ChartRange(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    /** A range that holds {@code value}, such as a bar chart's baseline. */
    static ChartRange of(double value) {
        return new ChartRange(value, value);
    }

    /** Widens the range to the summary's score and interval limits, those that are present. */
    void include(MetricSummary s) {
        include(s.score());
        include(s.lower());
        include(s.upper());
    }

    /** Widens the range to the value, if present. */
    void include(OptionalDouble value) {
        if (value.isPresent()) {
            min = Math.min(min, value.getAsDouble());
            max = Math.max(max, value.getAsDouble());
        }
    }

    /** Whether no value was included (and none given at the start). */
    boolean isEmpty() {
        return max < min;
    }

    /**
     * The metric's value axis over this range, within the metric's bounds and at least its minimum
     * span wide (see {@link ChartScale#of}).
     */
    ChartScale scale(Metric metric, DisplayFormat format, int targetTicks, double from, double to) {
        return ChartScale.of(min, max, format.lowerBound(metric), format.upperBound(metric),
                DisplayFormat.minimumSpan(metric), targetTicks, from, to);
    }
}
