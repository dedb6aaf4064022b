package io.github.cxmetrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanTest;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import org.junit.jupiter.api.Test;

/** Accessors, defaults and text forms of the score results, with hand-worked values. */
class ScoreAccessorsTest {
    /** CSAT 1..5 with counts 1, 2, 3, 4, 5: n = 15, satisfied (4–5) 9 → 60 %, mean 55/15. */
    private static final Tally CSAT_A = Tally.of(CsatScale.FIVE_POINT, 1, 2, 3, 4, 5);
    /** Counts 5, 4, 3, 2, 1: satisfied 3 → 20 %, mean 35/15. */
    private static final Tally CSAT_B = Tally.of(CsatScale.FIVE_POINT, 5, 4, 3, 2, 1);
    /** CES 1..7 with one response at each of 1, 3, 5, 7: mean 16/4 = 4. */
    private static final Tally CES = Tally.of(CesScale.AGREEMENT_7, 1, 0, 1, 0, 1, 0, 1);

    @Test
    void csat() {
        Csat a = Csat.of(CSAT_A);
        assertThat(a.n()).isEqualTo(15);
        assertThat(a.isEmpty()).isFalse();
        assertThat(a.effectiveN()).isEqualTo(15.0);
        assertThat(a.score()).isEqualTo(60.0);
        assertThat(a.interval(0.9)).isEqualTo(a.interval(0.9, ProportionInterval.WILSON));
        assertThat(a.toString()).isEqualTo("Csat[CSAT[1..5], n=15, score=60.0%]");
        assertThat(Csat.of(Tally.empty(CsatScale.FIVE_POINT)).toString()).isEqualTo("Csat[n=0]");
        assertThat(Csat.of(Tally.empty(CsatScale.FIVE_POINT)).isEmpty()).isTrue();
    }

    @Test
    void csatComparisonIsInPercentagePoints() {
        // 60 % − 20 % = 40 points; pooled p̄ = 12/30 = 0.4, SE0 = √(0.4·0.6·(2/15)) = 0.178885…,
        // z = 0.4 / SE0 = 2.2360680 (√5); p = 2·(1 − Φ(√5)) = 0.0253473 (scipy.stats.norm.sf(5**0.5)*2)
        Comparison c = Comparisons.csat(Csat.of(CSAT_A), Csat.of(CSAT_B), 0.95);
        assertThat(c.difference()).isCloseTo(40.0, within(1e-12));
        assertThat(c.statistic()).isCloseTo(Math.sqrt(5), within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.025347318677468252, within(1e-6));
        assertThat(c.degreesOfFreedom()).isInfinite();
        // unpooled SE √(0.6·0.4/15 + 0.2·0.8/15) = √(0.4/15) in points
        assertThat(c.standardError()).isCloseTo(100 * Math.sqrt(0.4 / 15), within(1e-12));
        // Newcombe's limits in points: 100·(d ∓ hypot(...)) with the Wilson limits of 9/15 and 3/15
        // (scipy norm.ppf(0.975), the formula of TwoProportions in Python)
        assertThat(c.lower()).isCloseTo(5.035402530813143, within(1e-9));
        assertThat(c.upper()).isCloseTo(63.97534011999868, within(1e-9));
    }

    @Test
    void meanComparisons() {
        // 55/15 − 35/15 = 20/15
        assertThat(Comparisons.csatMeans(Csat.of(CSAT_A), Csat.of(CSAT_B), 0.95).difference())
                .isCloseTo(20.0 / 15, within(1e-12));
        Ces ces = Ces.of(CES);
        Ces other = Ces.of(Tally.of(CesScale.AGREEMENT_7, 0, 0, 0, 0, 2, 2, 0));
        // 4 − (5 + 5 + 6 + 6)/4 = 4 − 5.5
        assertThat(Comparisons.ces(ces, other, 0.95).difference()).isCloseTo(-1.5, within(1e-12));
        assertThat(Comparisons.ces(ces, other, 0.95))
                .isEqualTo(Comparisons.means(ces.mean(), other.mean(), 0.95, MeanTest.WELCH));
    }

    @Test
    void npsDefaults() {
        Nps a = Nps.of(Tally.of(NpsScale.STANDARD, 1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5));
        Nps b = Nps.of(3, 2, 1);
        assertThat(Comparisons.nps(a, b, 0.9)).isEqualTo(Comparisons.nps(a, b, 0.9, NpsTest.ADJUSTED_WALD));
        // 100·(9 − 3)/15
        assertThat(a.toString()).isEqualTo("Nps[n=15, score=40.0]");
        assertThat(Nps.of(Tally.empty(NpsScale.STANDARD)).toString()).isEqualTo("Nps[n=0]");
    }

    @Test
    void ces() {
        Ces c = Ces.of(CES);
        assertThat(c.n()).isEqualTo(4);
        assertThat(c.isEmpty()).isFalse();
        assertThat(c.effectiveN()).isEqualTo(4.0);
        assertThat(c.score()).isEqualTo(4.0);
        Interval i = c.interval();
        assertThat(i.center()).isEqualTo(4.0);
        assertThat(i.confidence()).isEqualTo(0.95);
        assertThat(c.interval(0.8)).isEqualTo(c.mean().interval(0.8));
        assertThat(c.toString()).isEqualTo("Ces[CES[1..7], n=4, score=4.0]");
        Ces empty = Ces.of(Tally.empty(CesScale.AGREEMENT_7));
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.toString()).isEqualTo("Ces[n=0]");
        // weighted: weights 1 and 3 at 7 and 1: mean (7·1 + 1·3)/4 = 2.5
        Ces weighted = Ces.of(new WeightedTallyAccumulator(CesScale.AGREEMENT_7).add(7, 1).add(1, 3).snapshot());
        assertThat(weighted.score()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void mean() {
        Mean m = Mean.of(CSAT_A);
        assertThat(m.isEmpty()).isFalse();
        assertThat(Mean.of(Tally.empty(CsatScale.FIVE_POINT)).isEmpty()).isTrue();
        assertThat(m.interval()).isEqualTo(m.interval(0.95));
        assertThat(m.toString()).isEqualTo("Mean[CSAT[1..5], n=15, mean=3.6666666666666665]");
        assertThat(Mean.of(Tally.empty(CsatScale.FIVE_POINT)).toString()).isEqualTo("Mean[n=0]");
    }

    @Test
    void proportion() {
        Proportion p = Proportion.favorable(CSAT_A);
        assertThat(p.n()).isEqualTo(15);
        assertThat(p.successes()).isEqualTo(9);
        assertThat(p.isEmpty()).isFalse();
        assertThat(Proportion.of(0, 0).isEmpty()).isTrue();
        // √(0.6·0.4/15)
        assertThat(p.standardError()).isCloseTo(0.12649110640673517, within(1e-15));
        assertThat(Proportion.of(0, 7).standardError()).isZero();
        assertThat(p.interval(0.9)).isEqualTo(p.interval(0.9, ProportionInterval.WILSON));
        assertThat(p.toString()).isEqualTo("Proportion[9/15]");
    }

    @Test
    void boxesAndSpread() {
        // top 2 of CSAT_A: 4 + 5 = 9; bottom 2: 1 + 2 = 3; all 5 points: 15
        assertThat(Proportion.topBox(CSAT_A, 2).successes()).isEqualTo(9);
        assertThat(Proportion.bottomBox(CSAT_A, 2).successes()).isEqualTo(3);
        assertThat(Proportion.topBox(CSAT_A, 5).successes()).isEqualTo(15);
        assertThat(Proportion.topBox(CSAT_A, 1).successes()).isEqualTo(5);
        assertThat(Proportion.bottomBox(CSAT_A, 1).successes()).isEqualTo(1);
        // mean 11/3; Σc(k − 11/3)² = (64 + 50 + 12 + 4 + 80)/9 = 210/9; s² = (210/9)/14 = 5/3
        assertThat(Mean.of(CSAT_A).variance()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(Nps.of(NpsScaleHolder.TALLY).isWeighted()).isFalse();
        assertThat(Nps.of(new WeightedTallyAccumulator(NpsScale.STANDARD).add(9, 2).snapshot()).isWeighted()).isTrue();
        assertThat(Csat.of(new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(5, 2).snapshot()).score())
                .isEqualTo(100.0);
        assertThat(Csat.of(CSAT_A).interval()).isEqualTo(Csat.of(CSAT_A).interval(0.95, ProportionInterval.WILSON));
    }

    private static final class NpsScaleHolder {
        static final Tally TALLY = Tally.of(NpsScale.STANDARD, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    }
}
