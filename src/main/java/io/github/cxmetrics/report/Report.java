package io.github.cxmetrics.report;

import io.github.cxmetrics.io.BadRowException;
import io.github.cxmetrics.report.archive.ReportArchive;
import io.github.cxmetrics.report.grouping.BadRowPolicy;
import io.github.cxmetrics.report.scan.ReportTallies;
import io.github.cxmetrics.report.scan.Scan;
import io.github.cxmetrics.segment.CalendarEffects;
import io.github.cxmetrics.segment.SegmentComparison;
import io.github.cxmetrics.target.Benchmark;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.trend.Trend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A KPI report of a feedback export: overall NPS, CSAT and CES with n and intervals, optionally a
 * trend over periods (each with its change against the previous period), a breakdown per segment
 * (each value against the rest, Holm-corrected), and what was rejected; beside the scores, the
 * operational KPIs (response time, first-contact resolution) and a KTO survey's indices when the
 * input has them ({@link #overallOperations()}). The model behind
 * {@code cxmetrics report}; render it with {@link io.github.cxmetrics.report.format.ReportFormat}.
 *
 * <p>Get one with {@link #generate(Path, ReportOptions)}. The input is read once: a file by a
 * parallel byte-level scan on all cores when its rows are in the plain forms that scan reads, else
 * (and a stream always) by one streaming pass; both give the same report. Memory grows with the
 * number of groups (periods × segment values), not with the number of rows. With
 * respondent deduplication ({@link io.github.cxmetrics.report.grouping.ReportGrouping#withRespondent}) a file is read twice, and memory
 * also grows with the number of distinct respondents (one entry each, never a whole row).
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Report {
    private final InputSummary input;
    private final double confidence;
    private final List<Metric> metrics;
    private final Map<Metric, MetricSummary> overall;
    private final List<PeriodSummary> trend;
    private final Map<String, List<SegmentSummary>> segments;
    private final ReportOptions options;
    private final Map<Metric, Trend> trendLines;
    private final List<Assessment> targets;
    private final OperationalSummary overallOperations;
    private final List<Ranking> rankings;
    private final List<Improvement> improvements;
    private final KeyDriverAnalysis keyDrivers;
    /** The group tallies the summaries were computed from, for {@link #saveTallies}. */
    private final ReportTallies tallies;
    private final List<Highlight> highlights;
    private final int highlightsOmitted;
    private final Map<String, List<Assessment>> periodTargets;
    /** The calendar effects per metric; set once by the assembly, before the report is handed out. */
    private Map<Metric, List<SegmentComparison<String>>> calendar = Map.of();
    /** The benchmark comparisons; set once by the assembly, before the report is handed out. */
    private List<Benchmark> benchmarks = List.of();

    Report(InputSummary input, ReportOptions options, List<Metric> metrics,
            Map<Metric, MetricSummary> overall, OperationalSummary overallOperations, List<PeriodSummary> trend,
            Map<String, List<SegmentSummary>> segments, Map<Metric, Trend> trendLines,
            List<Assessment> targets, ReportTallies tallies) {
        this(input, options, metrics, overall, overallOperations, trend, segments, trendLines, targets, tallies,
                Map.of());
    }

    Report(InputSummary input, ReportOptions options, List<Metric> metrics,
            Map<Metric, MetricSummary> overall, OperationalSummary overallOperations, List<PeriodSummary> trend,
            Map<String, List<SegmentSummary>> segments, Map<Metric, Trend> trendLines,
            List<Assessment> targets, ReportTallies tallies, Map<String, List<Assessment>> periodTargets) {
        Map<String, List<Assessment>> byPeriod = new java.util.LinkedHashMap<>();
        periodTargets.forEach((k, v) -> byPeriod.put(k, List.copyOf(v)));
        this.periodTargets = java.util.Collections.unmodifiableMap(byPeriod);
        this.tallies = tallies;
        this.overallOperations = Objects.requireNonNull(overallOperations, "overallOperations");
        this.trendLines = Map.copyOf(trendLines);
        this.targets = List.copyOf(targets);
        this.input = input;
        this.options = options;
        this.confidence = options.confidence();
        this.metrics = List.copyOf(metrics);
        this.overall = Map.copyOf(overall);
        this.trend = List.copyOf(trend);
        this.segments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
        this.rankings = List.copyOf(Rankings.of(options, metrics, this.segments));
        this.keyDrivers = KeyDriverAnalysis.of(options, tallies.overall);
        this.improvements = List.copyOf(Improvements.of(options, this.metrics, this.overall, this.trend,
                this.segments));
        List<Highlight> found = Highlights.find(this); // last: reads the finished model
        this.highlights = List.copyOf(found.subList(0, Math.min(found.size(), options.highlights())));
        this.highlightsOmitted = found.size() - highlights.size();
    }

    /**
     * What raking did to the weights ({@code --rake}): iterations, convergence, Kish's design effect
     * and effective n, and the range of the weights; empty when the report is not raked (also for
     * {@code --weight} alone).
     */
    public java.util.Optional<WeightingSummary> weighting() {
        io.github.cxmetrics.report.scan.Weighting w = tallies == null ? null : tallies.weighting;
        return w == null ? java.util.Optional.empty() : java.util.Optional.of(new WeightingSummary(w.method(),
                w.iterations(), w.converged(), w.maxDeviation(), w.designEffect(), w.effectiveN(), w.minWeight(),
                w.maxWeight()));
    }

    /**
     * Reads a CSV export and computes the report. The rows are tallied on all cores (see
     * {@code docs/report.md}, "How a file is read"); at a row the parallel scan does not read, the
     * file is read again by the streaming pass, which names a bad row's line and column.
     *
     * @throws IOException if the file cannot be read
     * @throws BadRowException at the first bad row under {@link BadRowPolicy#FAIL}
     * @throws io.github.cxmetrics.io.CsvFormatException if the file is not valid CSV (line and column)
     * @throws IllegalArgumentException if a required column is missing
     */
    public static Report generate(Path file, ReportOptions options) throws IOException {
        return generate(file, options, bytes -> { });
    }

    /**
     * Reads a CSV export and computes the report, telling {@code progress} how many bytes have been
     * read every 8 MiB or so.
     *
     * @throws IOException if the file cannot be read
     * @throws BadRowException at the first bad row under {@link BadRowPolicy#FAIL}
     */
    public static Report generate(Path file, ReportOptions options, java.util.function.LongConsumer progress)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(options, "options");
        ReportTallies tallies = Scan.read(file, options.grouping(), options.threads(), progress,
                metrics -> ReportAssembly.checkTargets(options, metrics));
        return ReportAssembly.summarize(options, tallies);
    }

    /**
     * Reads a CSV export from a stream (not closed) and computes the report.
     *
     * @param name the name to show as the input file
     * @throws IOException if the stream cannot be read
     * @throws BadRowException at the first bad row under {@link BadRowPolicy#FAIL}
     * @throws IllegalArgumentException if the options deduplicate respondents, which needs a file
     *     (it is read twice)
     */
    public static Report generate(InputStream in, String name, ReportOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        ReportTallies tallies = Scan.read(in, name, options.grouping(),
                metrics -> ReportAssembly.checkTargets(options, metrics));
        return ReportAssembly.summarize(options, tallies);
    }

    /**
     * Recomputes a report from the tallies that {@link #saveTallies(Path)} stored, without the raw
     * data. The reading and grouping options (delimiter, metrics and their scales, columns, zone,
     * trend granularity, segments, weight, response-time target and columns, business hours,
     * holidays, respondent deduplication, bad-row policy) are the saved ones, and so is what was read
     * (file name, rows, rejected rows and duplicates); from {@code options} only the options that
     * turn tallies into numbers are used: confidence, interval methods, minimum n, targets and the
     * as-of date. With the same such options, every renderer gives the same output as for the
     * report that was saved.
     *
     * @throws IOException if a file cannot be read, a missing one included
     * @throws IllegalArgumentException if the stored files are not a valid, complete and consistent
     *     set (unknown version, checksum mismatch, a missing or extra tally, an invalid value),
     *     naming the file, the line and what is wrong; or if a target does not fit the stored
     *     metrics
     */
    public static Report fromTallies(Path directory, ReportOptions options) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        ReportArchive.Loaded loaded = ReportArchive.load(directory);
        ReportOptions saved = ReportOptions.of(loaded.grouping()).withComputationOf(options);
        ReportAssembly.checkTargets(saved, loaded.tallies().metrics);
        return ReportAssembly.summarize(saved, loaded.tallies());
    }

    /**
     * Adds a new export to stored tallies ({@code --add-to-tallies DIR}): reads the folder, reads
     * the export with the grouping saved there, adds its tallies to the stored ones exactly
     * ({@code (stored + new)} equals one pass over both exports), replaces the folder with the
     * merged tallies, and returns the report of all the data. The folder is replaced as a whole:
     * the merged tallies are written to a new folder beside it, which then takes its place by two
     * renames; a run that fails before that (a bad row, a mismatch, an I/O error) leaves the folder
     * as it was. A response already counted is the caller's to avoid: adding the same export twice
     * counts it twice. From {@code options} only the computation options are used, as in
     * {@link #fromTallies(Path, ReportOptions)}.
     *
     * @param beforeReading told the saved grouping before the export is read; it may throw to
     *     refuse (the command line checks the options given against it)
     * @throws IOException if a file cannot be read or written
     * @throws IllegalArgumentException if the store is not valid, the new tallies do not fit the
     *     stored ones (naming what differs), the store was raked or deduplicates respondents
     */
    public static Report addToTallies(Path file, Path directory, ReportOptions options,
            java.util.function.Consumer<io.github.cxmetrics.report.grouping.ReportGrouping> beforeReading)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        ReportArchive.Loaded loaded = ReportArchive.load(directory);
        beforeReading.accept(loaded.grouping());
        if (loaded.grouping().respondentColumn() != null) {
            throw new IllegalArgumentException("--add-to-tallies cannot add to tallies saved with --respondent "
                    + loaded.grouping().respondentColumn() + ": a respondent in both exports would count twice");
        }
        if (!loaded.grouping().rake().isEmpty()) {
            throw new IllegalArgumentException("--add-to-tallies cannot add to raked tallies (--rake): the raking "
                    + "factors depend on all rows; save with --weight only and rake the whole data");
        }
        ReportOptions saved = ReportOptions.of(loaded.grouping()).withComputationOf(options);
        ReportTallies added = Scan.read(file, loaded.grouping(), options.threads(), bytes -> { },
                metrics -> ReportAssembly.checkTargets(saved, metrics));
        ReportTallies merged = loaded.tallies().plus(added);
        ReportArchive.replace(merged, loaded.grouping(), directory);
        ReportAssembly.checkTargets(saved, merged.metrics);
        return ReportAssembly.summarize(saved, merged);
    }

    /**
     * Stores the tallies of this report in a folder (made if missing), from which
     * {@link #fromTallies(Path, ReportOptions)} recomputes it: {@code scores.cxtally} (a
     * {@link io.github.cxmetrics.io.TallyStore}, one tally per group and metric, keyed
     * {@code overall|nps}, {@code period=2025-W03|nps}, {@code segment=channel:phone|nps},
     * {@code segment=channel:phone|period=2025-W03|nps}) and {@code report.cxreport} (what was
     * read, the options that shaped the groups with a KTO survey's definition, the operational
     * tallies with the survey's answer patterns per group, and a checksum of the scores file).
     * Each file is replaced atomically where the file system allows; the manifest
     * is written last. The format is described in {@code docs/tally-format.md}.
     *
     * @throws IOException if the folder or a file cannot be written
     */
    public void saveTallies(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        ReportArchive.save(tallies, options.grouping(), directory);
    }

    /** Sets the calendar effects, once, while the report is assembled. */
    Report withCalendar(Map<Metric, List<SegmentComparison<String>>> value) {
        this.calendar = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(value.isEmpty()
                ? new java.util.EnumMap<Metric, List<SegmentComparison<String>>>(Metric.class) : value));
        return this;
    }

    /**
     * The calendar effects ({@link ReportOptions#withCalendar}), per reported metric in the order
     * NPS, CSAT, CES: first weekend against weekdays
     * ({@link CalendarEffects#weekendVsWeekday}, groups {@link CalendarEffects#WEEKEND} and
     * {@link CalendarEffects#WEEKDAY}), then, with holidays in the grouping, holidays against the
     * other days ({@link CalendarEffects#holidaysVsNormalDays}, groups
     * {@link CalendarEffects#HOLIDAY} and {@link CalendarEffects#NORMAL_DAY}). Each group's
     * {@code vsRest()} is its difference with the other group (weekend − weekday, holiday − normal
     * day) with the metric's default two-group test, not adjusted (one hypothesis each). Days are
     * local days in the report's zone. Empty without calendar effects, or when no row has a day.
     *
     * @since 0.1.0
     */
    public Map<Metric, List<SegmentComparison<String>>> calendar() {
        return calendar;
    }

    /** Sets the benchmark comparisons, once, while the report is assembled. */
    Report withBenchmarks(List<Benchmark> value) {
        this.benchmarks = List.copyOf(value);
        return this;
    }

    /**
     * Each metric's overall score against its benchmark ({@link ReportOptions#withBenchmark}), in
     * the order NPS, CSAT, CES: the difference score − benchmark with its interval, the p-value of
     * the one-sample test and the verdict ({@link Benchmark}). A metric with too few responses for
     * the test (none; for CES fewer than two, or all the same) has no entry. Empty without
     * benchmarks.
     *
     * @since 0.1.0
     */
    public List<Benchmark> benchmarks() {
        return benchmarks;
    }

    /** What was read. */
    public InputSummary input() {
        return input;
    }

    /** The confidence level of every interval. */
    public double confidence() {
        return confidence;
    }

    /** The options the report was made with. */
    public ReportOptions options() {
        return options;
    }

    /** The metrics reported, in the order NPS, CSAT, CES. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The overall summary per metric. */
    public Map<Metric, MetricSummary> overall() {
        return overall;
    }

    /** The trend, one entry per period from the first to the last with data; empty without a granularity. */
    public List<PeriodSummary> trend() {
        return trend;
    }

    /**
     * The trend line of each metric over the trend's periods (weighted least squares on the period
     * scores, see {@code docs/trends.md}); empty without a trend or with fewer than three periods
     * with data. Weighted reports fit the weighted period scores, each weighed by its Kish effective
     * n ({@link io.github.cxmetrics.trend.Series#ofWeighted}).
     */
    public Map<Metric, Trend> trendLines() {
        return trendLines;
    }

    /** The targets asked for, each with its status and the reason in numbers. */
    public List<Assessment> targets() {
        return targets;
    }

    /**
     * With a trend, each level target judged on each period's own responses, keyed by the period's
     * label in trend order: one assessment per level target (in the order of {@link #targets()},
     * change targets and targets with a window ({@code in}) left out), without deadline or floor, so its status is
     * {@link io.github.cxmetrics.target.TargetStatus#MET MET}, {@code NOT_MET} or
     * {@code INSUFFICIENT_DATA} on that period's interval. Empty without a trend or level targets.
     */
    public Map<String, List<Assessment>> periodTargets() {
        return periodTargets;
    }

    /**
     * The operational KPIs and KTO survey over the whole input ({@link OperationalSummary#NONE}
     * when the report has none); periods and segments have theirs in
     * {@link PeriodSummary#operations()} and {@link SegmentSummary#operations()}.
     */
    public OperationalSummary overallOperations() {
        return overallOperations;
    }

    /**
     * The fair rankings asked for with {@link ReportOptions#withRank}: per ranked column, one per
     * measure (NPS, CSAT, FCR) the report has, in that order.
     */
    public List<Ranking> rankings() {
        return rankings;
    }

    /**
     * With {@link ReportOptions#withBayes}: the probability that each trend period improved on the
     * previous one and that each segment value is better than the rest, per metric; else empty.
     */
    public List<Improvement> improvements() {
        return improvements;
    }

    /**
     * With {@link ReportOptions#withDrivers}: the key drivers of the survey's outcome question over
     * the whole input (complete cases); else empty.
     */
    public Optional<io.github.cxmetrics.insight.KeyDrivers> keyDrivers() {
        return Optional.ofNullable(keyDrivers == null ? null : keyDrivers.drivers);
    }

    /** The bootstrap intervals of {@link #keyDrivers()} (1,000 resamples, seed 1), when it is present. */
    public Optional<io.github.cxmetrics.insight.DriverBootstrap> keyDriverIntervals() {
        return Optional.ofNullable(keyDrivers == null ? null : keyDrivers.intervals);
    }

    /** The survey respondents behind {@link #keyDrivers()}, complete or not (0 without it). */
    public long keyDriverRespondents() {
        return keyDrivers == null ? 0 : keyDrivers.respondents;
    }

    /** The respondents left out of {@link #keyDrivers()}, per first unanswered question (outcome first). */
    public Map<String, Long> keyDriverExclusions() {
        return keyDrivers == null ? Map.of() : java.util.Collections.unmodifiableMap(keyDrivers.excluded);
    }

    /** Per segment column (in the order asked), its values in ascending order. */
    public Map<String, List<SegmentSummary>> segments() {
        return segments;
    }

    /**
     * What needs attention first, at most {@link ReportOptions#highlights()} of it, in order: targets
     * missed, not met or at risk; significant changes in the last period (each segment column's
     * Holm-adjusted); the last period outside its control limits; segment values significantly below
     * the rest (Holm-adjusted). The order and the rules are in {@code docs/report.md},
     * "Highlights". Empty when nothing needs attention, and with {@code withHighlights(0)}.
     *
     * @since 0.1.0
     */
    public List<Highlight> highlights() {
        return highlights;
    }

    /** How many highlights were found beyond {@link ReportOptions#highlights()} and left out. */
    public int highlightsOmitted() {
        return highlightsOmitted;
    }
}
