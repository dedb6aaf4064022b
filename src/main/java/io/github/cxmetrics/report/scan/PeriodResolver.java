package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Maps a timestamp cell to its period in the report's zone, fast: the common ISO-8601 forms
 * ({@code 2025-03-14}, {@code 2025-03-14T09:30[:00[.123]]}, optionally with {@code Z} or an offset
 * {@code +01:00}/{@code +0100}/{@code +01}) are read by hand, the zone's offset comes from a cache of
 * the intervals between its transitions, and the period from a cache per local day. Anything else
 * goes through {@link TimestampParser} (java.time), so both paths accept exactly the same forms and
 * give the same period (checked by a property test).
 */
final class PeriodResolver {
    private static final int WINDOWS = 16;
    /** Hours a new hour table covers (a year around the first instant), and at most (a century). */
    private static final int HOURS = 24 * 366;
    private static final int MAX_HOURS = 24 * 366 * 100;
    private static final int NO_OFFSET = Integer.MIN_VALUE;

    private final Granularity granularity;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final TimestampParser fallback;
    /** The ASCII bytes of a String timestamp, for the byte-level reader. */
    private final byte[] scratch = new byte[40];
    private final long[] windowStart = new long[WINDOWS];
    private final long[] windowEnd = new long[WINDOWS];
    private final int[] windowOffset = new int[WINDOWS];
    private int windows;
    /** The offset of UTC hour {@code firstHour + i} if the same over the whole hour, else NO_OFFSET. */
    private int[] hourOffsets = new int[0];
    private long firstHour;
    private int nextWindow;
    private CalendarPeriod[] byDay = new CalendarPeriod[0];
    private long firstDay;

    PeriodResolver(Granularity granularity, ZoneId zone) {
        this.granularity = granularity;
        this.zone = zone;
        this.rules = zone.getRules();
        this.fallback = new TimestampParser(zone);
    }

    /**
     * The period of a timestamp.
     *
     * @throws IllegalArgumentException if the text is not an accepted timestamp
     */
    CalendarPeriod resolve(String text) {
        return periodOfDay(localDay(text));
    }

    /** The period of an instant in the zone. */
    CalendarPeriod resolve(Instant instant) {
        return periodOfDay(localDay(instant));
    }

    /**
     * The local epoch day of a timestamp in the zone (whatever the granularity): the day whose
     * period {@link #resolve(String)} gives.
     *
     * @throws IllegalArgumentException if the text is not an accepted timestamp
     */
    long localDay(String text) {
        long day = fastLocalDay(text);
        if (day == Long.MIN_VALUE) {
            Instant instant = fallback.parse(text);
            day = Math.floorDiv(instant.getEpochSecond() + offsetAt(instant.getEpochSecond()), 86_400);
        }
        return requirePeriodYear(day);
    }

    /**
     * The local epoch day of an instant in the zone.
     *
     * @throws IllegalArgumentException if the day lies outside the years a period holds
     */
    long localDay(Instant instant) {
        long second = instant.getEpochSecond();
        return requirePeriodYear(Math.floorDiv(second + offsetAt(second), 86_400));
    }

    /** The first and last local day a {@link CalendarPeriod} holds: years 1 to 9999. */
    private static final long FIRST_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /**
     * The day, checked to lie in the years a period holds, so that a timestamp such as
     * {@code -2025-08-25} is refused where it is read (a bad row naming its cell), not later when
     * its period is formed.
     */
    private static long requirePeriodYear(long day) {
        if (day < FIRST_DAY || day > LAST_DAY) {
            throw new IllegalArgumentException("Invalid year (valid values 1 - 9999): " + LocalDate.ofEpochDay(day));
        }
        return day;
    }

    /** The local epoch day of the common forms, or Long.MIN_VALUE to use the general parser. */
    long fastLocalDay(String t) {
        int len = t.length();
        if (len < 10 || len > scratch.length) {
            return Long.MIN_VALUE;
        }
        for (int i = 0; i < len; i++) {
            char c = t.charAt(i);
            if (c > 0x7F) {
                return Long.MIN_VALUE;
            }
            scratch[i] = (byte) c;
        }
        return fastLocalDay(scratch, 0, len);
    }

    /**
     * The local epoch day of the common forms written in ASCII bytes {@code b[from, to)}, or
     * Long.MIN_VALUE to use the general parser (for any other text, including a date that does not
     * exist such as {@code 2025-02-30}, which the general parser then rejects).
     */
    long fastLocalDay(byte[] t, int from, int to) {
        int len = to - from;
        if (len < 10 || t[from + 4] != '-' || t[from + 7] != '-') {
            return Long.MIN_VALUE;
        }
        if (len == 25 && t[from + 22] == ':' && (t[from + 19] == '+' || t[from + 19] == '-')) {
            long day = cachedLocalDay(t, from);
            if (day != Long.MIN_VALUE) {
                return day;
            }
        }
        int y = two(t, from) * 100 + two(t, from + 2); // negative if any of the four is not a digit
        int mo = two(t, from + 5);
        int d = two(t, from + 8);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > lengthOfMonth(y, mo)) {
            return Long.MIN_VALUE;
        }
        long epochDay = epochDay(y, mo, d);
        if (len == 10) {
            return epochDay;
        }
        byte sep = t[from + 10];
        if ((sep != 'T' && sep != ' ') || len < 16 || t[from + 13] != ':') {
            return Long.MIN_VALUE;
        }
        int h = two(t, from + 11);
        int mi = two(t, from + 14);
        int s = 0;
        int i = from + 16;
        if (i < to && t[i] == ':') {
            s = i + 2 < to ? two(t, from + 17) : -1;
            i = from + 19;
            if (i < to && t[i] == '.') {
                int j = i + 1;
                while (j < to && j - i <= 9 && t[j] >= '0' && t[j] <= '9') {
                    j++;
                }
                if (j == i + 1) {
                    return Long.MIN_VALUE;
                }
                i = j;
            }
        }
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || i > to) {
            return Long.MIN_VALUE;
        }
        if (i == to) {
            return epochDay; // a local date-time: its day in the zone is the day written
        }
        int offset;
        byte c = t[i];
        if ((c == 'Z' || c == 'z') && i + 1 == to) {
            offset = 0;
        } else if (c == '+' || c == '-') {
            int rest = to - i - 3;
            if (rest < 0) {
                return Long.MIN_VALUE;
            }
            int oh = two(t, i + 1);
            int om = 0;
            if (rest == 3 && t[i + 3] == ':') {
                om = two(t, i + 4);
            } else if (rest == 2) {
                om = two(t, i + 3);
            } else if (rest != 0) {
                return Long.MIN_VALUE;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return Long.MIN_VALUE;
            }
            offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
        } else {
            return Long.MIN_VALUE;
        }
        long epochSecond = epochDay * 86_400 + h * 3600L + mi * 60L + s - offset;
        if (len == 25 && t[from + 22] == ':' && (c == '+' || c == '-')) {
            remember(t, from, epochDay * 86_400 - offset);
        }
        return Math.floorDiv(epochSecond + offsetAt(epochSecond), 86_400);
    }

    /*
     * The day cache of the most common form, yyyy-MM-ddTHH:mm:ss+HH:MM (25 bytes): per written date
     * and offset, the start of that written day as an instant (base), and, when the zone's offset z
     * is the same for the whole day after base, the local day of base + z (day0) and the second of
     * the written day from which the local day is day0 + 1 (threshold). A row of that date and
     * offset then needs only its time of day read. Keyed by the bytes of the date and the offset;
     * direct-mapped, DAY_CACHE entries.
     */
    private static final int DAY_CACHE = 4096;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private final long[] cacheDate = new long[DAY_CACHE];
    private final long[] cacheOffset = new long[DAY_CACHE];
    private final long[] cacheDay = new long[DAY_CACHE];
    private final int[] cacheThreshold = new int[DAY_CACHE];

    /** The local day from the cache, or Long.MIN_VALUE if not cached or the time of day is not valid. */
    private long cachedLocalDay(byte[] t, int from) {
        long date = dateKey(t, from);
        long offset = offsetKey(t, from);
        int slot = slot(date, offset);
        if (cacheDate[slot] != date || cacheOffset[slot] != offset) {
            return Long.MIN_VALUE;
        }
        byte sep = t[from + 10];
        if ((sep != 'T' && sep != ' ') || t[from + 13] != ':' || t[from + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int h = two(t, from + 11);
        int mi = two(t, from + 14);
        int s = two(t, from + 17);
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
            return Long.MIN_VALUE;
        }
        int second = h * 3600 + mi * 60 + s;
        return second < cacheThreshold[slot] ? cacheDay[slot] : cacheDay[slot] + 1;
    }

    /** Caches the written day of a valid 25-byte timestamp, if the zone's offset is the same all that day. */
    private void remember(byte[] t, int from, long base) {
        int w = window(base);
        if (windowStart[w] > base || windowEnd[w] - 86_400 < base) {
            return; // the offset changes during the day: read every such row in full
        }
        long local = base + windowOffset[w];
        long day0 = Math.floorDiv(local, 86_400);
        long date = dateKey(t, from);
        long offset = offsetKey(t, from);
        int slot = slot(date, offset);
        cacheDate[slot] = date;
        cacheOffset[slot] = offset;
        cacheDay[slot] = day0;
        cacheThreshold[slot] = (int) (86_400 - (local - day0 * 86_400));
    }

    /** Bytes 2-9 of the timestamp ({@code yy-MM-dd}); with {@link #offsetKey} every byte of the date. */
    private static long dateKey(byte[] t, int from) {
        return (long) WORDS.get(t, from + 2);
    }

    /** Bytes 19-24 (the offset {@code +HH:MM}) and bytes 0-1 (the century) of the timestamp. */
    private static long offsetKey(byte[] t, int from) {
        return (((long) WORDS.get(t, from + 17)) & ~0xFFFFL) | (t[from] & 0xFF) | (t[from + 1] & 0xFF) << 8;
    }

    private static int slot(long date, long offset) {
        return (int) (((date * 0x9E3779B97F4A7C15L) ^ (offset * 0xC2B2AE3D27D4EB4FL)) >>> (64 - 12));
    }

    /**
     * The two ASCII digits at {@code t[i]} and {@code t[i + 1]} as a number, or a negative number
     * (at most -1, and less than -10 000 times any factor it is multiplied by here) if either is not a
     * digit; the caller makes sure both bytes are in the text.
     */
    private static int two(byte[] t, int i) {
        int a = t[i] - '0';
        int b = t[i + 1] - '0';
        return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1_000_000;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days since 1970-01-01 of a valid proleptic Gregorian date (year 0 to 9999): the civil-to-days
     * algorithm of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil), equal
     * to {@code LocalDate.of(year, month, day).toEpochDay()} (checked by a property test).
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /**
     * The zone's offset in seconds at an instant: from a table of the UTC hours whose offset is the
     * same over the whole hour, else from cached transition-free windows.
     */
    int offsetAt(long epochSecond) {
        long hour = Math.floorDiv(epochSecond, 3600);
        long index = hour - firstHour;
        if (index >= 0 && index < hourOffsets.length) {
            int offset = hourOffsets[(int) index];
            if (offset != NO_OFFSET) {
                return offset;
            }
        }
        int w = window(epochSecond);
        if (windowStart[w] <= hour * 3600 && hour * 3600 + 3600 <= windowEnd[w]) {
            rememberHour(hour, windowOffset[w]);
        }
        return windowOffset[w];
    }

    private void rememberHour(long hour, int offset) {
        if (hourOffsets.length == 0 || hour < firstHour || hour >= firstHour + hourOffsets.length) {
            long lo = hourOffsets.length == 0 ? hour - HOURS / 2 : Math.min(firstHour, hour - HOURS / 2);
            long hi = hourOffsets.length == 0 ? hour + HOURS / 2
                    : Math.max(firstHour + hourOffsets.length, hour + HOURS / 2);
            if (hi - lo > MAX_HOURS) {
                return; // instants over a century apart: the windows alone
            }
            int[] bigger = new int[(int) (hi - lo)];
            Arrays.fill(bigger, NO_OFFSET);
            if (hourOffsets.length > 0) {
                System.arraycopy(hourOffsets, 0, bigger, (int) (firstHour - lo), hourOffsets.length);
            }
            hourOffsets = bigger;
            firstHour = lo;
        }
        hourOffsets[(int) (hour - firstHour)] = offset;
    }

    /** The cached transition-free window that holds an instant, found or made. */
    private int window(long epochSecond) {
        for (int w = 0; w < windows; w++) {
            if (epochSecond >= windowStart[w] && epochSecond < windowEnd[w]) {
                return w;
            }
        }
        Instant instant = Instant.ofEpochSecond(epochSecond);
        int offset = rules.getOffset(instant).getTotalSeconds();
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        if (!rules.isFixedOffset()) {
            // the last transition at or before the instant (previousTransition is strictly before;
            // transitions are on whole seconds), and the first one after it
            ZoneOffsetTransition previous = rules.previousTransition(
                    epochSecond < Instant.MAX.getEpochSecond() ? instant.plusSeconds(1) : instant);
            ZoneOffsetTransition next = rules.nextTransition(instant);
            start = previous == null ? Long.MIN_VALUE : previous.getInstant().getEpochSecond();
            end = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond();
        }
        int w = windows < WINDOWS ? windows++ : (nextWindow++ % WINDOWS);
        windowStart[w] = start;
        windowEnd[w] = end;
        windowOffset[w] = offset;
        return w;
    }

    /** The period of a local epoch day in the zone. */
    CalendarPeriod periodOfDay(long day) {
        long index = day - firstDay;
        if (byDay.length == 0 || index < 0 || index >= byDay.length) {
            grow(day);
            index = day - firstDay;
        }
        CalendarPeriod p = byDay[(int) index];
        if (p == null) {
            p = granularity.periodOf(LocalDate.ofEpochDay(day), zone);
            byDay[(int) index] = p;
        }
        return p;
    }

    private void grow(long day) {
        if (byDay.length == 0) {
            firstDay = day - 512;
            byDay = new CalendarPeriod[1024];
            return;
        }
        long lo = Math.min(firstDay, day - 512);
        long hi = Math.max(firstDay + byDay.length, day + 512);
        if (hi - lo > 4_000_000) {
            // an absurd span of days: do not cache, but keep correctness
            byDay = new CalendarPeriod[1024];
            firstDay = day - 512;
            return;
        }
        CalendarPeriod[] bigger = new CalendarPeriod[(int) (hi - lo)];
        System.arraycopy(byDay, 0, bigger, (int) (firstDay - lo), byDay.length);
        byDay = bigger;
        firstDay = lo;
    }
}
