package io.github.cxmetrics.ops;

/**
 * Ranks of the order statistics that bound a population quantile, distribution-free, by the
 * binomial method (Conover 1999, <i>Practical Nonparametric Statistics</i>, 3rd ed., §3.2; Hahn
 * &amp; Meeker 1991, <i>Statistical Intervals</i>, §5.2).
 *
 * <p>For a continuous distribution the number B of observations at or below the p-quantile ξ is
 * Binomial(n, p), so P(X<sub>(l)</sub> ≤ ξ ≤ X<sub>(u)</sub>) ≥ P(l ≤ B ≤ u − 1) = F(u − 1) −
 * F(l − 1). We take l the largest rank with F(l − 1) ≤ α/2 and u the smallest with F(u − 1) ≥
 * 1 − α/2: each tail misses with probability at most α/2, so coverage is at least 1 − α (with
 * ties in the data, still at least 1 − α: order statistics only move outward). Rank 0 stands for
 * the lower support bound (0 for durations); no rank (−1) means that no order statistic bounds
 * the quantile from above at this n and level.
 */
final class QuantileRanks {
    private QuantileRanks() {
    }

    /**
     * {l, u}: 1-based ranks, l = 0 when no order statistic works as lower limit (the support bound
     * is used), u = −1 when none works as upper limit.
     */
    static int[] of(int n, double p, double confidence) {
        double tail = (1 - confidence) / 2;
        Binomial binomial = new Binomial(n, p);
        int lower = 0;
        for (int k = n; k >= 1; k--) {
            if (binomial.cdf(k - 1) <= tail) {
                lower = k;
                break;
            }
        }
        int upper = -1;
        for (int k = 1; k <= n; k++) {
            if (binomial.cdf(k - 1) >= 1 - tail) {
                upper = k;
                break;
            }
        }
        return new int[] {lower, upper};
    }

    /** The smallest n for which an upper limit exists: p^n ≤ α/2, i.e. n ≥ ln(α/2)/ln p. */
    static long minimumN(double p, double confidence) {
        return (long) Math.ceil(Math.log((1 - confidence) / 2) / Math.log(p) - 1e-12);
    }

    /**
     * The binomial distribution function on a window of ±(40σ + 50) around the mode (outside it
     * every term is below 1e-300 of the mode's), computed from the mode outwards with the ratio
     * recurrence (no factorials, no underflow) and normalised; terms below 1e-20 of the total are
     * dropped, which changes F by less than that.
     */
    static final class Binomial {
        private final int n;
        private final int from;
        private final double[] cdf;

        Binomial(int n, double p) {
            this.n = n;
            int mode = (int) Math.min(n, Math.floor((n + 1) * p));
            int reach = (int) Math.min(n, 40 * Math.sqrt(n * p * (1 - p)) + 50);
            this.from = Math.max(0, mode - reach);
            int to = (int) Math.min(n, (long) mode + reach);
            double[] w = new double[to - from + 1];
            double odds = p / (1 - p);
            w[mode - from] = 1;
            double total = 1;
            for (int k = mode; k > from; k--) {
                double next = w[k - from] * k / ((n - k + 1) * odds);
                if (next < 1e-20 * total) {
                    break;
                }
                w[k - 1 - from] = next;
                total += next;
            }
            for (int k = mode; k < to; k++) {
                double next = w[k - from] * (n - k) / (k + 1.0) * odds;
                if (next < 1e-20 * total) {
                    break;
                }
                w[k + 1 - from] = next;
                total += next;
            }
            double run = 0;
            for (int i = 0; i < w.length; i++) {
                run += w[i] / total;
                w[i] = run;
            }
            this.cdf = w;
        }

        /** F(k) = P(B ≤ k). */
        double cdf(int k) {
            if (k < from) {
                return 0;
            }
            if (k >= n) {
                return 1;
            }
            int i = k - from;
            return i >= cdf.length ? 1 : cdf[i];
        }
    }
}
