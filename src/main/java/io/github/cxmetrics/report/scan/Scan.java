package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.io.CsvHeader;
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
     * Reads a file.
     *
     * @param threads the most threads that read it
     * @param progress told the bytes read every 8 MiB or so
     * @param beforeRows told the metrics found once the header is resolved, before any row is
     *     read; it may throw to refuse them
     * @throws IOException if the file cannot be read
     * @throws io.github.cxmetrics.io.BadRowException at the first bad row under the fail policy
     * @throws IllegalArgumentException if a required column is missing or there is nothing to report
     */
    public static ReportTallies read(Path file, ReportGrouping grouping, int threads, LongConsumer progress,
            Consumer<List<Metric>> beforeRows) throws IOException {
        Objects.requireNonNull(file, "file");
        RespondentFilter respondents = null;
        if (grouping.respondentColumn() != null) {
            try (InputStream in = Files.newInputStream(file)) {
                respondents = RespondentFilter.scan(in, grouping);
            }
        }
        if (ParallelScan.supports(grouping)) {
            StreamingPass pass = new StreamingPass(grouping, beforeRows);
            StreamingPass.Layout layout;
            long dataStart;
            try (CsvReader reader = CsvReader.open(file, grouping.delimiter())) {
                CsvHeader header = CsvHeader.read(reader);
                layout = pass.prepare(header);
                dataStart = reader.bytesRead();
            }
            ReportTallies tallies = new ParallelScan(pass, layout, threads).scan(file, dataStart, progress);
            if (tallies != null) {
                return tallies;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new StreamingPass(grouping, beforeRows).onProgress(progress).withRespondents(respondents)
                    .read(in, file.toString());
        }
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
}
