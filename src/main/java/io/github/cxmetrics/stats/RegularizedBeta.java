package io.github.cxmetrics.stats;

/**
 * The regularized incomplete beta function {@code I_x(a, b)} and its complement, evaluated by the
 * continued fraction of DLMF 8.17.22 in its contracted, cancellation-free form (DiDonato and Morris
 * 1992, {@code BFRAC}) with a renormalised three-term recurrence, and the symmetry
 * {@code I_x(a, b) = 1 − I_{1−x}(b, a)}.
 *
 * <p>Package-private, stateless and thread-safe. Arguments are not checked: callers pass
 * {@code a, b > 0} and a point given twice, as {@code x} and as {@code y = 1 − x}, both in [0, 1]
 * and each to full relative precision (for example {@code y = t²/(ν + t²)} computed directly rather
 * than as {@code 1 − x}). That is what lets tails near {@code x = 1} keep their precision.
 *
 * <p>References: NIST Digital Library of Mathematical Functions, §8.17(v), eq. 8.17.22
 * (https://dlmf.nist.gov/8.17.22); Press, W. H. et al. (2007) Numerical Recipes, 3rd ed., §6.4 (the switch point
 * {@code x < (a + 1)/(a + b + 2)}). The power prefactor {@code x^a y^b / B(a, b)} is computed as in
 * DiDonato, A. R. and Morris, A. H. (1992) ACM TOMS 18(3):360-373 (algorithm 708, {@code BRCOMP}),
 * doi:10.1145/131766.131776: for large {@code a} and {@code b} in the centred form
 * {@code a·(log1p(e₁) − e₁) + b·(log1p(e₂) − e₂) + ½ log(ab/(2π(a + b))) − δ}, which has no
 * cancellation of large terms.
 */
final class RegularizedBeta {

    /** Convergence: successive convergents agree to within one ulp. */
    private static final double EPSILON = 0x1.0p-52;

    /**
     * Iteration limit of the continued fraction. Within a few standard deviations of the centre the
     * number of terms grows like the cube root of the shapes (measured at a = b: 550 at 1e6, 11,589
     * at 1e10, 53,416 at 1e12, 1.1 million at 1e16, 5.1 million at 1e18; 434 for (812345, 187656);
     * a few dozen when one shape is small), so the limit cuts the fraction short, and costs
     * accuracy, only when both shapes exceed about 1e19.
     */
    private static final int MAX_ITERATIONS = 10_000_000;

    private RegularizedBeta() {
    }

    /**
     * {@code I_x(a, b)}, or its complement {@code 1 − I_x(a, b) = I_y(b, a)}.
     *
     * @param x the point, in [0, 1]
     * @param y {@code 1 − x}, to full relative precision
     * @param a first shape, positive
     * @param b second shape, positive
     * @param complement whether to return {@code 1 − I_x(a, b)} instead of {@code I_x(a, b)}
     * @return the requested probability, in [0, 1]
     */
    static double value(double x, double y, double a, double b, boolean complement) {
        if (x <= 0) {
            return complement ? 1 : 0;
        }
        if (y <= 0) {
            return complement ? 0 : 1;
        }
        // x < (a + 1)/(a + b + 2), tested on whichever of x and y is the more precise
        boolean belowSwitch = x <= 0.5 ? x * (a + b + 2) < a + 1 : y * (a + b + 2) > b + 1;
        if (belowSwitch) {
            double lower = continuedFraction(x, y, a, b);
            return complement ? 1 - lower : lower;
        }
        double upper = continuedFraction(y, x, b, a);
        return complement ? upper : 1 - upper;
    }

    /**
     * The log of the beta density {@code x^(a−1) y^(b−1) / B(a, b)} at a point strictly inside (0, 1).
     *
     * @param x the point
     * @param y {@code 1 − x}, to full relative precision
     * @param a first shape
     * @param b second shape
     * @return the log density
     */
    static double logDensity(double x, double y, double a, double b) {
        return logPrefactor(x, y, a, b) - logOf(x, y) - logOf(y, x);
    }

    /**
     * {@code log(x^a y^b / B(a, b))} for {@code 0 < x < 1}.
     *
     * @param x the point
     * @param y {@code 1 − x}
     * @param a first shape
     * @param b second shape
     * @return the log of the power prefactor
     */
    static double logPrefactor(double x, double y, double a, double b) {
        double logX = logOf(x, y);
        double logY = logOf(y, x);
        double small = Math.min(a, b);
        double large = Math.max(a, b);
        double sum = a + b;
        if (small >= SpecialFunctions.STIRLING_MIN) {
            // sum * (x - a/sum), with one rounding
            double shift = x <= 0.5 ? Math.fma(x, sum, -a) : -Math.fma(y, sum, -b);
            double e1 = shift / a; // x/x0 - 1
            double e2 = -shift / b; // y/y0 - 1
            double t1 = e1 < -0.5 ? a * (logX + Math.log1p(b / a) - e1) : a * SpecialFunctions.log1pmx(e1);
            double t2 = e2 < -0.5 ? b * (logY + Math.log1p(a / b) - e2) : b * SpecialFunctions.log1pmx(e2);
            return t1 + t2 + 0.5 * (Math.log(a) + Math.log(b) - Math.log(sum)) - SpecialFunctions.HALF_LOG_TWO_PI
                - SpecialFunctions.stirlingDelta(a, b);
        }
        if (large >= SpecialFunctions.STIRLING_MIN) {
            // log B(s, l) = log Γ(s) - (l - ½) log1p(s/l) - s log(s + l) + s + δ(l) - δ(s + l)
            boolean aSmall = a <= b;
            double xs = aSmall ? x : y;
            double logXs = aSmall ? logX : logY;
            double logXl = aSmall ? logY : logX;
            double scaled = xs <= 0.5 ? Math.log(xs * sum) : logXs + Math.log(sum);
            return small * scaled - SpecialFunctions.logGamma(small)
                + (large * logXl + (large - 0.5) * Math.log1p(small / large) - small)
                - (SpecialFunctions.stirlingCorrection(large) - SpecialFunctions.stirlingCorrection(sum));
        }
        return a * logX + b * logY - SpecialFunctions.logBeta(a, b);
    }

    /**
     * {@code log x}, taken as {@code log1p(−y)} when x is above one half (where y is the smaller and
     * more precise of the two).
     */
    private static double logOf(double x, double y) {
        return x <= 0.5 ? Math.log(x) : Math.log1p(-y);
    }

    /**
     * {@code I_x(a, b)} from the continued fraction, for {@code x < (a + 1)/(a + b + 2)} where it
     * converges fast.
     *
     * <p>This is the odd (contracted) part of DLMF 8.17.22, whose n-th link combines the terms
     * {@code d_{2n}} and {@code d_{2n+1}}, with each denominator scaled by {@code a + 2n}, as in
     * {@code BFRAC} of DiDonato and Morris (1992). Written with {@code λ = a − (a + b) x =
     * (a + b) y − b}, every denominator is a sum of positive terms (for {@code x} below the switch
     * point {@code 1 + λ ≥ 2(a + 1)/(a + b + 2)}), so nothing cancels even when {@code x} is close
     * to 1 and {@code b} is small, which is the Student t case with large degrees of freedom. The
     * three-term recurrence for the convergents {@code A_n/B_n} is renormalised at every step.
     */
    private static double continuedFraction(double x, double y, double a, double b) {
        double sum = a + b;
        double lambda = x <= 0.5 ? Math.fma(-sum, x, a) : Math.fma(sum, y, -b);
        double c = 1 + lambda;
        double c0 = b / a;
        double c1 = 1 + 1 / a;
        double yp1 = y + 1;
        double p = 1;
        double s = a + 1;
        double aPrevious = 0;
        double bPrevious = 1;
        double aCurrent = 1;
        double bCurrent = c / c1;
        double ratio = c1 / c;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            double t = n / a;
            double w = n * (b - n) * x;
            double e = a / s;
            double alpha = p * (p + c0) * e * e * (w * x);
            e = (1 + t) / (c1 + t + t);
            double beta = n + w / s + e * (c + n * yp1);
            p = 1 + t;
            s += 2;
            double aNext = alpha * aPrevious + beta * aCurrent;
            double bNext = alpha * bPrevious + beta * bCurrent;
            double previous = ratio;
            ratio = aNext / bNext;
            if (Math.abs(ratio - previous) <= EPSILON * ratio) {
                break;
            }
            aPrevious = aCurrent / bNext;
            bPrevious = bCurrent / bNext;
            aCurrent = ratio;
            bCurrent = 1;
        }
        double logP = logPrefactor(x, y, a, b);
        if (logP > -700 && logP < 700) {
            return Math.min(1, Math.exp(logP) * ratio);
        }
        return Math.min(1, Math.exp(logP + Math.log(ratio)));
    }
}
