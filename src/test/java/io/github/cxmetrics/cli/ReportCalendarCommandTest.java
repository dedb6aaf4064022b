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
        usage("report: --calendar cannot be combined with --weight: calendar effects compare unweighted day "
                + "tallies (leave out --weight for them)", "report", file, "--calendar", "--weight", "w");
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
        usage("report: --benchmark cannot be combined with --weight: benchmarks are judged on unweighted responses "
                + "(leave out --weight for them)", "report", file, "--benchmark", "nps=32", "--weight", "w");
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
