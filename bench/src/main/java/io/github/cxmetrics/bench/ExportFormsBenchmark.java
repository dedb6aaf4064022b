package io.github.cxmetrics.bench;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The report of one export in the forms it comes in (issue 14's speed goal): {@code plain} is
 * {@code GenResponses.java}'s file as written (UTF-8, no quotes); {@code quoted} is the same file
 * with every field quoted; {@code strings} with the text fields quoted; {@code cp1252} has the channels in French ({@code téléphone},
 * {@code réseaux sociaux}) in windows-1252; {@code accents} is that text in UTF-8. The copies are
 * made by {@link ExportCopies}. One operation is {@code Report.generate(file, options)} with
 * {@code --by week --segment channel --zone Europe/Amsterdam} and the encoding detected, in process
 * and on all cores: the whole report a user gets, without rendering.
 *
 * <p>The export is {@code -p export=PATH} (default {@code bench/data/r2m.csv}, the 2 M-row file of
 * {@code bench/export-forms.sh}); its copies must be beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class ExportFormsBenchmark {
    @Param({"plain", "quoted", "strings", "cp1252", "accents"})
    public String form;

    @Param("bench/data/r2m.csv")
    public String export;

    Path file;
    ReportOptions options;

    @Setup
    public void setUp() throws IOException {
        Path plain = Path.of(export);
        file = form.equals("plain") ? plain : ExportCopies.copyOf(plain, form);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + file + ": make it with bench/export-forms.sh");
        }
        options = ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK).withSegment("channel")
                .withZone(ZoneId.of("Europe/Amsterdam")));
    }

    @Benchmark
    public Report report() throws IOException {
        return Report.generate(file, options);
    }
}
