package io.github.cxmetrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.tally.Tally;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class ScoreProperties {

    /** Category counts with the edge cases (n = 1, all promoters, all detractors, all passives) made likely. */
    @Provide
    Arbitrary<long[]> npsCounts() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 3)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, 500)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 5_000_000)));
        return Combinators.combine(count, count, count).as((p, a, d) -> new long[] {p, a, d})
                .filter(c -> c[0] + c[1] + c[2] > 0);
    }

    @Provide
    Arbitrary<Double> levels() {
        return Arbitraries.oneOf(Arbitraries.of(0.8, 0.9, 0.95, 0.99, 0.999),
                Arbitraries.doubles().between(0.01, 0.999_999).ofScale(6));
    }

    private static void coverEdges(long[] c) {
        long n = c[0] + c[1] + c[2];
        String kind = n == 1 ? "n=1" : c[0] == n ? "all promoters" : c[2] == n ? "all detractors"
                : c[1] == n ? "all passives" : "mixed";
        Statistics.label("case").collect(kind);
    }

    @Group
    class NpsScore {
        @Property
        void scoreIsWithinBoundsAndIntervalsContainTheirCentre(@ForAll("npsCounts") long[] c,
                @ForAll("levels") double level) {
            coverEdges(c);
            Nps nps = Nps.of(c[0], c[1], c[2]);
            assertThat(nps.score()).isBetween(-100.0, 100.0);
            for (NpsInterval method : NpsInterval.values()) {
                Interval ci = nps.interval(level, method);
                assertThat(ci.lower()).isBetween(-100.0, ci.center());
                assertThat(ci.upper()).isBetween(ci.center(), 100.0);
            }
            // Wald and Tango centre on the raw score; adjusted Wald on (P - D)/(n + 3)
            assertThat(nps.interval(level, NpsInterval.TANGO).center()).isCloseTo(nps.score(), within(1e-9));
            assertThat(nps.interval(level).center())
                    .isCloseTo(100.0 * (c[0] - c[2]) / (c[0] + c[1] + c[2] + 3), within(1e-9));
        }

        @Property
        void tangoContainsTheRawScore(@ForAll("npsCounts") long[] c, @ForAll("levels") double level) {
            Nps nps = Nps.of(c[0], c[1], c[2]);
            assertThat(nps.interval(level, NpsInterval.TANGO).contains(nps.score())).isTrue();
        }

        @Property
        void scalingAllCountsLeavesScoreAndVarianceUnchanged(@ForAll("npsCounts") long[] c,
                @ForAll @IntRange(min = 2, max = 1000) int k) {
            Nps once = Nps.of(c[0], c[1], c[2]);
            Nps scaled = Nps.of(k * c[0], k * c[1], k * c[2]);
            assertThat(scaled.score()).isCloseTo(once.score(), within(1e-9));
            assertThat(scaled.variance()).isCloseTo(once.variance(), within(1e-12));
        }

        @Property
        void intervalNarrowsAsNGrowsAtFixedShares(@ForAll("npsCounts") long[] c, @ForAll("levels") double level) {
            Nps small = Nps.of(c[0], c[1], c[2]);
            Nps large = Nps.of(4 * c[0], 4 * c[1], 4 * c[2]);
            for (NpsInterval method : NpsInterval.values()) {
                assertThat(large.interval(level, method).width())
                        .isLessThanOrEqualTo(small.interval(level, method).width() + 1e-9);
            }
        }

        @Property
        void widerLevelGivesWiderInterval(@ForAll("npsCounts") long[] c) {
            Nps nps = Nps.of(c[0], c[1], c[2]);
            for (NpsInterval method : NpsInterval.values()) {
                assertThat(nps.interval(0.99, method).width())
                        .isGreaterThanOrEqualTo(nps.interval(0.9, method).width() - 1e-9);
            }
        }

        @Property
        void varianceIdentities(@ForAll("npsCounts") long[] c) {
            Nps nps = Nps.of(c[0], c[1], c[2]);
            double n = c[0] + c[1] + c[2];
            double pp = c[0] / n;
            double pd = c[2] / n;
            double f = pp - pd;
            double sumForm = (1 - f) * (1 - f) * pp + f * f * (c[1] / n) + (1 + f) * (1 + f) * pd;
            assertThat(nps.variance()).isCloseTo(sumForm, within(1e-12));
            assertThat(nps.variance()).isCloseTo(pp * (1 - pp) + pd * (1 - pd) + 2 * pp * pd, within(1e-12));
        }
    }

    @Group
    class Shares {
        @Property
        void everyProportionIntervalStaysInUnitRangeAndContainsItsCentre(
                @ForAll @IntRange(min = 1, max = 100_000) int n, @ForAll @DoubleRange(min = 0, max = 1) double share,
                @ForAll("levels") double level) {
            long x = Math.round(share * n);
            Statistics.label("edge").collect(x == 0 ? "x=0" : x == n ? "x=n" : "inside");
            Proportion p = Proportion.of(x, n);
            for (ProportionInterval method : ProportionInterval.values()) {
                Interval ci = p.interval(level, method);
                assertThat(ci.lower()).isBetween(0.0, ci.center());
                assertThat(ci.upper()).isBetween(ci.center(), 1.0);
                if (method != ProportionInterval.WILSON && method != ProportionInterval.AGRESTI_COULL) {
                    assertThat(ci.center()).isEqualTo(p.estimate());
                }
            }
        }

        @Property
        void meanIsWithinScaleAndIntervalContainsIt(@ForAll @IntRange(min = 0, max = 50) int c1,
                @ForAll @IntRange(min = 0, max = 50) int c2, @ForAll @IntRange(min = 0, max = 50) int c3,
                @ForAll @IntRange(min = 0, max = 50) int c4, @ForAll @IntRange(min = 1, max = 50) int c5) {
            Tally t = Tally.of(CsatScale.FIVE_POINT, c1, c2, c3, c4, c5);
            Csat csat = Csat.of(t);
            assertThat(csat.score()).isBetween(0.0, 100.0);
            assertThat(csat.mean().value()).isBetween(1.0, 5.0);
            if (csat.mean().hasSpread()) {
                assertThat(csat.mean().interval(0.95).contains(csat.mean().value())).isTrue();
            }
            double[] dist = csat.distribution();
            assertThat(java.util.Arrays.stream(dist).sum()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Property
    void everyOutOfRangeLevelIsRejected(@ForAll double level) {
        Nps nps = Nps.of(5, 3, 2);
        Csat csat = Csat.of(Tally.of(CsatScale.FIVE_POINT, 1, 2, 3, 4, 5));
        Ces ces = Ces.of(Tally.of(CesScale.AGREEMENT_7, 1, 2, 3, 4, 5, 6, 7));
        if (level > 0 && level < 1) {
            assertThat(nps.interval(level).confidence()).isEqualTo(level);
            return;
        }
        for (NpsInterval m : NpsInterval.values()) {
            assertThatThrownBy(() -> nps.interval(level, m)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("confidence");
        }
        for (ProportionInterval m : ProportionInterval.values()) {
            assertThatThrownBy(() -> csat.interval(level, m)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ces.interval(level)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparisons.nps(nps, nps, level)).isInstanceOf(IllegalArgumentException.class);
    }
}
