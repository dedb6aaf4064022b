package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KTO survey's tallies stored with {@code --save-tallies}: the report from the stored tallies is
 * byte for byte the direct report, in every format, with {@code --survey}, {@code --by} and
 * {@code --segment} (and with {@code --calendar}, whose day groups carry the survey too).
 */
class ReportKtoTalliesTest {
    @TempDir
    Path dir;

    /** 600 rows over 2026: three survey questions with skipped answers, a channel, response times and FCR. */
    private Path export() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("submitted_at,channel,q1,q2,q3,nps,first_response_minutes,"
                + "resolved_first_contact\n");
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 600; i++) {
            Instant at = Instant.ofEpochSecond(start + random.nextLong(365L * 86_400));
            csv.append(at).append(',').append(List.of("phone", "chat", "mail").get(random.nextInt(3))).append(',')
                    .append(random.nextInt(6) == 0 ? "" : String.valueOf(1 + random.nextInt(5))).append(',')
                    .append(random.nextInt(5) == 0 ? "n/a" : String.valueOf(1 + random.nextInt(7))).append(',')
                    .append(random.nextInt(4) == 0 ? "" : String.valueOf(random.nextInt(11))).append(',')
                    .append(random.nextInt(11)).append(',').append(random.nextInt(500) / 4.0).append(',')
                    .append(random.nextBoolean()).append('\n');
        }
        return Files.writeString(dir.resolve("kto.csv"), csv);
    }

    private Path survey() throws IOException {
        return Files.writeString(dir.resolve("kto.txt"), "min-answered 2\nq1 csat 1-5 weight=2\nq2 ces 1-7\n"
                + "q3 nps 0-10 weight=0.5\n");
    }

    private void assertSameFromTallies(String... grouping) throws IOException {
        Path file = export();
        Path store = dir.resolve("store" + grouping.length);
        List<String> save = new java.util.ArrayList<>(List.of("report", file.toString(), "--survey",
                survey().toString(), "--save-tallies", store.toString()));
        save.addAll(List.of(grouping));
        MainTest.Run saved = MainTest.run(save.toArray(String[]::new));
        assertThat(saved.code()).as(saved.err()).isZero();
        assertThat(Files.readString(store.resolve("report.cxreport"))).contains("\noperations=response,fcr,kto\n")
                .contains("\noperation=overall kto cxkto/1 respondents=");
        for (String format : List.of("table", "json", "csv", "html")) {
            List<String> direct = new java.util.ArrayList<>(List.of("report", file.toString(), "--survey",
                    survey().toString(), "--format", format));
            direct.addAll(List.of(grouping));
            MainTest.Run a = MainTest.run(direct.toArray(String[]::new));
            List<String> from = new java.util.ArrayList<>(List.of("report", "--from-tallies", store.toString(),
                    "--format", format));
            if (List.of(grouping).contains("--calendar")) {
                from.add("--calendar");
            }
            MainTest.Run b = MainTest.run(from.toArray(String[]::new));
            assertThat(a.code()).as(a.err()).isZero();
            assertThat(b.code()).as(b.err()).isZero();
            assertThat(a.out()).as(format).contains("kto").isEqualTo(b.out());
        }
        MainTest.Run sameSurvey = MainTest.run("report", "--from-tallies", store.toString(), "--survey",
                survey().toString());
        assertThat(sameSurvey.code()).as(sameSurvey.err()).isZero();
    }

    @Test
    void surveyByMonthAndChannelIsIdenticalFromStoredTallies() throws IOException {
        assertSameFromTallies("--by", "month", "--segment", "channel");
    }

    @Test
    void surveyWithCalendarEffectsIsIdenticalFromStoredTallies() throws IOException {
        assertSameFromTallies("--by", "quarter", "--calendar");
    }
}
