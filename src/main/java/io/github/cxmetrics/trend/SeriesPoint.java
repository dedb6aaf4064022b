package io.github.cxmetrics.trend;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One period of a {@link Series}: its tally, score and interval, the change against the preceding
 * non-overlapping window, and the control-limit verdict.
 *
 * <p>Absent values are empty optionals, never NaN: an empty period has no score, interval, change
 * or limits; a CES period with one response has a score but no interval; the change is absent when
 * either side has no interval or the test is undefined ({@link Metric#compareIfDefined}).
 *
 * <p>In a rolling series the point is labelled with the last period of its window, and its tally
 * is the sum of the window's periods; {@link #windowStart()} gives the first day of the window.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SeriesPoint {
    private final CalendarPeriod period;
    private final LocalDate windowStart;
    private final int windowPeriods;
    private final Tally tally;
    private final WeightedTally weightedTally;
    private final Double score;
    private final Interval interval;
    private final Comparison change;
    private final ControlLimits limits;

    SeriesPoint(CalendarPeriod period, LocalDate windowStart, int windowPeriods, Tally tally, WeightedTally weightedTally,
            Double score, Interval interval, Comparison change, ControlLimits limits) {
        this.weightedTally = weightedTally;
        this.period = period;
        this.windowStart = windowStart;
        this.windowPeriods = windowPeriods;
        this.tally = tally;
        this.score = score;
        this.interval = interval;
        this.change = change;
        this.limits = limits;
    }

    /** The period (for rolling windows: the last period of the window). */
    public CalendarPeriod period() {
        return period;
    }

    /** The first day of the window: the period's start, or the rolling window's start. */
    public LocalDate windowStart() {
        return windowStart;
    }

    /** The number of periods the tally covers: 1, or the rolling window's length in periods. */
    public int windowPeriods() {
        return windowPeriods;
    }

    /** The responses of the period (or window). */
    public Tally tally() {
        return tally;
    }

    /**
     * The responses of the period (or window) with their weights, for a point of a weighted series
     * ({@link Series#ofWeighted}); empty for an unweighted series.
     */
    public Optional<WeightedTally> weightedTally() {
        return Optional.ofNullable(weightedTally);
    }

    /** The number of responses (unweighted, also in a weighted series). */
    public long n() {
        return tally.n();
    }

    /** Whether the period has no responses (an explicit gap). */
    public boolean isEmpty() {
        return tally.isEmpty();
    }

    /**
     * The score in display units (weighted in a weighted series); empty when the period has no
     * responses (or, weighted, no weight).
     */
    public OptionalDouble score() {
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    /** The interval at the series' confidence; empty when too few responses. */
    public Optional<Interval> interval() {
        return Optional.ofNullable(interval);
    }

    /**
     * This period minus the preceding non-overlapping one (the previous period; for a rolling
     * window of k periods, the window k periods earlier), with the metric's default test.
     */
    public Optional<Comparison> change() {
        return Optional.ofNullable(change);
    }

    /**
     * The control limits at this period's n (Kish's effective n in a weighted series); empty for an
     * empty period or an undefined centre.
     */
    public Optional<ControlLimits> controlLimits() {
        return Optional.ofNullable(limits);
    }

    /** Whether the score lies outside its control limits. */
    public boolean isOutOfControl() {
        return limits != null && score != null && limits.isOutside(score);
    }

    @Override
    public String toString() {
        return "SeriesPoint[" + period + ", n=" + tally.n() + (score == null ? "" : ", score=" + score)
                + (isOutOfControl() ? ", out of control" : "") + "]";
    }
}
