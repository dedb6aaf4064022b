package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code cxmetrics report --survey S --drivers QUESTION} against base R: the complete cases of
 * {@code src/test/resources/drivers/kto-sample.csv} (400 generated KTO responses, 34 with a skipped
 * question), LMG from {@code lm()} fits of every subset ({@code kto-sample-reference.R}).
 */
class ReportDriversTest {
    private static final String FILE = "src/test/resources/drivers/kto-sample.csv";
    private static final String SURVEY = "src/test/resources/drivers/kto-sample.survey";

    @Test
    void theReportsDriversMatchR() throws IOException {
        MainTest.Run r = MainTest.run("report", FILE, "--survey", SURVEY, "--drivers", "overall", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode d = r.json().get("drivers");
        assertThat(d.get("outcome").asText()).isEqualTo("overall");
        assertThat(d.get("n").asLong()).isEqualTo(366);
        assertThat(d.get("rows").asLong()).isEqualTo(400);
        assertThat(d.get("r2").asDouble()).isCloseTo(0.837173878234, within(1e-9));
        double[] lmg = {0.299234631810, 0.304709655622, 0.233229590802};
        for (int j = 0; j < 3; j++) {
            JsonNode driver = d.get("drivers").get(j);
            assertThat(driver.get("driver").asText()).isEqualTo(new String[] {"ease", "speed", "staff"}[j]);
            assertThat(driver.get("lmg").asDouble()).isCloseTo(lmg[j], within(1e-9));
            assertThat(driver.get("lmgLower").asDouble()).isLessThan(lmg[j]);
            assertThat(driver.get("lmgUpper").asDouble()).isGreaterThan(lmg[j]);
        }
        long excluded = 0;
        for (JsonNode e : d.get("excluded")) {
            excluded += e.asLong();
        }
        assertThat(excluded).isEqualTo(34);
        assertThat(d.get("bootstrap").get("replicates").asInt()).isEqualTo(1000);
    }

    @Test
    void theSameAsTheDriversCommandOnTheFile() throws IOException {
        JsonNode report = MainTest.run("report", FILE, "--survey", SURVEY, "--drivers", "overall", "--format",
                "json").json().get("drivers");
        JsonNode command = MainTest.run("drivers", FILE, "--outcome", "overall", "--drivers", "ease,speed,staff",
                "--format", "json", "--bootstrap", "0").json();
        assertThat(report.get("r2").asDouble()).isEqualTo(command.get("r2").asDouble());
        for (int j = 0; j < 3; j++) {
            assertThat(report.get("drivers").get(j).get("relativeWeight").asDouble())
                    .isEqualTo(command.get("drivers").get(j).get("relativeWeight").asDouble());
        }
    }

    @Test
    void everyFormatAndTheChecks() {
        assertThat(MainTest.run("report", FILE, "--survey", SURVEY, "--drivers", "overall").out())
                .contains("Key drivers of overall: R² = 0.8372");
        assertThat(MainTest.run("report", FILE, "--survey", SURVEY, "--drivers", "overall", "--format", "csv").out())
                .contains("drivers,ease,,,driver_lmg,366,0.2992");
        String html = MainTest.run("report", FILE, "--survey", SURVEY, "--drivers", "overall", "--format", "html")
                .out();
        assertThat(html).contains("<h2>Key drivers of overall</h2>").contains("class=\"drivers\"")
                .contains("fix first");
        assertThat(MainTest.run("report", FILE, "--column", "csat=ease", "--drivers", "overall").err())
                .contains("--drivers overall needs --survey");
        assertThat(MainTest.run("report", FILE, "--survey", SURVEY, "--drivers", "price").err())
                .contains("[overall, ease, speed, staff]").contains(": price");
    }

    @Test
    void storedTalliesGiveTheSameDrivers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path store = dir.resolve("store");
        MainTest.Run direct = MainTest.run("report", FILE, "--survey", SURVEY, "--drivers", "overall", "--format",
                "json", "--save-tallies", store.toString());
        assertThat(direct.code()).as(direct.err()).isZero();
        MainTest.Run again = MainTest.run("report", "--from-tallies", store.toString(), "--drivers", "overall",
                "--format", "json");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().get("drivers")).isEqualTo(direct.json().get("drivers"));
    }
}
