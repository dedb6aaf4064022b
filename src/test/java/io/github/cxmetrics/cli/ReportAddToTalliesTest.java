package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report NEW.csv --add-to-tallies DIR}: the bundled example export cut in two, the first
 * half stored, the second added; the store then gives the report of the whole export, and a failed
 * run leaves the store as it was.
 */
class ReportAddToTalliesTest {
    @TempDir
    Path dir;

    private Path[] halves() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs", "examples", "responses.csv"));
        List<String> a = new ArrayList<>(lines.subList(0, 1));
        List<String> b = new ArrayList<>(lines.subList(0, 1));
        a.addAll(lines.subList(1, 1400));
        b.addAll(lines.subList(1400, lines.size()));
        return new Path[] {Files.write(dir.resolve("a.csv"), a), Files.write(dir.resolve("b.csv"), b)};
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    private static List<String> siblings(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theMergedStoreGivesTheReportOfTheWholeExport() throws IOException {
        Path[] half = halves();
        Path store = dir.resolve("store");
        String[] grouping = {"--by", "month", "--segment", "channel", "--calendar"};
        MainTest.Run saved = MainTest.run(concat(new String[] {"report", half[0].toString(), "--save-tallies",
            store.toString()}, grouping));
        assertThat(saved.code()).as(saved.err()).isZero();
        MainTest.Run added = MainTest.run("report", half[1].toString(), "--add-to-tallies", store.toString(),
                "--format", "json", "--calendar");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(siblings(store)).containsExactly("a.csv", "b.csv", "store");
        String whole = Path.of("docs", "examples", "responses.csv").toString();
        for (String format : List.of("table", "json")) {
            MainTest.Run one = MainTest.run(concat(new String[] {"report", whole, "--format", format}, grouping));
            MainTest.Run from = MainTest.run("report", "--from-tallies", store.toString(), "--format", format,
                    "--calendar");
            assertThat(from.code()).as(from.err()).isZero();
            String names = half[0] + " + " + half[1];
            assertThat(from.out().replace(names, whole)).as(format).isEqualTo(one.out());
            if (format.equals("json")) {
                assertThat(added.out()).isEqualTo(from.out());
            }
        }
    }

    @Test
    void aFailedRunLeavesTheStoreAsItWas() throws IOException {
        Path[] half = halves();
        Path store = dir.resolve("store");
        MainTest.Run saved = MainTest.run("report", half[0].toString(), "--by", "month", "--save-tallies",
                store.toString());
        assertThat(saved.code()).as(saved.err()).isZero();
        Map<String, String> before = snapshot(store);
        MainTest.Run mismatch = MainTest.run("report", half[1].toString(), "--add-to-tallies", store.toString(),
                "--by", "week");
        assertThat(mismatch.code()).isEqualTo(2);
        assertThat(mismatch.err()).contains("--by week does not match the tallies in " + store);
        Path bad = Files.writeString(dir.resolve("bad.csv"), Files.readAllLines(half[1]).get(0) + "\n"
                + Files.readAllLines(half[1]).get(1) + "\n" + "1,2,3\n");
        MainTest.Run badRow = MainTest.run("report", bad.toString(), "--add-to-tallies", store.toString());
        assertThat(badRow.code()).isEqualTo(1);
        assertThat(badRow.err()).contains("line 3");
        Path other = Files.writeString(dir.resolve("other.csv"), "submitted_at,csat\n2026-01-05T10:00:00Z,4\n");
        MainTest.Run columns = MainTest.run("report", other.toString(), "--add-to-tallies", store.toString());
        assertThat(columns.code()).isEqualTo(1);
        MainTest.Run both = MainTest.run("report", half[1].toString(), "--add-to-tallies", store.toString(),
                "--save-tallies", dir.resolve("x").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("leave out --save-tallies");
        assertThat(snapshot(store)).isEqualTo(before);
        assertThat(siblings(store)).doesNotContain("x").allMatch(n -> !n.startsWith(".store"));
        MainTest.Run missing = MainTest.run("report", half[1].toString(), "--add-to-tallies",
                dir.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere").contains("no such folder");
    }

    @Test
    void rakedAndDeduplicatedStoresAreRefused() throws IOException {
        Path[] half = halves();
        Path raked = dir.resolve("raked");
        MainTest.Run r = MainTest.run("report", half[0].toString(), "--rake",
                "channel=chat:0.2,email:0.2,phone:0.2,social:0.2,store:0.2", "--save-tallies", raked.toString());
        assertThat(r.code()).as(r.err()).isZero();
        MainTest.Run add = MainTest.run("report", half[1].toString(), "--add-to-tallies", raked.toString());
        assertThat(add.code()).isEqualTo(1);
        assertThat(add.err()).contains("cannot add to raked tallies");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
