package io.github.cxmetrics.tally;

import io.github.cxmetrics.internal.ExactSum;
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

    @Test
    void byteAndIntBatchesOnAScaleThatDoesNotStartAtZero() {
        // CSAT 1..5: indexes are score − 1, so a batch reader that forgets the offset miscounts
        byte[] bytes = {1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 5};
        Tally t = new TallyAccumulator(CsatScale.FIVE_POINT).addAll(bytes).snapshot();
        assertThat(t.counts()).containsExactly(2, 2, 2, 2, 3);
        Tally range = new TallyAccumulator(CsatScale.FIVE_POINT).addAll(bytes, 8, 11).snapshot();
        assertThat(range.counts()).containsExactly(1, 1, 0, 0, 1);
        assertThat(range.n()).isEqualTo(3);
        // a tally of as many points on another scale is refused, not merged
        TallyAccumulator csat = new TallyAccumulator(CsatScale.FIVE_POINT);
        assertThatThrownBy(() -> csat.addAll(Tally.of(io.github.cxmetrics.scale.CesScale.EFFORT_5, 1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Scale mismatch: CSAT[1..5] / CES[1..5 effort]");
        assertThat(csat.isEmpty()).isTrue();
        assertThat(new TallyAccumulator(CsatScale.FIVE_POINT).addAll(1, 5, 5).snapshot().counts())
                .containsExactly(1, 0, 0, 0, 2);
        // an off-scale value in each lane of the unrolled loop and in the tail, at both ends
        for (int at = 0; at < 11; at++) {
            for (byte bad : new byte[] {0, 6}) {
                byte[] b = bytes.clone();
                b[at] = bad;
                TallyAccumulator acc = new TallyAccumulator(CsatScale.FIVE_POINT);
                int index = at;
                assertThatThrownBy(() -> acc.addAll(b)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("Invalid value for CSAT[1..5] at index " + index + " (valid values 1 - 5): " + bad);
                assertThat(acc.isEmpty()).isTrue();
            }
        }
        // runs of the lowest and highest score, in full lanes and in the tail: nothing may be dropped
        byte[] ends = {1, 1, 1, 1, 5, 5, 5, 5, 1, 1, 5};
        assertThat(new TallyAccumulator(CsatScale.FIVE_POINT).addAll(ends).snapshot().counts())
                .containsExactly(6, 0, 0, 0, 5);
        TallyAccumulator boxed = new TallyAccumulator(CsatScale.FIVE_POINT);
        assertThat(boxed.add(Integer.valueOf(3)).add(Integer.valueOf(3)).count(3)).isEqualTo(2);
        assertThat(boxed.isEmpty()).isFalse();
    }

    @Test
    void messagesNameTheScoreNotTheIndex() {
        assertThatThrownBy(() -> Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, -2, 0))
                .hasMessage("Invalid count for score 4 of CSAT[1..5] (valid values >= 0): -2");
        assertThatThrownBy(() -> WeightedTally.of(CsatScale.FIVE_POINT, new long[5],
                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO},
                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO}))
                .hasMessage("Invalid weight sums for score 3 of CSAT[1..5]: weight without responses");
        assertThat(WeightedTallyAccumulator.requireValidWeight(2.5)).isEqualTo(2.5);
        assertThat(WeightedTallyAccumulator.requireValidWeight(0)).isZero();
    }

    @Test
    void exactSumsCompareByValueWhateverTheirPendingCarries() {
        // 2^-201 lands on bit 31 of digit 0: added twice it is 2^32 in digit 0 until carried, while
        // 2^-200 is 1 in digit 1; equal values must be equal, hash equally and convert equally
        ExactSum twice = new ExactSum();
        twice.add(0x1p-201);
        twice.add(0x1p-201);
        ExactSum once = new ExactSum();
        once.add(0x1p-200);
        assertThat(twice).isEqualTo(once);
        assertThat(once).isEqualTo(twice);
        ExactSum twiceAgain = new ExactSum();
        twiceAgain.add(0x1p-201);
        twiceAgain.add(0x1p-201);
        assertThat(twiceAgain.hashCode()).isEqualTo(once.hashCode());
        ExactSum third = new ExactSum();
        third.add(0x1p-201);
        third.add(0x1p-201);
        assertThat(third.toBigDecimal()).isEqualByComparingTo(new BigDecimal(BigInteger.ONE).divide(
                new BigDecimal(BigInteger.ONE.shiftLeft(200))));
        // 2^-200 − 2^-201 − 2^-201 = 0, with a borrow pending across digits
        ExactSum zero = new ExactSum();
        zero.add(0x1p-200);
        zero.add(-0x1p-201);
        zero.add(-0x1p-201);
        assertThat(zero.isZero()).isTrue();
        ExactSum notZero = new ExactSum();
        notZero.add(0x1p-201);
        assertThat(notZero.isZero()).isFalse();
        assertThat(new ExactSum().equals(notZero)).isFalse();
    }

    @Test
    void distinctValuesHashDifferently() {
        // tallies and scales are used as map keys (a tally per segment): distinct common values must
        // not collide
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        Tally[] tallies = {Tally.of(CsatScale.FIVE_POINT, 1, 0, 0, 0, 0), Tally.of(CsatScale.FIVE_POINT, 0, 1, 0, 0, 0),
            Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 0, 1), Tally.empty(CsatScale.of(1, 7)), NPS};
        for (Tally t : tallies) {
            hashes.add(t.hashCode());
        }
        assertThat(hashes).hasSize(tallies.length);
        WeightedTally w1 = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(5, 1).snapshot();
        WeightedTally w2 = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(5, 2).snapshot();
        WeightedTally w3 = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(4, 1).snapshot();
        assertThat(java.util.Set.of(w1.hashCode(), w2.hashCode(), w3.hashCode())).hasSize(3);
    }
}
