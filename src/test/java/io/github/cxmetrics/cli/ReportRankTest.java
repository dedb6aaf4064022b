package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxmetrics report --rank COLUMN}: the teams of {@code GroupRankingTest} (A: 12 of 12
 * satisfied, B: 180 of 200, …) written as an export, ranked end to end; the shrunk scores are R's
 * ({@code optim} on the beta-binomial likelihood, see GroupRankingTest).
 */
class ReportRankTest {
    private static final String[] TEAMS = {"A", "B", "C", "D", "E", "F", "G", "H"};
    private static final long[] SATISFIED = {12, 180, 150, 95, 260, 40, 70, 33};
    private static final long[] N = {12, 200, 190, 120, 300, 55, 80, 45};
    private static final double[] R_SHRUNK = {85.8271856780, 88.4192612381, 79.8307793136, 80.3306518551,
        86.0566499497, 77.8295519355, 85.5613437499, 78.6020470846};

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void export() throws IOException {
        StringBuilder sb = new StringBuilder("submitted_at,team,csat,weight\n");
        for (int t = 0; t < TEAMS.length; t++) {
            for (int i = 0; i < N[t]; i++) {
                sb.append("2026-03-0").append(1 + i % 9).append("T10:00:00Z,").append(TEAMS[t]).append(',')
                        .append(i < SATISFIED[t] ? 5 : 2).append(",1.5\n");
            }
        }
        file = dir.resolve("teams.csv");
        Files.writeString(file, sb);
    }

    @Test
    void theSmallPerfectTeamRanksThird() throws IOException {
        MainTest.Run r = MainTest.run("report", file.toString(), "--segment", "team", "--rank", "team", "--format",
                "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = r.json().get("rankings").get("team");
        assertThat(rows).hasSize(8);
        Map<String, JsonNode> by = new HashMap<>();
        rows.forEach(row -> by.put(row.get("segment").asText(), row));
        for (int t = 0; t < TEAMS.length; t++) {
            JsonNode row = by.get(TEAMS[t]);
            assertThat(row.get("metric").asText()).isEqualTo("csat");
            assertThat(row.get("n").asLong()).isEqualTo(N[t]);
            assertThat(row.get("score").asDouble()).isCloseTo(100.0 * SATISFIED[t] / N[t], within(1e-9));
            assertThat(row.get("shrunk").asDouble()).as(TEAMS[t]).isCloseTo(R_SHRUNK[t], within(2e-3));
        }
        assertThat(by.get("A").get("rank").asInt()).isEqualTo(3);
        assertThat(rows.get(0).get("segment").asText()).isEqualTo("B");
        assertThat(r.json().get("rankingPriors").get(0).get("priorStrength").asDouble())
                .isCloseTo(46.6663656229 + 9.6876939440, within(0.01));
    }

    @Test
    void everyFormatShowsIt() {
        MainTest.Run table = MainTest.run("report", file.toString(), "--segment", "team", "--rank", "team");
        assertThat(table.out()).contains("Ranking of team by CSAT % satisfied (empirical Bayes");
        MainTest.Run csv = MainTest.run("report", file.toString(), "--segment", "team", "--rank", "team", "--format",
                "csv");
        assertThat(csv.out()).contains("team,A,,,csat_shrunk,12,85.8").contains("csat_probability_best");
        MainTest.Run html = MainTest.run("report", file.toString(), "--segment", "team", "--rank", "team", "--format",
                "html");
        assertThat(html.out()).contains("<h2>Fair rankings</h2>");
    }

    @Test
    void storedTalliesGiveTheSameRanking() throws IOException {
        Path store = dir.resolve("store");
        MainTest.Run direct = MainTest.run("report", file.toString(), "--segment", "team", "--rank", "team",
                "--format", "json", "--save-tallies", store.toString());
        MainTest.Run again = MainTest.run("report", "--from-tallies", store.toString(), "--rank", "team", "--format",
                "json");
        assertThat(again.json().get("rankings")).isEqualTo(direct.json().get("rankings"));
    }

    @Test
    void misuseIsRefusedBeforeReading() {
        MainTest.Run noSegment = MainTest.run("report", file.toString(), "--rank", "team");
        assertThat(noSegment.code()).isEqualTo(1);
        assertThat(noSegment.err()).contains("--rank team needs --segment team");
        MainTest.Run weighted = MainTest.run("report", file.toString(), "--segment", "team", "--rank", "team",
                "--weight", "weight");
        assertThat(weighted.err()).contains("--rank cannot be combined with --weight");
        MainTest.Run twice = MainTest.run("report", file.toString(), "--segment", "team", "--rank", "team", "--rank",
                "team");
        assertThat(twice.err()).contains("each once");
    }
}
