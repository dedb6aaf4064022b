package io.github.cxmetrics.ops;

import io.github.cxmetrics.calendar.HolidayCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BusinessHours#parse}: the text form of opening hours, with hand-counted hours. */
class BusinessHoursParseTest {
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    private static Instant ams(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMS).toInstant();
    }

    private static BusinessHours parse(String spec) {
        return BusinessHours.parse(spec, AMS, HolidayCalendar.NONE);
    }

    @Test
    void officeHours() {
        BusinessHours h = parse("mon-fri 09:00-17:00");
        assertThat(h.zone()).isEqualTo(AMS);
        // 5 days × 8 h
        assertThat(h.weeklyHours()).isEqualTo(Duration.ofHours(40));
        // Friday 2025-01-10 16:00 → Monday 10:00: 1 h Friday + 1 h Monday
        assertThat(h.between(ams("2025-01-10T16:00"), ams("2025-01-13T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(h.isOpen(ams("2025-01-11T12:00"))).isFalse();
    }

    @Test
    void severalWindows() {
        BusinessHours h = parse("mon-fri 08:30-17:30,sat 10:00-14:00");
        // 5 × 9 h + 4 h = 49 h
        assertThat(h.weeklyHours()).isEqualTo(Duration.ofHours(49));
        // Friday 2025-01-10 17:00 → Monday 09:00: Fri 17:00–17:30 (30 min) + Sat 10–14 (240) + Mon 08:30–09:00 (30)
        assertThat(h.between(ams("2025-01-10T17:00"), ams("2025-01-13T09:00"))).isEqualTo(Duration.ofMinutes(300));
        BusinessHours lunch = parse("mon-fri 09:00-12:00,mon-fri 13:00-17:00");
        // 5 × (3 + 4) h = 35 h; Monday 11:00 → 14:00 = 1 h + 1 h
        assertThat(lunch.weeklyHours()).isEqualTo(Duration.ofHours(35));
        assertThat(lunch.between(ams("2025-01-06T11:00"), ams("2025-01-06T14:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void caseSpacesAndShortHoursAreAccepted() {
        BusinessHours h = parse("  MON - Fri 9:00 - 17:00 ,  sat\t10:00-14:00 ");
        // 5 × 8 h + 4 h
        assertThat(h.weeklyHours()).isEqualTo(Duration.ofHours(44));
        assertThat(h.isOpen(ams("2025-01-11T10:00"))).isTrue();
        assertThat(h.isOpen(ams("2025-01-06T08:59"))).isFalse();
        assertThat(h.isOpen(ams("2025-01-06T09:00"))).isTrue();
    }

    @Test
    void singleDaysAndWrappingRanges() {
        BusinessHours h = parse("fri-mon 10:00-12:00");
        // Friday, Saturday, Sunday, Monday: 4 × 2 h
        assertThat(h.weeklyHours()).isEqualTo(Duration.ofHours(8));
        assertThat(h.isOpen(ams("2025-01-12T11:00"))).as("Sunday").isTrue();
        assertThat(h.isOpen(ams("2025-01-07T11:00"))).as("Tuesday").isFalse();
        assertThat(parse("wed 10:00-12:00").weeklyHours()).isEqualTo(Duration.ofHours(2));
        assertThat(parse("mon-mon 10:00-12:00").weeklyHours()).isEqualTo(Duration.ofHours(2));
        assertThat(parse("mon-sun 00:00-24:00").weeklyHours()).isEqualTo(Duration.ofHours(7 * 24));
    }

    @Test
    void endOfDayAndDaylightSaving() {
        BusinessHours h = parse("sun 00:00-24:00");
        assertThat(h.weeklyHours()).isEqualTo(Duration.ofHours(24));
        assertThat(parse("sun 00:00-00:00").weeklyHours()).isEqualTo(Duration.ofHours(24));
        // Sunday 30 March 2025, Amsterdam springs forward at 02:00 → 03:00: the day lasts 23 h
        assertThat(h.between(ams("2025-03-30T00:00"), ams("2025-03-31T00:00"))).isEqualTo(Duration.ofHours(23));
        // Sunday 26 October 2025 falls back at 03:00 → 02:00: 25 h
        assertThat(h.between(ams("2025-10-26T00:00"), ams("2025-10-27T00:00"))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void holidaysAreClosed() {
        BusinessHours h = BusinessHours.parse("mon-fri 09:00-17:00", AMS,
                HolidayCalendar.NETHERLANDS);
        // Good Friday 2025-04-18 (open in the Dutch calendar) 16:00 → Tuesday 2025-04-22 10:00 with Easter
        // Monday 2025-04-21 closed: 1 h + 1 h
        assertThat(h.between(ams("2025-04-18T16:00"), ams("2025-04-22T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(h.isHoliday(LocalDate.of(2025, 4, 21))).isTrue();
        BusinessHours own = BusinessHours.parse("mon-fri 09:00-17:00", AMS,
                HolidayCalendar.of(Set.of(LocalDate.of(2025, 1, 13))));
        // Friday 2025-01-10 16:00 → Tuesday 10:00 with Monday closed: 1 h + 1 h
        assertThat(own.between(ams("2025-01-10T16:00"), ams("2025-01-14T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void invalidSpecsNameTheBadPart() {
        String[][] cases = {
            {"", "Invalid business hours \"\": no opening window (e.g. mon-fri 09:00-17:00)"},
            {"mon-fry 09:00-17:00", "Invalid business hours \"mon-fry 09:00-17:00\": unknown day \"fry\" (valid days "
                    + "mon, tue, wed, thu, fri, sat, sun)"},
            {"monday 09:00-17:00", "unknown day \"monday\""},
            {"mon-fri", "Invalid business hours \"mon-fri\": window \"mon-fri\" (valid form DAYS HH:MM-HH:MM, "
                    + "e.g. mon-fri 09:00-17:00)"},
            {"mon-fri 09:00-17:00,", "\"mon-fri 09:00-17:00,\": empty window (valid form DAYS HH:MM-HH:MM"},
            {"mon-fri 09:00 17:00", "time window \"09:00 17:00\" (valid form HH:MM-HH:MM, e.g. 09:00-17:00)"},
            {"mon-fri 09:00-12:00-17:00", "time window \"09:00-12:00-17:00\""},
            {"mon-fri 9-17", "time \"9\" (valid times HH:MM from 00:00 to 23:59)"},
            {"mon-fri 09:00-25:00", "time \"25:00\" (valid times HH:MM from 00:00 to 23:59, or 24:00 as the end)"},
            {"mon-fri 24:00-17:00", "time \"24:00\" (valid times HH:MM from 00:00 to 23:59)"},
            {"mon-fri 09:60-17:00", "time \"09:60\""},
            {"mon-fri 17:00-09:00", "time window \"17:00-09:00\" is empty or runs backwards (a window over midnight "
                    + "is two windows, e.g. fri 22:00-24:00,sat 00:00-02:00)"},
            {"mon 09:00-09:00", "time window \"09:00-09:00\" is empty or runs backwards"},
            {"mon-fri 09:00-17:00,fri 16:00-18:00", "Invalid business hours \"mon-fri 09:00-17:00,fri 16:00-18:00\": "
                    + "Overlapping opening hours for FRIDAY: 09:00-17:00 and 16:00-18:00"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1]);
        }
        assertThatThrownBy(() -> BusinessHours.parse(null, AMS, HolidayCalendar.NONE))
                .isInstanceOf(NullPointerException.class).hasMessage("spec");
        assertThatThrownBy(() -> BusinessHours.parse("mon 09:00-17:00", null, HolidayCalendar.NONE))
                .isInstanceOf(NullPointerException.class).hasMessage("zone");
        assertThatThrownBy(() -> BusinessHours.parse("mon 09:00-17:00", AMS, null))
                .isInstanceOf(NullPointerException.class).hasMessage("holidays");
    }
}
