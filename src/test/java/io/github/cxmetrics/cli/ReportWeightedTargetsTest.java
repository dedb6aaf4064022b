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
 * Operational targets in a weighted report are judged on the weighted KPI, and the reason gives
 * Kish's effective n beside n. Expected values by hand and base R ({@code qnorm}, the Wilson
 * formula on n_eff = (Σw)²/Σw²).
 */
class ReportWeightedTargetsTest {
    @Test
    void fcrTargetUsesTheWeights(@TempDir Path dir) throws IOException {
        // resolved weights 3 + 1 of 6: 66.7 % (unweighted 50 %); n_eff = 6²/(9 + 1 + 1 + 1) = 3
        Path file = Files.writeString(dir.resolve("t.csv"), "nps,resolved_first_contact,w\n9,yes,3\n9,yes,1\n"
                + "3,no,1\n3,no,1\n");
        MainTest.Run r = MainTest.run("report", file.toString(), "--weight", "w", "--target", "fcr>=80%", "--format",
                "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode t = r.json().get("targets").get(0);
        assertThat(t.get("estimate").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(t.get("lower").asDouble()).isCloseTo(20.7659600802048, within(1e-9));
        assertThat(t.get("upper").asDouble()).isCloseTo(93.8508055279604, within(1e-9));
        assertThat(t.get("reason").asText()).contains("n = 4, effective n = 3.0)");
    }

    @Test
    void responseTimeTargetsUseTheWeights(@TempDir Path dir) throws IOException {
        // weighted mean (10·3 + 200·1)/4 = 57.5 min (unweighted 105); the share within 2 h: 3/4; n_eff = 4²/(2.25 + 2.25 + 1) = 2.9
        Path file = Files.writeString(dir.resolve("t.csv"), "nps,first_response_minutes,w\n9,10,1.5\n9,10,1.5\n"
                + "3,200,1\n");
        MainTest.Run r = MainTest.run("report", file.toString(), "--weight", "w", "--target", "response.mean<2h",
                "--target", "response.within>=90%", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode mean = r.json().get("targets").get(0);
        assertThat(mean.get("estimate").asDouble()).isCloseTo(57.5, within(1e-9));
        assertThat(mean.get("reason").asText()).contains("effective n = 2.9)");
        assertThat(r.json().get("targets").get(1).get("estimate").asDouble()).isCloseTo(75.0, within(1e-9));
    }
}
