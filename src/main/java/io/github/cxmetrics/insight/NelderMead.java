package io.github.cxmetrics.insight;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder–Mead simplex minimiser (Nelder &amp; Mead 1965, with the standard coefficients of
 * Lagarias et al. 1998, SIAM J. Optim. 9(1)), for the few-parameter likelihoods of the ranking
 * priors. Restarted once from its own optimum, as is usual, to avoid a collapsed simplex.
 */
final class NelderMead {
    private NelderMead() {
    }

    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double step) {
        double[] x = run(f, start, step);
        return run(f, x, step / 4);
    }

    private static double[] run(ToDoubleFunction<double[]> f, double[] start, double step) {
        int n = start.length;
        double[][] p = new double[n + 1][];
        double[] y = new double[n + 1];
        p[0] = start.clone();
        for (int i = 0; i < n; i++) {
            p[i + 1] = start.clone();
            p[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            y[i] = f.applyAsDouble(p[i]);
        }
        for (int iteration = 0; iteration < 20_000; iteration++) {
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
            double[][] ps = new double[n + 1][];
            double[] ys = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                ps[i] = p[order[i]];
                ys[i] = y[order[i]];
            }
            System.arraycopy(ps, 0, p, 0, n + 1);
            System.arraycopy(ys, 0, y, 0, n + 1);
            if (Math.abs(y[n] - y[0]) <= 1e-12 * (Math.abs(y[0]) + 1e-12) && spread(p) < 1e-9) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += p[i][j] / n;
                }
            }
            double[] reflected = along(centroid, p[n], -1);
            double yr = f.applyAsDouble(reflected);
            if (yr < y[0]) {
                double[] expanded = along(centroid, p[n], -2);
                double ye = f.applyAsDouble(expanded);
                replace(p, y, n, ye < yr ? expanded : reflected, Math.min(ye, yr));
            } else if (yr < y[n - 1]) {
                replace(p, y, n, reflected, yr);
            } else {
                boolean outside = yr < y[n];
                double[] contracted = along(centroid, outside ? reflected : p[n], 0.5);
                double yc = f.applyAsDouble(contracted);
                if (yc < (outside ? yr : y[n])) {
                    replace(p, y, n, contracted, yc);
                } else {
                    for (int i = 1; i <= n; i++) {
                        p[i] = along(p[0], p[i], 0.5);
                        y[i] = f.applyAsDouble(p[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (y[i] < y[best]) {
                best = i;
            }
        }
        return p[best];
    }

    /** centroid + t (point − centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] out = new double[centroid.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = centroid[j] + t * (point[j] - centroid[j]);
        }
        return out;
    }

    private static void replace(double[][] p, double[] y, int i, double[] x, double fx) {
        p[i] = x;
        y[i] = fx;
    }

    private static double spread(double[][] p) {
        double max = 0;
        for (int i = 1; i < p.length; i++) {
            for (int j = 0; j < p[0].length; j++) {
                max = Math.max(max, Math.abs(p[i][j] - p[0][j]));
            }
        }
        return max;
    }
}
