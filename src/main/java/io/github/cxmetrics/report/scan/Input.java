package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.io.ExportLayout;
import io.github.cxmetrics.io.ExportReader;
import io.github.cxmetrics.io.ExportValues;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.trend.Metric;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A file as {@link ExportReader} detected it, and the grouping the scan reads it with: the
 * detected delimiter, score columns and timestamp column in place of the defaults the user left.
 *
 * @param layout      what was detected
 * @param values      how cells become values (missing markers, labels, timestamp form, exclusions)
 * @param grouping    the user's grouping with the detected columns and delimiter
 * @param utf8Assumed whether UTF-8 was assumed from the file's start (no byte order mark, no
 *                    {@code --encoding}): a column that is read and holds invalid UTF-8 then sends
 *                    the scan back to read the file as windows-1252
 */
record Input(ExportLayout layout, ExportValues values, ReportGrouping grouping, boolean utf8Assumed) {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    Input {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(grouping, "grouping");
    }

    /**
     * Detects a file's layout under a grouping. UTF-8 is decided on the file's first MiB, so that a
     * large export is not read once more only to check it.
     *
     * @throws IOException if the file cannot be read
     * @throws io.github.cxmetrics.io.CsvFormatException if it has no header, a column that is read
     *     is duplicated, or its timestamps are ambiguous or in no known form
     * @throws IllegalArgumentException if a column the grouping names does not exist
     */
    static Input detect(Path file, ReportGrouping grouping) throws IOException {
        return detect(file, grouping, grouping.exportOptions().withWholeFileUtf8Check(false),
                grouping.encoding() == null);
    }

    /** The same file read again as windows-1252, after invalid UTF-8 in a column that is read. */
    Input asWindows1252(Path file) throws IOException {
        return detect(file, grouping, grouping.exportOptions().withEncoding(WINDOWS_1252), false);
    }

    private static Input detect(Path file, ReportGrouping grouping, ExportReader.Options options, boolean mayFallBack)
            throws IOException {
        try (ExportReader reader = ExportReader.open(file, options)) {
            return of(reader, grouping, mayFallBack);
        }
    }

    /** Detects the layout of an export held in memory, as {@link #detect(Path, ReportGrouping)} (no fallback). */
    static Input detect(byte[] bytes, ReportGrouping grouping) throws IOException {
        try (ExportReader reader = ExportReader.of(bytes, grouping.exportOptions())) {
            return of(reader, grouping, false);
        }
    }

    private static Input of(ExportReader reader, ReportGrouping grouping, boolean mayFallBack) {
        ExportLayout layout = reader.layout();
        ExportValues values = reader.values();
        ReportGrouping g = grouping.withDelimiter(layout.delimiter());
        for (Metric m : Metric.values()) {
            String column = layout.scoreColumns().get(m.name());
            if (column != null && !grouping.columns().containsKey(m)) {
                g = g.withColumn(m, column);
            }
        }
        if (layout.timestampColumn().isPresent()) {
            g = g.withTimestampColumn(layout.timestampColumn().get());
        }
        boolean assumed = mayFallBack && layout.charset().equals(StandardCharsets.UTF_8)
                && !layout.encoding().contains("BOM");
        return new Input(layout, values, g, assumed);
    }

    /** A note for the input section when the file was read again as windows-1252. */
    Input withNote(String note) {
        List<String> notes = new ArrayList<>(layout.notes());
        notes.add(note);
        ExportLayout l = layout;
        return new Input(new ExportLayout(l.format(), l.encoding(), l.charset(), l.delimiter(), l.excelSepLine(),
                l.headerRows(), l.skippedRows(), l.columns(), l.timestampColumn(), l.timestampFormat(),
                l.timestampZone(), l.scoreColumns(), notes), values, grouping, utf8Assumed);
    }

    /** Whether a cell of a column that is read must be checked for U+FFFD: decoded from another encoding. */
    boolean transcoded() {
        return !layout.charset().equals(StandardCharsets.UTF_8);
    }

    /**
     * Whether timestamps are read as the plain cxmetrics layout reads them: ISO-8601 in the
     * grouping's zone, nothing to convert.
     */
    boolean plainTimestamps() {
        return values.isoTimestamps() && layout.timestampZone().normalized().equals(grouping.zone().normalized());
    }

    /**
     * Opens the file at its first data record: decoded to UTF-8, with the {@code sep=} line, the
     * header rows and the skipped rows read.
     */
    CsvReader openAtData(Path file) throws IOException {
        return atData(CsvReader.of(Files.newInputStream(file), layout.delimiter(), layout.charset()));
    }

    /** As {@link #openAtData(Path)}, for an export held in memory. */
    CsvReader openAtData(byte[] bytes) throws IOException {
        return atData(CsvReader.of(new java.io.ByteArrayInputStream(bytes), layout.delimiter(), layout.charset()));
    }

    private CsvReader atData(CsvReader reader) throws IOException {
        try {
            for (int i = 0; i < layout.recordsBeforeData() && reader.next(); i++) {
                // header rows
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /** The header: the layout's column names (a multi-row header resolved), on its first line. */
    CsvHeader header() {
        return CsvHeader.of(layout.columns(), layout.excelSepLine() ? 2 : 1);
    }
}
