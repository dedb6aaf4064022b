package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --calendar} and {@code --benchmark} on the command line: accepted forms and usage errors. */
class ReportCalendarCommandTest {
    private static final String CSV = "submitted_at,nps,csat,w\n2026-04-25T10:00:00Z,9,5,1\n"
            + "2026-04-27T10:00:00Z,3,2,1\n2026-04-28T10:00:00Z,10,4,2\n";

    private static void usage(String message, String... args) {
        MainTest.Run r = MainTest.run(args);
        assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cxmetrics: " + message + "\n");
    }

    @Test
    void calendarWithHolidaysRunsAndFromTalliesToo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("r.csv"), CSV);
        MainTest.Run r = MainTest.run("report", file.toString(), "--calendar", "--holidays", "nl",
                "--save-tallies", dir.resolve("store").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Calendar effects (local days in UTC; holidays nl)")
                .contains("NPS      holiday             1");
        MainTest.Run again = MainTest.run("report", "--from-tallies", dir.resolve("store").toString(), "--calendar");
        assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void usageErrorsNameTheValueAndWhatIsAllowed(@TempDir Path dir) throws IOException {
        String file = Files.writeString(dir.resolve("r.csv"), CSV).toString();
        usage("report: --holidays needs --business-hours SPEC or --calendar", "report", file, "--holidays", "nl");
        usage("report: Invalid value for csat benchmark (valid values 0 - 100, in percent; 0 < v <= 1 looks like a "
                + "fraction): 0.9 (write 90 for 90 %)", "report", file, "--benchmark", "csat=0.9");
        usage("report: Invalid value for nps benchmark (valid values -100.0 - 100.0): 132.0", "report", file,
                "--benchmark", "nps=132");
        usage("report: invalid --benchmark \"kto=3\": unknown metric \"kto\" (expected METRIC=VALUE with METRIC nps, "
                + "csat or ces: nps=32, csat=78% or ces=5.2)", "report", file, "--benchmark", "kto=3");
        usage("report: invalid --benchmark \"nps=32%\": only a CSAT benchmark is in percent (nps is in NPS points, "
                + "-100 to 100)", "report", file, "--benchmark", "nps=32%");
        usage("report: --benchmark given twice for nps: \"nps=32\" and \"nps=40\" (one benchmark per metric)",
                "report", file, "--benchmark", "nps=32", "--benchmark", "nps=40");
    }

    @Test
    void aWeightedReportTestsTheWeightedScore(@TempDir Path dir) throws IOException {
        // CSAT 1-5: 4 satisfied rows of weight 2, 6 unsatisfied rows of weight 1 (and a 5 of weight 0.5)
        StringBuilder csv = new StringBuilder("submitted_at,csat,w\n");
        for (int i = 0; i < 4; i++) {
            csv.append("2026-01-05T10:00:00Z,4,2\n");
        }
        for (int i = 0; i < 6; i++) {
            csv.append("2026-01-05T10:00:00Z,2,1\n");
        }
        csv.append("2026-01-05T10:00:00Z,5,0.5\n");
        String file = Files.writeString(dir.resolve("w.csv"), csv).toString();
        MainTest.Run r = MainTest.run("report", file, "--weight", "w", "--benchmark", "csat=50%", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode b = r.json().get("benchmarks").get(0);
        // by hand: p = (8 + 0.5) / 14.5, Kish n = 14.5^2 / (4*4 + 6 + 0.25) = 9.4494, z = (p - .5) / sqrt(.25 / n)
        double p = 8.5 / 14.5;
        double n = 14.5 * 14.5 / 22.25;
        double z = (p - 0.5) / Math.sqrt(0.25 / n);
        assertThat(b.get("n").asLong()).isEqualTo(11);
        assertThat(b.get("difference").get("difference").asDouble()).isCloseTo(100 * (p - 0.5), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(b.get("difference").get("statistic").asDouble()).isCloseTo(z, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void benchmarksInPercentAndPlain(@TempDir Path dir) throws IOException {
        String file = Files.writeString(dir.resolve("r.csv"), CSV).toString();
        MainTest.Run a = MainTest.run("report", file, "--benchmark", "csat=78%", "--format", "json");
        MainTest.Run b = MainTest.run("report", file, "--benchmark", "csat=78", "--format", "json");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("\"benchmark\": 78.0").isEqualTo(b.out());
    }
}
