package io.github.cxmetrics.design;

import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.Arrays;

/** Operations on weight arrays shared by the weighting methods. */
final class Weights {
    private Weights() {
    }

    /** Scales the weights in place so that they sum to their number (mean 1). */
    static void normalize(double[] w) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double factor = w.length / sum;
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
    }

    /**
     * Caps the weights at k times their mean and gives the excess back to the uncapped weights in
     * proportion to their size, so that the mean stays what it was: after normalising to mean 1 it
     * finds the a ≥ 1 with Σ min(a·w<sub>i</sub>, k) = n and sets w<sub>i</sub> = min(a·w<sub>i</sub>, k).
     * This is the fixed point of "cap at k × mean, renormalise" repeated until nothing changes,
     * found directly: sort the weights in decreasing order and cap the m largest for the smallest m
     * at which the (m + 1)-th largest, scaled by a = (n − m·k)/(sum of the others), stays at or below
     * k. Leaves the weights in mean-1 form; does nothing (but normalise) when none exceeds k.
     *
     * @param k the cap as a multiple of the mean weight, at least 1
     */
    static void trim(double[] w, double k) {
        normalize(w);
        int n = w.length;
        double max = 0;
        for (double x : w) {
            max = Math.max(max, x);
        }
        if (max <= k) {
            return;
        }
        double[] sorted = w.clone();
        Arrays.sort(sorted);
        // suffixOfSmallest[j] = sum of the j smallest weights
        double[] smallest = new double[n + 1];
        for (int j = 0; j < n; j++) {
            smallest[j + 1] = smallest[j] + sorted[j];
        }
        double a = 1;
        for (int m = 1; m < n; m++) {
            double rest = smallest[n - m];
            double largestRest = sorted[n - m - 1];
            a = (n - m * k) / rest;
            if (a * largestRest <= k) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            w[i] = Math.min(a * w[i], k);
        }
    }

    /** Whether every weight is one the weighted tallies accept (false for NaN). */
    static boolean accepted(double[] w) {
        for (double x : w) {
            if (!(x >= WeightedTallyAccumulator.MIN_POSITIVE_WEIGHT && x <= WeightedTallyAccumulator.MAX_WEIGHT)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that every weight is one the weighted tallies accept.
     *
     * @throws IllegalArgumentException naming the respondent whose weight left the range
     */
    static void requireAccepted(double[] w, String method) {
        for (int i = 0; i < w.length; i++) {
            double x = w[i];
            if (!(x >= WeightedTallyAccumulator.MIN_POSITIVE_WEIGHT && x <= WeightedTallyAccumulator.MAX_WEIGHT)) {
                throw new IllegalArgumentException("Impossible margins: " + method + " drove the weight of respondent "
                        + "index " + i + " to " + x + " (valid values 2^-64 - 2^64); the targets cannot be met with "
                        + "these respondents");
            }
        }
    }
}
