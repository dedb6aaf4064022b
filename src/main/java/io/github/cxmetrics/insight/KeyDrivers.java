package io.github.cxmetrics.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A key driver analysis: how much each driver question (ease, friendliness, speed …) explains of an
 * outcome (overall satisfaction, likelihood to recommend) in a linear regression of the outcome on
 * the drivers, split fairly among correlated drivers.
 *
 * <ul>
 *   <li><b>LMG</b> (Lindeman, Merenda &amp; Gold 1980; Grömping 2006, "Relative importance for
 *       linear regression in R: the package relaimpo", J. Stat. Softw. 17(1),
 *       doi:10.18637/jss.v017.i01): a driver's increase in R² when it is added to a model,
 *       averaged over every order of the drivers; equal to the Shapley value of R². Computed
 *       exactly from the R² of all 2^p subsets of the correlation matrix, for at most
 *       {@link #MAX_EXACT_LMG} drivers; beyond that LMG is not computed (NaN) and the relative
 *       weights rank the drivers.</li>
 *   <li><b>Relative weights</b> (Johnson 2000, "A heuristic method for estimating the relative
 *       weight of predictor variables in multiple regression", Multivariate Behav. Res. 35(1),
 *       doi:10.1207/S15327906MBR3501_1): the drivers' correlation matrix R = V Λ Vᵀ gives the
 *       orthogonal counterparts Z = V Λ^½ Vᵀ; with β* = Z⁻¹ r (r the drivers' correlations with
 *       the outcome), driver j's weight is Σ_k Z_jk² β*_k².</li>
 *   <li>For reference, the standardized coefficients β = R⁻¹ r and the correlations r.</li>
 * </ul>
 *
 * <p>Both LMG and the relative weights are shares of R² and sum to R² (property-tested). The
 * analysis uses complete cases only: a respondent who skipped the outcome or a driver is left out
 * of every sum (pairwise deletion can give a correlation matrix that is not positive definite).
 *
 * <p>Get one with {@link #of(DriverTally)}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KeyDrivers {
    /** The most drivers whose LMG is computed exactly (2^15 = 32,768 subsets). */
    public static final int MAX_EXACT_LMG = 15;

    private final DriverTally tally;
    private final double r2;
    private final List<Driver> drivers;

    private KeyDrivers(DriverTally tally, double r2, List<Driver> drivers) {
        this.tally = tally;
        this.r2 = r2;
        this.drivers = List.copyOf(drivers);
    }

    /**
     * The analysis of a tally.
     *
     * @throws IllegalStateException if there are fewer complete answers than drivers + 2 (a
     *     regression with an error term needs them)
     * @throws IllegalArgumentException if the outcome or a driver has no spread (every answer the
     *     same), or a driver is a linear combination of the others, naming it
     */
    public static KeyDrivers of(DriverTally tally) {
        Objects.requireNonNull(tally, "tally");
        int p = tally.drivers().size();
        tally.requireAnswers(p + 2);
        double[] sd = new double[p + 1];
        for (int i = 0; i <= p; i++) {
            double v = tally.covariance(i, i);
            if (!(v > 0)) {
                throw new IllegalArgumentException("No spread in " + (i == 0 ? "outcome " + tally.outcome()
                        : "driver " + tally.drivers().get(i - 1)) + ": every complete answer is the same, so it "
                        + "has no correlation (leave it out)");
            }
            sd[i] = Math.sqrt(v);
        }
        double[][] rxx = new double[p][p];
        double[] rxy = new double[p];
        for (int i = 0; i < p; i++) {
            rxy[i] = tally.covariance(0, i + 1) / (sd[0] * sd[i + 1]);
            for (int j = 0; j < p; j++) {
                rxx[i][j] = i == j ? 1 : tally.covariance(i + 1, j + 1) / (sd[i + 1] * sd[j + 1]);
            }
        }
        double[] beta = Matrices.solve(rxx, rxy);
        if (beta == null) {
            throw new IllegalArgumentException("The drivers " + tally.drivers() + " are collinear: one is (almost) a "
                    + "linear combination of the others, so their importances are not defined (leave one out)");
        }
        double r2 = dot(beta, rxy);
        double[] lmg = p <= MAX_EXACT_LMG ? lmg(rxx, rxy) : null;
        double[] weights = relativeWeights(rxx, rxy);
        double[] score = new double[p];
        for (int j = 0; j < p; j++) {
            score[j] = tally.mean(j + 1);
        }
        return new KeyDrivers(tally, r2, drivers(tally.drivers(), lmg, weights, beta, rxy, score, sd));
    }

    private static List<Driver> drivers(List<String> names, double[] lmg, double[] weights, double[] beta,
            double[] rxy, double[] score, double[] sd) {
        int p = names.size();
        double[] importance = lmg != null ? lmg : weights;
        Integer[] order = new Integer[p];
        for (int j = 0; j < p; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -importance[j]).thenComparing(j -> j));
        int[] rank = new int[p];
        for (int r = 0; r < p; r++) {
            rank[order[r]] = r + 1;
        }
        double medianImportance = median(importance);
        double medianScore = median(score);
        List<Driver> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] others = new double[p - 1];
            for (int k = 0, m = 0; k < p; k++) {
                if (k != j) {
                    others[m++] = score[k];
                }
            }
            double gap = p == 1 ? 0 : Math.max(0, median(others) - score[j]);
            double slope = beta[j] * sd[0] / sd[j + 1];
            out.add(new Driver(names.get(j), lmg == null ? Double.NaN : lmg[j], weights[j], beta[j], rxy[j], score[j],
                    sd[j + 1], rank[j], Quadrant.of(importance[j] >= medianImportance, score[j] < medianScore),
                    slope * gap));
        }
        return out;
    }

    /**
     * LMG: for each driver, the increase in R² it brings to each subset S of the others, weighted
     * by |S|! (p − |S| − 1)! / p! (the share of orders in which exactly S comes before it).
     */
    static double[] lmg(double[][] rxx, double[] rxy) {
        int p = rxy.length;
        double[] r2 = new double[1 << p];
        for (int mask = 1; mask < r2.length; mask++) {
            r2[mask] = rSquared(rxx, rxy, mask);
        }
        double[] weight = new double[p];
        for (int k = 0; k < p; k++) {
            // k! (p-k-1)! / p! = 1 / (p * C(p-1, k))
            weight[k] = 1 / (p * binomial(p - 1, k));
        }
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            int bit = 1 << j;
            double sum = 0;
            for (int mask = 0; mask < r2.length; mask++) {
                if ((mask & bit) == 0) {
                    sum += weight[Integer.bitCount(mask)] * (r2[mask | bit] - r2[mask]);
                }
            }
            out[j] = sum;
        }
        return out;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** R² of the drivers in {@code mask}: r_Sᵀ R_SS⁻¹ r_S. */
    private static double rSquared(double[][] rxx, double[] rxy, int mask) {
        int size = Integer.bitCount(mask);
        int[] index = new int[size];
        for (int j = 0, m = 0; j < rxy.length; j++) {
            if ((mask & (1 << j)) != 0) {
                index[m++] = j;
            }
        }
        double[][] a = new double[size][size];
        double[] b = new double[size];
        for (int i = 0; i < size; i++) {
            b[i] = rxy[index[i]];
            for (int k = 0; k < size; k++) {
                a[i][k] = rxx[index[i]][index[k]];
            }
        }
        return dot(Matrices.solve(a, b), b);
    }

    /** Johnson's relative weights: Σ_k Z_jk² β*_k² with Z = R^½ and β* = Z⁻¹ r. */
    static double[] relativeWeights(double[][] rxx, double[] rxy) {
        int p = rxy.length;
        Matrices.Eigen e = Matrices.eigen(rxx);
        double[][] v = e.vectors();
        double[][] z = new double[p][p];
        double[][] zInverse = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                double t = 0;
                for (int k = 0; k < p; k++) {
                    double root = Math.sqrt(Math.max(e.values()[k], 0));
                    s += v[i][k] * root * v[j][k];
                    t += v[i][k] / root * v[j][k];
                }
                z[i][j] = s;
                zInverse[i][j] = t;
            }
        }
        double[] betaStar = new double[p];
        for (int i = 0; i < p; i++) {
            betaStar[i] = dot(zInverse[i], rxy);
        }
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += z[j][k] * z[j][k] * betaStar[k] * betaStar[k];
            }
            out[j] = s;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The tally analysed. */
    public DriverTally tally() {
        return tally;
    }

    /** The number of complete answers. */
    public long n() {
        return tally.n();
    }

    /** R² of the regression of the outcome on all drivers. */
    public double r2() {
        return r2;
    }

    /** The drivers, in the order of the tally. */
    public List<Driver> drivers() {
        return drivers;
    }

    /** The median importance of the drivers: the line between important and less important {@link Quadrant}s. */
    public double medianImportance() {
        return median(drivers.stream().mapToDouble(Driver::importance).toArray());
    }

    /** The median score of the drivers: the line between strong and weak {@link Quadrant}s. */
    public double medianScore() {
        return median(drivers.stream().mapToDouble(Driver::score).toArray());
    }

    /**
     * What to improve first: the {@link Quadrant#FIX_FIRST} drivers, then the
     * {@link Quadrant#LOWER_PRIORITY} ones, each by expected gain (largest first), then importance.
     */
    public List<Driver> improvementOrder() {
        List<Driver> out = new ArrayList<>();
        for (Quadrant q : List.of(Quadrant.FIX_FIRST, Quadrant.LOWER_PRIORITY)) {
            drivers.stream().filter(d -> d.quadrant() == q)
                    .sorted(Comparator.comparingDouble((Driver d) -> -d.expectedGain()).thenComparingInt(Driver::rank))
                    .forEach(out::add);
        }
        return out;
    }
}
