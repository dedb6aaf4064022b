package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Multiple-testing adjustments, significance and degenerate comparisons, worked by hand. */
class ComparisonAndAdjustmentTest {

    @Test
    void holmAndBenjaminiHochberg() {
        double[] p = {0.01, 0.04, 0.03, 0.20};
        // sorted 0.01, 0.03, 0.04, 0.20 (m = 4). Holm: running max of 4·0.01 = 0.04, 3·0.03 = 0.09,
        // 2·0.04 = 0.08, 1·0.20 = 0.20 → 0.04, 0.09, 0.09, 0.20; back in input order:
        assertThat(PValueAdjustment.HOLM.adjust(p)).containsExactly(new double[] {0.04, 0.09, 0.09, 0.20},
                within(1e-15));
        // BH from the top: 4·0.20/4 = 0.20, 4·0.04/3 = 0.0533…, min(4·0.03/2 = 0.06, 0.0533…), 4·0.01/1 = 0.04
        assertThat(PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p)).containsExactly(
                new double[] {0.04, 4 * 0.04 / 3, 4 * 0.04 / 3, 0.20}, within(1e-15));
        double[] none = PValueAdjustment.NONE.adjust(p);
        assertThat(none).containsExactly(p).isNotSameAs(p);
        // capped at 1: Holm 2·0.5 = 1, then max(1, 0.9) = 1; BH min(1, 2·0.9/2) = 0.9, min(0.9, 2·0.5/1 = 1)
        assertThat(PValueAdjustment.HOLM.adjust(0.9, 0.5)).containsExactly(1.0, 1.0);
        assertThat(PValueAdjustment.BENJAMINI_HOCHBERG.adjust(0.9, 0.5)).containsExactly(0.9, 0.9);
        assertThat(PValueAdjustment.HOLM.adjust()).isEmpty();
        assertThat(p).containsExactly(0.01, 0.04, 0.03, 0.20);
    }

    @Test
    void significance() {
        Comparison c = new Comparison(1, 0.5, 0, 2, 1, 0.5, 2, Double.POSITIVE_INFINITY, 0.04, 0.95);
        assertThat(c.isSignificant()).isTrue();
        assertThat(c.isSignificantAt(0.05)).isTrue();
        assertThat(c.isSignificantAt(0.04)).as("strictly below alpha").isFalse();
        assertThat(c.isSignificantAt(0.01)).isFalse();
        Comparison adjusted = c.withPValue(0.06);
        assertThat(adjusted.isSignificant()).isFalse();
        assertThat(adjusted).isEqualTo(new Comparison(1, 0.5, 0, 2, 1, 0.5, 2, Double.POSITIVE_INFINITY, 0.06, 0.95));
    }

    @Test
    void degenerateTests() {
        // Wald on all promoters in both groups: both variances 0 and both scores 100 → no evidence
        Comparison same = NpsTest.WALD.compare(10, 0, 0, 5, 0, 0, 0.95);
        assertThat(same).isEqualTo(new Comparison(0, 0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, 1, 0.95));
        assertThatThrownBy(() -> NpsTest.WALD.compare(10, 0, 0, 0, 0, 5, 0.95))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Test undefined: the standard error is 0 while the difference is 200.0");
        // two constant groups at the same value: df = 10 + 10 − 2
        assertThat(MeanTest.WELCH.compare(3, 0, 10, 3, 0, 10, 0.9))
                .isEqualTo(new Comparison(0, 0, 0, 0, 0, 0, 0, 18, 1, 0.9));
        // every response a success in both groups: pooled SE 0 → z = 0, p = 1
        Comparison allSatisfied = TwoProportions.compare(10, 10, 5, 5, 0.95);
        assertThat(allSatisfied.difference()).isZero();
        assertThat(allSatisfied.statistic()).isZero();
        assertThat(allSatisfied.pValue()).isEqualTo(1);
        assertThat(allSatisfied.lower()).isLessThan(0);
        assertThat(allSatisfied.upper()).isGreaterThan(0);
    }
}
