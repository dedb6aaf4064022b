package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.internal.Checks;
import org.junit.jupiter.api.Test;

/**
 * Values of the z-based methods on small inputs, and the closed ends of every accepted range.
 * Reference values: scipy 1.17.1, {@code norm.ppf(0.975)} and {@code norm.sf}, applying each documented
 * formula in Python (the script is in each comment); tolerance 1e-6 covers the normal quantile.
 */
class HandWorkedValuesTest {
    private static final double TOL = 1e-6;
    /** For limits in NPS points: the quantile's error times an SE of about 30. */
    private static final double TOL_POINTS = 1e-4;

    @Test
    void waldNpsComparison() {
        // a = 6 promoters, 2 passives, 2 detractors (NPS 0.4, var 0.6 + 0.2 − 0.16 = 0.64); b mirrored.
        // diff 80, SE 100·√(0.064 + 0.064) = 35.777088, z = √5, CI 80 ± 1.959964·SE, p = 2·norm.sf(√5)
        Comparison c = NpsTest.WALD.compare(6, 2, 2, 2, 2, 6, 0.95);
        assertThat(c.difference()).isCloseTo(80, within(1e-12));
        assertThat(c.standardError()).isCloseTo(35.777087639996644, within(1e-9));
        assertThat(c.statistic()).isCloseTo(Math.sqrt(5), within(1e-12));
        assertThat(c.lower()).isCloseTo(9.878196753873453, within(TOL_POINTS));
        assertThat(c.upper()).isCloseTo(150.12180324612655, within(TOL_POINTS));
        assertThat(c.pValue()).isCloseTo(0.025347318677468277, within(TOL));
        assertThat(NpsVariance.of(6, 2, 2)).isCloseTo(0.64, within(1e-15));
    }

    @Test
    void adjustedWaldNpsComparison() {
        // counts + (0.75, 1.5, 0.75): (6.75, 3.5, 2.75) / 13 and mirrored: diff 100·8/13 = 61.538462,
        // SE 31.282698, z 1.967172, p 0.049163
        Comparison c = NpsTest.ADJUSTED_WALD.compare(6, 2, 2, 2, 2, 6, 0.95);
        assertThat(c.testedDifference()).isCloseTo(61.53846153846154, within(1e-9));
        // the difference shown is that of the raw scores: 100·(6 − 2)/10 − 100·(2 − 6)/10 = 80
        assertThat(c.difference()).isCloseTo(80, within(1e-12));
        assertThat(c.standardError()).isCloseTo(31.28269795949421, within(1e-9));
        assertThat(c.testStandardError()).isEqualTo(c.standardError());
        assertThat(c.lower()).isCloseTo(0.22550019860824477, within(TOL_POINTS));
        assertThat(c.upper()).isCloseTo(122.85142287831484, within(TOL_POINTS));
        assertThat(c.pValue()).isCloseTo(0.04916333319035217, within(TOL));
    }

    @Test
    void benchmarkComparison() {
        // NPS 40 against 32: diff 8, SE 100·√(0.64/10) = 25.298221, p = 2·norm.sf(8/25.298221) = 0.751830
        Comparison c = NpsTest.WALD.compareToValue(6, 2, 2, 32, 0.95);
        assertThat(c.difference()).isCloseTo(8, within(1e-12));
        assertThat(c.standardError()).isCloseTo(25.29822128134704, within(1e-9));
        assertThat(c.pValue()).isCloseTo(0.7518296340458492, within(TOL));
        // the ends of the benchmark range are accepted
        assertThat(NpsTest.WALD.compareToValue(6, 2, 2, 100, 0.95).difference()).isCloseTo(-60, within(1e-12));
        assertThat(NpsTest.WALD.compareToValue(6, 2, 2, -100, 0.95).difference()).isCloseTo(140, within(1e-12));
    }

    @Test
    void wilsonAndNewcombe() {
        // Wilson 3/10: centre (3 + z²/2)/(10 + z²), half z√10/(10 + z²)·√(0.21 + z²/40)
        Interval w = ProportionInterval.WILSON.of(3, 10, 0.95);
        assertThat(w.center()).isCloseTo(0.35550655997257785, within(TOL));
        assertThat(w.lower()).isCloseTo(0.10779126740630104, within(TOL));
        assertThat(w.upper()).isCloseTo(0.6032218525388546, within(TOL));
        // 3/10 vs 6/10: d = −0.3, Newcombe limits d − hypot(p1 − l1, u2 − p2), d + hypot(u1 − p1, p2 − l2);
        // pooled z = −0.3/√(0.45·0.55·0.2) = −1.348400, p 0.177530; unpooled SE √(0.021 + 0.024)
        Comparison c = TwoProportions.compare(3, 10, 6, 10, 0.95);
        assertThat(c.difference()).isCloseTo(-0.3, within(1e-15));
        assertThat(c.lower()).isCloseTo(-0.601138766053767, within(TOL));
        assertThat(c.upper()).isCloseTo(0.11773179727686722, within(TOL));
        assertThat(c.statistic()).isCloseTo(-1.348399724926484, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.17752985241215347, within(TOL));
        assertThat(c.standardError()).isCloseTo(0.21213203435596426, within(1e-15));
        // x = n is accepted, and its upper limit is exactly 1
        assertThat(ProportionInterval.WILSON.of(10, 10, 0.95).upper()).isEqualTo(1.0);
        assertThat(ProportionInterval.WILSON.of(0, 10, 0.95).lower()).isEqualTo(0.0);
    }

    @Test
    void closedEndsOfAcceptedRanges() {
        assertThat(Checks.confidence(0.9)).isEqualTo(0.9);
        assertThat(new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 0, 0.95).pValue()).isZero();
        assertThat(new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 1, 0.95).pValue()).isEqualTo(1);
        assertThat(PValueAdjustment.NONE.adjust(0, 1)).containsExactly(0, 1);
        Interval point = new Interval(2, 2, 2, 0.9);
        assertThat(point.width()).isZero();
        assertThat(point.contains(2)).isTrue();
        assertThat(point.contains(Math.nextUp(2.0))).isFalse();
        assertThat(new Interval(0.5, 0.4, 0.6, 0.95).scaled(100)).isEqualTo(new Interval(50, 40, 60, 0.95));
        assertThat(new Interval(0.5, 0.25, 0.75, 0.95).width()).isEqualTo(0.5);
        // significant means p strictly below 1 − confidence: at 50 % confidence p = 0.5 is not
        assertThat(new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 0.5, 0.5).isSignificant()).isFalse();
        assertThat(new Comparison(0, 0, 0, 0, 0, 0, 0, 1, Math.nextDown(0.5), 0.5).isSignificant()).isTrue();
        assertThat(MeanInterval.studentT(3, 0, 10, 0.95)).isEqualTo(new Interval(3, 3, 3, 0.95));
        assertThat(new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 0.049, 0.95).isSignificant()).isTrue();
        assertThat(new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 0.06, 0.95).isSignificant()).isFalse();
    }
}
