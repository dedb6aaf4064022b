package io.github.cxmetrics.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One calendar bucket: a day, ISO week, month, quarter or year in the calendar of a zone, covering
 * the half-open range of instants {@code [startInstant(), endInstant())}.
 *
 * <p>Get one with {@link Granularity#periodOf(Instant, ZoneId)},
 * {@link Granularity#periodOf(LocalDate, ZoneId)} or {@link #parse(String, ZoneId)}; step with
 * {@link #next()}, {@link #previous()} and {@link #plus(long)}.
 *
 * <p>Labels ({@link #label()}, also {@link #toString()}, read back by {@link #parse(String, ZoneId)}):
 * {@code 2025-03-14} (day), {@code 2025-W03} (ISO week, numbered in its ISO week-based year, so the
 * week starting Monday 2024-12-30 is {@code 2025-W01} and 2021-01-03 lies in {@code 2020-W53}),
 * {@code 2025-03} (month), {@code 2025-Q1} (quarter), {@code 2025} (year).
 *
 * <p>Order ({@link Comparable}): by start date, then granularity, then zone id, consistent with
 * {@code equals}; within one granularity and zone this is time order.
 *
 * <p>Immutable, thread-safe, a value type: {@code equals} compares granularity, zone and start.
 * Periods start in the years 1–9999.
 *
 * @since 0.1.0
 */
public final class CalendarPeriod implements Comparable<CalendarPeriod> {
    private static final Comparator<CalendarPeriod> ORDER = Comparator.comparing(CalendarPeriod::start)
            .thenComparing(CalendarPeriod::granularity).thenComparing(p -> p.zone.getId());
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private final Granularity granularity;
    private final ZoneId zone;
    private final LocalDate start;
    private final LocalDate end;
    private final Instant startInstant;
    private final Instant endInstant;

    CalendarPeriod(Granularity granularity, ZoneId zone, LocalDate start) {
        if (start.getYear() < Granularity.MIN_YEAR || start.getYear() > Granularity.MAX_YEAR) {
            throw new IllegalArgumentException("Invalid year for a period start (valid values "
                    + Granularity.MIN_YEAR + " - " + Granularity.MAX_YEAR + "): " + start);
        }
        this.granularity = granularity;
        this.zone = zone;
        this.start = start;
        this.end = granularity.plus(start, 1);
        this.startInstant = start.atStartOfDay(zone).toInstant();
        this.endInstant = end.atStartOfDay(zone).toInstant();
    }

    /**
     * The period with the given label (as {@link #label()} writes it) in the zone. The format
     * decides the granularity: {@code 2025-03-14}, {@code 2025-W03}, {@code 2025-03},
     * {@code 2025-Q1}, {@code 2025}.
     *
     * @throws IllegalArgumentException if the text matches no label format, names a date that does
     *     not exist (such as {@code 2025-02-30}, {@code 2025-13}) or a week the year does not have
     *     ({@code 2025-W53})
     */
    public static CalendarPeriod parse(String label, ZoneId zone) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(zone, "zone");
        String s = label.strip();
        try {
            Matcher m;
            if ((m = DAY.matcher(s)).matches()) {
                return Granularity.DAY.periodOf(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)), zone);
            }
            if ((m = WEEK.matcher(s)).matches()) {
                int year = num(m, 1);
                int week = num(m, 2);
                LocalDate mid = LocalDate.of(year, 6, 1);
                long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).getMaximum();
                if (week < 1 || week > weeks) {
                    throw new IllegalArgumentException("Invalid week in period label " + label
                            + " (valid values 1 - " + weeks + " for " + year + ")");
                }
                LocalDate monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
                return Granularity.WEEK.periodOf(monday, zone);
            }
            if ((m = MONTH.matcher(s)).matches()) {
                return Granularity.MONTH.periodOf(LocalDate.of(num(m, 1), num(m, 2), 1), zone);
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return Granularity.QUARTER.periodOf(LocalDate.of(num(m, 1), 3 * num(m, 2) - 2, 1), zone);
            }
            if ((m = YEAR.matcher(s)).matches()) {
                return Granularity.YEAR.periodOf(LocalDate.of(num(m, 1), 1, 1), zone);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid period label (no such date): " + label, e);
        }
        throw new IllegalArgumentException("Invalid period label (valid formats 2025-03-14, 2025-W03, 2025-03, "
                + "2025-Q1, 2025): " + label);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** The granularity. */
    public Granularity granularity() {
        return granularity;
    }

    /** The zone whose calendar defines the period's instants. */
    public ZoneId zone() {
        return zone;
    }

    /** The first day of the period (a Monday for weeks). */
    public LocalDate start() {
        return start;
    }

    /** The day after the last day of the period (exclusive end: the period is {@code [start, end)}). */
    public LocalDate end() {
        return end;
    }

    /** The last day of the period (inclusive): {@code end().minusDays(1)}, e.g. 2025-03-31 for 2025-03. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** The first instant of the period: the start of its first day in the zone (inclusive). */
    public Instant startInstant() {
        return startInstant;
    }

    /** The first instant after the period: the start of the next period (exclusive). */
    public Instant endInstant() {
        return endInstant;
    }

    /** Whether {@code startInstant() <= instant < endInstant()}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(startInstant) && instant.isBefore(endInstant);
    }

    /** Whether the period contains the local date. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** The following period of the same granularity and zone. */
    public CalendarPeriod next() {
        return plus(1);
    }

    /** The preceding period of the same granularity and zone. */
    public CalendarPeriod previous() {
        return plus(-1);
    }

    /**
     * The period {@code k} periods later (earlier when negative).
     *
     * @throws IllegalArgumentException if the result would start outside the years 1–9999
     */
    public CalendarPeriod plus(long k) {
        LocalDate s;
        try {
            s = granularity.plus(start, k);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("Invalid period offset (result outside the years 1 - 9999): " + k, e);
        }
        return new CalendarPeriod(granularity, zone, s);
    }

    /**
     * The number of periods from this one to {@code other} (negative if other is earlier).
     *
     * @throws IllegalArgumentException if the granularities or zones differ
     */
    public long until(CalendarPeriod other) {
        requireCompatible(other);
        return granularity.between(start, other.start);
    }

    /**
     * The same period one year earlier: the same day (none for 29 February), ISO week number (none
     * for week 53 when the previous week-based year has 52 weeks), month, quarter, or the previous
     * year.
     */
    public Optional<CalendarPeriod> sameLastYear() {
        if (start.getYear() <= Granularity.MIN_YEAR) {
            return Optional.empty();
        }
        switch (granularity) {
            case DAY:
                if (start.getMonthValue() == 2 && start.getDayOfMonth() == 29) {
                    return Optional.empty();
                }
                return Optional.of(new CalendarPeriod(granularity, zone, start.minusYears(1)));
            case WEEK: {
                int weekYear = start.get(IsoFields.WEEK_BASED_YEAR);
                int week = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                LocalDate mid = LocalDate.of(weekYear - 1, 6, 1);
                if (week > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).getMaximum()) {
                    return Optional.empty();
                }
                if (weekYear - 1 < Granularity.MIN_YEAR + 1) {
                    return Optional.empty();
                }
                return Optional.of(new CalendarPeriod(granularity, zone,
                        mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY)));
            }
            default:
                return Optional.of(new CalendarPeriod(granularity, zone, start.minusYears(1)));
        }
    }

    void requireCompatible(CalendarPeriod other) {
        if (granularity != other.granularity || !zone.equals(other.zone)) {
            throw new IllegalArgumentException("Period mismatch: " + granularity + " in " + zone + " / "
                    + other.granularity + " in " + other.zone);
        }
    }

    /** The label: {@code 2025-03-14}, {@code 2025-W03}, {@code 2025-03}, {@code 2025-Q1} or {@code 2025}. */
    public String label() {
        StringBuilder label = new StringBuilder(10);
        switch (granularity) {
            case DAY:
                return start.toString();
            case WEEK:
                pad(label, start.get(IsoFields.WEEK_BASED_YEAR), 4).append("-W");
                return pad(label, start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2).toString();
            case MONTH:
                pad(label, start.getYear(), 4).append('-');
                return pad(label, start.getMonthValue(), 2).toString();
            case QUARTER:
                return pad(label, start.getYear(), 4).append("-Q").append(start.get(IsoFields.QUARTER_OF_YEAR))
                        .toString();
            case YEAR:
                return pad(label, start.getYear(), 4).toString();
            default:
                throw new AssertionError(granularity);
        }
    }

    /** Appends a number zero-padded to a width that includes its sign, as {@code %0<width>d} does. */
    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Long.toString(Math.abs((long) value));
        int room = width;
        if (value < 0) {
            out.append('-');
            room--;
        }
        for (int i = digits.length(); i < room; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    @Override
    public int compareTo(CalendarPeriod other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalendarPeriod other && granularity == other.granularity && start.equals(other.start)
                && zone.equals(other.zone);
    }

    @Override
    public int hashCode() {
        return (granularity.hashCode() * 31 + start.hashCode()) * 31 + zone.hashCode();
    }

    /** The {@link #label()}. */
    @Override
    public String toString() {
        return label();
    }
}
