package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.IndexSort;

/**
 * Adjustments of p-values for testing many hypotheses at once, such as every segment against the
 * rest. Each returns adjusted p-values in the input order; compare them with α as usual.
 *
 * @since 0.1.0
 */
public enum PValueAdjustment {
    /** No adjustment. */
    NONE {
        @Override
        double[] adjustSorted(double[] sorted) {
            return sorted.clone();
        }
    },
    /**
     * Holm's step-down method, controlling the family-wise error rate: p̃₍ᵢ₎ = max<sub>j≤i</sub>
     * min(1, (m − j + 1)·p₍ⱼ₎) over the sorted p-values. Holm (1979), Scandinavian Journal of
     * Statistics 6:65–70.
     */
    HOLM {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] out = new double[m];
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1, (m - i) * p[i]));
                out[i] = running;
            }
            return out;
        }
    },
    /**
     * Benjamini–Hochberg step-up method, controlling the false discovery rate: p̃₍ᵢ₎ =
     * min<sub>j≥i</sub> min(1, m·p₍ⱼ₎/j). Benjamini &amp; Hochberg (1995), JRSS B 57:289–300.
     */
    BENJAMINI_HOCHBERG {
        @Override
        double[] adjustSorted(double[] p) {
            int m = p.length;
            double[] out = new double[m];
            double running = 1;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, Math.min(1, m * p[i] / (i + 1)));
                out[i] = running;
            }
            return out;
        }
    };

    /**
     * The adjusted p-values, in the order given.
     *
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
     */
    public double[] adjust(double... pValues) {
        for (int i = 0; i < pValues.length; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("Invalid value for p-value at index " + i + " (valid values 0 - 1): "
                        + pValues[i]);
            }
        }
        int[] order = IndexSort.ascending(pValues); // stable: equal p-values keep their order
        double[] sorted = new double[pValues.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = pValues[order[i]];
        }
        double[] adjusted = adjustSorted(sorted);
        double[] out = new double[pValues.length];
        for (int i = 0; i < out.length; i++) {
            out[order[i]] = adjusted[i];
        }
        return out;
    }

    abstract double[] adjustSorted(double[] sortedPValues);
}
