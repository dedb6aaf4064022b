package io.github.cxmetrics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.stats.Interval;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Trend#ofEstimates}: weighted least squares on per-period estimates, checked by hand. */
class TrendOfEstimatesTest {
    private static final CalendarPeriod Q1 = CalendarPeriod.parse("2026-Q1", ZoneOffset.UTC);

    @Test
    void weightedLeastSquaresByHand() {
        // periods 0, 1, 3, 4 (2026-Q3 has no data), weights 100, 200, 100, 200, estimates 10, 14, 15, 20
        List<CalendarPeriod> ps = List.of(Q1, Q1.plus(1), Q1.plus(3), Q1.plus(4));
        double[] w = {100, 200, 100, 200};
        double[] y = {10, 14, 15, 20};
        double sigma2 = 2500;
        Trend t = Trend.ofEstimates(ps, w, y, sigma2, 0.95).orElseThrow();
        // by hand: Σw = 600; x̄ = (0 + 200 + 300 + 800)/600 = 13/6; ȳ = (1000 + 2800 + 1500 + 4000)/600 = 15.5
        // Sxx = (100·13² + 200·7² + 100·5² + 200·11²)/36 = 53400/36 = 1483.33;
        // Sxy = (100·13·5.5 + 200·7·1.5 − 100·5·0.5 + 200·11·4.5)/6 = 18900/6 = 3150; b = 2.123596
        double mx = 13.0 / 6;
        double my = 15.5;
        double sxx = 100 * mx * mx + 200 * (1 - mx) * (1 - mx) + 100 * (3 - mx) * (3 - mx) + 200 * (4 - mx) * (4 - mx);
        double sxy = 100 * (0 - mx) * (10 - my) + 200 * (1 - mx) * (14 - my) + 100 * (3 - mx) * (15 - my)
                + 200 * (4 - mx) * (20 - my);
        double b = sxy / sxx;
        double a = my - b * mx;
        assertThat(sxx).isCloseTo(1483.3333333, within(1e-6));
        assertThat(b).isCloseTo(2.1235955, within(1e-6));
        assertThat(t.slope()).isCloseTo(b, within(1e-12));
        assertThat(t.intercept()).isCloseTo(a, within(1e-12));
        assertThat(t.origin()).isEqualTo(Q1);
        assertThat(t.periods()).isEqualTo(4);
        // dispersion: X² = Σ w r² / σ² over k − 2 = 2 degrees of freedom, at least 1
        double chi2 = 0;
        double[] x = {0, 1, 3, 4};
        for (int i = 0; i < 4; i++) {
            double r = y[i] - a - b * x[i];
            chi2 += w[i] * r * r;
        }
        double phi = Math.max(1, chi2 / sigma2 / 2);
        assertThat(t.dispersion()).isCloseTo(phi, within(1e-12));
        assertThat(t.standardError()).isCloseTo(Math.sqrt(phi * sigma2 / sxx), within(1e-12));
        // projection to 2027-Q4 (x = 7), t(0.975, 2) = 4.302653 (tables)
        Interval p = t.projectedAt(Q1.plus(7));
        double se = Math.sqrt(phi * sigma2 * (1 / 600.0 + (7 - mx) * (7 - mx) / sxx));
        assertThat(p.center()).isCloseTo(a + 7 * b, within(1e-9));
        assertThat(p.upper() - p.center()).isCloseTo(4.302653 * se, within(1e-5));
    }

    @Test
    void fewerThanThreePeriodsGiveNoTrendAndBadInputIsRefused() {
        assertThat(Trend.ofEstimates(List.of(Q1, Q1.plus(1)), new double[] {1, 1}, new double[] {1, 2}, 1, 0.95))
                .isEmpty();
        assertThat(Trend.ofEstimates(List.of(), new double[0], new double[0], 1, 0.95)).isEmpty();
        assertThatThrownBy(() -> Trend.ofEstimates(List.of(Q1), new double[] {1, 2}, new double[] {1}, 1, 0.95))
                .hasMessageContaining("1 periods, 2 weights, 1 estimates");
        assertThatThrownBy(() -> Trend.ofEstimates(List.of(Q1.plus(1), Q1), new double[] {1, 1}, new double[] {1, 2},
                1, 0.95)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> Trend.ofEstimates(List.of(Q1), new double[] {0}, new double[] {1}, 1, 0.95))
                .hasMessage("Invalid weight for 2026-Q1 (valid values > 0, finite): 0.0");
        assertThatThrownBy(() -> Trend.ofEstimates(List.of(Q1), new double[] {1}, new double[] {Double.NaN}, 1, 0.95))
                .hasMessageContaining("Invalid estimate for 2026-Q1");
        assertThatThrownBy(() -> Trend.ofEstimates(List.of(Q1), new double[] {1}, new double[] {1}, -1, 0.95))
                .hasMessageContaining("unit variance");
    }
}
