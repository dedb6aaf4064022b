package io.github.cxmetrics.report;

import io.github.cxmetrics.trend.Granularity;
import io.github.cxmetrics.trend.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

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

    private final Granularity granularity;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final TimestampParser fallback;
    private final long[] windowStart = new long[WINDOWS];
    private final long[] windowEnd = new long[WINDOWS];
    private final int[] windowOffset = new int[WINDOWS];
    private int windows;
    private int nextWindow;
    private Period[] byDay = new Period[0];
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
    Period resolve(String text) {
        long day = fastLocalDay(text);
        if (day == Long.MIN_VALUE) {
            Instant instant = fallback.parse(text);
            day = Math.floorDiv(instant.getEpochSecond() + offsetAt(instant.getEpochSecond()), 86_400);
        }
        return periodOfDay(day);
    }

    /** The period of an instant in the zone. */
    Period resolve(Instant instant) {
        long second = instant.getEpochSecond();
        return periodOfDay(Math.floorDiv(second + offsetAt(second), 86_400));
    }

    /** The local epoch day of the common forms, or Long.MIN_VALUE to use the general parser. */
    long fastLocalDay(String t) {
        int len = t.length();
        if (len < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int y = digits(t, 0, 4);
        int mo = digits(t, 5, 2);
        int d = digits(t, 8, 2);
        if (y < 0 || mo < 0 || d < 0) {
            return Long.MIN_VALUE;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(y, mo, d).toEpochDay();
        } catch (DateTimeException invalid) {
            return Long.MIN_VALUE;
        }
        if (len == 10) {
            return epochDay;
        }
        char sep = t.charAt(10);
        if ((sep != 'T' && sep != ' ') || len < 16 || t.charAt(13) != ':') {
            return Long.MIN_VALUE;
        }
        int h = digits(t, 11, 2);
        int mi = digits(t, 14, 2);
        int s = 0;
        int i = 16;
        if (i < len && t.charAt(i) == ':') {
            s = digits(t, 17, 2);
            i = 19;
            if (i < len && t.charAt(i) == '.') {
                int j = i + 1;
                while (j < len && j - i <= 9 && Character.isDigit(t.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    return Long.MIN_VALUE;
                }
                i = j;
            }
        }
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || i > len) {
            return Long.MIN_VALUE;
        }
        if (i == len) {
            return epochDay; // a local date-time: its day in the zone is the day written
        }
        int offset;
        char c = t.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == len) {
            offset = 0;
        } else if (c == '+' || c == '-') {
            int oh = digits(t, i + 1, 2);
            int om = 0;
            int rest = len - i - 3;
            if (rest == 3 && t.charAt(i + 3) == ':') {
                om = digits(t, i + 4, 2);
            } else if (rest == 2) {
                om = digits(t, i + 3, 2);
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
        return Math.floorDiv(epochSecond + offsetAt(epochSecond), 86_400);
    }

    private static int digits(String t, int from, int count) {
        if (from + count > t.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The zone's offset in seconds at an instant, from cached transition-free windows. */
    int offsetAt(long epochSecond) {
        for (int w = 0; w < windows; w++) {
            if (epochSecond >= windowStart[w] && epochSecond < windowEnd[w]) {
                return windowOffset[w];
            }
        }
        Instant instant = Instant.ofEpochSecond(epochSecond);
        int offset = rules.getOffset(instant).getTotalSeconds();
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        if (!rules.isFixedOffset()) {
            ZoneOffsetTransition previous = rules.previousTransition(instant);
            ZoneOffsetTransition next = rules.nextTransition(instant);
            start = previous == null ? Long.MIN_VALUE : previous.getInstant().getEpochSecond();
            if (previous != null && previous.getOffsetAfter().getTotalSeconds() != offset) {
                start = epochSecond; // the instant is itself a transition: start the window there
            }
            end = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond();
        }
        int w = windows < WINDOWS ? windows++ : (nextWindow++ % WINDOWS);
        windowStart[w] = start;
        windowEnd[w] = end;
        windowOffset[w] = offset;
        return offset;
    }

    private Period periodOfDay(long day) {
        long index = day - firstDay;
        if (byDay.length == 0 || index < 0 || index >= byDay.length) {
            grow(day);
            index = day - firstDay;
        }
        Period p = byDay[(int) index];
        if (p == null) {
            p = granularity.periodOf(LocalDate.ofEpochDay(day), zone);
            byDay[(int) index] = p;
        }
        return p;
    }

    private void grow(long day) {
        if (byDay.length == 0) {
            firstDay = day - 512;
            byDay = new Period[1024];
            return;
        }
        long lo = Math.min(firstDay, day - 512);
        long hi = Math.max(firstDay + byDay.length, day + 512);
        if (hi - lo > 4_000_000) {
            // an absurd span of days: do not cache, but keep correctness
            byDay = new Period[1024];
            firstDay = day - 512;
            return;
        }
        Period[] bigger = new Period[(int) (hi - lo)];
        System.arraycopy(byDay, 0, bigger, (int) (firstDay - lo), byDay.length);
        byDay = bigger;
        firstDay = lo;
    }
}
