package io.github.cxmetrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsCategory;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void npsFromScaleCountsHandComputed() {
        // 60 promoters, 24 passives, 16 detractors: NPS 44, var = .6 + .16 - .44^2 = .5664
        Tally t = Tally.of(NpsScale.STANDARD, 2, 1, 1, 1, 2, 3, 6, 10, 14, 20, 40);
        Nps nps = Nps.of(t);
        assertThat(nps.promoters()).isEqualTo(60);
        assertThat(nps.passives()).isEqualTo(24);
        assertThat(nps.detractors()).isEqualTo(16);
        assertThat(nps.score()).isCloseTo(44.0, within(1e-12));
        assertThat(nps.variance()).isCloseTo(0.5664, within(1e-15));
        assertThat(nps.standardError()).isCloseTo(100 * Math.sqrt(0.5664 / 100), within(1e-12));
        assertThat(nps.share(NpsCategory.PASSIVE)).isCloseTo(0.24, within(1e-15));
        assertThat(nps.count(NpsCategory.PROMOTER)).isEqualTo(60);
    }

    @Test
    void onePromoterLiesAboveItsAdjustedWaldInterval() {
        Nps one = Nps.of(1, 0, 0);
        assertThat(one.score()).isEqualTo(100.0);
        assertThat(one.interval().upper()).isCloseTo(98.49864942025202, within(1e-9));
        assertThat(one.interval().contains(one.score())).isFalse();
        assertThat(one.interval().center()).isEqualTo(25.0);
    }

    @Test
    void emptyDataIsAnIllegalStateNotNaN() {
        Nps empty = Nps.of(Tally.empty(NpsScale.STANDARD));
        assertThat(empty.n()).isZero();
        assertThat(empty.isEmpty()).isTrue();
        assertThatThrownBy(empty::score).isInstanceOf(IllegalStateException.class).hasMessageContaining("n = 0");
        assertThatThrownBy(empty::interval).isInstanceOf(IllegalStateException.class);
        Csat csat = Csat.of(Tally.empty(CsatScale.FIVE_POINT));
        assertThatThrownBy(csat::score).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> csat.mean().value()).isInstanceOf(IllegalStateException.class);
        Ces ces = Ces.of(Tally.empty(CesScale.AGREEMENT_7));
        assertThatThrownBy(ces::score).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Proportion.of(0, 0).estimate()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scoresRejectTalliesOfTheWrongKind() {
        Tally csat = Tally.of(CsatScale.FIVE_POINT, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> Nps.of(csat)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Scale mismatch: an NPS scale / CSAT[1..5]");
        assertThatThrownBy(() -> Ces.of(csat)).hasMessageContaining("CES");
        Csat a = Csat.of(csat);
        Csat b = Csat.of(Tally.of(CsatScale.of(1, 7), 1, 1, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> Comparisons.csat(a, b, 0.95)).hasMessage("Scale mismatch: CSAT[1..5] / CSAT[1..7]");
    }

    @Test
    void csatAndCesHeadlines() {
        Csat csat = Csat.of(Tally.of(CsatScale.FIVE_POINT, 5, 10, 15, 40, 30));
        assertThat(csat.score()).isCloseTo(70.0, within(1e-12));
        assertThat(csat.satisfied()).isEqualTo(70);
        assertThat(csat.mean().value()).isCloseTo((5 + 20 + 45 + 160 + 150) / 100.0, within(1e-12));
        assertThat(csat.interval().lower()).isCloseTo(100 * csat.satisfiedShare().interval().lower(), within(1e-12));
        Ces effort = Ces.of(Tally.of(CesScale.EFFORT_5, 40, 30, 20, 5, 5));
        assertThat(effort.easyShare().estimate()).isCloseTo(0.70, within(1e-15));
        assertThat(effort.score()).isCloseTo((40 + 60 + 60 + 20 + 25) / 100.0, within(1e-12));
        assertThat(Proportion.topBox(Tally.of(CsatScale.FIVE_POINT, 5, 10, 15, 40, 30), 1).estimate())
                .isCloseTo(0.3, within(1e-15));
        assertThat(Proportion.bottomBox(Tally.of(CsatScale.FIVE_POINT, 5, 10, 15, 40, 30), 2).estimate())
                .isCloseTo(0.15, within(1e-15));
    }

    @Test
    void weightedScoresUseWeightSharesAndKishEffectiveN() {
        // two promoters weight 1, one detractor weight 2: shares .5/.5 -> NPS 0; n_eff = 16/6
        WeightedTally w = new WeightedTallyAccumulator(NpsScale.STANDARD).add(10, 1).add(9, 1).add(0, 2).snapshot();
        Nps nps = Nps.of(w);
        assertThat(nps.isWeighted()).isTrue();
        assertThat(nps.n()).isEqualTo(3);
        assertThat(nps.score()).isCloseTo(0.0, within(1e-12));
        assertThat(nps.effectiveN()).isCloseTo(16.0 / 6, within(1e-12));
        assertThat(w.designEffect()).isCloseTo(3 / (16.0 / 6), within(1e-12));
        assertThat(nps.standardError()).isCloseTo(100 * Math.sqrt(1.0 / (16.0 / 6)), within(1e-9));
        assertThat(nps.promoters()).isEqualTo(2);
    }

    @Test
    void unitWeightsGiveTheUnweightedScoresAndIntervals() {
        int[] scores = {0, 3, 7, 8, 9, 10, 10, 10, 6, 9, 9, 2};
        TallyAccumulator plain = new TallyAccumulator(NpsScale.STANDARD);
        WeightedTallyAccumulator weighted = new WeightedTallyAccumulator(NpsScale.STANDARD);
        for (int s : scores) {
            plain.add(s);
            weighted.add(s, 1.0);
        }
        Nps a = Nps.of(plain.snapshot());
        Nps b = Nps.of(weighted.snapshot());
        assertThat(b.score()).isEqualTo(a.score());
        assertThat(b.interval()).isEqualTo(a.interval());
        assertThat(b.standardError()).isEqualTo(a.standardError());
    }

    @Test
    void comparisonIsSignedAMinusB() {
        Nps a = Nps.of(60, 24, 16);
        Nps b = Nps.of(45, 30, 25);
        Comparison ab = Comparisons.nps(a, b, 0.95, NpsTest.WALD);
        Comparison ba = Comparisons.nps(b, a, 0.95, NpsTest.WALD);
        assertThat(ab.difference()).isCloseTo(24.0, within(1e-12));
        assertThat(ba.difference()).isCloseTo(-24.0, within(1e-12));
        assertThat(ba.pValue()).isEqualTo(ab.pValue());
        assertThat(ab.isSignificant()).isTrue();
    }

    @Test
    void benchmarkComparison() {
        Nps nps = Nps.of(60, 24, 16);
        Comparison vs32 = nps.versusBenchmark(32, 0.95);
        // adjusted: centre 44/103*100, SE from (60.75, 25.5, 16.75)/103
        double pp = 60.75 / 103;
        double pd = 16.75 / 103;
        double se = 100 * Math.sqrt((pp + pd - (pp - pd) * (pp - pd)) / 103);
        assertThat(vs32.testedDifference()).isCloseTo(4400.0 / 103 - 32, within(1e-9));
        assertThat(vs32.difference()).as("raw score 44 − 32").isCloseTo(12, within(1e-12));
        assertThat(vs32.standardError()).isCloseTo(se, within(1e-9));
        assertThatThrownBy(() -> nps.versusBenchmark(101, 0.95)).hasMessageContaining("101");
    }

    @Test
    void negativeCategoryCountsAreNamed() {
        assertThatThrownBy(() -> Nps.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for promoters (valid values >= 0): -1");
        assertThatThrownBy(() -> Nps.of(0, -2, 0)).hasMessage("Invalid value for passives (valid values >= 0): -2");
        assertThatThrownBy(() -> Nps.of(0, 0, Long.MIN_VALUE))
                .hasMessage("Invalid value for detractors (valid values >= 0): " + Long.MIN_VALUE);
    }
}
