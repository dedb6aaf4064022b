package io.github.cxmetrics.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of holiday dates, to compare holidays with normal days.
 *
 * <p>Get one with {@link #of(Collection)} for your own dates, or {@link #NETHERLANDS} for the Dutch
 * public holidays, computed for any year from 1949 to 9999:
 *
 * <table>
 *   <caption>Dutch public holidays in {@link #NETHERLANDS}</caption>
 *   <tr><th>name</th><th>date</th></tr>
 *   <tr><td>New Year's Day</td><td>1 January</td></tr>
 *   <tr><td>Easter Sunday, Easter Monday</td><td>Easter (anonymous Gregorian algorithm), Easter + 1</td></tr>
 *   <tr><td>King's Day</td><td>from 2014: 27 April, or 26 April when the 27th is a Sunday</td></tr>
 *   <tr><td>Queen's Day</td><td>1980–2013: 30 April, or 29 April when the 30th is a Sunday;
 *       1949–1979: 30 April, or 1 May when the 30th is a Sunday</td></tr>
 *   <tr><td>Liberation Day</td><td>5 May, every year (a paid day off for many only every fifth year)</td></tr>
 *   <tr><td>Ascension Day</td><td>Easter + 39 days</td></tr>
 *   <tr><td>Whit Sunday, Whit Monday</td><td>Easter + 49, Easter + 50 days</td></tr>
 *   <tr><td>Christmas Day, Second Christmas Day</td><td>25 and 26 December</td></tr>
 * </table>
 *
 * <p>These are the days of the Algemene termijnenwet (art. 3) plus Easter and Whit Sunday. Good
 * Friday is not included: it is not a public holiday in that law and most businesses are open.
 *
 * <p>Immutable and thread-safe.
 */
public final class HolidayCalendar {
    /** The Dutch public holidays, 1949–9999 (see the class comment for the exact list). */
    public static final HolidayCalendar NETHERLANDS = new HolidayCalendar(null);

    private static final Map<Integer, NavigableMap<LocalDate, String>> DUTCH = new ConcurrentHashMap<>();

    /** The given dates; null for the Dutch rules. */
    private final NavigableMap<LocalDate, String> dates;

    private HolidayCalendar(NavigableMap<LocalDate, String> dates) {
        this.dates = dates;
    }

    /**
     * A calendar of the given dates (each named "holiday").
     *
     * @throws NullPointerException if the collection or a date is null
     */
    public static HolidayCalendar of(Collection<LocalDate> holidays) {
        Objects.requireNonNull(holidays, "holidays");
        NavigableMap<LocalDate, String> map = new TreeMap<>();
        for (LocalDate d : holidays) {
            map.put(Objects.requireNonNull(d, "holiday"), "holiday");
        }
        return new HolidayCalendar(Collections.unmodifiableNavigableMap(map));
    }

    /**
     * Whether the date is a holiday.
     *
     * @throws IllegalArgumentException for the Dutch calendar, if the year is before 1949
     */
    public boolean isHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (dates != null) {
            return dates.containsKey(date);
        }
        return dutch(date.getYear()).containsKey(date);
    }

    /**
     * The holidays of a year with their names (several names joined by {@code " / "} when two
     * holidays fall on one day, as Ascension Day and Liberation Day did in 2016), in date order.
     *
     * @throws IllegalArgumentException for the Dutch calendar, if the year is outside 1949–9999
     */
    public NavigableMap<LocalDate, String> holidaysIn(int year) {
        if (dates != null) {
            if (year < LocalDate.MIN.getYear() || year >= LocalDate.MAX.getYear()) {
                return Collections.emptyNavigableMap();
            }
            return Collections.unmodifiableNavigableMap(
                    dates.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year + 1, 1, 1), false));
        }
        return dutch(year);
    }

    /**
     * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher;
     * Meeus, <i>Astronomical Algorithms</i>, 2nd ed., ch. 8).
     *
     * @throws IllegalArgumentException if the year is before 1583 (the first full Gregorian year)
     *     or after 999999999
     */
    public static LocalDate easterSunday(int year) {
        if (year < 1583 || year > 999_999_999) {
            throw new IllegalArgumentException("Invalid value for year (valid values 1583 - 999999999): " + year);
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static NavigableMap<LocalDate, String> dutch(int year) {
        if (year < 1949 || year > 9999) {
            throw new IllegalArgumentException("Invalid year for the Dutch holiday calendar (valid values 1949 - 9999): "
                    + year);
        }
        return DUTCH.computeIfAbsent(year, HolidayCalendar::computeDutch);
    }

    private static NavigableMap<LocalDate, String> computeDutch(int year) {
        NavigableMap<LocalDate, String> m = new TreeMap<>();
        LocalDate easter = easterSunday(year);
        put(m, LocalDate.of(year, 1, 1), "New Year's Day");
        put(m, easter, "Easter Sunday");
        put(m, easter.plusDays(1), "Easter Monday");
        if (year >= 2014) {
            LocalDate kings = LocalDate.of(year, 4, 27);
            put(m, kings.getDayOfWeek() == DayOfWeek.SUNDAY ? kings.minusDays(1) : kings, "King's Day");
        } else {
            LocalDate queens = LocalDate.of(year, 4, 30);
            if (queens.getDayOfWeek() == DayOfWeek.SUNDAY) {
                queens = year >= 1980 ? queens.minusDays(1) : queens.plusDays(1);
            }
            put(m, queens, "Queen's Day");
        }
        put(m, LocalDate.of(year, 5, 5), "Liberation Day");
        put(m, easter.plusDays(39), "Ascension Day");
        put(m, easter.plusDays(49), "Whit Sunday");
        put(m, easter.plusDays(50), "Whit Monday");
        put(m, LocalDate.of(year, 12, 25), "Christmas Day");
        put(m, LocalDate.of(year, 12, 26), "Second Christmas Day");
        return Collections.unmodifiableNavigableMap(m);
    }

    private static void put(NavigableMap<LocalDate, String> m, LocalDate date, String name) {
        m.merge(date, name, (a, b) -> a + " / " + b);
    }

    @Override
    public String toString() {
        return dates == null ? "HolidayCalendar[Netherlands]" : "HolidayCalendar[" + dates.size() + " dates]";
    }
}
