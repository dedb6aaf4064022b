package io.github.cxmetrics.insight;

/** The small dense linear algebra of a driver analysis: symmetric positive definite solves and eigenvalues. */
final class Matrices {
    private Matrices() {
    }

    /**
     * The solution x of A x = b for a symmetric positive definite A, by Cholesky decomposition
     * (Golub &amp; Van Loan, Matrix Computations, 4th ed., algorithm 4.2.1), or null when A is not
     * positive definite (a driver that is a linear combination of others).
     */
    static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 1e-12 * Math.max(1, a[j][j]))) {
                return null;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /**
     * The eigen decomposition of a symmetric matrix by the cyclic Jacobi method (Golub &amp; Van
     * Loan, algorithm 8.5.3): {@code values[k]} with eigenvector column k of {@code vectors}.
     */
    static Eigen eigen(double[][] symmetric) {
        int p = symmetric.length;
        double[][] a = new double[p][];
        for (int i = 0; i < p; i++) {
            a[i] = symmetric[i].clone();
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    if (Math.abs(a[i][j]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    rotate(a, v, i, j, c, s);
                }
            }
        }
        double[] values = new double[p];
        for (int i = 0; i < p; i++) {
            values[i] = a[i][i];
        }
        return new Eigen(values, v);
    }

    /** Applies the Jacobi rotation J(i, j, θ) as Jᵀ A J, and V J. */
    private static void rotate(double[][] a, double[][] v, int i, int j, double c, double s) {
        int p = a.length;
        for (int k = 0; k < p; k++) {
            double aki = a[k][i];
            double akj = a[k][j];
            a[k][i] = c * aki - s * akj;
            a[k][j] = s * aki + c * akj;
        }
        for (int k = 0; k < p; k++) {
            double aik = a[i][k];
            double ajk = a[j][k];
            a[i][k] = c * aik - s * ajk;
            a[j][k] = s * aik + c * ajk;
        }
        for (int k = 0; k < p; k++) {
            double vki = v[k][i];
            double vkj = v[k][j];
            v[k][i] = c * vki - s * vkj;
            v[k][j] = s * vki + c * vkj;
        }
    }

    /** Eigenvalues and the matrix whose columns are the eigenvectors. */
    record Eigen(double[] values, double[][] vectors) {
    }
}
