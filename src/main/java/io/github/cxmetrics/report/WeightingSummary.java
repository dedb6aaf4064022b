package io.github.cxmetrics.report;

/**
 * What raking ({@code --rake}, {@link io.github.cxmetrics.report.grouping.ReportGrouping#withRake})
 * did to the weights of a report: the JSON {@code input.weighting}. Get one from
 * {@link Report#weighting()}.
 *
 * <p>The raking is iterative proportional fitting on the totals of the raking cells
 * ({@link io.github.cxmetrics.design.Raking}; Deming &amp; Stephan 1940); the weights are normalised
 * to mean 1 over the report's rows, and Kish's design effect and effective n are those of the
 * rows' final weights (Kish 1965, <i>Survey Sampling</i>; Kish 1992, J. Official Statistics
 * 8(2):183–200). An immutable value type.
 *
 * @param method how the weights were made: {@code raking}
 * @param iterations the IPF sweeps run
 * @param converged whether every weighted margin came within the tolerance (1e-8) of its share
 * @param maxDeviation the largest |weighted share − share| left, a fraction on 0…1
 * @param designEffect Kish's design effect n·Σw²/(Σw)² over the rows, a plain number ≥ 1
 * @param effectiveN Kish's effective n (Σw)²/Σw² over the rows
 * @param minWeight the smallest positive weight of a row (weights of mean 1)
 * @param maxWeight the largest weight of a row (weights of mean 1)
 *
 * @since 0.1.0
 */
public record WeightingSummary(String method, int iterations, boolean converged, double maxDeviation,
        double designEffect, double effectiveN, double minWeight, double maxWeight) {
}
