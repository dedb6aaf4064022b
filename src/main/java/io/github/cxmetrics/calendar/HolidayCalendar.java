package io.github.cxmetrics.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which local dates are holidays: closed all day for {@code ops.BusinessHours}, the "holiday" group
 * for calendar effects. The one holiday type of cxmetrics.
 *
 * <p>Get one with {@link #of(Collection)} for your own dates, {@link #NETHERLANDS} for the Dutch
 * public holidays (computed for any year from 1949 to 9999), {@link #NONE}, the union of two with
 * {@link #plus(HolidayCalendar)}, or {@link #parse(String)} from text such as
 * {@code nl,2026-12-24}. {@link #toString()} gives the text that {@code parse} reads back.
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
 * <p>Immutable and thread-safe, a value type: two calendars are equal when they have the same own
 * dates and the same rules.
 *
 * @since 0.1.0
 */
public final class HolidayCalendar {
    /** A calendar without holidays; its text form is {@code none}. */
    public static final HolidayCalendar NONE = new HolidayCalendar(false, Collections.emptyNavigableMap());

    /** The Dutch public holidays, 1949–9999 (see the class comment for the exact list); text form {@code nl}. */
    public static final HolidayCalendar NETHERLANDS = new HolidayCalendar(true, Collections.emptyNavigableMap());

    private static final Map<Integer, NavigableMap<LocalDate, String>> DUTCH = new ConcurrentHashMap<>();

    /** Whether the Dutch rules apply. */
    private final boolean dutch;
    /** The dates given, each named "holiday". */
    private final NavigableMap<LocalDate, String> dates;

    private HolidayCalendar(boolean dutch, NavigableMap<LocalDate, String> dates) {
        this.dutch = dutch;
        this.dates = dates;
    }

    /**
     * A calendar of the given dates (each named "holiday"; copied, later changes are not seen).
     *
     * @throws NullPointerException if the collection or a date is null
     */
    public static HolidayCalendar of(Collection<LocalDate> holidays) {
        Objects.requireNonNull(holidays, "holidays");
        NavigableMap<LocalDate, String> map = new TreeMap<>();
        for (LocalDate d : holidays) {
            map.put(Objects.requireNonNull(d, "holiday"), "holiday");
        }
        return new HolidayCalendar(false, Collections.unmodifiableNavigableMap(map));
    }

    /**
     * Reads the text form: {@code none}, or comma-separated items, each {@code nl} (the Dutch public
     * holidays) or an ISO date ({@code 2026-12-24}); case and spaces around items are ignored.
     * Example: {@code nl,2026-12-24,2026-12-31}.
     *
     * @throws IllegalArgumentException naming the item that is neither {@code nl} nor an ISO date:
     *     {@code Invalid holidays "nl,xmas": "xmas" (valid items nl for the Dutch public holidays, or
     *     an ISO date like 2026-12-24)}
     */
    public static HolidayCalendar parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.strip().equalsIgnoreCase("none")) {
            return NONE;
        }
        boolean withDutch = false;
        Set<LocalDate> own = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.equalsIgnoreCase("nl")) {
                withDutch = true;
                continue;
            }
            try {
                own.add(LocalDate.parse(item));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid holidays \"" + text + "\": "
                        + (item.isEmpty() ? "empty item" : "\"" + item + "\"")
                        + " (valid items nl for the Dutch public holidays, or an ISO date like 2026-12-24)");
            }
        }
        HolidayCalendar calendar = of(own);
        return withDutch ? calendar.plus(NETHERLANDS) : calendar;
    }

    /** The union of this calendar and another: a date is a holiday if it is one in either. */
    public HolidayCalendar plus(HolidayCalendar other) {
        Objects.requireNonNull(other, "other");
        NavigableMap<LocalDate, String> map = new TreeMap<>(dates);
        map.putAll(other.dates);
        return new HolidayCalendar(dutch || other.dutch, Collections.unmodifiableNavigableMap(map));
    }

    /**
     * Whether the date is a holiday.
     *
     * @throws IllegalArgumentException for a calendar with the Dutch rules, if the date is not one
     *     of its own dates and its year is before 1949 or after 9999
     */
    public boolean isHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return dates.containsKey(date) || dutch && dutch(date.getYear()).containsKey(date);
    }

    /**
     * The holidays of a year with their names (several names joined by {@code " / "} when two
     * holidays fall on one day, as Ascension Day and Liberation Day did in 2016), in date order.
     *
     * @throws IllegalArgumentException for a calendar with the Dutch rules, if the year is outside
     *     1949–9999
     */
    public NavigableMap<LocalDate, String> holidaysIn(int year) {
        NavigableMap<LocalDate, String> own = year < LocalDate.MIN.getYear() || year >= LocalDate.MAX.getYear()
                ? Collections.emptyNavigableMap()
                : dates.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year + 1, 1, 1), false);
        if (!dutch) {
            return Collections.unmodifiableNavigableMap(own);
        }
        if (own.isEmpty()) {
            return dutch(year);
        }
        NavigableMap<LocalDate, String> all = new TreeMap<>(dutch(year));
        own.forEach((d, name) -> put(all, d, name));
        return Collections.unmodifiableNavigableMap(all);
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

    /** The text form that {@link #parse(String)} reads back: {@code none}, or {@code nl} and the own dates, comma-separated. */
    @Override
    public String toString() {
        if (!dutch && dates.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder(dutch ? "nl" : "");
        for (LocalDate d : dates.keySet()) {
            sb.append(sb.length() == 0 ? "" : ",").append(d);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HolidayCalendar other && dutch == other.dutch && dates.equals(other.dates);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(dutch) * 31 + dates.hashCode();
    }
}
