package io.github.cxmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Box counts, ranges, accessors and text forms of tallies and accumulators, with hand-worked values. */
class TallyQueriesTest {
    /** Scores 0 ×1, 6 ×2, 7 ×3, 9 ×4, 10 ×5: n = 15, promoters 4 + 5 = 9, detractors 1 + 2 = 3, passives 3. */
    private static final Tally NPS = Tally.of(NpsScale.STANDARD, 1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5);

    @Test
    void boxesAndRanges() {
        assertThat(NPS.favorable()).isEqualTo(9);
        assertThat(NPS.unfavorable()).isEqualTo(3);
        assertThat(NPS.countBetween(7, 8)).isEqualTo(3);
        assertThat(NPS.countBetween(0, 10)).isEqualTo(15);
        assertThat(NPS.countBetween(6, 6)).isEqualTo(2);
        assertThat(NPS.isEmpty()).isFalse();
        assertThat(Tally.empty(NpsScale.STANDARD).isEmpty()).isTrue();
        assertThat(NPS.toString()).isEqualTo("Tally[NPS[0..10]: 1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5]");
    }

    @Test
    void accumulatorAccessors() {
        TallyAccumulator acc = new TallyAccumulator(CsatScale.FIVE_POINT).add(4, 3).add(5, 0).add(1);
        assertThat(acc.scale()).isEqualTo(CsatScale.FIVE_POINT);
        assertThat(acc.count(4)).isEqualTo(3);
        assertThat(acc.count(5)).isZero();
        assertThat(acc.n()).isEqualTo(4);
        assertThat(acc.toString()).isEqualTo("TallyAccumulator[CSAT[1..5]: 1, 0, 0, 3, 0]");
        // add(score, times) that overflows changes nothing
        TallyAccumulator full = new TallyAccumulator(CsatScale.FIVE_POINT).add(2, Long.MAX_VALUE);
        assertThatThrownBy(() -> full.add(2, 1)).isInstanceOf(ArithmeticException.class);
        assertThat(full.count(2)).isEqualTo(Long.MAX_VALUE);
        assertThat(full.n()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void weightedAccessors() {
        // weights 1.5 at 3, 2 at 4, 0.5 at 5: Σw = 4, Σw² = 2.25 + 4 + 0.25 = 6.5
        WeightedTallyAccumulator acc = new WeightedTallyAccumulator(CsatScale.FIVE_POINT)
                .addAll(new int[] {3, 4, 5}, new double[] {1.5, 2, 0.5});
        assertThat(acc.scale()).isEqualTo(CsatScale.FIVE_POINT);
        assertThat(acc.isEmpty()).isFalse();
        assertThat(new WeightedTallyAccumulator(CsatScale.FIVE_POINT).isEmpty()).isTrue();
        WeightedTally w = acc.snapshot();
        assertThat(w.isEmpty()).isFalse();
        assertThat(WeightedTally.empty(CsatScale.FIVE_POINT).isEmpty()).isTrue();
        assertThat(w.count(3)).isEqualTo(1);
        assertThat(w.count(1)).isZero();
        assertThat(w.sumOfSquaredWeights(3)).isEqualTo(2.25);
        assertThat(w.sumOfSquaredWeights(4)).isEqualTo(4.0);
        assertThat(w.toString()).isEqualTo("WeightedTally[CSAT[1..5]: n=3, Σw=4.0, Σw²=6.5]");
    }

    @Test
    void exactSumRange() {
        assertThat(ExactSum.fits(0)).isTrue();
        assertThat(ExactSum.fits(-0.0)).isTrue();
        assertThat(ExactSum.fits(Double.NaN)).isFalse();
        assertThat(ExactSum.fits(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(ExactSum.fits(Double.MIN_VALUE)).as("subnormal").isFalse();
        assertThat(ExactSum.fits(0x1p-232)).isTrue();
        assertThat(ExactSum.fits(0x1p-233)).isFalse();
        // 1 + 2^-52 has its lowest bit at 2^-52; scaled by 2^-180 it is at 2^-232 (fits), by 2^-181 not
        assertThat(ExactSum.fits(Math.scalb(1 + 0x1p-52, -180))).isTrue();
        assertThat(ExactSum.fits(Math.scalb(1 + 0x1p-52, -181))).isFalse();
        assertThat(ExactSum.fits(0x1p191)).isTrue();
        assertThat(ExactSum.fits(0x1p192)).isFalse();
        assertThat(ExactSum.fits(-1.5)).isTrue();
        assertThat(new ExactSum().equals("0")).isFalse();
        assertThat(new ExactSum()).isEqualTo(new ExactSum()).hasSameHashCodeAs(new ExactSum());
    }

    @Test
    void exactSumOverflowIsDetected() {
        // the largest accepted value, 2^279 − 2^-232, i.e. unscaled 2^511 − 1: 2× still fits the 512 digit
        // bits, 4× carries out of them
        BigDecimal max = new BigDecimal(BigInteger.ONE.shiftLeft(511).subtract(BigInteger.ONE), 0)
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(232)));
        ExactSum a = ExactSum.of(max);
        a.addAll(a.copy());
        assertThatThrownBy(() -> a.addAll(a.copy())).isInstanceOf(ArithmeticException.class)
                .hasMessage("sum of weights out of range (negative or at or above 2^279)");
    }
}
