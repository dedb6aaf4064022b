package io.github.cxmetrics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.trend.Series;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CalendarEffectsTest {

    static Tally csat(long s, long n) {
        return Tally.of(CsatScale.FIVE_POINT, 0, 0, n - s, 0, s);
    }

    /** 2025-01-01 … 2025-01-14: weekends (4, 5, 11, 12 Jan) 6/10 satisfied, weekdays 8/10, New Year 2/10. */
    static Map<LocalDate, Tally> days() {
        Map<LocalDate, Tally> m = new TreeMap<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2025, 1, 15)); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            m.put(d, weekend ? csat(6, 10) : csat(8, 10));
        }
        return m;
    }

    @Test
    void weekendAgainstWeekdays() {
        SegmentComparison<String> c = CalendarEffects.weekendVsWeekday(Metric.CSAT, days(), 0.95);
        Comparison w = c.segment(CalendarEffects.WEEKEND).orElseThrow().vsRest().orElseThrow().comparison();
        // weekend 24/40 = 60 %, weekdays 80/100 = 80 %; pooled p = 104/140,
        // z = −0.2/sqrt(p(1−p)(1/40 + 1/100)) = −2.44599795235114, p = 0.0144451820896118 (scipy norm.sf)
        assertThat(w.difference()).isCloseTo(-20, within(1e-12));
        assertThat(w.statistic()).isCloseTo(-2.44599795235114, within(1e-9));
        assertThat(w.pValue()).isCloseTo(0.0144451820896118, within(1e-7)); // not adjusted: one hypothesis
        assertThat(c.segment(CalendarEffects.WEEKDAY).orElseThrow().n()).isEqualTo(100);
    }

    @Test
    void holidaysAgainstNormalDays() {
        Map<LocalDate, Tally> d = days();
        d.put(LocalDate.of(2025, 1, 1), csat(2, 10));
        SegmentComparison<String> c = CalendarEffects.holidaysVsNormalDays(Metric.CSAT, d, HolidayCalendar.NETHERLANDS,
                0.95);
        assertThat(c.segment(CalendarEffects.HOLIDAY).orElseThrow().tally()).isEqualTo(csat(2, 10));
        // normal days: 4 weekend days 24/40 + 9 weekdays 72/90 = 96/130
        assertThat(c.segment(CalendarEffects.NORMAL_DAY).orElseThrow().tally()).isEqualTo(csat(96, 130));
        assertThat(c.segment(CalendarEffects.HOLIDAY).orElseThrow().vsRest().orElseThrow().difference())
                .isCloseTo(20 - 100 * 96 / 130.0, within(1e-12));
        // no holiday in the data: the group is present, empty, without comparison
        Map<LocalDate, Tally> noHoliday = new TreeMap<>(days());
        noHoliday.remove(LocalDate.of(2025, 1, 1));
        SegmentComparison<String> none = CalendarEffects.holidaysVsNormalDays(Metric.CSAT, noHoliday,
                HolidayCalendar.NETHERLANDS, 0.95);
        assertThat(none.segment(CalendarEffects.HOLIDAY).orElseThrow().n()).isZero();
        assertThat(none.segment(CalendarEffects.HOLIDAY).orElseThrow().vsRest()).isEmpty();
    }

    @Test
    void monthOfYearPoolsYearsAndCorrects() {
        Map<LocalDate, Tally> m = new LinkedHashMap<>();
        m.put(LocalDate.of(2024, 1, 10), csat(30, 100));
        m.put(LocalDate.of(2025, 1, 10), csat(40, 100));
        m.put(LocalDate.of(2025, 2, 10), csat(70, 100));
        m.put(LocalDate.of(2025, 3, 10), csat(72, 100));
        SegmentComparison<Month> c = CalendarEffects.monthOfYear(Metric.CSAT, m, 0.95, PValueAdjustment.HOLM);
        assertThat(c.segments()).hasSize(12);
        SegmentResult<Month> jan = c.segment(Month.JANUARY).orElseThrow();
        assertThat(jan.tally()).isEqualTo(csat(70, 200));
        assertThat(jan.isSignificant()).isTrue();
        // three months tested: Holm multiplies the smallest p by 3
        assertThat(jan.vsRest().orElseThrow().adjustedPValue()).isCloseTo(3 * jan.vsRest().orElseThrow().pValue(),
                within(1e-18));
        assertThat(c.segment(Month.JULY).orElseThrow().vsRest()).isEmpty();
        assertThatThrownBy(() -> CalendarEffects.monthOfYear(Metric.CSAT, Map.of(), 0.95, PValueAdjustment.HOLM))
                .hasMessage("Invalid calendar comparison: no days");
    }

    @Test
    void segmentTrendsLineUp() {
        ZoneId z = ZoneId.of("Europe/Amsterdam");
        CalendarPeriod w1 = CalendarPeriod.parse("2025-W01", z);
        SortedMap<CalendarPeriod, Tally> phone = new TreeMap<>();
        phone.put(w1, csat(5, 10));
        phone.put(w1.plus(2), csat(6, 10));
        SortedMap<CalendarPeriod, Tally> chat = new TreeMap<>();
        chat.put(w1.plus(3), csat(7, 10));
        Map<String, SortedMap<CalendarPeriod, Tally>> in = new LinkedHashMap<>();
        in.put("phone", phone);
        in.put("chat", chat);
        in.put("mail", new TreeMap<>());
        Map<String, Series> t = SegmentTrends.of(Metric.CSAT, in, 0.95);
        for (Series s : t.values()) {
            assertThat(s.points()).extracting(p -> p.period().label())
                    .containsExactly("2025-W01", "2025-W02", "2025-W03", "2025-W04");
        }
        assertThat(t.get("chat").points().get(3).n()).isEqualTo(10);
        assertThat(t.get("mail").total().n()).isZero();
    }

    /** Unit weights: the weighted calendar effects are the unweighted ones, group by group. */
    @Test
    void weightedEffectsWithUnitWeightsAreTheUnweightedOnes() {
        Map<LocalDate, Tally> plain = days();
        Map<LocalDate, io.github.cxmetrics.tally.WeightedTally> weighted = new TreeMap<>();
        plain.forEach((d, t) -> {
            io.github.cxmetrics.tally.WeightedTallyAccumulator a =
                    new io.github.cxmetrics.tally.WeightedTallyAccumulator(t.scale());
            for (int score = 1; score <= 5; score++) {
                for (long i = 0; i < t.count(score); i++) {
                    a.add(score, 1.0);
                }
            }
            weighted.put(d, a.snapshot());
        });
        HolidayCalendar nl = HolidayCalendar.NETHERLANDS;
        java.util.List<SegmentComparison<?>[]> pairs = java.util.List.of(
                new SegmentComparison<?>[] {CalendarEffects.weekendVsWeekday(Metric.CSAT, plain, 0.95),
                    CalendarEffects.weekendVsWeekdayWeighted(Metric.CSAT, weighted, 0.95)},
                new SegmentComparison<?>[] {CalendarEffects.holidaysVsNormalDays(Metric.CSAT, plain, nl, 0.95),
                    CalendarEffects.holidaysVsNormalDaysWeighted(Metric.CSAT, weighted, nl, 0.95)},
                new SegmentComparison<?>[] {CalendarEffects.monthOfYear(Metric.CSAT, plain, 0.95,
                        PValueAdjustment.HOLM), CalendarEffects.monthOfYearWeighted(Metric.CSAT, weighted, 0.95,
                        PValueAdjustment.HOLM)});
        for (SegmentComparison<?>[] pair : pairs) {
            assertThat(pair[1].weightedOverall()).isPresent();
            assertThat(pair[1].segments()).hasSameSizeAs(pair[0].segments());
            for (int i = 0; i < pair[0].segments().size(); i++) {
                SegmentResult<?> a = pair[0].segments().get(i);
                SegmentResult<?> b = pair[1].segments().get(i);
                assertThat(b.key()).isEqualTo(a.key());
                assertThat(b.n()).isEqualTo(a.n());
                assertThat(b.score().isPresent()).isEqualTo(a.score().isPresent());
                if (a.score().isPresent()) {
                    assertThat(b.score().getAsDouble()).isCloseTo(a.score().getAsDouble(), within(1e-9));
                }
                assertThat(b.vsRest().map(c -> c.pValue()).orElse(-1.0))
                        .isCloseTo(a.vsRest().map(c -> c.pValue()).orElse(-1.0), within(1e-9));
            }
        }
        assertThatThrownBy(() -> CalendarEffects.weekendVsWeekdayWeighted(Metric.CSAT, Map.of(), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid calendar comparison: no days");
    }
}
