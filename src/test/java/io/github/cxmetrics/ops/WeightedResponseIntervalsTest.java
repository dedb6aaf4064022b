package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The intervals of weighted response times ({@link WeightedResponseTimeHistogram#meanInterval},
 * {@link WeightedResponseTimeHistogram#quantileInterval}) against base R 4.2: the weighted mean
 * with s² = n_eff/(n_eff − 1)·Σw(x − m)²/W and {@code qt(0.975, n_eff - 1)}; Woodruff's interval as
 * the Wilson limits of p (on n_eff) put through {@code quantile(x, ., type = 7)}. The histogram
 * stores each time within 1 % of its bucket's value, so the limits are compared to 1.5 %.
 */
class WeightedResponseIntervalsTest {
    private static final double[] X = {3, 7, 12, 18, 25, 31, 40, 44, 52, 60, 75, 90, 110, 130, 150, 185, 220, 260,
        300, 420};
    private static final double[] W = {1, 2, 0.5, 1.5, 1, 3, 1, 2, 0.5, 1, 1, 2, 1, 0.5, 3, 1, 1.5, 1, 2, 1};

    private static WeightedResponseTimeHistogram histogram(boolean weighted) {
        WeightedResponseTimeHistogramAccumulator a = new WeightedResponseTimeHistogramAccumulator(
                ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, Duration.ofHours(2));
        for (int i = 0; i < X.length; i++) {
            a.addMinutes(X[i], weighted ? W[i] : 1);
        }
        return a.snapshot();
    }

    @Test
    void theWeightedMeanIntervalMatchesR() {
        WeightedResponseTimeHistogram h = histogram(true);
        assertThat(h.effectiveN()).isCloseTo(15.6735751295337, within(1e-12));
        Interval ci = h.meanInterval(0.95);
        assertThat(ci.center()).isCloseTo(111.163636363636, within(1e-9));
        double half = 170.875657543648 - 111.163636363636;
        assertThat(ci.lower()).isCloseTo(51.4516151836243, within(0.015 * half));
        assertThat(ci.upper()).isCloseTo(170.875657543648, within(0.015 * half));
    }

    @Test
    void woodruffsIntervalWithEqualWeightsMatchesR() {
        Interval ci = histogram(false).quantileInterval(0.5, 0.95);
        assertThat(ci.center()).isCloseTo(67.5, within(0.015 * 67.5));
        assertThat(ci.lower()).isCloseTo(37.1799594018943, within(0.015 * 37.18));
        assertThat(ci.upper()).isCloseTo(136.266756884679, within(0.015 * 136.27));
    }

    @Test
    void badArgumentsAreRefused() {
        WeightedResponseTimeHistogram h = histogram(true);
        assertThatThrownBy(() -> h.quantileInterval(1, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for quantile probability (valid values 0 < p < 1): 1.0");
        assertThatThrownBy(() -> h.meanInterval(1.5)).isInstanceOf(IllegalArgumentException.class);
        WeightedResponseTimeHistogram one = new WeightedResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2))
                .addMinutes(5, 2).snapshot();
        assertThatThrownBy(() -> one.meanInterval(0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("effective n above 1");
    }
}
