package io.github.cxmetrics.report;

import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.target.Target;
import java.time.LocalDate;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The options of a report: how rows are grouped (a {@link ReportGrouping}: columns, zone, trend,
 * segments, scales, response times, respondents, bad rows) and how the tallies are turned into
 * numbers (confidence, interval methods, minimum n, targets, as-of date), plus how many threads
 * read a file.
 *
 * <p>Start from {@link #defaults()} or {@link #of(ReportGrouping)} and change what you need with
 * the {@code with…} methods, each returning a new instance. Immutable and thread-safe; a value type
 * whose {@code equals} compares every option.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>grouping</td><td>{@link ReportGrouping#defaults()}</td></tr>
 *   <tr><td>confidence</td><td>0.95</td></tr>
 *   <tr><td>minimum n</td><td>30 (smaller groups are shown and flagged)</td></tr>
 *   <tr><td>intervals</td><td>NPS adjusted Wald, proportions Wilson</td></tr>
 *   <tr><td>targets</td><td>none</td></tr>
 *   <tr><td>as-of date</td><td>the last day of the trend, or today in the report's zone</td></tr>
 *   <tr><td>threads reading a file</td><td>one per available processor</td></tr>
 *   <tr><td>most values of a segment column</td><td>10,000 ({@link #withMaxSegments})</td></tr>
 *   <tr><td>values of a segment column shown in the table and HTML</td><td>25 ({@link #withShow})</td></tr>
 *   <tr><td>calendar effects (weekend, holidays)</td><td>none ({@link #withCalendar})</td></tr>
 *   <tr><td>benchmarks</td><td>none ({@link #withBenchmark})</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class ReportOptions {
    /** The default of {@link #withMaxSegments}: 10,000 values per segment column. */
    public static final long DEFAULT_MAX_SEGMENTS = 10_000;
    /** The default of {@link #withShow}: 25 rows per segment column in the table and HTML. */
    public static final int DEFAULT_SHOW = 25;
    private static final ReportOptions DEFAULTS = new ReportOptions(ReportGrouping.defaults(), Confidence.DEFAULT, 30,
            List.of(), NpsInterval.ADJUSTED_WALD, ProportionInterval.WILSON, null, 0, DEFAULT_MAX_SEGMENTS, DEFAULT_SHOW,
            false, Map.of());

    private final ReportGrouping grouping;
    private final double confidence;
    private final long minN;
    private final List<String> targets;
    private final NpsInterval npsInterval;
    private final ProportionInterval proportionInterval;
    private final LocalDate asOf;
    /** The threads asked for, or 0 for one per available processor. */
    private final int threads;
    private final long maxSegments;
    private final int show;
    /** Whether the report compares weekends, holidays and other days ({@link #withCalendar}). */
    private final boolean calendar;
    /** The benchmark of each metric ({@link #withBenchmark}), in metric order. */
    private final Map<Metric, Double> benchmarks;

    private ReportOptions(ReportGrouping grouping, double confidence, long minN, List<String> targets,
            NpsInterval npsInterval, ProportionInterval proportionInterval, LocalDate asOf, int threads, long maxSegments,
            int show, boolean calendar, Map<Metric, Double> benchmarks) {
        this.grouping = grouping;
        this.calendar = calendar;
        this.benchmarks = benchmarks;
        this.confidence = confidence;
        this.minN = minN;
        this.targets = List.copyOf(targets);
        this.npsInterval = npsInterval;
        this.proportionInterval = proportionInterval;
        this.asOf = asOf;
        this.threads = threads;
        this.maxSegments = maxSegments;
        this.show = show;
    }

    /** The defaults listed in the class comment. */
    public static ReportOptions defaults() {
        return DEFAULTS;
    }

    /** The defaults with this grouping. */
    public static ReportOptions of(ReportGrouping grouping) {
        return DEFAULTS.withGrouping(grouping);
    }

    /** With another grouping of the rows. */
    public ReportOptions withGrouping(ReportGrouping value) {
        return new ReportOptions(Objects.requireNonNull(value, "grouping"), confidence, minN, targets, npsInterval,
                proportionInterval, asOf, threads,
                maxSegments, show, calendar, benchmarks);
    }

    /** With the grouping changed by a function, e.g. {@code o.withGrouping(g -> g.withBy(Granularity.WEEK))}. */
    public ReportOptions withGrouping(UnaryOperator<ReportGrouping> change) {
        return withGrouping(change.apply(grouping));
    }

    /**
     * The confidence level of every interval and the significance level 1 − confidence of tests.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public ReportOptions withConfidence(double value) {
        return new ReportOptions(grouping, Checks.confidence(value), minN, targets, npsInterval, proportionInterval,
                asOf, threads,
                maxSegments, show, calendar, benchmarks);
    }

    /**
     * At most this many threads read a file (the parallel scan of {@link Report#generate(java.nio.file.Path,
     * ReportOptions)}); 1 reads it on the calling thread only. The default is one thread per
     * available processor. The report is the same for any number; a stream is always read on the
     * calling thread.
     *
     * @throws IllegalArgumentException if the value is not in 1..1024
     */
    public ReportOptions withThreads(int value) {
        if (value < 1 || value > 1024) {
            throw new IllegalArgumentException("Invalid value for threads (valid values 1 - 1024): " + value);
        }
        return new ReportOptions(grouping, confidence, minN, targets, npsInterval, proportionInterval, asOf, value,
                maxSegments, show, calendar, benchmarks);
    }

    /**
     * A segment column with more distinct values than this stops the report after the scan, before
     * any summary, with a message that names the column, its number of values and the option
     * ({@code --max-segments}): such a column is most likely an id. The report is linear in the
     * number of segments, so a higher limit is safe for a real column (stores, agents).
     *
     * @throws IllegalArgumentException if the value is not positive
     */
    public ReportOptions withMaxSegments(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("Invalid value for max-segments (valid values >= 1): " + value);
        }
        return new ReportOptions(grouping, confidence, minN, targets, npsInterval, proportionInterval, asOf, threads,
                value, show, calendar, benchmarks);
    }

    /**
     * The table and HTML outputs show at most this many values of a segment column: the best and
     * the worst of the first metric, and every value that differs significantly from the rest, with
     * a line saying how many were left out. JSON and CSV keep every value.
     *
     * @throws IllegalArgumentException if the value is not positive
     */
    public ReportOptions withShow(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Invalid value for show (valid values >= 1): " + value);
        }
        return new ReportOptions(grouping, confidence, minN, targets, npsInterval, proportionInterval, asOf, threads,
                maxSegments, value, calendar, benchmarks);
    }

    /**
     * Groups with fewer responses are flagged as small.
     *
     * @throws IllegalArgumentException if the value is negative
     */
    public ReportOptions withMinN(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid value for min-n (valid values >= 0): " + value);
        }
        return new ReportOptions(grouping, confidence, value, targets, npsInterval, proportionInterval, asOf, threads,
                maxSegments, show, calendar, benchmarks);
    }

    /**
     * Add a target such as {@code nps>=40} (repeatable), in the grammar of
     * {@link io.github.cxmetrics.target.Target#parse}.
     *
     * @throws IllegalArgumentException if the expression is not a target
     */
    public ReportOptions withTarget(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("Invalid target (must not be empty): \"" + expression + "\"");
        }
        Target.parse(expression);
        List<String> list = new ArrayList<>(targets);
        list.add(expression);
        return new ReportOptions(grouping, confidence, minN, list, npsInterval, proportionInterval, asOf, threads,
                maxSegments, show, calendar, benchmarks);
    }

    /** The NPS interval method. */
    public ReportOptions withNpsInterval(NpsInterval value) {
        return new ReportOptions(grouping, confidence, minN, targets, Objects.requireNonNull(value, "npsInterval"),
                proportionInterval, asOf, threads,
                maxSegments, show, calendar, benchmarks);
    }

    /** The interval method of CSAT % satisfied and first-contact resolution. */
    public ReportOptions withProportionInterval(ProportionInterval value) {
        return new ReportOptions(grouping, confidence, minN, targets, npsInterval,
                Objects.requireNonNull(value, "proportionInterval"), asOf, threads,
                maxSegments, show, calendar, benchmarks);
    }

    /**
     * The date targets are judged at (against their deadlines). Default: the last day of the
     * trend's last period, or today in the report's zone without a trend.
     */
    public ReportOptions withAsOf(LocalDate value) {
        return new ReportOptions(grouping, confidence, minN, targets, npsInterval, proportionInterval,
                Objects.requireNonNull(value, "asOf"), threads, maxSegments, show, calendar, benchmarks);
    }

    /**
     * With or without calendar effects ({@code --calendar}): per metric, weekend against weekdays
     * and, with holidays in the grouping ({@link ReportGrouping#withHolidays}), holidays against
     * the other days, from the overall tallies of each local day in the report's zone. Switching
     * it on also switches on those day tallies ({@link ReportGrouping#withDays}); not with weights
     * (the report refuses calendar effects of a weighted report).
     *
     * @since 0.1.0
     */
    public ReportOptions withCalendar(boolean value) {
        ReportGrouping g = value ? grouping.withDays(true) : grouping;
        return new ReportOptions(g, confidence, minN, targets, npsInterval, proportionInterval, asOf, threads,
                maxSegments, show, value, benchmarks);
    }

    /**
     * With a benchmark for a metric ({@code --benchmark nps=32}): an industry figure or last year's,
     * which the report compares the metric's overall score with by the one-sample test of
     * {@link io.github.cxmetrics.target.Benchmark} (NPS adjusted-Wald z, CSAT score z with the
     * Wilson interval, CES one-sample t). A second benchmark for the same metric replaces the first.
     * Checked against the metric's range on the grouping's scale before any row is read; not with
     * weights (the report refuses benchmarks of a weighted report).
     *
     * @param value in display units: NPS points (−100 to 100), CSAT percent (78 for 78 %, strictly
     *     between 0 and 100; 0 &lt; v ≤ 1 is refused as a fraction), CES scale points
     * @throws IllegalArgumentException if the value is not finite, or outside the metric's range on
     *     the grouping's scale (CSAT: also 0 &lt; v ≤ 1, a fraction), naming the value and the range
     * @since 0.1.0
     */
    public ReportOptions withBenchmark(Metric metric, double value) {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Invalid value for " + metric.key() + " benchmark (a finite number): "
                    + value);
        }
        checkBenchmark(metric, value, grouping, confidence);
        Map<Metric, Double> all = new EnumMap<>(Metric.class);
        all.putAll(benchmarks);
        all.put(metric, value);
        return new ReportOptions(grouping, confidence, minN, targets, npsInterval, proportionInterval, asOf, threads,
                maxSegments, show, calendar, Collections.unmodifiableMap(all));
    }

    /**
     * Checks a benchmark value against the metric's range on the grouping's scale, by the test
     * itself ({@link Metric#versus}) on a probe tally of two responses, so that the message is the
     * library's: {@code Invalid value for nps benchmark (valid values -100.0 - 100.0): 120.0}, or for
     * CSAT 0.9 that it looks like a fraction.
     *
     * @throws IllegalArgumentException if the value is outside the range
     */
    static void checkBenchmark(Metric metric, double value, ReportGrouping grouping, double confidence) {
        io.github.cxmetrics.scale.Scale scale = switch (metric) {
            case NPS -> io.github.cxmetrics.scale.NpsScale.STANDARD;
            case CSAT -> grouping.csatScale();
            case CES -> grouping.cesScale();
        };
        long[] probe = new long[scale.points()];
        probe[0] = 1;
        probe[probe.length - 1] = 1;
        metric.versus(io.github.cxmetrics.tally.Tally.of(scale, probe), value, confidence);
    }

    /** The benchmark of each metric that has one, in the order NPS, CSAT, CES ({@link #withBenchmark}). */
    public Map<Metric, Double> benchmarks() {
        return benchmarks;
    }

    /** Whether the report has calendar effects ({@link #withCalendar}). */
    public boolean calendar() {
        return calendar;
    }

    /**
     * These options with the computation options (confidence, interval methods, minimum n,
     * targets, as-of date, threads, the segment limit and how many are shown, calendar effects,
     * benchmarks) of {@code other}: what {@link Report#fromTallies} applies to a
     * saved grouping.
     */
    ReportOptions withComputationOf(ReportOptions other) {
        return new ReportOptions(grouping, other.confidence, other.minN, other.targets, other.npsInterval,
                other.proportionInterval, other.asOf, other.threads, other.maxSegments, other.show, other.calendar,
                other.benchmarks);
    }

    /** How rows are grouped. */
    public ReportGrouping grouping() {
        return grouping;
    }

    /** The most threads that read a file: the value given, or the number of available processors. */
    public int threads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The most distinct values of a segment column that the report accepts. */
    public long maxSegments() {
        return maxSegments;
    }

    /** The most values of a segment column shown in the table and HTML outputs. */
    public int show() {
        return show;
    }

    /** The confidence level. */
    public double confidence() {
        return confidence;
    }

    /** The minimum n below which groups are flagged. */
    public long minN() {
        return minN;
    }

    /** The target expressions, in the order given. */
    public List<String> targets() {
        return targets;
    }

    /** The NPS interval method. */
    public NpsInterval npsInterval() {
        return npsInterval;
    }

    /** The proportion interval method. */
    public ProportionInterval proportionInterval() {
        return proportionInterval;
    }

    /** The evaluation date of targets, if set. */
    public Optional<LocalDate> asOf() {
        return Optional.ofNullable(asOf);
    }

    /**
     * What the response times measure: {@link ResponseTimeBasis#BUSINESS_HOURS} with business
     * hours, else {@link ResponseTimeBasis#ELAPSED} with timestamps, else
     * {@link ResponseTimeBasis#COLUMN}.
     */
    public ResponseTimeBasis responseTimeBasis() {
        if (grouping.responseFromColumn() == null) {
            return ResponseTimeBasis.COLUMN;
        }
        return grouping.businessHours() == null ? ResponseTimeBasis.ELAPSED : ResponseTimeBasis.BUSINESS_HOURS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportOptions other && grouping.equals(other.grouping)
                && Double.compare(confidence, other.confidence) == 0 && minN == other.minN
                && targets.equals(other.targets) && npsInterval == other.npsInterval
                && proportionInterval == other.proportionInterval && Objects.equals(asOf, other.asOf)
                && threads == other.threads && maxSegments == other.maxSegments && show == other.show
                && calendar == other.calendar && benchmarks.equals(other.benchmarks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grouping, confidence, minN, targets, npsInterval, proportionInterval, asOf, threads,
                maxSegments, show, calendar, benchmarks);
    }

    /** For example {@code ReportOptions[--by week --segment channel; confidence 0.95, min-n 30, …]}. */
    @Override
    public String toString() {
        return "ReportOptions[" + grouping + (grouping.toString().isEmpty() ? "" : "; ") + "confidence " + confidence
                + ", min-n " + minN + ", targets " + targets + ", nps-interval " + npsInterval
                + ", proportion-interval " + proportionInterval + ", as-of " + (asOf == null ? "(default)" : asOf)
                + ", threads " + (threads == 0 ? "(one per processor)" : threads) + ", max-segments " + maxSegments
                + ", show " + show + (calendar ? ", calendar" : "") + (benchmarks.isEmpty() ? ""
                : ", benchmarks " + benchmarks) + "]";
    }
}
