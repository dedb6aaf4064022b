package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --highlights N} on the real command line: the limit, 0, bad values, stored tallies. */
class ReportHighlightsOptionTest {
    static final String EXAMPLE = ReportEndToEndTest.EXAMPLE.toString();

    @Test
    void theLimitAppliesAndZeroLeavesTheReportAsItWas() throws IOException {
        MainTest.Run all = MainTest.run("report", EXAMPLE, "--by", "week", "--segment", "channel", "--format", "json");
        assertThat(all.code()).as(all.err()).isZero();
        JsonNode highlights = all.json().get("highlights");
        assertThat(highlights.size()).isBetween(1, 10);
        int found = highlights.size() + all.json().get("highlightsOmitted").asInt();
        MainTest.Run one = MainTest.run("report", EXAMPLE, "--by", "week", "--segment", "channel", "--format", "json",
                "--highlights", "1");
        assertThat(one.json().get("highlights")).hasSize(1);
        assertThat(one.json().get("highlights").get(0)).isEqualTo(highlights.get(0));
        assertThat(one.json().get("highlightsOmitted").asInt()).isEqualTo(found - 1);
        MainTest.Run none = MainTest.run("report", EXAMPLE, "--by", "week", "--segment", "channel", "--highlights", "0");
        assertThat(none.out()).doesNotContain("Highlights");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1 | report: --highlights must be 0..2147483647 (0 turns the highlights off), got -1",
        "3000000000 | report: --highlights must be 0..2147483647 (0 turns the highlights off), got 3000000000",
        "ten | report: --highlights expects a whole number, got \"ten\""})
    void badValuesAreUsageErrorsNamingTheValue(String value, String message) {
        MainTest.Run r = MainTest.run("report", EXAMPLE, "--highlights", value);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
    }

    @Test
    void storedTalliesTakeTheLimitAsAComputationOption(@TempDir Path dir) {
        String store = dir.resolve("store").toString();
        MainTest.Run direct = MainTest.run("report", EXAMPLE, "--by", "month", "--segment", "channel", "--highlights",
                "2", "--save-tallies", store);
        assertThat(direct.code()).as(direct.err()).isZero();
        for (String format : new String[] {"table", "json", "csv", "html"}) {
            String fromCsv = MainTest.run("report", EXAMPLE, "--by", "month", "--segment", "channel", "--highlights",
                    "3", "--format", format).out();
            String fromStore = MainTest.run("report", "--from-tallies", store, "--highlights", "3", "--format", format)
                    .out();
            assertThat(fromStore).as(format).isEqualTo(fromCsv);
        }
    }
}
