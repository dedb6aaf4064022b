package io.github.cxmetrics.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways survey tools and spreadsheets write timestamps, and the detection of which one a column
 * uses.
 *
 * <p>Recognised forms (the first non-empty value of a column chooses the form; every value is then
 * read in it):
 * <ul>
 * <li>ISO 8601: {@code 2025-03-01T10:15:30+01:00}, {@code 2025-03-01T09:15:30Z},
 *     {@code 2025-03-01 10:15:30} (Qualtrics), {@code 2025-03-01T10:15}, {@code 2025-03-01};
 * <li>Google Forms download: {@code 2024/01/05 10:22:13 AM GMT+1} (also {@code UTC}, {@code GMT},
 *     {@code GMT+05:30}, or no zone);
 * <li>numeric day and month with the year last, separated by {@code /} or {@code -}, with an
 *     optional time {@code H:mm[:ss]} and {@code AM}/{@code PM}: {@code 4/11/2026 12:33:18} (Google
 *     Sheets), {@code 5/16/2018 12:42} (Excel), {@code 01/08/2023 11:13}, {@code 5-1-2024 10:22}.
 *     Whether the day or the month comes first is decided by the data: a first field above 12
 *     means day first, a second field above 12 month first; a column in which every value reads
 *     both ways is an error that shows both readings;
 * <li>with dots, {@code 05.01.2024 10:22}: always day first (the German and Dutch convention);
 * <li>{@code 01-Aug-23}, {@code 1 Aug 2023 10:22}: day, English month abbreviation, year;
 * <li>Unix epoch seconds (9 or 10 digits) and milliseconds (12 or 13 digits).
 * </ul>
 * A two-digit year {@code yy} is {@code 20yy}. A zone written in the value ({@code GMT+1}, an ISO
 * offset) wins over the zone given for reading. Stateless and thread-safe, except the
 * {@link Detector}, which is not thread-safe.
 */
final class TimestampFormats {

    private TimestampFormats() {
    }

    /** One way of writing a timestamp. Immutable. */
    interface Format {
        /** A name for the layout, such as {@code d/M/yyyy H:mm[:ss]} or {@code ISO-8601}. */
        String name();

        /**
         * Reads a value.
         *
         * @param text the trimmed cell text
         * @param zone the zone of a value that names none
         * @throws DateTimeException if the text is not in this form
         */
        Instant parse(String text, ZoneId zone);
    }

    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T].*)?");
    private static final Pattern GOOGLE = Pattern.compile(
            "(\\d{4})/(\\d{1,2})/(\\d{1,2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp][Mm]))?"
            + "(?:\\s+(?:GMT|UTC)([+-]\\d{1,2}(?::?\\d{2})?)?)?");
    private static final String TIME = "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp][Mm]))?)?";
    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})" + TIME);
    private static final Pattern DASH = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4}|\\d{2})" + TIME);
    private static final Pattern DOT = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})" + TIME);
    private static final Pattern MONTH_NAME = Pattern.compile("(\\d{1,2})[- ]([A-Za-z]{3})[- ](\\d{4}|\\d{2})" + TIME);
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,10}");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,13}");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    /** ISO 8601 date-times with or without offset, and dates. */
    static final Format ISO_8601 = new Format() {
        @Override
        public String name() {
            return "ISO-8601";
        }

        @Override
        public Instant parse(String text, ZoneId zone) {
            if (!ISO.matcher(text).matches()) {
                throw new DateTimeException("not ISO-8601");
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            String t = text.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            }
        }
    };

    /** The Google Forms download: {@code 2024/01/05 10:22:13 AM GMT+1}. */
    static final Format GOOGLE_FORMS = new Format() {
        @Override
        public String name() {
            return "yyyy/M/d h:mm:ss a [GMT+H]";
        }

        @Override
        public Instant parse(String text, ZoneId zone) {
            Matcher m = matching(GOOGLE, text);
            LocalDateTime local = LocalDateTime.of(LocalDate.of(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), java.time.LocalTime.MIDNIGHT)
                    .withHour(hour(m.group(4), m.group(7))).withMinute(Integer.parseInt(m.group(5)))
                    .withSecond(m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            boolean zoneWritten = text.contains("GMT") || text.contains("UTC");
            if (!zoneWritten) {
                return local.atZone(zone).toInstant();
            }
            return local.toInstant(m.group(8) == null ? ZoneOffset.UTC : offset(m.group(8)));
        }
    };

    /** Unix epoch seconds. */
    static final Format EPOCH_SECONDS_FORMAT = epoch("epoch seconds", EPOCH_SECONDS, false);
    /** Unix epoch milliseconds. */
    static final Format EPOCH_MILLIS_FORMAT = epoch("epoch milliseconds", EPOCH_MILLIS, true);

    private static Format epoch(String name, Pattern pattern, boolean millis) {
        return new Format() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Instant parse(String text, ZoneId zone) {
                matching(pattern, text);
                long value = Long.parseLong(text);
                return millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
        };
    }

    /** Day, English month abbreviation, year: {@code 01-Aug-23}. */
    static final Format DAY_MONTH_NAME = new Format() {
        @Override
        public String name() {
            return "d-MMM-yy [H:mm[:ss]]";
        }

        @Override
        public Instant parse(String text, ZoneId zone) {
            Matcher m = matching(MONTH_NAME, text);
            int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
            if (month == 0) {
                throw new DateTimeException("unknown month " + m.group(2));
            }
            return dateTime(Integer.parseInt(m.group(1)), month, m, 3).atZone(zone).toInstant();
        }
    };

    /**
     * Numeric day and month with the year last.
     *
     * @param separator {@code '/'}, {@code '-'} or {@code '.'}
     * @param dayFirst  whether the first field is the day
     */
    static Format numeric(char separator, boolean dayFirst) {
        Pattern pattern = separator == '/' ? SLASH : separator == '-' ? DASH : DOT;
        String s = String.valueOf(separator);
        String name = (dayFirst ? "d" + s + "M" : "M" + s + "d") + s + "yyyy [H:mm[:ss]]";
        return new Format() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Instant parse(String text, ZoneId zone) {
                Matcher m = matching(pattern, text);
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                return dateTime(dayFirst ? first : second, dayFirst ? second : first, m, 3).atZone(zone).toInstant();
            }
        };
    }

    /**
     * A {@link DateTimeFormatter} pattern chosen by the user, such as {@code d/M/yyyy H:mm}; a
     * pattern without time reads the start of the day, one with a zone or offset reads it.
     *
     * @throws IllegalArgumentException if the pattern is not a valid pattern
     */
    static Format ofPattern(String pattern) {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(Objects.requireNonNull(pattern, "pattern"), Locale.ROOT);
        return new Format() {
            @Override
            public String name() {
                return pattern;
            }

            @Override
            public Instant parse(String text, ZoneId zone) {
                TemporalAccessor t = formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from,
                        LocalDateTime::from, LocalDate::from);
                if (t instanceof ZonedDateTime z) {
                    return z.toInstant();
                }
                if (t instanceof OffsetDateTime o) {
                    return o.toInstant();
                }
                if (t instanceof LocalDateTime l) {
                    return l.atZone(zone).toInstant();
                }
                return ((LocalDate) t).atStartOfDay(zone).toInstant();
            }
        };
    }

    private static Matcher matching(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            throw new DateTimeException("not in the form");
        }
        return m;
    }

    /** Builds a local date-time from a day, a month and the year and time groups from {@code yearGroup} on. */
    private static LocalDateTime dateTime(int day, int month, Matcher m, int yearGroup) {
        String y = m.group(yearGroup);
        int year = y.length() == 2 ? 2000 + Integer.parseInt(y) : Integer.parseInt(y);
        LocalDate date = LocalDate.of(year, month, day);
        if (m.group(yearGroup + 1) == null) {
            return date.atStartOfDay();
        }
        String seconds = m.group(yearGroup + 3);
        return date.atTime(hour(m.group(yearGroup + 1), m.group(yearGroup + 4)), Integer.parseInt(m.group(yearGroup + 2)),
                seconds == null ? 0 : Integer.parseInt(seconds));
    }

    private static int hour(String h, String amPm) {
        int hour = Integer.parseInt(h);
        if (amPm == null) {
            return hour;
        }
        if (hour < 1 || hour > 12) {
            throw new DateTimeException("Invalid value for hour with AM/PM (valid values 1 - 12): " + hour);
        }
        boolean pm = amPm.equalsIgnoreCase("PM");
        return hour % 12 + (pm ? 12 : 0);
    }

    private static ZoneOffset offset(String text) {
        String sign = text.substring(0, 1);
        String rest = text.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (rest.length() <= 2) {
            hours = Integer.parseInt(rest);
        } else {
            hours = Integer.parseInt(rest.substring(0, rest.length() - 2));
            minutes = Integer.parseInt(rest.substring(rest.length() - 2));
        }
        int s = sign.equals("-") ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(s * hours, s * minutes);
    }

    /**
     * Decides the form of a column from its values, fed in file order. Not thread-safe.
     */
    static final class Detector {
        private final String column;
        private final int columnNumber;
        private Format decided;
        private Pattern numericPattern;
        private char separator;
        private boolean dayFirstPossible = true;
        private boolean monthFirstPossible = true;
        private String firstValue;
        private long firstLine;

        /**
         * @param column       the column's name, for messages
         * @param columnNumber the 1-based column, for messages
         */
        Detector(String column, int columnNumber) {
            this.column = column;
            this.columnNumber = columnNumber;
        }

        /**
         * Takes the next non-empty value.
         *
         * @return whether the form is decided, so that no more values are needed
         * A value in no recognised form is passed over: it is a bad value of its row when the row
         * is read; when no value is recognised the form is ISO-8601, so every row says so.
         */
        boolean accept(String value, long line) {
            if (decided != null) {
                return true;
            }
            if (numericPattern == null) {
                decided = firstForm(value);
                if (decided != null) {
                    return true;
                }
                if (numericPattern == null) {
                    return false; // in no recognised form: a bad value of its row, where the row is read
                }
                firstValue = value;
                firstLine = line;
            }
            Matcher m = numericPattern.matcher(value);
            if (!m.matches()) {
                return false;
            }
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            dayFirstPossible &= first >= 1 && first <= 31 && second >= 1 && second <= 12;
            monthFirstPossible &= first >= 1 && first <= 12 && second >= 1 && second <= 31;
            if (!dayFirstPossible && !monthFirstPossible) {
                throw new CsvValueException(line, columnNumber, "timestamp fits neither day-first nor month-first"
                        + " together with the values before it; give its pattern with --timestamp-format PATTERN", value);
            }
            if (dayFirstPossible != monthFirstPossible) {
                decided = numeric(separator, dayFirstPossible);
            }
            return decided != null;
        }

        private Format firstForm(String value) {
            if (ISO.matcher(value).matches()) {
                return ISO_8601;
            }
            if (GOOGLE.matcher(value).matches()) {
                return GOOGLE_FORMS;
            }
            if (EPOCH_SECONDS.matcher(value).matches()) {
                return EPOCH_SECONDS_FORMAT;
            }
            if (EPOCH_MILLIS.matcher(value).matches()) {
                return EPOCH_MILLIS_FORMAT;
            }
            if (MONTH_NAME.matcher(value).matches()) {
                return DAY_MONTH_NAME;
            }
            if (DOT.matcher(value).matches()) {
                return numeric('.', true);
            }
            for (Pattern p : List.of(SLASH, DASH)) {
                if (p.matcher(value).matches()) {
                    numericPattern = p;
                    separator = p == SLASH ? '/' : '-';
                    accept(value, firstLine);
                    return decided;
                }
            }
            return null;
        }

        /**
         * Returns the decided form, or the ISO form when the column had no value.
         *
         * @throws CsvFormatException if every value read both day first and month first
         */
        Format result() {
            if (decided != null) {
                return decided;
            }
            if (numericPattern == null) {
                return ISO_8601;
            }
            Format dayFirst = numeric(separator, true);
            Format monthFirst = numeric(separator, false);
            ZoneId utc = ZoneOffset.UTC;
            throw new CsvFormatException(firstLine, columnNumber, "ambiguous timestamps in column \"" + column
                    + "\": every value reads both day first and month first, e.g. \"" + firstValue + "\" is "
                    + LocalDateTime.ofInstant(dayFirst.parse(firstValue, utc), utc) + " (day first) or "
                    + LocalDateTime.ofInstant(monthFirst.parse(firstValue, utc), utc) + " (month first);"
                    + " choose with --timestamp-format PATTERN (" + patternOf(true) + " or " + patternOf(false) + ")");
        }

        /**
         * A {@link DateTimeFormatter} pattern that reads the first value, day or month first: a
         * two-digit year is {@code yy}, seconds and {@code AM}/{@code PM} as the value has them.
         */
        private String patternOf(boolean dayFirst) {
            Matcher m = numericPattern.matcher(firstValue);
            if (!m.matches()) {
                throw new IllegalStateException("first value no longer matches: " + firstValue);
            }
            String s = String.valueOf(separator);
            String date = (dayFirst ? "d" + s + "M" : "M" + s + "d") + s + (m.group(3).length() == 2 ? "yy" : "yyyy");
            if (m.group(4) == null) {
                return date;
            }
            boolean amPm = m.group(7) != null;
            String between = firstValue.charAt(m.end(3)) == 'T' ? "'T'" : " ";
            String time = (amPm ? "h" : "H") + ":mm" + (m.group(6) == null ? "" : ":ss");
            if (amPm) {
                time += (m.start(7) > m.end(m.group(6) == null ? 5 : 6) ? " " : "") + "a";
            }
            return date + between + time;
        }
    }
}
