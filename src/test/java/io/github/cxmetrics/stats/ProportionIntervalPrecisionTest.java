package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Small upper limits of the beta-quantile intervals keep their relative precision: the upper limit
 * is the upper beta quantile itself, not {@code 1 −} the lower quantile of the mirrored beta
 * (which cancels: 1.3e-13 relative for Jeffreys at n = 19436, 4.5e-11 and 1.3e-9 for
 * Clopper–Pearson at n = 1e7 and 1e8, before issue 13).
 */
class ProportionIntervalPrecisionTest {
    private static final double RELATIVE = 1e-13;

    @Test
    void jeffreysSmallUpperLimit() {
        // Apache Commons Statistics, BinomialConfidenceIntervalTest (Jeffreys, x = 0, n = 19436,
        // 95 %): upper = 1.29231759119846382e-4, asserted there to 1e-13 relative
        double expected = 1.29231759119846382e-4;
        Interval ci = ProportionInterval.JEFFREYS.of(0, 19436, 0.95);
        assertThat(ci.upper()).isCloseTo(expected, within(RELATIVE * expected));
        assertThat(ci.lower()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e7, 1e8})
    void clopperPearsonAtZeroIsTheClosedForm(double n) {
        // at x = 0 the Clopper–Pearson upper limit has the closed form 1 − (α/2)^(1/n), written
        // here without cancellation as −expm1(log(α/2)/n); α = 1 − 0.95 as a double, as the method
        // takes it
        double halfAlpha = (1 - 0.95) / 2;
        double expected = -Math.expm1(Math.log(halfAlpha) / n);
        Interval ci = ProportionInterval.CLOPPER_PEARSON.of(0, n, 0.95);
        assertThat(ci.upper()).isCloseTo(expected, within(RELATIVE * expected));
        assertThat(ci.lower()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 1e4, 1e7, 1e8})
    void clopperPearsonAtAllSuccessesIsTheClosedForm(double n) {
        // mirror image at x = n: lower = (α/2)^(1/n), upper exactly 1 (the boundary convention)
        double halfAlpha = (1 - 0.95) / 2;
        double expected = Math.exp(Math.log(halfAlpha) / n);
        Interval ci = ProportionInterval.CLOPPER_PEARSON.of(n, n, 0.95);
        assertThat(ci.lower()).isCloseTo(expected, within(RELATIVE * expected));
        assertThat(ci.upper()).isEqualTo(1);
    }
}
