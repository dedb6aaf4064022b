package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cxmetrics.cli.MainTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code main} on the bundled example export ({@code docs/examples/responses.csv}, made with
 * {@code java shared/bench/GenResponses.java --rows 3000 --seed 42}). Expected values were computed
 * independently with Python 3.11 (csv module, zoneinfo) and scipy 1.17.1: counts by hand,
 * {@code scipy.stats.binomtest(x, n).proportion_ci(0.95, 'wilson')}, {@code stats.t.ppf(0.975, n - 1)}
 * with {@code statistics.stdev}, and the adjusted-Wald formula of METHODS.md §3.2 with
 * {@code stats.norm.ppf(0.975)}.
 */
class ReportEndToEndTest {
    static final Path EXAMPLE = Path.of("docs/examples/responses.csv");

    @Test
    void overallNumbersMatchAnIndependentComputation() throws IOException {
        MainTest.Run r = MainTest.run("report", EXAMPLE.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("input").get("rows").asLong()).isEqualTo(3000);
        assertThat(j.get("input").get("rejectedRows").asLong()).isZero();
        assertThat(j.get("confidence").asDouble()).isEqualTo(0.95);
        JsonNode nps = j.get("overall").get("nps");
        assertThat(nps.get("n").asLong()).isEqualTo(2399);
        assertThat(nps.get("promoters").asLong()).isEqualTo(923);
        assertThat(nps.get("passives").asLong()).isEqualTo(800);
        assertThat(nps.get("detractors").asLong()).isEqualTo(676);
        assertThat(nps.get("score").asDouble()).isCloseTo(10.295956648603585, within(1e-9));
        assertThat(nps.get("lower").asDouble()).isCloseTo(7.0447066189311816, within(1e-9));
        assertThat(nps.get("upper").asDouble()).isCloseTo(13.521488218704123, within(1e-9));
        JsonNode csat = j.get("overall").get("csat");
        assertThat(csat.get("n").asLong()).isEqualTo(2091);
        assertThat(csat.get("satisfied").asLong()).isEqualTo(1450);
        assertThat(csat.get("score").asDouble()).isCloseTo(69.34481109516977, within(1e-9));
        assertThat(csat.get("lower").asDouble()).isCloseTo(67.33463507842616, within(1e-9));
        assertThat(csat.get("upper").asDouble()).isCloseTo(71.28403921759585, within(1e-9));
        assertThat(csat.get("mean").asDouble()).isCloseTo(3.991869918699187, within(1e-12));
        JsonNode ces = j.get("overall").get("ces");
        assertThat(ces.get("n").asLong()).isEqualTo(1438);
        assertThat(ces.get("score").asDouble()).isCloseTo(4.89221140472879, within(1e-12));
        assertThat(ces.get("lower").asDouble()).isCloseTo(4.81953695675203, within(1e-9));
        assertThat(ces.get("upper").asDouble()).isCloseTo(4.9648858527055495, within(1e-9));
        assertThat(ces.get("easy").asDouble()).isCloseTo(61.19610570236439, within(1e-9));
    }

    @Test
    void monthlyTrendPerChannelMatchesIndependentCounts() throws IOException {
        JsonNode j = MainTest.run("report", EXAMPLE.toString(), "--by", "month", "--segment", "channel", "--zone",
                "Europe/Amsterdam", "--format", "json").json();
        assertThat(j.get("trend")).hasSize(24);
        assertThat(j.get("trend").get(0).get("period").asText()).isEqualTo("2025-01");
        assertThat(j.get("trend").get(0).get("start").asText()).isEqualTo("2025-01-01");
        assertThat(j.get("trend").get(0).get("metrics").get("nps").has("change")).isFalse();
        assertThat(j.get("trend").get(1).get("metrics").get("nps").get("change").has("pValue")).isTrue();
        JsonNode channels = j.get("segments").get("channel");
        assertThat(channels).hasSize(5);
        assertThat(channels.get(0).get("segment").asText()).isEqualTo("chat");
        check(channels, "phone", "2025-03", 9, 7, 4, 25.0);
        check(channels, "chat", "2026-12", 7, 5, 3, 26.666666666666668);
        check(channels, "store", "2025-01", 3, 7, 4, -7.142857142857143);
        for (JsonNode segment : channels) {
            JsonNode vsRest = segment.get("metrics").get("nps").get("vsRest");
            assertThat(vsRest.get("pValue").asDouble()).isBetween(0.0, 1.0);
            assertThat(vsRest.get("significant").asBoolean()).isEqualTo(vsRest.get("pValue").asDouble() < 0.05);
        }
    }

    private static void check(JsonNode channels, String channel, String month, int p, int a, int d, double score) {
        for (JsonNode segment : channels) {
            if (segment.get("segment").asText().equals(channel)) {
                for (JsonNode period : segment.get("trend")) {
                    if (period.get("period").asText().equals(month)) {
                        JsonNode nps = period.get("metrics").get("nps");
                        assertThat(nps.get("promoters").asInt()).isEqualTo(p);
                        assertThat(nps.get("passives").asInt()).isEqualTo(a);
                        assertThat(nps.get("detractors").asInt()).isEqualTo(d);
                        assertThat(nps.get("score").asDouble()).isCloseTo(score, within(1e-9));
                        assertThat(nps.get("small").asBoolean()).isTrue();
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no " + channel + " " + month);
    }

    @Test
    void weeklyTrendSpansIsoWeeksIncludingWeek53(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report.json");
        MainTest.Run r = MainTest.run("report", EXAMPLE.toString(), "--by", "week", "--zone", "Europe/Amsterdam",
                "--metrics", "nps", "--format", "json", "--output", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode j = MainTest.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(j.get("trend")).hasSize(105);
        assertThat(j.get("trend").get(0).get("period").asText()).isEqualTo("2025-W01");
        assertThat(j.get("trend").get(0).get("start").asText()).isEqualTo("2024-12-30");
        assertThat(j.get("trend").get(104).get("period").asText()).isEqualTo("2026-W53");
        assertThat(j.get("overall").has("csat")).isFalse();
    }

    @Test
    void tableFitsEightyColumns() {
        MainTest.Run r = MainTest.run("report", EXAMPLE.toString(), "--by", "quarter", "--segment", "region");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("NPS").contains("CSAT %").contains("CES").contains("2025-Q1");
        r.out().lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }

    /** The number of threads that read a file changes nothing in the report; a bad count is a usage error. */
    @Test
    void threadsDoNotChangeTheReport() {
        String[] report = {"report", EXAMPLE.toString(), "--by", "week", "--segment", "channel", "--format", "json"};
        Run all = MainTest.run(report);
        assertThat(all.code()).isZero();
        for (String threads : new String[] {"1", "3", "1024"}) {
            String[] withThreads = java.util.Arrays.copyOf(report, report.length + 2);
            withThreads[report.length] = "--threads";
            withThreads[report.length + 1] = threads;
            assertThat(MainTest.run(withThreads).out()).as("--threads %s", threads).isEqualTo(all.out());
        }
        for (String bad : new String[] {"0", "-2", "1025", "two"}) {
            Run r = MainTest.run("report", EXAMPLE.toString(), "--threads", bad);
            assertThat(r.code()).as("--threads %s", bad).isEqualTo(2);
            assertThat(r.err()).contains("--threads").contains(bad);
        }
    }
}
