package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input through the real {@code Main.run}: each case of issue 8's list either gives exit code 1
 * and one line on stderr that names the line and column (the messages of {@code docs/errors.md},
 * "Command line and CSV"), or, under {@code --on-bad-row skip} for a row-level problem, a report in
 * which the row is counted in {@code input.rejectedRows} and the other rows are reported. Never a
 * stack trace, never a silently shorter result. Expected counts are by hand from the small files.
 */
class ReportBadInputTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Exit 1 with exactly this one line on stderr, nothing on stdout. */
    private static void assertFails(MainTest.Run r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }

    private static JsonNode assertReport(MainTest.Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r.json();
    }

    private static MainTest.Run report(Path p, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "report";
        args[1] = p.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return MainTest.run(args);
    }

    // ------------------------------------------------------------------ truncated and unterminated

    @Test
    void fileCutInsideAQuotedFieldIsAnUnterminatedQuoteWithItsLineAndColumn() throws IOException {
        Path p = file("cut.csv", "id,nps,channel\n1,9,phone\n2,\"10");
        assertFails(report(p), "line 3, column 2: unterminated quoted field");
        // a structure error cannot be skipped: the reader cannot resynchronise after a broken quote
        assertFails(report(p, "--on-bad-row", "skip"), "line 3, column 2: unterminated quoted field");
    }

    @Test
    void fileCutLeavingFewerFieldsIsARaggedLastRow() throws IOException {
        Path p = file("cut.csv", "id,nps,channel\n1,9,phone\n2,1");
        assertFails(report(p), "line 3: expected 3 fields, found 2");
        JsonNode j = assertReport(report(p, "--on-bad-row", "skip", "--format", "json"));
        assertThat(j.at("/input/rows").asLong()).isEqualTo(2);
        assertThat(j.at("/input/rejectedRows").asLong()).isEqualTo(1);
        assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(1);
    }

    /**
     * A cut after the last delimiter of the last row leaves a shorter but well-formed value: CSV
     * has no end marker (a file without a final line end is valid), so this cannot be told from a
     * complete file. The row count in the report is the evidence: 2 rows read, as in the file.
     */
    @Test
    void fileCutInsideTheLastFieldIsReadAsItStands() throws IOException {
        Path p = file("cut.csv", "id,nps,channel\n1,9,phone\n2,10,ema");
        JsonNode j = assertReport(report(p, "--segment", "channel", "--format", "json"));
        assertThat(j.at("/input/rows").asLong()).isEqualTo(2);
        assertThat(j.at("/segments/channel/0/segment").asText()).isEqualTo("ema");
    }

    @Test
    void unterminatedQuoteInTheMiddleStopsWithItsLineAndColumn() throws IOException {
        Path p = file("open.csv", "id,nps,channel\n1,9,\"phone\n2,10,email\n3,8,chat\n");
        assertFails(report(p), "line 2, column 3: unterminated quoted field");
        assertFails(report(p, "--on-bad-row", "skip"), "line 2, column 3: unterminated quoted field");
    }

    // ------------------------------------------------------------------ ragged rows

    @Test
    void raggedRowsFailWithTheirLineOrAreCountedWhenSkipped() throws IOException {
        Path p = file("ragged.csv", "id,nps,channel\n1,9,phone\n2,10\n3,8,email,extra\n4,3,phone\n");
        assertFails(report(p), "line 3: expected 3 fields, found 2");
        JsonNode j = assertReport(report(p, "--on-bad-row", "skip", "--format", "json"));
        assertThat(j.at("/input/rows").asLong()).isEqualTo(4);
        assertThat(j.at("/input/rejectedRows").asLong()).isEqualTo(2);
        assertThat(j.at("/input/rejectionReasons/wrong number of fields").asLong()).isEqualTo(2);
        assertThat(j.at("/input/rejectionExamples/0").asText()).isEqualTo("line 3: expected 3 fields, found 2");
        assertThat(j.at("/input/rejectionExamples/1").asText()).isEqualTo("line 4: expected 3 fields, found 4");
        // rows 1 and 4: one promoter (9), one detractor (3): NPS (1 - 1)/2 = 0
        assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(2);
        assertThat(j.at("/overall/nps/score").asDouble()).isCloseTo(0.0, within(1e-12));
    }

    // ------------------------------------------------------------------ missing columns

    @Test
    void missingRequiredColumnsNameTheOptionAndTheHeader() throws IOException {
        Path p = file("cols.csv", "id,csat,channel\n1,4,phone\n");
        assertFails(report(p, "--metrics", "nps"),
                "Missing required column \"nps\" for nps in header [id, csat, channel]");
        assertFails(report(p, "--by", "week"),
                "Missing required column \"submitted_at\" (--timestamp) in header [id, csat, channel]");
        assertFails(report(p, "--by", "week", "--timestamp", "when"),
                "Missing required column \"when\" for the timestamp (--timestamp) in header [id, csat, channel]");
        assertFails(report(p, "--segment", "region"),
                "Missing required column \"region\" (--segment) in header [id, csat, channel]");
        assertFails(report(p, "--weight", "w"),
                "Missing required column \"w\" (--weight) in header [id, csat, channel]");
    }

    @Test
    void aHeaderWithoutAnyScoreColumnIsRefused() throws IOException {
        assertFails(report(file("none.csv", "id,channel\n1,phone\n")),
                "No score column found: expected nps, csat or ces (or map one with --column metric=NAME), "
                        + "first_response_minutes, resolved_first_contact or a --survey in header [id, channel]");
    }

    @Test
    void duplicateHeaderNamesAreRefusedWithBothColumns() throws IOException {
        assertFails(report(file("dup.csv", "id,nps,nps\n1,9,9\n")),
                "line 1, column 3: duplicate column name \"nps\" (columns 2 and 3)");
    }

    // ------------------------------------------------------------------ wrong delimiter

    /**
     * A {@code ;} file read with another delimiter named by {@code --delimiter} has one column whose
     * name is the whole header line: the report refuses it (rather than reporting nothing) and says
     * which delimiter the header holds. Without {@code --delimiter} the delimiter is sniffed.
     */
    @Test
    void wrongDelimiterIsRefusedWithAHintAtTheRightOne() throws IOException {
        Path p = file("semi.csv", "id;nps;channel\n1;9;phone\n2;10;email\n");
        String hint = ": the header is a single column containing ';'; is the file delimited by it? "
                + "(use --delimiter ';')";
        assertFails(report(p, "--delimiter", "|"), "No score column found: expected nps, csat or ces (or map one with "
                + "--column metric=NAME), first_response_minutes, resolved_first_contact or a --survey in header "
                + "[id;nps;channel]" + hint);
        assertFails(report(p, "--metrics", "nps", "--delimiter", "|"),
                "Missing required column \"nps\" for nps in header [id;nps;channel]" + hint);
        for (String[] options : new String[][] {{"--delimiter", ";"}, {}}) {
            List<String> args = new java.util.ArrayList<>(List.of(options));
            args.addAll(List.of("--format", "json"));
            JsonNode j = assertReport(report(p, args.toArray(new String[0])));
            assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(2);
            assertThat(j.at("/overall/nps/score").asDouble()).isCloseTo(100.0, within(1e-12));
            assertThat(j.at("/input/delimiter").asText()).isEqualTo(";");
        }
    }

    @Test
    void commaFileReadWithSemicolonGetsTheCommaHintAndTabFileTheTabHint() throws IOException {
        assertThat(report(file("comma.csv", "id,nps\n1,9\n"), "--delimiter", ";").err())
                .endsWith("[id,nps]: the header is a single column containing ','; is the file delimited by it? "
                        + "(use --delimiter ',')\n");
        assertThat(report(file("tab.csv", "id\tnps\n1\t9\n"), "--delimiter", ";").err())
                .endsWith("[id\\tnps]: the header is a single column containing '\\t'; is the file delimited by "
                        + "it? (use --delimiter tab)\n");
    }

    // ------------------------------------------------------------------ non-UTF-8 bytes

    @Test
    void invalidUtf8InASegmentCellIsABadRowThatSkipCounts() throws IOException {
        byte[] bytes = "id,nps,channel\n1,9,ph\u00ffone\n2,10,email\n3,0,email\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = file("latin1.csv", bytes);
        assertFails(report(p, "--segment", "channel", "--encoding", "utf-8"),
                "line 2, column channel: invalid UTF-8: byte 0xFF at offset 2 of the field");
        JsonNode j = assertReport(report(p, "--segment", "channel", "--on-bad-row", "skip", "--format", "json",
                "--encoding", "utf-8"));
        assertThat(j.at("/input/rejectedRows").asLong()).isEqualTo(1);
        assertThat(j.at("/input/rejectionReasons/channel: invalid UTF-8").asLong()).isEqualTo(1);
        // rows 2 and 3: one promoter (10), one detractor (0)
        assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(2);
        assertThat(j.at("/segments/channel")).hasSize(1);
        assertThat(j.at("/segments/channel/0/segment").asText()).isEqualTo("email");
    }

    @Test
    void invalidUtf8InAScoreCellIsABadRowOfThatColumn() throws IOException {
        Path p = file("latin1.csv", "id,nps\n1,\u00e9\n2,10\n".getBytes(StandardCharsets.ISO_8859_1));
        assertFails(report(p, "--encoding", "utf-8"), "line 2, column nps: invalid UTF-8: byte 0xE9 at offset 0 of the field");
        JsonNode j = assertReport(report(p, "--on-bad-row", "skip", "--format", "json", "--encoding", "utf-8"));
        assertThat(j.at("/input/rejectedRows").asLong()).isEqualTo(1);
        assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(1);
    }

    @Test
    void invalidUtf8InTheHeaderStopsWithItsColumn() throws IOException {
        Path p = file("latin1.csv", "id,n\u00ffps,channel\n1,9,phone\n".getBytes(StandardCharsets.ISO_8859_1));
        assertFails(report(p, "--encoding", "utf-8"), "line 1, column 2: invalid UTF-8: byte 0xFF at offset 1 of the field");
        assertFails(report(p, "--on-bad-row", "skip", "--encoding", "utf-8"),
                "line 1, column 2: invalid UTF-8: byte 0xFF at offset 1 of the field");
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252WithANote() throws IOException {
        Path p = file("cp1252.csv", "id,nps,channel\n1,9,t\u00e9l\u00e9phone\n2,10,email\n3,0,t\u00e9l\u00e9phone\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        JsonNode j = assertReport(report(p, "--segment", "channel", "--format", "json"));
        assertThat(j.at("/input/encoding").asText()).isEqualTo("windows-1252");
        assertThat(j.at("/input/notes/0").asText()).startsWith("not valid UTF-8");
        assertThat(j.at("/segments/channel/0/segment").asText() + j.at("/segments/channel/1/segment").asText())
                .contains("t\u00e9l\u00e9phone");
    }

    @Test
    void invalidUtf8AfterTheFirstMegabyteSendsTheReportBackToReadWindows1252() throws IOException {
        StringBuilder sb = new StringBuilder("id,nps,channel\n");
        int rows = 0;
        while (sb.length() < (1 << 20) + 1000) {
            sb.append(++rows).append(",9,email\n");
        }
        sb.append(++rows).append(",10,t\u00e9l\u00e9phone\n");
        Path p = file("late.csv", sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        JsonNode j = assertReport(report(p, "--segment", "channel", "--format", "json"));
        assertThat(j.at("/input/rows").asLong()).isEqualTo(rows);
        assertThat(j.at("/input/encoding").asText()).isEqualTo("windows-1252");
        assertThat(j.at("/input/notes/0").asText()).startsWith("not valid UTF-8 (line " + (rows + 1));
        assertThat(j.at("/overall/nps/promoters").asLong()).isEqualTo(rows);
    }

    // ------------------------------------------------------------------ empty and header only

    @Test
    void emptyFileHasNoHeader() throws IOException {
        assertFails(report(file("empty.csv", "")), "line 1: empty file: no header row");
        assertFails(report(file("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})),
                "line 1: empty file: no header row");
    }

    @Test
    void blankFirstLineIsAHeaderWithoutScoreColumns() throws IOException {
        assertThat(report(file("blank.csv", "\n1,9\n")).err()).startsWith("cxmetrics: No score column found")
                .endsWith("in header []\n");
    }

    /**
     * A header without rows is a valid report of nothing: rows 0, n = 0 for every metric, scores
     * null (never NaN), in every format; the table says "-" for the score.
     */
    @ParameterizedTest
    @ValueSource(strings = {"json", "table", "csv", "html"})
    void headerOnlyIsAnEmptyReportWithoutNaN(String format) throws IOException {
        Path p = file("header.csv", "id,submitted_at,channel,nps,csat,w\r\n");
        MainTest.Run r = report(p, "--by", "week", "--segment", "channel", "--weight", "w", "--format", format);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("NaN").doesNotContain("Infinity");
        if (format.equals("json")) {
            JsonNode j = r.json();
            assertThat(j.at("/input/rows").asLong()).isZero();
            assertThat(j.at("/overall/nps/n").asLong()).isZero();
            assertThat(j.at("/overall/nps/score").isNull()).isTrue();
            assertThat(j.at("/overall/csat/n").asLong()).isZero();
            assertThat(j.at("/trend")).isEmpty();
            assertThat(j.at("/segments/channel")).isEmpty();
        }
    }

    // ------------------------------------------------------------------ large fields and many lines

    @Test
    void oneMegabyteFieldsAreReadOrRejectedWithAShortMessage() throws IOException {
        String mb = "x".repeat(1 << 20);
        JsonNode j = assertReport(report(file("wide.csv", "nps,channel\n9,\"" + mb + "\"\n10,email\n"),
                "--segment", "channel", "--format", "json"));
        assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(2);
        assertThat(j.at("/segments/channel/1/segment").asText()).hasSize(1 << 20);

        MainTest.Run r = report(file("widescore.csv", "nps,channel\n" + "9".repeat(1 << 20) + ",a\n10,email\n"));
        assertFails(r, "line 2, column nps: \"9999999999999999999999999999999999999...\" is not on the NPS scale 0..10");

        MainTest.Run header = report(file("wideheader.csv", mb + ",channel\n1,a\n"));
        assertThat(header.code()).isEqualTo(1);
        assertThat(header.err()).hasSizeLessThan(400).contains("xxx...").doesNotContain("\n\n");
        assertThat(header.err().lines()).hasSize(1);
    }

    @Test
    void aHeaderOfManyColumnsIsShownShortened() throws IOException {
        StringBuilder h = new StringBuilder("nps");
        for (int i = 1; i < 1000; i++) {
            h.append(",c").append(i);
        }
        MainTest.Run r = report(file("many.csv", h + "\n"), "--segment", "region");
        assertFails(r, "Missing required column \"region\" (--segment) in header [nps, c1, c2, c3, c4, c5, c6, c7, "
                + "c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, ... (1000 columns)]");
    }

    /**
     * Two million rows, written to a file row by row (never held): row i has NPS i mod 11. Counts by
     * hand: 2 000 000 = 11 · 181 818 + 2, so scores 0 and 1 occur 181 819 times and 2..10 181 818
     * times; promoters 2 · 181 818 = 363 636, detractors 2 · 181 819 + 5 · 181 818 = 1 272 728,
     * NPS = (363 636 − 1 272 728)/2 000 000 · 100 = −45.4546.
     */
    @Test
    void twoMillionRowsAreAllCountedQuickly() throws IOException {
        Path p = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("nps,channel\n");
            for (int i = 0; i < 2_000_000; i++) {
                w.write(Integer.toString(i % 11));
                w.write(i % 2 == 0 ? ",a\n" : ",b\n");
            }
        }
        JsonNode j = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertReport(report(p, "--segment", "channel", "--format", "json")));
        assertThat(j.at("/input/rows").asLong()).isEqualTo(2_000_000);
        assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(2_000_000);
        assertThat(j.at("/overall/nps/promoters").asLong()).isEqualTo(363_636);
        assertThat(j.at("/overall/nps/detractors").asLong()).isEqualTo(1_272_728);
        assertThat(j.at("/overall/nps/score").asDouble()).isCloseTo(-45.4546, within(1e-9));
        assertThat(j.at("/segments/channel/0/metrics/nps/n").asLong() + j.at("/segments/channel/1/metrics/nps/n").asLong())
                .isEqualTo(2_000_000);
    }

    // ------------------------------------------------------------------ bad values, missing file

    @Test
    void badValuesNameLineColumnAndValueOrAreCounted() throws IOException {
        Path p = file("values.csv", "id,submitted_at,nps,w\n1,2025-01-06,11,1\n2,yesterday,9,1\n3,2025-01-07,9,-1\n"
                + "4,2025-01-08,10,2\n");
        assertFails(report(p), "line 2, column nps: \"11\" is not on the NPS scale 0..10");
        assertFails(report(p, "--metrics", "nps", "--by", "week", "--on-bad-row", "fail", "--timestamp",
                "submitted_at", "--weight", "w"), "line 2, column nps: \"11\" is not on the NPS scale 0..10");
        JsonNode j = assertReport(report(p, "--by", "week", "--weight", "w", "--on-bad-row", "skip", "--format",
                "json"));
        assertThat(j.at("/input/rejectedRows").asLong()).isEqualTo(3);
        assertThat(j.at("/input/rejectionExamples/1").asText())
                .isEqualTo("line 3, column submitted_at: \"yesterday\" is not a timestamp (ISO-8601 date-time "
                        + "with offset, local date-time, or date)");
        assertThat(j.at("/input/rejectionExamples/2").asText())
                .isEqualTo("line 4, column w: \"-1\" is not a valid weight (0, or a number from 2^-64 to 2^64)");
        assertThat(j.at("/overall/nps/n").asLong()).isEqualTo(1);
    }

    /** A value or column name with a line break (a quoted field) is shown escaped: an error is one line. */
    @Test
    void lineBreaksFromTheDataAreEscapedInTheOneLineMessage() throws IOException {
        assertFails(report(file("nl.csv", "id,nps\n1,\"1\n2\"\n")),
                "line 2, column nps: \"1\\n2\" is not on the NPS scale 0..10");
        assertFails(report(file("nlheader.csv", "id,\"nps\r\nscore\",nps\n1,9,x\n")),
                "line 3, column nps: \"x\" is not on the NPS scale 0..10 nor a known label (vocabulary in use: "
                        + "numbers, labels starting with the score, none for NPS[0..10]; map it with --labels "
                        + "'COLUMN=Label=1,Other=2')");
        assertFails(report(file("nlseg.csv", "nps,\"chan\nnel\"\n9\n")), "line 3: expected 2 fields, found 1");
        assertFails(report(file("nlseg2.csv", "nps,a\n9,x\n"), "--segment", "chan\nnel"),
                "Missing required column \"chan\\nnel\" (--segment) in header [nps, a]");
    }

    /** The rejection reasons are listed in the order first seen, the same on every run. */
    @Test
    void rejectionReasonsKeepTheirOrder() throws IOException {
        StringBuilder csv = new StringBuilder("id,nps,csat,resolved_first_contact\n");
        String[] bad = {"1,11,4,true", "2,9,9,true", "3,9,4,maybe", "4,9", "5,x,4,true", "6,9,0,true"};
        for (String row : bad) {
            csv.append(row).append('\n');
        }
        JsonNode j = assertReport(report(file("reasons.csv", csv.toString()), "--on-bad-row", "skip", "--format",
                "json"));
        List<String> keys = new java.util.ArrayList<>();
        j.at("/input/rejectionReasons").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("nps: is not on the NPS scale 0..10", "csat: is not on the CSAT scale 1..5",
                "resolved_first_contact: is not a yes or no (true/false, yes/no, y/n, 1/0)", "wrong number of fields");
    }

    @Test
    void missingFileIsAnIoErrorOnOneLine() {
        MainTest.Run r = MainTest.run("report", dir.resolve("nope.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: I/O error: " + dir.resolve("nope.csv") + ": no such file\n");
    }

    @Test
    void aTimestampOutsideTheYearsOfAPeriodIsABadRowOnEveryPath() throws IOException {
        // found by ReportFuzzProperties: "-2026-..." parses as year -2026, which no period holds
        for (String stamp : new String[] {"-2026-07-10T17:18:49+02:00", "0000-03-01T10:00:00Z"}) {
            Path p = file("years.csv", "submitted_at,nps\n2026-01-05T10:00:00Z,9\n" + stamp + ",7\n");
            String message = "line 3, column submitted_at: \"" + stamp + "\" is not a timestamp (ISO-8601 date-time "
                    + "with offset, local date-time, or date)";
            for (String threads : new String[] {"1", "2"}) {
                assertFails(report(p, "--by", "month", "--threads", threads), message);
                assertFails(report(p, "--calendar", "--threads", threads), message);
                JsonNode skipped = assertReport(report(p, "--by", "month", "--on-bad-row", "skip", "--threads",
                        threads, "--format", "json"));
                assertThat(skipped.get("input").get("rejectedRows").asLong()).isEqualTo(1);
            }
        }
    }
}
