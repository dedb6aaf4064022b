package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The histogram's order-statistic interval for quantiles and the mean's t interval, against
 * independent computations: ranks from exact binomial sums (BigInteger binomial coefficients),
 * the t quantile from a table.
 */
class HistogramQuantileIntervalTest {

    /** P(B ≤ k) for k = 0 … n, B ~ Binomial(n, p): exact binomial coefficients, terms in BigDecimal. */
    static double[] binomialCdf(int n, double p) {
        BigDecimal bp = new BigDecimal(p);
        BigDecimal bq = BigDecimal.ONE.subtract(bp);
        double[] cdf = new double[n + 1];
        BigDecimal sum = BigDecimal.ZERO;
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                c = c.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
            }
            BigDecimal term = new BigDecimal(c).multiply(bp.pow(i, MathContext.DECIMAL64))
                    .multiply(bq.pow(n - i, MathContext.DECIMAL64), MathContext.DECIMAL64);
            sum = sum.add(term, MathContext.DECIMAL64);
            cdf[i] = sum.doubleValue();
        }
        return cdf;
    }

    /** {l, u} by the textbook rule: l the largest with F(l − 1) ≤ α/2, u the smallest with F(u − 1) ≥ 1 − α/2. */
    static int[] ranks(int n, double p, double confidence) {
        double tail = (1 - confidence) / 2;
        double[] f = binomialCdf(n, p);
        int l = 0;
        for (int k = 1; k <= n; k++) {
            if (f[k - 1] <= tail) {
                l = k;
            }
        }
        int u = -1;
        for (int k = n; k >= 1; k--) {
            if (f[k - 1] >= 1 - tail) {
                u = k;
            }
        }
        return new int[] {l, u};
    }

    static ResponseTimeHistogram minutes(double... values) {
        ResponseTimeHistogramAccumulator acc = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2));
        for (double v : values) {
            acc.addMinutes(v);
        }
        return acc.snapshot();
    }

    @Test
    void medianOfTwentyUsesTheSixthAndFifteenthTimes() {
        // Binomial(20, 0.5): F(5) = 0.0207 <= 0.025 < F(6) = 0.0577, F(13) = 0.9423 < 0.975 <= F(14) = 0.9793
        assertThat(ranks(20, 0.5, 0.95)).containsExactly(6, 15);
        assertThat(QuantileRanks.of(20, 0.5, 0.95)).containsExactly(6, 15);
        double[] times = new double[20];
        for (int i = 0; i < 20; i++) {
            times[i] = i + 1; // 1 … 20 minutes
        }
        Interval ci = minutes(times).quantileInterval(0.5, 0.95);
        // exact [X(6), X(15)] = [6, 15] minutes, widened to the buckets that hold them: at most a factor
        // γ = 1.01/0.99 outward
        double gamma = 1.01 / 0.99;
        assertThat(ci.lower()).isBetween(6 / gamma - 1e-9, 6.0);
        assertThat(ci.upper()).isBetween(15.0, 15 * gamma + 1e-9);
        assertThat(ci.center()).isCloseTo(10.5, within(10.5 * 0.01));
    }

    @Test
    void p90RanksMatchTheBinomialAndNeedThirtySixTimes() {
        for (int n : new int[] {36, 50, 100, 250}) {
            assertThat(QuantileRanks.of(n, 0.9, 0.95)).as("n = %d", n).containsExactly(ranks(n, 0.9, 0.95));
        }
        // 0.9^36 = 0.0225 <= 0.025 < 0.9^35 = 0.02503; 0.5^6 = 0.0156 <= 0.025 < 0.5^5 = 0.03125
        assertThat(ResponseTimeHistogram.quantileIntervalMinimumN(0.9, 0.95)).isEqualTo(36);
        assertThat(ResponseTimeHistogram.quantileIntervalMinimumN(0.5, 0.95)).isEqualTo(6);
        double[] few = new double[5];
        Arrays.fill(few, 3);
        assertThatThrownBy(() -> minutes(few).quantileInterval(0.5, 0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("need n >= 6");
    }

    @Test
    void meanIntervalIsStudentT() {
        // 10, 20, 30, 40, 50: mean 30, s = sqrt(250), se = sqrt(50); t(0.975, 4) = 2.776445 (tables)
        Interval ci = minutes(10, 20, 30, 40, 50).meanInterval(0.95);
        double half = 2.776445 * Math.sqrt(50);
        assertThat(ci.center()).isCloseTo(30, within(1e-9));
        assertThat(ci.lower()).isCloseTo(30 - half, within(1e-5));
        assertThat(ci.upper()).isCloseTo(30 + half, within(1e-5));
    }

    @Provide
    Arbitrary<double[]> times() {
        return Arbitraries.doubles().between(0, 2000).ofScale(3).list().ofMinSize(6).ofMaxSize(300)
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 100)
    void theIntervalHoldsTheEstimateAndTheExactOrderStatistics(@ForAll("times") double[] times,
            @ForAll("levels") double p) {
        ResponseTimeHistogram h = minutes(times);
        if (h.n() < ResponseTimeHistogram.quantileIntervalMinimumN(p, 0.95)) {
            return;
        }
        Interval ci = h.quantileInterval(p, 0.95);
        assertThat(ci.lower()).isLessThanOrEqualTo(ci.center());
        assertThat(ci.center()).isLessThanOrEqualTo(ci.upper());
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        int[] r = QuantileRanks.of(sorted.length, p, 0.95);
        double exactLower = r[0] == 0 ? 0 : sorted[r[0] - 1];
        double exactUpper = sorted[r[1] - 1];
        // the bucket-widened interval contains the exact one (up to the nanosecond rounding of addMinutes)
        assertThat(ci.lower()).isLessThanOrEqualTo(exactLower + 1e-9);
        assertThat(ci.upper()).isGreaterThanOrEqualTo(exactUpper - 1e-9);
        // and is at most one bucket wider at each end
        assertThat(ci.lower()).isGreaterThanOrEqualTo(exactLower * 0.99 / 1.01 - 1e-9);
        assertThat(ci.upper()).isLessThanOrEqualTo(exactUpper * 1.01 / 0.99 + 1e-9);
    }

    @Provide
    Arbitrary<Double> levels() {
        return Arbitraries.of(0.5, 0.9);
    }
}
