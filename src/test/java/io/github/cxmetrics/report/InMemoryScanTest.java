package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.report.archive.ReportArchive;
import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.report.scan.ReportTallies;
import io.github.cxmetrics.report.scan.Scan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link Scan#read(byte[], String, ReportGrouping)} (how the Spark report scans a partition) reads
 * an export in memory as the report reads the file, layout included; the stored-tally texts
 * ({@link ReportArchive#format}, {@link ReportArchive#parse}) carry the tallies exactly.
 */
class InMemoryScanTest {
    private static final Path EXAMPLE = Path.of("docs", "examples", "responses.csv");

    @Test
    void anExportInMemoryGivesTheReportOfTheFile() throws IOException {
        ReportGrouping g = ReportGrouping.defaults().withBy(Granularity.MONTH).withSegment("channel")
                .withWeightColumn("weight");
        ReportOptions o = ReportOptions.of(g).withTarget("nps>=20");
        Report file = Report.generate(EXAMPLE, o);
        ReportTallies t = Scan.read(Files.readAllBytes(EXAMPLE), EXAMPLE.toString(), g);
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.format(ReportAssembly.summarize(o, t))).as(f.name()).isEqualTo(f.format(file));
        }
        String[] texts = ReportArchive.format(t, g);
        ReportArchive.Loaded back = ReportArchive.parse(texts[0], texts[1]);
        // the grouping read back names the metrics found; with it, the tallies give the same texts
        assertThat(ReportArchive.format(back.tallies(), back.grouping()))
                .containsExactly(ReportArchive.format(t, back.grouping()));
        assertThatThrownBy(() -> ReportArchive.parse(texts[0], texts[1] + "x")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("checksum");
    }

    @Test
    void respondentDeduplicationNeedsTheFile() {
        ReportGrouping g = ReportGrouping.defaults().withRespondent("response_id",
                io.github.cxmetrics.survey.Dedup.Keep.LATEST, false);
        assertThatThrownBy(() -> Scan.read(Files.readAllBytes(EXAMPLE), "x", g)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("--respondent");
    }
}
