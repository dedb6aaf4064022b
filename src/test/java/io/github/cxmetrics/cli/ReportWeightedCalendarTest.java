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
 * {@code --calendar} in a weighted report: weekend against weekdays from the weighted day tallies,
 * with Kish's effective n, in every output. The expected numbers were computed in base R 4.2
 * (weight shares, n_eff = (Σw)²/Σw², the pooled z-test on effective counts and
 * {@code 2 * pnorm(-abs(z))}), not by the library.
 */
class ReportWeightedCalendarTest {
    /** Sat 25 and Sun 26 April 2026 are the weekend; Mon 27 to Wed 29 are weekdays. */
    private static final String CSV = "submitted_at,csat,w\n"
            + "2026-04-25T10:00:00Z,5,2\n2026-04-25T11:00:00Z,2,1\n2026-04-25T12:00:00Z,4,1\n"
            + "2026-04-26T10:00:00Z,5,0.5\n2026-04-26T11:00:00Z,1,1.5\n"
            + "2026-04-27T10:00:00Z,4,1\n2026-04-27T11:00:00Z,3,2\n2026-04-27T12:00:00Z,5,1\n"
            + "2026-04-28T10:00:00Z,2,1\n2026-04-28T11:00:00Z,4,3\n"
            + "2026-04-29T10:00:00Z,5,1\n2026-04-29T11:00:00Z,1,1\n2026-04-29T12:00:00Z,4,0.5\n";

    @Test
    void weekendAgainstWeekdaysUsesTheWeights(@TempDir Path dir) throws IOException {
        String file = Files.writeString(dir.resolve("w.csv"), CSV).toString();
        MainTest.Run r = MainTest.run("report", file, "--weight", "w", "--calendar", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode effect = r.json().get("calendar").get("effects").get(0);
        assertThat(effect.get("metric").asText()).isEqualTo("csat");
        assertThat(effect.get("effect").asText()).isEqualTo("weekend");
        JsonNode weekend = effect.get("groups").get(0);
        JsonNode weekday = effect.get("groups").get(1);
        assertThat(weekend.get("group").asText()).isEqualTo("weekend");
        assertThat(weekend.get("n").asLong()).isEqualTo(5);
        assertThat(weekend.get("effectiveN").asDouble()).isCloseTo(4.23529411764706, within(1e-12));
        assertThat(weekend.get("score").asDouble()).isCloseTo(58.3333333333333, within(1e-10));
        assertThat(weekday.get("n").asLong()).isEqualTo(8);
        assertThat(weekday.get("effectiveN").asDouble()).isCloseTo(6.04109589041096, within(1e-12));
        assertThat(weekday.get("score").asDouble()).isCloseTo(61.9047619047619, within(1e-10));
        JsonNode d = effect.get("difference");
        assertThat(d.get("difference").asDouble()).isCloseTo(-3.57142857142857, within(1e-10));
        assertThat(d.get("pValue").asDouble()).isCloseTo(0.90825192066223, within(1e-10));
    }

    @Test
    void everyFormatShowsTheWeightedCalendar(@TempDir Path dir) throws IOException {
        String file = Files.writeString(dir.resolve("w.csv"), CSV).toString();
        MainTest.Run table = MainTest.run("report", file, "--weight", "w", "--calendar");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("Calendar effects (local days in UTC")
                .containsPattern("CSAT % +weekend +5 +58\\.3 ")
                .containsPattern("CSAT % +weekday +8 +61\\.9 ")
                .contains("weekend - weekday: -3.6 [");
        MainTest.Run csv = MainTest.run("report", file, "--weight", "w", "--calendar", "--format", "csv");
        assertThat(csv.out()).containsPattern("\\(calendar\\),weekend,,,csat,5,58\\.33333333333333\\d*,")
                .contains(",4.235294117647059,");
        MainTest.Run html = MainTest.run("report", file, "--weight", "w", "--calendar", "--format", "html");
        assertThat(html.out()).contains("<h2>Calendar effects</h2>").contains("5 (effective n = 4.2)");
    }

    @Test
    void rakedReportsHaveCalendarEffectsToo(@TempDir Path dir) throws IOException {
        String csv = "submitted_at,csat,region\n2026-04-25T10:00:00Z,5,a\n2026-04-25T11:00:00Z,2,b\n"
                + "2026-04-27T10:00:00Z,4,a\n2026-04-27T11:00:00Z,3,b\n2026-04-28T10:00:00Z,1,b\n";
        String file = Files.writeString(dir.resolve("r.csv"), csv).toString();
        MainTest.Run r = MainTest.run("report", file, "--rake", "region=a:0.5,b:0.5", "--calendar", "--format",
                "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode groups = r.json().get("calendar").get("effects").get(0).get("groups");
        // raked to half a, half b: a has 2 of 5 rows, weight 0.5/(2/5) = 1.25; b 3 of 5, weight
        // 0.5/(3/5) = 5/6; the weekend (a at 5, b at 2) is satisfied by weight 1.25/(1.25 + 5/6) = 0.6
        assertThat(groups.get(0).get("group").asText()).isEqualTo("weekend");
        assertThat(groups.get(0).get("score").asDouble()).isCloseTo(60.0, within(1e-9));
        assertThat(groups.get(0).get("effectiveN").asDouble()).isGreaterThan(0);
    }
}
