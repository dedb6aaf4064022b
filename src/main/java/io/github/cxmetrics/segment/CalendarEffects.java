package io.github.cxmetrics.segment;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.trend.Metric;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Calendar effects from daily tallies: weekend against weekdays, holidays against normal days, and
 * each month of the year against the other months. Each is a {@link SegmentComparison} of calendar
 * groups, so every group carries its score, interval and a test against the rest.
 *
 * <p>The input is a tally per local date (for example the points of a daily
 * {@link io.github.cxmetrics.trend.Series}, or responses bucketed with
 * {@code Granularity.DAY.periodOf(instant, zone).start()}): the zone that decides what a weekend
 * or holiday is, is the zone used to bucket the days.
 *
 * <p>Groups are always present, with an empty tally when there are no responses. Two-group
 * comparisons are not corrected (one hypothesis); month of year is corrected across the months
 * with data. Holidays are compared with every other day, weekends included; filter the days first
 * to compare holidays with weekdays only.
 *
 * @since 0.1.0
 */
public final class CalendarEffects {
    /** The key of Saturdays and Sundays. */
    public static final String WEEKEND = "weekend";
    /** The key of Mondays to Fridays. */
    public static final String WEEKDAY = "weekday";
    /** The key of holidays. */
    public static final String HOLIDAY = "holiday";
    /** The key of days that are not holidays. */
    public static final String NORMAL_DAY = "normal day";

    private CalendarEffects() {
    }

    /**
     * Weekend (Saturday, Sunday) against weekdays: {@code segment(WEEKEND).vsRest()} is weekend −
     * weekday.
     *
     * @throws IllegalArgumentException if there are no days, or a scale does not fit the metric
     */
    public static SegmentComparison<String> weekendVsWeekday(Metric metric, Map<LocalDate, Tally> daily,
            double confidence) {
        return twoGroups(metric, daily, confidence, d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY ? WEEKEND : WEEKDAY, WEEKEND, WEEKDAY);
    }

    /**
     * Holidays against all other days: {@code segment(HOLIDAY).vsRest()} is holiday − normal day.
     *
     * @throws IllegalArgumentException if there are no days, a scale does not fit the metric, or a
     *     date lies outside the calendar's years
     */
    public static SegmentComparison<String> holidaysVsNormalDays(Metric metric, Map<LocalDate, Tally> daily,
            HolidayCalendar holidays, double confidence) {
        Objects.requireNonNull(holidays, "holidays");
        return twoGroups(metric, daily, confidence, d -> holidays.isHoliday(d) ? HOLIDAY : NORMAL_DAY, HOLIDAY,
                NORMAL_DAY);
    }

    /**
     * Each month of the year (all years pooled) against the other months, with the p-values
     * adjusted across months.
     *
     * @throws IllegalArgumentException if there are no days, or a scale does not fit the metric
     */
    public static SegmentComparison<Month> monthOfYear(Metric metric, Map<LocalDate, Tally> daily, double confidence,
            PValueAdjustment adjustment) {
        Map<Month, Tally> groups = new EnumMap<>(Month.class);
        Tally empty = emptyOf(metric, daily);
        for (Month m : Month.values()) {
            groups.put(m, empty);
        }
        daily.forEach((d, t) -> groups.merge(Objects.requireNonNull(d, "date").getMonth(), t, Tally::plus));
        return SegmentComparison.of(metric, groups, confidence, adjustment, 0);
    }

    private static SegmentComparison<String> twoGroups(Metric metric, Map<LocalDate, Tally> daily, double confidence,
            Function<LocalDate, String> group, String first, String second) {
        Tally empty = emptyOf(metric, daily);
        Map<String, Tally> groups = new LinkedHashMap<>();
        groups.put(first, empty);
        groups.put(second, empty);
        daily.forEach((d, t) -> groups.merge(group.apply(Objects.requireNonNull(d, "date")), t, Tally::plus));
        return SegmentComparison.of(metric, groups, confidence, PValueAdjustment.NONE, 0);
    }

    private static Tally emptyOf(Metric metric, Map<LocalDate, Tally> daily) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(daily, "daily");
        if (daily.isEmpty()) {
            throw new IllegalArgumentException("Invalid calendar comparison: no days");
        }
        Tally any = Objects.requireNonNull(daily.values().iterator().next(), "tally");
        metric.requireScale(any.scale());
        return Tally.empty(any.scale());
    }
}
