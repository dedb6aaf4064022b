package io.github.cxmetrics.report.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps of an export: ISO-8601 date-times with an offset or {@code Z}
 * ({@code 2025-03-14T09:30:00+01:00}; also {@code +0100} and {@code +01}), local date-times interpreted in the report's zone
 * ({@code 2025-03-14T09:30:00}, also with a space instead of {@code T}), and dates (the start of
 * that day in the zone).
 */
final class TimestampParser {
    private final ZoneId zone;

    TimestampParser(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @throws IllegalArgumentException if the text is none of the accepted forms
     */
    Instant parse(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            char last = t.charAt(t.length() - 1);
            boolean hasOffset = last == 'Z' || last == 'z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10;
            if (hasOffset) {
                return OffsetDateTime.parse(normalizeOffset(t.replace('z', 'Z'))).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a timestamp: " + text, e);
        }
    }

    /** {@code +0100} and {@code +01} as {@code +01:00}, which java.time's ISO parser requires. */
    private static String normalizeOffset(String t) {
        int sign = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
        if (sign <= 10) {
            return t;
        }
        String offset = t.substring(sign + 1);
        if (offset.length() == 4 && offset.chars().allMatch(Character::isDigit)) {
            return t.substring(0, sign + 1) + offset.substring(0, 2) + ":" + offset.substring(2);
        }
        if (offset.length() == 2 && offset.chars().allMatch(Character::isDigit)) {
            return t + ":00";
        }
        return t;
    }
}
