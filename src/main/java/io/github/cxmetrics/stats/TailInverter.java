package io.github.cxmetrics.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * Inverts a monotone probability function: finds {@code x} in a bracket with {@code F(x) = target}
 * by Newton's method on {@code log F(x) − log target}, safeguarded by bisection.
 *
 * <p>Working on the logarithm makes the Newton step {@code (log F − log target)·F/f} scale-free,
 * so it converges quickly in power-law and Gaussian tails alike; near the root it is the ordinary
 * Newton step {@code (F − target)/f}. The log ratio is taken as {@code log(F/target)}, one rounding,
 * rather than as a difference of two large logarithms. Every iterate shrinks the bracket; a step
 * that would leave it is replaced by bisection (geometric when the bracket spans more than a factor
 * of four, so that tiny roots are reached in few steps). Iteration stops once a Newton step is
 * below {@code 1e-11} relative, after which quadratic convergence leaves an error far below one ulp,
 * or when the bracket is down to a few ulps.
 *
 * <p>Package-private, stateless and thread-safe.
 */
final class TailInverter {

    private static final int MAX_ITERATIONS = 400;
    private static final double NEWTON_TOLERANCE = 1e-11;

    private TailInverter() {
    }

    /**
     * Solves {@code probability(x) = target} for {@code x} in {@code [lower, upper]}.
     *
     * @param probability {@code F}, monotone on the bracket
     * @param logDensity {@code log |F'|}; a logarithm so that the step {@code F/|F'|} stays exact
     *     where {@code |F'|} itself would underflow (far tails of heavy-tailed distributions)
     * @param increasing whether {@code F} increases with {@code x}
     * @param target the probability to reach, positive
     * @param lower lower end of a bracket that contains the root, finite
     * @param upper upper end, finite
     * @param start first iterate; replaced by the midpoint if not strictly inside the bracket
     * @return the root, to full double precision
     */
    static double solve(DoubleUnaryOperator probability, DoubleUnaryOperator logDensity, boolean increasing,
                        double target, double lower, double upper, double start) {
        double lo = lower;
        double hi = upper;
        double x = start > lo && start < hi ? start : bisect(lo, hi);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double f = probability.applyAsDouble(x);
            if (f == target) {
                return x;
            }
            if ((f < target) == increasing) {
                lo = x;
            } else {
                hi = x;
            }
            double next = Double.NaN;
            // F/|F'|, the scale of the Newton step
            double scale = f > 0 ? Math.exp(Math.log(f) - logDensity.applyAsDouble(x)) : Double.NaN;
            if (scale > 0 && scale < Double.POSITIVE_INFINITY) {
                double ratio = f / target;
                double logRatio = Double.isInfinite(ratio) ? Math.log(f) - Math.log(target) : Math.log(ratio);
                double step = logRatio * scale;
                next = increasing ? x - step : x + step;
                if (Math.abs(step) <= NEWTON_TOLERANCE * Math.abs(x)) {
                    // converged: the error left after this step is far below one ulp
                    return next >= lo && next <= hi ? next : x;
                }
            }
            if (!(next > lo && next < hi)) {
                next = bisect(lo, hi);
            }
            if (hi - lo <= 4 * Math.ulp(hi)) {
                return next;
            }
            x = next;
        }
        return x;
    }

    private static double bisect(double lo, double hi) {
        if (lo > 0 && hi > 4 * lo) {
            return Math.sqrt(lo) * Math.sqrt(hi);
        }
        if (lo == 0 && hi > 0x1.0p-1000) {
            return hi * 0x1.0p-64;
        }
        return lo + (hi - lo) / 2;
    }
}
