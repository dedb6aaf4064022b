package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxmetrics report --bayes} against R 4.2: Evan Miller's 40-of-50 vs 45-of-50 example for a
 * CSAT change (R {@code integrate}: 0.913912137645), and 4-million-draw R simulations for NPS
 * (Dirichlet(51, 31, 21) vs Dirichlet(41, 36, 26): 0.908060) and CES (t posteriors of the CES counts
 * 1,2,3,5,10,12,7 vs 2,3,5,6,8,6,5: 0.941403) of a segment against the rest.
 */
class ReportBayesTest {
    @TempDir
    Path dir;

    @Test
    void aCsatChangeIsExact() throws IOException {
        StringBuilder sb = new StringBuilder("submitted_at,csat\n");
        for (int i = 0; i < 50; i++) {
            sb.append("2026-01-10T10:00:00Z,").append(i < 40 ? 5 : 2).append('\n');
        }
        for (int i = 0; i < 50; i++) {
            sb.append("2026-02-10T10:00:00Z,").append(i < 45 ? 4 : 1).append('\n');
        }
        Path file = dir.resolve("csat.csv");
        Files.writeString(file, sb);
        MainTest.Run r = MainTest.run("report", file.toString(), "--by", "month", "--bayes", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode i = r.json().get("improvements").get(0);
        assertThat(i.get("period").asText()).isEqualTo("2026-02");
        assertThat(i.get("versus").asText()).isEqualTo("previous");
        assertThat(i.get("probabilityBetter").asDouble()).isCloseTo(0.913912137645, within(1e-10));
        assertThat(i.get("method").asText()).isEqualTo("exact-beta");
    }

    @Test
    void segmentsAgainstTheRest() throws IOException {
        int[] ces = {1, 2, 3, 5, 10, 12, 7};
        int[] cesB = {2, 3, 5, 6, 8, 6, 5};
        StringBuilder sb = new StringBuilder("submitted_at,channel,nps,ces\n");
        row(sb, "a", new int[] {50, 30, 20}, ces);
        row(sb, "b", new int[] {40, 35, 25}, cesB);
        Path file = dir.resolve("seg.csv");
        Files.writeString(file, sb);
        MainTest.Run r = MainTest.run("report", file.toString(), "--segment", "channel", "--bayes", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode nps = null;
        JsonNode cesA = null;
        for (JsonNode i : r.json().get("improvements")) {
            if (i.get("segment").asText().equals("a")) {
                if (i.get("metric").asText().equals("nps")) {
                    nps = i;
                } else if (i.get("metric").asText().equals("ces")) {
                    cesA = i;
                }
            }
        }
        assertThat(nps.get("versus").asText()).isEqualTo("rest");
        double se = nps.get("standardError").asDouble();
        assertThat(nps.get("probabilityBetter").asDouble()).isCloseTo(0.908060, within(4 * se + 0.0006));
        assertThat(cesA.get("probabilityBetter").asDouble())
                .isCloseTo(0.941403, within(4 * cesA.get("standardError").asDouble() + 0.0005));
        MainTest.Run table = MainTest.run("report", file.toString(), "--segment", "channel", "--bayes");
        assertThat(table.out()).contains("Probability of being better").contains("channel = a vs the rest");
        MainTest.Run csv = MainTest.run("report", file.toString(), "--segment", "channel", "--bayes", "--format",
                "csv");
        assertThat(csv.out()).contains("channel,a,,,nps_probability_better_than_rest,,");
        MainTest.Run html = MainTest.run("report", file.toString(), "--segment", "channel", "--bayes", "--format",
                "html");
        assertThat(html.out()).contains("<h2>Probability of being better</h2>");
        MainTest.Run plain = MainTest.run("report", file.toString(), "--segment", "channel", "--format", "json");
        assertThat(plain.json().has("improvements")).isFalse();
    }

    @Test
    void weightedReportsAreRefused() throws IOException {
        Path file = dir.resolve("w.csv");
        Files.writeString(file, "submitted_at,nps,w\n2026-01-01T00:00:00Z,9,1.5\n");
        MainTest.Run r = MainTest.run("report", file.toString(), "--weight", "w", "--bayes");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--bayes cannot be combined with --weight");
    }

    /** Promoters (10), passives (7) and detractors (3), with CES answers 1..7 on the first rows. */
    private static void row(StringBuilder sb, String channel, int[] nps, int[] ces) {
        int k = 0;
        int point = 0;
        int left = ces[0];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < nps[c]; i++) {
                sb.append("2026-01-10T10:00:00Z,").append(channel).append(',').append(c == 0 ? 10 : c == 1 ? 7 : 3)
                        .append(',');
                while (point < 7 && left == 0) {
                    point++;
                    left = point < 7 ? ces[point] : 0;
                }
                if (point < 7) {
                    sb.append(point + 1);
                    left--;
                }
                sb.append('\n');
                k++;
            }
        }
    }
}
