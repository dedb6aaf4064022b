package io.github.cxmetrics.report;

import io.github.cxmetrics.io.BadRowException;
import io.github.cxmetrics.io.CsvFormatException;
import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.io.CsvValueException;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.target.Target;
import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.trend.Series;
import io.github.cxmetrics.trend.SeriesPoint;
import io.github.cxmetrics.trend.Trend;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/** One streaming pass over a CSV export into group tallies, then the summaries. */
final class ReportGenerator {
    static final int MAX_EXAMPLES = 5;

    private final ReportOptions options;
    private final Scoring scoring;
    private final Scale[] scales = new Scale[Metric.values().length];
    private final List<Metric> metrics = new ArrayList<>();
    private final int[] metricColumn = new int[Metric.values().length];
    private LongConsumer progress = bytes -> { };
    private OpsColumns ops;
    /** Empty operational tallies for a new group, or null without operational KPIs. */
    private java.util.function.Supplier<OpsTallies> opsFactory;
    private RespondentFilter respondents;

    ReportGenerator(ReportOptions options) {
        this.options = options;
        this.scoring = new Scoring(options);
    }

    ReportGenerator onProgress(LongConsumer bytesRead) {
        this.progress = bytesRead;
        return this;
    }

    /** Leaves out the rows that the first pass of respondent deduplication did not keep. */
    ReportGenerator withRespondents(RespondentFilter filter) {
        this.respondents = filter;
        return this;
    }

    /**
     * The generator of a report from stored tallies: the metrics, scales and operational KPIs are
     * those of the tallies, and nothing is read.
     */
    static Report summarize(ReportOptions options, ReportTallies tallies) {
        ReportGenerator g = new ReportGenerator(options);
        for (Metric m : tallies.metrics) {
            g.metrics.add(m);
            g.scales[m.ordinal()] = tallies.scales[m.ordinal()];
        }
        g.opsFactory = tallies.opsFactory();
        g.targets();
        return g.summarize(tallies);
    }

    /**
     * Where the report's columns are in a header and how rows are grouped: everything the row pass
     * needs besides the metrics and operational columns, which it sets on this generator.
     */
    record Layout(int fields, Granularity by, int timeColumn, int weightColumn, List<String> segmentNames,
            int[] segmentColumns) {
        boolean weighted() {
            return weightColumn >= 0;
        }
    }

    /**
     * Resolves the header: the metrics, the operational columns, the trend and segment columns, and
     * checks the targets, before any row is read.
     *
     * @throws IllegalArgumentException if a required column is missing, there is nothing to report,
     *     a target does not fit or respondent deduplication has no file to read twice
     */
    Layout prepare(CsvHeader header) {
        resolveMetrics(header);
        ops = OpsColumns.resolve(header, options);
        opsFactory = ops.isActive() ? ops::newTallies : null;
        requireSomethingToReport(header);
        if (options.respondentColumn().isPresent() && respondents == null) {
            throw new IllegalArgumentException("Respondent deduplication (--respondent) reads the input twice: "
                    + "give a file, not a stream");
        }
        targets(); // checked before reading the rows
        Granularity by = options.by().orElse(null);
        int timeColumn = by == null ? -1 : requireColumn(header, options.timestampColumn(), "--timestamp");
        int weightColumn = options.weightColumn().map(c -> requireColumn(header, c, "--weight")).orElse(-1);
        List<String> segmentNames = options.segments();
        int[] segmentColumns = new int[segmentNames.size()];
        for (int i = 0; i < segmentColumns.length; i++) {
            segmentColumns[i] = requireColumn(header, segmentNames.get(i), "--segment");
        }
        return new Layout(header.size(), by, timeColumn, weightColumn, segmentNames, segmentColumns);
    }

    /**
     * Reads a file: with the parallel byte-level scan ({@link ParallelScan}) when the options allow it
     * and every row is in the forms it reads, else with the streaming pass of
     * {@link #read(InputStream, String)}. Both give the same tallies.
     */
    static Report read(Path file, ReportOptions options, LongConsumer progress, RespondentFilter respondents)
            throws IOException {
        if (ParallelScan.supports(options)) {
            ReportGenerator g = new ReportGenerator(options);
            Layout layout;
            long dataStart;
            try (CsvReader reader = CsvReader.open(file, options.delimiter())) {
                CsvHeader header = CsvHeader.read(reader);
                layout = g.prepare(header);
                dataStart = reader.bytesRead();
            }
            ReportTallies tallies = new ParallelScan(g, layout).scan(file, dataStart, progress);
            if (tallies != null) {
                return g.summarize(tallies);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new ReportGenerator(options).onProgress(progress).withRespondents(respondents)
                    .read(in, file.toString());
        }
    }

    Report read(InputStream in, String name) throws IOException {
        CsvReader reader = CsvReader.of(in, options.delimiter());
        CsvHeader header = CsvHeader.read(reader);
        Layout layout = prepare(header);
        Granularity by = layout.by();
        int timeColumn = layout.timeColumn();
        int weightColumn = layout.weightColumn();
        List<String> segmentNames = layout.segmentNames();
        int[] segmentColumns = layout.segmentColumns();
        boolean weighted = layout.weighted();
        PeriodResolver timestamps = by == null ? null : new PeriodResolver(by, options.zone());

        GroupTallies overall = newGroup(weighted);
        TreeMap<CalendarPeriod, GroupTallies> periods = new TreeMap<>();
        List<Map<String, ReportTallies.SegmentData>> segments = new ArrayList<>();
        for (int i = 0; i < segmentColumns.length; i++) {
            segments.add(new HashMap<>());
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        long rows = 0;
        long rejected = 0;
        long duplicates = 0;
        int metricCount = metrics.size();
        int[] scores = new int[metricCount];
        String[] segmentValues = new String[segmentColumns.length];
        int fields = layout.fields();
        long nextProgress = 0;

        while (reader.next()) {
            rows++;
            CalendarPeriod period = null;
            double weight = 1;
            boolean duplicate = false;
            try {
                if (reader.fieldCount() != fields) {
                    throw new BadRowException(reader.line(), null,
                            "expected " + fields + " fields, found " + reader.fieldCount());
                }
                for (int m = 0; m < metricCount; m++) {
                    scores[m] = readScore(reader, metrics.get(m), header);
                }
                if (weighted) {
                    weight = readWeight(reader, weightColumn, header);
                }
                if (timestamps != null) {
                    period = readPeriod(reader, timeColumn, header, timestamps);
                }
                for (int s = 0; s < segmentColumns.length; s++) {
                    segmentValues[s] = reader.field(segmentColumns[s]);
                }
                ops.read(reader, header);
                duplicate = respondents != null && respondents.isDuplicate(reader, header);
            } catch (BadRowException | CsvFormatException problem) {
                BadRowException bad = problem instanceof CsvFormatException text ? badText(text, header)
                        : (BadRowException) problem;
                if (options.onBadRow() == BadRowPolicy.FAIL) {
                    throw bad;
                }
                rejected++;
                reasons.merge(reasonKind(bad), 1L, Long::sum);
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(bad.getMessage());
                }
                continue;
            }
            if (duplicate) {
                duplicates++;
                continue;
            }
            GroupTallies inPeriod = period == null ? null : periods.computeIfAbsent(period, p -> newGroup(weighted));
            GroupTallies[] inSegment = new GroupTallies[segmentColumns.length];
            GroupTallies[] inSegmentPeriod = new GroupTallies[segmentColumns.length];
            for (int s = 0; s < segmentColumns.length; s++) {
                ReportTallies.SegmentData data = segments.get(s).computeIfAbsent(segmentValues[s],
                        v -> new ReportTallies.SegmentData(newGroup(weighted)));
                inSegment[s] = data.total;
                if (period != null) {
                    inSegmentPeriod[s] = data.byPeriod.computeIfAbsent(period, p -> newGroup(weighted));
                }
            }
            for (int m = 0; m < metricCount; m++) {
                int score = scores[m];
                if (score == MISSING) {
                    continue;
                }
                int index = metrics.get(m).ordinal();
                overall.add(index, score, weight);
                if (inPeriod != null) {
                    inPeriod.add(index, score, weight);
                }
                for (int s = 0; s < segmentColumns.length; s++) {
                    inSegment[s].add(index, score, weight);
                    if (inSegmentPeriod[s] != null) {
                        inSegmentPeriod[s].add(index, score, weight);
                    }
                }
            }
            addOps(overall, inPeriod, inSegment, inSegmentPeriod);
            if (reader.bytesRead() >= nextProgress) {
                progress.accept(reader.bytesRead());
                nextProgress = reader.bytesRead() + (8L << 20);
            }
        }

        InputSummary input = new InputSummary(name, rows, rejected, reasons, examples, weighted, duplicates);
        return summarize(tallies(input, overall, periods, segmentNames, segments));
    }

    /** The tallies of a pass, with the metrics, scales and operational KPIs of this generator. */
    ReportTallies tallies(InputSummary input, GroupTallies overall, TreeMap<CalendarPeriod, GroupTallies> periods,
            List<String> segmentNames, List<Map<String, ReportTallies.SegmentData>> segments) {
        return new ReportTallies(input, List.copyOf(metrics), usedScales(), overall, periods, segmentNames, segments,
                ops.hasResponseTime(), ops.hasFcr(), ops.hasSurvey(), options.responseTarget());
    }

    /** The scale of each reported metric by {@link Metric#ordinal()}, null for the others. */
    Scale[] usedScales() {
        Scale[] used = new Scale[scales.length];
        for (Metric m : metrics) {
            used[m.ordinal()] = scales[m.ordinal()];
        }
        return used;
    }

    /** The reported metrics, in column order of the report. */
    List<Metric> metrics() {
        return metrics;
    }

    /** The column of a reported metric. */
    int column(Metric metric) {
        return metricColumn[metric.ordinal()];
    }

    /** The operational columns, after {@link #prepare}. */
    OpsColumns ops() {
        return ops;
    }

    ReportOptions options() {
        return options;
    }

    /** The summaries of the collected tallies: overall, trend, targets, segments. */
    Report summarize(ReportTallies tallies) {
        boolean weighted = tallies.input.weighted();
        GroupTallies overall = tallies.overall;
        TreeMap<CalendarPeriod, GroupTallies> periods = tallies.periods;
        List<String> segmentNames = tallies.segmentNames;
        List<Map<String, ReportTallies.SegmentData>> segments = tallies.segments;
        List<Target> targets = targets();
        List<CalendarPeriod> timeline = timeline(periods);
        Map<Metric, MetricSummary> overallSummary = summarize(overall);
        List<PeriodSummary> trend = trend(timeline, periods, weighted);
        Map<Metric, Series> overallSeries = weighted ? Map.of() : series(timeline, periods);
        Map<Metric, Trend> trendLines = new EnumMap<>(Metric.class);
        overallSeries.forEach((m, s) -> s.trend().ifPresent(t -> trendLines.put(m, t)));
        List<Assessment> assessments = new ArrayList<>();
        for (Target target : targets) {
            assessments.add(assess(target, overall, timeline, periods, overallSeries));
        }
        Map<String, List<SegmentSummary>> segmentSummaries = new LinkedHashMap<>();
        for (int s = 0; s < segmentNames.size(); s++) {
            segmentSummaries.put(segmentNames.get(s), segmentSummaries(segments.get(s), timeline, weighted));
        }
        return new Report(tallies.input, options, metrics, overallSummary, operations(overall), trend,
                segmentSummaries, trendLines, assessments, tallies);
    }

    static final int MISSING = Integer.MIN_VALUE;

    private void resolveMetrics(CsvHeader header) {
        scales[Metric.NPS.ordinal()] = io.github.cxmetrics.scale.NpsScale.STANDARD;
        scales[Metric.CSAT.ordinal()] = options.csatScale();
        scales[Metric.CES.ordinal()] = options.cesScale();
        for (Metric m : Metric.values()) {
            String column = options.column(m);
            boolean asked = options.metrics().map(set -> set.contains(m)).orElse(false);
            int index = header.indexOf(column);
            if (asked && index < 0) {
                throw new IllegalArgumentException("Missing required column \"" + column + "\" for " + m.key()
                        + " " + HeaderText.of(header, options.delimiter()));
            }
            boolean wanted = options.metrics().map(set -> set.contains(m)).orElse(index >= 0);
            if (wanted) {
                metrics.add(m);
                metricColumn[m.ordinal()] = index;
            }
        }
    }

    private void requireSomethingToReport(CsvHeader header) {
        if (metrics.isEmpty() && !ops.isActive()) {
            throw new IllegalArgumentException("No score column found: expected nps, csat or ces (or map one with "
                    + "--column metric=NAME), " + options.responseColumn() + ", " + options.fcrColumn()
                    + " or a --survey " + HeaderText.of(header, options.delimiter()));
        }
    }

    private void addOps(GroupTallies overall, GroupTallies inPeriod, GroupTallies[] inSegment,
            GroupTallies[] inSegmentPeriod) {
        if (!ops.isActive()) {
            return;
        }
        ops.addTo(overall.ops());
        if (inPeriod != null) {
            ops.addTo(inPeriod.ops());
        }
        for (int s = 0; s < inSegment.length; s++) {
            ops.addTo(inSegment[s].ops());
            if (inSegmentPeriod[s] != null) {
                ops.addTo(inSegmentPeriod[s].ops());
            }
        }
    }

    private OperationalSummary operations(GroupTallies group) {
        return group.ops() == null ? OperationalSummary.NONE : group.ops().summarize(options);
    }

    private int requireColumn(CsvHeader header, String name, String option) {
        int index = header.indexOf(name);
        char delimiter = options.delimiter();
        if (index < 0) {
            throw new IllegalArgumentException("Missing required column \"" + name + "\" (" + option + ") "
                    + HeaderText.of(header, delimiter));
        }
        return index;
    }

    /** Empty operational tallies for a group, or null without operational KPIs. */
    OpsTallies newOps() {
        return opsFactory == null ? null : opsFactory.get();
    }

    GroupTallies newGroup(boolean weighted) {
        GroupTallies group = new GroupTallies(usedScales(), weighted);
        OpsTallies ops = newOps();
        return ops != null ? group.withOps(ops) : group;
    }

    private int readScore(CsvReader reader, Metric metric, CsvHeader header) {
        int column = metricColumn[metric.ordinal()];
        if (reader.isEmpty(column)) {
            return MISSING;
        }
        Scale scale = scales[metric.ordinal()];
        int value;
        try {
            value = reader.smallInt(column);
        } catch (CsvValueException notInteger) {
            throw notOnScale(reader, header, column, scale, reader.field(column));
        }
        if (!scale.contains(value)) {
            throw notOnScale(reader, header, column, scale, reader.field(column));
        }
        return value;
    }

    private static BadRowException notOnScale(CsvReader reader, CsvHeader header, int column, Scale scale,
            String raw) {
        return new BadRowException(reader.line(), header.name(column), "\"" + shorten(raw) + "\" is not on the "
                + scale.kind() + " scale " + scale.min() + ".." + scale.max());
    }

    private static double readWeight(CsvReader reader, int column, CsvHeader header) {
        String raw = reader.field(column).strip();
        if (raw.isEmpty()) {
            throw new BadRowException(reader.line(), header.name(column), "missing weight");
        }
        try {
            double w = Double.parseDouble(raw);
            if (raw.matches(".*[^0-9eE.+-].*")) {
                throw new NumberFormatException(raw);
            }
            return WeightedTallyAccumulator.requireValidWeight(w);
        } catch (IllegalArgumentException e) {
            throw new BadRowException(reader.line(), header.name(column), "\"" + shorten(raw)
                    + "\" is not a valid weight (0, or a number from 2^-64 to 2^64)");
        }
    }

    private static CalendarPeriod readPeriod(CsvReader reader, int column, CsvHeader header, PeriodResolver timestamps) {
        String raw = reader.field(column);
        if (raw.isBlank()) {
            throw new BadRowException(reader.line(), header.name(column), "missing timestamp");
        }
        try {
            return timestamps.resolve(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRowException(reader.line(), header.name(column), "\"" + shorten(raw)
                    + "\" is not a timestamp (ISO-8601 date-time with offset, local date-time, or date)");
        }
    }

    /**
     * A field of the current row that cannot be decoded (invalid UTF-8), as a bad row: the reader
     * stays usable after such a field error, so under {@code --on-bad-row skip} the row is counted
     * and the rest of the input read.
     */
    private static BadRowException badText(CsvFormatException e, CsvHeader header) {
        int column = e.column() - 1;
        String name = column >= 0 && column < header.size() ? header.name(column) : null;
        return new BadRowException(e.line(), name, e.reason());
    }

    private static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
    }

    private static String reasonKind(BadRowException bad) {
        String reason = bad.reason();
        int quote = reason.lastIndexOf("\" ");
        String kind = reason.startsWith("\"") && quote > 0 ? reason.substring(quote + 2) : reason;
        if (kind.startsWith("expected ")) {
            kind = "wrong number of fields";
        } else if (kind.startsWith("invalid UTF-8")) {
            kind = "invalid UTF-8";
        }
        return bad.column() == null ? kind : bad.column() + ": " + kind;
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

    private List<PeriodSummary> trend(List<CalendarPeriod> timeline, Map<CalendarPeriod, GroupTallies> data, boolean weighted) {
        List<PeriodSummary> out = new ArrayList<>();
        GroupTallies previous = null;
        for (CalendarPeriod p : timeline) {
            GroupTallies group = data.getOrDefault(p, newGroup(weighted));
            Map<Metric, MetricSummary> summaries = summarize(group);
            if (previous != null) {
                for (Metric m : metrics) {
                    Comparison change = scoring.compare(m, group, previous, m.ordinal());
                    summaries.put(m, summaries.get(m).withChange(change));
                }
            }
            out.add(new PeriodSummary(p.label(), p.start(), summaries, operations(group)));
            previous = group;
        }
        if (!weighted) {
            for (Map.Entry<Metric, Series> e : series(timeline, data).entrySet()) {
                List<SeriesPoint> points = e.getValue().points();
                for (int i = 0; i < points.size(); i++) {
                    SeriesPoint point = points.get(i);
                    if (point.controlLimits().isPresent()) {
                        Map<Metric, MetricSummary> m = new EnumMap<>(out.get(i).metrics());
                        m.put(e.getKey(), m.get(e.getKey()).withControl(point.controlLimits().get(),
                                point.isOutOfControl()));
                        PeriodSummary old = out.get(i);
                        out.set(i, new PeriodSummary(old.period(), old.start(), m, old.operations()));
                    }
                }
            }
        }
        return out;
    }

    /** One series per metric over the timeline, for control limits, trend lines and targets. */
    private Map<Metric, Series> series(List<CalendarPeriod> timeline, Map<CalendarPeriod, GroupTallies> data) {
        Map<Metric, Series> out = new EnumMap<>(Metric.class);
        if (timeline.isEmpty()) {
            return out;
        }
        for (Metric m : metrics) {
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

    private List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (String expression : options.targets()) {
            Target target = Target.parse(expression);
            Metric metric = target.metric();
            if (!metrics.contains(metric)) {
                throw new IllegalArgumentException("Target \"" + expression + "\" needs the " + metric.key()
                        + " column, which is not in the report");
            }
            if (options.weightColumn().isPresent()) {
                throw new IllegalArgumentException("Target \"" + expression
                        + "\": targets are judged on unweighted responses and cannot be combined with --weight");
            }
            if (target.kind() == Target.Kind.CHANGE && options.by().isEmpty()) {
                throw new IllegalArgumentException("Target \"" + expression
                        + "\" is a change: it needs a trend (--by), and compares the last period with the first");
            }
            out.add(target);
        }
        return out;
    }

    /**
     * Judges a target. With a trend: the last period's responses, projected with the overall series
     * (a change target: the last period against the first); without: all responses.
     */
    private Assessment assess(Target target, GroupTallies overall, List<CalendarPeriod> timeline,
            Map<CalendarPeriod, GroupTallies> periods, Map<Metric, Series> series) {
        Metric m = target.metric();
        int index = m.ordinal();
        if (timeline.isEmpty()) {
            Target.Evaluation e = target.evaluation(overall.tally(index)).confidence(options.confidence())
                    .asOf(options.asOf().orElse(java.time.LocalDate.now(options.zone())));
            return e.evaluate();
        }
        CalendarPeriod last = timeline.get(timeline.size() - 1);
        Tally empty = Tally.empty(scales[index]);
        Tally current = periods.containsKey(last) ? periods.get(last).tally(index) : empty;
        Target.Evaluation e = target.evaluation(current).confidence(options.confidence())
                .asOf(options.asOf().orElse(last.end().minusDays(1))).trend(series.get(m));
        if (target.kind() == Target.Kind.CHANGE) {
            CalendarPeriod first = timeline.get(0);
            e.baseline(periods.containsKey(first) ? periods.get(first).tally(index) : empty);
        }
        return e.evaluate();
    }

    private List<SegmentSummary> segmentSummaries(Map<String, ReportTallies.SegmentData> values, List<CalendarPeriod> timeline,
            boolean weighted) {
        List<String> names = new ArrayList<>(values.keySet());
        names.sort(null);
        List<Map<Metric, MetricSummary>> summaries = new ArrayList<>();
        List<GroupTallies> rests = new ArrayList<>();
        for (String name : names) {
            GroupTallies rest = newGroup(weighted);
            for (String other : names) {
                if (!other.equals(name)) {
                    rest.addAll(values.get(other).total);
                }
            }
            rests.add(rest);
            summaries.add(summarize(values.get(name).total));
        }
        // Holm across the values of this segment column, per metric, with family-wise intervals
        for (Metric m : metrics) {
            List<Integer> defined = new ArrayList<>();
            List<Comparison> raw = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Comparison c = scoring.compare(m, values.get(names.get(i)).total, rests.get(i), m.ordinal());
                if (c != null) {
                    defined.add(i);
                    raw.add(c);
                }
            }
            List<AdjustedComparison> adjusted = AdjustedComparison.ofFamily(raw, PValueAdjustment.HOLM,
                    (k, level) -> scoring.compare(m, values.get(names.get(defined.get(k))).total,
                            rests.get(defined.get(k)), m.ordinal(), level));
            for (int k = 0; k < adjusted.size(); k++) {
                Map<Metric, MetricSummary> s = summaries.get(defined.get(k));
                s.put(m, s.get(m).withVsRest(adjusted.get(k)));
            }
        }
        List<SegmentSummary> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<PeriodSummary> trend = timeline.isEmpty() ? List.of()
                    : trend(timeline, values.get(names.get(i)).byPeriod, weighted);
            out.add(new SegmentSummary(names.get(i), summaries.get(i), trend,
                    operations(values.get(names.get(i)).total)));
        }
        return out;
    }
}
