package io.github.cxmetrics.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a survey tool's export as downloaded: Qualtrics (current and legacy), SurveyMonkey,
 * Google Forms, Typeform, Zendesk, R {@code write.csv}, Excel (with {@code sep=;}, windows-1252 or
 * UTF-16) and the cxmetrics layout.
 *
 * <p>Get one with {@link #open(Path, Options)} or {@link #of(byte[], Options)}; it detects the
 * layout ({@link #layout()}), then {@link #next()} advances over the data records and
 * {@link #row()} returns the current one. A reader is not thread-safe; close it when done.
 * <pre>{@code
 * try (ExportReader export = ExportReader.open(file, ExportReader.Options.defaults())) {
 *     while (export.next()) {
 *         ExportRow row = export.row();
 *         row.score(NpsScale.STANDARD).ifPresent(s -> counts[s]++);
 *     }
 * }
 * }</pre>
 *
 * <h2>Detection</h2>
 * <ol>
 * <li>Encoding: the options' choice; else a byte order mark (UTF-8, UTF-16LE, UTF-16BE); else
 *     UTF-8 when the whole file is valid UTF-8; else windows-1252, with a note. Undecodable bytes
 *     never stop the reading: they become U+FFFD, a bad value only in a column that is read.
 * <li>Delimiter: Excel's first line {@code sep=;}; else the options' choice; else the one of
 *     {@code ,} {@code ;} tab {@code |} that occurs most often outside quotes in the first record
 *     (ties in that order; {@code ,} when none occurs).
 * <li>Header rows: see {@link ExportFormat}; then the options' {@code skipRows} records are skipped.
 * <li>Columns: names match case-insensitively after trimming; score columns by their usual names
 *     (see {@link ExportLayout#scoreColumns()}) unless the options name them; the timestamp column
 *     is the first present of {@code submitted_at}, {@code RecordedDate}, {@code EndDate},
 *     {@code End Date}, {@code Submit Date (UTC)}, {@code Submitted At}, {@code Date Submitted},
 *     {@code Timestamp}, {@code Tijdstempel}, {@code created_at}, {@code date}, {@code datum} (case, spaces, {@code _}, {@code -} and
 *     brackets ignored) unless the options name it.
 * <li>Timestamp form: the options' pattern, else decided from the column's values (see the
 *     documentation of cxmetrics' inputs); the zone for reading is the export's own (Qualtrics
 *     {@code timeZone}, a header containing {@code (UTC)}) or else the options' zone.
 * </ol>
 *
 * <h2>Excluded rows</h2>
 * Blank records are skipped. In Qualtrics exports, a row whose {@code Status} is neither {@code 0}
 * nor {@code IP Address} (a preview, test, spam or import) is excluded and counted under
 * {@code "preview, test or spam"}; a row whose {@code Finished} is {@code 0} or {@code False} under
 * {@code "unfinished"}, unless {@link Options#withIncludeUnfinished(boolean)}.
 *
 * <h2>Cost</h2>
 * Detection reads the start of the file; a file without byte order mark is read once more to
 * check that it is valid UTF-8, and a timestamp column whose day/month order is not decided by its
 * first value is read until a value decides it. The rows are then streamed.
 *
 * @since 0.1.0
 */
public final class ExportReader implements Closeable {
    private static final int PREFIX_BYTES = 1 << 16;
    private static final Pattern SEP_LINE = Pattern.compile("(?i)sep=(.)\r?\n");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private final ExportLayout layout;
    private final ExportValues values;
    private final CsvReader csv;
    private final Map<String, Long> excluded = new LinkedHashMap<>();
    private ExportRow row;

    private ExportReader(ExportLayout layout, ExportValues values, CsvReader csv) {
        this.layout = layout;
        this.values = values;
        this.csv = csv;
    }

    /**
     * Opens an export file and detects its layout.
     *
     * @throws IOException              if the file cannot be read
     * @throws CsvFormatException       if the file is not CSV, has no header, a column that is read
     *                                  is duplicated, or its timestamps are ambiguous or unknown
     * @throws IllegalArgumentException if a column the options name does not exist
     */
    public static ExportReader open(Path file, Options options) throws IOException {
        return open(ByteSource.of(Objects.requireNonNull(file, "file")), options);
    }

    /**
     * Reads an export held in memory; see {@link #open(Path, Options)}.
     *
     * @throws IOException on a failure of the in-memory stream (never expected)
     */
    public static ExportReader of(byte[] bytes, Options options) throws IOException {
        return open(ByteSource.of(Objects.requireNonNull(bytes, "bytes").clone()), options);
    }

    private static ExportReader open(ByteSource source, Options options) throws IOException {
        Objects.requireNonNull(options, "options");
        ExportEncoding encoding = ExportEncoding.detect(source, options.encoding, options.wholeFileUtf8Check);
        List<String> notes = new ArrayList<>();
        encoding.note().ifPresent(notes::add);
        String text = prefix(source, encoding);
        Matcher sep = SEP_LINE.matcher(text);
        boolean sepLine = sep.lookingAt();
        char delimiter = sepLine ? sep.group(1).charAt(0) : options.delimiter.orElseGet(() -> sniff(text));
        int before = sepLine ? 1 : 0;
        Head head = headerRows(source, encoding, delimiter, before);
        HeaderRows header = head.rows();
        ColumnNames names = new ColumnNames(header.names(), head.line());
        Map<String, Integer> scores = scoreColumns(names, options);
        Map<Integer, LabelMapping> mappings = new LinkedHashMap<>();
        for (LabelMapping m : options.labels) {
            mappings.put(names.require(m.column(), "a label mapping", "--labels"), m);
        }
        int timestamp = !options.timestamps ? -1
                : options.timestampColumn.map(c -> names.require(c, "the timestamp", "--timestamp"))
                .orElseGet(names::timestamp);
        boolean qualtrics = header.format() == ExportFormat.QUALTRICS || header.format() == ExportFormat.QUALTRICS_LEGACY;
        int skip = before + header.rows() + options.skipRows;
        ZoneId zone = timestamp < 0 ? options.zone : timestampZone(header, timestamp, options.zone);
        TimestampFormats.Format format = timestamp < 0 ? TimestampFormats.ISO_8601
                : options.timestampPattern.isPresent() ? TimestampFormats.ofPattern(options.timestampPattern.get())
                : detectTimestamps(source, encoding, delimiter, skip, timestamp,
                        header.names().get(timestamp).strip(), options.missingValues);
        Map<String, String> scoreNames = new TreeMap<>();
        scores.forEach((kind, index) -> scoreNames.put(kind, header.names().get(index).strip()));
        ExportLayout layout = new ExportLayout(header.format(), encoding.displayName(), encoding.charset(), delimiter,
                sepLine, header.rows(), options.skipRows, header.names(),
                timestamp < 0 ? Optional.empty() : Optional.of(header.names().get(timestamp).strip()),
                timestamp < 0 ? Optional.empty() : Optional.of(format.name()), zone, scoreNames, notes);
        ExportValues values = new ExportValues(names, scores, mappings, timestamp, format, zone, options.missingValues,
                encoding.charset().name(), qualtrics ? names.find("Status") : -1,
                qualtrics ? names.find("Finished") : -1, options.includeUnfinished);
        return new ExportReader(layout, values, openAt(source, encoding, delimiter, skip));
    }

    /** The start of the text (a byte order mark left out), to find Excel's sep= line and the delimiter. */
    private static String prefix(ByteSource source, ExportEncoding encoding) throws IOException {
        String prefix;
        try (InputStream in = encoding.openUtf8(source)) {
            prefix = new String(in.readNBytes(PREFIX_BYTES), StandardCharsets.UTF_8);
        }
        return prefix.startsWith("\uFEFF") ? prefix.substring(1) : prefix;
    }

    /** The header rows and the line the first of them is on. */
    private record Head(HeaderRows rows, long line) {
    }

    /** The header rows, recognised from the first three records after the sep= line. */
    private static Head headerRows(ByteSource source, ExportEncoding encoding, char delimiter, int before)
            throws IOException {
        List<String[]> first = new ArrayList<>();
        long headerLine = 1;
        try (CsvReader csv = CsvReader.of(encoding.openUtf8(source), delimiter)) {
            for (int i = 0; i < before && csv.next(); i++) {
                // Excel's sep= line
            }
            while (first.size() < 3 && csv.next()) {
                if (first.isEmpty()) {
                    headerLine = csv.line();
                }
                first.add(first.isEmpty() ? fields(csv) : lenient(csv));
            }
        }
        return new Head(HeaderRows.detect(first, headerLine), headerLine);
    }

    /** The column of each scale kind: the one the options name, else found by its usual names. */
    private static Map<String, Integer> scoreColumns(ColumnNames names, Options options) {
        Map<String, Integer> scores = new TreeMap<>();
        for (String kind : List.of("NPS", "CSAT", "CES")) {
            String chosen = options.columns.get(kind);
            int index = chosen != null ? names.require(chosen, kind, "--column " + kind.toLowerCase(Locale.ROOT) + "=NAME")
                    : names.score(kind);
            if (index >= 0) {
                scores.put(kind, index);
            }
        }
        return scores;
    }

    /** The zone of the timestamp column: the export's own ({@code timeZone}, a {@code (UTC)} header), else the options'. */
    private static ZoneId timestampZone(HeaderRows header, int timestamp, ZoneId fallback) {
        if (header.zones().get(timestamp).isPresent()) {
            return header.zones().get(timestamp).get();
        }
        return header.names().get(timestamp).toLowerCase(Locale.ROOT).contains("(utc)") ? ZoneOffset.UTC : fallback;
    }

    /** A reader of the export positioned at its first data record. */
    private static CsvReader openAt(ByteSource source, ExportEncoding encoding, char delimiter, int skip)
            throws IOException {
        CsvReader csv = CsvReader.of(encoding.openUtf8(source), delimiter);
        try {
            for (int i = 0; i < skip && csv.next(); i++) {
                // header rows
            }
        } catch (IOException | RuntimeException e) {
            csv.close();
            throw e;
        }
        return csv;
    }

    private static String[] fields(CsvReader csv) {
        String[] cells = new String[csv.fieldCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = csv.field(i);
        }
        return cells;
    }

    /**
     * A data record's cells, a byte that is not valid UTF-8 (possible only with UTF-8 chosen or
     * assumed) becoming U+FFFD, so that it never stops the reading and is a bad value only in a
     * column that is read ({@link ExportValues}).
     */
    private static String[] lenient(CsvReader csv) {
        String[] cells = new String[csv.fieldCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new String(csv.fieldBytes(i), StandardCharsets.UTF_8);
        }
        return cells;
    }

    /** The delimiter that occurs most often outside quotes in the first record. */
    static char sniff(String text) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    private static TimestampFormats.Format detectTimestamps(ByteSource source, ExportEncoding encoding, char delimiter,
            int skip, int column, String name, Set<String> missing) throws IOException {
        TimestampFormats.Detector detector = new TimestampFormats.Detector(name, column + 1);
        try (CsvReader csv = CsvReader.of(encoding.openUtf8(source), delimiter)) {
            for (int i = 0; i < skip && csv.next(); i++) {
                // header rows
            }
            while (csv.next()) {
                if (column >= csv.fieldCount()) {
                    continue;
                }
                String value = csv.field(column).strip();
                if (!missing.contains(value.toLowerCase(Locale.ROOT)) && detector.accept(value, csv.line())) {
                    break;
                }
            }
        }
        return detector.result();
    }

    /** What was detected. */
    public ExportLayout layout() {
        return layout;
    }

    /** How this export's cells become values, for code that reads the records itself. */
    public ExportValues values() {
        return values;
    }

    /**
     * Advances to the next data record that is not blank and not excluded.
     *
     * @return whether there is a current row
     * @throws IOException        if reading fails
     * @throws CsvFormatException if the input is not valid CSV
     */
    public boolean next() throws IOException {
        while (csv.next()) {
            if (csv.fieldCount() == 1 && csv.fieldBytes(0).length == 0) {
                continue;
            }
            String[] cells = lenient(csv);
            Optional<String> exclusion = values.exclusion(i -> i < cells.length ? cells[i] : "");
            if (exclusion.isPresent()) {
                excluded.merge(exclusion.get(), 1L, Long::sum);
                continue;
            }
            row = new ExportRow(cells, csv.line(), values);
            return true;
        }
        row = null;
        return false;
    }

    /**
     * The current row.
     *
     * @throws IllegalStateException if {@link #next()} has not returned {@code true}
     */
    public ExportRow row() {
        if (row == null) {
            throw new IllegalStateException("No current row: call next() first");
        }
        return row;
    }

    /**
     * The rows excluded so far by vendor hygiene, by reason ({@code "preview, test or spam"},
     * {@code "unfinished"}); complete once {@link #next()} has returned {@code false}.
     *
     * @return an unmodifiable copy, in the order the reasons first occurred
     */
    public Map<String, Long> excluded() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /**
     * How to read an export: each choice replaces a detection. Get one with {@link #defaults()} and
     * the {@code with…} methods. Immutable and thread-safe.
     */
    public static final class Options {
        /** The default missing-value markers, besides the empty cell. */
        public static final List<String> DEFAULT_MISSING_VALUES = List.of("NA", "N/A", "#N/A", "-", "null");
        private static final Options DEFAULTS = new Options(Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty(), ZoneOffset.UTC, Map.of(), lower(DEFAULT_MISSING_VALUES), List.of(), false, true, true);

        final Optional<Charset> encoding;
        final Optional<Character> delimiter;
        final int skipRows;
        final Optional<String> timestampColumn;
        final Optional<String> timestampPattern;
        final ZoneId zone;
        final Map<String, String> columns;
        final Set<String> missingValues;
        final List<LabelMapping> labels;
        final boolean includeUnfinished;
        final boolean wholeFileUtf8Check;
        final boolean timestamps;

        private Options(Optional<Charset> encoding, Optional<Character> delimiter, int skipRows,
                Optional<String> timestampColumn, Optional<String> timestampPattern, ZoneId zone,
                Map<String, String> columns, Set<String> missingValues, List<LabelMapping> labels,
                boolean includeUnfinished, boolean wholeFileUtf8Check, boolean timestamps) {
            this.encoding = encoding;
            this.delimiter = delimiter;
            this.skipRows = skipRows;
            this.timestampColumn = timestampColumn;
            this.timestampPattern = timestampPattern;
            this.zone = zone;
            this.columns = columns;
            this.missingValues = missingValues;
            this.labels = labels;
            this.includeUnfinished = includeUnfinished;
            this.wholeFileUtf8Check = wholeFileUtf8Check;
            this.timestamps = timestamps;
        }

        private static Set<String> lower(Collection<String> values) {
            Set<String> set = new LinkedHashSet<>();
            for (String v : values) {
                set.add(Objects.requireNonNull(v, "missing value").strip().toLowerCase(Locale.ROOT));
            }
            return Collections.unmodifiableSet(set);
        }

        /** Everything detected; timestamps without zone in UTC. */
        public static Options defaults() {
            return DEFAULTS;
        }

        /** Reads the file in this encoding, whatever its bytes (a byte order mark of it is skipped). */
        public Options withEncoding(Charset charset) {
            return new Options(Optional.of(Objects.requireNonNull(charset, "charset")), delimiter, skipRows,
                    timestampColumn, timestampPattern, zone, columns, missingValues, labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /**
         * Uses this delimiter instead of sniffing it (Excel's {@code sep=} line still wins).
         *
         * @throws IllegalArgumentException if it is not an ASCII character other than {@code "}, CR and LF
         */
        public Options withDelimiter(char delimiter) {
            CsvReader.of(InputStream.nullInputStream(), delimiter);
            return new Options(encoding, Optional.of(delimiter), skipRows, timestampColumn, timestampPattern, zone,
                    columns, missingValues, labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /**
         * Skips this many records after the header rows (notes, a units row, a second header).
         *
         * @throws IllegalArgumentException if negative
         */
        public Options withSkipRows(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("Invalid value for skipRows (valid values 0 - "
                        + Integer.MAX_VALUE + "): " + rows);
            }
            return new Options(encoding, delimiter, rows, timestampColumn, timestampPattern, zone, columns,
                    missingValues, labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /** Reads the response time from this column instead of looking for one. */
        public Options withTimestampColumn(String column) {
            return new Options(encoding, delimiter, skipRows, Optional.of(Objects.requireNonNull(column, "column")),
                    timestampPattern, zone, columns, missingValues, labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /**
         * Reads timestamps with this {@link DateTimeFormatter} pattern, such as {@code d/M/yyyy H:mm}.
         *
         * @throws IllegalArgumentException if it is not a valid pattern
         */
        public Options withTimestampFormat(String pattern) {
            DateTimeFormatter.ofPattern(Objects.requireNonNull(pattern, "pattern"), Locale.ROOT);
            return new Options(encoding, delimiter, skipRows, timestampColumn, Optional.of(pattern), zone, columns,
                    missingValues, labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /** The zone of timestamps that name none and that the export does not give a zone for. */
        public Options withZone(ZoneId zone) {
            return new Options(encoding, delimiter, skipRows, timestampColumn, timestampPattern,
                    Objects.requireNonNull(zone, "zone"), columns, missingValues, labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /**
         * Reads a score from this column.
         *
         * @param scaleKind {@code NPS}, {@code CSAT} or {@code CES} (any case), as {@code Scale.kind()}
         * @param column    the column name
         * @throws IllegalArgumentException if the kind is not one of these
         */
        public Options withColumn(String scaleKind, String column) {
            String kind = Objects.requireNonNull(scaleKind, "scaleKind").toUpperCase(Locale.ROOT);
            if (!List.of("NPS", "CSAT", "CES").contains(kind)) {
                throw new IllegalArgumentException("Invalid value for scale kind (valid values NPS, CSAT, CES): " + scaleKind);
            }
            Map<String, String> copy = new TreeMap<>(columns);
            copy.put(kind, Objects.requireNonNull(column, "column"));
            return new Options(encoding, delimiter, skipRows, timestampColumn, timestampPattern, zone,
                    Collections.unmodifiableMap(copy), missingValues, labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /** Replaces the missing-value markers (matched case-insensitively after trimming; the empty cell always is one). */
        public Options withMissingValues(Collection<String> markers) {
            return new Options(encoding, delimiter, skipRows, timestampColumn, timestampPattern, zone, columns,
                    lower(Objects.requireNonNull(markers, "markers")), labels, includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /** Adds a label mapping; the column it names must exist. */
        public Options withLabels(LabelMapping mapping) {
            List<LabelMapping> copy = new ArrayList<>(labels);
            copy.add(Objects.requireNonNull(mapping, "mapping"));
            return new Options(encoding, delimiter, skipRows, timestampColumn, timestampPattern, zone, columns,
                    missingValues, List.copyOf(copy), includeUnfinished, wholeFileUtf8Check, timestamps);
        }

        /**
         * Whether a file without byte order mark or chosen encoding is checked to be valid UTF-8 as
         * a whole before it is read (the default), or only its first MiB. Without the whole check,
         * reading starts at once and a later byte that is not valid UTF-8 is an error of the
         * value that holds it ({@link ExportValues} reports U+FFFD; {@link CsvReader} invalid
         * UTF-8), for a caller that then reads the file again as windows-1252, as cxmetrics'
         * report does.
         */
        public Options withWholeFileUtf8Check(boolean check) {
            return new Options(encoding, delimiter, skipRows, timestampColumn, timestampPattern, zone, columns,
                    missingValues, labels, includeUnfinished, check, timestamps);
        }

        /**
         * Reads no response time: no timestamp column is looked for and its values are not
         * checked, for a use that needs no dates ({@link ExportRow#submittedAt()} is then empty).
         */
        public Options withoutTimestamps() {
            return new Options(encoding, delimiter, skipRows, Optional.empty(), timestampPattern, zone, columns,
                    missingValues, labels, includeUnfinished, wholeFileUtf8Check, false);
        }

        /** Keeps unfinished Qualtrics responses ({@code Finished} = 0) instead of excluding them. */
        public Options withIncludeUnfinished(boolean include) {
            return new Options(encoding, delimiter, skipRows, timestampColumn, timestampPattern, zone, columns,
                    missingValues, labels, include, wholeFileUtf8Check, timestamps);
        }
    }
}
