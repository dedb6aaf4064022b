package io.github.cxmetrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.MeanTest;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.tally.Tally;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * What a comparison shows agrees with itself, for every comparison method: the statistic is the
 * tested difference over the test standard error, and the difference is the plain difference of
 * the scores shown (issue 13).
 */
class ComparisonProperties {

    /** Counts per point of a 1–5 scale, small counts (and empty points) likely. */
    @Provide
    Arbitrary<long[]> fivePoint() {
        return Arbitraries.longs().between(0, 40).array(long[].class).ofSize(5)
                .filter(c -> c[0] + c[1] + c[2] + c[3] + c[4] >= 2);
    }

    /** Counts per point of the 0–10 NPS scale, small counts likely. */
    @Provide
    Arbitrary<long[]> elevenPoint() {
        return Arbitraries.longs().between(0, 30).array(long[].class).ofSize(11)
                .filter(c -> java.util.Arrays.stream(c).sum() >= 2);
    }

    @Property
    void statisticIsTestedDifferenceOverTestStandardError(@ForAll("elevenPoint") long[] npsA,
            @ForAll("elevenPoint") long[] npsB, @ForAll("fivePoint") long[] a, @ForAll("fivePoint") long[] b) {
        Nps na = Nps.of(Tally.of(io.github.cxmetrics.scale.NpsScale.STANDARD, npsA));
        Nps nb = Nps.of(Tally.of(io.github.cxmetrics.scale.NpsScale.STANDARD, npsB));
        Csat ca = Csat.of(Tally.of(CsatScale.FIVE_POINT, a));
        Csat cb = Csat.of(Tally.of(CsatScale.FIVE_POINT, b));
        Ces ea = Ces.of(Tally.of(CesScale.EFFORT_5, a));
        Ces eb = Ces.of(Tally.of(CesScale.EFFORT_5, b));
        Map<String, Comparison> all = new LinkedHashMap<>();
        all.put("nps adjusted Wald", Comparisons.nps(na, nb, 0.95));
        tryPut(all, "nps Wald", () -> Comparisons.nps(na, nb, 0.9, NpsTest.WALD));
        all.put("nps vs benchmark", na.versusBenchmark(20, 0.95));
        tryPut(all, "nps vs benchmark Wald", () -> na.versusBenchmark(20, 0.95, NpsTest.WALD));
        all.put("csat", Comparisons.csat(ca, cb, 0.95));
        all.put("proportions", Comparisons.proportions(ca.satisfiedShare(), cb.satisfiedShare(), 0.99));
        tryPut(all, "ces", () -> Comparisons.ces(ea, eb, 0.95));
        tryPut(all, "csat means", () -> Comparisons.csatMeans(ca, cb, 0.95));
        tryPut(all, "means Student", () -> Comparisons.means(ca.mean(), cb.mean(), 0.8, MeanTest.STUDENT));
        for (Map.Entry<String, Comparison> e : all.entrySet()) {
            Comparison c = e.getValue();
            if (c.testStandardError() == 0) {
                assertThat(c.statistic()).as(e.getKey()).isZero();
                assertThat(c.testedDifference()).as(e.getKey()).isZero();
            } else {
                assertThat(c.statistic()).as(e.getKey())
                        .isCloseTo(c.testedDifference() / c.testStandardError(), within(1e-12 * (1 + Math.abs(c.statistic()))));
            }
        }
        // the difference is the plain difference of the scores shown
        assertThat(all.get("nps adjusted Wald").difference()).isCloseTo(na.score() - nb.score(), within(1e-9));
        assertThat(all.get("nps vs benchmark").difference()).isCloseTo(na.score() - 20, within(1e-9));
        assertThat(all.get("csat").difference()).isCloseTo(ca.score() - cb.score(), within(1e-9));
        if (all.containsKey("ces")) {
            assertThat(all.get("ces").difference()).isCloseTo(ea.score() - eb.score(), within(1e-12));
        }
        // only the adjusted-Wald NPS test tests another difference than the one it shows
        for (Map.Entry<String, Comparison> e : all.entrySet()) {
            if (!e.getKey().startsWith("nps adjusted") && !e.getKey().equals("nps vs benchmark")) {
                assertThat(e.getValue().testedDifference()).as(e.getKey()).isEqualTo(e.getValue().difference());
            }
        }
    }

    private static void tryPut(Map<String, Comparison> all, String name, java.util.function.Supplier<Comparison> c) {
        try {
            all.put(name, c.get());
        } catch (IllegalStateException undefined) {
            // a degenerate test (SE 0 with a non-zero difference) or a group too small for a t-test
        }
    }

    @Example
    void npsDifferenceIsThePlainDifferenceAtTinyN() {
        // four promoters (NPS +100) against a rest of 70 promoters, 17 passives, 13 detractors (+57)
        Comparison c = Comparisons.nps(Nps.of(4, 0, 0), Nps.of(70, 17, 13), 0.95);
        assertThat(c.difference()).isCloseTo(43, within(1e-12));
        // adjusted scores by hand: 100·(4.75 − 0.75)/7 and 100·(70.75 − 13.75)/103
        assertThat(c.testedDifference()).isCloseTo(100 * (4.0 / 7 - 57.0 / 103), within(1e-12));
        assertThat(c.lower()).isLessThan(c.testedDifference());
        assertThat(c.upper()).isGreaterThan(c.testedDifference());
    }

    @Example
    void csatStandardErrorsAreTheIntervalsAndTheTests() {
        // 70/100 vs 55/100 satisfied (shared/reference/intervals.json case csat2-95): unpooled SE
        // 0.06763874629234341, pooled SE 0.06846531968814576, in percentage points here
        Comparison c = Comparisons.csat(Csat.of(Tally.of(CsatScale.FIVE_POINT, 10, 10, 10, 40, 30)),
                Csat.of(Tally.of(CsatScale.FIVE_POINT, 15, 15, 15, 30, 25)), 0.95);
        assertThat(c.difference()).isCloseTo(15, within(1e-12));
        assertThat(c.standardError()).isCloseTo(6.763874629234341, within(1e-12));
        assertThat(c.testStandardError()).isCloseTo(6.846531968814576, within(1e-12));
        assertThat(c.statistic()).isCloseTo(2.1908902300206643, within(1e-12));
    }
}
