package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * Confidence-interval methods for a proportion x/n, such as the CSAT top-box share. Results are
 * proportions in [0, 1] (multiply by 100 for percent); methods that can leave [0, 1] are clipped.
 * Weighted analyses pass effective counts, which need not be whole numbers.
 *
 * <p>Notation: p = x/n, q = 1 − p, z = Φ⁻¹(1 − α/2). References: Newcombe (1998a), Statistics in
 * Medicine 17:857–872; Brown, Cai &amp; DasGupta (2001), Statistical Science 16:101–133. The coverage
 * comparison behind the default is in {@code docs/methods.md}.
 *
 * @since 0.1.0
 */
public enum ProportionInterval {
    /**
     * Wilson score interval, the default: centre (x + z²/2)/(n + z²), half-width
     * z√n/(n + z²)·√(pq + z²/(4n)). Stays inside [0, 1]; the lower limit is exactly 0 at x = 0 and
     * the upper exactly 1 at x = n. Wilson (1927), JASA 22:209–212.
     */
    WILSON {
        @Override
        Interval compute(double x, double n, double p, double z, double confidence) {
            double z2 = z * z;
            double center = (x + z2 / 2) / (n + z2);
            double half = z * Math.sqrt(n) / (n + z2) * Math.sqrt(p * (1 - p) + z2 / (4 * n));
            double lower = x == 0 ? 0 : center - half;
            double upper = x == n ? 1 : center + half;
            return new Interval(center, Math.max(0, Math.min(lower, center)), Math.min(1, Math.max(upper, center)),
                    confidence);
        }
    },
    /**
     * Agresti–Coull: ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z√(p̃(1 − p̃)/ñ), clipped to [0, 1]. The
     * general form, valid at any level (not the 95 %-only "plus four"). Agresti &amp; Coull (1998),
     * The American Statistician 52:119–126.
     */
    AGRESTI_COULL {
        @Override
        Interval compute(double x, double n, double p, double z, double confidence) {
            double nt = n + z * z;
            double pt = (x + z * z / 2) / nt;
            double half = z * Math.sqrt(pt * (1 - pt) / nt);
            return new Interval(pt, Math.max(0, pt - half), Math.min(1, pt + half), confidence);
        }
    },
    /**
     * Clopper–Pearson "exact": lower = B⁻¹(α/2; x, n − x + 1) (0 at x = 0), upper = B⁻¹(1 − α/2;
     * x + 1, n − x) (1 at x = n). Guarantees at least nominal coverage, at the cost of width.
     * Clopper &amp; Pearson (1934), Biometrika 26:404–413.
     */
    CLOPPER_PEARSON {
        @Override
        Interval compute(double x, double n, double p, double z, double confidence) {
            double tail = (1 - confidence) / 2;
            double lower = x == 0 ? 0 : Beta.quantile(tail, x, n - x + 1);
            // the upper quantile itself, not 1 − B⁻¹(α/2; n − x, x + 1): that subtraction loses the
            // relative precision of a small upper limit (4.5e-11 relative at x = 0, n = 1e7)
            double upper = x == n ? 1 : Beta.quantile(1 - tail, x + 1, n - x);
            return new Interval(p, Math.min(lower, p), Math.max(upper, p), confidence);
        }
    },
    /**
     * Jeffreys: equal-tailed quantiles of Beta(x + ½, n − x + ½), with lower 0 at x = 0 and upper 1
     * at x = n. Brown, Cai &amp; DasGupta (2001), §4.1.2.
     */
    JEFFREYS {
        @Override
        Interval compute(double x, double n, double p, double z, double confidence) {
            double tail = (1 - confidence) / 2;
            double lower = x == 0 ? 0 : Beta.quantile(tail, x + 0.5, n - x + 0.5);
            // the upper quantile itself (see CLOPPER_PEARSON), not 1 − B⁻¹(α/2; n − x + ½, x + ½)
            double upper = x == n ? 1 : Beta.quantile(1 - tail, x + 0.5, n - x + 0.5);
            return new Interval(p, Math.min(lower, p), Math.max(upper, p), confidence);
        }
    },
    /**
     * Wald: p ± z√(pq/n), clipped to [0, 1]. Zero width at x = 0 and x = n and poor coverage near
     * the ends; offered for comparison with other tools only.
     */
    WALD {
        @Override
        Interval compute(double x, double n, double p, double z, double confidence) {
            double half = z * Math.sqrt(p * (1 - p) / n);
            return new Interval(p, Math.max(0, p - half), Math.min(1, p + half), confidence);
        }
    },
    /**
     * Wilson score interval with continuity correction, Newcombe (1998a) method 4:
     * lower = (2np + z² − 1 − z√(z² − 2 − 1/n + 4p(nq + 1)))/(2(n + z²)), upper = (2np + z² + 1 +
     * z√(z² + 2 − 1/n + 4p(nq − 1)))/(2(n + z²)), with lower 0 at x = 0 and upper 1 at x = n,
     * clipped to [0, 1]. Matches scipy's {@code binomtest(...).proportion_ci(method='wilsoncc')}.
     */
    WILSON_CC {
        @Override
        Interval compute(double x, double n, double p, double z, double confidence) {
            double z2 = z * z;
            double q = 1 - p;
            double denom = 2 * (n + z2);
            double lower = x == 0 ? 0
                    : (2 * n * p + z2 - 1 - z * Math.sqrt(Math.max(0, z2 - 2 - 1 / n + 4 * p * (n * q + 1)))) / denom;
            double upper = x == n ? 1
                    : (2 * n * p + z2 + 1 + z * Math.sqrt(Math.max(0, z2 + 2 - 1 / n + 4 * p * (n * q - 1)))) / denom;
            return new Interval(p, Math.max(0, Math.min(lower, p)), Math.min(1, Math.max(upper, p)), confidence);
        }
    };

    /**
     * The interval for x successes out of n.
     *
     * @param successes x, with 0 ≤ x ≤ n (effective counts may be fractional)
     * @param n the number of trials, &gt; 0
     * @param confidence the two-sided level in (0, 1)
     * @throws IllegalArgumentException if n is not positive and finite, x is outside [0, n] or NaN,
     *     or the confidence is not in (0, 1)
     */
    public Interval of(double successes, double n, double confidence) {
        if (!(n > 0 && n < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for n (valid values > 0, finite): " + n);
        }
        if (!(successes >= 0 && successes <= n)) {
            throw new IllegalArgumentException("Invalid value for successes (valid values 0 - " + n + "): " + successes);
        }
        Checks.confidence(confidence);
        return compute(successes, n, successes / n, Normal.criticalValue(confidence), confidence);
    }

    abstract Interval compute(double x, double n, double p, double z, double confidence);
}
