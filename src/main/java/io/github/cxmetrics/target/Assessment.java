package io.github.cxmetrics.target;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The status of a {@link Target} with the reason and the numbers that decided it.
 *
 * <p>Get one from {@link Target.Evaluation#evaluate()}. The estimate is the current score for a
 * level target, the change from the baseline for a change target; its limits are the interval at
 * the evaluation's confidence. The projection is present when the status came from projecting the
 * trend to the deadline's period. Absent numbers are empty optionals, never NaN.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Assessment {
    private final Target target;
    private final TargetStatus status;
    private final String reason;
    private final long n;
    private final double confidence;
    private final LocalDate asOf;
    private final double[] estimate;
    private final Comparison comparison;
    private final CalendarPeriod projectedPeriod;
    private final double[] projection;
    /** The probability of meeting the target by the deadline, the change per period it needs, the trend's slope. */
    private final double[] odds;

    private Assessment(Builder b, TargetStatus status, String reason) {
        this.target = b.target;
        this.status = status;
        this.reason = reason;
        this.n = b.n;
        this.confidence = b.confidence;
        this.asOf = b.asOf;
        this.estimate = b.estimate;
        this.comparison = b.comparison;
        this.projectedPeriod = b.projectedPeriod;
        this.projection = b.projection;
        this.odds = b.odds;
    }

    /** The target. */
    public Target target() {
        return target;
    }

    /** The status. */
    public TargetStatus status() {
        return status;
    }

    /** A sentence with the numbers that decided the status. */
    public String reason() {
        return reason;
    }

    /** The number of current responses. */
    public long n() {
        return n;
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return confidence;
    }

    /** The evaluation date, if given. */
    public Optional<LocalDate> asOf() {
        return Optional.ofNullable(asOf);
    }

    /** The current score (level target) or change from the baseline (change target). */
    public OptionalDouble estimate() {
        return estimate == null ? OptionalDouble.empty() : OptionalDouble.of(estimate[0]);
    }

    /** The lower limit of the estimate's interval. */
    public OptionalDouble lower() {
        return estimate == null ? OptionalDouble.empty() : OptionalDouble.of(estimate[1]);
    }

    /** The upper limit of the estimate's interval. */
    public OptionalDouble upper() {
        return estimate == null ? OptionalDouble.empty() : OptionalDouble.of(estimate[2]);
    }

    /** For a change target: current − baseline with its test. */
    public Optional<Comparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** The period the trend was projected to (the one containing the deadline). */
    public Optional<CalendarPeriod> projectedPeriod() {
        return Optional.ofNullable(projectedPeriod);
    }

    /** The projected level (or change, for a change target) at the deadline. */
    public OptionalDouble projected() {
        return projection == null ? OptionalDouble.empty() : OptionalDouble.of(projection[0]);
    }

    /** The lower limit of the projection. */
    public OptionalDouble projectedLower() {
        return projection == null ? OptionalDouble.empty() : OptionalDouble.of(projection[1]);
    }

    /** The upper limit of the projection. */
    public OptionalDouble projectedUpper() {
        return projection == null ? OptionalDouble.empty() : OptionalDouble.of(projection[2]);
    }

    /**
     * The probability that the measure will meet the target at the deadline, from the trend's
     * prediction interval of the deadline period's score ({@link io.github.cxmetrics.trend.Trend#probabilityAtLeast}
     * at the trend's mean responses per period; for a change target, combined with the baseline's
     * uncertainty in a normal approximation); empty without a deadline ahead or a trend.
     */
    public OptionalDouble probabilityMet() {
        return odds == null ? OptionalDouble.empty() : OptionalDouble.of(odds[0]);
    }

    /**
     * The change per period the measure needs from now to the deadline's period, (target − current
     * estimate) / periods left, to compare with {@link #trendSlope()}; empty when
     * {@link #probabilityMet()} is.
     */
    public OptionalDouble requiredPace() {
        return odds == null ? OptionalDouble.empty() : OptionalDouble.of(odds[1]);
    }

    /** The trend's slope per period that {@link #requiredPace()} is compared with. */
    public OptionalDouble trendSlope() {
        return odds == null ? OptionalDouble.empty() : OptionalDouble.of(odds[2]);
    }

    @Override
    public String toString() {
        return target + ": " + status + " - " + reason;
    }

    /** Collects the numbers while a target is assessed. */
    static final class Builder {
        private final Target target;
        private final long n;
        private final double confidence;
        private final LocalDate asOf;
        private double[] estimate;
        private Comparison comparison;
        private CalendarPeriod projectedPeriod;
        private double[] projection;
        private double[] odds;

        Builder(Target target, long n, double confidence, LocalDate asOf) {
            this.target = target;
            this.n = n;
            this.confidence = confidence;
            this.asOf = asOf;
        }

        void estimate(double value, double lower, double upper) {
            this.estimate = new double[] {value, lower, upper};
        }

        void comparison(Comparison c) {
            this.comparison = c;
        }

        void projection(CalendarPeriod period, double value, double lower, double upper) {
            this.projectedPeriod = period;
            this.projection = new double[] {value, lower, upper};
        }

        void odds(double probability, double requiredPace, double slope) {
            this.odds = new double[] {probability, requiredPace, slope};
        }

        LocalDate asOf() {
            return asOf;
        }

        /** The estimate's value, or NaN before it is set. */
        double estimateValue() {
            return estimate == null ? Double.NaN : estimate[0];
        }

        Assessment status(TargetStatus status, String reason) {
            return new Assessment(this, Objects.requireNonNull(status), Objects.requireNonNull(reason));
        }
    }
}
