package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.io.BadRowException;
import io.github.cxmetrics.io.CsvFormatException;
import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.io.CsvValueException;
import io.github.cxmetrics.report.grouping.BadRowPolicy;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import io.github.cxmetrics.trend.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The general pass over a CSV export: resolves the header ({@link #prepare}), then reads row by row
 * into group tallies, naming a bad row's line and column. The {@link ParallelScan} uses the header
 * resolution and the groups of this pass and falls back to it at any row it does not read.
 */
final class StreamingPass {
    static final int MAX_EXAMPLES = 5;
    static final int MISSING = Integer.MIN_VALUE;
    /** The reason under which empty lines are counted in the input's exclusions. */
    static final String BLANK = "blank line";
    /** Where a bad score's reason says it is no label either; its kind is the scale's. */
    private static final String LABEL_HINT = " nor a known label";

    private final ReportGrouping grouping;
    private final Scale[] scales = new Scale[Metric.values().length];
    private final List<Metric> metrics = new ArrayList<>();
    /** {@link #usedScales()} as given to new groups, and the number of metrics it was made for. */
    private Scale[] groupScales;
    private int groupScalesFor = -1;
    private final int[] metricColumn = new int[Metric.values().length];
    private final Consumer<List<Metric>> beforeRows;
    private LongConsumer progress = bytes -> { };
    private OpsColumns ops;
    /** Empty operational tallies for a new group, or null without operational KPIs. */
    private Supplier<OpsTallies> opsFactory;
    private RespondentFilter respondents;
    /** The detected input, or null for a stream read as the plain cxmetrics layout. */
    private Input input;

    /**
     * @param beforeRows told the metrics found once the header is resolved, before any row is
     *     read; it may throw to refuse them
     */
    StreamingPass(ReportGrouping grouping, Consumer<List<Metric>> beforeRows) {
        this.grouping = grouping;
        this.beforeRows = beforeRows;
    }

    StreamingPass onProgress(LongConsumer bytesRead) {
        this.progress = bytesRead;
        return this;
    }

    /** Reads cells as the detected export says: missing markers, labels, timestamp form, exclusions. */
    StreamingPass withInput(Input detected) {
        this.input = detected;
        return this;
    }

    /** Invalid UTF-8 in a column that is read, where UTF-8 was only assumed: read the file again as windows-1252. */
    static final class NotUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotUtf8(String where) {
            super(where, null, false, false);
        }
    }

    /** Leaves out the rows that the first pass of respondent deduplication did not keep. */
    StreamingPass withRespondents(RespondentFilter filter) {
        this.respondents = filter;
        return this;
    }

    /**
     * Where the report's columns are in a header and how rows are grouped: everything the row pass
     * needs besides the metrics and operational columns, which it sets on this pass.
     */
    record Layout(int fields, Granularity by, int timeColumn, int weightColumn, List<String> segmentNames,
            int[] segmentColumns, int[] rakeColumns, boolean days) {
        /** Whether the scores are weighted: by a weight column, raking, or both. */
        boolean weighted() {
            return weightColumn >= 0 || rakeColumns.length > 0;
        }

        boolean raked() {
            return rakeColumns.length > 0;
        }
    }

    /** Whether a grouping's pass tallies each local day ({@link ReportGrouping#days()}). */
    static boolean collectsDays(ReportGrouping grouping) {
        return grouping.days();
    }

    /**
     * Resolves the header: the metrics, the operational columns, the trend and segment columns,
     * and tells {@code beforeRows} the metrics, before any row is read.
     *
     * @throws IllegalArgumentException if a required column is missing, there is nothing to report,
     *     {@code beforeRows} refuses, or respondent deduplication has no file to read twice
     */
    Layout prepare(CsvHeader header) {
        resolveMetrics(header);
        ops = OpsColumns.resolve(header, grouping);
        if (input != null) {
            ops.withValues(input.values());
        }
        boolean weighted = grouping.isWeighted();
        opsFactory = ops.isActive() ? () -> ops.newTallies(weighted) : null;
        requireSomethingToReport(header);
        if (grouping.respondentColumn() != null && respondents == null) {
            throw new IllegalArgumentException("Respondent deduplication (--respondent) reads the input twice: "
                    + "give a file, not a stream");
        }
        beforeRows.accept(List.copyOf(metrics));
        Granularity by = grouping.by();
        boolean days = collectsDays(grouping);
        int timeColumn = by == null && !days ? -1
                : requireColumn(header, grouping.timestampColumn(), "--timestamp");
        int weightColumn = grouping.weightColumn() == null ? -1
                : requireColumn(header, grouping.weightColumn(), "--weight");
        List<String> segmentNames = grouping.segments();
        int[] segmentColumns = new int[segmentNames.size()];
        for (int i = 0; i < segmentColumns.length; i++) {
            segmentColumns[i] = requireColumn(header, segmentNames.get(i), "--segment");
        }
        int[] rakeColumns = new int[grouping.rake().size()];
        for (int i = 0; i < rakeColumns.length; i++) {
            rakeColumns[i] = requireColumn(header, grouping.rake().get(i).variable(), "--rake");
        }
        return new Layout(header.size(), by, timeColumn, weightColumn, segmentNames, segmentColumns, rakeColumns,
                days);
    }

    /** The rows of a stream in the plain cxmetrics layout, read to its end into the tallies of every group. */
    ReportTallies read(InputStream in, String name) throws IOException {
        CsvReader reader = CsvReader.of(in, grouping.delimiter());
        return read(reader, CsvHeader.read(reader), name);
    }

    /**
     * The rows of a reader positioned after the header, read to its end into the tallies of every
     * group.
     *
     * @throws NotUtf8 with an input whose UTF-8 was assumed, at invalid UTF-8 in a column read
     */
    ReportTallies read(CsvReader reader, CsvHeader header, String name) throws IOException {
        Layout layout = prepare(header);
        Row row = new Row(layout, header);
        Groups groups = new Groups(layout);
        // raking: one set of groups per raking cell, with the cell's base-weight totals
        TreeMap<List<String>, Groups> cells = new TreeMap<>(CELL_ORDER);
        TreeMap<List<String>, CellRaking.Totals> cellTotals = new TreeMap<>(CELL_ORDER);
        Rejections rejections = new Rejections();
        Map<String, Long> excluded = new LinkedHashMap<>();
        long rows = 0;
        long duplicates = 0;
        long nextProgress = 0;
        while (reader.next()) {
            if (header.size() > 1 && reader.fieldCount() == 1 && reader.isEmpty(0)) {
                excluded.merge(BLANK, 1L, Long::sum); // an empty line: no response
                continue;
            }
            if (input != null && input.values().excludes()) {
                java.util.Optional<String> why = input.values().exclusion(i -> i < reader.fieldCount()
                        ? reader.field(i) : "");
                if (why.isPresent()) {
                    excluded.merge(why.get(), 1L, Long::sum);
                    continue;
                }
            }
            rows++;
            boolean duplicate;
            try {
                row.read(reader);
                duplicate = respondents != null && respondents.isDuplicate(reader, header);
            } catch (BadRowException | CsvFormatException problem) {
                if (input != null && input.utf8Assumed() && problem instanceof CsvFormatException text
                        && text.reason().startsWith("invalid UTF-8")) {
                    throw new NotUtf8("line " + text.line() + ", column " + text.column());
                }
                rejections.add(problem instanceof CsvFormatException text ? badText(text, header)
                        : (BadRowException) problem);
                continue;
            }
            if (duplicate) {
                duplicates++;
                continue;
            }
            if (layout.raked()) {
                List<String> cell = List.of(row.rakeLevels);
                Groups g = cells.get(cell);
                if (g == null) {
                    cell = List.copyOf(cell);
                    g = new Groups(true, layout.segmentColumns().length, layout.days());
                    cells.put(cell, g);
                    cellTotals.put(cell, new CellRaking.Totals());
                }
                g.add(row);
                cellTotals.get(cell).add(row.weight);
            } else {
                groups.add(row);
            }
            if (reader.bytesRead() >= nextProgress) {
                progress.accept(reader.bytesRead());
                nextProgress = reader.bytesRead() + (8L << 20);
            }
        }
        ReadCounts counts = new ReadCounts(name, rows, rejections.count, rejections.reasons, rejections.examples,
                layout.weighted(), duplicates, input == null ? null : input.layout(), excluded);
        Weighting weighting = null;
        if (layout.raked() && !cells.isEmpty()) {
            CellRaking.Result raked = CellRaking.rake(grouping.rake(), cellTotals);
            for (Map.Entry<List<String>, Groups> e : cells.entrySet()) {
                groups.addScaled(e.getValue(), raked.factors().get(e.getKey()));
            }
            weighting = raked.weighting();
        }
        return tallies(counts, groups.overall, groups.periods, layout.segmentNames(), groups.segments)
                .withWeighting(weighting).withDays(groups.days);
    }

    /** The order of raking cells: by the levels of the rake columns, in order. */
    private static final java.util.Comparator<List<String>> CELL_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** The values of the current row: its scores, weight, period and segment values. */
    private final class Row {
        private final Layout layout;
        private final CsvHeader header;
        private final PeriodResolver timestamps;
        final int[] scores = new int[metrics.size()];
        final String[] segmentValues;
        final String[] rakeLevels;
        CalendarPeriod period;
        /** The local epoch day of the row's timestamp, when it is read. */
        long day;
        double weight;

        Row(Layout layout, CsvHeader header) {
            this.layout = layout;
            this.header = header;
            this.timestamps = layout.timeColumn() < 0 ? null : new PeriodResolver(layout.by() == null
                    ? Granularity.DAY : layout.by(), grouping.zone());
            this.segmentValues = new String[layout.segmentColumns().length];
            this.rakeLevels = new String[layout.rakeColumns().length];
        }

        /** Reads the current row of the reader, with its operational columns. */
        void read(CsvReader reader) {
            period = null;
            weight = 1;
            if (reader.fieldCount() != layout.fields()) {
                throw new BadRowException(reader.line(), null,
                        "expected " + layout.fields() + " fields, found " + reader.fieldCount());
            }
            for (int m = 0; m < scores.length; m++) {
                scores[m] = readScore(reader, metrics.get(m), header);
            }
            if (layout.weightColumn() >= 0) {
                weight = readWeight(reader, layout.weightColumn(), header, input);
            }
            int[] rakeColumns = layout.rakeColumns();
            for (int i = 0; i < rakeColumns.length; i++) {
                String level = reader.field(rakeColumns[i]);
                if (level.isBlank()) {
                    throw new BadRowException(reader.line(), header.name(rakeColumns[i]), "missing value for --rake "
                            + grouping.rake().get(i).variable());
                }
                rakeLevels[i] = level;
            }
            if (timestamps != null) {
                day = input == null || input.plainTimestamps()
                        ? readDay(reader, layout.timeColumn(), header, timestamps)
                        : exportDay(reader, layout.timeColumn(), header, timestamps);
                period = layout.by() == null ? null : timestamps.periodOfDay(day);
            }
            int[] segmentColumns = layout.segmentColumns();
            for (int s = 0; s < segmentColumns.length; s++) {
                segmentValues[s] = reader.field(segmentColumns[s]);
                if (input != null && input.transcoded() && segmentValues[s].indexOf('\uFFFD') >= 0) {
                    throw new BadRowException(reader.line(), header.name(segmentColumns[s]), "\""
                            + shorten(segmentValues[s]) + "\" has bytes not valid in the encoding "
                            + input.layout().charset().name() + " (choose the encoding with --encoding)");
                }
            }
            ops.read(reader, header);
        }
    }

    /** The groups of a pass: overall, per period, per segment value and per segment value and period. */
    private final class Groups {
        private final boolean weighted;
        final GroupTallies overall;
        final TreeMap<CalendarPeriod, GroupTallies> periods = new TreeMap<>();
        final List<Map<String, ReportTallies.SegmentData>> segments = new ArrayList<>();
        /** The overall tallies of each local day, or null without them. */
        final TreeMap<java.time.LocalDate, GroupTallies> days;
        /** The same groups by local epoch day, so that a row finds its day without a date object. */
        private final Map<Long, GroupTallies> byEpochDay = new HashMap<>();

        Groups(Layout layout) {
            this(layout.weighted(), layout.segmentColumns().length, layout.days());
        }

        Groups(boolean weighted, int segmentCount, boolean collectDays) {
            this.weighted = weighted;
            this.days = collectDays ? new TreeMap<>() : null;
            this.overall = newGroup(weighted);
            for (int i = 0; i < segmentCount; i++) {
                segments.add(new HashMap<>());
            }
        }

        /**
         * Adds the groups of one raking cell with every weight multiplied by the cell's factor:
         * unweighted counts add exactly, weight sums are multiplied (rounded once, to 2^-232) and
         * added exactly.
         */
        void addScaled(Groups cell, double factor) {
            overall.addAllScaled(cell.overall, factor);
            cell.periods.forEach((p, g) -> periods.computeIfAbsent(p, k -> newGroup(weighted)).addAllScaled(g, factor));
            if (days != null) {
                cell.days.forEach((d, g) -> {
                    GroupTallies day = days.computeIfAbsent(d, k -> newGroup(weighted));
                    byEpochDay.put(d.toEpochDay(), day);
                    day.addAllScaled(g, factor);
                });
            }
            for (int s = 0; s < segments.size(); s++) {
                for (Map.Entry<String, ReportTallies.SegmentData> e : cell.segments.get(s).entrySet()) {
                    ReportTallies.SegmentData data = segments.get(s).computeIfAbsent(e.getKey(),
                            v -> new ReportTallies.SegmentData(newGroup(weighted)));
                    data.total.addAllScaled(e.getValue().total, factor);
                    e.getValue().byPeriod().forEach((p, g) -> data.inPeriod(p, () -> newGroup(weighted))
                            .addAllScaled(g, factor));
                }
            }
        }

        /** Adds a row to each of its groups. */
        void add(Row row) {
            CalendarPeriod period = row.period;
            List<GroupTallies> groups = new ArrayList<>(2 + 2 * segments.size());
            groups.add(overall);
            if (period != null) {
                groups.add(periods.computeIfAbsent(period, p -> newGroup(weighted)));
            }
            if (days != null) {
                groups.add(byEpochDay.computeIfAbsent(row.day, d -> {
                    GroupTallies g = newGroup(weighted);
                    days.put(java.time.LocalDate.ofEpochDay(d), g);
                    return g;
                }));
            }
            for (int s = 0; s < segments.size(); s++) {
                ReportTallies.SegmentData data = segments.get(s).computeIfAbsent(row.segmentValues[s],
                        v -> new ReportTallies.SegmentData(newGroup(weighted)));
                groups.add(data.total);
                if (period != null) {
                    groups.add(data.inPeriod(period, () -> newGroup(weighted)));
                }
            }
            for (int m = 0; m < row.scores.length; m++) {
                int score = row.scores[m];
                if (score == MISSING) {
                    continue;
                }
                int index = metrics.get(m).ordinal();
                for (GroupTallies g : groups) {
                    g.add(index, score, row.weight);
                }
            }
            if (ops.isActive()) {
                for (GroupTallies g : groups) {
                    ops.addTo(g.ops(), row.weight);
                }
            }
        }
    }

    /** The bad rows: fail at the first, or count them by reason with the first few messages. */
    private final class Rejections {
        long count;
        final Map<String, Long> reasons = new LinkedHashMap<>();
        final List<String> examples = new ArrayList<>();

        void add(BadRowException bad) {
            if (grouping.onBadRow() == BadRowPolicy.FAIL) {
                throw bad;
            }
            count++;
            reasons.merge(reasonKind(bad), 1L, Long::sum);
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(bad.getMessage());
            }
        }
    }

    /** The tallies of a pass, with the metrics, scales and operational KPIs of this pass. */
    ReportTallies tallies(ReadCounts input, GroupTallies overall, TreeMap<CalendarPeriod, GroupTallies> periods,
            List<String> segmentNames, List<Map<String, ReportTallies.SegmentData>> segments) {
        return new ReportTallies(input, List.copyOf(metrics), usedScales(), overall, periods, segmentNames, segments,
                ops.hasResponseTime(), ops.hasFcr(), ops.hasSurvey(), grouping.responseTarget(), opsFactory);
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

    ReportGrouping grouping() {
        return grouping;
    }

    private void resolveMetrics(CsvHeader header) {
        scales[Metric.NPS.ordinal()] = NpsScale.STANDARD;
        scales[Metric.CSAT.ordinal()] = grouping.csatScale();
        scales[Metric.CES.ordinal()] = grouping.cesScale();
        for (Metric m : Metric.values()) {
            String column = grouping.column(m);
            boolean asked = grouping.metrics().contains(m);
            int index = header.indexOf(column);
            if (asked && index < 0) {
                throw new IllegalArgumentException("Missing required column \"" + column + "\" for " + m.key()
                        + " " + HeaderText.of(header, grouping.delimiter()));
            }
            boolean wanted = grouping.metrics().isEmpty() ? index >= 0 : asked;
            if (wanted) {
                metrics.add(m);
                metricColumn[m.ordinal()] = index;
            }
        }
    }

    private void requireSomethingToReport(CsvHeader header) {
        if (metrics.isEmpty() && !ops.isActive()) {
            throw new IllegalArgumentException("No score column found: expected nps, csat or ces (or map one with "
                    + "--column metric=NAME), " + grouping.effectiveResponseColumn() + ", "
                    + grouping.effectiveFcrColumn() + " or a --survey " + HeaderText.of(header, grouping.delimiter()));
        }
    }

    private int requireColumn(CsvHeader header, String name, String option) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("Missing required column \"" + name + "\" (" + option + ") "
                    + HeaderText.of(header, grouping.delimiter()));
        }
        return index;
    }

    /** Empty operational tallies for a group, or null without operational KPIs. */
    OpsTallies newOps() {
        return opsFactory == null ? null : opsFactory.get();
    }

    GroupTallies newGroup(boolean weighted) {
        return newGroup(weighted, newOps());
    }

    /** A new group that takes these operational tallies (empty or not, null without them) as its own. */
    GroupTallies newGroup(boolean weighted, OpsTallies ops) {
        // one scales array shared by all groups (a group keeps it to allocate its accumulators lazily)
        if (groupScales == null || groupScalesFor != metrics.size()) {
            groupScales = usedScales();
            groupScalesFor = metrics.size();
        }
        GroupTallies group = new GroupTallies(groupScales, weighted);
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
            if (input == null) {
                throw notOnScale(reader, header, column, scale, reader.field(column));
            }
            return exportScore(reader, header, column, scale);
        }
        if (!scale.contains(value)) {
            throw notOnScale(reader, header, column, scale, reader.field(column));
        }
        return value;
    }

    /** A cell that is not a plain integer, read as the export's values read it: a marker, a label or an error. */
    private int exportScore(CsvReader reader, CsvHeader header, int column, Scale scale) {
        String raw = reader.field(column);
        try {
            java.util.OptionalInt score = input.values().score(raw, column, scale, reader.line());
            return score.isPresent() ? score.getAsInt() : MISSING;
        } catch (CsvValueException e) {
            String reason = e.reason();
            boolean label = reason.startsWith("unknown label") && raw.codePoints().anyMatch(Character::isLetter);
            throw new BadRowException(reader.line(), header.name(column), "\"" + shorten(raw) + "\" is not on the "
                    + scale.kind() + " scale " + scale.min() + ".." + scale.max()
                    + (label ? LABEL_HINT + reason.substring("unknown label".length(), reason.lastIndexOf(')') + 1)
                    : reason.startsWith("bytes not valid") ? " (" + reason + ")" : ""));
        }
    }

    /** The local epoch day of a timestamp in the export's detected form, in the report's zone. */
    private long exportDay(CsvReader reader, int column, CsvHeader header, PeriodResolver timestamps) {
        String raw = reader.field(column);
        java.util.Optional<java.time.Instant> at;
        try {
            at = input.values().timestamp(raw, reader.line());
        } catch (CsvValueException e) {
            throw new BadRowException(reader.line(), header.name(column), "\"" + shorten(raw) + "\" is "
                    + e.reason());
        }
        if (at.isEmpty()) {
            throw new BadRowException(reader.line(), header.name(column), "missing timestamp");
        }
        try {
            return timestamps.localDay(at.get());
        } catch (IllegalArgumentException outOfRange) {
            throw new BadRowException(reader.line(), header.name(column), "\"" + shorten(raw) + "\": "
                    + outOfRange.getMessage());
        }
    }

    private static BadRowException notOnScale(CsvReader reader, CsvHeader header, int column, Scale scale,
            String raw) {
        return new BadRowException(reader.line(), header.name(column), "\"" + shorten(raw) + "\" is not on the "
                + scale.kind() + " scale " + scale.min() + ".." + scale.max());
    }

    private static double readWeight(CsvReader reader, int column, CsvHeader header, Input input) {
        String raw = reader.field(column).strip();
        if (input != null) {
            raw = decimalPoint(raw);
        }
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

    private static long readDay(CsvReader reader, int column, CsvHeader header, PeriodResolver timestamps) {
        String raw = reader.field(column);
        if (raw.isBlank()) {
            throw new BadRowException(reader.line(), header.name(column), "missing timestamp");
        }
        try {
            return timestamps.localDay(raw.strip());
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

    /**
     * A number with one decimal comma and no point ({@code 34,5}) written with a point, as an
     * export's values read it ({@link io.github.cxmetrics.io.ExportValues#decimal}); anything else
     * as it is.
     */
    static String decimalPoint(String raw) {
        int comma = raw.indexOf(',');
        return comma >= 0 && raw.indexOf('.') < 0 && comma == raw.lastIndexOf(',') ? raw.replace(',', '.') : raw;
    }

    private static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
    }

    private static String reasonKind(BadRowException bad) {
        String reason = bad.reason();
        int quote = reason.lastIndexOf("\" ");
        String kind = reason.startsWith("\"") && quote > 0 ? reason.substring(quote + 2) : reason;
        if (kind.contains(LABEL_HINT)) {
            kind = kind.substring(0, kind.indexOf(LABEL_HINT));
        }
        if (kind.startsWith("expected ")) {
            kind = "wrong number of fields";
        } else if (kind.startsWith("invalid UTF-8")) {
            kind = "invalid UTF-8";
        }
        return bad.column() == null ? kind : bad.column() + ": " + kind;
    }
}
