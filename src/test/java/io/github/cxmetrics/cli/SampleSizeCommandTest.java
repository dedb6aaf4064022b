package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code cxmetrics sample-size} against hand-worked values: z = 1.959963984540054 (95 %),
 * n = ⌈z²σ²/m²⌉ (docs/survey-design.md).
 */
class SampleSizeCommandTest {

    @Test
    void worstCaseNpsAndCsat() throws IOException {
        // NPS worst case sigma = 100 points: 1.959964^2 * 100^2 / 5^2 = 1536.6 -> 1537
        JsonNode nps = MainTest.run("sample-size", "nps", "--margin", "5", "--format", "json").json();
        assertThat(nps.get("n").asLong()).isEqualTo(1537);
        assertThat(nps.get("margin").asDouble()).isEqualTo(5.0);
        assertThat(nps.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(nps.get("worstCase").asBoolean()).isTrue();
        // CSAT p = .5, sigma = 50 points: 1.959964^2 * 2500 / 25 = 384.1 -> 385
        assertThat(MainTest.run("sample-size", "csat", "--margin", "5", "--format", "json").json().get("n").asLong())
                .isEqualTo(385);
    }

    @Test
    void expectedSharesPopulationAndReverse() throws IOException {
        // pP = .5, pD = .2: var = .7 - .09 = .61; 1.959964^2 * 6100 / 25 = 937.3 -> 938
        JsonNode shares = MainTest.run("sample-size", "nps", "--margin", "5", "--promoters-share", "0.5",
                "--detractors-share", "0.2", "--format", "json").json();
        assertThat(shares.get("n").asLong()).isEqualTo(938);
        // Cochran FPC with N = 10000: 1536.6 / (1 + 1535.6 / 10000) = 1332.1 -> 1333
        JsonNode fpc = MainTest.run("sample-size", "nps", "--margin", "5", "--population", "10000", "--format",
                "json").json();
        assertThat(fpc.get("n").asLong()).isEqualTo(1333);
        assertThat(fpc.get("population").asLong()).isEqualTo(10000);
        // reverse: 385 responses, p = .5: 1.959964 * 50 / sqrt(385) = 4.9944
        JsonNode reverse = MainTest.run("sample-size", "csat", "--n", "385", "--format", "json").json();
        assertThat(reverse.get("margin").asDouble()).isCloseTo(1.959963984540054 * 50 / Math.sqrt(385), within(1e-9));
    }

    @Test
    void detectADifference() throws IOException {
        // worst case NPS, +10 points, power .8: (1.959964 + 0.841621)^2 * 2 * 100^2 / 10^2 = 1569.8 -> 1570
        JsonNode j = MainTest.run("sample-size", "nps", "--detect", "10", "--power", "0.8", "--format", "json").json();
        assertThat(j.get("nPerGroup").asLong()).isEqualTo(1570);
    }

    @Test
    void badCombinationsAreUsageErrors() {
        assertThat(MainTest.run("sample-size", "nps").code()).isEqualTo(2);
        assertThat(MainTest.run("sample-size", "nps", "--margin", "5", "--n", "100").code()).isEqualTo(2);
        assertThat(MainTest.run("sample-size", "nps", "--margin", "5", "--promoters-share", "0.5").err())
                .contains("--detractors-share");
        assertThat(MainTest.run("sample-size", "csat", "--margin", "-1").code()).isEqualTo(2);
        assertThat(MainTest.run("sample-size", "nps", "--margin", "5", "--promoters-share", "0.7",
                "--detractors-share", "0.5").code()).isEqualTo(2);
        assertThat(MainTest.run("sample-size", "ces", "--help").out()).startsWith("usage: cxmetrics sample-size");
    }
}
