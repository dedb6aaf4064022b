package io.github.cxmetrics.report;

import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.internal.Parallel;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.segment.CalendarEffects;
import io.github.cxmetrics.segment.SegmentComparison;
import io.github.cxmetrics.target.Benchmark;
import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.report.scan.GroupTallies;
import io.github.cxmetrics.report.scan.ReadCounts;
import io.github.cxmetrics.report.scan.ReportTallies;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.target.Target;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.trend.Series;
import io.github.cxmetrics.trend.SeriesPoint;
import io.github.cxmetrics.trend.Trend;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The assembly of a report from the tallies of its groups: the summaries of every group (overall,
 * trend, segments, each against the rest with Holm's correction), trend lines, control limits and
 * targets. Reads nothing; the scan or the archive gives the tallies.
 */
final class ReportAssembly {
    private final ReportOptions options;
    private final Scoring scoring;
    private final List<Metric> metrics;
    private final Scale[] scales;
    private final ReportTallies tallies;

    private ReportAssembly(ReportOptions options, ReportTallies tallies) {
        this.options = options;
        this.scoring = new Scoring(options);
        this.metrics = tallies.metrics;
        this.scales = tallies.scales.clone();
        this.tallies = tallies;
    }

    /** The report of collected tallies, with the computation options of {@code options}. */
    static Report summarize(ReportOptions options, ReportTallies tallies) {
        return new ReportAssembly(options, tallies).summarize();
    }

    /**
     * Checks the targets against the metrics found, before any row is read.
     *
     * @throws IllegalArgumentException if a target needs a metric that is not reported, or is a
     *     change without a trend
     */
    static void checkTargets(ReportOptions options, List<Metric> metrics) {
        targets(options, metrics);
        Rankings.check(options);
        Improvements.check(options);
        KeyDriverAnalysis.check(options);
        checkBenchmarks(options, metrics);
    }

    /** The summaries of the collected tallies: overall, trend, targets, segments. */
    private Report summarize() {
        requireFewSegments(tallies, options.maxSegments());
        boolean weighted = tallies.input.weighted();
        GroupTallies overall = tallies.overall;
        TreeMap<CalendarPeriod, GroupTallies> periods = tallies.periods;
        List<String> segmentNames = tallies.segmentNames;
        List<Map<String, ReportTallies.SegmentData>> segments = tallies.segments;
        List<Target> targets = targets(options, metrics);
        List<CalendarPeriod> timeline = timeline(periods);
        Map<Metric, MetricSummary> overallSummary = summarize(overall);
        List<PeriodSummary> trend = trend(timeline, periods, weighted);
        Map<Metric, Series> overallSeries = series(timeline, periods, weighted);
        Map<Metric, Trend> trendLines = new EnumMap<>(Metric.class);
        overallSeries.forEach((m, s) -> s.trend().ifPresent(t -> trendLines.put(m, t)));
        TargetJudge judge = new TargetJudge(options, scoring, tallies, timeline, overallSeries);
        List<Assessment> assessments = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetJudge.requireData(targets.get(i), options.targets().get(i), overall);
        }
        for (Target target : targets) {
            assessments.add(judge.assess(target));
        }
        Map<String, List<Assessment>> periodTargets = judge.byPeriod(targets);
        Map<String, List<SegmentSummary>> segmentSummaries = new LinkedHashMap<>();
        for (int s = 0; s < segmentNames.size(); s++) {
            segmentSummaries.put(segmentNames.get(s), segmentSummaries(segments.get(s), timeline, weighted));
        }
        return new Report(input(tallies.input), options, metrics, overallSummary, operations(overall), trend,
                segmentSummaries, trendLines, assessments, tallies, periodTargets).withCalendar(calendar())
                .withBenchmarks(benchmarks(overall));
    }

    /**
     * Each benchmark against the metric's overall tally, weighted in a weighted report
     * ({@link Benchmark#of}, Kish's effective n); a metric
     * whose tally has too few responses for the test has none.
     */
    private List<Benchmark> benchmarks(GroupTallies overall) {
        List<Benchmark> out = new ArrayList<>();
        for (Map.Entry<Metric, Double> b : options.benchmarks().entrySet()) {
            int index = b.getKey().ordinal();
            try {
                out.add(overall.isWeighted()
                        ? Benchmark.of(b.getKey(), overall.weightedTally(index), b.getValue(), options.confidence())
                        : Benchmark.of(b.getKey(), overall.tally(index), b.getValue(), options.confidence()));
            } catch (IllegalStateException tooFew) {
                // too few responses, or a constant CES that differs from the value: no test
            }
        }
        return out;
    }

    /**
     * Checks the benchmarks before any row is read: each needs its metric in the report and a value in the metric's range on the grouping's scale (checked by
     * {@link Metric#versus}, the test itself, on a probe tally, so the message is the library's).
     *
     * @throws IllegalArgumentException naming the benchmark and what is allowed
     */
    static void checkBenchmarks(ReportOptions options, List<Metric> metrics) {
        for (Map.Entry<Metric, Double> b : options.benchmarks().entrySet()) {
            Metric m = b.getKey();
            String given = "--benchmark " + m.key() + "=" + b.getValue();
            if (!metrics.contains(m)) {
                throw new IllegalArgumentException("Benchmark " + given + " needs the " + m.key()
                        + " column, which is not in the report");
            }
            ReportOptions.checkBenchmark(m, b.getValue(), options.grouping(), options.confidence());
        }
    }

    /**
     * Calendar effects per metric from the day tallies ({@link CalendarEffects}): weekend against
     * weekdays, and holidays against the other days when the grouping has holidays.
     *
     * @throws IllegalArgumentException if the options ask for them but the tallies have no days
     */
    private Map<Metric, List<SegmentComparison<String>>> calendar() {
        Map<Metric, List<SegmentComparison<String>>> out = new EnumMap<>(Metric.class);
        if (!options.calendar()) {
            return out;
        }
        TreeMap<java.time.LocalDate, GroupTallies> days = tallies.days();
        if (days == null) {
            throw new IllegalArgumentException("Calendar effects (--calendar) need the tallies of each day, and these "
                    + "tallies have none: they were saved without --calendar (save them again with --calendar), or "
                    + "the grouping has no day tallies (ReportGrouping.withDays)");
        }
        if (days.isEmpty()) {
            return out;
        }
        HolidayCalendar holidays = options.grouping().holidays();
        boolean weighted = tallies.input.weighted();
        double conf = options.confidence();
        for (Metric m : metrics) {
            List<SegmentComparison<String>> effects = new ArrayList<>();
            if (weighted) {
                Map<java.time.LocalDate, WeightedTally> daily = new TreeMap<>();
                days.forEach((d, g) -> daily.put(d, g.weightedTally(m.ordinal())));
                effects.add(CalendarEffects.weekendVsWeekdayWeighted(m, daily, conf));
                if (!holidays.equals(HolidayCalendar.NONE)) {
                    effects.add(CalendarEffects.holidaysVsNormalDaysWeighted(m, daily, holidays, conf));
                }
            } else {
                Map<java.time.LocalDate, Tally> daily = new TreeMap<>();
                days.forEach((d, g) -> daily.put(d, g.tally(m.ordinal())));
                effects.add(CalendarEffects.weekendVsWeekday(m, daily, conf));
                if (!holidays.equals(HolidayCalendar.NONE)) {
                    effects.add(CalendarEffects.holidaysVsNormalDays(m, daily, holidays, conf));
                }
            }
            out.put(m, List.copyOf(effects));
        }
        return out;
    }

    /**
     * Stops a report whose segment column has more distinct values than the limit, before any
     * summary: such a column is most likely an id.
     *
     * @throws IllegalArgumentException naming the column, its number of values and the option
     */
    static void requireFewSegments(ReportTallies tallies, long limit) {
        for (int s = 0; s < tallies.segmentNames.size(); s++) {
            int values = tallies.segments.get(s).size();
            if (values > limit) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "column %s has %,d distinct "
                        + "values (more than --max-segments %d): is it an id? Raise --max-segments to report them all.",
                        tallies.segmentNames.get(s), values, limit));
            }
        }
    }

    private OperationalSummary operations(GroupTallies group) {
        return Operations.summarize(group.ops(), options);
    }

    private static InputSummary input(ReadCounts read) {
        return new InputSummary(read.file(), read.rows(), read.rejectedRows(), read.rejectionReasons(),
                read.rejectionExamples(), read.weighted(), read.duplicateRows(), read.layout(), read.excluded());
    }

    private static List<CalendarPeriod> timeline(TreeMap<CalendarPeriod, GroupTallies> periods) {
        List<CalendarPeriod> list = new ArrayList<>();
        if (periods.isEmpty()) {
            return list;
        }
        CalendarPeriod last = periods.lastKey();
        for (CalendarPeriod p = periods.firstKey(); p.compareTo(last) <= 0; p = p.next()) {
            list.add(p);
        }
        return list;
    }

    private Map<Metric, MetricSummary> summarize(GroupTallies group) {
        Map<Metric, MetricSummary> out = new EnumMap<>(Metric.class);
        for (Metric m : metrics) {
            out.put(m, scoring.summarize(m, group, m.ordinal()));
        }
        return out;
    }

    /**
     * The summaries of each period of a timeline, each with its change against the previous period
     * and its control limits, built once per period and metric (a report by store and week has
     * hundreds of thousands of them).
     */
    private List<PeriodSummary> trend(List<CalendarPeriod> timeline, Map<CalendarPeriod, GroupTallies> data, boolean weighted) {
        Map<Metric, Series> series = series(timeline, data, weighted);
        List<PeriodSummary> out = new ArrayList<>(timeline.size());
        GroupTallies previous = null;
        GroupTallies empty = null; // one shared empty group for the periods without data, only read
        for (int i = 0; i < timeline.size(); i++) {
            CalendarPeriod p = timeline.get(i);
            GroupTallies group = data.get(p);
            if (group == null) {
                group = empty != null ? empty : (empty = tallies.newGroup());
            }
            Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
            for (Metric m : metrics) {
                MetricSummary summary = scoring.summarize(m, group, m.ordinal());
                Comparison change = previous == null ? null : scoring.compare(m, group, previous, m.ordinal());
                Series s = series.get(m);
                SeriesPoint point = s == null ? null : s.points().get(i);
                if (point != null && point.controlLimits().isPresent()) {
                    summary = summary.withChangeAndControl(change, point.controlLimits().get(), point.isOutOfControl());
                } else if (change != null) {
                    summary = summary.withChange(change);
                }
                summaries.put(m, summary);
            }
            out.add(new PeriodSummary(p.label(), p.start(), summaries, operations(group)));
            previous = group;
        }
        return out;
    }

    /**
     * One series per metric over the timeline, for control limits, trend lines and targets: weighted
     * ({@link Series#ofWeighted}, Kish's effective n) when the report is.
     */
    private Map<Metric, Series> series(List<CalendarPeriod> timeline, Map<CalendarPeriod, GroupTallies> data,
            boolean weighted) {
        Map<Metric, Series> out = new EnumMap<>(Metric.class);
        if (timeline.isEmpty()) {
            return out;
        }
        for (Metric m : metrics) {
            if (weighted) {
                TreeMap<CalendarPeriod, WeightedTally> tallies = new TreeMap<>();
                for (CalendarPeriod p : timeline) {
                    GroupTallies g = data.get(p);
                    tallies.put(p, g == null ? WeightedTally.empty(scales[m.ordinal()]) : g.weightedTally(m.ordinal()));
                }
                out.put(m, Series.ofWeighted(m, tallies, options.confidence(), Series.DEFAULT_CONTROL_LIMIT_Z));
                continue;
            }
            TreeMap<CalendarPeriod, Tally> tallies = new TreeMap<>();
            for (CalendarPeriod p : timeline) {
                GroupTallies g = data.get(p);
                tallies.put(p, g == null ? Tally.empty(scales[m.ordinal()]) : g.tally(m.ordinal()));
            }
            out.put(m, Series.of(m, tallies, options.confidence(),
                    Series.DEFAULT_CONTROL_LIMIT_Z));
        }
        return out;
    }

    private static List<Target> targets(ReportOptions options, List<Metric> metrics) {
        List<Target> out = new ArrayList<>();
        for (String expression : options.targets()) {
            Target target = Target.parse(expression);
            if (target.measure().isScore() && !metrics.contains(target.metric())) {
                throw new IllegalArgumentException("Target \"" + expression + "\" needs the " + target.metric().key()
                        + " column, which is not in the report");
            }
            if (target.kind() == Target.Kind.CHANGE && options.grouping().by() == null
                    && target.baseline(options.grouping().zone()).isEmpty()) {
                throw new IllegalArgumentException("Target \"" + expression
                        + "\" is a change: it needs a trend (--by), and compares the last period with the first, or a "
                        + "baseline period such as vs 2026");
            }
            out.add(target);
        }
        return out;
    }

    private List<SegmentSummary> segmentSummaries(Map<String, ReportTallies.SegmentData> values, List<CalendarPeriod> timeline,
            boolean weighted) {
        List<String> names = new ArrayList<>(values.keySet());
        names.sort(null);
        List<ReportTallies.SegmentData> groups = new ArrayList<>(names.size());
        for (String name : names) {
            groups.add(values.get(name));
        }
        // Holm across the values of this segment column, per metric, with family-wise intervals;
        // each value's rest is the column's total minus the value, exactly: linear in the values.
        // Each value's work is its own (its slot of an array), so it runs on a few threads when the
        // values are many (issue 16); the result is the same for any number of threads.
        int count = names.size();
        int threads = options.threads();
        List<Metric> compared = names.isEmpty() ? List.of() : metrics;
        int metricCount = compared.size();
        // each loop over the values does every metric's step for a value, not one metric after the
        // other: a fresh JVM then compiles the tests once, having seen every metric, instead of
        // compiling them for NPS, again when CSAT comes, and again for CES
        GroupScore[][] own = new GroupScore[metricCount][count];
        Parallel.forEach(count, threads, SUMMARY_THREADS, i -> {
            for (int j = 0; j < metricCount; j++) {
                own[j][i] = GroupScore.of(groups.get(i).total, compared.get(j).ordinal());
            }
        });
        GroupScore[] total = new GroupScore[metricCount];
        for (int j = 0; j < metricCount; j++) {
            total[j] = GroupScore.sum(java.util.Arrays.asList(own[j]));
        }
        GroupScore[][] rests = new GroupScore[metricCount][count];
        Comparison[][] raw = new Comparison[metricCount][count];
        Parallel.forEach(count, threads, SUMMARY_THREADS, i -> {
            for (int j = 0; j < metricCount; j++) {
                rests[j][i] = total[j].minus(own[j][i]);
                raw[j][i] = scoring.compare(compared.get(j), own[j][i], rests[j][i], options.confidence());
            }
        });
        int[][] defined = new int[metricCount][];
        List<List<Comparison>> tests = new ArrayList<>();
        double[] level = new double[metricCount];
        Comparison[][] wide = new Comparison[metricCount][];
        for (int j = 0; j < metricCount; j++) {
            List<Comparison> family = new ArrayList<>();
            int[] which = new int[count];
            for (int i = 0; i < count; i++) {
                if (raw[j][i] != null) {
                    which[family.size()] = i;
                    family.add(raw[j][i]);
                }
            }
            defined[j] = java.util.Arrays.copyOf(which, family.size());
            tests.add(family);
            // the family-wise intervals, at the level the adjustment gives (ofFamily asks for them
            // only when the level is not the tests' own)
            level[j] = family.isEmpty() ? options.confidence()
                    : AdjustedComparison.familywiseConfidence(family, PValueAdjustment.HOLM);
            wide[j] = new Comparison[family.size()];
        }
        // the family-wise intervals of every metric in one loop, for the same reason
        int[] from = new int[metricCount + 1];
        for (int j = 0; j < metricCount; j++) {
            from[j + 1] = from[j] + (level[j] != options.confidence() ? wide[j].length : 0);
        }
        Parallel.forEach(from[metricCount], threads, SUMMARY_THREADS, flat -> {
            int j = 0;
            while (flat >= from[j + 1]) {
                j++;
            }
            int k = flat - from[j];
            int i = defined[j][k];
            wide[j][k] = scoring.compare(compared.get(j), own[j][i], rests[j][i], level[j]);
        });
        Map<Metric, AdjustedComparison[]> vsRest = new EnumMap<>(Metric.class);
        for (int j = 0; j < metricCount; j++) {
            double at = level[j];
            Comparison[] atLevel = wide[j];
            List<AdjustedComparison> adjusted = AdjustedComparison.ofFamily(tests.get(j), PValueAdjustment.HOLM,
                    (k, asked) -> {
                        if (asked != at) {
                            throw new IllegalStateException("family-wise level " + asked + ", computed " + at);
                        }
                        return atLevel[k];
                    });
            AdjustedComparison[] byValue = new AdjustedComparison[count];
            for (int k = 0; k < adjusted.size(); k++) {
                byValue[defined[j][k]] = adjusted.get(k);
            }
            vsRest.put(compared.get(j), byValue);
        }
        SegmentSummary[] out = new SegmentSummary[count];
        Parallel.forEach(count, threads, SUMMARY_THREADS, i -> {
            ReportTallies.SegmentData g = groups.get(i);
            Map<Metric, MetricSummary> summaries = new EnumMap<>(Metric.class);
            for (Metric m : metrics) {
                summaries.put(m, scoring.summarize(m, g.total, m.ordinal(), vsRest.get(m)[i]));
            }
            List<PeriodSummary> trend = timeline.isEmpty() ? List.of() : trend(timeline, g.byPeriod(), weighted);
            out[i] = new SegmentSummary(names.get(i), summaries, trend, operations(g.total));
        });
        return java.util.Arrays.asList(out);
    }

    /** The names of the threads that summarise many segment values ({@link Parallel}). */
    private static final String SUMMARY_THREADS = "cxmetrics-summaries";
}
