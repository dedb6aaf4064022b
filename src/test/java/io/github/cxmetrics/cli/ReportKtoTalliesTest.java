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
                + "resolved_first_contact,w\n");
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 600; i++) {
            Instant at = Instant.ofEpochSecond(start + random.nextLong(365L * 86_400));
            csv.append(at).append(',').append(List.of("phone", "chat", "mail").get(random.nextInt(3))).append(',')
                    .append(random.nextInt(6) == 0 ? "" : String.valueOf(1 + random.nextInt(5))).append(',')
                    .append(random.nextInt(5) == 0 ? "n/a" : String.valueOf(1 + random.nextInt(7))).append(',')
                    .append(random.nextInt(4) == 0 ? "" : String.valueOf(random.nextInt(11))).append(',')
                    .append(random.nextInt(11)).append(',').append(random.nextInt(500) / 4.0).append(',')
                    .append(random.nextBoolean()).append(',').append(1 + random.nextInt(12) / 4.0).append('\n');
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
                .contains(List.of(grouping).contains("--weight") || List.of(grouping).contains("--rake")
                        ? "\noperation=overall kto cxkto/1w respondents=" : "\noperation=overall kto cxkto/1 respondents=");
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
    void weightedSurveyIsIdenticalFromStoredTallies() throws IOException {
        assertSameFromTallies("--weight", "w", "--by", "month", "--segment", "channel");
    }

    @Test
    void rakedSurveyIsIdenticalFromStoredTallies() throws IOException {
        assertSameFromTallies("--rake", "channel=phone:0.5,chat:0.3,mail:0.2", "--by", "quarter");
    }

    /**
     * The weighted KTO index of a report is the weighted index of its rows: the six respondents of
     * {@code WeightedSurveyTest.theWeightedIndexMatchesR}, whose numbers are base R's.
     */
    @Test
    void theWeightedReportIndexMatchesR() throws IOException {
        Path file = Files.writeString(dir.resolve("w.csv"), "submitted_at,q1,q2,w\n2026-01-05T10:00:00Z,5,7,1\n"
                + "2026-01-05T10:00:00Z,4,5,2\n2026-01-05T10:00:00Z,2,3,0.5\n2026-01-05T10:00:00Z,3,6,1.5\n"
                + "2026-01-05T10:00:00Z,5,2,1\n2026-01-05T10:00:00Z,1,4,3\n");
        Path survey = Files.writeString(dir.resolve("two.txt"), "q1 csat 1-5 weight=2\nq2 ces 1-7\n");
        MainTest.Run r = MainTest.run("report", file.toString(), "--survey", survey.toString(), "--weight", "w",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode index = r.json().findValue("kto").get("index");
        assertThat(index.get("n").asLong()).isEqualTo(6);
        assertThat(index.get("score").asDouble()).isCloseTo(52.4691358024691, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(index.get("standardError").asDouble()).isCloseTo(15.3472929822179,
                org.assertj.core.api.Assertions.within(1e-10));
        assertThat(index.get("lower").asDouble()).isCloseTo(8.0816594358306, org.assertj.core.api.Assertions.within(1e-8));
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
