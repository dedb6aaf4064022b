package io.github.cxmetrics.ops;

import io.github.cxmetrics.calendar.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Opening hours per weekday in a time zone, with holidays, and the elapsed business time between
 * two instants: how long a contact waited while the helpdesk was open.
 *
 * <p>Get one from {@link #builder(ZoneId)}:
 * <pre>{@code
 * BusinessHours hours = BusinessHours.builder(ZoneId.of("Europe/Amsterdam"))
 *         .openWeekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
 *         .open(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))
 *         .holidays(HolidayCalendar.of(Set.of(LocalDate.of(2025, 12, 25))))
 *         .build();
 * Duration waited = hours.between(received, firstReply);
 * }</pre>
 *
 * <p>Rules:
 * <ul>
 *   <li>A day may have several opening windows {@code [from, to)} in local time; they must not
 *       overlap. {@code to = 00:00} means the end of the day (24:00), so {@code 00:00–00:00} is open
 *       all day. A window that crosses midnight is two windows, one on each day.</li>
 *   <li>A holiday (from the {@link HolidayCalendar} or the dates given) is closed all day.</li>
 *   <li>Business time is elapsed physical time (the same as {@link Duration#between}) during the
 *       open windows. Each local day's windows are placed on the time line with the zone's rules
 *       of that day: a window that contains a daylight-saving switch lasts one hour less (spring
 *       forward) or more (fall back) than its clock hours. A local time that falls in a gap (02:30
 *       on a spring-forward night in Europe) is taken as the instant of the switch; a time that
 *       occurs twice (fall back) as its first occurrence. This keeps the mapping from local to
 *       physical time monotone, so windows never overlap or run backwards.</li>
 * </ul>
 *
 * <p>Additivity: for a ≤ b ≤ c, {@code between(a, c) = between(a, b) + between(b, c)} exactly,
 * because business time is the total length of the intersection of {@code [a, b)} with a fixed
 * set of disjoint windows.
 *
 * <p>Cost: one step per local day of the span. Immutable and thread-safe if the holiday calendar
 * is.
 *
 * @since 0.1.0
 */
public final class BusinessHours {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<DayOfWeek, long[][]> windows;
    private final HolidayCalendar calendar;
    private final Set<LocalDate> holidays;

    private BusinessHours(Builder b) {
        this.zone = b.zone;
        this.rules = b.zone.getRules();
        EnumMap<DayOfWeek, long[][]> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            List<long[]> list = b.windows.getOrDefault(d, List.of());
            long[][] arr = list.toArray(new long[0][]);
            java.util.Arrays.sort(arr, (x, y) -> Long.compare(x[0], y[0]));
            copy.put(d, arr);
        }
        this.windows = copy;
        this.calendar = b.calendar;
        this.holidays = Set.copyOf(b.holidays);
    }

    /** A builder of opening hours in the given zone, with every day closed to begin with. */
    public static Builder builder(ZoneId zone) {
        return new Builder(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Business hours from a text specification, as on the command line: comma-separated opening
     * windows, each a day or a range of days and a time window.
     *
     * <pre>
     * spec   = window *("," window)
     * window = days 1*SP time "-" time
     * days   = day ["-" day]
     * day    = "mon" / "tue" / "wed" / "thu" / "fri" / "sat" / "sun"   (any case)
     * time   = H:MM or HH:MM, 00:00 to 23:59; "24:00" (or "00:00") as the end means the end of the day
     * </pre>
     *
     * <p>Examples: {@code mon-fri 09:00-17:00}; {@code mon-fri 08:30-17:30,sat 10:00-14:00}; a lunch
     * break as two windows {@code mon-fri 09:00-12:00,mon-fri 13:00-17:00}. A day range runs forward
     * through the week and may wrap: {@code fri-mon} is Friday, Saturday, Sunday and Monday. Days not
     * named are closed. Spaces around commas and dashes are allowed.
     *
     * @param spec the opening windows
     * @param zone the zone of the local times
     * @param holidays the dates closed all day ({@link HolidayCalendar#NONE} for none)
     * @throws IllegalArgumentException naming the bad part: an unknown day, a malformed window or
     *     time, a window that is empty or runs backwards, windows that overlap on a day
     * @throws NullPointerException if an argument is null
     */
    public static BusinessHours parse(String spec, ZoneId zone, HolidayCalendar holidays) {
        Objects.requireNonNull(spec, "spec");
        Builder builder = builder(zone).holidays(Objects.requireNonNull(holidays, "holidays"));
        if (spec.isBlank()) {
            throw invalidSpec(spec, "no opening window (e.g. mon-fri 09:00-17:00)");
        }
        for (String part : spec.split(",", -1)) {
            String window = part.strip().replaceAll("\\s+", " ").replace(" -", "-").replace("- ", "-");
            int space = window.indexOf(' ');
            if (space < 0) {
                throw invalidSpec(spec, (window.isEmpty() ? "empty window" : "window \"" + window + "\"")
                        + " (valid form DAYS HH:MM-HH:MM, e.g. mon-fri 09:00-17:00)");
            }
            List<DayOfWeek> days = days(spec, window.substring(0, space));
            String hours = window.substring(space + 1).strip();
            int dash = hours.indexOf('-');
            if (dash < 0 || hours.indexOf('-', dash + 1) >= 0) {
                throw invalidSpec(spec, "time window \"" + hours + "\" (valid form HH:MM-HH:MM, e.g. 09:00-17:00)");
            }
            LocalTime from = time(spec, hours.substring(0, dash), false);
            LocalTime to = time(spec, hours.substring(dash + 1), true);
            if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
                throw invalidSpec(spec, "time window \"" + hours + "\" is empty or runs backwards (a window over "
                        + "midnight is two windows, e.g. fri 22:00-24:00,sat 00:00-02:00)");
            }
            for (DayOfWeek day : days) {
                try {
                    builder.open(day, from, to);
                } catch (IllegalArgumentException e) {
                    throw invalidSpec(spec, e.getMessage());
                }
            }
        }
        return builder.build();
    }

    private static final String[] DAY_NAMES = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private static List<DayOfWeek> days(String spec, String text) {
        int dash = text.indexOf('-');
        DayOfWeek first = day(spec, dash < 0 ? text : text.substring(0, dash));
        DayOfWeek last = dash < 0 ? first : day(spec, text.substring(dash + 1));
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String spec, String text) {
        for (int i = 0; i < DAY_NAMES.length; i++) {
            if (DAY_NAMES[i].equalsIgnoreCase(text)) {
                return DayOfWeek.of(i + 1);
            }
        }
        throw invalidSpec(spec, "unknown day \"" + text + "\" (valid days mon, tue, wed, thu, fri, sat, sun)");
    }

    private static LocalTime time(String spec, String text, boolean end) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,2}):([0-9]{2})").matcher(text);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
            if (end && hour == 24 && minute == 0) {
                return LocalTime.MIDNIGHT;
            }
        }
        throw invalidSpec(spec, "time \"" + text + "\" (valid times HH:MM from 00:00 to 23:59"
                + (end ? ", or 24:00 as the end" : "") + ")");
    }

    private static IllegalArgumentException invalidSpec(String spec, String problem) {
        return new IllegalArgumentException("Invalid business hours \"" + spec + "\": " + problem);
    }

    /** The zone whose local dates and times the opening hours are in. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether the date is closed all day as a holiday. */
    public boolean isHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return holidays.contains(date) || calendar.isHoliday(date);
    }

    /** The opening hours per week, without holidays: the sum of all windows' clock hours. */
    public Duration weeklyHours() {
        long total = 0;
        for (long[][] day : windows.values()) {
            for (long[] w : day) {
                total += w[1] - w[0];
            }
        }
        return Duration.ofNanos(total);
    }

    /**
     * Whether the business is open at the instant (in an open window of a day that is not a
     * holiday).
     */
    public boolean isOpen(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return !between(instant, instant.plusNanos(1)).isZero();
    }

    /**
     * The business time from {@code start} to {@code end}: the total length of the open windows
     * within {@code [start, end)}.
     *
     * @throws IllegalArgumentException if end is before start
     * @throws NullPointerException if either is null
     */
    public Duration between(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Invalid business-time span (end must not be before start): start "
                    + start + ", end " + end);
        }
        if (start.equals(end)) {
            return Duration.ZERO;
        }
        LocalDate first = LocalDate.ofInstant(start, zone);
        LocalDate last = LocalDate.ofInstant(end, zone);
        Duration total = Duration.ZERO;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            long[][] day = windows.get(d.getDayOfWeek());
            if (day.length == 0 || isHoliday(d)) {
                continue;
            }
            for (long[] w : day) {
                Instant open = instantOf(d, w[0]);
                Instant close = instantOf(d, w[1]);
                Instant from = open.isAfter(start) ? open : start;
                Instant to = close.isBefore(end) ? close : end;
                if (to.isAfter(from)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    /**
     * The instant of a local time of day (nanoseconds since midnight, up to 24:00) on a date: gap
     * times map to the switch, repeated times to their first occurrence.
     */
    private Instant instantOf(LocalDate date, long nanoOfDay) {
        if (nanoOfDay == NANOS_PER_DAY) {
            return instantOf(date.plusDays(1), 0);
        }
        LocalDateTime local = date.atTime(LocalTime.ofNanoOfDay(nanoOfDay));
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BusinessHours[").append(zone);
        for (Map.Entry<DayOfWeek, long[][]> e : windows.entrySet()) {
            for (long[] w : e.getValue()) {
                sb.append(", ").append(e.getKey()).append(' ').append(LocalTime.ofNanoOfDay(w[0])).append('-')
                        .append(w[1] == NANOS_PER_DAY ? "24:00" : LocalTime.ofNanoOfDay(w[1]).toString());
            }
        }
        return sb.append(", holidays ").append(holidays.size()).append(calendar == HolidayCalendar.NONE ? "" : " + calendar")
                .append(']').toString();
    }

    /**
     * A builder of {@link BusinessHours}. Every day starts closed; each call adds one window. Not
     * thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<long[]>> windows = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new HashSet<>();
        private HolidayCalendar calendar = HolidayCalendar.NONE;

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * Opens the day from {@code from} until {@code to} (exclusive); {@code to} = 00:00 means
         * the end of the day.
         *
         * @throws IllegalArgumentException if the window is empty or runs backwards, or overlaps
         *     a window already given for that day
         */
        public Builder open(DayOfWeek day, LocalTime from, LocalTime to) {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            long a = from.toNanoOfDay();
            long b = to.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : to.toNanoOfDay();
            if (a >= b) {
                throw new IllegalArgumentException("Invalid opening hours for " + day
                        + " (from must be before to; to 00:00 means end of day): " + from + "-" + to);
            }
            List<long[]> list = windows.computeIfAbsent(day, k -> new ArrayList<>());
            for (long[] w : list) {
                if (a < w[1] && w[0] < b) {
                    throw new IllegalArgumentException("Overlapping opening hours for " + day + ": "
                            + LocalTime.ofNanoOfDay(w[0]) + "-" + (w[1] == NANOS_PER_DAY ? "24:00"
                                    : LocalTime.ofNanoOfDay(w[1]).toString()) + " and " + from + "-" + to);
                }
            }
            list.add(new long[] {a, b});
            return this;
        }

        /**
         * Opens Monday to Friday from {@code from} until {@code to}.
         *
         * @throws IllegalArgumentException as {@link #open(DayOfWeek, LocalTime, LocalTime)}
         */
        public Builder openWeekdays(LocalTime from, LocalTime to) {
            for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
                open(d, from, to);
            }
            return this;
        }

        /** Adds holidays, closed all day. */
        public Builder holidays(LocalDate... dates) {
            for (LocalDate d : Objects.requireNonNull(dates, "dates")) {
                holidays.add(Objects.requireNonNull(d, "date"));
            }
            return this;
        }

        /** Uses a holiday calendar (in addition to any dates given with {@link #holidays(LocalDate...)}). */
        public Builder holidays(HolidayCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /** The business hours. */
        public BusinessHours build() {
            return new BusinessHours(this);
        }
    }
}
