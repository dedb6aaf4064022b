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
 * {@code cxmetrics drivers} on R's swiss data against the base-R reference values of
 * {@code src/test/resources/drivers/swiss-reference.txt} (see {@code swiss-reference.R}), and its
 * handling of missing and bad answers.
 */
class DriversCommandTest {
    private static final String SWISS = "src/test/resources/drivers/swiss.csv";
    private static final String DRIVERS = "Agriculture,Examination,Education,Catholic,Infant.Mortality";

    @Test
    void swissJsonMatchesR() throws IOException {
        MainTest.Run r = MainTest.run("drivers", SWISS, "--outcome", "Fertility", "--drivers", DRIVERS, "--format",
                "json", "--bootstrap", "200");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("n").asLong()).isEqualTo(47);
        assertThat(j.get("r2").asDouble()).isCloseTo(0.706735001593, within(1e-9));
        JsonNode education = j.get("drivers").get(2);
        assertThat(education.get("driver").asText()).isEqualTo("Education");
        assertThat(education.get("lmg").asDouble()).isCloseTo(0.260134678624, within(1e-6));
        assertThat(education.get("relativeWeight").asDouble()).isCloseTo(0.271964104646, within(1e-6));
        assertThat(education.get("rank").asInt()).isEqualTo(1);
        assertThat(education.get("quadrant").asText()).isEqualTo("fix-first");
        assertThat(education.get("lmgLower").asDouble()).isLessThan(education.get("lmg").asDouble());
        assertThat(education.get("lmgUpper").asDouble()).isGreaterThan(education.get("lmg").asDouble());
        assertThat(j.get("bootstrap").get("replicates").asInt()).isEqualTo(200);
        assertThat(j.get("improveFirst").get(0).asText()).isEqualTo("Examination");
        // the same seed gives the same intervals
        assertThat(MainTest.run("drivers", SWISS, "--outcome", "Fertility", "--drivers", DRIVERS, "--format",
                "json", "--bootstrap", "200").out()).isEqualTo(r.out());
    }

    @Test
    void rowsWithAMissingAnswerAreLeftOutAndCounted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("kto.csv");
        Files.writeString(file, "overall,ease,speed\n8,7,9\n6,,5\n9,9,8\n5,4,NA\n7,6,6\n10,9,10\n4,3,5\n8,8,6\n");
        MainTest.Run r = MainTest.run("drivers", file.toString(), "--outcome", "overall", "--drivers", "ease,speed",
                "--format", "json", "--bootstrap", "0");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("rows").asLong()).isEqualTo(8);
        assertThat(j.get("n").asLong()).isEqualTo(6);
        assertThat(j.get("excluded").get("ease").asLong()).isEqualTo(1);
        assertThat(j.get("excluded").get("speed").asLong()).isEqualTo(1);
        assertThat(j.get("bootstrap").isNull()).isTrue();
        assertThat(j.get("drivers").get(0).get("lmgLower").isNull()).isTrue();
    }

    @Test
    void badInputNamesTheValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "overall,ease\n8,7\n6,good\n");
        MainTest.Run bad = MainTest.run("drivers", file.toString(), "--outcome", "overall", "--drivers", "ease");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("line 3").contains("good");
        MainTest.Run column = MainTest.run("drivers", SWISS, "--outcome", "Fertility", "--drivers", "Agricultur");
        assertThat(column.code()).isEqualTo(1);
        assertThat(column.err()).contains("Agricultur");
        MainTest.Run boot = MainTest.run("drivers", SWISS, "--outcome", "Fertility", "--drivers", DRIVERS,
                "--bootstrap", "5");
        assertThat(boot.code()).isEqualTo(2);
        assertThat(boot.err()).contains("--bootstrap").contains("0, or 10 - 100000").contains(": 5");
        assertThat(MainTest.run("drivers", SWISS, "--drivers", DRIVERS).err()).contains("missing option --outcome");
    }

    @Test
    void helpAndTable() {
        assertThat(MainTest.run("drivers", "--help").out()).contains("--outcome").contains("--bootstrap");
        MainTest.Run t = MainTest.run("drivers", SWISS, "--outcome", "Fertility", "--drivers", DRIVERS,
                "--bootstrap", "0");
        assertThat(t.out()).contains("R² = 0.7067").contains("Improve first: Examination");
    }
}
