package io.github.cxmetrics.report.grouping;

import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.ops.BusinessHours;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The opening hours of a report's business-time response times, as text without a zone:
 * {@code mon-fri 08:30-17:30,sat 10:00-14:00} (the grammar of {@link BusinessHours#parse}). The
 * report places them in its zone with its holidays ({@link #in}).
 *
 * <p>Get one with {@link #parse(String)}; {@link #toString()} gives the text back (stripped).
 * Immutable and thread-safe; a value type compared by its text.
 *
 * @since 0.1
 */
public final class OpeningHours {
    private final String text;

    private OpeningHours(String text) {
        this.text = text;
    }

    /**
     * Reads opening hours, checking them with {@link BusinessHours#parse}.
     *
     * @throws IllegalArgumentException naming the bad part of the specification
     */
    public static OpeningHours parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        BusinessHours.parse(spec, ZoneOffset.UTC, HolidayCalendar.NONE);
        return new OpeningHours(spec.strip());
    }

    /** These opening hours in a zone, closed all day on the holidays. */
    public BusinessHours in(ZoneId zone, HolidayCalendar holidays) {
        return BusinessHours.parse(text, zone, holidays);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningHours other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The specification, as {@link #parse(String)} reads it. */
    @Override
    public String toString() {
        return text;
    }
}
