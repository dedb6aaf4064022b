package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Command line and CSV" catalogue of {@code docs/errors.md}: every row (but CL24, an internal
 * error, which only a bug can cause) has an example run through {@code Main.run} here, which must
 * give the row's exit code and one stderr line matching the row's message shape; every example has
 * a row.
 */
class CommandLineErrorsTest {
    private static final Pattern ROW = Pattern.compile("^\\| (CL[0-9]+) \\|.*\\| ([12]) \\| `([^`]+)`[^|]*\\|$");

    @TempDir
    Path dir;

    /** An example: the input file's bytes (null: no file is written) and the arguments after it. */
    private record Example(byte[] input, String... args) {
        static Example of(String input, String... args) {
            return new Example(input == null ? null : input.getBytes(StandardCharsets.ISO_8859_1), args);
        }
    }

    private Map<String, Example> examples() throws IOException {
        Map<String, Example> e = new LinkedHashMap<>();
        e.put("CL1", Example.of("id,nps\n1,\"9"));
        e.put("CL2", Example.of("id,nps\n1,\"9\"x\n"));
        e.put("CL3", Example.of("id,nps\r1,9\n"));
        e.put("CL4", Example.of(",".repeat(1 << 20) + "\n"));
        e.put("CL5", Example.of(""));
        e.put("CL6", Example.of("nps,nps\n9,9\n"));
        e.put("CL7", Example.of("n\u00e9ps\n9\n", "--encoding", "utf-8"));
        e.put("CL8", Example.of("id;nps\n1;9\n", "--delimiter", "|"));
        e.put("CL9", Example.of("id,nps\n1,9\n", "--metrics", "csat"));
        e.put("CL10", Example.of("id,nps\n1,9\n", "--segment", "channel"));
        e.put("CL11", Example.of(null));
        e.put("CL12", Example.of("id,nps\n1,9,3\n"));
        e.put("CL13", Example.of("id,nps\n1,11\n"));
        e.put("CL14", Example.of("id,nps,channel\n1,9,t\u00e9l\n", "--segment", "channel", "--encoding", "utf-8"));
        e.put("CL15", Example.of("submitted_at,nps\nyesterday,9\n", "--by", "week"));
        e.put("CL16", Example.of("nps,w\n9,-1\n", "--weight", "w"));
        e.put("CL17", Example.of("nps,first_response_minutes\n9,-5\n"));
        e.put("CL18", Example.of("nps\n9\n", "--bogus"));
        Path store = dir.resolve("store");
        assertThat(MainTest.run("report", write("nps\n9\n").toString(), "--save-tallies", store.toString()).code())
                .isZero();
        e.put("CL19", Example.of("nps\n9\n", "--from-tallies", store.toString()));
        Path survey = dir.resolve("kto.txt");
        Files.writeString(survey, "nps nps 0-10\n");
        e.put("CL20", new Example(null, "--from-tallies", store.toString(), "--survey", survey.toString()));
        e.put("CL21", new Example(null, "--from-tallies", store.toString(), "--metrics", "csat"));
        e.put("CL25", Example.of("nps,channel,w\n9,a,1\n7,b,2\n", "--segment", "channel", "--rank", "channel",
                "--weight", "w"));
        e.put("CL26", Example.of("nps,channel\n9,a\n", "--rank", "channel"));
        Path raked = dir.resolve("raked");
        Path rakedInput = Files.writeString(dir.resolve("raked.csv"), "nps,channel\n9,a\n7,b\n");
        MainTest.run("report", rakedInput.toString(), "--rake", "channel=a:0.5,b:0.5", "--save-tallies",
                raked.toString());
        e.put("CL27", Example.of("nps,channel\n9,a\n", "--add-to-tallies", raked.toString()));
        e.put("CL22", new Example(null, "--from-tallies", dir.resolve("nowhere").toString()));
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(store.resolve("scores.cxtally"), broken.resolve("scores.cxtally"));
        Files.writeString(broken.resolve("report.cxreport"), "cxmetrics-report/9\n");
        e.put("CL23", new Example(null, "--from-tallies", broken.toString()));
        return e;
    }

    private Path write(String content) throws IOException {
        Path p = Files.createTempFile(dir, "in", ".csv");
        Files.writeString(p, content, StandardCharsets.ISO_8859_1);
        return p;
    }

    private record Row(String id, int exit, Pattern shape) {
    }

    private static List<Row> catalogue() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs", "errors.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                StringBuilder regex = new StringBuilder("cxmetrics: ");
                Matcher p = Pattern.compile("\\{[^}]*\\}").matcher(m.group(3));
                int last = 0;
                while (p.find()) {
                    regex.append(Pattern.quote(m.group(3).substring(last, p.start()))).append("[^\\n]*");
                    last = p.end();
                }
                regex.append(Pattern.quote(m.group(3).substring(last))).append("\\n");
                rows.add(new Row(m.group(1), Integer.parseInt(m.group(2)), Pattern.compile(regex.toString())));
            } else {
                assertThat(line).as("a catalogue row that does not parse").doesNotStartWith("| CL");
            }
        }
        return rows;
    }

    @Test
    void everyRowHoldsForItsExample() throws IOException {
        Map<String, Example> examples = examples();
        List<Row> rows = catalogue();
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.id()));
        List<String> tested = new ArrayList<>(examples.keySet());
        tested.add("CL24"); // an internal error: only a bug can cause it
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tested);
        for (Row row : rows) {
            Example example = examples.get(row.id());
            if (example == null) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of("report"));
            if (example.input() != null) {
                Path p = Files.createTempFile(dir, row.id(), ".csv");
                Files.write(p, example.input());
                args.add(p.toString());
            } else if (row.id().equals("CL11")) {
                args.add(dir.resolve("missing.csv").toString());
            }
            args.addAll(List.of(example.args()));
            MainTest.Run r = MainTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(row.id() + ": " + r.err()).isEqualTo(row.exit());
            assertThat(r.err()).as(row.id()).matches(row.shape());
            assertThat(r.out()).as(row.id()).isEmpty();
        }
    }
}
