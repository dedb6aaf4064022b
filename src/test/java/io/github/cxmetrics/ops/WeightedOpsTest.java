package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.ProportionInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Weighted response times and outcomes against an independent computation from the rows: the
 * weighted mean Σw·x/Σw and share Σw(x ≤ t)/Σw by hand, the weighted quantile by expanding each
 * time into w·n/W "copies" on the exact times (then the histogram's 1 % error bound), Kish's n.
 */
class WeightedOpsTest {
    private static final Duration TARGET = Duration.ofMinutes(120);

    @Example
    void meanShareAndQuantilesByHand() {
        double[] minutes = {10, 30, 60, 200, 400};
        double[] weights = {1, 3, 0.5, 2, 0.5};
        WeightedResponseTimeHistogramAccumulator acc = new WeightedResponseTimeHistogramAccumulator(0.01, TARGET);
        for (int i = 0; i < minutes.length; i++) {
            acc.addMinutes(minutes[i], weights[i]);
        }
        WeightedResponseTimeHistogram h = acc.snapshot();
        // Σw = 7, Σw·x = 10 + 90 + 30 + 400 + 200 = 730: mean 730/7 = 104.28571428571429
        assertThat(h.mean()).isEqualTo(730.0 / 7);
        assertThat(h.n()).isEqualTo(5);
        // within 120: 10, 30, 60 -> weight 4.5 of 7; Kish n = 49 / (1 + 9 + 0.25 + 4 + 0.25) = 49/14.5
        Proportion within = h.withinTarget();
        assertThat(within.estimate()).isCloseTo(4.5 / 7, within(1e-15));
        assertThat(within.effectiveN()).isCloseTo(49 / 14.5, within(1e-12));
        assertThat(within.successes()).isEqualTo(3);
        // weighted median, by hand: u = w·5/7 = 5/7, 15/7, 2.5/7, 10/7, 2.5/7; cumulative 0.714, 2.857,
        // 3.214, 4.643, 5; h = 4·0.5 = 2: rank 2 -> first cumulative > 2 is 30 (2.857); rank 3 -> 60 (3.214)
        assertThat(h.median()).isCloseTo(30, within(0.3));
        assertThat(h.quantile(0.5)).isCloseTo(exactWeightedQuantile(minutes, weights, 0.5), within(0.3));
        // p90: h = 3.6 -> ranks 3 (60) and 4 (200): 60 + 0.6·140 = 144
        assertThat(exactWeightedQuantile(minutes, weights, 0.9)).isCloseTo(144, within(1e-9));
        assertThat(h.p90()).isCloseTo(144, within(1.44));
    }

    @Example
    void outcomesByHand() {
        WeightedOutcomeAccumulator a = new WeightedOutcomeAccumulator().add(true, 2).add(false, 1).add(true, 0.5)
                .add(false, 0);
        Proportion p = a.snapshot();
        assertThat(p.n()).isEqualTo(4);
        assertThat(p.successes()).isEqualTo(2);
        // 2.5 of 3.5; Kish n = 3.5² / (4 + 1 + 0.25) = 12.25/5.25
        assertThat(p.estimate()).isCloseTo(2.5 / 3.5, within(1e-15));
        assertThat(p.effectiveN()).isCloseTo(12.25 / 5.25, within(1e-12));
        // the Wilson interval on the effective counts
        assertThat(p.interval(0.95).lower()).isCloseTo(ProportionInterval.WILSON.of(2.5 / 3.5 * 12.25 / 5.25,
                12.25 / 5.25, 0.95).lower(), within(1e-12));
        assertThat(WeightedOutcomeAccumulator.parse(a.format()).format()).isEqualTo(a.format());
        assertThat(a.format()).isEqualTo("cxwoutcome/1 yes=2 n=4 yesw=2.5 sumw=3.5 sumw2=5.25");
    }

    @Example
    void invalidInputIsRefused() {
        WeightedResponseTimeHistogramAccumulator acc = new WeightedResponseTimeHistogramAccumulator(0.01, TARGET);
        assertThatThrownBy(() -> acc.addMinutes(10, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight");
        assertThat(acc.n()).isZero();
        assertThatThrownBy(() -> acc.snapshot().mean()).isInstanceOf(IllegalStateException.class);
        acc.addMinutes(5, 0);
        assertThatThrownBy(() -> acc.snapshot().mean()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("total weight is zero");
        assertThatThrownBy(() -> WeightedOutcomeAccumulator.parse("cxwoutcome/1 yes=3 n=2 yesw=1 sumw=1 sumw2=1"))
                .hasMessageStartingWith("Invalid weighted outcome line");
        ResponseTimeHistogram times = acc.snapshot().toHistogram();
        assertThatThrownBy(() -> WeightedResponseTimeHistogram.parse(times,
                "cxwhist/1 zero=0 buckets=5:1 sumw=1 sumw2=1 sumwx=1 within=1"))
                .hasMessageStartingWith("Invalid weighted histogram line");
    }

    @Provide
    Arbitrary<List<double[]>> rows() {
        Arbitrary<Double> minutes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(120.0)),
                net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(0.01, 5000).ofScale(2)));
        Arbitrary<Double> weights = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(9, Arbitraries.doubles().between(0.05, 20).ofScale(3)));
        return net.jqwik.api.Combinators.combine(minutes, weights).as((m, w) -> new double[] {m, w}).list()
                .ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 200)
    void weightsOneGiveTheUnweightedHistogram(@ForAll("rows") List<double[]> rows) {
        WeightedResponseTimeHistogramAccumulator w = new WeightedResponseTimeHistogramAccumulator(0.01, TARGET);
        ResponseTimeHistogramAccumulator u = new ResponseTimeHistogramAccumulator(0.01, TARGET);
        WeightedOutcomeAccumulator wo = new WeightedOutcomeAccumulator();
        OutcomeAccumulator uo = new OutcomeAccumulator();
        for (double[] r : rows) {
            w.addMinutes(r[0], 1);
            u.addMinutes(r[0]);
            wo.add(r[0] <= 60, 1);
            uo.add(r[0] <= 60);
        }
        WeightedResponseTimeHistogram h = w.snapshot();
        ResponseTimeHistogram plain = u.snapshot();
        assertThat(h.toHistogram()).isEqualTo(plain);
        assertThat(h.mean()).isEqualTo(plain.mean());
        for (double p : new double[] {0, 0.1, 0.5, 0.9, 0.95, 1}) {
            assertThat(h.quantile(p)).as("p=%s", p).isEqualTo(plain.quantile(p));
        }
        assertThat(h.withinTarget().estimate()).isCloseTo(plain.withinTarget().estimate(), within(1e-15));
        assertThat(h.effectiveN()).isEqualTo(rows.size());
        assertThat(wo.snapshot().estimate()).isCloseTo(uo.snapshot().estimate(), within(1e-15));
        assertThat(wo.snapshot().effectiveN()).isEqualTo(uo.snapshot().effectiveN());
    }

    @Property(tries = 200)
    void mergedSplitsEqualOnePassAndTheTextFormRoundTrips(@ForAll("rows") List<double[]> rows,
            @ForAll @IntRange(min = 0, max = 200) int cut) {
        int k = Math.min(cut, rows.size());
        WeightedResponseTimeHistogramAccumulator all = new WeightedResponseTimeHistogramAccumulator(0.01, TARGET);
        WeightedResponseTimeHistogramAccumulator a = new WeightedResponseTimeHistogramAccumulator(0.01, TARGET);
        WeightedResponseTimeHistogramAccumulator b = new WeightedResponseTimeHistogramAccumulator(0.01, TARGET);
        WeightedOutcomeAccumulator oAll = new WeightedOutcomeAccumulator();
        WeightedOutcomeAccumulator oA = new WeightedOutcomeAccumulator();
        WeightedOutcomeAccumulator oB = new WeightedOutcomeAccumulator();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            all.addMinutes(r[0], r[1]);
            oAll.add(r[0] <= 60, r[1]);
            if (i < k) {
                a.addMinutes(r[0], r[1]);
                oA.add(r[0] <= 60, r[1]);
            } else {
                b.addMinutes(r[0], r[1]);
                oB.add(r[0] <= 60, r[1]);
            }
        }
        WeightedResponseTimeHistogram one = all.snapshot();
        assertThat(b.combine(a).snapshot()).isEqualTo(one);
        assertThat(oB.combine(oA).format()).isEqualTo(oAll.format());
        assertThat(WeightedResponseTimeHistogram.parse(ResponseTimeHistogram.parse(one.toHistogram().format()),
                one.formatWeights())).isEqualTo(one);
        assertThat(WeightedOutcomeAccumulator.parse(oAll.format()).format()).isEqualTo(oAll.format());
    }

    @Property(tries = 200)
    void agreeWithTheRowsComputedByHand(@ForAll("rows") List<double[]> rows) {
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        double within = 0;
        WeightedResponseTimeHistogramAccumulator acc = new WeightedResponseTimeHistogramAccumulator(0.01, TARGET);
        for (double[] r : rows) {
            acc.addMinutes(r[0], r[1]);
            sw += r[1];
            sw2 += r[1] * r[1];
            swx += r[1] * Math.round(r[0] * 60e9) / 60e9;
            within += r[0] <= 120 ? r[1] : 0;
        }
        net.jqwik.api.Assume.that(sw > 0);
        WeightedResponseTimeHistogram h = acc.snapshot();
        assertThat(h.mean()).isCloseTo(swx / sw, within(1e-9 * (1 + swx / sw)));
        assertThat(h.withinTarget().estimate()).isCloseTo(within / sw, within(1e-12));
        assertThat(h.effectiveN()).isCloseTo(sw * sw / sw2, within(1e-9 * sw * sw / sw2));
        double[] minutes = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] weights = rows.stream().mapToDouble(r -> r[1]).toArray();
        for (double p : new double[] {0.5, 0.9, 0.95}) {
            double exact = exactWeightedQuantile(minutes, weights, p);
            assertThat(h.quantile(p)).as("p=%s", p).isCloseTo(exact, within(0.0101 * exact + 1e-9));
        }
    }

    /**
     * The weighted type-7 quantile of the docs on the exact times: each time counts w·n/W; the value
     * at rank k is the first time (in order) whose cumulative count exceeds k, compared exactly
     * (C·n &gt; k·W with the weights' exact binary values, as the docs define it: in doubles, a
     * cumulative count that is k plus a rounding error picks the neighbour of the one defined).
     */
    static double exactWeightedQuantile(double[] minutes, double[] weights, double p) {
        int n = minutes.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> minutes[i]));
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (double w : weights) {
            total = total.add(new java.math.BigDecimal(w));
        }
        List<Object[]> cumulative = new ArrayList<>();
        java.math.BigDecimal c = java.math.BigDecimal.ZERO;
        for (int i : order) {
            c = c.add(new java.math.BigDecimal(weights[i]));
            cumulative.add(new Object[] {minutes[i], c.multiply(java.math.BigDecimal.valueOf(n))});
        }
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        double a = valueAt(cumulative, total, lo);
        if (h == lo || lo + 1 >= n) {
            return a;
        }
        return a + (h - lo) * (valueAt(cumulative, total, lo + 1) - a);
    }

    private static double valueAt(List<Object[]> cumulative, java.math.BigDecimal total, long k) {
        java.math.BigDecimal threshold = total.multiply(java.math.BigDecimal.valueOf(k));
        for (Object[] e : cumulative) {
            if (((java.math.BigDecimal) e[1]).compareTo(threshold) > 0) {
                return (double) e[0];
            }
        }
        return (double) cumulative.get(cumulative.size() - 1)[0];
    }
}
