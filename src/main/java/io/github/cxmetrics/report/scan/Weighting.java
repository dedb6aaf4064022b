package io.github.cxmetrics.report.scan;

/**
 * What raking did to the weights of a report ({@code --rake}), stored with its tallies: the
 * method ({@code raking}), the IPF sweeps run, whether every weighted margin came within the
 * tolerance of its share and the largest deviation left (on 0…1), and, over the rows of the
 * report, Kish's design effect n·Σw²/(Σw)² and effective n (Σw)²/Σw², and the smallest and largest
 * positive weight, the weights normalised to mean 1 over the rows.
 */
public record Weighting(String method, int iterations, boolean converged, double maxDeviation, double designEffect,
        double effectiveN, double minWeight, double maxWeight) {
}
