package io.github.cxmetrics.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * The length of a calendar bucket: a day, an ISO week (Monday to Sunday), a month, a quarter or a
 * year, always in the calendar of a given {@link ZoneId}.
 *
 * <p>A bucket is the half-open range {@code [start, end)} from local midnight of its first day to
 * local midnight of the day after its last day (or the first valid local time, where a DST change
 * skips midnight). Every instant therefore falls into exactly one bucket of a granularity and zone,
 * and consecutive buckets tile the time line without gaps or overlaps, whatever the DST changes.
 * A local day that a zone skipped entirely (Samoa's 2011-12-30) is an empty bucket whose start
 * equals its end.
 *
 * <p>{@link #periodOf(Instant, ZoneId)} is called once per response when bucketing; it remembers the
 * last period it returned and answers from it without any date arithmetic while the instants stay
 * in that period (thread-safe: the remembered period is an immutable object).
 *
 * @since 0.1.0
 */
public enum Granularity {
    /** A calendar day; label {@code 2025-03-14}. */
    DAY,
    /** An ISO-8601 week, Monday to Sunday, in its week-based year; label {@code 2025-W03}. */
    WEEK,
    /** A calendar month; label {@code 2025-03}. */
    MONTH,
    /** A calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec); label {@code 2025-Q1}. */
    QUARTER,
    /** A calendar year; label {@code 2025}. */
    YEAR;

    /** The first and last supported year of a period's start. */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    /** The last period returned by periodOf(Instant, ZoneId); immutable, so safely shared. */
    private CalendarPeriod last;

    /**
     * The granularity named by {@code text}: {@code day}, {@code week}, {@code month},
     * {@code quarter} or {@code year} (also {@code daily}, {@code weekly}, {@code monthly},
     * {@code quarterly}, {@code yearly}), ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException for any other text, naming the valid values
     */
    public static Granularity parse(String text) {
        Objects.requireNonNull(text, "text");
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "day": case "daily": return DAY;
            case "week": case "weekly": return WEEK;
            case "month": case "monthly": return MONTH;
            case "quarter": case "quarterly": return QUARTER;
            case "year": case "yearly": return YEAR;
            default:
                throw new IllegalArgumentException(
                        "Invalid value for granularity (valid values day, week, month, quarter, year): " + text);
        }
    }

    /**
     * The period of this granularity that contains the instant, in the zone's calendar.
     *
     * @throws IllegalArgumentException if the local date lies outside the years 1–9999
     */
    public CalendarPeriod periodOf(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        CalendarPeriod p = last;
        if (p != null && (p.zone() == zone || p.zone().equals(zone)) && p.contains(instant)) {
            return p;
        }
        LocalDate date;
        try {
            date = LocalDate.ofInstant(instant, zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("Invalid value for instant (valid years 1 - 9999): " + instant, e);
        }
        p = periodOf(date, zone);
        last = p;
        return p;
    }

    /**
     * The period of this granularity that contains the date, with the zone that gives its instants.
     *
     * @throws IllegalArgumentException if the period would start outside the years 1–9999
     */
    public CalendarPeriod periodOf(LocalDate date, ZoneId zone) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        return new CalendarPeriod(this, zone, startOf(date));
    }

    /**
     * The period of this granularity that contains the date, in UTC.
     *
     * @throws IllegalArgumentException if the period would start outside the years 1–9999
     */
    public CalendarPeriod periodOf(LocalDate date) {
        return periodOf(date, ZoneOffset.UTC);
    }

    /** The first day of the bucket that contains {@code date}. */
    LocalDate startOf(LocalDate date) {
        switch (this) {
            case DAY: return date;
            case WEEK: return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH: return date.withDayOfMonth(1);
            case QUARTER: return date.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR: return date.withDayOfYear(1);
            default: throw new AssertionError(this);
        }
    }

    /** The start of the bucket {@code k} buckets after the one starting at {@code start}. */
    LocalDate plus(LocalDate start, long k) {
        switch (this) {
            case DAY: return start.plusDays(k);
            case WEEK: return start.plusWeeks(k);
            case MONTH: return start.plusMonths(k);
            case QUARTER: return start.plusMonths(3 * k);
            case YEAR: return start.plusYears(k);
            default: throw new AssertionError(this);
        }
    }

    /** The number of buckets from the one starting at {@code from} to the one starting at {@code to}. */
    long between(LocalDate from, LocalDate to) {
        switch (this) {
            case DAY: return ChronoUnit.DAYS.between(from, to);
            case WEEK: return ChronoUnit.WEEKS.between(from, to);
            case MONTH: return ChronoUnit.MONTHS.between(from, to);
            case QUARTER: return ChronoUnit.MONTHS.between(from, to) / 3;
            case YEAR: return ChronoUnit.YEARS.between(from, to);
            default: throw new AssertionError(this);
        }
    }
}
