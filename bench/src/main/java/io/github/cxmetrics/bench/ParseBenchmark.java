package io.github.cxmetrics.bench;

import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.calendar.Granularity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading an in-memory export of {@value #ROWS} rows (about 7.6 MB, the format of the 10 M-row
 * benchmark file): one operation is one record, so the scores read as records per second.
 * {@code records} only splits records and fields; {@code scores} also reads the three score cells
 * with {@link CsvReader#smallInt(int)}; {@code scoresViaString} does the same through
 * {@code Integer.parseInt(field(i))}, the straightforward way; {@code report} is the whole
 * {@code cxmetrics report --by week --segment channel --zone Europe/Amsterdam} computation in
 * process (without rendering) from the bytes in memory, which is the streaming pass that reads a
 * stream; {@code reportFileStreaming} and {@code reportFile} read the same export from a file, the
 * first as a stream (the streaming pass), the second as a file (the parallel byte-level scan, on
 * all cores: one operation is still one record, so it shows the scan's throughput with its
 * threads).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParseBenchmark {
    static final int ROWS = 100_000;

    byte[] export;
    int nps;
    int csat;
    int ces;
    ReportOptions options;
    Path file;

    @Setup
    public void setUp() throws IOException {
        export = Exports.generate(ROWS, 7);
        try (CsvReader csv = reader()) {
            CsvHeader header = CsvHeader.read(csv);
            nps = header.require("nps");
            csat = header.require("csat");
            ces = header.require("ces");
        }
        options = ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK).withSegment("channel")
                .withZone(ZoneId.of("Europe/Amsterdam")));
        file = Files.createTempFile("cxmetrics-parse", ".csv");
        Files.write(file, export);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    private CsvReader reader() {
        return CsvReader.of(new ByteArrayInputStream(export), ',');
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long records() throws IOException {
        long fields = 0;
        try (CsvReader csv = reader()) {
            csv.next();
            while (csv.next()) {
                fields += csv.fieldCount();
            }
        }
        return fields;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long scores() throws IOException {
        long sum = 0;
        try (CsvReader csv = reader()) {
            csv.next();
            while (csv.next()) {
                if (!csv.isEmpty(nps)) {
                    sum += csv.smallInt(nps);
                }
                if (!csv.isEmpty(csat)) {
                    sum += csv.smallInt(csat);
                }
                if (!csv.isEmpty(ces)) {
                    sum += csv.smallInt(ces);
                }
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long scoresViaString() throws IOException {
        long sum = 0;
        try (CsvReader csv = reader()) {
            csv.next();
            while (csv.next()) {
                String a = csv.field(nps);
                if (!a.isEmpty()) {
                    sum += Integer.parseInt(a);
                }
                String b = csv.field(csat);
                if (!b.isEmpty()) {
                    sum += Integer.parseInt(b);
                }
                String c = csv.field(ces);
                if (!c.isEmpty()) {
                    sum += Integer.parseInt(c);
                }
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Report report() throws IOException {
        return Report.generate(new ByteArrayInputStream(export), "memory", options);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Report reportFileStreaming() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Report.generate(in, file.toString(), options);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Report reportFile() throws IOException {
        return Report.generate(file, options);
    }
}
