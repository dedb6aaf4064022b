package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real {@code main} on real arguments: exit codes, help, calculators against independent values. */
class MainTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "nps", "csat", "ces", "compare"})
    void everySubcommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("usage: cxmetrics " + command);
    }

    @Test
    void noArgumentsAndUnknownCommandAreUsageErrors() {
        assertThat(run().code()).isEqualTo(2);
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cxmetrics: unknown command \"frobnicate\" (see cxmetrics --help)\n");
        assertThat(run("--help").code()).isZero();
    }

    @Test
    void badOptionValuesAreUsageErrorsOnOneLine() {
        Run r = run("nps", "--promoters", "5", "--passives", "3", "--detractors", "2", "--confidence", "1.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("--confidence").contains("1.5");
        assertThat(run("nps", "--counts", "1,2,3").err()).contains("expected 11 counts");
        assertThat(run("nps", "--promoters", "5", "--passives", "3", "--detractors", "2", "--nps-interval", "exact")
                .err()).contains("adjusted-wald|wald|tango");
        assertThat(run("nps", "--bogus").code()).isEqualTo(2);
        assertThat(run("compare", "nps", "--a-counts", "1,1,1,1,1,1,1,1,1,1,1").err()).contains("--b-counts");
    }

    @Test
    void debugAddsTheStackTrace() {
        Run r = run("nps", "--counts", "x", "--debug");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("UsageException").contains("\tat ");
    }

    /** intervals.json case nps-adjwald-100-95 (mpmath, 60 digits). */
    @Test
    void npsCalculatorMatchesReferenceVector() throws IOException {
        JsonNode j = run("nps", "--counts", "2,1,1,1,2,3,6,10,14,20,40", "--format", "json").json();
        assertThat(j.get("n").asLong()).isEqualTo(100);
        assertThat(j.get("score").asDouble()).isCloseTo(44.0, within(1e-12));
        assertThat(j.get("promoters").asLong()).isEqualTo(60);
        assertThat(j.get("lower").asDouble()).isCloseTo(28.1388911318603, within(1e-9));
        JsonNode tango = run("nps", "--promoters", "60", "--passives", "24", "--detractors", "16",
                "--nps-interval", "tango", "--format", "json").json();
        assertThat(tango.get("lower").asDouble()).isCloseTo(28.02784130736607, within(1e-9));
        assertThat(tango.get("upper").asDouble()).isCloseTo(57.36389143160531, within(1e-9));
    }

    /** intervals.json cases csat-wilson-95 and csat-clopperpearson-95, in percent. */
    @Test
    void csatCalculatorMatchesReferenceVectors() throws IOException {
        JsonNode j = run("csat", "--counts", "5,10,15,40,30", "--format", "json").json();
        assertThat(j.get("score").asDouble()).isCloseTo(70.0, within(1e-9));
        assertThat(j.get("satisfied").asLong()).isEqualTo(70);
        assertThat(j.get("mean").asDouble()).isCloseTo(3.8, within(1e-12));
        JsonNode cp = run("csat", "--satisfied", "70", "--n", "100", "--proportion-interval", "clopper-pearson",
                "--format", "json").json();
        assertThat(cp.get("n").asLong()).isEqualTo(100);
        assertThat(cp.get("score").asDouble()).isCloseTo(70.0, within(1e-9));
        assertThat(run("csat", "--satisfied", "7", "--n", "5").code()).isEqualTo(2);
    }

    /** intervals.json case ces-mean-95. */
    @Test
    void cesCalculatorMatchesReferenceVector() throws IOException {
        JsonNode j = run("ces", "--counts", "2,5,8,20,30,25,10", "--format", "json").json();
        assertThat(j.get("n").asLong()).isEqualTo(100);
        double mean = (2 + 10 + 24 + 80 + 150 + 150 + 70) / 100.0;
        assertThat(j.get("score").asDouble()).isCloseTo(mean, within(1e-12));
        assertThat(j.get("easy").asDouble()).isCloseTo(65.0, within(1e-9));
        JsonNode one = run("ces", "--counts", "0,0,0,1,0,0,0", "--format", "json").json();
        assertThat(one.get("lower").isNull()).isTrue();
        JsonNode effort = run("ces", "--counts", "40,30,20,5,5", "--ces-scale", "1-5-effort", "--format", "json").json();
        assertThat(effort.get("easy").asDouble()).isCloseTo(70.0, within(1e-9));
    }

    /** intervals.json nps2-adjwald-95, csat-mean-welch-95 and csat2-95. */
    @Test
    void compareMatchesReferenceVectors() throws IOException {
        JsonNode nps = run("compare", "nps", "--a-counts", "16,0,0,0,0,0,0,24,0,0,60", "--b-counts",
                "25,0,0,0,0,0,0,30,0,0,45", "--format", "json").json();
        assertThat(nps.get("method").asText()).isEqualTo("adjusted-wald");
        JsonNode wald = run("compare", "nps", "--a-counts", "16,0,0,0,0,0,0,24,0,0,60", "--b-counts",
                "25,0,0,0,0,0,0,30,0,0,45", "--test", "wald", "--format", "json").json();
        assertThat(wald.get("difference").asDouble()).isCloseTo(24.0, within(1e-9));
        JsonNode ces = run("compare", "ces", "--ces-scale", "1-5", "--a-counts", "5,10,15,40,30", "--b-counts",
                "8,12,20,35,25", "--format", "json").json();
        assertThat(ces.get("method").asText()).isEqualTo("welch");
        assertThat(ces.get("difference").asDouble()).isCloseTo(0.23, within(1e-12));
        JsonNode csat = run("compare", "csat", "--a-counts", "10,10,10,40,30", "--b-counts", "20,10,15,30,25",
                "--format", "json").json();
        assertThat(csat.get("difference").asDouble()).isCloseTo(15.0, within(1e-9));
        assertThat(csat.get("pValue").asDouble()).isCloseTo(0.028459736916310575, within(1e-12));
        assertThat(csat.get("lower").asDouble()).isCloseTo(100 * 0.01585219506812271, within(1e-9));
    }

    @Test
    void reportMissingFileAndBadRowsExitWithOne(@TempDir Path dir) throws IOException {
        Run missing = run("report", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("cxmetrics: I/O error").doesNotContain("\tat ");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,nps\n1,9\n2,11\n");
        Run r = run("report", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: line 3, column nps: \"11\" is not on the NPS scale 0..10\n");
        Run skip = run("report", bad.toString(), "--on-bad-row", "skip", "--format", "json");
        assertThat(skip.code()).isZero();
        assertThat(JSON.readTree(skip.out()).get("input").get("rejectedRows").asLong()).isEqualTo(1);
    }
}
