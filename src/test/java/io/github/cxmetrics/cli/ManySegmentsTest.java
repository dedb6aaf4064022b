package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many segment values (issue 16): the id-column guard, the shown values, hostile values in every format. */
class ManySegmentsTest {
    @TempDir
    Path dir;

    private Path stores(int count) throws IOException {
        StringBuilder csv = new StringBuilder("store,nps\n");
        for (int i = 0; i < count; i++) {
            // store 0 all promoters (significantly above the rest), the others mixed
            for (int r = 0; r < 12; r++) {
                csv.append("store-").append(String.format("%03d", i)).append(',')
                        .append(i == 0 ? 10 : (i * 7 + r * 3) % 11).append('\n');
            }
        }
        Path p = dir.resolve("stores.csv");
        Files.writeString(p, csv);
        return p;
    }

    @Test
    void aColumnWithMoreValuesThanTheLimitStopsWithTheOption() throws IOException {
        Path p = stores(60);
        MainTest.Run r = MainTest.run("report", p.toString(), "--segment", "store", "--max-segments", "50");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: column store has 60 distinct values (more than --max-segments 50): "
                + "is it an id? Raise --max-segments to report them all.\n");
        assertThat(MainTest.run("report", p.toString(), "--segment", "store", "--max-segments", "60").code()).isZero();
        // the same guard from stored tallies
        Path store = dir.resolve("store");
        assertThat(MainTest.run("report", p.toString(), "--segment", "store", "--save-tallies", store.toString())
                .code()).isZero();
        MainTest.Run again = MainTest.run("report", "--from-tallies", store.toString(), "--max-segments", "10");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("column store has 60 distinct values (more than --max-segments 10)");
        assertThat(MainTest.run("report", p.toString(), "--max-segments", "0").code()).isEqualTo(2);
    }

    @Test
    void theTableShowsTheBestTheWorstAndTheSignificantJsonKeepsAll() throws IOException {
        Path p = stores(60);
        MainTest.Run table = MainTest.run("report", p.toString(), "--segment", "store", "--show", "10");
        assertThat(table.code()).as(table.err()).isZero();
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : table.out().lines().toList()) {
            if (line.startsWith("By store: NPS")) {
                in = true;
            } else if (in && line.startsWith("vs rest")) {
                break;
            } else if (in && line.startsWith("store-")) {
                rows.add(line.substring(0, 9));
            }
        }
        assertThat(rows).hasSize(10).contains("store-000");
        assertThat(table.out()).contains("50 of 60 values of store not shown (--show 10 shows the best, the worst and "
                + "every significant one; JSON and CSV have all)");
        JsonNode json = MainTest.run("report", p.toString(), "--segment", "store", "--show", "10", "--format", "json")
                .json();
        assertThat(json.at("/segments/store")).hasSize(60);
        MainTest.Run all = MainTest.run("report", p.toString(), "--segment", "store", "--show", "60");
        assertThat(all.out()).doesNotContain("not shown").contains("store-059");
    }

    @Test
    void hostileSegmentValuesAreDataInEveryFormat() throws IOException {
        String[] values = {"=HYPERLINK(\"http://x.invalid\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTAB",
                "<script>alert(1)</script>", "a,b\"c", "plain"};
        StringBuilder csv = new StringBuilder("channel,nps\n");
        for (String v : values) {
            String quoted = "\"" + v.replace("\"", "\"\"") + "\"";
            csv.append(quoted).append(",9\n").append(quoted).append(",3\n");
        }
        Path p = dir.resolve("hostile.csv");
        Files.writeString(p, csv, StandardCharsets.UTF_8);
        String out = MainTest.run("report", p.toString(), "--segment", "channel", "--format", "csv").out();
        assertThat(out).contains(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\",", ",'+1+1,", ",'-2+3,",
                ",'@SUM(A1:A2),", ",'\tTAB,", ",<script>alert(1)</script>,", ",\"a,b\"\"c\",", ",plain,");
        assertThat(out).doesNotContain(",=HYPERLINK", ",+1+1", ",-2+3,", ",@SUM");
        // numbers are never prefixed: a negative vs-rest difference stays a number
        assertThat(out).containsPattern(",-[0-9]");
        JsonNode json = MainTest.run("report", p.toString(), "--segment", "channel", "--format", "json").json();
        List<String> names = new ArrayList<>();
        json.at("/segments/channel").forEach(s -> names.add(s.get("segment").asText()));
        assertThat(names).containsExactlyInAnyOrder(values);
        String html = MainTest.run("report", p.toString(), "--segment", "channel", "--format", "html").out();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String text = MainTest.run("report", p.toString(), "--segment", "channel").out();
        assertThat(text).contains("=HYPERLINK");
    }
}
