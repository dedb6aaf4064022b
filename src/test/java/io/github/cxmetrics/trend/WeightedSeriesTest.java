package io.github.cxmetrics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Weighted series: control limits and the trend line against a computation by hand from the rows
 * (weighted shares Σw·[satisfied]/Σw, Kish's n (Σw)²/Σw², the Shewhart limits centre ±
 * 3σ₀/√n<sub>eff</sub>, and the weighted least-squares slope from its normal equations), and the
 * invariant that weights all 1 give the unweighted series.
 */
class WeightedSeriesTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final CalendarPeriod W01 = CalendarPeriod.parse("2025-W01", UTC);

    /** Rows per week: {score, weight}, CSAT 1–5 (satisfied 4–5). */
    private static final double[][][] ROWS = {
        {{5, 1}, {4, 2}, {2, 1}, {1, 0.5}, {5, 3}},
        {{3, 1}, {5, 1}, {4, 0.25}, {2, 2}},
        {{5, 2}, {5, 1}, {4, 1}, {1, 1}, {3, 0.5}, {5, 1.5}},
        {{2, 1}, {5, 4}, {5, 1}},
    };

    private static WeightedTally week(double[][] rows) {
        WeightedTallyAccumulator acc = new WeightedTallyAccumulator(CsatScale.FIVE_POINT);
        for (double[] r : rows) {
            acc.add((int) r[0], r[1]);
        }
        return acc.snapshot();
    }

    @Example
    void controlLimitsAndTrendLineByHand() {
        SortedMap<CalendarPeriod, WeightedTally> m = new TreeMap<>();
        CalendarPeriod p = W01;
        for (double[][] rows : ROWS) {
            m.put(p, week(rows));
            p = p.next();
        }
        Series s = Series.ofWeighted(Metric.CSAT, m);
        assertThat(s.isWeighted()).isTrue();
        // by hand: per week the weighted share, Kish n; pooled share of all rows
        double allW = 0;
        double allSat = 0;
        double[] share = new double[ROWS.length];
        double[] neff = new double[ROWS.length];
        for (int t = 0; t < ROWS.length; t++) {
            double w = 0;
            double w2 = 0;
            double sat = 0;
            for (double[] r : ROWS[t]) {
                w += r[1];
                w2 += r[1] * r[1];
                sat += r[0] >= 4 ? r[1] : 0;
            }
            share[t] = 100 * sat / w;
            neff[t] = w * w / w2;
            allW += w;
            allSat += sat;
        }
        double centre = 100 * allSat / allW;
        double sigma = Math.sqrt(centre * (100 - centre));
        for (int t = 0; t < ROWS.length; t++) {
            SeriesPoint point = s.points().get(t);
            assertThat(point.n()).isEqualTo(ROWS[t].length);
            assertThat(point.score().getAsDouble()).isCloseTo(share[t], within(1e-9));
            ControlLimits limits = point.controlLimits().orElseThrow();
            assertThat(limits.center()).isCloseTo(centre, within(1e-9));
            double half = 3 * sigma / Math.sqrt(neff[t]);
            assertThat(limits.lower()).isCloseTo(Math.max(0, centre - half), within(1e-9));
            assertThat(limits.upper()).isCloseTo(Math.min(100, centre + half), within(1e-9));
        }
        // WLS slope with weights n_eff: b = Σn(x − x̄)(y − ȳ)/Σn(x − x̄)²
        double sn = 0;
        double sx = 0;
        double sy = 0;
        for (int t = 0; t < ROWS.length; t++) {
            sn += neff[t];
            sx += neff[t] * t;
            sy += neff[t] * share[t];
        }
        double sxx = 0;
        double sxy = 0;
        for (int t = 0; t < ROWS.length; t++) {
            sxx += neff[t] * (t - sx / sn) * (t - sx / sn);
            sxy += neff[t] * (t - sx / sn) * (share[t] - sy / sn);
        }
        Trend trend = s.trend().orElseThrow();
        assertThat(trend.slope()).isCloseTo(sxy / sxx, within(1e-9));
        assertThat(trend.periods()).isEqualTo(4);
        // the dispersion-free standard error floor: √(σ₀²/Sxx) (φ ≥ 1)
        assertThat(trend.standardError()).isGreaterThanOrEqualTo(Math.sqrt(sigma * sigma / sxx) - 1e-9);
        // change: weighted comparison of week 2 with week 1
        assertThat(s.points().get(1).change().orElseThrow().difference())
                .isCloseTo(Metric.CSAT.compare(week(ROWS[1]), week(ROWS[0]), 0.95).difference(), within(1e-12));
        // rolling keeps the weights
        Series rolling = s.rolling(2);
        assertThat(rolling.points().get(0).weightedTally().orElseThrow())
                .isEqualTo(week(ROWS[0]).plus(week(ROWS[1])));
    }

    @Provide
    Arbitrary<List<int[]>> periods() {
        return Arbitraries.integers().between(0, 10).array(int[].class).ofMinSize(0).ofMaxSize(40).list()
                .ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Metric> metrics() {
        return Arbitraries.of(Metric.values());
    }

    private static Scale scale(Metric m) {
        return switch (m) {
            case NPS -> NpsScale.STANDARD;
            case CSAT -> CsatScale.FIVE_POINT;
            case CES -> CesScale.AGREEMENT_7;
        };
    }

    @Property(tries = 200)
    void weightsOneGiveTheUnweightedSeries(@ForAll("periods") List<int[]> raw, @ForAll("metrics") Metric metric) {
        Scale scale = scale(metric);
        SortedMap<CalendarPeriod, Tally> plain = new TreeMap<>();
        SortedMap<CalendarPeriod, WeightedTally> weighted = new TreeMap<>();
        CalendarPeriod p = W01;
        for (int[] scores : raw) {
            WeightedTallyAccumulator acc = new WeightedTallyAccumulator(scale);
            for (int x : scores) {
                acc.add(Math.max(scale.min(), Math.min(scale.max(), x)), 1);
            }
            weighted.put(p, acc.snapshot());
            plain.put(p, acc.snapshot().toTally());
            p = p.next();
        }
        Series u = Series.of(metric, plain);
        Series w = Series.ofWeighted(metric, weighted);
        assertThat(w.points()).hasSameSizeAs(u.points());
        for (int i = 0; i < u.points().size(); i++) {
            SeriesPoint a = u.points().get(i);
            SeriesPoint b = w.points().get(i);
            assertThat(b.tally()).isEqualTo(a.tally());
            assertThat(b.score().isPresent()).isEqualTo(a.score().isPresent());
            if (a.score().isPresent()) {
                assertThat(b.score().getAsDouble()).isCloseTo(a.score().getAsDouble(), within(1e-9));
            }
            assertThat(b.controlLimits().isPresent()).isEqualTo(a.controlLimits().isPresent());
            if (a.controlLimits().isPresent()) {
                assertThat(b.controlLimits().get().lower()).isCloseTo(a.controlLimits().get().lower(), within(1e-9));
                assertThat(b.controlLimits().get().upper()).isCloseTo(a.controlLimits().get().upper(), within(1e-9));
            }
            assertThat(b.change().isPresent()).isEqualTo(a.change().isPresent());
        }
        assertThat(w.trend().isPresent()).isEqualTo(u.trend().isPresent());
        if (u.trend().isPresent()) {
            assertThat(w.trend().get().slope()).isCloseTo(u.trend().get().slope(), within(1e-7));
            assertThat(w.trend().get().standardError()).isCloseTo(u.trend().get().standardError(), within(1e-7));
        }
    }

    @Example
    void periodsWithoutWeightHaveNoScore() {
        SortedMap<CalendarPeriod, WeightedTally> m = new TreeMap<>();
        m.put(W01, week(new double[][] {{5, 1}, {2, 1}}));
        m.put(W01.next(), week(new double[][] {{5, 0}}));
        Series s = Series.ofWeighted(Metric.CSAT, m);
        assertThat(s.points().get(1).n()).isEqualTo(1);
        assertThat(s.points().get(1).score()).isEmpty();
        assertThat(s.points().get(1).controlLimits()).isEmpty();
        assertThat(s.points().get(1).change()).isEmpty();
    }
}
