package io.github.cxmetrics.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class SampleSizeProperties {

    /** Spreads of every kind with σ &gt; 0. */
    @Provide
    Arbitrary<Spread> spreads() {
        Arbitrary<Spread> nps = Combinators.combine(Arbitraries.doubles().between(0.01, 0.98).ofScale(4),
                Arbitraries.doubles().between(0.01, 0.98).ofScale(4)).filter((p, d) -> p + d <= 1).as(Spread::ofNps);
        Arbitrary<Spread> share = Arbitraries.doubles().between(0.01, 0.99).ofScale(4).map(Spread::ofShare);
        Arbitrary<Spread> sd = Arbitraries.doubles().between(0.05, 5).ofScale(4).map(Spread::ofStandardDeviation);
        Arbitrary<Spread> worst = Arbitraries.of(Spread.npsWorstCase(), Spread.shareWorstCase(),
                Spread.worstCase(CsatScale.FIVE_POINT), Spread.worstCase(CesScale.AGREEMENT_7),
                Spread.worstCase(NpsScale.STANDARD));
        return Arbitraries.oneOf(nps, share, sd, worst);
    }

    @Provide
    Arbitrary<Double> levels() {
        return Arbitraries.oneOf(Arbitraries.of(0.8, 0.9, 0.95, 0.99), Arbitraries.doubles().between(0.5, 0.999).ofScale(4));
    }

    /** Margins relative to σ, so that n stays between 1 and about 10⁸. */
    @Provide
    Arbitrary<Double> relativeMargins() {
        return Arbitraries.doubles().between(1e-4, 3).ofScale(6);
    }

    @Group
    class Monotone {
        @Property
        void aSmallerMarginNeedsAtLeastAsMany(@ForAll("spreads") Spread s, @ForAll("levels") double c,
                @ForAll("relativeMargins") double r1, @ForAll("relativeMargins") double r2) {
            double m1 = Math.min(r1, r2) * s.standardDeviation();
            double m2 = Math.max(r1, r2) * s.standardDeviation();
            assertThat(SampleSize.forMargin(s, m1, c).n()).isGreaterThanOrEqualTo(SampleSize.forMargin(s, m2, c).n());
        }

        @Property
        void aHigherConfidenceNeedsAtLeastAsMany(@ForAll("spreads") Spread s, @ForAll("levels") double c1,
                @ForAll("levels") double c2, @ForAll("relativeMargins") double r) {
            double m = r * s.standardDeviation();
            assertThat(SampleSize.forMargin(s, m, Math.max(c1, c2)).n())
                    .isGreaterThanOrEqualTo(SampleSize.forMargin(s, m, Math.min(c1, c2)).n());
        }

        @Property
        void aLargerPopulationNeedsAtLeastAsManyButNeverMoreThanInfinite(@ForAll("spreads") Spread s,
                @ForAll("levels") double c, @ForAll("relativeMargins") double r,
                @ForAll @LongRange(min = 2, max = 1_000_000_000L) long n1,
                @ForAll @LongRange(min = 2, max = 1_000_000_000L) long n2) {
            double m = r * s.standardDeviation();
            long small = SampleSize.forMargin(s, m, c, Math.min(n1, n2)).n();
            long large = SampleSize.forMargin(s, m, c, Math.max(n1, n2)).n();
            assertThat(small).isLessThanOrEqualTo(large).isLessThanOrEqualTo(Math.min(n1, n2));
            assertThat(large).isLessThanOrEqualTo(SampleSize.forMargin(s, m, c).n());
        }

        @Property
        void morePowerOrASmallerDifferenceNeedsAtLeastAsMany(@ForAll("levels") double c,
                @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(4) double p1,
                @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(4) double p2,
                @ForAll @DoubleRange(min = 0.5, max = 60) @Scale(3) double d1, @ForAll @DoubleRange(min = 0.5, max = 60) @Scale(3) double d2) {
            for (Spread s : new Spread[] {Spread.npsWorstCase(), Spread.shareWorstCase(), Spread.ofShare(0.3)}) {
                long lowPower = GroupSampleSize.forDifference(s, d1, c, Math.min(p1, p2)).nPerGroup();
                long highPower = GroupSampleSize.forDifference(s, d1, c, Math.max(p1, p2)).nPerGroup();
                assertThat(highPower).isGreaterThanOrEqualTo(lowPower);
                long small = GroupSampleSize.forDifference(s, Math.min(d1, d2), c, p1).nPerGroup();
                long large = GroupSampleSize.forDifference(s, Math.max(d1, d2), c, p1).nPerGroup();
                assertThat(small).isGreaterThanOrEqualTo(large);
            }
        }
    }

    @Group
    class RoundTrip {
        @Property
        void theNReachesTheMarginAndOneFewerDoesNot(@ForAll("spreads") Spread s, @ForAll("levels") double c,
                @ForAll("relativeMargins") double r) {
            double m = r * s.standardDeviation();
            SampleSize size = SampleSize.forMargin(s, m, c);
            // rounding noise within 1e-9 of a whole n is forgiven (see SampleSize.roundUp)
            assertThat(size.achievedMargin()).isLessThanOrEqualTo(m * (1 + 1e-9));
            assertThat(SampleSize.forN(s, size.n(), c).margin()).isEqualTo(size.achievedMargin());
            if (size.n() > 1) {
                assertThat(SampleSize.forN(s, size.n() - 1, c).margin()).isGreaterThan(m);
            }
        }

        @Property
        void theMarginOfAnNGivesThatNBack(@ForAll("spreads") Spread s, @ForAll("levels") double c,
                @ForAll @LongRange(min = 1, max = 100_000_000L) long n) {
            double m = SampleSize.forN(s, n, c).margin();
            assertThat(SampleSize.forMargin(s, m, c).n()).isEqualTo(n);
        }

        @Property
        void withAPopulationToo(@ForAll("spreads") Spread s, @ForAll("levels") double c,
                @ForAll @LongRange(min = 2, max = 10_000_000L) long population, @ForAll @IntRange(min = 1,
                        max = 999) int permille) {
            long n = Math.max(1, population * permille / 1000);
            double m = SampleSize.forN(s, n, c, population).margin();
            assertThat(SampleSize.forMargin(s, m, c, population).n()).isEqualTo(n);
        }
    }
}
