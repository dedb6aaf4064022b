package io.github.cxmetrics.report.archive;

import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.io.ExportFormat;
import io.github.cxmetrics.io.ExportLayout;
import io.github.cxmetrics.report.scan.GroupTallies;
import io.github.cxmetrics.report.scan.OpsTallies;
import io.github.cxmetrics.report.scan.ReadCounts;
import io.github.cxmetrics.report.scan.Weighting;
import io.github.cxmetrics.report.scan.ReportTallies;
import io.github.cxmetrics.internal.AtomicFiles;
import io.github.cxmetrics.internal.PercentEncoding;
import io.github.cxmetrics.io.TallyStore;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.WeightedOutcomeAccumulator;
import io.github.cxmetrics.ops.WeightedResponseTimeHistogram;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.survey.SurveyResult;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The stored form of a report's tallies ({@code --save-tallies DIR}), from which
 * {@code --from-tallies DIR} recomputes the same report without the raw data. A folder with two
 * files:
 *
 * <ul>
 *   <li>{@value #SCORES}: a {@link TallyStore} with one tally per group and metric, keyed
 *       {@code GROUP|METRIC}: {@code overall|nps}, {@code period=2025-W03|csat},
 *       {@code segment=channel:phone|ces}, {@code segment=channel:phone|period=2025-W03|nps},
 *       with day tallies also {@code day=2026-03-15|nps} (weighted tallies in a weighted report). In a segment column's name and value,
 *       {@code %}, {@code :} and {@code |} are written {@code %25}, {@code %3A}, {@code %7C}, so
 *       that keys are unique.</li>
 *   <li>{@value #MANIFEST}: the header {@code cxmetrics-report/2}, then {@code name=value} lines:
 *       what was read (file name, rows, rejected rows with their reasons and examples, duplicates,
 *       weighted, what was detected in the file and the rows the survey tool excluded), the
 *       reported metrics, every option that decided which rows went into which group as one
 *       {@code grouping} line in the command line's text form ({@link ReportGrouping#toString()}),
 *       the groups (periods, days, segment values, segment values per period), the operational tallies
 *       of every group (response-time histogram, open responses, FCR counts, KTO answer patterns) and the count and
 *       CRC-32 of the scores file; last the line {@code end lines=N crc32=XXXXXXXX} over the lines
 *       before it. Values are printable ASCII: other bytes of their UTF-8 form and {@code %} are
 *       written {@code %XX}.</li>
 * </ul>
 *
 * <p>Options that only change how tallies are turned into numbers (confidence, interval methods,
 * minimum n, targets, as-of date) are not stored: they are applied when reading. A KTO survey is
 * stored in the grouping line ({@code --survey-text}), and its respondents per group as their
 * answer patterns ({@code GROUP kto cxkto/1 ...}, {@link SurveyResult#format()}), exactly.
 *
 * <p>Reading checks everything (versions, checksums, that every group has each of its tallies and
 * no tally is left over, that every value is valid) and throws {@link IllegalArgumentException}
 * naming the file, the line and what is wrong.
 */
public final class ReportArchive {
    static final String MANIFEST = "report.cxreport";
    static final String SCORES = "scores" + TallyStore.FILE_EXTENSION;
    static final String HEADER = "cxmetrics-report/2";
    private static final String HEADER_TAG = "cxmetrics-report/";
    private static final Pattern END = Pattern.compile("end lines=(0|[1-9][0-9]{0,8}) crc32=([0-9a-f]{8})");
    private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern SCORES_LINE = Pattern.compile("(0|[1-9][0-9]{0,8}) ([0-9a-f]{8})");
    private static final String NUMBER = "(-?[0-9]+\\.[0-9]+(?:E-?[0-9]+)?|Infinity|NaN)";
    private static final Pattern WEIGHTING = Pattern.compile("(raking) iterations=([1-9][0-9]{0,8}) converged=(true|false)"
            + " max-deviation=" + NUMBER + " design-effect=" + NUMBER + " effective-n=" + NUMBER + " min-weight=" + NUMBER
            + " max-weight=" + NUMBER);
    private static final Pattern FCR = Pattern.compile("(0|[1-9][0-9]{0,18})/(0|[1-9][0-9]{0,18})");
    private static final long MAX_FILE_BYTES = 1L << 30;
    /** Names that occur at most once, in the order they are written. */
    private static final List<String> SINGLE = List.of("file", "rows", "rejected-rows", "duplicate-rows",
            "weighted", "weighting", "metrics", "grouping", "layout-format", "layout-encoding", "layout-charset",
            "layout-delimiter", "layout-sep-line", "layout-header-rows", "layout-skipped-rows",
            "layout-timestamp-column", "layout-timestamp-format", "layout-timestamp-zone", "operations", "scores");
    private static final Set<String> REPEATED = Set.of("rejection-reason", "rejection-example", "layout-column",
            "layout-score-column", "layout-note", "excluded", "period", "day", "segment-value", "segment-period",
            "operation");
    private static final Set<String> REQUIRED = Set.of("file", "rows", "rejected-rows", "duplicate-rows",
            "weighted", "metrics", "grouping", "operations", "scores");

    private ReportArchive() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the two files into the folder (made if missing): the scores first, the manifest last,
     * each replacing its file atomically where the file system allows.
     *
     */
    public static void save(ReportTallies t, ReportGrouping grouping, Path directory) throws IOException {
        String[] texts = format(t, grouping);
        Files.createDirectories(directory);
        AtomicFiles.writeAscii(directory.resolve(SCORES), texts[1]);
        AtomicFiles.writeAscii(directory.resolve(MANIFEST), texts[0]);
    }

    /**
     * The two texts {@link #save} writes, {@code [manifest, scores]}, for moving stored tallies
     * other than through files (the Spark report ships each partition's tallies this way);
     * {@link #parse} reads them back.
     */
    public static String[] format(ReportTallies t, ReportGrouping grouping) {
        List<Group> groups = groups(t);
        TallyStore store = scores(t, groups);
        String scoresText = store.format();
        List<String> lines = new ArrayList<>();
        inputLines(lines, t.input);
        if (t.weighting != null) {
            Weighting w = t.weighting;
            line(lines, "weighting", w.method() + " iterations=" + w.iterations() + " converged=" + w.converged()
                    + " max-deviation=" + w.maxDeviation() + " design-effect=" + w.designEffect() + " effective-n="
                    + w.effectiveN() + " min-weight=" + w.minWeight() + " max-weight=" + w.maxWeight());
        }
        List<String> keys = new ArrayList<>();
        t.metrics.forEach(m -> keys.add(m.key()));
        line(lines, "metrics", String.join(",", keys));
        line(lines, "grouping", grouping.toString());
        if (t.input.layout() != null) {
            layoutLines(lines, t.input);
        }
        groupLines(lines, t);
        operationLines(lines, groups);
        line(lines, "scores", store.size() + " " + AtomicFiles.crc32(scoresText));
        return new String[] {manifest(lines), scoresText};
    }

    /** One tally per group and metric, keyed {@code GROUP|METRIC}. */
    private static TallyStore scores(ReportTallies t, List<Group> groups) {
        TallyStore.Builder scores = TallyStore.builder();
        for (Group g : groups) {
            for (Metric m : t.metrics) {
                String key = g.key + "|" + m.key();
                if (t.input.weighted()) {
                    scores.put(key, g.tallies.weightedTally(m.ordinal()));
                } else {
                    scores.put(key, g.tallies.tally(m.ordinal()));
                }
            }
        }
        return scores.build();
    }

    /** What was read: file, rows, rejections, duplicates, weighted. */
    private static void inputLines(List<String> lines, ReadCounts in) {
        line(lines, "file", in.file());
        line(lines, "rows", Long.toString(in.rows()));
        line(lines, "rejected-rows", Long.toString(in.rejectedRows()));
        in.rejectionReasons().forEach((reason, count) -> line(lines, "rejection-reason", count + " " + reason));
        for (String example : in.rejectionExamples()) {
            line(lines, "rejection-example", example);
        }
        line(lines, "duplicate-rows", Long.toString(in.duplicateRows()));
        line(lines, "weighted", Boolean.toString(in.weighted()));
    }

    /** The operational KPIs present, the periods, the segment values and their periods. */
    private static void groupLines(List<String> lines, ReportTallies t) {
        List<String> ops = new ArrayList<>();
        if (t.hasResponseTime) {
            ops.add("response");
        }
        if (t.hasFcr) {
            ops.add("fcr");
        }
        if (t.hasSurvey) {
            ops.add("kto");
        }
        line(lines, "operations", ops.isEmpty() ? "none" : String.join(",", ops));
        for (CalendarPeriod p : t.periods.keySet()) {
            line(lines, "period", p.label());
        }
        if (t.days() != null) {
            for (LocalDate day : t.days().keySet()) {
                line(lines, "day", day.toString());
            }
        }
        for (int s = 0; s < t.segmentNames.size(); s++) {
            for (String value : sorted(t.segments.get(s).keySet())) {
                line(lines, "segment-value", s + " " + value);
            }
            for (String value : sorted(t.segments.get(s).keySet())) {
                for (CalendarPeriod p : t.segments.get(s).get(value).byPeriod().keySet()) {
                    line(lines, "segment-period", s + " " + p.label() + " " + value);
                }
            }
        }
    }

    /** Every group's operational tallies: response-time histogram, open responses, FCR counts. */
    private static void operationLines(List<String> lines, List<Group> groups) {
        for (Group g : groups) {
            OpsTallies o = g.tallies.ops();
            if (o == null) {
                continue;
            }
            String key = encode(g.key, false);
            if (o.response() != null) {
                line(lines, "operation", key + " response " + o.response().snapshot().format());
                line(lines, "operation", key + " open " + o.openResponses());
                if (o.weightedResponse() != null) {
                    line(lines, "operation", key + " response-weights " + o.weightedResponse().snapshot().formatWeights());
                }
            }
            if (o.fcr() != null) {
                line(lines, "operation", key + " fcr " + o.fcr().successes() + "/" + o.fcr().n());
                if (o.weightedFcr() != null) {
                    line(lines, "operation", key + " fcr-weights " + o.weightedFcr().format());
                }
            }
            if (o.kto() != null) {
                line(lines, "operation", key + " kto " + o.kto().snapshot().format());
            }
        }
    }

    /** The header, the lines and the end line with their count and checksum. */
    private static String manifest(List<String> lines) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String l : lines) {
            text.append(l).append('\n');
        }
        String crc = AtomicFiles.crc32(text.toString());
        return text.append("end lines=").append(lines.size()).append(" crc32=").append(crc).append('\n').toString();
    }

    /** What was detected in the file, so that a report from the tallies shows it as the first did. */
    private static void layoutLines(List<String> lines, ReadCounts in) {
        ExportLayout l = in.layout();
        line(lines, "layout-format", l.format().name());
        line(lines, "layout-encoding", l.encoding());
        line(lines, "layout-charset", l.charset().name());
        line(lines, "layout-delimiter", String.valueOf(l.delimiter()));
        line(lines, "layout-sep-line", Boolean.toString(l.excelSepLine()));
        line(lines, "layout-header-rows", Integer.toString(l.headerRows()));
        line(lines, "layout-skipped-rows", Integer.toString(l.skippedRows()));
        l.columns().forEach(c -> line(lines, "layout-column", c));
        l.timestampColumn().ifPresent(c -> line(lines, "layout-timestamp-column", c));
        l.timestampFormat().ifPresent(f -> line(lines, "layout-timestamp-format", f));
        line(lines, "layout-timestamp-zone", l.timestampZone().getId());
        l.scoreColumns().forEach((kind, column) -> line(lines, "layout-score-column", kind + " " + column));
        l.notes().forEach(n -> line(lines, "layout-note", n));
        in.excluded().forEach((reason, count) -> line(lines, "excluded", count + " " + reason));
    }

    private static void line(List<String> lines, String name, String value) {
        lines.add(name + "=" + encode(value, true));
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }

    /** A group with its key, in the order written: overall, periods, days, segment values, their periods. */
    private record Group(String key, GroupTallies tallies) {
    }

    private static List<Group> groups(ReportTallies t) {
        List<Group> out = new ArrayList<>();
        out.add(new Group("overall", t.overall));
        t.periods.forEach((p, g) -> out.add(new Group("period=" + p.label(), g)));
        if (t.days() != null) {
            t.days().forEach((d, g) -> out.add(new Group("day=" + d, g)));
        }
        for (int s = 0; s < t.segmentNames.size(); s++) {
            Map<String, ReportTallies.SegmentData> values = t.segments.get(s);
            for (String value : sorted(values.keySet())) {
                String key = "segment=" + escape(t.segmentNames.get(s)) + ":" + escape(value);
                ReportTallies.SegmentData data = values.get(value);
                out.add(new Group(key, data.total));
                data.byPeriod().forEach((p, g) -> out.add(new Group(key + "|period=" + p.label(), g)));
            }
        }
        return out;
    }

    /** {@code %}, {@code :} and {@code |} of a segment name or value as {@code %25}, {@code %3A}, {@code %7C}. */
    static String escape(String text) {
        return text.replace("%", "%25").replace(":", "%3A").replace("|", "%7C");
    }

    /** The UTF-8 bytes outside {@code ' '} (or {@code '!'} without spaces) … {@code '~'}, and {@code %}, as %XX. */
    static String encode(String text, boolean spaces) {
        return PercentEncoding.encode(text, spaces);
    }

    static String decode(String encoded) {
        try {
            return PercentEncoding.decode(encoded, false);
        } catch (PercentEncoding.Malformed e) {
            if (e.problem() == PercentEncoding.Problem.NOT_UTF8) {
                throw new IllegalArgumentException("the decoded bytes are not UTF-8", e.getCause());
            }
            throw new IllegalArgumentException("invalid %XX escape (two upper-case hex digits) at character "
                    + e.position());
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Replaces an existing store folder as a whole: the tallies are saved into a new folder beside
     * it ({@code .NAME.new-…}), the old folder is renamed aside ({@code .NAME.old-…}), the new one
     * takes its name, and the old one is deleted. Until the first rename the folder is untouched; a
     * failure between the two renames leaves the old folder under its aside name, which the
     * message names.
     *
     * @throws IOException if a folder cannot be written or renamed
     */
    public static void replace(ReportTallies t, ReportGrouping grouping, Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        String token = Long.toString(System.nanoTime(), 36);
        Path fresh = parent.resolve("." + dir.getFileName() + ".new-" + token);
        Path aside = parent.resolve("." + dir.getFileName() + ".old-" + token);
        try {
            save(t, grouping, fresh);
        } catch (IOException | RuntimeException e) {
            deleteFolder(fresh);
            throw e;
        }
        Files.move(dir, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("could not move the merged tallies " + fresh + " to " + dir + "; the tallies as "
                    + "they were are in " + aside, e);
        }
        deleteFolder(aside);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    /**
     * A report read back: the tallies and the grouping they were collected with.
     *
     * @param tallies the tallies of every group
     * @param grouping the saved grouping, with the metrics and scales of the tallies
     */
    public record Loaded(ReportTallies tallies, ReportGrouping grouping) {
    }

    /** One {@code name=value} line of the manifest, its value decoded. */
    private record Entry(int line, String value) {
    }

    /**
     * Reads the folder: the tallies and the saved grouping.
     *
     * @throws IOException if a file cannot be read (a missing file included)
     * @throws IllegalArgumentException if a file is not a valid, complete and consistent store
     */
    public static Loaded load(Path directory) throws IOException {
        Path manifestFile = directory.resolve(MANIFEST);
        Path scoresFile = directory.resolve(SCORES);
        return read(manifestFile.toString(), Files.newInputStream(manifestFile), scoresFile.toString(),
                Files.newInputStream(scoresFile));
    }

    /**
     * Reads the two texts of {@link #format} back, as {@link #load} reads the files.
     *
     * @throws IllegalArgumentException if they are not a valid, complete and consistent store
     */
    public static Loaded parse(String manifest, String scores) {
        try {
            return read("manifest", new java.io.ByteArrayInputStream(manifest.getBytes(StandardCharsets.US_ASCII)),
                    "scores", new java.io.ByteArrayInputStream(scores.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Loaded read(String source, java.io.InputStream manifest, String scoresFile,
            java.io.InputStream scores) throws IOException {
        Map<String, List<Entry>> m = readManifest(source, manifest);
        String scoresText = readAscii(scoresFile, scores);
        Entry scoresEntry = single(m, "scores");
        Matcher sm = SCORES_LINE.matcher(scoresEntry.value);
        if (!sm.matches()) {
            throw at(source, scoresEntry, "invalid scores (expected COUNT CRC32): " + scoresEntry.value);
        }
        String scoresCrc = AtomicFiles.crc32(scoresText);
        if (!scoresCrc.equals(sm.group(2))) {
            throw at(source, scoresEntry, "the checksum of " + SCORES + " is " + scoresCrc
                    + ", the manifest expects " + sm.group(2) + ": the two files do not belong together, or one "
                    + "was changed");
        }
        TallyStore store;
        try {
            store = TallyStore.parse(scoresText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(scoresFile + ": " + e.getMessage(), e);
        }
        if (store.size() != Long.parseLong(sm.group(1))) {
            throw at(source, scoresEntry, SCORES + " has " + store.size() + " tallies, the manifest expects "
                    + sm.group(1));
        }
        return new Reader(source, m, store, scoresFile).read();
    }

    private static Map<String, List<Entry>> readManifest(String source, java.io.InputStream stream)
            throws IOException {
        List<String> lines = manifestLines(source, readAscii(source, stream));
        CRC32 crc = new CRC32();
        crc.update((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
        Map<String, List<Entry>> out = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("end")) {
                checkEnd(source, lines, i, crc.getValue());
                return out;
            }
            addEntry(source, out, i + 1, line);
            crc.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        throw new IllegalArgumentException(source + ": truncated (no end line after line " + lines.size()
                + "; expected \"end lines=N crc32=XXXXXXXX\")");
    }

    /** The manifest's lines (without the empty one after the last newline), the first being the header. */
    private static List<String> manifestLines(String source, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty (expected the header " + HEADER + ")");
        }
        if (!lines.get(0).equals(HEADER)) {
            String h = lines.get(0);
            if (h.startsWith(HEADER_TAG) && h.substring(HEADER_TAG.length()).matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException(source + ", line 1: unsupported report tally version "
                        + h.substring(HEADER_TAG.length()) + " (this library reads version " + HEADER.substring(HEADER_TAG.length()) + ")");
            }
            throw new IllegalArgumentException(source + ", line 1: not a report tally manifest (expected the header "
                    + HEADER + "): " + abbreviate(h));
        }
        return lines;
    }

    /** Checks the end line {@code lines[i]}: its form, line count and CRC-32, and that it is the last line. */
    private static void checkEnd(String source, List<String> lines, int i, long crc) {
        String line = lines.get(i);
        Matcher em = END.matcher(line);
        if (!em.matches()) {
            throw new IllegalArgumentException(source + ", line " + (i + 1)
                    + ": invalid end line (expected \"end lines=N crc32=XXXXXXXX\"): " + abbreviate(line));
        }
        if (Long.parseLong(em.group(1)) != i - 1) {
            throw new IllegalArgumentException(source + ", line " + (i + 1) + ": the end line declares "
                    + em.group(1) + " lines but the file has " + (i - 1) + " (lines lost or added)");
        }
        String actual = AtomicFiles.hex(crc);
        if (!actual.equals(em.group(2))) {
            throw new IllegalArgumentException(source + ", line " + (i + 1) + ": checksum mismatch (the end "
                    + "line declares crc32=" + em.group(2) + ", the content gives " + actual
                    + "): the file is corrupted");
        }
        if (i != lines.size() - 1) {
            throw new IllegalArgumentException(source + ", line " + (i + 2) + ": text after the end line: "
                    + abbreviate(lines.get(i + 1)));
        }
    }

    /** Adds the {@code name=value} line numbered {@code number}: a known name, a valid value, a single one once. */
    private static void addEntry(String source, Map<String, List<Entry>> out, int number, String line) {
        int eq = line.indexOf('=');
        String name = eq < 0 ? line : line.substring(0, eq);
        if (eq < 0 || !(SINGLE.contains(name) || REPEATED.contains(name))) {
            throw new IllegalArgumentException(source + ", line " + number + ": unknown line (expected name=value "
                    + "with a known name): " + abbreviate(line));
        }
        String value;
        try {
            value = decode(line.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ", line " + number + ": " + e.getMessage() + ": "
                    + abbreviate(line), e);
        }
        List<Entry> list = out.computeIfAbsent(name, k -> new ArrayList<>());
        if (!list.isEmpty() && SINGLE.contains(name)) {
            throw new IllegalArgumentException(source + ", line " + number + ": " + name + " given twice (first on"
                    + " line " + list.get(0).line + ")");
        }
        list.add(new Entry(number, value));
    }

    private static String readAscii(String source, java.io.InputStream stream) throws IOException {
        byte[] bytes;
        try (java.io.InputStream in = stream) {
            bytes = in.readNBytes((int) Math.min(MAX_FILE_BYTES + 1, Integer.MAX_VALUE - 8));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(source + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        int line = 1;
        int column = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (b < ' ' || b > '~') {
                throw new IllegalArgumentException(source + ", line " + line + ", column " + column
                        + String.format(": invalid byte 0x%02X (the file is printable ASCII)", b & 0xFF));
            }
            column++;
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static Entry single(Map<String, List<Entry>> m, String name) {
        List<Entry> list = m.get(name);
        return list == null ? null : list.get(0);
    }

    private static IllegalArgumentException at(String source, Entry e, String what) {
        return new IllegalArgumentException(source + ", line " + e.line + ": " + what);
    }

    static String abbreviate(String text) {
        return "\"" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "\"";
    }

    /** The reading of one manifest with its scores. */
    private static final class Reader {
        private final String source;
        private final Map<String, List<Entry>> m;
        private final TallyStore store;
        private final String scoresSource;
        private final Set<String> used = new HashSet<>();

        Reader(String source, Map<String, List<Entry>> m, TallyStore store, String scoresSource) {
            this.source = source;
            this.m = m;
            this.store = store;
            this.scoresSource = scoresSource;
        }

        private Entry required(String name) {
            Entry e = single(m, name);
            if (e == null) {
                throw new IllegalArgumentException(source + ": missing line " + name + "=...");
            }
            return e;
        }

        private List<Entry> all(String name) {
            return m.getOrDefault(name, List.of());
        }

        private long count(String name) {
            Entry e = required(name);
            if (!COUNT.matcher(e.value).matches()) {
                throw at(source, e, "invalid " + name + " (expected a count >= 0): " + abbreviate(e.value));
            }
            try {
                return Long.parseLong(e.value);
            } catch (NumberFormatException overflow) {
                throw at(source, e, "invalid " + name + " (expected a count >= 0): " + abbreviate(e.value));
            }
        }

        /** Applies a setting, naming its line when it is invalid. */
        private <T> T check(Entry e, String name, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (IllegalArgumentException | DateTimeException e2) {
                throw at(source, e, "invalid " + name + ": " + e2.getMessage());
            }
        }

        Loaded read() {
            for (String name : REQUIRED) {
                required(name);
            }
            ReadCounts input = readInput();
            ReportGrouping g = readGrouping(input.weighted());
            List<Metric> metrics = readMetrics();
            if (!metrics.isEmpty()) {
                g = g.withMetrics(EnumSet.copyOf(metrics));
            }
            boolean[] operations = readOperations();
            boolean response = operations[0];
            boolean fcr = operations[1];
            if (operations[2] != (g.survey() != null)) {
                throw at(source, required("operations"), "operations " + (operations[2] ? "has" : "lacks")
                        + " kto but the grouping " + (operations[2] ? "has no" : "has a") + " survey");
            }
            if (metrics.isEmpty() && !response && !fcr && g.survey() == null) {
                throw at(source, required("metrics"), "no metrics and no operations: nothing to report");
            }
            Scale[] scales = storedScales(metrics, input.weighted());
            if (scales[Metric.CSAT.ordinal()] instanceof CsatScale csat) {
                g = g.withCsatScale(csat);
            }
            if (scales[Metric.CES.ordinal()] instanceof CesScale ces) {
                g = g.withCesScale(ces);
            }
            ReportTallies shape = new ReportTallies(input, metrics, scales, null, new TreeMap<>(), g.segments(),
                    List.of(), response, fcr, g.responseTarget(), g.survey());
            TreeMap<CalendarPeriod, GroupTallies> periods = readPeriods(shape, g.zone(), g.by());
            List<Map<String, ReportTallies.SegmentData>> segments = readSegments(shape, periods, g);
            ReportTallies tallies = new ReportTallies(input, metrics, scales, shape.newGroup(), periods, g.segments(),
                    segments, response, fcr, g.responseTarget(), g.survey()).withDays(readDays(shape, g));
            fill(tallies);
            return new Loaded(tallies.withWeighting(readWeighting(g)), g);
        }

        /** What raking did, stored when the grouping rakes ({@code --rake}) and there were rows to rake. */
        private Weighting readWeighting(ReportGrouping g) {
            Entry e = single(m, "weighting");
            if (g.rake().isEmpty()) {
                if (e != null) {
                    throw at(source, e, "weighting without --rake in the grouping");
                }
                return null;
            }
            if (e == null) {
                return null; // a raked report of no rows: nothing was raked
            }
            Matcher w = WEIGHTING.matcher(e.value);
            if (!w.matches()) {
                throw at(source, e, "invalid weighting (expected raking iterations=N converged=true|false "
                        + "max-deviation=X design-effect=X effective-n=X min-weight=X max-weight=X): " + abbreviate(e.value));
            }
            return check(e, "weighting", () -> new Weighting(w.group(1), Integer.parseInt(w.group(2)),
                    Boolean.parseBoolean(w.group(3)), Double.parseDouble(w.group(4)), Double.parseDouble(w.group(5)),
                    Double.parseDouble(w.group(6)), Double.parseDouble(w.group(7)), Double.parseDouble(w.group(8))));
        }

        /** What was read: file, rows, rejections, duplicates, weighted. */
        private ReadCounts readInput() {
            String file = required("file").value;
            long rows = count("rows");
            long rejected = count("rejected-rows");
            long duplicates = count("duplicate-rows");
            Entry weightedEntry = required("weighted");
            if (!weightedEntry.value.equals("true") && !weightedEntry.value.equals("false")) {
                throw at(source, weightedEntry, "invalid weighted (expected true or false): "
                        + abbreviate(weightedEntry.value));
            }
            boolean weighted = weightedEntry.value.equals("true");
            Map<String, Long> reasons = countsByReason("rejection-reason");
            List<String> examples = new ArrayList<>();
            all("rejection-example").forEach(e -> examples.add(e.value));
            if (rejected > rows || duplicates > rows - rejected) {
                throw at(source, required("rejected-rows"), "inconsistent counts: rows " + rows + ", rejected "
                        + rejected + ", duplicates " + duplicates);
            }
            return new ReadCounts(file, rows, rejected, reasons, examples, weighted, duplicates, readLayout(),
                    countsByReason("excluded"));
        }

        /**
         * The grouping options saved, in the command line's text form ({@link ReportGrouping#parse}),
         * checked against the weighted flag.
         */
        private ReportGrouping readGrouping(boolean weighted) {
            Entry e = required("grouping");
            ReportGrouping g = check(e, "grouping", () -> ReportGrouping.parse(e.value));
            if (weighted != g.isWeighted()) {
                throw at(source, required("weighted"), "weighted=" + weighted + " but the weight column and --rake are "
                        + (weighted ? "missing" : "given"));
            }
            return g;
        }

        /** What was detected in the file, or null for tallies saved without it. */
        private ExportLayout readLayout() {
            Entry format = single(m, "layout-format");
            if (format == null) {
                return null;
            }
            ExportFormat f = check(format, "layout-format", () -> ExportFormat.valueOf(format.value));
            Entry delimiter = required("layout-delimiter");
            if (delimiter.value.length() != 1) {
                throw at(source, delimiter, "invalid layout-delimiter (expected one character): "
                        + abbreviate(delimiter.value));
            }
            Entry charset = required("layout-charset");
            Entry zone = required("layout-timestamp-zone");
            Map<String, String> scores = new LinkedHashMap<>();
            for (Entry e : all("layout-score-column")) {
                int space = e.value.indexOf(' ');
                if (space < 0) {
                    throw at(source, e, "invalid layout-score-column (expected KIND NAME): " + abbreviate(e.value));
                }
                scores.put(e.value.substring(0, space), e.value.substring(space + 1));
            }
            List<String> columns = new ArrayList<>();
            all("layout-column").forEach(e -> columns.add(e.value));
            List<String> notes = new ArrayList<>();
            all("layout-note").forEach(e -> notes.add(e.value));
            Entry sep = required("layout-sep-line");
            return new ExportLayout(f, required("layout-encoding").value,
                    check(charset, "layout-charset", () -> java.nio.charset.Charset.forName(charset.value)),
                    delimiter.value.charAt(0), Boolean.parseBoolean(sep.value),
                    (int) count("layout-header-rows"), (int) count("layout-skipped-rows"), columns,
                    Optional.ofNullable(single(m, "layout-timestamp-column")).map(e -> e.value),
                    Optional.ofNullable(single(m, "layout-timestamp-format")).map(e -> e.value),
                    check(zone, "layout-timestamp-zone", () -> ZoneId.of(zone.value)), scores, notes);
        }

        /** The lines {@code NAME=COUNT REASON}, each reason once, in their order. */
        private Map<String, Long> countsByReason(String name) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Entry e : all(name)) {
                int space = e.value.indexOf(' ');
                String n = space < 0 ? "" : e.value.substring(0, space);
                if (!COUNT.matcher(n).matches() || n.length() > 18
                        || counts.put(e.value.substring(space + 1), Long.parseLong(n)) != null) {
                    throw at(source, e, "invalid " + name + " (expected COUNT REASON, each reason once): "
                            + abbreviate(e.value));
                }
            }
            return counts;
        }

        /** The metrics stored, each once, in the order nps, csat, ces. */
        private List<Metric> readMetrics() {
            List<Metric> metrics = new ArrayList<>();
            Entry metricsEntry = required("metrics");
            if (metricsEntry.value.isEmpty()) {
                return metrics;
            }
            for (String key : metricsEntry.value.split(",", -1)) {
                Metric metric = check(metricsEntry, "metrics", () -> Metric.parse(key));
                if (metrics.contains(metric) || (!metrics.isEmpty()
                        && metrics.get(metrics.size() - 1).compareTo(metric) > 0)) {
                    throw at(source, metricsEntry, "invalid metrics (each once, in the order nps, csat, ces): "
                            + metricsEntry.value);
                }
                metrics.add(metric);
            }
            return metrics;
        }

        /** Whether response times, first-contact resolution and a KTO survey are stored: {response, fcr, kto}. */
        private boolean[] readOperations() {
            Entry opsEntry = required("operations");
            boolean response = false;
            boolean fcr = false;
            boolean kto = false;
            if (!opsEntry.value.equals("none")) {
                for (String kind : opsEntry.value.split(",", -1)) {
                    if (kind.equals("response") && !response && !fcr && !kto) {
                        response = true;
                    } else if (kind.equals("fcr") && !fcr && !kto) {
                        fcr = true;
                    } else if (kind.equals("kto") && !kto) {
                        kto = true;
                    } else {
                        throw at(source, opsEntry, "invalid operations (none, or response, fcr and/or kto in that "
                                + "order): " + abbreviate(opsEntry.value));
                    }
                }
            }
            return new boolean[] {response, fcr, kto};
        }

        /** The scale of each stored metric, from its overall tally. */
        private Scale[] storedScales(List<Metric> metrics, boolean weighted) {
            Scale[] scales = new Scale[Metric.values().length];
            for (Metric metric : metrics) {
                String key = "overall|" + metric.key();
                Object overall = weighted ? store.weightedTally(key).orElse(null) : store.get(key).orElse(null);
                if (overall == null) {
                    throw new IllegalArgumentException(scoresSource + ": missing " + (weighted ? "weighted " : "")
                            + "tally " + key);
                }
                scales[metric.ordinal()] = weighted ? ((WeightedTally) overall).scale() : ((Tally) overall).scale();
            }
            return scales;
        }

        /** The periods, listed once each in ascending order, each with an empty group. */
        private TreeMap<CalendarPeriod, GroupTallies> readPeriods(ReportTallies shape, ZoneId zone, Granularity by) {
            TreeMap<CalendarPeriod, GroupTallies> periods = new TreeMap<>();
            for (Entry e : all("period")) {
                CalendarPeriod period = period(e, e.value, zone, by);
                if (!periods.isEmpty() && periods.lastKey().compareTo(period) >= 0) {
                    throw at(source, e, "periods must be listed once each, in ascending order: " + e.value);
                }
                periods.put(period, shape.newGroup());
            }
            return periods;
        }

        /**
         * The days listed (ISO dates, once each, ascending), each with an empty group; null when the
         * grouping has no day tallies ({@link ReportGrouping#days()}), which then lists none.
         */
        private TreeMap<LocalDate, GroupTallies> readDays(ReportTallies shape, ReportGrouping g) {
            List<Entry> listed = all("day");
            if (!g.days()) {
                if (!listed.isEmpty()) {
                    throw at(source, listed.get(0), "a day without day tallies (the grouping has no --days)");
                }
                return null;
            }
            TreeMap<LocalDate, GroupTallies> days = new TreeMap<>();
            for (Entry e : listed) {
                if (!e.value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                    throw at(source, e, "invalid day (expected an ISO date such as 2026-03-15): "
                            + abbreviate(e.value));
                }
                LocalDate day = check(e, "day", () -> LocalDate.parse(e.value));
                if (!days.isEmpty() && !days.lastKey().isBefore(day)) {
                    throw at(source, e, "days must be listed once each, in ascending order: " + e.value);
                }
                days.put(day, shape.newGroup());
            }
            return days;
        }

        /** The values of each segment column, and their periods, each with an empty group. */
        private List<Map<String, ReportTallies.SegmentData>> readSegments(ReportTallies shape,
                TreeMap<CalendarPeriod, GroupTallies> periods, ReportGrouping g) {
            int count = g.segments().size();
            List<Map<String, ReportTallies.SegmentData>> segments = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                segments.add(new HashMap<>());
            }
            for (Entry e : all("segment-value")) {
                String[] parts = e.value.split(" ", 2);
                int s = segmentIndex(e, parts[0], count);
                if (parts.length < 2 || segments.get(s).putIfAbsent(parts[1],
                        new ReportTallies.SegmentData(shape.newGroup())) != null) {
                    throw at(source, e, "invalid segment-value (expected INDEX VALUE, each once): " + abbreviate(e.value));
                }
            }
            for (Entry e : all("segment-period")) {
                String[] parts = e.value.split(" ", 3);
                int s = segmentIndex(e, parts[0], count);
                ReportTallies.SegmentData data = parts.length < 3 ? null : segments.get(s).get(parts[2]);
                if (data == null) {
                    throw at(source, e, "invalid segment-period (expected INDEX PERIOD VALUE of a listed "
                            + "segment-value): " + abbreviate(e.value));
                }
                CalendarPeriod period = period(e, parts[1], g.zone(), g.by());
                if (!periods.containsKey(period) || !data.putPeriod(period, shape.newGroup())) {
                    throw at(source, e, "invalid segment-period (a listed period, each once per value): "
                            + abbreviate(e.value));
                }
            }
            return segments;
        }

        private CalendarPeriod period(Entry e, String label, ZoneId zone, Granularity by) {
            if (by == null) {
                throw at(source, e, "a period without a trend (by=none)");
            }
            CalendarPeriod p = check(e, "period", () -> CalendarPeriod.parse(label, zone));
            if (p.granularity() != by || !p.label().equals(label)) {
                throw at(source, e, "invalid period " + abbreviate(label) + " (expected a "
                        + by.name().toLowerCase(Locale.ROOT) + " label)");
            }
            return p;
        }

        private int segmentIndex(Entry e, String text, int count) {
            if (!text.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(text) >= count) {
                throw at(source, e, "invalid segment index (valid values 0 - " + (count - 1) + "): "
                        + abbreviate(text));
            }
            return Integer.parseInt(text);
        }

        /** Fills every group from the scores and the operation lines; nothing missing, nothing left over. */
        private void fill(ReportTallies t) {
            Map<String, Map<String, Entry>> ops = new HashMap<>();
            for (Entry e : all("operation")) {
                String[] parts = e.value.split(" ", 3);
                if (parts.length < 3) {
                    throw at(source, e, "invalid operation (expected GROUP KIND VALUE): " + abbreviate(e.value));
                }
                String group = check(e, "operation group", () -> decode(parts[0]));
                Map<String, Entry> kinds = ops.computeIfAbsent(group, k -> new HashMap<>());
                if (kinds.put(parts[1], new Entry(e.line, parts[2])) != null) {
                    throw at(source, e, "operation " + parts[1] + " of group " + group + " given twice");
                }
            }
            for (Group g : groups(t)) {
                for (Metric metric : t.metrics) {
                    String key = g.key + "|" + metric.key();
                    Object stored = t.input.weighted() ? store.weightedTally(key).orElse(null)
                            : store.get(key).orElse(null);
                    if (stored == null) {
                        throw new IllegalArgumentException(scoresSource + ": missing " + (t.input.weighted()
                                ? "weighted " : "") + "tally " + key);
                    }
                    try {
                        g.tallies.addAll(metric.ordinal(), stored);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(scoresSource + ", tally " + key + ": " + e.getMessage(), e);
                    }
                    used.add(key);
                }
                Map<String, Entry> kinds = ops.remove(g.key);
                if (t.hasResponseTime || t.hasFcr || t.hasSurvey) {
                    fillOps(t, g, kinds == null ? Map.of() : kinds);
                } else if (kinds != null) {
                    throw at(source, kinds.values().iterator().next(), "operation lines without operations");
                }
            }
            if (!ops.isEmpty()) {
                Map.Entry<String, Map<String, Entry>> left = ops.entrySet().iterator().next();
                throw at(source, left.getValue().values().iterator().next(), "operation of an unlisted group "
                        + abbreviate(left.getKey()));
            }
            for (String key : store.keys()) {
                if (!used.contains(key)) {
                    throw new IllegalArgumentException(scoresSource + ": tally " + key + " belongs to no listed group "
                            + "and metric");
                }
            }
        }

        private void fillOps(ReportTallies t, Group g, Map<String, Entry> kinds) {
            Set<String> expected = new HashSet<>();
            boolean weighted = t.input.weighted();
            if (t.hasResponseTime) {
                expected.addAll(List.of("response", "open"));
                if (weighted) {
                    expected.add("response-weights");
                }
            }
            if (t.hasFcr) {
                expected.add("fcr");
                if (weighted) {
                    expected.add("fcr-weights");
                }
            }
            if (t.hasSurvey) {
                expected.add("kto");
            }
            if (!kinds.keySet().equals(expected)) {
                throw new IllegalArgumentException(source + ": group " + g.key + " has operations " + sorted(
                        kinds.keySet()) + ", expected " + sorted(expected) + (weighted && !kinds.keySet().containsAll(
                        expected) ? " (a weighted store needs the weights of its operations: save the tallies again)"
                        : ""));
            }
            OpsTallies o = g.tallies.ops();
            if (t.hasResponseTime) {
                Entry e = kinds.get("response");
                ResponseTimeHistogram h = check(e, "response histogram", () -> ResponseTimeHistogram.parse(e.value));
                check(e, "response histogram", () -> o.response().addAll(h));
                Entry open = kinds.get("open");
                if (!COUNT.matcher(open.value).matches()) {
                    throw at(source, open, "invalid open count: " + abbreviate(open.value));
                }
                o.addOpen(check(open, "open count", () -> Long.parseLong(open.value)));
                if (weighted) {
                    Entry w = kinds.get("response-weights");
                    WeightedResponseTimeHistogram wh = check(w, "response weights",
                            () -> WeightedResponseTimeHistogram.parse(h, w.value));
                    o.weightedResponse().addAll(wh);
                }
            }
            if (t.hasFcr) {
                Entry e = kinds.get("fcr");
                Matcher fm = FCR.matcher(e.value);
                if (!fm.matches()) {
                    throw at(source, e, "invalid fcr (expected RESOLVED/N): " + abbreviate(e.value));
                }
                Proportion p = check(e, "fcr", () -> Proportion.of(Long.parseLong(fm.group(1)),
                        Long.parseLong(fm.group(2))));
                o.fcr().addAll(p);
                if (weighted) {
                    Entry w = kinds.get("fcr-weights");
                    WeightedOutcomeAccumulator wa = check(w, "fcr weights", () -> WeightedOutcomeAccumulator.parse(w.value));
                    if (wa.n() != p.n() || wa.successes() != p.successes()) {
                        throw at(source, w, "fcr weights of " + wa.successes() + "/" + wa.n() + " outcomes, but fcr is "
                                + p.successes() + "/" + p.n());
                    }
                    o.weightedFcr().combine(wa);
                }
            }
            if (t.hasSurvey) {
                Entry e = kinds.get("kto");
                SurveyResult r = check(e, "kto", () -> SurveyResult.parse(o.kto().survey(), e.value));
                o.kto().addAll(r);
            }
        }
    }
}
