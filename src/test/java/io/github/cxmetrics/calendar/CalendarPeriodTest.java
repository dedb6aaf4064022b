package io.github.cxmetrics.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodTest {
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    @Test
    void labelsOfEveryGranularity() {
        LocalDate d = LocalDate.of(2025, 3, 14);
        assertThat(Granularity.DAY.periodOf(d).label()).isEqualTo("2025-03-14");
        assertThat(Granularity.WEEK.periodOf(d).label()).isEqualTo("2025-W11");
        assertThat(Granularity.MONTH.periodOf(d).label()).isEqualTo("2025-03");
        assertThat(Granularity.QUARTER.periodOf(d).label()).isEqualTo("2025-Q1");
        assertThat(Granularity.YEAR.periodOf(d).label()).isEqualTo("2025");
        assertThat(Granularity.QUARTER.periodOf(LocalDate.of(2025, 12, 31)).label()).isEqualTo("2025-Q4");
        assertThat(Granularity.QUARTER.periodOf(LocalDate.of(2025, 12, 31)).start()).isEqualTo("2025-10-01");
    }

    @Test
    void isoWeeksAcrossYearEnds() {
        // Monday 2024-12-30 starts ISO week 1 of 2025
        CalendarPeriod w = Granularity.WEEK.periodOf(LocalDate.of(2024, 12, 31));
        assertThat(w.label()).isEqualTo("2025-W01");
        assertThat(w.start()).isEqualTo("2024-12-30");
        assertThat(w.end()).isEqualTo("2025-01-06");
        // 2020 has 53 ISO weeks: Sunday 2021-01-03 is still in 2020-W53 (starts Monday 2020-12-28)
        CalendarPeriod w53 = Granularity.WEEK.periodOf(LocalDate.of(2021, 1, 3));
        assertThat(w53.label()).isEqualTo("2020-W53");
        assertThat(w53.start()).isEqualTo("2020-12-28");
        assertThat(w53.next().label()).isEqualTo("2021-W01");
        assertThat(w53.next().start()).isEqualTo("2021-01-04");
        // 2026 starts on a Thursday, so it has a week 53; 2025 does not
        assertThat(CalendarPeriod.parse("2026-W53", AMS).start()).isEqualTo("2026-12-28");
        assertThatThrownBy(() -> CalendarPeriod.parse("2025-W53", AMS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid values 1 - 52 for 2025");
    }

    @Test
    void dstDaysAreHalfOpenAndOfLocalLength() {
        // Amsterdam: 2025-03-30 has 23 hours, 2025-10-26 has 25
        CalendarPeriod spring = Granularity.DAY.periodOf(LocalDate.of(2025, 3, 30), AMS);
        assertThat(Duration.between(spring.startInstant(), spring.endInstant())).isEqualTo(Duration.ofHours(23));
        assertThat(spring.startInstant()).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
        CalendarPeriod autumn = Granularity.DAY.periodOf(LocalDate.of(2025, 10, 26), AMS);
        assertThat(Duration.between(autumn.startInstant(), autumn.endInstant())).isEqualTo(Duration.ofHours(25));
        // the last instant of a day belongs to it, the next one to the next day
        Instant end = autumn.endInstant();
        assertThat(Granularity.DAY.periodOf(end.minusNanos(1), AMS)).isEqualTo(autumn);
        assertThat(Granularity.DAY.periodOf(end, AMS)).isEqualTo(autumn.next());
        // Sao Paulo 2018-11-04: midnight did not exist; the day starts at 01:00 local
        ZoneId sp = ZoneId.of("America/Sao_Paulo");
        CalendarPeriod gap = Granularity.DAY.periodOf(LocalDate.of(2018, 11, 4), sp);
        assertThat(gap.startInstant()).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
        assertThat(gap.previous().endInstant()).isEqualTo(gap.startInstant());
        // Samoa skipped 2011-12-30 entirely: that day's bucket is empty, start = end
        ZoneId apia = ZoneId.of("Pacific/Apia");
        CalendarPeriod skipped = Granularity.DAY.periodOf(LocalDate.of(2011, 12, 30), apia);
        assertThat(skipped.startInstant()).isEqualTo(skipped.endInstant());
        assertThat(Granularity.DAY.periodOf(skipped.startInstant(), apia).label()).isEqualTo("2011-12-31");
    }

    @Test
    void instantsAreBucketedInTheZonesCalendar() {
        Instant i = Instant.parse("2024-12-31T23:30:00Z"); // 00:30 on 1 January in Amsterdam
        assertThat(Granularity.YEAR.periodOf(i, ZoneOffset.UTC).label()).isEqualTo("2024");
        assertThat(Granularity.YEAR.periodOf(i, AMS).label()).isEqualTo("2025");
        assertThat(Granularity.MONTH.periodOf(i, AMS).startInstant()).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
    }

    @Test
    void parseReadsBackEveryLabel() {
        for (String label : new String[] {"2025-03-14", "2025-W03", "2025-03", "2025-Q1", "2025", "0001-01-01", "9999-Q4"}) {
            assertThat(CalendarPeriod.parse(label, AMS).label()).isEqualTo(label);
            assertThat(CalendarPeriod.parse(label, AMS).toString()).isEqualTo(label);
        }
        assertThat(CalendarPeriod.parse("2025-W03", AMS).granularity()).isEqualTo(Granularity.WEEK);
        assertThatThrownBy(() -> CalendarPeriod.parse("2025-02-30", AMS)).hasMessage("Invalid period label (no such date): 2025-02-30");
        assertThatThrownBy(() -> CalendarPeriod.parse("2025-13", AMS)).hasMessageContaining("no such date");
        assertThatThrownBy(() -> CalendarPeriod.parse("25-W1", AMS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid period label (valid formats 2025-03-14, 2025-W03, 2025-03, 2025-Q1, 2025): 25-W1");
        assertThatThrownBy(() -> CalendarPeriod.parse("2025-W00", AMS)).hasMessageContaining("valid values 1 - 52");
    }

    @Test
    void granularityParse() {
        assertThat(Granularity.parse("week")).isEqualTo(Granularity.WEEK);
        assertThat(Granularity.parse(" Monthly ")).isEqualTo(Granularity.MONTH);
        assertThat(Granularity.parse("QUARTER")).isEqualTo(Granularity.QUARTER);
        assertThatThrownBy(() -> Granularity.parse("fortnight")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for granularity (valid values day, week, month, quarter, year): fortnight");
    }

    @Test
    void stepsDistancesAndOrder() {
        CalendarPeriod jan = Granularity.MONTH.periodOf(LocalDate.of(2025, 1, 15));
        assertThat(jan.plus(13).label()).isEqualTo("2026-02");
        assertThat(jan.previous().label()).isEqualTo("2024-12");
        assertThat(jan.until(jan.plus(13))).isEqualTo(13);
        assertThat(jan.plus(-5).until(jan)).isEqualTo(5);
        CalendarPeriod q = Granularity.QUARTER.periodOf(LocalDate.of(2024, 11, 1));
        assertThat(q.until(Granularity.QUARTER.periodOf(LocalDate.of(2026, 2, 1)))).isEqualTo(5);
        assertThat(jan.compareTo(jan.next())).isNegative();
        assertThatThrownBy(() -> jan.until(Granularity.WEEK.periodOf(LocalDate.of(2025, 1, 15))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Period mismatch");
        assertThat(Granularity.YEAR.periodOf(LocalDate.of(9999, 5, 1)).end()).isEqualTo("+10000-01-01");
        assertThatThrownBy(() -> Granularity.YEAR.periodOf(LocalDate.of(9999, 5, 1)).next())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 - 9999");
    }

    @Test
    void sameLastYear() {
        assertThat(CalendarPeriod.parse("2025-W03", AMS).sameLastYear().map(CalendarPeriod::label)).contains("2024-W03");
        assertThat(CalendarPeriod.parse("2026-W53", AMS).sameLastYear()).isEmpty(); // 2025 has 52 weeks
        assertThat(CalendarPeriod.parse("2024-02-29", AMS).sameLastYear()).isEqualTo(Optional.empty());
        assertThat(CalendarPeriod.parse("2024-03-01", AMS).sameLastYear().map(CalendarPeriod::label)).contains("2023-03-01");
        assertThat(CalendarPeriod.parse("2025-Q2", AMS).sameLastYear().map(CalendarPeriod::label)).contains("2024-Q2");
        assertThat(CalendarPeriod.parse("2025-03", AMS).sameLastYear().map(CalendarPeriod::label)).contains("2024-03");
    }

    @Test
    void equalityIncludesTheZone() {
        LocalDate d = LocalDate.of(2025, 6, 1);
        assertThat(Granularity.DAY.periodOf(d, AMS)).isEqualTo(Granularity.DAY.periodOf(d, ZoneId.of("Europe/Amsterdam")));
        assertThat(Granularity.DAY.periodOf(d, AMS)).isNotEqualTo(Granularity.DAY.periodOf(d, ZoneOffset.UTC));
        assertThat(Granularity.DAY.periodOf(d, AMS).hashCode())
                .isEqualTo(Granularity.DAY.periodOf(d, ZoneId.of("Europe/Amsterdam")).hashCode());
    }

    @Test
    void lastDayIsTheInclusiveEnd() {
        ZoneId ams = ZoneId.of("Europe/Amsterdam");
        assertThat(CalendarPeriod.parse("2025-02", ams).lastDay()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(CalendarPeriod.parse("2024-Q1", ams).lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(CalendarPeriod.parse("2025-W01", ams).lastDay()).isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(CalendarPeriod.parse("2025-03-14", ams).lastDay()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(CalendarPeriod.parse("2025-03-14", ams).end()).isEqualTo(LocalDate.of(2025, 3, 15));
    }
}
