package io.github.cxmetrics.stats;

import static io.github.cxmetrics.stats.Accuracy.relativeError;
import static io.github.cxmetrics.stats.Accuracy.tailTolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.function.DoubleConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * Invariants of {@link Normal}, {@link StudentT} and {@link Beta}: quantile and distribution
 * function invert each other, distribution functions are monotone, the symmetries hold, Student's t
 * tends to the normal, p-values stay in (0, 1], and every invalid argument is rejected.
 */
class DistributionProperties {

    /** Tail probabilities from 1e-300 to just below ½, uniform in the exponent. */
    @Provide
    Arbitrary<Double> tailProbabilities() {
        return Arbitraries.doubles().between(-300, -0.30103).ofScale(15).map(e -> Math.pow(10, e))
            .edgeCases(c -> c.add(1e-300).add(Double.MIN_NORMAL));
    }

    @Provide
    Arbitrary<Double> degreesOfFreedom() {
        return Arbitraries.oneOf(
            Arbitraries.doubles().between(0.5, 100).ofScale(15),
            Arbitraries.doubles().between(0, 6).ofScale(15).map(e -> Math.pow(10, e)));
    }

    @Provide
    Arbitrary<Double> shapes() {
        return Arbitraries.doubles().between(-0.301, 3).ofScale(15).map(e -> Math.pow(10, e))
            .edgeCases(c -> c.add(0.5).add(1.0).add(1000.0));
    }

    @Group
    class NormalDistribution {

        @Property
        void quantileInvertsTheTails(@ForAll @DoubleRange(min = -37.5, max = 37.5) @Scale(15) double x) {
            // the lower tail for x ≤ 0, the upper tail for x > 0: no information lost to rounding near 1
            double back = x <= 0 ? Normal.quantile(Normal.cdf(x)) : -Normal.quantile(Normal.upperTail(x));
            assertThat(Math.abs(back - x)).isLessThanOrEqualTo(1e-14 * Math.abs(x) + 1e-15);
        }

        @Property
        void cdfInvertsTheQuantile(@ForAll("tailProbabilities") double p) {
            double x = Normal.quantile(p);
            // one ulp of x moves Φ by x·φ(x)/Φ ≈ x² ulps in the tail
            assertThat(relativeError(Normal.cdf(x), p)).isLessThanOrEqualTo(1e-14 + 4e-16 * (1 + x * x));
            assertThat(relativeError(Normal.upperTail(-x), p)).isLessThanOrEqualTo(1e-14 + 4e-16 * (1 + x * x));
        }

        @Property
        void cdfIsMonotone(@ForAll @DoubleRange(min = -40, max = 40) @Scale(15) double x,
                           @ForAll @DoubleRange(min = 0, max = 5) @Scale(15) double step) {
            assertThat(Normal.cdf(x + step)).isGreaterThanOrEqualTo(Normal.cdf(x));
            assertThat(Normal.upperTail(x + step)).isLessThanOrEqualTo(Normal.upperTail(x));
        }

        @Property
        void symmetry(@ForAll @DoubleRange(min = -40, max = 40) @Scale(15) double x) {
            assertThat(Normal.cdf(-x)).isEqualTo(Normal.upperTail(x));
            assertThat(Math.abs(Normal.cdf(-x) - (1 - Normal.cdf(x)))).isLessThanOrEqualTo(0x1.0p-53);
        }

        @Property
        void twoSidedPValueIsPositiveUpToThirtySevenAndAtMostOne(@ForAll @DoubleRange(min = -37, max = 37) @Scale(15) double z) {
            double p = Normal.twoSidedPValue(z);
            assertThat(p).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(relativeError(p, 2 * Normal.upperTail(Math.abs(z)))).isZero();
        }

        @Property
        void twoSidedPValueStaysInTheUnitInterval(@ForAll double z) {
            assertThat(Normal.twoSidedPValue(z)).isBetween(0.0, 1.0);
        }

        @Property
        void criticalValueIsTheUpperQuantileOfHalfTheRest(@ForAll @DoubleRange(min = 0.01, max = 0.999999) @Scale(15) double c) {
            double z = Normal.criticalValue(c);
            assertThat(z).isPositive();
            assertThat(relativeError(Normal.twoSidedPValue(z), 1 - c)).isLessThanOrEqualTo(1e-13);
        }
    }

    @Group
    class StudentTDistribution {

        @Property(tries = 500)
        void quantileInvertsTheTails(@ForAll("degreesOfFreedom") double df,
                                     @ForAll @DoubleRange(min = -50, max = 50) @Scale(15) double t) {
            double tail = StudentT.upperTail(Math.abs(t), df);
            if (tail < Double.MIN_NORMAL) {
                return; // subnormal: the tail itself has lost relative precision
            }
            double back = -StudentT.quantile(tail, df);
            // relative error of the tail over d log P / d log t (≥ min(1, df) in the tails)
            double tolerance = tailTolerance(tail) / Math.min(1, df) + 1e-14;
            assertThat(Math.abs(back - Math.abs(t))).isLessThanOrEqualTo(tolerance * Math.abs(t) + 1e-15);
        }

        @Property(tries = 500)
        void cdfInvertsTheQuantile(@ForAll("degreesOfFreedom") double df, @ForAll("tailProbabilities") double p) {
            double t = StudentT.quantile(p, df);
            if (Double.isInfinite(t)) {
                return; // the quantile is beyond the largest double
            }
            // one ulp of t moves the tail by t·f(t)/P ulps: at most df + 1 in the power-law tail,
            // about t² in the normal-like body
            double condition = Math.min(df + 1, 1 + t * t);
            assertThat(relativeError(StudentT.cdf(t, df), p)).isLessThanOrEqualTo(tailTolerance(p) + 4e-16 * condition);
        }

        @Property(tries = 500)
        void cdfIsMonotone(@ForAll("degreesOfFreedom") double df, @ForAll @DoubleRange(min = -1e3, max = 1e3) @Scale(15) double t,
                           @ForAll @DoubleRange(min = 0, max = 10) @Scale(15) double step) {
            // up to rounding: where the continued fraction switches sides, neighbours may differ by an ulp
            double before = StudentT.cdf(t, df);
            assertThat(StudentT.cdf(t + step, df)).isGreaterThanOrEqualTo(before - 2 * Math.ulp(before));
        }

        @Property(tries = 500)
        void symmetry(@ForAll("degreesOfFreedom") double df, @ForAll @DoubleRange(min = -1e3, max = 1e3) @Scale(15) double t) {
            assertThat(StudentT.cdf(-t, df)).isEqualTo(StudentT.upperTail(t, df));
            assertThat(Math.abs(StudentT.cdf(-t, df) - (1 - StudentT.cdf(t, df)))).isLessThanOrEqualTo(2e-16);
        }

        @Property(tries = 500)
        void tendsToTheNormal(@ForAll @DoubleRange(min = 3, max = 12) @Scale(15) double log10Df,
                              @ForAll @DoubleRange(min = -5, max = 5) @Scale(15) double t) {
            double df = Math.pow(10, log10Df);
            // F_ν(t) = Φ(t) − φ(t)(t³ + t)/(4ν) + O(ν⁻²) (Abramowitz and Stegun 26.7.5)
            double firstOrder = Normal.density(t) * Math.abs(t * t * t + t) / (4 * df);
            double difference = Math.abs(StudentT.cdf(t, df) - Normal.cdf(t));
            assertThat(difference).isLessThanOrEqualTo(1.5 * firstOrder + 1e-15);
            assertThat(Math.abs(StudentT.cdf(t, 1e300) - Normal.cdf(t))).isLessThanOrEqualTo(1e-15);
        }

        @Property(tries = 500)
        void twoSidedPValueIsAProbability(@ForAll("degreesOfFreedom") double df, @ForAll double t) {
            double p = StudentT.twoSidedPValue(t, df);
            assertThat(p).isBetween(0.0, 1.0);
            if (Math.abs(t) <= 37) {
                assertThat(p).isPositive();
            }
        }

        @Property(tries = 500)
        void criticalValueIsTheUpperQuantileOfHalfTheRest(@ForAll("degreesOfFreedom") double df,
                                                          @ForAll @DoubleRange(min = 0.01, max = 0.999999) @Scale(15) double c) {
            double t = StudentT.criticalValue(c, df);
            assertThat(t).isPositive();
            assertThat(relativeError(StudentT.twoSidedPValue(t, df), 1 - c)).isLessThanOrEqualTo(1e-13);
        }
    }

    @Group
    class BetaDistribution {

        @Property(tries = 500)
        void quantileInvertsTheCdf(@ForAll("shapes") double a, @ForAll("shapes") double b,
                                   @ForAll @DoubleRange(min = 0, max = 1, minIncluded = false, maxIncluded = false) @Scale(15) double x) {
            double p = Beta.cdf(x, a, b);
            if (p < 1e-300 || p > 0.5) {
                return; // beyond the double range, or in the upper half where p has lost x's precision
            }
            double back = Beta.quantile(p, a, b);
            double tolerance = tailTolerance(p) / Math.min(1, a) + 1e-14;
            assertThat(relativeError(back, x)).isLessThanOrEqualTo(tolerance);
        }

        @Property(tries = 500)
        void cdfInvertsTheQuantile(@ForAll("shapes") double a, @ForAll("shapes") double b,
                                   @ForAll("tailProbabilities") double p) {
            double x = Beta.quantile(p, a, b);
            if (x < Double.MIN_NORMAL) {
                return; // the quantile underflows
            }
            // one ulp of x moves I by x·f(x)/I ulps, which stays below a + b + 2 here
            assertThat(relativeError(Beta.cdf(x, a, b), p)).isLessThanOrEqualTo(tailTolerance(p) + 4e-16 * (a + b + 2));
        }

        @Property(tries = 500)
        void cdfIsMonotone(@ForAll("shapes") double a, @ForAll("shapes") double b,
                           @ForAll @DoubleRange(min = 0, max = 1) @Scale(15) double x, @ForAll @DoubleRange(min = 0, max = 1) @Scale(15) double y) {
            double lo = Math.min(x, y);
            double hi = Math.max(x, y);
            double before = Beta.cdf(lo, a, b);
            assertThat(Beta.cdf(hi, a, b)).isGreaterThanOrEqualTo(before - 2 * Math.ulp(before));
        }

        @Property(tries = 500)
        void reflection(@ForAll("shapes") double a, @ForAll("shapes") double b,
                        @ForAll @DoubleRange(min = 0.5, max = 1) @Scale(15) double x) {
            // 1 − x is exact for x in [½, 1]: I_x(a, b) = 1 − I_{1−x}(b, a)
            assertThat(Math.abs(Beta.cdf(x, a, b) - (1 - Beta.cdf(1 - x, b, a)))).isLessThanOrEqualTo(1e-15);
        }

        @Property(tries = 300)
        void quantileIsMonotoneAndInTheUnitInterval(@ForAll("shapes") double a, @ForAll("shapes") double b,
                                                    @ForAll @DoubleRange(min = 0, max = 1) @Scale(15) double p,
                                                    @ForAll @DoubleRange(min = 0, max = 1) @Scale(15) double q) {
            double lo = Beta.quantile(Math.min(p, q), a, b);
            double hi = Beta.quantile(Math.max(p, q), a, b);
            assertThat(lo).isBetween(0.0, 1.0);
            assertThat(hi).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(lo);
        }
    }

    @Group
    class InvalidArguments {

        @Provide
        Arbitrary<Double> invalidProbabilities() {
            return Arbitraries.oneOf(
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0 - Double.MIN_VALUE,
                    Math.nextUp(1.0), -1.0, 2.0),
                Arbitraries.doubles().lessThan(0).filter(v -> v < 0),
                Arbitraries.doubles().greaterThan(1));
        }

        @Provide
        Arbitrary<Double> invalidDegreesOfFreedom() {
            return Arbitraries.oneOf(
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, 0.0, -0.0, -1.0),
                Arbitraries.doubles().lessOrEqual(0));
        }

        @Provide
        Arbitrary<Double> invalidConfidences() {
            return Arbitraries.oneOf(
                Arbitraries.of(Double.NaN, 0.0, -0.0, 1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                Arbitraries.doubles().lessOrEqual(0),
                Arbitraries.doubles().greaterOrEqual(1));
        }

        @Provide
        Arbitrary<Double> invalidShapes() {
            return Arbitraries.oneOf(
                Arbitraries.of(Double.NaN, 0.0, -0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                Arbitraries.doubles().lessOrEqual(0));
        }

        @Property(tries = 200)
        void probabilities(@ForAll("invalidProbabilities") double p) {
            rejects(v -> Normal.quantile(v), p, "p");
            rejects(v -> StudentT.quantile(v, 3), p, "p");
            rejects(v -> Beta.quantile(v, 2, 3), p, "p");
        }

        @Property(tries = 200)
        void degreesOfFreedom(@ForAll("invalidDegreesOfFreedom") double df) {
            rejects(v -> StudentT.cdf(1, v), df, "df");
            rejects(v -> StudentT.upperTail(1, v), df, "df");
            rejects(v -> StudentT.quantile(0.3, v), df, "df");
            rejects(v -> StudentT.twoSidedPValue(1, v), df, "df");
            rejects(v -> StudentT.criticalValue(0.95, v), df, "df");
        }

        @Property(tries = 200)
        void confidences(@ForAll("invalidConfidences") double c) {
            rejects(v -> Normal.criticalValue(v), c, "confidence");
            rejects(v -> StudentT.criticalValue(v, 10), c, "confidence");
        }

        @Property(tries = 200)
        void shapes(@ForAll("invalidShapes") double shape) {
            rejects(v -> Beta.cdf(0.5, v, 2), shape, "a");
            rejects(v -> Beta.cdf(0.5, 2, v), shape, "b");
            rejects(v -> Beta.quantile(0.5, v, 2), shape, "a");
            rejects(v -> Beta.quantile(0.5, 2, v), shape, "b");
        }

        @Property(tries = 10)
        void notANumberPoints(@ForAll("degreesOfFreedom") double df) {
            double nan = Double.NaN;
            rejects(v -> Normal.cdf(v), nan, "x");
            rejects(v -> Normal.upperTail(v), nan, "x");
            rejects(v -> Normal.twoSidedPValue(v), nan, "z");
            rejects(v -> StudentT.cdf(v, df), nan, "t");
            rejects(v -> StudentT.upperTail(v, df), nan, "t");
            rejects(v -> StudentT.twoSidedPValue(v, df), nan, "t");
            rejects(v -> Beta.cdf(v, 2, 3), nan, "x");
        }

        private void rejects(DoubleConsumer method, double value, String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> method.accept(value))
                .withMessageStartingWith("Invalid value for " + name + " (valid values ")
                .withMessageEndingWith("): " + value);
        }
    }
}
