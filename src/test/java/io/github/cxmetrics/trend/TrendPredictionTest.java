package io.github.cxmetrics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.stats.Interval;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The trend's prediction interval against R 4.2's weighted {@code lm}: with a dispersion above 1 the
 * line's φσ₀² is R's residual variance, so
 * {@code predict(lm(y ~ x, weights = n), data.frame(x = 9), interval = "prediction", weights = 100,
 * level = 0.9)} is the same interval.
 */
class TrendPredictionTest {
    private static final CalendarPeriod JAN = CalendarPeriod.parse("2026-01", ZoneOffset.UTC);

    private static Trend line() {
        double[] x = {0, 1, 2, 3, 5, 6};
        double[] n = {120, 90, 150, 110, 95, 130};
        double[] y = {30.5, 33.1, 31.0, 36.2, 38.9, 37.5};
        return Trend.fit(JAN, x, n, y, 100, 0.9);
    }

    @Test
    void predictionIntervalIsRsWeightedLm() {
        Trend t = line();
        assertThat(t.dispersion()).isCloseTo(395.315554441988 / 100, within(1e-9));
        Interval p = t.predictedAt(JAN.plus(9), 100);
        assertThat(p.center()).isCloseTo(42.590332688232, within(1e-9));
        assertThat(p.lower()).isCloseTo(36.080996723586, within(1e-9));
        assertThat(p.upper()).isCloseTo(49.099668652877, within(1e-9));
        // R: pt((40 - fit) / se, 4, lower.tail = FALSE)
        assertThat(t.probabilityAtLeast(JAN.plus(9), 100, 40)).isCloseTo(0.777986282085, within(1e-9));
        assertThat(t.meanResponsesPerPeriod()).isCloseTo(695 / 6.0, within(1e-12));
        // wider than the interval of the line's level
        Interval level = t.projectedAt(JAN.plus(9));
        assertThat(p.upper() - p.lower()).isGreaterThan(level.upper() - level.lower());
        assertThatThrownBy(() -> t.predictedAt(JAN.plus(9), 0)).hasMessageContaining("valid values > 0");
    }

    @Property(tries = 200)
    void probabilityFallsAsTheBarRises(@ForAll @DoubleRange(min = 0, max = 80) double bar,
            @ForAll @DoubleRange(min = 0.1, max = 10) double step) {
        Trend t = line();
        double p = t.probabilityAtLeast(JAN.plus(9), 100, bar);
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(t.probabilityAtLeast(JAN.plus(9), 100, bar + step)).isLessThanOrEqualTo(p);
        Interval i = t.predictedAt(JAN.plus(9), 100);
        // the interval's bounds are the (1 ± 0.9)/2 quantiles of the predictive distribution
        assertThat(t.probabilityAtLeast(JAN.plus(9), 100, i.upper())).isCloseTo(0.05, within(1e-9));
    }
}
