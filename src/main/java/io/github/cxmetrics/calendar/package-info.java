/**
 * The calendar that every time-based view shares: {@link io.github.cxmetrics.calendar.Granularity}
 * (day, ISO week, month, quarter, year), {@link io.github.cxmetrics.calendar.CalendarPeriod} (one
 * half-open bucket in a zone) and {@link io.github.cxmetrics.calendar.HolidayCalendar} (which dates
 * are holidays). Depends on nothing but {@code java.time}.
 */
package io.github.cxmetrics.calendar;
