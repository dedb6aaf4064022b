package io.github.cxmetrics.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    @Test
    void easterMatchesPublishedDates() {
        // python-dateutil easter.easter(y) (EASTER_WESTERN): 1818-03-22, 2000-04-23, 2016-03-27,
        // 2024-03-31, 2025-04-20, 2026-04-05, 2038-04-25, 2285-03-22 (earliest and latest possible dates)
        int[][] expected = {{1818, 3, 22}, {2000, 4, 23}, {2016, 3, 27}, {2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5},
            {2038, 4, 25}, {2285, 3, 22}};
        for (int[] e : expected) {
            assertThat(HolidayCalendar.easterSunday(e[0])).isEqualTo(LocalDate.of(e[0], e[1], e[2]));
        }
        assertThatThrownBy(() -> HolidayCalendar.easterSunday(1582))
                .hasMessage("Invalid value for year (valid values 1583 - 999999999): 1582");
    }

    @Test
    void dutchHolidays2025() {
        // Easter 2025-04-20; King's Day: 27 April 2025 is a Sunday, so Saturday 26 April
        assertThat(HolidayCalendar.NETHERLANDS.holidaysIn(2025)).containsExactly(
                java.util.Map.entry(LocalDate.of(2025, 1, 1), "New Year's Day"),
                java.util.Map.entry(LocalDate.of(2025, 4, 20), "Easter Sunday"),
                java.util.Map.entry(LocalDate.of(2025, 4, 21), "Easter Monday"),
                java.util.Map.entry(LocalDate.of(2025, 4, 26), "King's Day"),
                java.util.Map.entry(LocalDate.of(2025, 5, 5), "Liberation Day"),
                java.util.Map.entry(LocalDate.of(2025, 5, 29), "Ascension Day"),
                java.util.Map.entry(LocalDate.of(2025, 6, 8), "Whit Sunday"),
                java.util.Map.entry(LocalDate.of(2025, 6, 9), "Whit Monday"),
                java.util.Map.entry(LocalDate.of(2025, 12, 25), "Christmas Day"),
                java.util.Map.entry(LocalDate.of(2025, 12, 26), "Second Christmas Day"));
        assertThat(HolidayCalendar.NETHERLANDS.isHoliday(LocalDate.of(2025, 4, 18))).isFalse(); // Good Friday
        assertThat(HolidayCalendar.NETHERLANDS.isHoliday(LocalDate.of(2025, 4, 27))).isFalse();
    }

    @Test
    void kingsAndQueensDayRules() {
        // 2014: 27 April a Sunday -> 26 April; 2024: Saturday 27 April stays
        assertThat(HolidayCalendar.NETHERLANDS.isHoliday(LocalDate.of(2014, 4, 26))).isTrue();
        assertThat(HolidayCalendar.NETHERLANDS.isHoliday(LocalDate.of(2024, 4, 27))).isTrue();
        // Queen's Day 2006: 30 April a Sunday -> Saturday 29 April; 2013: Tuesday 30 April
        assertThat(HolidayCalendar.NETHERLANDS.holidaysIn(2006)).containsEntry(LocalDate.of(2006, 4, 29), "Queen's Day");
        assertThat(HolidayCalendar.NETHERLANDS.holidaysIn(2013)).containsEntry(LocalDate.of(2013, 4, 30), "Queen's Day");
        // before 1980 a Sunday 30 April moved to Monday 1 May (1978)
        assertThat(HolidayCalendar.NETHERLANDS.holidaysIn(1978)).containsEntry(LocalDate.of(1978, 5, 1), "Queen's Day");
        assertThatThrownBy(() -> HolidayCalendar.NETHERLANDS.isHoliday(LocalDate.of(1948, 1, 1)))
                .hasMessage("Invalid year for the Dutch holiday calendar (valid values 1949 - 9999): 1948");
    }

    @Test
    void coincidingHolidaysShareADate() {
        // 2016: Easter 27 March, Ascension = Easter + 39 = 5 May = Liberation Day
        assertThat(HolidayCalendar.NETHERLANDS.holidaysIn(2016)).containsEntry(LocalDate.of(2016, 5, 5),
                "Liberation Day / Ascension Day");
        assertThat(HolidayCalendar.NETHERLANDS.holidaysIn(2016)).hasSize(9);
    }

    @Test
    void userGivenDates() {
        HolidayCalendar c = HolidayCalendar.of(List.of(LocalDate.of(2025, 11, 11), LocalDate.of(2026, 2, 16)));
        assertThat(c.isHoliday(LocalDate.of(2025, 11, 11))).isTrue();
        assertThat(c.isHoliday(LocalDate.of(2025, 11, 12))).isFalse();
        assertThat(c.holidaysIn(2026)).containsOnlyKeys(LocalDate.of(2026, 2, 16));
        assertThat(c.holidaysIn(1900)).isEmpty();
    }

    @Test
    void textFormIsReadBackAndUnionsKeepBothRules() {
        HolidayCalendar c = HolidayCalendar.parse(" NL , 2026-12-24,2026-12-31");
        assertThat(c.isHoliday(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(c.isHoliday(LocalDate.of(2026, 12, 25))).isTrue(); // Christmas Day, from the Dutch rules
        assertThat(c.isHoliday(LocalDate.of(2026, 12, 23))).isFalse();
        assertThat(c).hasToString("nl,2026-12-24,2026-12-31");
        assertThat(HolidayCalendar.parse(c.toString())).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(HolidayCalendar.parse("nl")).isEqualTo(HolidayCalendar.NETHERLANDS);
        assertThat(HolidayCalendar.parse("none")).isSameAs(HolidayCalendar.NONE);
        assertThat(HolidayCalendar.NONE).hasToString("none");
        assertThat(HolidayCalendar.NONE.isHoliday(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(HolidayCalendar.of(List.of(LocalDate.of(2026, 12, 24))).plus(HolidayCalendar.NETHERLANDS))
                .isEqualTo(HolidayCalendar.parse("nl,2026-12-24"));
        assertThat(c.plus(HolidayCalendar.NONE)).isEqualTo(c);
        // own dates and Dutch holidays listed together, names joined on a shared day
        assertThat(HolidayCalendar.parse("nl,2026-12-25").holidaysIn(2026))
                .containsEntry(LocalDate.of(2026, 12, 25), "Christmas Day / holiday").hasSize(10);
        assertThatThrownBy(() -> HolidayCalendar.parse("nl,xmas"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid holidays \"nl,xmas\": \"xmas\" (valid items nl for the Dutch public holidays,"
                        + " or an ISO date like 2026-12-24)");
        assertThatThrownBy(() -> HolidayCalendar.parse("nl,"))
                .hasMessageContaining("empty item");
    }
}
