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
 *   <tr><td>threads reading a file and summarising many segment values</td><td>one per available processor</td></tr>
 *   <tr><td>most values of a segment column</td><td>10,000 ({@link #withMaxSegments})</td></tr>
 *   <tr><td>values of a segment column shown in the table and HTML</td><td>25 ({@link #withShow})</td></tr>
 *   <tr><td>highlights the report opens with</td><td>10 ({@link #withHighlights})</td></tr>
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
    /** The default of {@link #withHighlights}: the report opens with at most 10 highlights. */
    public static final int DEFAULT_HIGHLIGHTS = 10;
    private static final ReportOptions DEFAULTS = new ReportOptions(new State());

    /**
     * Every option, mutable only while a wither builds the next instance: a new option is a field
     * here, a wither, an accessor, and a line in {@code equals}, {@code hashCode} and
     * {@code toString}.
     */
    private static final class State implements Cloneable {
        ReportGrouping grouping = ReportGrouping.defaults();
        double confidence = Confidence.DEFAULT;
        long minN = 30;
        List<String> targets = List.of();
        NpsInterval npsInterval = NpsInterval.ADJUSTED_WALD;
        ProportionInterval proportionInterval = ProportionInterval.WILSON;
        LocalDate asOf;
        /** The threads asked for, or 0 for one per available processor. */
        int threads;
        long maxSegments = DEFAULT_MAX_SEGMENTS;
        int show = DEFAULT_SHOW;
        List<String> ranks = List.of();
        boolean bayes;
        String driversOutcome;
        int highlights = DEFAULT_HIGHLIGHTS;
        /** Whether the report compares weekends, holidays and other days ({@link #withCalendar}). */
        boolean calendar;
        /** The benchmark of each metric ({@link #withBenchmark}), in metric order. */
        Map<Metric, Double> benchmarks = Map.of();

        @Override
        protected State clone() {
            try {
                return (State) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final State state;

    private ReportOptions(State s) {
        this.state = s;
    }

    /** A copy of these options with one change. */
    private ReportOptions with(java.util.function.Consumer<State> change) {
        State next = state.clone();
        change.accept(next);
        return new ReportOptions(next);
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
        return with(s -> s.grouping = Objects.requireNonNull(value, "grouping"));
    }

    /** With the grouping changed by a function, e.g. {@code o.withGrouping(g -> g.withBy(Granularity.WEEK))}. */
    public ReportOptions withGrouping(UnaryOperator<ReportGrouping> change) {
        return withGrouping(change.apply(state.grouping));
    }

    /**
     * The confidence level of every interval and the significance level 1 − confidence of tests.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public ReportOptions withConfidence(double value) {
        return with(s -> s.confidence = Checks.confidence(value));
    }

    /**
     * At most this many threads read a file (the parallel scan of {@link Report#generate(java.nio.file.Path,
     * ReportOptions)}, and the merge of its workers' tallies when they met 2,048 groups or more) and
     * summarise a segment column of at least 2,048 values (in any report);
     * 1 runs everything on the calling thread. The default is one thread per available processor.
     * The report is the same for any number; a stream is always read on the calling thread.
     *
     * @throws IllegalArgumentException if the value is not in 1..1024
     */
    public ReportOptions withThreads(int value) {
        if (value < 1 || value > 1024) {
            throw new IllegalArgumentException("Invalid value for threads (valid values 1 - 1024): " + value);
        }
        return with(s -> s.threads = value);
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
        return with(s -> s.maxSegments = value);
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
        return with(s -> s.show = value);
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
        return with(s -> s.minN = value);
    }

    /**
     * Add a target such as {@code nps>=40} (repeatable), in the grammar of
     * {@link io.github.cxmetrics.target.Target#parse}. A target that names a period ({@code in},
     * {@code vs}) also switches on the day tallies ({@link ReportGrouping#withDays}).
     *
     * @throws IllegalArgumentException if the expression is not a target
     */
    public ReportOptions withTarget(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("Invalid target (must not be empty): \"" + expression + "\"");
        }
        Target target = Target.parse(expression);
        List<String> list = new ArrayList<>(state.targets);
        list.add(expression);
        return with(s -> {
            s.targets = List.copyOf(list);
            // a target with a window or a named baseline (in/vs) is judged on the tallies of each day
            if (target.hasPeriods()) {
                s.grouping = s.grouping.withDays(true);
            }
        });
    }

    /**
     * Add a segment column whose values are ranked fairly (repeatable): by empirical-Bayes
     * shrinkage of their NPS, CSAT % satisfied and first-contact resolution
     * ({@link io.github.cxmetrics.insight.GroupRanking}), in {@link Report#rankings()}. The column
     * must be a segment column of the grouping, and the report unweighted (checked before reading).
     *
     * @throws IllegalArgumentException if the column name is blank or already ranked
     */
    public ReportOptions withRank(String column) {
        if (column == null || column.isBlank() || state.ranks.contains(column)) {
            throw new IllegalArgumentException("Invalid value for rank (valid values: a segment column, each once): \""
                    + column + "\"");
        }
        List<String> list = new ArrayList<>(state.ranks);
        list.add(column);
        return with(s -> s.ranks = List.copyOf(list));
    }

    /**
     * With or without the posterior probabilities of improvement ({@link Report#improvements()}):
     * each trend period against the previous one and each segment value against the rest, for
     * every metric (uniform priors; see {@link io.github.cxmetrics.insight.ProbabilityBetter}).
     * Refused for weighted reports, before reading.
     */
    public ReportOptions withBayes(boolean value) {
        return with(s -> s.bayes = value);
    }

    /**
     * With the key drivers of a KTO survey's outcome question ({@link Report#keyDrivers()}): the
     * survey's other questions as drivers, LMG and relative weights with bootstrap intervals
     * (docs/drivers.md). Needs a survey with that question, checked before reading.
     *
     * @throws IllegalArgumentException if the question id is blank
     */
    public ReportOptions withDrivers(String outcomeQuestion) {
        if (outcomeQuestion == null || outcomeQuestion.isBlank()) {
            throw new IllegalArgumentException("Invalid value for drivers (valid values: a question id of the survey): \""
                    + outcomeQuestion + "\"");
        }
        return with(s -> s.driversOutcome = outcomeQuestion);
    }

    /** The NPS interval method. */
    public ReportOptions withNpsInterval(NpsInterval value) {
        return with(s -> s.npsInterval = Objects.requireNonNull(value, "npsInterval"));
    }

    /** The interval method of CSAT % satisfied and first-contact resolution. */
    public ReportOptions withProportionInterval(ProportionInterval value) {
        return with(s -> s.proportionInterval = Objects.requireNonNull(value, "proportionInterval"));
    }

    /**
     * The date targets are judged at (against their deadlines). Default: the last day of the
     * trend's last period, or today in the report's zone without a trend.
     */
    public ReportOptions withAsOf(LocalDate value) {
        return with(s -> s.asOf = Objects.requireNonNull(value, "asOf"));
    }

    /**
     * The report opens with at most this many highlights ({@link Report#highlights()}): targets
     * missed or at risk, significant changes in the last period, the last period outside its control
     * limits, segment values significantly below the rest, in the order of {@code docs/report.md}
     * ("Highlights"); 0 turns the section off in every output.
     *
     * @throws IllegalArgumentException if the value is negative
     * @since 0.1.0
     */
    public ReportOptions withHighlights(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid value for highlights (valid values >= 0, 0 turns them off): "
                    + value);
        }
        return with(s -> s.highlights = value);
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
        return with(s -> {
            s.calendar = value;
            if (value) {
                s.grouping = s.grouping.withDays(true);
            }
        });
    }

    /**
     * With a benchmark for a metric ({@code --benchmark nps=32}): an industry figure or last year's,
     * which the report compares the metric's overall score with by the one-sample test of
     * {@link io.github.cxmetrics.target.Benchmark} (NPS adjusted-Wald z, CSAT score z with the
     * Wilson interval, CES one-sample t). A second benchmark for the same metric replaces the first.
     * Checked against the metric's range on the grouping's scale before any row is read; a weighted
     * report tests the weighted score (Kish's effective n).
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
        checkBenchmark(metric, value, state.grouping, state.confidence);
        Map<Metric, Double> all = new EnumMap<>(Metric.class);
        all.putAll(state.benchmarks);
        all.put(metric, value);
        return with(s -> s.benchmarks = Collections.unmodifiableMap(all));
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
        return state.benchmarks;
    }

    /** Whether the report has calendar effects ({@link #withCalendar}). */
    public boolean calendar() {
        return state.calendar;
    }

    /**
     * These options with the computation options (confidence, interval methods, minimum n,
     * targets, as-of date, threads, the segment limit and how many are shown, calendar effects,
     * benchmarks) of {@code other}: what {@link Report#fromTallies} applies to a
     * saved grouping.
     */
    ReportOptions withComputationOf(ReportOptions other) {
        State next = other.state.clone();
        next.grouping = state.grouping;
        return new ReportOptions(next);
    }

    /** How rows are grouped. */
    public ReportGrouping grouping() {
        return state.grouping;
    }

    /** The most threads that read a file or summarise many segment values: the value given, or the number of available processors. */
    public int threads() {
        return state.threads > 0 ? state.threads : Runtime.getRuntime().availableProcessors();
    }

    /** The most distinct values of a segment column that the report accepts. */
    public long maxSegments() {
        return state.maxSegments;
    }

    /** The most values of a segment column shown in the table and HTML outputs. */
    public int show() {
        return state.show;
    }

    /** The most highlights the report opens with; 0 when they are off. */
    public int highlights() {
        return state.highlights;
    }

    /** The confidence level. */
    public double confidence() {
        return state.confidence;
    }

    /** The minimum n below which groups are flagged. */
    public long minN() {
        return state.minN;
    }

    /** The outcome question of the key driver analysis, or null without one. */
    public String driversOutcome() {
        return state.driversOutcome;
    }

    /** Whether the report has the posterior probabilities of improvement. */
    public boolean bayes() {
        return state.bayes;
    }

    /** The segment columns to rank, in the order given. */
    public List<String> ranks() {
        return state.ranks;
    }

    /** The target expressions, in the order given. */
    public List<String> targets() {
        return state.targets;
    }

    /** The NPS interval method. */
    public NpsInterval npsInterval() {
        return state.npsInterval;
    }

    /** The proportion interval method. */
    public ProportionInterval proportionInterval() {
        return state.proportionInterval;
    }

    /** The evaluation date of targets, if set. */
    public Optional<LocalDate> asOf() {
        return Optional.ofNullable(state.asOf);
    }

    /**
     * What the response times measure: {@link ResponseTimeBasis#BUSINESS_HOURS} with business
     * hours, else {@link ResponseTimeBasis#ELAPSED} with timestamps, else
     * {@link ResponseTimeBasis#COLUMN}.
     */
    public ResponseTimeBasis responseTimeBasis() {
        if (state.grouping.responseFromColumn() == null) {
            return ResponseTimeBasis.COLUMN;
        }
        return state.grouping.businessHours() == null ? ResponseTimeBasis.ELAPSED : ResponseTimeBasis.BUSINESS_HOURS;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReportOptions other)) {
            return false;
        }
        State a = state;
        State b = other.state;
        return a.grouping.equals(b.grouping) && Double.compare(a.confidence, b.confidence) == 0 && a.minN == b.minN
                && a.targets.equals(b.targets) && a.npsInterval == b.npsInterval
                && a.proportionInterval == b.proportionInterval && Objects.equals(a.asOf, b.asOf)
                && a.threads == b.threads && a.maxSegments == b.maxSegments && a.show == b.show
                && a.ranks.equals(b.ranks) && a.bayes == b.bayes && Objects.equals(a.driversOutcome, b.driversOutcome)
                && a.highlights == b.highlights && a.calendar == b.calendar
                && a.benchmarks.equals(b.benchmarks);
    }

    @Override
    public int hashCode() {
        State a = state;
        return Objects.hash(a.grouping, a.confidence, a.minN, a.targets, a.npsInterval, a.proportionInterval, a.asOf,
                a.threads, a.maxSegments, a.show, a.ranks, a.bayes, a.driversOutcome, a.highlights,
                a.calendar, a.benchmarks);
    }

    /** For example {@code ReportOptions[--by week --segment channel; confidence 0.95, min-n 30, …]}. */
    @Override
    public String toString() {
        State a = state;
        return "ReportOptions[" + a.grouping + (a.grouping.toString().isEmpty() ? "" : "; ") + "confidence "
                + a.confidence + ", min-n " + a.minN + ", targets " + a.targets + ", nps-interval " + a.npsInterval
                + ", proportion-interval " + a.proportionInterval + ", as-of " + (a.asOf == null ? "(default)" : a.asOf)
                + ", threads " + (a.threads == 0 ? "(one per processor)" : a.threads) + ", max-segments "
                + a.maxSegments + ", show " + a.show + (a.ranks.isEmpty() ? "" : ", rank " + a.ranks)
                + (a.bayes ? ", bayes" : "") + (a.driversOutcome == null ? "" : ", drivers " + a.driversOutcome)
                + ", highlights " + a.highlights + (a.calendar ? ", calendar" : "")
                + (a.benchmarks.isEmpty() ? "" : ", benchmarks " + a.benchmarks) + "]";
    }
}
