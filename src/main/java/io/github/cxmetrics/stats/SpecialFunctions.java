package io.github.cxmetrics.stats;

/**
 * Gamma-function building blocks for the distributions: {@code log Γ}, the Stirling remainder,
 * {@code log B} and {@code log(1 + x) − x}.
 *
 * <p>Package-private, stateless and thread-safe. Arguments are not checked: callers pass
 * {@code x > 0} (and {@code a, b > 0}); the public distribution classes validate.
 *
 * <p>The functions are arranged so that the quantities that the incomplete beta function needs keep
 * full relative precision even when {@code a} or {@code b} is huge: {@code log B(a, b)} is never
 * formed as a difference of large {@code log Γ} values when one argument is at least
 * {@value #STIRLING_MIN}; the large parts are cancelled analytically instead (see
 * {@link RegularizedBeta}).
 */
final class SpecialFunctions {

    /** Arguments at or above this use Stirling's series; its remainder is below 1e-18 there. */
    static final double STIRLING_MIN = 10;

    /** {@code log(2π) / 2}. */
    static final double HALF_LOG_TWO_PI = 0.9189385332046728;

    /**
     * Taylor coefficients of {@code 1/Γ(1 + x) − 1 = Σ C[k-1] x^k}, k = 1..21 (Abramowitz and Stegun
     * 6.1.34; recomputed with mpmath 1.3.0 at 40 digits as {@code taylor(lambda x: rgamma(1+x), 0, 22)}).
     * For |x| ≤ 0.5 the omitted terms are below 3e-19.
     */
    private static final double[] RECIPROCAL_GAMMA_1P = {
        0.5772156649015329,
        -0.6558780715202539,
        -0.04200263503409524,
        0.16653861138229148,
        -0.04219773455554433,
        -0.009621971527876973,
        0.0072189432466631,
        -0.0011651675918590652,
        -0.00021524167411495098,
        0.0001280502823881162,
        -2.013485478078824e-05,
        -1.2504934821426706e-06,
        1.133027231981696e-06,
        -2.056338416977607e-07,
        6.116095104481416e-09,
        5.002007644469223e-09,
        -1.18127457048702e-09,
        1.0434267116911005e-10,
        7.782263439905071e-12,
        -3.696805618642206e-12,
        5.100370287454476e-13,
    };

    /**
     * Stirling series coefficients {@code B_{2k} / (2k (2k − 1))}, k = 1..9 (Bernoulli numbers;
     * Abramowitz and Stegun 6.1.41).
     */
    private static final double[] STIRLING = {
        0.08333333333333333,
        -0.002777777777777778,
        0.0007936507936507937,
        -0.0005952380952380953,
        0.0008417508417508417,
        -0.0019175269175269176,
        0.00641025641025641,
        -0.029550653594771242,
        0.17964437236883057,
    };

    private SpecialFunctions() {
    }

    /**
     * {@code log Γ(x)} for {@code x > 0}.
     *
     * <p>Near the zeros at 1 and 2 it keeps full relative precision: for {@code x < 2.5} it uses
     * {@code log Γ(1 + e) = −log1p(Σ c_k e^k)} with the Taylor series of {@code 1/Γ(1 + e)} for
     * {@code |e| ≤ 0.5}; for {@code 2.5 ≤ x < 10} the recurrence {@code Γ(x) = (x − 1) Γ(x − 1)}
     * brings the argument into that range; from 10 on, Stirling's series
     * {@code (x − ½) log x − x + ½ log 2π + δ(x)} (Abramowitz and Stegun 6.1.41).
     *
     * @param x positive argument
     * @return {@code log Γ(x)}
     */
    static double logGamma(double x) {
        if (x < 0.5) {
            return -Math.log1p(reciprocalGamma1pm1(x)) - Math.log(x);
        }
        if (x < 1.5) {
            return -Math.log1p(reciprocalGamma1pm1(x - 1));
        }
        if (x < 2.5) {
            double e = x - 2; // exact
            return Math.log1p(e) - Math.log1p(reciprocalGamma1pm1(e));
        }
        if (x < STIRLING_MIN) {
            // Γ(x) = (x-1)(x-2)...(x-n) Γ(x-n) with x - n in [1.5, 2.5)
            double product = 1;
            double z = x;
            while (z >= 2.5) {
                z -= 1;
                product *= z;
            }
            return Math.log(product) + logGamma(z);
        }
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
    }

    /**
     * The remainder of Stirling's formula, {@code δ(x) = log Γ(x) − ((x − ½) log x − x + ½ log 2π)},
     * for {@code x ≥ 10}, from the asymptotic series {@code Σ B_{2k} / (2k (2k − 1) x^{2k−1})}
     * (Abramowitz and Stegun 6.1.41). Nine terms: the error is below 2e-18 at x = 10.
     *
     * @param x argument, at least {@value #STIRLING_MIN}
     * @return {@code δ(x)}, about {@code 1/(12x)}
     */
    static double stirlingCorrection(double x) {
        double inverse = 1 / x;
        double inverseSquare = inverse * inverse;
        double sum = 0;
        for (int k = STIRLING.length - 1; k >= 0; k--) {
            sum = sum * inverseSquare + STIRLING[k];
        }
        return sum * inverse;
    }

    /**
     * {@code log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b)}.
     *
     * <p>When both arguments are at least 10 it uses the Stirling form
     * {@code a log(a/(a+b)) + b log(b/(a+b)) + ½ log((a+b)/(ab)) + ½ log 2π + δ(a) + δ(b) − δ(a+b)};
     * when only the larger one is, {@code log Γ(b) − log Γ(a + b)} is taken from
     * {@code −(b − ½) log1p(a/b) − a log(a + b) + a + δ(b) − δ(a + b)}, so no large {@code log Γ}
     * values are subtracted.
     *
     * @param a positive argument
     * @param b positive argument
     * @return {@code log B(a, b)}
     */
    static double logBeta(double a, double b) {
        double small = Math.min(a, b);
        double large = Math.max(a, b);
        if (small >= STIRLING_MIN) {
            double sum = a + b;
            return -a * Math.log1p(b / a) - b * Math.log1p(a / b)
                + 0.5 * (Math.log(sum) - Math.log(a) - Math.log(b)) + HALF_LOG_TWO_PI
                + stirlingDelta(a, b);
        }
        if (large >= STIRLING_MIN) {
            return logGamma(small) + logGammaRatio(small, large);
        }
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /**
     * {@code log Γ(b) − log Γ(a + b)} for {@code b ≥ 10} without cancellation of large terms:
     * {@code −(b − ½) log1p(a/b) − a log(a + b) + a + δ(b) − δ(a + b)}.
     *
     * @param a positive argument
     * @param b argument, at least {@value #STIRLING_MIN}
     * @return {@code log(Γ(b) / Γ(a + b))}
     */
    static double logGammaRatio(double a, double b) {
        double sum = a + b;
        return -(b - 0.5) * Math.log1p(a / b) - a * Math.log(sum) + a
            + (stirlingCorrection(b) - stirlingCorrection(sum));
    }

    /**
     * {@code δ(a) + δ(b) − δ(a + b)} for {@code a, b ≥ 10}: the Stirling remainder of
     * {@code log B(a, b)}.
     *
     * @param a argument, at least {@value #STIRLING_MIN}
     * @param b argument, at least {@value #STIRLING_MIN}
     * @return the combined remainder
     */
    static double stirlingDelta(double a, double b) {
        return stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b);
    }

    /**
     * {@code log(1 + x) − x} for {@code x > −1}, accurate to a few ulps also where the two terms
     * nearly cancel. For {@code |x| ≤ 0.5} it sums the series
     * {@code −x u + 2 (u³/3 + u⁵/5 + …)} with {@code u = x / (2 + x)}, which follows from
     * {@code log1p(x) = 2 atanh(u)} and {@code 2u − x = −x u}; otherwise it is evaluated directly.
     *
     * @param x argument greater than −1
     * @return {@code log(1 + x) − x}
     */
    static double log1pmx(double x) {
        if (!(Math.abs(x) <= 0.5)) {
            return Math.log1p(x) - x;
        }
        double u = x / (2 + x);
        double u2 = u * u;
        double power = u * u2;
        double sum = 0;
        for (int k = 3; k < 200; k += 2) {
            double term = power / k;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
            power *= u2;
        }
        return -x * u + 2 * sum;
    }

    /**
     * {@code 1/Γ(1 + x) − 1} for {@code |x| ≤ 0.5}, from its Taylor series.
     *
     * @param x argument in [−0.5, 0.5]
     * @return {@code 1/Γ(1 + x) − 1}
     */
    private static double reciprocalGamma1pm1(double x) {
        double sum = 0;
        for (int k = RECIPROCAL_GAMMA_1P.length - 1; k >= 0; k--) {
            sum = sum * x + RECIPROCAL_GAMMA_1P[k];
        }
        return sum * x;
    }
}
