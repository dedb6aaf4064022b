package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.StudentT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {
    // Minutes; sorted: 5, 12, 15, 20, 30, 45, 60, 75, 90, 130, 180, 240.
    private static final double[] MINUTES = {12, 45, 5, 130, 90, 240, 30, 15, 60, 75, 20, 180};

    @Test
    void meanSpreadAndQuantilesMatchNumpy() {
        ResponseTimes t = ResponseTimes.ofMinutes(MINUTES);
        // numpy 2.4 (src/test/resources/io/github/cxmetrics/ops/ops_reference.py): x.mean(),
        // x.std(ddof=1), np.percentile(x, q) (linear = Hyndman-Fan 7)
        assertThat(t.n()).isEqualTo(12);
        assertThat(t.mean()).isCloseTo(75.16666666666667, within(1e-12));
        assertThat(t.standardDeviation()).isCloseTo(73.9432624422676, within(1e-12));
        assertThat(t.median()).isCloseTo(52.5, within(1e-12));
        assertThat(t.p90()).isCloseTo(175.0, within(1e-9));
        assertThat(t.p95()).isCloseTo(207.0, within(1e-9));
        assertThat(t.quantile(0.25)).isCloseTo(18.75, within(1e-12));
        assertThat(t.quantile(0)).isEqualTo(5);
        assertThat(t.quantile(1)).isEqualTo(240);
        assertThat(t.min()).isEqualTo(5);
        assertThat(t.max()).isEqualTo(240);
    }

    @Test
    void meanIntervalIsStudentT() {
        Interval ci = ResponseTimes.ofMinutes(MINUTES).meanInterval(0.95);
        // se = 73.9432624422676 / sqrt(12) = 21.345581237901172 (numpy); half-width = t(0.975, 11) * se
        double half = StudentT.criticalValue(0.95, 11) * 21.345581237901172;
        assertThat(ci.center()).isCloseTo(75.16666666666667, within(1e-12));
        assertThat(ci.lower()).isCloseTo(75.16666666666667 - half, within(1e-9));
        assertThat(ci.upper()).isCloseTo(75.16666666666667 + half, within(1e-9));
    }

    @Test
    void medianIntervalUsesBinomialRanks() {
        // scipy.stats.binom(12, 0.5): l = 3 (F(2) = 0.0193 <= 0.025), u = 10 (F(9) = 0.9807 >= 0.975)
        // sorted x_(3) = 15, x_(10) = 130
        Interval ci = ResponseTimes.ofMinutes(MINUTES).quantileInterval(0.5, 0.95);
        assertThat(ci.lower()).isEqualTo(15);
        assertThat(ci.upper()).isEqualTo(130);
        assertThat(ci.center()).isCloseTo(52.5, within(1e-12));
    }

    @Test
    void quantileIntervalNeedsEnoughData() {
        // p95 at 95 %: an upper limit needs 0.95^n <= 0.025, n >= 72 (scipy check: n = 71 has none)
        double[] seventyOne = new double[71];
        for (int i = 0; i < 71; i++) {
            seventyOne[i] = i + 1;
        }
        assertThatThrownBy(() -> ResponseTimes.ofMinutes(seventyOne).quantileInterval(0.95, 0.95))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("need n >= 72");
        double[] seventyTwo = new double[72];
        for (int i = 0; i < 72; i++) {
            seventyTwo[i] = i + 1;
        }
        // scipy ranks (64, 72): x_(64) = 64, x_(72) = 72
        Interval ci = ResponseTimes.ofMinutes(seventyTwo).quantileInterval(0.95, 0.95);
        assertThat(ci.lower()).isEqualTo(64);
        assertThat(ci.upper()).isEqualTo(72);
    }

    @Test
    void smallSampleMedianLowerLimitIsZero() {
        // n = 6, p = 0.5: F(0) = 1/64 = 0.0156 <= 0.025 so l = 1; n = 6 gives u = 6 (scipy). With
        // n = 6 the limits are the extremes.
        Interval ci = ResponseTimes.ofMinutes(10, 20, 30, 40, 50, 60).quantileInterval(0.5, 0.95);
        assertThat(ci.lower()).isEqualTo(10);
        assertThat(ci.upper()).isEqualTo(60);
        // p = 0.9, n = 40: F(0) = 0.1^40 tiny, fine; p = 0.05, n = 40: F(0) = 0.95^40 = 0.1285 > 0.025,
        // so no order statistic is a lower limit and the support bound 0 is used.
        double[] forty = new double[40];
        for (int i = 0; i < 40; i++) {
            forty[i] = 100 + i;
        }
        assertThat(ResponseTimes.ofMinutes(forty).quantileInterval(0.05, 0.95).lower()).isZero();
    }

    @Test
    void withinTargetIsAWilsonProportion() {
        ResponseTimes t = ResponseTimes.ofMinutes(MINUTES);
        Proportion p = t.withinTarget(Duration.ofHours(2));
        // 9 of 12 at or below 120 minutes
        assertThat(p.successes()).isEqualTo(9);
        assertThat(p.n()).isEqualTo(12);
        // A reply exactly at the target is within it: 130 is not, but a 130-minute target includes it.
        assertThat(t.withinTarget(Duration.ofMinutes(130)).successes()).isEqualTo(10);
        assertThat(t.withinTarget(Duration.ZERO).successes()).isZero();
    }

    @Test
    void timestampsAndDurationsAgree() {
        Instant a = Instant.parse("2025-01-06T09:00:00Z");
        ResponseTimes fromInstants = new ResponseTimesAccumulator().add(a, a.plusSeconds(5400))
                .add(a, a.plusSeconds(60)).snapshot();
        assertThat(fromInstants).isEqualTo(ResponseTimes.of(Duration.ofMinutes(90), Duration.ofMinutes(1)));
        assertThat(fromInstants).isEqualTo(ResponseTimes.ofMinutes(1, 90));
    }

    @Test
    void invalidInputIsRejectedAndLeavesTheAccumulatorUnchanged() {
        ResponseTimesAccumulator acc = new ResponseTimesAccumulator().addMinutes(3);
        for (double bad : new double[] {-1, -0.0001, Double.NaN, Double.POSITIVE_INFINITY, 1e300}) {
            assertThatThrownBy(() -> acc.addMinutes(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("response time in minutes").hasMessageContaining(String.valueOf(bad));
        }
        assertThatThrownBy(() -> acc.add(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid values >= 0").hasMessageContaining("PT-1S");
        Instant a = Instant.parse("2025-01-06T09:00:00Z");
        assertThatThrownBy(() -> acc.add(a, a.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end must not be before start");
        assertThat(acc.snapshot()).isEqualTo(ResponseTimes.ofMinutes(3));
    }

    @Test
    void emptyAndSingleValueThrowInsteadOfNaN() {
        ResponseTimes empty = new ResponseTimesAccumulator().snapshot();
        assertThat(empty.isEmpty()).isTrue();
        assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class).hasMessageContaining("n = 0");
        assertThatThrownBy(empty::median).isInstanceOf(IllegalStateException.class);
        // the share within target of no data is a statistic of no data: it throws like the mean
        assertThatThrownBy(() -> empty.withinTarget(Duration.ofHours(2))).isInstanceOf(IllegalStateException.class)
                .hasMessage("The share within target of no response times is undefined (n = 0)");
        ResponseTimes one = ResponseTimes.ofMinutes(7);
        assertThat(one.mean()).isEqualTo(7);
        assertThat(one.p95()).isEqualTo(7);
        assertThatThrownBy(() -> one.meanInterval(0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("n = 1");
    }

    @Test
    void argumentsAreChecked() {
        ResponseTimes t = ResponseTimes.ofMinutes(MINUTES);
        assertThatThrownBy(() -> t.quantile(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for quantile probability (valid values 0 <= p <= 1): 1.5");
        assertThatThrownBy(() -> t.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.quantileInterval(1, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 < p < 1");
        assertThatThrownBy(() -> t.quantileInterval(0.5, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for confidence (valid values 0 < c < 1): 1.5");
        assertThatThrownBy(() -> t.meanInterval(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accumulatorContract() {
        Random rnd = new Random(7);
        List<Duration> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(Duration.ofSeconds(rnd.nextInt(20_000)));
        }
        ResponseTimes onePass = all.stream().collect(ResponseTimes.toResponseTimes());
        ResponseTimes parallel = all.parallelStream().collect(ResponseTimes.toResponseTimes());
        ResponseTimesAccumulator left = new ResponseTimesAccumulator();
        ResponseTimesAccumulator right = new ResponseTimesAccumulator();
        for (int i = 0; i < all.size(); i++) {
            (i < 123 ? left : right).add(all.get(i));
        }
        assertThat(parallel).isEqualTo(onePass);
        assertThat(right.combine(left).snapshot()).isEqualTo(onePass);
        assertThat(new ResponseTimesAccumulator().combine(new ResponseTimesAccumulator()).snapshot().isEmpty()).isTrue();
        ResponseTimes halves = left.snapshot().plus(new ResponseTimesAccumulator().addAll(onePass).snapshot());
        assertThat(halves.n()).isEqualTo(623);
        // exact sums: the mean is the same bits whatever the order
        assertThat(parallel.mean()).isEqualTo(onePass.mean());
        assertThat(parallel.standardDeviation()).isEqualTo(onePass.standardDeviation());
    }
}
