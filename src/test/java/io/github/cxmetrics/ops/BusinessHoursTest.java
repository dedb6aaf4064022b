package io.github.cxmetrics.ops;

import io.github.cxmetrics.calendar.HolidayCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private static final BusinessHours OFFICE = BusinessHours.builder(AMS)
            .openWeekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();

    private static Instant ams(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMS).toInstant();
    }

    @Test
    void withinOneDay() {
        // Wednesday 2025-01-08, 08:00 → 12:30: open from 09:00, so 3.5 h
        assertThat(OFFICE.between(ams("2025-01-08T08:00"), ams("2025-01-08T12:30"))).isEqualTo(Duration.ofMinutes(210));
        // entirely after closing: 0
        assertThat(OFFICE.between(ams("2025-01-08T17:00"), ams("2025-01-08T23:00"))).isZero();
        assertThat(OFFICE.between(ams("2025-01-08T10:00"), ams("2025-01-08T10:00"))).isZero();
    }

    @Test
    void acrossTheWeekend() {
        // Friday 2025-01-10 16:00 → Monday 2025-01-13 10:00: 1 h Friday + 1 h Monday
        assertThat(OFFICE.between(ams("2025-01-10T16:00"), ams("2025-01-13T10:00"))).isEqualTo(Duration.ofHours(2));
        // Saturday → Sunday: closed
        assertThat(OFFICE.between(ams("2025-01-11T08:00"), ams("2025-01-12T20:00"))).isZero();
    }

    @Test
    void holidaysAreClosed() {
        BusinessHours h = BusinessHours.builder(AMS).openWeekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .holidays(LocalDate.of(2025, 1, 13)).build();
        // Friday 16:00 → Tuesday 10:00 with Monday a holiday: 1 h + 1 h
        assertThat(h.between(ams("2025-01-10T16:00"), ams("2025-01-14T10:00"))).isEqualTo(Duration.ofHours(2));
        BusinessHours viaCalendar = BusinessHours.builder(AMS).openWeekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .holidays(HolidayCalendar.of(Set.of(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26))))
                .build();
        // Wednesday 24 Dec 16:00 → Monday 29 Dec 10:00: 1 h + (Thu, Fri holidays) + 1 h
        assertThat(viaCalendar.between(ams("2025-12-24T16:00"), ams("2025-12-29T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(viaCalendar.isHoliday(LocalDate.of(2025, 12, 25))).isTrue();
    }

    @Test
    void multiDaySpans() {
        // Monday 2025-01-06 09:00 → Monday 2025-01-13 09:00: five days of 8 h
        assertThat(OFFICE.between(ams("2025-01-06T09:00"), ams("2025-01-13T09:00"))).isEqualTo(Duration.ofHours(40));
        // four weeks (January 2025, no DST): 160 h
        assertThat(OFFICE.between(ams("2025-01-06T00:00"), ams("2025-02-03T00:00"))).isEqualTo(Duration.ofHours(160));
        assertThat(OFFICE.weeklyHours()).isEqualTo(Duration.ofHours(40));
    }

    @Test
    void severalWindowsPerDayAndClosedDays() {
        BusinessHours split = BusinessHours.builder(AMS)
                .open(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
                .open(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0))
                .open(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT)
                .build();
        // Monday 2025-01-06 11:00 → 14:00: 1 h before lunch + 1 h after
        assertThat(split.between(ams("2025-01-06T11:00"), ams("2025-01-06T14:00"))).isEqualTo(Duration.ofHours(2));
        // Saturday 2025-01-11 23:00 → Monday 2025-01-13 08:30: 1 h to midnight + 0.5 h
        assertThat(split.between(ams("2025-01-11T23:00"), ams("2025-01-13T08:30"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(split.isOpen(ams("2025-01-06T12:30"))).isFalse();
        assertThat(split.isOpen(ams("2025-01-06T13:00"))).isTrue();
        assertThat(split.isOpen(ams("2025-01-06T17:00"))).isFalse();
    }

    @Test
    void daylightSavingSwitches() {
        BusinessHours sundays = BusinessHours.builder(AMS)
                .open(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
        // Sunday 2025-03-30: clocks go from 02:00 to 03:00, the day lasts 23 h
        assertThat(sundays.between(ams("2025-03-29T12:00"), ams("2025-03-31T12:00"))).isEqualTo(Duration.ofHours(23));
        // Sunday 2025-10-26: clocks go from 03:00 back to 02:00, the day lasts 25 h
        assertThat(sundays.between(ams("2025-10-25T12:00"), ams("2025-10-27T12:00"))).isEqualTo(Duration.ofHours(25));

        BusinessHours night = BusinessHours.builder(AMS)
                .open(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0)).build();
        // 01:00–04:00 on the spring-forward night: 01:00–02:00 CET, then 03:00–04:00 CEST = 2 h
        assertThat(night.between(ams("2025-03-30T00:00"), ams("2025-03-30T12:00"))).isEqualTo(Duration.ofHours(2));
        // on the fall-back night, 02:00–03:00 happens twice: 4 h
        assertThat(night.between(ams("2025-10-26T00:00"), ams("2025-10-26T12:00"))).isEqualTo(Duration.ofHours(4));

        BusinessHours gapOnly = BusinessHours.builder(AMS)
                .open(DayOfWeek.SUNDAY, LocalTime.of(2, 15), LocalTime.of(2, 45)).build();
        // a window that lies wholly in the skipped hour never opens
        assertThat(gapOnly.between(ams("2025-03-30T00:00"), ams("2025-03-30T12:00"))).isZero();

        // weekday hours across the spring-forward weekend: Friday 16:00 CET → Monday 10:00 CEST = 2 h
        assertThat(OFFICE.between(Instant.parse("2025-03-28T15:00:00Z"), Instant.parse("2025-03-31T08:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void otherZones() {
        ZoneId ny = ZoneId.of("America/New_York");
        BusinessHours always = BusinessHours.builder(ny).openWeekdays(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .open(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .open(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
        // open around the clock: business time is elapsed time, across the 2025-03-09 US switch
        Instant a = Instant.parse("2025-03-07T20:13:00Z");
        Instant b = Instant.parse("2025-03-11T03:59:30Z");
        assertThat(always.between(a, b)).isEqualTo(Duration.between(a, b));
        // 09:00–17:00 in New York is 14:00–22:00 UTC in winter
        BusinessHours nyOffice = BusinessHours.builder(ny).openWeekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
        assertThat(nyOffice.between(Instant.parse("2025-01-08T12:00:00Z"), Instant.parse("2025-01-08T15:30:00Z")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void invalidInput() {
        assertThatThrownBy(() -> OFFICE.between(ams("2025-01-08T12:00"), ams("2025-01-08T11:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end must not be before start");
        BusinessHours.Builder b = BusinessHours.builder(AMS).open(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(12, 0));
        assertThatThrownBy(() -> b.open(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Overlapping opening hours for MONDAY: 09:00-12:00 and 11:00-13:00");
        assertThatThrownBy(() -> b.open(DayOfWeek.TUESDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from must be before to").hasMessageContaining("22:00-06:00");
        assertThatThrownBy(() -> b.open(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.between(null, Instant.EPOCH)).isInstanceOf(NullPointerException.class);
    }
}
