package io.github.cxmetrics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.trend.Metric;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference values from /tmp/ref_seg.py (numpy/scipy): pooled z p-values of each segment against
 * the rest, Holm and Benjamini–Hochberg adjustments written out from their definitions, Wilson
 * limits from the formula.
 */
class SegmentComparisonTest {

    static Tally csat(long s, long n) {
        return Tally.of(CsatScale.FIVE_POINT, 0, 0, n - s, 0, s);
    }

    /** A 170/200, B 130/200, C 45/60, D 8/10 satisfied; N = 470. */
    static Map<String, Tally> segments() {
        Map<String, Tally> m = new LinkedHashMap<>();
        m.put("A", csat(170, 200));
        m.put("B", csat(130, 200));
        m.put("C", csat(45, 60));
        m.put("D", csat(8, 10));
        return m;
    }

    @Test
    void eachSegmentAgainstTheRestWithHolm() {
        SegmentComparison<String> c = SegmentComparison.of(Metric.CSAT, segments());
        assertThat(c.adjustment()).isEqualTo(PValueAdjustment.HOLM);
        assertThat(c.overall()).isEqualTo(csat(353, 470));
        SegmentResult<String> a = c.segment("A").orElseThrow();
        assertThat(a.score()).hasValue(85.0);
        assertThat(a.vsRest().orElseThrow().difference()).isCloseTo(17.2222222222222, within(1e-9));
        assertThat(a.vsRest().orElseThrow().comparison().statistic()).isCloseTo(4.26928073900718, within(1e-9));
        assertThat(a.vsRest().orElseThrow().pValue()).isCloseTo(1.96104316732574e-05, within(1e-10));
        // Holm: sorted p = B 1.294e-5, A 1.961e-5, D 0.7175, C 0.9837 -> 4·pB, max(4·pB, 3·pA), 1, 1
        assertThat(a.vsRest().orElseThrow().adjustedPValue()).isCloseTo(5.88312950197721e-05, within(1e-10));
        assertThat(c.segment("B").orElseThrow().vsRest().orElseThrow().adjustedPValue()).isCloseTo(5.17656827449689e-05,
                within(1e-10));
        assertThat(c.segment("C").orElseThrow().vsRest().orElseThrow().adjustedPValue()).isEqualTo(1.0);
        assertThat(c.segment("D").orElseThrow().vsRest().orElseThrow().adjustedPValue()).isEqualTo(1.0);
        assertThat(c.segments()).extracting(SegmentResult::isSignificant).containsExactly(true, false, false, true);
    }

    @Test
    void familyWiseIntervalOfCsatAtTheHolmLevel() {
        SegmentComparison<String> c = SegmentComparison.of(Metric.CSAT, segments());
        AdjustedComparison a = c.segment("A").orElseThrow().vsRest().orElseThrow();
        // Holm rejects A and B of 4 tests: level 1 - 0.05/(4 - 2) = 0.975; Newcombe method 10 of
        // 170/200 vs 183/270 at 97.5 % from /tmp/segref/csat_newcombe.py (scipy): 8.36723, 25.42143
        assertThat(a.familywiseConfidence()).isCloseTo(0.975, within(1e-15));
        assertThat(a.familywiseLower()).isCloseTo(8.367231693148806, within(1e-9));
        assertThat(a.familywiseUpper()).isCloseTo(25.421427087554793, within(1e-9));
        assertThat(a.adjustment()).isEqualTo(PValueAdjustment.HOLM);
        assertThat(a.comparison().confidence()).isEqualTo(0.95);
    }

    /**
     * The trap this type removes: x's raw 95 % interval excludes 0 while its Holm-adjusted p-value is
     * not significant. Reference: /tmp/segref/ces_family.py (scipy ttest_ind equal_var=False, Holm
     * written out, Welch interval diff ± t·se at the family-wise level).
     */
    @Test
    void familyWiseIntervalAgreesWithHolmWhereTheRawIntervalDoesNot() {
        Map<String, Tally> m = new LinkedHashMap<>();
        m.put("x", Tally.of(CesScale.AGREEMENT_7, 2, 3, 5, 8, 10, 11, 9));
        m.put("y", Tally.of(CesScale.AGREEMENT_7, 3, 4, 6, 8, 8, 6, 5));
        m.put("z", Tally.of(CesScale.AGREEMENT_7, 4, 5, 7, 8, 7, 5, 4));
        AdjustedComparison x = SegmentComparison.of(Metric.CES, m).segment("x").orElseThrow().vsRest().orElseThrow();
        assertThat(x.difference()).isCloseTo(0.7249999999999996, within(1e-12));
        assertThat(x.pValue()).isCloseTo(0.022974779722387834, within(1e-9));
        assertThat(x.adjustedPValue()).isCloseTo(0.0689243391671635, within(1e-9));
        assertThat(x.comparison().lower()).isCloseTo(0.10210734795088183, within(1e-9)); // raw: excludes 0
        assertThat(x.comparison().upper()).isCloseTo(1.3478926520491175, within(1e-9));
        // nothing rejected: level 1 - 0.05/3
        assertThat(x.familywiseConfidence()).isCloseTo(1 - 0.05 / 3, within(1e-15));
        assertThat(x.familywiseLower()).isCloseTo(-0.03934940202427761, within(1e-9));
        assertThat(x.familywiseUpper()).isCloseTo(1.4893494020242768, within(1e-9));
        assertThat(x.isSignificant()).isFalse();
        assertThat(x.familywiseLower() < 0 && x.familywiseUpper() > 0).isTrue();
    }

    @Test
    void familywiseConfidenceLevels() {
        // Holm: 1 - a/(m - R), 1 - a when R = m; BH: 1 - R a/m, 1 - a/m when R = 0; none: 1 - a
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.HOLM, 5, 0, 0.95)).isEqualTo(1 - 0.05 / 5);
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.HOLM, 5, 3, 0.95)).isEqualTo(1 - 0.05 / 2);
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.HOLM, 5, 5, 0.95)).isEqualTo(0.95);
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.BENJAMINI_HOCHBERG, 5, 0, 0.95))
                .isEqualTo(1 - 0.05 / 5);
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.BENJAMINI_HOCHBERG, 5, 2, 0.95))
                .isEqualTo(1 - 2 * 0.05 / 5);
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.NONE, 5, 2, 0.95)).isEqualTo(0.95);
        assertThatThrownBy(() -> AdjustedComparison.familywiseConfidence(PValueAdjustment.HOLM, 0, 0, 0.95))
                .hasMessage("Invalid value for tests (valid values >= 1): 0");
        assertThatThrownBy(() -> AdjustedComparison.familywiseConfidence(PValueAdjustment.HOLM, 3, 4, 0.95))
                .hasMessage("Invalid value for rejected (valid values 0 - 3): 4");
    }

    @Test
    void benjaminiHochberg() {
        SegmentComparison<String> c = SegmentComparison.of(Metric.CSAT, segments(), 0.95,
                PValueAdjustment.BENJAMINI_HOCHBERG, 30);
        // BH: p(i)·m/i with a running minimum from the top: A, B 3.922e-5, D 0.95671, C 0.98372
        assertThat(c.segment("A").orElseThrow().vsRest().orElseThrow().adjustedPValue()).isCloseTo(3.92208633465147e-05,
                within(1e-10));
        assertThat(c.segment("B").orElseThrow().vsRest().orElseThrow().adjustedPValue()).isCloseTo(3.92208633465147e-05,
                within(1e-10));
        assertThat(c.segment("D").orElseThrow().vsRest().orElseThrow().adjustedPValue()).isCloseTo(0.9567109874019,
                within(1e-7));
        assertThat(c.segment("C").orElseThrow().vsRest().orElseThrow().adjustedPValue()).isCloseTo(0.983720829437906,
                within(1e-7));
    }

    @Test
    void versusOverallIsTheRestComparisonRescaled() {
        SegmentComparison<String> c = SegmentComparison.of(Metric.CSAT, segments());
        // segment − overall, e.g. A: 85 − 353/470·100 = 9.8936
        double[] expected = {9.89361702127659, -10.1063829787234, -0.106382978723407, 4.8936170212766};
        String[] keys = {"A", "B", "C", "D"};
        for (int i = 0; i < 4; i++) {
            SegmentResult<String> s = c.segment(keys[i]).orElseThrow();
            assertThat(s.vsOverall().orElseThrow().difference()).isCloseTo(expected[i], within(1e-9));
            assertThat(s.vsOverall().orElseThrow().adjustedPValue()).isEqualTo(s.vsRest().orElseThrow().adjustedPValue());
            assertThat(s.vsOverall().orElseThrow().pValue()).isEqualTo(s.vsRest().orElseThrow().pValue());
        }
    }

    @Test
    void rankingRanksAndSmallSegments() {
        SegmentComparison<String> c = SegmentComparison.of(Metric.CSAT, segments());
        assertThat(c.segments()).extracting(SegmentResult::key).containsExactly("A", "D", "C", "B");
        // Wilson 95 %: A [79.39, 89.29], D [49.02, 94.33], C [62.77, 84.22], B [58.16, 71.27]
        // B: only A lies entirely above it -> best plausible rank 2; everyone reaches past it -> worst 4
        SegmentResult<String> b = c.segment("B").orElseThrow();
        assertThat(b.rank()).hasValue(4);
        assertThat(b.bestPlausibleRank()).hasValue(2);
        assertThat(b.worstPlausibleRank()).hasValue(4);
        SegmentResult<String> a = c.segment("A").orElseThrow();
        assertThat(a.bestPlausibleRank()).hasValue(1);
        assertThat(a.worstPlausibleRank()).hasValue(3); // D and C reach above 79.39, B does not
        assertThat(c.segment("D").orElseThrow().isBelowMinimumN()).isTrue();
        assertThat(c.segment("C").orElseThrow().isBelowMinimumN()).isFalse();
    }

    @Test
    void twoSegmentsAreOneHypothesisAndEmptySegmentsStayWithoutScore() {
        Map<String, Tally> m = new LinkedHashMap<>();
        m.put("phone", csat(170, 200));
        m.put("chat", csat(130, 200));
        m.put("letter", csat(0, 0));
        SegmentComparison<String> c = SegmentComparison.of(Metric.CSAT, m);
        SegmentResult<String> phone = c.segment("phone").orElseThrow();
        // with the empty segment there are three keys but only two tests; Holm over two tests
        assertThat(phone.vsRest().orElseThrow().adjustedPValue())
                .isCloseTo(Math.min(1, 2 * phone.vsRest().orElseThrow().pValue()), within(1e-15));
        SegmentResult<String> letter = c.segments().get(2);
        assertThat(letter.key()).isEqualTo("letter");
        assertThat(letter.score()).isEmpty();
        assertThat(letter.rank()).isEmpty();
        assertThat(letter.vsRest()).isEmpty();
        m.remove("letter");
        SegmentResult<String> two = SegmentComparison.of(Metric.CSAT, m).segment("phone").orElseThrow();
        assertThat(two.vsRest().orElseThrow().adjustedPValue()).isEqualTo(two.vsRest().orElseThrow().pValue());
        assertThat(two.vsRest().orElseThrow().adjustment()).isEqualTo(PValueAdjustment.NONE);
        assertThat(two.vsRest().orElseThrow().familywiseConfidence()).isEqualTo(0.95);
    }

    @Test
    void lowerIsBetterCesRanksTheLowestFirst() {
        Map<String, Tally> m = new LinkedHashMap<>();
        m.put("x", Tally.of(CesScale.EFFORT_5, 10, 10, 10, 10, 10)); // mean 3
        m.put("y", Tally.of(CesScale.EFFORT_5, 30, 10, 5, 3, 2));    // mean 1.84
        assertThat(SegmentComparison.of(Metric.CES, m).segments()).extracting(SegmentResult::key).containsExactly("y", "x");
    }

    @Test
    void invalidInput() {
        assertThatThrownBy(() -> SegmentComparison.of(Metric.CSAT, Map.of())).hasMessage(
                "Invalid segment comparison: no segments");
        assertThatThrownBy(() -> SegmentComparison.of(Metric.NPS, segments())).hasMessageContaining("Scale mismatch");
        assertThatThrownBy(() -> SegmentComparison.of(Metric.CSAT, segments(), 0.95, PValueAdjustment.HOLM, -1))
                .hasMessage("Invalid value for minimumN (valid values >= 0): -1");
        Map<String, Tally> mixed = new LinkedHashMap<>(segments());
        mixed.put("E", Tally.of(CsatScale.of(1, 7), 1, 1, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> SegmentComparison.of(Metric.CSAT, mixed)).hasMessage(
                "Scale mismatch: CSAT[1..5] / CSAT[1..7]");
    }
}
