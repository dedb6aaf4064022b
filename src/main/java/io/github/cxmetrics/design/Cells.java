package io.github.cxmetrics.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The respondents coded against the targets: for each target variable the index of each
 * respondent's category, the number of respondents per category, and the target shares scaled to
 * sum exactly to 1. Checks every value, every cell and the simplest impossibility of the margins.
 */
final class Cells {

    /** Reads the value of a variable for a respondent; null when missing. */
    @FunctionalInterface
    interface Values {
        String value(String variable, int respondent);
    }

    final List<PopulationMargin> targets;
    final int n;
    /** codes[v][i]: the category index of respondent i in variable v. */
    final int[][] codes;
    /** shares[v][c]: the target share of category c of variable v; each row sums to 1. */
    final double[][] shares;
    /** counts[v][c]: the number of respondents in category c of variable v. */
    final long[][] counts;
    /** names[v][c]: the category names. */
    final String[][] names;

    private Cells(List<PopulationMargin> targets, int n, Values values) {
        this.targets = targets;
        this.n = n;
        int vars = targets.size();
        codes = new int[vars][n];
        shares = new double[vars][];
        counts = new long[vars][];
        names = new String[vars][];
        for (int v = 0; v < vars; v++) {
            PopulationMargin target = targets.get(v);
            Map<String, Integer> index = new HashMap<>();
            names[v] = target.shares().keySet().toArray(new String[0]);
            shares[v] = new double[names[v].length];
            double sum = 0;
            for (int c = 0; c < names[v].length; c++) {
                index.put(names[v][c], c);
                shares[v][c] = target.shares().get(names[v][c]);
                sum += shares[v][c];
            }
            for (int c = 0; c < shares[v].length; c++) {
                shares[v][c] /= sum;
            }
            counts[v] = new long[names[v].length];
            String variable = target.variable();
            for (int i = 0; i < n; i++) {
                String value = values.value(variable, i);
                if (value == null) {
                    throw new IllegalArgumentException("Missing value for " + variable + " at respondent index " + i
                            + " (valid values " + String.join(", ", names[v]) + ")");
                }
                Integer c = index.get(value);
                if (c == null) {
                    throw new IllegalArgumentException("Invalid value for " + variable + " at respondent index " + i
                            + " (valid values the target's categories " + String.join(", ", names[v]) + "): '" + value
                            + "'");
                }
                codes[v][i] = c;
                counts[v][c]++;
            }
            for (int c = 0; c < counts[v].length; c++) {
                if (counts[v][c] == 0) {
                    throw new IllegalArgumentException("Empty cell: no respondent has " + variable + "=" + names[v][c]
                            + " (target share " + target.shares().get(names[v][c]) + ")");
                }
            }
        }
    }

    /** Codes respondents given as rows, one map from variable to category per respondent. */
    static Cells ofRows(List<PopulationMargin> targets, List<? extends Map<String, String>> respondents) {
        Objects.requireNonNull(respondents, "respondents");
        List<Map<String, String>> rows = new ArrayList<>(respondents.size());
        for (int i = 0; i < respondents.size(); i++) {
            rows.add(Objects.requireNonNull(respondents.get(i), "respondent at index " + i));
        }
        return new Cells(targets, rows.size(), (variable, i) -> rows.get(i).get(variable));
    }

    /** Codes respondents given as columns, one list of categories per variable, all of the same length. */
    static Cells ofColumns(List<PopulationMargin> targets, Map<String, ? extends List<String>> columns) {
        Objects.requireNonNull(columns, "columns");
        Map<String, List<String>> used = new HashMap<>();
        int n = -1;
        String first = null;
        for (PopulationMargin target : targets) {
            List<String> column = columns.get(target.variable());
            if (column == null) {
                throw new IllegalArgumentException("Missing column for " + target.variable() + " (columns given: "
                        + columns.keySet() + ")");
            }
            if (n >= 0 && column.size() != n) {
                throw new IllegalArgumentException("Columns differ in length: " + first + " has " + n + ", "
                        + target.variable() + " has " + column.size());
            }
            n = column.size();
            first = first == null ? target.variable() : first;
            used.put(target.variable(), column);
        }
        return new Cells(targets, n, (variable, i) -> used.get(variable).get(i));
    }

    /**
     * Base weights scaled to mean 1, or all 1 when there are none.
     *
     * @throws IllegalArgumentException if the length differs from n or a weight is not positive and finite
     */
    double[] initialWeights(double[] baseWeights) {
        double[] w = new double[n];
        if (baseWeights == null) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        if (baseWeights.length != n) {
            throw new IllegalArgumentException("baseWeights and respondents differ in length: " + baseWeights.length
                    + " / " + n);
        }
        for (int i = 0; i < n; i++) {
            double b = baseWeights[i];
            if (!(b > 0 && b < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Invalid value for base weight at respondent index " + i
                        + " (valid values 0 < w < infinity): " + b);
            }
            w[i] = b;
        }
        Weights.normalize(w);
        return w;
    }

    /** The weighted sum of each category of variable v. */
    double[] cellSums(int v, double[] w) {
        double[] sums = new double[shares[v].length];
        int[] code = codes[v];
        for (int i = 0; i < n; i++) {
            sums[code[i]] += w[i];
        }
        return sums;
    }

    /** The largest |weighted share − target share| over every variable and category. */
    double maxDeviation(double[] w) {
        double max = 0;
        for (int v = 0; v < shares.length; v++) {
            double[] sums = cellSums(v, w);
            double total = 0;
            for (double s : sums) {
                total += s;
            }
            for (int c = 0; c < sums.length; c++) {
                max = Math.max(max, Math.abs(sums[c] / total - shares[v][c]));
            }
        }
        return max;
    }

    /**
     * Rejects margins that no positive weights can meet, in the form a reader can check: all
     * respondents in category a of one variable fall in categories of another variable whose target
     * shares sum to less than a's target share.
     *
     * @throws IllegalArgumentException naming both variables, the categories and the shares
     */
    void requireFeasible() {
        for (int a = 0; a < shares.length; a++) {
            for (int b = 0; b < shares.length; b++) {
                if (a == b) {
                    continue;
                }
                boolean[][] seen = new boolean[shares[a].length][shares[b].length];
                for (int i = 0; i < n; i++) {
                    seen[codes[a][i]][codes[b][i]] = true;
                }
                for (int ca = 0; ca < shares[a].length; ca++) {
                    double reachable = 0;
                    List<String> present = new ArrayList<>();
                    for (int cb = 0; cb < shares[b].length; cb++) {
                        if (seen[ca][cb]) {
                            reachable += shares[b][cb];
                            present.add(names[b][cb]);
                        }
                    }
                    if (reachable < shares[a][ca] - PopulationMargin.SUM_TOLERANCE) {
                        String va = targets.get(a).variable();
                        String vb = targets.get(b).variable();
                        throw new IllegalArgumentException("Impossible margins: every respondent with " + va + "="
                                + names[a][ca] + " has " + vb + " in " + present + ", whose target shares sum to "
                                + reachable + ", below the target share " + shares[a][ca] + " of " + va + "="
                                + names[a][ca]);
                    }
                }
            }
        }
    }
}
