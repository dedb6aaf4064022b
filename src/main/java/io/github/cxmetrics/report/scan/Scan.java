package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.trend.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reading an export into the tallies of its groups, as a {@link ReportGrouping} says: the entry of
 * the scan package, which the report calls and nothing else needs. A file is read by the parallel
 * byte-level scan ({@link ParallelScan}) when the grouping allows it and every row is in the forms
 * it reads, else (and a stream always) by the streaming pass ({@link StreamingPass}); both give
 * the same tallies. With respondent deduplication a file is read twice ({@link RespondentFilter}).
 * Stateless.
 */
public final class Scan {
    private Scan() {
    }

    /**
     * Reads a file: detects its layout ({@link io.github.cxmetrics.io.ExportReader}: encoding,
     * delimiter, header rows, score and timestamp columns, timestamp form), then reads its rows.
     * When UTF-8 was assumed from the file's start and a column that is read holds invalid UTF-8,
     * the file is read again as windows-1252, with a note.
     *
     * @param threads the most threads that read it
     * @param progress told the bytes read every 8 MiB or so
     * @param beforeRows told the metrics found once the header is resolved, before any row is
     *     read; it may throw to refuse them
     * @throws IOException if the file cannot be read
     * @throws io.github.cxmetrics.io.BadRowException at the first bad row under the fail policy
     * @throws io.github.cxmetrics.io.CsvFormatException if the file has no header, a column that is
     *     read is duplicated, or its timestamps are ambiguous or in no known form
     * @throws IllegalArgumentException if a required column is missing or there is nothing to report
     */
    public static ReportTallies read(Path file, ReportGrouping grouping, int threads, LongConsumer progress,
            Consumer<List<Metric>> beforeRows) throws IOException {
        Objects.requireNonNull(file, "file");
        Input input = Input.detect(file, grouping);
        try {
            return read(file, input, threads, progress, beforeRows);
        } catch (StreamingPass.NotUtf8 notUtf8) {
            Input again = input.asWindows1252(file).withNote("not valid UTF-8 (" + notUtf8.getMessage()
                    + "); read as windows-1252");
            return read(file, again, threads, progress, beforeRows);
        }
    }

    private static ReportTallies read(Path file, Input input, int threads, LongConsumer progress,
            Consumer<List<Metric>> beforeRows) throws IOException {
        ReportGrouping grouping = input.grouping();
        RespondentFilter respondents = null;
        if (grouping.respondentColumn() != null) {
            try (CsvReader reader = input.openAtData(file)) {
                respondents = RespondentFilter.scan(reader, input.header(), grouping, input.values());
            }
        }
        ScanCharset charset = ScanCharset.of(input.layout().charset());
        if (ParallelScan.supports(grouping) && parallel(input) && charset != null) {
            StreamingPass pass = new StreamingPass(grouping, beforeRows).withInput(input);
            StreamingPass.Layout layout = pass.prepare(input.header());
            long dataStart;
            try (CsvReader reader = input.openAtData(file)) {
                dataStart = charset.fileOffset(file, reader.bytesRead());
            }
            ReportTallies tallies = dataStart < 0 ? null
                    : new ParallelScan(pass, layout, threads, charset).scan(file, dataStart, progress);
            if (tallies != null) {
                return tallies.withLayout(input.layout());
            }
        }
        try (CsvReader reader = input.openAtData(file)) {
            return new StreamingPass(grouping, beforeRows).withInput(input).onProgress(progress)
                    .withRespondents(respondents).read(reader, input.header(), file.toString());
        }
    }

    /**
     * Whether the byte-level scan may read the file: timestamps as the plain layout has them, and
     * no rows for the survey tool's exclusions; the encoding must be one it reads
     * ({@link ScanCharset#of}: UTF-8 or a single-byte one such as windows-1252). It still gives up
     * at any row it would not read exactly as the streaming pass does (a label, a missing-value
     * marker, a quote inside an unquoted field, ...).
     */
    private static boolean parallel(Input input) {
        return input.plainTimestamps() && !input.values().excludes();
    }

    /**
     * Reads a stream (not closed) on the calling thread.
     *
     * @param name the name to show as the input file
     * @throws IOException if the stream cannot be read
     * @throws IllegalArgumentException as {@link #read(Path, ReportGrouping, int, LongConsumer, Consumer)},
     *     or if the grouping deduplicates respondents, which needs a file
     */
    public static ReportTallies read(InputStream in, String name, ReportGrouping grouping,
            Consumer<List<Metric>> beforeRows) throws IOException {
        return new StreamingPass(grouping, beforeRows).read(in, name);
    }

    /**
     * Reads an export held in memory on the calling thread, as a file is read by the streaming
     * pass: its layout detected ({@link io.github.cxmetrics.io.ExportReader#of(byte[],
     * io.github.cxmetrics.io.ExportReader.Options)}), cells read by the layout's rules (missing
     * markers, labels, timestamp forms). The Spark report scans each partition this way.
     *
     * @param name the name to show as the input file
     * @throws IOException never from memory, but as the file reader declares it
     * @throws IllegalArgumentException as {@link #read(Path, ReportGrouping, int, LongConsumer, Consumer)},
     *     or if the grouping deduplicates respondents
     */
    public static ReportTallies read(byte[] export, String name, ReportGrouping grouping) throws IOException {
        Objects.requireNonNull(export, "export");
        if (grouping.respondentColumn() != null) {
            throw new IllegalArgumentException("Respondent deduplication (--respondent) reads a file twice: it needs "
                    + "the whole export in one file");
        }
        Input input = Input.detect(export, grouping);
        try (CsvReader reader = input.openAtData(export)) {
            return new StreamingPass(input.grouping(), m -> { }).withInput(input).read(reader, input.header(), name)
                    .withLayout(input.layout());
        }
    }

    /**
     * The layout that {@link #read(Path, ReportGrouping, int, LongConsumer, Consumer)} detects in an
     * export, from its first bytes (the Spark report checks it on the driver).
     *
     * @throws IOException as the file reader declares it
     */
    public static io.github.cxmetrics.io.ExportLayout layout(byte[] head, ReportGrouping grouping) throws IOException {
        return Input.detect(head, grouping).layout();
    }
}
