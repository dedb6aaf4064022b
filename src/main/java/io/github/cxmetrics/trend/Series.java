package io.github.cxmetrics.trend;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A metric over consecutive periods: one {@link SeriesPoint} per period from the first to the last,
 * with empty periods kept as explicit gaps, each with its score, interval, change against the
 * previous period and control limits; plus the {@link Trend} line, rolling windows and
 * period-to-period comparisons.
 *
 * <p>Get one with {@link #of(Metric, SortedMap)} from tallies per period, or with a
 * {@link #builder(Metric, Scale, Granularity, ZoneId)} fed responses or tallies:
 *
 * <pre>{@code
 * Series weekly = Series.builder(Metric.NPS, NpsScale.STANDARD, Granularity.WEEK, ZoneId.of("Europe/Amsterdam"))
 *         .add(submittedAt, score)          // per response
 *         .build();
 * for (SeriesPoint p : weekly.points()) { p.period().label(); p.score(); p.interval(); p.change(); p.isOutOfControl(); }
 * }</pre>
 *
 * <p>Change: each point against the preceding non-overlapping window, with the metric's default
 * two-group test ({@link Metric#compare(Tally, Tally, double)}); other pairs with
 * {@link #compare(CalendarPeriod, CalendarPeriod)} and {@link #yearOverYear(CalendarPeriod)}.
 *
 * <p>Control limits: see {@link ControlLimits}; the centre and σ₀ come from all responses of the
 * series (for a rolling series: of the underlying periods, each counted once), z = 3 unless given.
 *
 * <p>Rolling windows ({@link #rolling(int)}, {@link #rolling(Duration)}) add the tallies of the
 * periods in each window (exact; never an average of scores), so a window's score equals the score
 * of its responses pooled.
 *
 * <p>Weighted series ({@link #ofWeighted(Metric, SortedMap, double, double)}, from
 * {@link WeightedTally WeightedTallies}): every score, interval and change is the weighted one
 * ({@link Metric#score(WeightedTally)}, {@link Metric#compare(WeightedTally, WeightedTally, double)}),
 * and wherever a variance needs a number of responses, Kish's effective n<sub>eff</sub> =
 * (Σw)²/Σw² of the period takes the place of n (Kish 1965, <i>Survey Sampling</i>, §11.7; Kish
 * 1992, J. Official Statistics 8(2):183–200, Var(ȳ<sub>w</sub>) ≈ σ²/n<sub>eff</sub>): the control
 * limits are centre ± z·σ₀/√n<sub>eff,t</sub> with centre and σ₀ the weighted score and per-response
 * spread of all responses pooled, and the trend line weighs each period's weighted score by its
 * n<sub>eff,t</sub> ({@link Trend}). A period whose responses all have weight 0 has no score. With
 * all weights 1 a weighted series gives the same numbers as the unweighted one.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Series {
    /** The default control-limit multiple (Shewhart's 3σ). */
    public static final double DEFAULT_CONTROL_LIMIT_Z = 3;

    private final Metric metric;
    private final double confidence;
    private final double controlLimitZ;
    private final List<CalendarPeriod> periods;
    private final List<Tally> base;
    /** The weighted tallies of the base periods, or null for an unweighted series. */
    private final List<WeightedTally> weightedBase;
    private final Tally total;
    private final WeightedTally weightedTotal;
    private final int rollingPeriods;
    private final List<SeriesPoint> points;
    private final Map<CalendarPeriod, Integer> index;
    private final Trend trend;

    /**
     * @param first base index of each point's window
     * @param last base index of each point's last period
     */
    private Series(Metric metric, double confidence, double controlLimitZ, List<CalendarPeriod> periods, List<Tally> base,
            List<WeightedTally> weightedBase, int rollingPeriods, int[] first, int[] last) {
        this.metric = metric;
        this.confidence = confidence;
        this.controlLimitZ = controlLimitZ;
        this.periods = periods;
        this.base = base;
        this.weightedBase = weightedBase;
        this.rollingPeriods = rollingPeriods;
        Tally sum = Tally.empty(base.get(0).scale());
        for (Tally t : base) {
            sum = sum.plus(t);
        }
        this.total = sum;
        this.weightedTotal = weightedBase == null ? null : sumOf(weightedBase, 0, weightedBase.size() - 1);
        boolean weighted = weightedBase != null;
        boolean limitsDefined = weighted ? metric.hasInterval(weightedTotal) : metric.hasInterval(total);
        double centre = !limitsDefined ? 0 : weighted ? metric.score(weightedTotal) : metric.score(total);
        double sigma = !limitsDefined ? 0
                : Math.sqrt(weighted ? metric.unitVariance(weightedTotal) : metric.unitVariance(total));
        double lo = metric.minScore(total.scale());
        double hi = metric.maxScore(total.scale());

        List<SeriesPoint> out = new ArrayList<>(first.length);
        Map<CalendarPeriod, Integer> idx = new HashMap<>();
        Map<Integer, Integer> pointOfLastBase = new HashMap<>();
        for (int i = 0; i < first.length; i++) {
            Tally t = base.get(first[i]);
            for (int j = first[i] + 1; j <= last[i]; j++) {
                t = t.plus(base.get(j));
            }
            WeightedTally wt = weighted ? sumOf(weightedBase, first[i], last[i]) : null;
            Double score;
            Interval interval;
            Comparison change = null;
            Integer before = pointOfLastBase.get(first[i] - 1);
            boolean hasScore;
            double n;
            if (weighted) {
                hasScore = metric.hasScore(wt);
                score = hasScore ? metric.score(wt) : null;
                interval = metric.hasInterval(wt) ? metric.interval(wt, confidence) : null;
                if (before != null) {
                    change = metric.compareIfDefined(wt, out.get(before).weightedTally().orElseThrow(), confidence)
                            .orElse(null);
                }
                n = hasScore ? wt.effectiveN() : 0;
            } else {
                hasScore = metric.hasScore(t);
                score = hasScore ? metric.score(t) : null;
                interval = metric.hasInterval(t) ? metric.interval(t, confidence) : null;
                if (before != null) {
                    change = metric.compareIfDefined(t, out.get(before).tally(), confidence).orElse(null);
                }
                n = t.n();
            }
            ControlLimits limits = null;
            if (limitsDefined && hasScore) {
                double half = controlLimitZ * sigma / Math.sqrt(n);
                limits = new ControlLimits(centre, Math.max(lo, centre - half), Math.min(hi, centre + half),
                        controlLimitZ);
            }
            CalendarPeriod p = periods.get(last[i]);
            out.add(new SeriesPoint(p, periods.get(first[i]).start(), last[i] - first[i] + 1, t, wt, score, interval,
                    change, limits));
            idx.put(p, i);
            pointOfLastBase.put(last[i], i);
        }
        this.points = Collections.unmodifiableList(out);
        this.index = idx;
        this.trend = fitTrend();
    }

    private Trend fitTrend() {
        if (weightedBase != null) {
            return fitWeightedTrend();
        }
        if (!metric.hasInterval(total)) {
            return null;
        }
        int k = 0;
        for (Tally t : base) {
            k += t.isEmpty() ? 0 : 1;
        }
        double[] x = new double[k];
        double[] n = new double[k];
        double[] y = new double[k];
        int j = 0;
        for (int i = 0; i < base.size(); i++) {
            Tally t = base.get(i);
            if (!t.isEmpty()) {
                x[j] = i;
                n[j] = t.n();
                y[j] = metric.score(t);
                j++;
            }
        }
        return Trend.fit(periods.get(0), x, n, y, metric.unitVariance(total), confidence);
    }

    /** The trend of the weighted period scores, each weighed by its Kish effective n. */
    private Trend fitWeightedTrend() {
        if (!metric.hasInterval(weightedTotal)) {
            return null;
        }
        int k = 0;
        for (WeightedTally t : weightedBase) {
            k += metric.hasScore(t) ? 1 : 0;
        }
        double[] x = new double[k];
        double[] n = new double[k];
        double[] y = new double[k];
        int j = 0;
        for (int i = 0; i < weightedBase.size(); i++) {
            WeightedTally t = weightedBase.get(i);
            if (metric.hasScore(t)) {
                x[j] = i;
                n[j] = t.effectiveN();
                y[j] = metric.score(t);
                j++;
            }
        }
        return Trend.fit(periods.get(0), x, n, y, metric.unitVariance(weightedTotal), confidence);
    }

    private static WeightedTally sumOf(List<WeightedTally> tallies, int first, int last) {
        WeightedTally t = tallies.get(first);
        for (int j = first + 1; j <= last; j++) {
            t = t.plus(tallies.get(j));
        }
        return t;
    }

    /** A series at 95 % confidence with 3σ control limits; see {@link #of(Metric, SortedMap, double, double)}. */
    public static Series of(Metric metric, SortedMap<CalendarPeriod, Tally> tallies) {
        return of(metric, tallies, Confidence.DEFAULT, DEFAULT_CONTROL_LIMIT_Z);
    }

    /**
     * A series over the periods from the first to the last key of {@code tallies}; periods between
     * them without a key become empty points.
     *
     * @param controlLimitZ the control-limit multiple z &gt; 0 (3 for Shewhart limits)
     * @throws IllegalArgumentException if the map is empty, the periods differ in granularity or
     *     zone, a tally's scale does not belong to the metric or differs from the others, the
     *     confidence is not in (0, 1) or z is not positive and finite
     */
    public static Series of(Metric metric, SortedMap<CalendarPeriod, Tally> tallies, double confidence,
            double controlLimitZ) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tallies, "tallies");
        if (tallies.isEmpty()) {
            throw new IllegalArgumentException("Invalid series: no periods");
        }
        return build(metric, new TreeMap<>(tallies), null, null, confidence, controlLimitZ);
    }

    /** A weighted series at 95 % confidence with 3σ control limits; see {@link #ofWeighted(Metric, SortedMap, double, double)}. */
    public static Series ofWeighted(Metric metric, SortedMap<CalendarPeriod, WeightedTally> tallies) {
        return ofWeighted(metric, tallies, Confidence.DEFAULT, DEFAULT_CONTROL_LIMIT_Z);
    }

    /**
     * A weighted series over the periods from the first to the last key of {@code tallies}; periods
     * between them without a key become empty points. Scores, intervals, changes, control limits
     * and the trend line are the weighted ones, with Kish's effective n where a variance needs an n
     * (see the class comment); each point's {@link SeriesPoint#tally()} holds the unweighted counts
     * and {@link SeriesPoint#weightedTally()} the weighted tally.
     *
     * @param controlLimitZ the control-limit multiple z &gt; 0 (3 for Shewhart limits)
     * @throws IllegalArgumentException as {@link #of(Metric, SortedMap, double, double)}
     */
    public static Series ofWeighted(Metric metric, SortedMap<CalendarPeriod, WeightedTally> tallies, double confidence,
            double controlLimitZ) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tallies, "tallies");
        if (tallies.isEmpty()) {
            throw new IllegalArgumentException("Invalid series: no periods");
        }
        TreeMap<CalendarPeriod, Tally> counts = new TreeMap<>();
        for (Map.Entry<CalendarPeriod, WeightedTally> e : tallies.entrySet()) {
            counts.put(Objects.requireNonNull(e.getKey(), "period"),
                    Objects.requireNonNull(e.getValue(), "tally").toTally());
        }
        Series plain = build(metric, counts, null, null, confidence, controlLimitZ);
        List<WeightedTally> weighted = new ArrayList<>(plain.periods.size());
        WeightedTally empty = WeightedTally.empty(plain.total.scale());
        for (CalendarPeriod p : plain.periods) {
            weighted.add(tallies.getOrDefault(p, empty));
        }
        int[] idx = new int[plain.periods.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new Series(metric, confidence, controlLimitZ, plain.periods, plain.base, List.copyOf(weighted), 1, idx,
                idx);
    }

    private static Series build(Metric metric, TreeMap<CalendarPeriod, Tally> tallies, CalendarPeriod from, CalendarPeriod to,
            double confidence, double controlLimitZ) {
        Checks.confidence(confidence);
        if (!(controlLimitZ > 0 && controlLimitZ < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for controlLimitZ (valid values > 0, finite): "
                    + controlLimitZ);
        }
        CalendarPeriod first = from != null ? from : tallies.firstKey();
        CalendarPeriod last = to != null ? to : tallies.lastKey();
        Scale scale = null;
        for (Map.Entry<CalendarPeriod, Tally> e : tallies.entrySet()) {
            requireCompatible(first, Objects.requireNonNull(e.getKey(), "period"));
            Tally t = Objects.requireNonNull(e.getValue(), "tally");
            metric.requireScale(t.scale());
            if (scale == null) {
                scale = t.scale();
            } else if (!scale.equals(t.scale())) {
                throw Checks.scaleMismatch(scale, t.scale());
            }
        }
        if (from != null && to != null) {
            requireCompatible(from, to);
        }
        if (!tallies.isEmpty() && (tallies.firstKey().compareTo(first) < 0 || tallies.lastKey().compareTo(last) > 0)) {
            throw new IllegalArgumentException("Invalid span " + first + " - " + last + ": data outside it, from "
                    + tallies.firstKey() + " to " + tallies.lastKey());
        }
        long count = first.until(last) + 1;
        if (count < 1) {
            throw new IllegalArgumentException("Invalid span (first after last): " + first + " - " + last);
        }
        if (count > 1_000_000) {
            throw new IllegalArgumentException("Invalid span (valid lengths up to 1000000 periods): " + count);
        }
        List<CalendarPeriod> periods = new ArrayList<>((int) count);
        List<Tally> base = new ArrayList<>((int) count);
        Tally empty = Tally.empty(scale);
        for (CalendarPeriod p = first; periods.size() < count; p = p.next()) {
            periods.add(p);
            base.add(tallies.getOrDefault(p, empty));
        }
        int[] idx = new int[(int) count];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new Series(metric, confidence, controlLimitZ, List.copyOf(periods), List.copyOf(base), null, 1, idx, idx);
    }

    /**
     * A builder for a series of responses or tallies at the given granularity in the zone's calendar.
     *
     * @throws IllegalArgumentException if the scale does not belong to the metric
     */
    public static Builder builder(Metric metric, Scale scale, Granularity granularity, ZoneId zone) {
        return new Builder(metric, scale, granularity, zone);
    }

    /**
     * The mutable builder of a {@link Series}: responses go into a tally per period. Not
     * thread-safe.
     */
    public static final class Builder {
        private final Metric metric;
        private final Scale scale;
        private final Granularity granularity;
        private final ZoneId zone;
        private final TreeMap<CalendarPeriod, TallyAccumulator> byPeriod = new TreeMap<>();
        private double confidence = Confidence.DEFAULT;
        private double controlLimitZ = DEFAULT_CONTROL_LIMIT_Z;
        private CalendarPeriod from;
        private CalendarPeriod to;

        private Builder(Metric metric, Scale scale, Granularity granularity, ZoneId zone) {
            this.metric = Objects.requireNonNull(metric, "metric");
            this.scale = Objects.requireNonNull(scale, "scale");
            this.granularity = Objects.requireNonNull(granularity, "granularity");
            this.zone = Objects.requireNonNull(zone, "zone");
            metric.requireScale(scale);
        }

        /**
         * Adds one response at an instant.
         *
         * @throws IllegalArgumentException if the score is off the scale
         */
        public Builder add(Instant at, int score) {
            scale.requireValid(score);
            CalendarPeriod p = granularity.periodOf(at, zone);
            byPeriod.computeIfAbsent(p, k -> new TallyAccumulator(scale)).add(score);
            return this;
        }

        /**
         * Adds the responses of a tally to a period.
         *
         * @throws IllegalArgumentException if the period's granularity or zone, or the tally's scale,
         *     differ from the builder's
         */
        public Builder add(CalendarPeriod period, Tally tally) {
            requirePeriod(period);
            if (!scale.equals(tally.scale())) {
                throw Checks.scaleMismatch(scale, tally.scale());
            }
            byPeriod.computeIfAbsent(period, k -> new TallyAccumulator(scale)).addAll(tally);
            return this;
        }

        /**
         * Makes the series cover at least {@code first … last}, with empty points where there is no
         * data (for example to align segments' series with the overall one).
         *
         * @throws IllegalArgumentException if the periods do not match the builder or first &gt; last
         */
        public Builder span(CalendarPeriod first, CalendarPeriod last) {
            requirePeriod(first);
            requirePeriod(last);
            if (first.compareTo(last) > 0) {
                throw new IllegalArgumentException("Invalid span (first after last): " + first + " - " + last);
            }
            this.from = first;
            this.to = last;
            return this;
        }

        /** The confidence level of intervals, changes and the trend (default 0.95). */
        public Builder confidence(double confidence) {
            this.confidence = Checks.confidence(confidence);
            return this;
        }

        /**
         * The control-limit multiple z (default 3).
         *
         * @throws IllegalArgumentException if z is not positive and finite
         */
        public Builder controlLimitZ(double z) {
            if (!(z > 0 && z < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Invalid value for controlLimitZ (valid values > 0, finite): " + z);
            }
            this.controlLimitZ = z;
            return this;
        }

        /**
         * The series from the first to the last period with data, widened to the span if one was
         * given.
         *
         * @throws IllegalArgumentException if there is neither data nor a span, or data lies outside
         *     the span
         */
        public Series build() {
            TreeMap<CalendarPeriod, Tally> tallies = new TreeMap<>();
            byPeriod.forEach((p, acc) -> tallies.put(p, acc.snapshot()));
            if (tallies.isEmpty()) {
                if (from == null) {
                    throw new IllegalArgumentException("Invalid series: no periods (no data and no span)");
                }
                tallies.put(from, Tally.empty(scale));
            }
            CalendarPeriod first = from;
            CalendarPeriod last = to;
            if (first != null && tallies.firstKey().compareTo(first) < 0) {
                first = tallies.firstKey();
            }
            if (last != null && tallies.lastKey().compareTo(last) > 0) {
                last = tallies.lastKey();
            }
            return Series.build(metric, tallies, first, last, confidence, controlLimitZ);
        }

        private void requirePeriod(CalendarPeriod p) {
            Objects.requireNonNull(p, "period");
            if (p.granularity() != granularity || !p.zone().equals(zone)) {
                throw new IllegalArgumentException("Period mismatch: " + granularity + " in " + zone + " / "
                        + p.granularity() + " in " + p.zone());
            }
        }
    }

    /** The metric. */
    public Metric metric() {
        return metric;
    }

    /** The confidence level of intervals, changes and the trend. */
    public double confidence() {
        return confidence;
    }

    /** The control-limit multiple z. */
    public double controlLimitZ() {
        return controlLimitZ;
    }

    /** The granularity of the periods. */
    public Granularity granularity() {
        return periods.get(0).granularity();
    }

    /** The zone of the periods. */
    public ZoneId zone() {
        return periods.get(0).zone();
    }

    /** The number of periods in a window: 1, or k for a rolling series (the largest k for durations). */
    public int rollingPeriods() {
        return rollingPeriods;
    }

    /** Whether this is a rolling series. */
    public boolean isRolling() {
        return rollingPeriods != 1 || points.size() != periods.size();
    }

    /** The points in time order, one per period (for a rolling series: per complete window). */
    public List<SeriesPoint> points() {
        return points;
    }

    /** The point of a period (the window ending with it, for a rolling series). */
    public Optional<SeriesPoint> get(CalendarPeriod period) {
        Integer i = index.get(Objects.requireNonNull(period, "period"));
        return i == null ? Optional.empty() : Optional.of(points.get(i));
    }

    /** All responses of the series' periods, each counted once (unweighted counts). */
    public Tally total() {
        return total;
    }

    /** Whether this is a weighted series ({@link #ofWeighted(Metric, SortedMap, double, double)}). */
    public boolean isWeighted() {
        return weightedBase != null;
    }

    /** All responses of a weighted series' periods with their weights; empty for an unweighted series. */
    public Optional<WeightedTally> weightedTotal() {
        return Optional.ofNullable(weightedTotal);
    }

    /**
     * The trend line of the periods' scores; empty when fewer than 3 periods have data (or, for
     * CES, fewer than 2 responses in all). A rolling series reports the trend of its underlying
     * periods, since overlapping windows are not independent.
     */
    public Optional<Trend> trend() {
        return Optional.ofNullable(trend);
    }

    /**
     * Compares the points of two periods: {@code a − b} with the metric's default test. Empty when
     * either period is not in the series or the comparison is undefined ({@link
     * Metric#compareIfDefined}).
     *
     * @throws IllegalArgumentException if the two windows overlap (their responses are not independent)
     */
    public Optional<Comparison> compare(CalendarPeriod a, CalendarPeriod b) {
        Optional<SeriesPoint> pa = get(a);
        Optional<SeriesPoint> pb = get(b);
        if (pa.isEmpty() || pb.isEmpty()) {
            return Optional.empty();
        }
        SeriesPoint x = pa.get();
        SeriesPoint y = pb.get();
        boolean disjoint = !x.windowStart().isBefore(y.period().end()) || !y.windowStart().isBefore(x.period().end());
        if (!disjoint) {
            throw new IllegalArgumentException("Invalid comparison: the windows of " + a + " and " + b + " overlap");
        }
        return weightedBase != null
                ? metric.compareIfDefined(x.weightedTally().orElseThrow(), y.weightedTally().orElseThrow(), confidence)
                : metric.compareIfDefined(x.tally(), y.tally(), confidence);
    }

    /** The period against the same period one year earlier ({@link CalendarPeriod#sameLastYear()}); empty when absent. */
    public Optional<Comparison> yearOverYear(CalendarPeriod period) {
        return period.sameLastYear().flatMap(last -> compare(period, last));
    }

    /**
     * The rolling series of the last k periods: each point's tally is the sum of the tallies of its
     * period and the k − 1 before it. Only complete windows are kept, so the first point is the
     * series' k-th period. A point's change is against the window k periods earlier (the previous
     * non-overlapping window).
     *
     * @throws IllegalArgumentException if k &lt; 1 or k exceeds the number of periods
     * @throws IllegalStateException if this series is already rolling
     */
    public Series rolling(int k) {
        requireBase();
        if (k < 1 || k > periods.size()) {
            throw new IllegalArgumentException("Invalid value for rolling periods (valid values 1 - "
                    + periods.size() + "): " + k);
        }
        int m = periods.size() - k + 1;
        int[] first = new int[m];
        int[] last = new int[m];
        for (int i = 0; i < m; i++) {
            first[i] = i;
            last[i] = i + k - 1;
        }
        return new Series(metric, confidence, controlLimitZ, periods, base, weightedBase, k, first, last);
    }

    /**
     * The rolling series over a trailing duration such as 30 days: each point's window holds the
     * periods that lie entirely within the {@code days} calendar days that end with the point's
     * period (for daily periods exactly the last {@code days} days; for weekly periods and 30 days,
     * the last 4 weeks). Only complete windows are kept: a window is incomplete when the period
     * before the series' first one would lie entirely within it. A point's change is
     * against the window that ends just before this one starts, when that window is in the series.
     *
     * @throws IllegalArgumentException if the duration is not a whole number of days, or is shorter
     *     than the longest period of the granularity (1, 7, 31, 92 or 366 days), or no window fits
     * @throws IllegalStateException if this series is already rolling
     */
    public Series rolling(Duration duration) {
        requireBase();
        Objects.requireNonNull(duration, "duration");
        long days = duration.toDays();
        long longest = new long[] {1, 7, 31, 92, 366}[granularity().ordinal()];
        if (duration.isNegative() || !Duration.ofDays(days).equals(duration) || days < longest) {
            throw new IllegalArgumentException("Invalid rolling duration for " + granularity()
                    + " periods (valid values whole days >= " + longest + "): " + duration);
        }
        List<int[]> windows = new ArrayList<>();
        // the period before the series: a window that would hold it entirely is incomplete
        LocalDate beforeStart = periods.get(0).previous().start();
        int f = 0;
        int widest = 1;
        for (int i = 0; i < periods.size(); i++) {
            LocalDate windowStart = periods.get(i).end().minusDays(days);
            while (periods.get(f).start().isBefore(windowStart)) {
                f++;
            }
            if (f == 0 && !beforeStart.isBefore(windowStart)) {
                continue;
            }
            windows.add(new int[] {f, i});
            widest = Math.max(widest, i - f + 1);
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("Invalid rolling duration: " + duration + " is longer than the series ("
                    + periods.get(0) + " - " + periods.get(periods.size() - 1) + ")");
        }
        int[] first = new int[windows.size()];
        int[] last = new int[windows.size()];
        for (int i = 0; i < first.length; i++) {
            first[i] = windows.get(i)[0];
            last[i] = windows.get(i)[1];
        }
        return new Series(metric, confidence, controlLimitZ, periods, base, weightedBase, widest, first, last);
    }

    private void requireBase() {
        if (isRolling()) {
            throw new IllegalStateException("Invalid operation: this series is already rolling");
        }
    }

    @Override
    public String toString() {
        return "Series[" + metric.key() + ", " + granularity() + ", " + periods.get(0) + " - "
                + periods.get(periods.size() - 1) + ", " + points.size() + " points]";
    }

    private static void requireCompatible(CalendarPeriod a, CalendarPeriod b) {
        if (a.granularity() != b.granularity() || !a.zone().equals(b.zone())) {
            throw new IllegalArgumentException("Period mismatch: " + a.granularity() + " in " + a.zone() + " / "
                    + b.granularity() + " in " + b.zone());
        }
    }
}
