package io.github.cxmetrics.trend;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.calendar.Granularity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reference values from /tmp/ref_trend.py and /tmp/ref_seg.py (numpy 2.4 / scipy 1.17): weighted
 * least squares solved from the normal equations with numpy.linalg, p-values from
 * scipy.stats.t.sf / norm.sf, Wilson and Newcombe limits from their textbook formulas.
 */
class SeriesTest {
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private static final CalendarPeriod W01 = CalendarPeriod.parse("2025-W01", AMS);

    /** n responses of which s satisfied (5) and the rest neutral (3). */
    static Tally csat(long s, long n) {
        return Tally.of(CsatScale.FIVE_POINT, 0, 0, n - s, 0, s);
    }

    /** Weekly CSAT: 35/50, 60/80, (no responses), 30/60, 85/100, 63/70 in weeks 1–6 of 2025. */
    static Series weekly() {
        SortedMap<CalendarPeriod, Tally> m = new TreeMap<>();
        m.put(W01, csat(35, 50));
        m.put(W01.plus(1), csat(60, 80));
        m.put(W01.plus(3), csat(30, 60));
        m.put(W01.plus(4), csat(85, 100));
        m.put(W01.plus(5), csat(63, 70));
        return Series.of(Metric.CSAT, m);
    }

    @Test
    void gapsAreExplicitEmptyPoints() {
        Series s = weekly();
        assertThat(s.points()).extracting(p -> p.period().label())
                .containsExactly("2025-W01", "2025-W02", "2025-W03", "2025-W04", "2025-W05", "2025-W06");
        SeriesPoint gap = s.points().get(2);
        assertThat(gap.isEmpty()).isTrue();
        assertThat(gap.n()).isZero();
        assertThat(gap.score()).isEmpty();
        assertThat(gap.interval()).isEmpty();
        assertThat(gap.change()).isEmpty();
        assertThat(gap.controlLimits()).isEmpty();
        assertThat(gap.isOutOfControl()).isFalse();
        // the week after the gap has no previous period to compare with
        assertThat(s.points().get(3).change()).isEmpty();
        assertThat(s.points().get(0).change()).isEmpty();
        assertThat(s.total()).isEqualTo(csat(273, 360));
    }

    @Test
    void scoresIntervalsAndChangeAgainstThePreviousPeriod() {
        Series s = weekly();
        SeriesPoint w2 = s.points().get(1);
        assertThat(w2.score().getAsDouble()).isCloseTo(75.0, within(1e-12));
        // Wilson 60/80 at 95 %, formula centre ± half-width
        double z = 1.959963984540054;
        double c = (60 + z * z / 2) / (80 + z * z);
        double h = z * Math.sqrt(80) / (80 + z * z) * Math.sqrt(0.75 * 0.25 + z * z / 320);
        assertThat(w2.interval().get().lower()).isCloseTo(100 * (c - h), within(1e-6));
        Comparison ch = w2.change().orElseThrow();
        // W02 − W01: 75 % − 70 %; pooled z, Newcombe interval (ref_trend.py "change1")
        assertThat(ch.difference()).isCloseTo(5, within(1e-12));
        assertThat(ch.statistic()).isCloseTo(0.625281891317047, within(1e-9));
        assertThat(ch.pValue()).isCloseTo(0.531786062941489, within(1e-6));
        assertThat(ch.lower()).isCloseTo(-10.1215392133001, within(1e-5));
        assertThat(ch.upper()).isCloseTo(21.0065603509201, within(1e-5));
        assertThat(ch.isSignificant()).isFalse();
        Comparison w5 = s.points().get(4).change().orElseThrow();
        // W05 − W04: 85 % − 50 % ("change4")
        assertThat(w5.difference()).isCloseTo(35, within(1e-12));
        assertThat(w5.statistic()).isCloseTo(4.76703657224899, within(1e-9));
        assertThat(w5.pValue()).isCloseTo(1.86955383543649e-06, within(1e-10));
        assertThat(w5.isSignificant()).isTrue();
    }

    @Test
    void controlLimitsFlagTheWeekOutsideItsNDependentBand() {
        Series s = weekly();
        // centre = 273/360 = 75.8333 %; sigma0 = 100·sqrt(p(1−p)) = 42.8093; limits centre ± 3·sigma0/sqrt(n)
        ControlLimits w1 = s.points().get(0).controlLimits().orElseThrow();
        assertThat(w1.center()).isCloseTo(75.8333333333333, within(1e-9));
        assertThat(w1.lower()).isCloseTo(57.6708720463822, within(1e-9));
        assertThat(w1.upper()).isCloseTo(93.9957946202845, within(1e-9));
        assertThat(w1.z()).isEqualTo(3.0);
        ControlLimits w4 = s.points().get(3).controlLimits().orElseThrow();
        assertThat(w4.lower()).isCloseTo(59.2533504222042, within(1e-9));
        assertThat(w4.upper()).isCloseTo(92.4133162444624, within(1e-9));
        assertThat(s.points()).extracting(SeriesPoint::isOutOfControl)
                .containsExactly(false, false, false, true, false, false);
        // tighter limits (z = 1) flag more weeks: W06 at 90 % vs upper 75.83 + 42.81/sqrt(70) = 80.95
        SortedMap<CalendarPeriod, Tally> m = new TreeMap<>();
        s.points().forEach(p -> m.put(p.period(), p.tally()));
        Series tight = Series.of(Metric.CSAT, m, 0.95, 1);
        assertThat(tight.points().get(5).isOutOfControl()).isTrue();
        assertThat(tight.points().get(5).controlLimits().orElseThrow().upper())
                .isCloseTo(75.8333333333333 + 42.8093317968044 / Math.sqrt(70), within(1e-9));
    }

    @Test
    void controlLimitsAreClippedToTheMetricsRange() {
        SortedMap<CalendarPeriod, Tally> m = new TreeMap<>();
        m.put(W01, csat(19, 20));
        m.put(W01.next(), csat(1, 1));
        ControlLimits small = Series.of(Metric.CSAT, m).points().get(1).controlLimits().orElseThrow();
        // centre 20/21 = 95.24 %, sigma0 = 21.30, 3·sigma0/1 far above 100: upper clipped to 100
        assertThat(small.upper()).isEqualTo(100.0);
        assertThat(small.lower()).isCloseTo(100 * 20 / 21.0 - 3 * 100 * Math.sqrt(20 / 441.0), within(1e-9));
    }

    @Test
    void trendIsWeightedLeastSquaresWithDispersion() {
        Trend t = weekly().trend().orElseThrow();
        // ref_trend.py: a, b, chi2 = 27.724, phi = chi2/3, se, t, p (t on 3 df)
        assertThat(t.periods()).isEqualTo(5);
        assertThat(t.slope()).isCloseTo(3.4392569054021, within(1e-9));
        assertThat(t.intercept()).isCloseTo(66.1843070153997, within(1e-9));
        assertThat(t.dispersion()).isCloseTo(9.24136189672817, within(1e-9));
        assertThat(t.standardError()).isCloseTo(3.86049459362052, within(1e-9));
        assertThat(t.statistic()).isCloseTo(0.890885046461528, within(1e-9));
        assertThat(t.degreesOfFreedom()).isEqualTo(3.0);
        assertThat(t.pValue()).isCloseTo(0.438623225434476, within(1e-7));
        assertThat(t.lower()).isCloseTo(-8.84655985063327, within(1e-6));
        assertThat(t.upper()).isCloseTo(15.7250736614375, within(1e-6));
        assertThat(t.direction()).isEqualTo(TrendDirection.FLAT);
        Interval w9 = t.projectedAt(W01.plus(8));
        assertThat(w9.center()).isCloseTo(93.6983622586165, within(1e-9));
        assertThat(w9.lower()).isCloseTo(26.2505834263302, within(1e-5));
        assertThat(w9.upper()).isCloseTo(161.146141090903, within(1e-5));
    }

    @Test
    void trendWithoutOverDispersionUsesTheSamplingVariance() {
        // NPS weekly, n = 200 each, (P, Pa, D) = (80,60,60), (86,60,54), (90,62,48), (98,58,44):
        // NPS 10, 16, 21, 27 -> slope 5.6; X² = 0.006 < 2 so phi = 1 (ref_seg.py "npsTrend")
        long[][] cats = {{80, 60, 60}, {86, 60, 54}, {90, 62, 48}, {98, 58, 44}};
        Series.Builder b = Series.builder(Metric.NPS, NpsScale.STANDARD, Granularity.MONTH, AMS);
        CalendarPeriod jan = CalendarPeriod.parse("2025-01", AMS);
        for (int i = 0; i < 4; i++) {
            long[] c = new long[11];
            c[10] = cats[i][0];
            c[7] = cats[i][1];
            c[3] = cats[i][2];
            b.add(jan.plus(i), Tally.of(NpsScale.STANDARD, c));
        }
        Trend t = b.build().trend().orElseThrow();
        assertThat(t.slope()).isCloseTo(5.6, within(1e-9));
        assertThat(t.dispersion()).isEqualTo(1.0);
        assertThat(t.standardError()).isCloseTo(2.58026161464298, within(1e-9));
        assertThat(t.statistic()).isCloseTo(2.17032256272775, within(1e-9));
        assertThat(t.pValue()).isCloseTo(0.162174998210501, within(1e-7));
        assertThat(t.direction()).isEqualTo(TrendDirection.FLAT);
    }

    @Test
    void trendNeedsThreePeriodsAndIsExactlyFlatWhenEveryResponseIsTheSame() {
        SortedMap<CalendarPeriod, Tally> two = new TreeMap<>();
        two.put(W01, csat(5, 10));
        two.put(W01.plus(4), csat(6, 10));
        assertThat(Series.of(Metric.CSAT, two).trend()).isEmpty();
        SortedMap<CalendarPeriod, Tally> same = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            same.put(W01.plus(i), csat(10 + i, 10 + i));
        }
        Trend flat = Series.of(Metric.CSAT, same).trend().orElseThrow();
        assertThat(flat.slope()).isZero();
        assertThat(flat.standardError()).isZero();
        assertThat(flat.pValue()).isEqualTo(1.0);
        assertThat(flat.direction()).isEqualTo(TrendDirection.FLAT);
    }

    @Test
    void aSteadyRiseIsRising() {
        SortedMap<CalendarPeriod, Tally> m = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            m.put(W01.plus(i), csat(500 + 30 * i, 1000)); // 50 %, 53 %, … 77 %
        }
        Trend t = Series.of(Metric.CSAT, m).trend().orElseThrow();
        assertThat(t.slope()).isCloseTo(3.0, within(1e-9));
        assertThat(t.direction()).isEqualTo(TrendDirection.RISING);
        // exact line: X² = 0, phi = 1; sigma0² = 1e4·.635·.365 = 2317.75, Sxx = 1000·82.5;
        // SE = sqrt(2317.75/82500) = 0.167612467895259, t = 17.8984298583008, p (t, 8 df, scipy) = 9.73031274494445e-08
        assertThat(t.standardError()).isCloseTo(0.167612467895259, within(1e-12));
        assertThat(t.pValue()).isCloseTo(9.73031274494445e-08, within(1e-12));
    }

    @Test
    void rollingWindowsAddTalliesAndCompareWithTheWindowBefore() {
        Series r = weekly().rolling(2);
        assertThat(r.isRolling()).isTrue();
        assertThat(r.rollingPeriods()).isEqualTo(2);
        assertThat(r.points()).extracting(p -> p.period().label())
                .containsExactly("2025-W02", "2025-W03", "2025-W04", "2025-W05", "2025-W06");
        assertThat(r.points().get(0).tally()).isEqualTo(csat(95, 130));
        assertThat(r.points().get(0).windowStart()).isEqualTo("2024-12-30");
        assertThat(r.points().get(1).tally()).isEqualTo(csat(60, 80)); // W02 + empty W03
        // W04 window (W03+W04) against the W02 window (W01+W02): 30/60 vs 95/130
        SeriesPoint w4 = r.get(CalendarPeriod.parse("2025-W04", AMS)).orElseThrow();
        assertThat(w4.change().orElseThrow().difference()).isCloseTo(100 * (30 / 60.0 - 95 / 130.0), within(1e-12));
        assertThat(r.points().get(0).change()).isEmpty();
        assertThat(r.points().get(1).change()).isEmpty(); // the W01 window would be incomplete
        assertThatThrownBy(() -> r.rolling(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> weekly().rolling(7)).hasMessage("Invalid value for rolling periods (valid values 1 - 6): 7");
        // overlapping windows cannot be compared as independent samples
        assertThatThrownBy(() -> r.compare(CalendarPeriod.parse("2025-W04", AMS), CalendarPeriod.parse("2025-W05", AMS)))
                .hasMessageContaining("overlap");
        assertThat(r.trend().orElseThrow().slope()).isEqualTo(weekly().trend().orElseThrow().slope());
    }

    @Test
    void rollingByDuration() {
        Series s = weekly();
        Series four = s.rolling(Duration.ofDays(30)); // weeks lying entirely within 30 days: 4
        assertThat(four.points()).extracting(p -> p.period().label()).containsExactly("2025-W04", "2025-W05", "2025-W06");
        assertThat(four.points().get(0).windowPeriods()).isEqualTo(4);
        assertThat(four.points().get(0).tally()).isEqualTo(csat(125, 190));
        assertThatThrownBy(() -> s.rolling(Duration.ofDays(6)))
                .hasMessage("Invalid rolling duration for WEEK periods (valid values whole days >= 7): PT144H");
        assertThatThrownBy(() -> s.rolling(Duration.ofHours(36))).hasMessageContaining("whole days");
        assertThatThrownBy(() -> s.rolling(Duration.ofDays(60))).hasMessageContaining("longer than the series");
    }

    @Test
    void yearOverYearAndArbitraryPairs() {
        SortedMap<CalendarPeriod, Tally> m = new TreeMap<>();
        CalendarPeriod jan24 = CalendarPeriod.parse("2024-01", AMS);
        for (int i = 0; i < 15; i++) {
            m.put(jan24.plus(i), csat(60 + i, 100));
        }
        Series s = Series.of(Metric.CSAT, m);
        Comparison yoy = s.yearOverYear(CalendarPeriod.parse("2025-03", AMS)).orElseThrow();
        assertThat(yoy.difference()).isCloseTo(74 - 62, within(1e-12)); // 74/100 vs 62/100
        assertThat(s.yearOverYear(CalendarPeriod.parse("2024-03", AMS))).isEmpty(); // 2023-03 not in the series
        assertThat(s.compare(jan24, jan24.plus(14)).orElseThrow().difference()).isCloseTo(-14, within(1e-12));
    }

    @Test
    void cesPeriodsWithOneResponseHaveAScoreButNoInterval() {
        SortedMap<CalendarPeriod, Tally> m = new TreeMap<>();
        m.put(W01, Tally.of(CesScale.AGREEMENT_7, 0, 0, 0, 0, 0, 0, 1));
        m.put(W01.next(), Tally.of(CesScale.AGREEMENT_7, 0, 0, 0, 1, 2, 3, 4));
        Series s = Series.of(Metric.CES, m);
        assertThat(s.points().get(0).score()).hasValue(7.0);
        assertThat(s.points().get(0).interval()).isEmpty();
        assertThat(s.points().get(1).change()).isEmpty();
        assertThat(s.points().get(1).interval()).isPresent();
    }

    @Test
    void builderBucketsResponsesAndSpansGaps() {
        Series s = Series.builder(Metric.NPS, NpsScale.STANDARD, Granularity.WEEK, AMS)
                .add(Instant.parse("2025-01-06T10:00:00Z"), 10)
                .add(Instant.parse("2025-01-12T22:59:59Z"), 0)  // Sunday 23:59:59 local: still W02
                .add(Instant.parse("2025-01-12T23:00:00Z"), 9)  // Monday 00:00 local: W03
                .span(W01, CalendarPeriod.parse("2025-W05", AMS))
                .confidence(0.9)
                .build();
        assertThat(s.points()).hasSize(5);
        assertThat(s.points().get(1).n()).isEqualTo(2);
        assertThat(s.points().get(2).n()).isEqualTo(1);
        assertThat(s.points().get(0).isEmpty()).isTrue();
        assertThat(s.confidence()).isEqualTo(0.9);
        assertThat(s.points().get(1).interval().orElseThrow().confidence()).isEqualTo(0.9);
        assertThatThrownBy(() -> Series.builder(Metric.NPS, CsatScale.FIVE_POINT, Granularity.WEEK, AMS))
                .hasMessage("Scale mismatch: an NPS scale / CSAT[1..5]");
        assertThatThrownBy(() -> Series.builder(Metric.NPS, NpsScale.STANDARD, Granularity.WEEK, AMS)
                .add(Instant.EPOCH, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Series.builder(Metric.NPS, NpsScale.STANDARD, Granularity.WEEK, AMS)
                .add(CalendarPeriod.parse("2025-01", AMS), Tally.empty(NpsScale.STANDARD))).hasMessageContaining("Period mismatch");
        assertThatThrownBy(() -> Series.builder(Metric.NPS, NpsScale.STANDARD, Granularity.WEEK, AMS).build())
                .hasMessageContaining("no periods");
    }

    @Test
    void invalidSeriesInput() {
        assertThatThrownBy(() -> Series.of(Metric.CSAT, new TreeMap<>())).hasMessage("Invalid series: no periods");
        SortedMap<CalendarPeriod, Tally> mixed = new TreeMap<>();
        mixed.put(W01, csat(1, 2));
        mixed.put(CalendarPeriod.parse("2025-02", AMS), csat(1, 2));
        assertThatThrownBy(() -> Series.of(Metric.CSAT, mixed)).hasMessageContaining("Period mismatch");
        SortedMap<CalendarPeriod, Tally> ok = new TreeMap<>();
        ok.put(W01, csat(1, 2));
        assertThatThrownBy(() -> Series.of(Metric.CSAT, ok, 1.0, 3)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> Series.of(Metric.CSAT, ok, 0.95, 0)).hasMessageContaining("controlLimitZ");
        assertThatThrownBy(() -> Series.of(Metric.NPS, ok, 0.95, 3)).hasMessageContaining("Scale mismatch");
        assertThat(Series.of(Metric.CSAT, ok).points()).hasSize(1);
        assertThat(List.of(Series.of(Metric.CSAT, ok).toString())).containsExactly(
                "Series[csat, WEEK, 2025-W01 - 2025-W01, 1 points]");
    }
}
