package io.github.cxmetrics.ops;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Which local dates are holidays, for {@link BusinessHours}: a holiday is closed all day, whatever
 * the opening hours of its weekday.
 *
 * <p>Get one with {@link #of(Set)} from a set of dates, use {@link #NONE}, or implement this
 * functional interface with any rule (a calendar from another package, a lookup in a table). An
 * implementation must be thread-safe and must answer the same for the same date every time.
 */
@FunctionalInterface
public interface HolidayCalendar {

    /** A calendar without holidays. */
    HolidayCalendar NONE = date -> false;

    /**
     * Whether the date is a holiday.
     *
     * @param date a local date in the zone of the business hours
     * @return true if the business is closed all day
     */
    boolean isHoliday(LocalDate date);

    /**
     * A calendar of exactly these dates (copied; later changes to the set are not seen).
     *
     * @throws NullPointerException if the set or an element is null
     */
    static HolidayCalendar of(Set<LocalDate> dates) {
        Set<LocalDate> copy = Set.copyOf(Objects.requireNonNull(dates, "dates"));
        return copy::contains;
    }
}
