package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/**
 * {@link TailInverter} on functions whose roots are known in closed form: the root to full double
 * precision whatever the start (inside the bracket, on its ends, outside it, NaN) and whether or not a
 * usable density is given, and the convergence rate the class comment promises: quadratic Newton steps
 * from a good start, and bisection that is geometric over wide brackets so that tiny roots are reached
 * in few steps.
 */
class TailInverterTest {

    /** A probability function that counts its evaluations. */
    private static final class Counted implements DoubleUnaryOperator {
        private final DoubleUnaryOperator f;
        int calls;

        Counted(DoubleUnaryOperator f) {
            this.f = f;
        }

        @Override
        public double applyAsDouble(double x) {
            calls++;
            return f.applyAsDouble(x);
        }
    }

    private static final DoubleUnaryOperator CUBE = x -> x * x * x;
    private static final DoubleUnaryOperator CUBE_LOG_DENSITY = x -> Math.log(3) + 2 * Math.log(x);
    private static final DoubleUnaryOperator NO_DENSITY = x -> Double.NaN;

    private static double relative(double actual, double expected) {
        return Math.abs(actual - expected) / expected;
    }

    @Property(tries = 300)
    void increasingPowerLawFromAnyStart(@ForAll @DoubleRange(min = -300, max = -0.01) @Scale(6) double exponent,
                                        @ForAll @DoubleRange(min = -1, max = 2) @Scale(6) double start) {
        double target = Math.pow(10, exponent);
        double root = Math.cbrt(target); // correctly rounded to within one ulp
        double x = TailInverter.solve(CUBE, CUBE_LOG_DENSITY, true, target, 0, 1, start);
        assertThat(relative(x, root)).as("cube root of %s from %s", target, start).isLessThanOrEqualTo(1e-15);
    }

    @Property(tries = 300)
    void bisectionAloneFindsTheRootWhenThereIsNoDensity(
            @ForAll @DoubleRange(min = -300, max = -0.01) @Scale(6) double exponent,
            @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double start) {
        double target = Math.pow(10, exponent);
        Counted cube = new Counted(CUBE);
        double x = TailInverter.solve(cube, NO_DENSITY, true, target, 0, 1, start);
        assertThat(relative(x, Math.cbrt(target))).as("cube root of %s", target).isLessThanOrEqualTo(1e-15);
        // 2^-64 steps down to the scale of the root, then geometric, then plain bisection: 53 halvings
        // plus a few dozen more steps, far below the cap of 400
        assertThat(cube.calls).as("evaluations for %s", target).isLessThanOrEqualTo(100);
    }

    @Property(tries = 300)
    void decreasingExponentialTail(@ForAll @DoubleRange(min = -300, max = -0.4) @Scale(6) double exponent,
                                   @ForAll @DoubleRange(min = 0, max = 700) @Scale(3) double start) {
        // F(x) = e^−x on [0, 700]: root −log(target)
        double target = Math.pow(10, exponent);
        double root = -Math.log(target);
        double x = TailInverter.solve(v -> Math.exp(-v), v -> -v, false, target, 0, 700, start);
        // e^−x carries one rounding: the root is known to about ulp(1)/1 absolute
        assertThat(Math.abs(x - root)).as("-log(%s) from %s", target, start).isLessThanOrEqualTo(4e-16 * Math.max(1, root) + 2e-16);
    }

    @Test
    void newtonConvergesQuadraticallyFromAGoodStart() {
        for (double target : new double[] {1e-300, 1e-100, 1e-10, 0.001, 0.3}) {
            double root = Math.cbrt(target);
            for (double factor : new double[] {0.5, 0.9, 1.1, 1.5}) {
                Counted cube = new Counted(CUBE);
                double start = Math.min(root * factor, 0.99);
                double x = TailInverter.solve(cube, CUBE_LOG_DENSITY, true, target, 0, 1, start);
                assertThat(relative(x, root)).isLessThanOrEqualTo(1e-15);
                // log-space Newton for x³ = t halves the number of correct digits' deficit each step:
                // 1e-1 → 1e-2 → 1e-4 → 1e-8 → 1e-16 in about five steps; bisection would need over 50
                assertThat(cube.calls).as("evaluations for %s from %s·root", target, factor).isLessThanOrEqualTo(8);
            }
        }
    }

    @Test
    void aStartOutsideTheBracketOrOnItsEndsIsReplaced() {
        double target = 1e-30;
        double root = 1e-10;
        for (double start : new double[] {Double.NaN, -1, 0, 1, 2, Double.POSITIVE_INFINITY}) {
            double x = TailInverter.solve(CUBE, CUBE_LOG_DENSITY, true, target, 0, 1, start);
            assertThat(relative(x, root)).as("start %s", start).isLessThanOrEqualTo(1e-15);
        }
    }

    @Test
    void anExactHitIsReturnedAsIs() {
        // F(x) = x hits 0.25 exactly at the start
        Counted identity = new Counted(x -> x);
        assertThat(TailInverter.solve(identity, x -> 0, true, 0.25, 0, 1, 0.25)).isEqualTo(0.25);
        assertThat(identity.calls).isEqualTo(1);
    }

    @Test
    void aStepFunctionEndsWithTheBracketAFewUlpsWide() {
        // F jumps from 0 to 1 at 0.3, which no x hits: the solver must stop once [lo, hi] is a few ulps
        // wide around the jump, and return a point inside it
        double jump = 0.3;
        Counted step = new Counted(x -> x < jump ? 0 : 1);
        double x = TailInverter.solve(step, NO_DENSITY, true, 0.5, 0, 1, 0.7);
        assertThat(Math.abs(x - jump)).isLessThanOrEqualTo(4 * Math.ulp(jump));
        assertThat(step.calls).isLessThan(100);
    }

    @Test
    void rootsBelowTheGeometricRangeAreStillFound() {
        // a bracket [0, 2^-1000]: the 2^-64 jump is skipped and plain bisection finds subnormal-scale roots
        double hi = 0x1.0p-1000;
        double root = 0x1.8p-1010;
        double x = TailInverter.solve(v -> v, NO_DENSITY, true, root, 0, hi, Double.NaN);
        assertThat(Math.abs(x - root)).isLessThanOrEqualTo(4 * Math.ulp(root));
    }
}
