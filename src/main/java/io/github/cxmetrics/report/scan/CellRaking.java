package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.design.PopulationMargin;
import io.github.cxmetrics.design.Raking;
import io.github.cxmetrics.design.WeightingResult;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Raking on the totals of raking cells ({@code --rake}): the scan tallies every group per cell (a
 * combination of the rake columns' levels) with the base weights (the weight column, or 1), and
 * this class finds one factor per cell so that the rows' weights b<sub>i</sub>·f<sub>c</sub> match
 * the margins. Iterative proportional fitting multiplies every member of a category by the same
 * factor, so raking the rows is raking the cells with their base-weight sums B<sub>c</sub> as units
 * ({@link Raking#weights(List, double[])}): cell c ends with weight total w<sub>c</sub> and every
 * row of it with b<sub>i</sub>·w<sub>c</sub>/B<sub>c</sub>. The factors are scaled so that the
 * weights sum to the number of rows (mean 1). Cells are raked in the order of their levels, so the
 * factors depend only on the cell totals, which are exact: the same data give the same factors
 * however the scan was split.
 */
final class CellRaking {
    /** The base-weight totals of one cell. */
    static final class Totals {
        long rows;
        double sum;
        double sumOfSquares;
        double minPositive = Double.POSITIVE_INFINITY;
        double max;

        void add(double weight) {
            rows++;
            sum += weight;
            sumOfSquares += weight * weight;
            if (weight > 0) {
                minPositive = Math.min(minPositive, weight);
            }
            max = Math.max(max, weight);
        }
    }

    /** The factor of each cell and the summary of the weights. */
    record Result(Map<List<String>, Double> factors, Weighting weighting) {
    }

    private CellRaking() {
    }

    /**
     * Rakes the cells to the margins.
     *
     * @throws IllegalArgumentException naming the column and level: a level in the data that has no
     *     share, a level with a share but no row (or only rows of weight 0), impossible margins, or
     *     weights driven out of the range 2^-64 – 2^64
     */
    static Result rake(List<PopulationMargin> margins, TreeMap<List<String>, Totals> cells) {
        for (int v = 0; v < margins.size(); v++) {
            PopulationMargin m = margins.get(v);
            Map<String, Long> rows = new TreeMap<>();
            Map<String, Double> weight = new TreeMap<>();
            for (Map.Entry<List<String>, Totals> e : cells.entrySet()) {
                String level = e.getKey().get(v);
                rows.merge(level, e.getValue().rows, Long::sum);
                weight.merge(level, e.getValue().sum, Double::sum);
            }
            for (Map.Entry<String, Long> e : rows.entrySet()) {
                if (!m.shares().containsKey(e.getKey())) {
                    throw new IllegalArgumentException("--rake " + m.variable() + ": the data have level \"" + e.getKey()
                            + "\" (" + e.getValue() + (e.getValue() == 1 ? " row" : " rows") + "), which has no share in "
                            + m + "; give every level of " + m.variable() + " a share");
                }
            }
            for (Map.Entry<String, Double> e : m.shares().entrySet()) {
                if (!rows.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("--rake " + m.variable() + ": level \"" + e.getKey()
                            + "\" has share " + e.getValue() + " but no row in the data (levels found: "
                            + String.join(", ", new TreeSet<>(rows.keySet())) + "); leave out the levels the data do not have");
                }
                if (!(weight.get(e.getKey()) > 0)) {
                    throw new IllegalArgumentException("--rake " + m.variable() + ": level \"" + e.getKey() + "\" has share "
                            + e.getValue() + " but its rows all have weight 0");
                }
            }
        }
        List<Map<String, String>> units = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        long rows = 0;
        for (Map.Entry<List<String>, Totals> e : cells.entrySet()) {
            rows += e.getValue().rows;
            if (e.getValue().sum > 0) {
                Map<String, String> unit = new LinkedHashMap<>();
                for (int v = 0; v < margins.size(); v++) {
                    unit.put(margins.get(v).variable(), e.getKey().get(v));
                }
                units.add(unit);
                keys.add(e.getKey());
                base.add(e.getValue().sum);
            }
        }
        Raking.Builder builder = Raking.builder();
        margins.forEach(builder::margin);
        double[] b = base.stream().mapToDouble(Double::doubleValue).toArray();
        WeightingResult r;
        try {
            r = builder.build().weights(units, b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rake: " + e.getMessage().replace("respondent", "raking cell"), e);
        }
        double total = 0;
        for (int c = 0; c < units.size(); c++) {
            total += r.weight(c);
        }
        Map<List<String>, Double> factors = new LinkedHashMap<>();
        double sumW = 0;
        double sumW2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int c = 0; c < units.size(); c++) {
            Totals t = cells.get(keys.get(c));
            double factor = r.weight(c) / b[c] * (rows / total);
            factors.put(keys.get(c), factor);
            sumW += factor * t.sum;
            sumW2 += factor * factor * t.sumOfSquares;
            min = Math.min(min, factor * t.minPositive);
            max = Math.max(max, factor * t.max);
        }
        for (Map.Entry<List<String>, Totals> e : cells.entrySet()) {
            factors.putIfAbsent(e.getKey(), 1.0); // rows of weight 0 only: no weight to scale
        }
        if (!(min >= WeightedTallyAccumulator.MIN_POSITIVE_WEIGHT && max <= WeightedTallyAccumulator.MAX_WEIGHT)) {
            throw new IllegalArgumentException("--rake: the raking drove a weight to " + (min
                    < WeightedTallyAccumulator.MIN_POSITIVE_WEIGHT ? min : max) + " (valid weights 2^-64 - 2^64); the "
                    + "margins cannot be met with these rows");
        }
        Weighting w = new Weighting("raking", r.iterations(), r.converged(), r.maxDeviation(), rows * sumW2 / (sumW * sumW),
                sumW * sumW / sumW2, min, max);
        return new Result(factors, w);
    }
}
