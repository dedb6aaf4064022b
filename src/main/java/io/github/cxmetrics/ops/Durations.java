package io.github.cxmetrics.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Validation and conversion of response times to whole nanoseconds, shared by the accumulators. */
final class Durations {
    static final double NANOS_PER_MINUTE = 60_000_000_000.0;
    /** The largest accepted duration in minutes: {@link Long#MAX_VALUE} ns, about 292 years. */
    static final double MAX_MINUTES = Long.MAX_VALUE / NANOS_PER_MINUTE;

    private Durations() {
    }

    static long nanos(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Invalid value for response time (valid values >= 0): " + duration);
        }
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException("Invalid value for response time (valid values up to "
                    + Duration.ofNanos(Long.MAX_VALUE) + "): " + duration, tooLong);
        }
    }

    static long nanosOfMinutes(double minutes) {
        if (!(minutes >= 0 && minutes < MAX_MINUTES)) {
            throw new IllegalArgumentException("Invalid value for response time in minutes (valid values 0 - "
                    + MAX_MINUTES + ", not NaN): " + minutes);
        }
        return Math.round(minutes * NANOS_PER_MINUTE);
    }

    static long nanosBetween(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Invalid response time (end must not be before start): start "
                    + start + ", end " + end);
        }
        return nanos(Duration.between(start, end));
    }

    static double minutes(double nanos) {
        return nanos / NANOS_PER_MINUTE;
    }
}
