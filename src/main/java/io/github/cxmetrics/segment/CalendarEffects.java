package io.github.cxmetrics.segment;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.trend.Metric;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
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
        return twoGroups(metric, daily, CalendarEffects::weekend, WEEKEND, WEEKDAY, PLAIN, confidence);
    }

    /**
     * Weekend against weekdays from weighted daily tallies: as
     * {@link #weekendVsWeekday(Metric, Map, double)}, compared by
     * {@link SegmentComparison#ofWeighted} (weighted scores, Kish's effective n).
     *
     * @throws IllegalArgumentException if there are no days, or a scale does not fit the metric
     */
    public static SegmentComparison<String> weekendVsWeekdayWeighted(Metric metric,
            Map<LocalDate, WeightedTally> daily, double confidence) {
        return twoGroups(metric, daily, CalendarEffects::weekend, WEEKEND, WEEKDAY, WEIGHTED, confidence);
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
        return twoGroups(metric, daily, d -> holidays.isHoliday(d) ? HOLIDAY : NORMAL_DAY, HOLIDAY, NORMAL_DAY,
                PLAIN, confidence);
    }

    /**
     * Holidays against all other days from weighted daily tallies: as
     * {@link #holidaysVsNormalDays(Metric, Map, HolidayCalendar, double)}, compared by
     * {@link SegmentComparison#ofWeighted}.
     *
     * @throws IllegalArgumentException if there are no days, a scale does not fit the metric, or a
     *     date lies outside the calendar's years
     */
    public static SegmentComparison<String> holidaysVsNormalDaysWeighted(Metric metric,
            Map<LocalDate, WeightedTally> daily, HolidayCalendar holidays, double confidence) {
        Objects.requireNonNull(holidays, "holidays");
        return twoGroups(metric, daily, d -> holidays.isHoliday(d) ? HOLIDAY : NORMAL_DAY, HOLIDAY, NORMAL_DAY,
                WEIGHTED, confidence);
    }

    /**
     * Each month of the year (all years pooled) against the other months, with the p-values
     * adjusted across months.
     *
     * @throws IllegalArgumentException if there are no days, or a scale does not fit the metric
     */
    public static SegmentComparison<Month> monthOfYear(Metric metric, Map<LocalDate, Tally> daily, double confidence,
            PValueAdjustment adjustment) {
        return PLAIN.compare(metric, byMonth(metric, daily, PLAIN), confidence, adjustment);
    }

    /**
     * Each month of the year against the other months from weighted daily tallies: as
     * {@link #monthOfYear(Metric, Map, double, PValueAdjustment)}, compared by
     * {@link SegmentComparison#ofWeighted}.
     *
     * @throws IllegalArgumentException if there are no days, or a scale does not fit the metric
     */
    public static SegmentComparison<Month> monthOfYearWeighted(Metric metric, Map<LocalDate, WeightedTally> daily,
            double confidence, PValueAdjustment adjustment) {
        return WEIGHTED.compare(metric, byMonth(metric, daily, WEIGHTED), confidence, adjustment);
    }

    private static String weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? WEEKEND : WEEKDAY;
    }

    /** Plain or weighted daily tallies: the scale, an empty one, their sum, and the comparison. */
    private record Kind<T>(Function<T, Scale> scale, Function<Scale, T> empty, BinaryOperator<T> plus,
            Comparing<T> comparing) {
        <K> SegmentComparison<K> compare(Metric metric, Map<K, T> groups, double confidence,
                PValueAdjustment adjustment) {
            return comparing.of(metric, groups, confidence, adjustment);
        }
    }

    private interface Comparing<T> {
        <K> SegmentComparison<K> of(Metric metric, Map<K, T> groups, double confidence, PValueAdjustment adjustment);
    }

    private static final Kind<Tally> PLAIN = new Kind<>(Tally::scale, Tally::empty, Tally::plus,
            new Comparing<>() {
                @Override
                public <K> SegmentComparison<K> of(Metric metric, Map<K, Tally> groups, double confidence,
                        PValueAdjustment adjustment) {
                    return SegmentComparison.of(metric, groups, confidence, adjustment, 0);
                }
            });

    private static final Kind<WeightedTally> WEIGHTED = new Kind<>(WeightedTally::scale, WeightedTally::empty,
            WeightedTally::plus, new Comparing<>() {
                @Override
                public <K> SegmentComparison<K> of(Metric metric, Map<K, WeightedTally> groups, double confidence,
                        PValueAdjustment adjustment) {
                    return SegmentComparison.ofWeighted(metric, groups, confidence, adjustment, 0);
                }
            });

    private static <T> Map<Month, T> byMonth(Metric metric, Map<LocalDate, T> daily, Kind<T> kind) {
        Map<Month, T> groups = new EnumMap<>(Month.class);
        T empty = emptyOf(metric, daily, kind);
        for (Month m : Month.values()) {
            groups.put(m, empty);
        }
        daily.forEach((d, t) -> groups.merge(Objects.requireNonNull(d, "date").getMonth(),
                Objects.requireNonNull(t, "tally"), kind.plus()));
        return groups;
    }

    private static <T> SegmentComparison<String> twoGroups(Metric metric, Map<LocalDate, T> daily,
            Function<LocalDate, String> group, String first, String second, Kind<T> kind, double confidence) {
        T empty = emptyOf(metric, daily, kind);
        Map<String, T> groups = new LinkedHashMap<>();
        groups.put(first, empty);
        groups.put(second, empty);
        daily.forEach((d, t) -> groups.merge(group.apply(Objects.requireNonNull(d, "date")),
                Objects.requireNonNull(t, "tally"), kind.plus()));
        return kind.compare(metric, groups, confidence, PValueAdjustment.NONE);
    }

    private static <T> T emptyOf(Metric metric, Map<LocalDate, T> daily, Kind<T> kind) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(daily, "daily");
        if (daily.isEmpty()) {
            throw new IllegalArgumentException("Invalid calendar comparison: no days");
        }
        Scale scale = kind.scale().apply(Objects.requireNonNull(daily.values().iterator().next(), "tally"));
        metric.requireScale(scale);
        return kind.empty().apply(scale);
    }
}
