package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.grouping.BadRowPolicy;
import io.github.cxmetrics.report.grouping.ReportGrouping;

import io.github.cxmetrics.io.BadRowException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.calendar.Granularity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The parallel byte-level scan ({@link ParallelScan}) against the general streaming pass
 * ({@link StreamingPass#read(java.io.InputStream, String)}) on generated files: both must give
 * the same report, rendered as JSON byte for byte, with any number of workers and chunk sizes down
 * to a few bytes (so that chunk boundaries fall anywhere in a row, and inside quoted fields). Files
 * come with any of the four delimiters, LF or CRLF, no, some or all fields quoted (quoted segment
 * values and notes holding the delimiter, doubled quotes, CR, LF and CRLF), in UTF-8 or windows-1252
 * (segment values with é and €, and bytes windows-1252 leaves undefined in the notes). Clean files
 * must be read by the scan itself (it must not give up on them); files with a row only the general
 * pass reads as it should (text after a closing quote, a quote inside an unquoted field, an
 * unterminated quote, a bare CR, a ragged row, an off-scale or signed score, a bad timestamp,
 * minutes or outcome, bytes not valid in the encoding in a segment value) must make it give up, so
 * that the general pass reports or skips that row with its line and column.
 */
class ParallelScanProperties {
    private static final String[] ZONES = {"Europe/Amsterdam", "UTC", "America/New_York", "Asia/Kathmandu",
        "Australia/Lord_Howe"};
    private static final String[] CHANNELS = {"phone", "email", "chat", "social", "store", "e-mail ✉", "",
        "Zürich €"};
    /** Channels that windows-1252 has: é is 0xE9, € 0x80, ï 0xEF. */
    private static final String[] CHANNELS_1252 = {"phone", "téléphone", "café", "e-mail €", "", "Zürich €", "naïve"};
    private static final String[] YES = {"true", "TRUE", "True", "yes", "Y", "y", "1"};
    private static final String[] NO = {"false", "FALSE", "no", "No", "n", "N", "0"};
    /** The bytes windows-1252 leaves undefined; U+FFFD in a generated text stands for one of them. */
    private static final byte[] UNDEFINED_1252 = {(byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** 2024-01-01T00:00Z to 2028-01-01T00:00Z. */
    private static final long FROM = 1_704_067_200L;
    private static final long TO = 1_830_297_600L;

    private static Path dir;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        dir = Files.createTempDirectory("cxmetrics-scan");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** How many fields of a generated file are quoted. */
    enum Quoting {
        /** None: values that need quotes do not occur. */
        NONE,
        /** Those that need it, and others at random. */
        SOME,
        /** Every field, the header too. */
        ALL
    }

    /**
     * A generated export: its bytes, the same text in UTF-8 (the bytes themselves for a UTF-8 file),
     * its encoding, the options to read it with, and whether every row is clean.
     */
    record Export(byte[] bytes, byte[] utf8, Charset charset, ReportOptions options, boolean clean,
            boolean mustGiveUp, String description) {
        @Override
        public String toString() {
            return description + "\n" + new String(utf8, StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<Export> clean() {
        return Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(0, 120)
                .map(rows -> generate(seed, rows, false)));
    }

    @Provide
    Arbitrary<Export> withOneOddRow() {
        return Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(1, 60)
                .map(rows -> generate(seed, rows, true)));
    }

    /** The kinds of odd rows; {@link #UNTERMINATED} is always the last row. */
    private static final int SPOIL_KINDS = 16;
    private static final int UNTERMINATED = 13;

    static Export generate(long seed, int rows, boolean odd) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String zone = ZONES[rnd.nextInt(ZONES.length)];
        char delimiter = ",;\t|".charAt(rnd.nextInt(4));
        String eol = rnd.nextBoolean() ? "\n" : "\r\n";
        Charset charset = rnd.nextInt(10) < 3 ? WINDOWS_1252 : StandardCharsets.UTF_8;
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        Quoting quoting = Quoting.values()[rnd.nextInt(3)];
        boolean bom = utf8 && rnd.nextInt(4) == 0;
        boolean segments = rnd.nextInt(4) != 0;
        boolean twoSegments = segments && rnd.nextBoolean();
        Granularity by = switch (rnd.nextInt(5)) {
            case 0 -> null;
            case 1 -> Granularity.DAY;
            case 2 -> Granularity.MONTH;
            default -> Granularity.WEEK;
        };
        boolean ops = rnd.nextInt(3) != 0;
        long start = FROM + rnd.nextLong(TO - FROM);
        // days over four years would make a timeline of 1461 periods per segment value: slow to summarise
        long span = rnd.nextBoolean() || by == Granularity.DAY ? 21 * 86_400L : TO - FROM;
        int spoilKind = odd ? rnd.nextInt(ops ? SPOIL_KINDS : SPOIL_KINDS - 3) : -1;
        if (spoilKind >= 10 && !ops) {
            spoilKind += 3; // the kinds 10-12 spoil operational columns
        }
        int oddRow = !odd ? -1 : spoilKind == UNTERMINATED ? rows - 1 : rnd.nextInt(rows);
        String d = String.valueOf(delimiter);
        String[] channels = utf8 ? CHANNELS : CHANNELS_1252;
        // values that need quotes: the delimiter, doubled quotes, line breaks
        String[] tricky = {"chat" + d + " live", "say \"hi\"", "two\nlines", "two\r\nlines", "\"", d, "\r\n",
            "a \"\"quoted\"\" " + d + "\n"};

        List<String> header = new ArrayList<>(List.of("id", "submitted_at", "channel", "team", "nps", "csat", "ces"));
        if (ops) {
            header.add("first_response_minutes");
            header.add("resolved_first_contact");
        }
        header.add(utf8 ? "note" : "remarque é"); // a header that is longer in UTF-8 than in the file
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "");
        csv.append(render(rnd, quoting, header, Set.of(), delimiter)).append(eol);
        String oddKind = "";
        for (int id = 1; id <= rows; id++) {
            long second = FROM + Math.floorMod(start - FROM + rnd.nextLong(span), TO - FROM);
            Instant instant = Instant.ofEpochSecond(second, rnd.nextInt(4) == 0 ? rnd.nextInt(1_000_000_000) : 0);
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(id));
            cells.add(timestamp(rnd, instant, ZoneId.of(zone)));
            cells.add(quoting != Quoting.NONE && rnd.nextInt(4) == 0 ? tricky[rnd.nextInt(tricky.length)]
                    : channels[rnd.nextInt(channels.length)]);
            cells.add(quoting != Quoting.NONE && rnd.nextInt(8) == 0 ? "team \"" + rnd.nextInt(3) + "\"" : "team-" + rnd.nextInt(3));
            cells.add(rnd.nextInt(5) < 4 ? score(rnd, 0, 10) : "");
            cells.add(rnd.nextInt(10) < 7 ? score(rnd, 1, 5) : "");
            cells.add(rnd.nextBoolean() ? score(rnd, 1, 7) : "");
            if (ops) {
                cells.add(minutes(rnd));
                cells.add(switch (rnd.nextInt(5)) {
                    case 0 -> "";
                    case 1, 2 -> YES[rnd.nextInt(YES.length)];
                    default -> NO[rnd.nextInt(NO.length)];
                });
            }
            cells.add(switch (rnd.nextInt(quoting == Quoting.NONE ? 3 : 4)) {
                case 0 -> "";
                case 1 -> (utf8 ? "ok ✓ " : "ok é ") + rnd.nextInt(100);
                case 2 -> utf8 ? "fine" : "bad \uFFFD byte"; // an undefined byte in a column that is not read
                default -> tricky[rnd.nextInt(tricky.length)] + tricky[rnd.nextInt(tricky.length)];
            });
            Set<Integer> raw = Set.of();
            if (id - 1 == oddRow) {
                raw = new HashSet<>();
                oddKind = spoil(rnd, spoilKind, cells, raw, ops, delimiter, utf8);
            }
            csv.append(render(rnd, quoting, cells, raw, delimiter));
            if (id < rows || rnd.nextBoolean() && spoilKind != UNTERMINATED) {
                csv.append(eol);
            }
        }
        String text = csv.toString();
        byte[] bytes = utf8 ? text.getBytes(StandardCharsets.UTF_8) : windows1252(rnd, text);
        if (oddKind.equals("invalid UTF-8")) {
            bytes = replaceFirst(bytes, "\u00A7".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28});
        }
        ReportOptions options = ReportOptions.defaults().withGrouping(g -> g.withZone(ZoneId.of(zone)).withDelimiter(delimiter)
                .withTimestampColumn("submitted_at"));
        if (by != null) {
            options = options.withGrouping(g -> g.withBy(by));
        }
        if (segments) {
            options = options.withGrouping(g -> g.withSegment("channel"));
        }
        if (twoSegments) {
            options = options.withGrouping(g -> g.withSegment("team"));
        }
        if (odd && rnd.nextBoolean()) {
            options = options.withGrouping(g -> g.withOnBadRow(BadRowPolicy.SKIP));
        }
        String description = String.format(Locale.ROOT,
                "zone=%s delimiter=%s eol=%s bom=%b charset=%s quoting=%s by=%s segments=%d ops=%b odd=%s",
                zone, delimiter == '\t' ? "TAB" : d, eol.length() == 2 ? "CRLF" : "LF", bom, charset, quoting, by,
                twoSegments ? 2 : segments ? 1 : 0, ops, oddKind);
        // a spoiled cell that the report does not read is no reason to give up
        boolean mustGiveUp = odd && switch (oddKind) {
            case "invalid UTF-8", "undefined byte" -> segments;
            case "timestamp" -> by != null;
            case "padded timestamp" -> false; // stripped and read by both
            default -> true;
        };
        return new Export(bytes, text.getBytes(StandardCharsets.UTF_8), charset, options, !odd, mustGiveUp,
                description);
    }

    /**
     * A row as CSV: a field is quoted if it must be (delimiter, quote, CR or LF in it) or the
     * quoting says so, except the raw ones, which are written as they are.
     */
    private static String render(SplittableRandom rnd, Quoting quoting, List<String> cells, Set<Integer> raw,
            char delimiter) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(delimiter);
            }
            String cell = cells.get(i);
            boolean needs = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                    || cell.indexOf('\n') >= 0;
            boolean quote = !raw.contains(i) && (quoting == Quoting.ALL || quoting == Quoting.SOME && (needs || rnd.nextBoolean()));
            row.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return row.toString();
    }

    /** The text in windows-1252, each U+FFFD as a byte that windows-1252 leaves undefined. */
    private static byte[] windows1252(SplittableRandom rnd, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                out.write(UNDEFINED_1252[rnd.nextInt(UNDEFINED_1252.length)]);
            } else {
                byte[] one = String.valueOf(c).getBytes(WINDOWS_1252);
                if (one.length != 1 || one[0] == '?' && c != '?') {
                    throw new IllegalArgumentException("not in windows-1252: " + c);
                }
                out.write(one[0]);
            }
        }
        return out.toByteArray();
    }

    /**
     * Makes one row something only the general pass reads correctly; returns what it did. Cells
     * whose text is CSV syntax are added to {@code raw}.
     */
    private static String spoil(SplittableRandom rnd, int kind, List<String> cells, Set<Integer> raw, boolean ops,
            char delimiter, boolean utf8) {
        int last = cells.size() - 1;
        switch (kind) {
            case 0 -> {
                cells.set(2, "\"" + cells.get(2).replace("\"", "\"\"") + "\"x"); // text after the closing quote
                raw.add(2);
            }
            case 1 -> {
                cells.set(last, "5\" screen"); // a quote inside an unquoted field
                raw.add(last);
            }
            case 2 -> cells.remove(last);
            case 3 -> cells.add("extra");
            case 4 -> cells.set(4, "11");
            case 5 -> cells.set(5, "+4");
            case 6 -> cells.set(1, rnd.nextBoolean() ? "2025-02-30T10:00:00Z" : "yesterday");
            case 7 -> {
                cells.set(last, "bare\rCR");
                raw.add(last);
            }
            case 8 -> cells.set(2, utf8 ? "\u00A7" : "caf\uFFFD"); // invalid UTF-8 bytes, or an undefined byte
            case 9 -> cells.set(1, " " + cells.get(1));
            case 10 -> cells.set(7, rnd.nextBoolean() ? "-3" : "1e3");
            case 11 -> cells.set(8, "maybe");
            case 12 -> cells.set(8, " yes");
            case UNTERMINATED -> {
                cells.set(last, "\"open " + delimiter + " to the end");
                raw.add(last);
            }
            case 14 -> {
                cells.set(4, "\"5\"\"\""); // a score 5" (a doubled quote in a quoted score)
                raw.add(4);
            }
            default -> {
                cells.set(4, "\"7\" "); // a space after the closing quote
                raw.add(4);
            }
        }
        String time = cells.get(1);
        return cells.contains("\u00A7") ? "invalid UTF-8"
                : kind == 8 ? "undefined byte"
                : time.startsWith(" ") ? "padded timestamp"
                : time.equals("yesterday") || time.startsWith("2025-02-30") ? "timestamp" : "spoiled";
    }

    private static String score(SplittableRandom rnd, int min, int max) {
        int v = rnd.nextInt(min, max + 1);
        return rnd.nextInt(20) == 0 ? "0" + v : Integer.toString(v); // leading zeros are read as the number
    }

    private static String minutes(SplittableRandom rnd) {
        return switch (rnd.nextInt(9)) {
            case 0 -> "";
            case 1 -> Integer.toString(rnd.nextInt(600));
            case 2 -> "." + rnd.nextInt(10);
            case 3 -> rnd.nextInt(100) + ".";
            case 4 -> String.format(Locale.ROOT, "%.3f", rnd.nextDouble() * 1000);
            case 5 -> "0";
            case 6 -> "12345.1234567890123"; // more digits than the exact fast path: parseDouble
            case 7 -> String.format(Locale.ROOT, "%.6f", rnd.nextDouble());
            default -> Double.toString(Math.round(rnd.nextDouble() * 3000) / 10.0);
        };
    }

    /** One of the accepted timestamp forms of the instant, including ones only java.time reads. */
    private static String timestamp(SplittableRandom rnd, Instant instant, ZoneId zone) {
        int quarters = rnd.nextBoolean() ? 4 * rnd.nextInt(-14, 15) : rnd.nextInt(-56, 57);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarters * 900);
        String dateTime = instant.atOffset(offset).toLocalDateTime().withNano(0)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String local = instant.atZone(zone).toLocalDateTime().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String iso = offset.getId().equals("Z") ? "+00:00" : offset.getId();
        return switch (rnd.nextInt(9)) {
            case 0 -> dateTime + iso.replace(":", "");
            case 1 -> dateTime + iso + ":00"; // an offset with seconds: java.time only
            case 2 -> instant.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0) + "Z";
            case 3 -> local.replace('T', ' ');
            case 4 -> instant.atZone(zone).toLocalDate().toString();
            case 5 -> instant.atOffset(offset).toLocalDateTime().format(
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")) + iso;
            default -> dateTime + iso;
        };
    }

    private static byte[] replaceFirst(byte[] bytes, byte[] what, byte[] with) {
        for (int i = 0; i + what.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, i);
                out.write(with, 0, with.length);
                out.write(bytes, i + what.length, bytes.length - i - what.length);
                return out.toByteArray();
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @Property(tries = 300)
    @StatisticsReport(onFailureOnly = true)
    void scanEqualsGeneralPassOnCleanFiles(@ForAll("clean") Export export, @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll @IntRange(min = 0, max = 400) int chunkBytes, @ForAll @IntRange(min = 8, max = 300) int bufferBytes)
            throws IOException {
        Path file = write(export);
        String d = export.description();
        Statistics.label("quoting").collect(d.substring(d.indexOf("quoting=") + 8, d.indexOf(" by=")));
        Statistics.label("charset").collect(export.charset().name());
        Statistics.label("delimiter").collect(d.substring(d.indexOf("delimiter=") + 10, d.indexOf(" eol=")));
        Statistics.label("a chunk starts inside a quoted field").collect(startsInsideQuotes(export, chunkBytes));
        String general = describe(generalTallies(export, file));
        for (ParallelScan.Guesses guesses : ParallelScan.Guesses.values()) {
            ReportTallies tallies = scan(export, file, threads, chunkBytes, bufferBytes, guesses);
            assertThat(tallies).as("the scan gave up on a clean file (%s)", guesses).isNotNull();
            assertThat(describe(tallies)).as("guesses %s", guesses).isEqualTo(general);
        }
        assertThat(withoutDetection(json(Report.generate(file, encoded(export)))))
                .isEqualTo(json(generalPass(export, file)));
        Statistics.label("quoting").coverage(c -> {
            c.check("ALL").percentage(p -> p > 15);
            c.check("SOME").percentage(p -> p > 15);
            c.check("NONE").percentage(p -> p > 15);
        });
        Statistics.label("charset").coverage(c -> c.check("windows-1252").percentage(p -> p > 15));
        Statistics.label("delimiter").coverage(c -> {
            for (String delimiter : List.of(",", ";", "TAB", "|")) {
                c.check(delimiter).percentage(p -> p > 10);
            }
        });
        Statistics.label("a chunk starts inside a quoted field").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 250)
    @StatisticsReport(onFailureOnly = true)
    void scanGivesUpOnOddRowsAndTheFileReportIsTheGeneralOne(@ForAll("withOneOddRow") Export export,
            @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 0, max = 300) int chunkBytes)
            throws IOException {
        Path file = write(export);
        ReportTallies general = null;
        RuntimeException generalError = null;
        try {
            general = generalTallies(export, file);
        } catch (BadRowException | io.github.cxmetrics.io.CsvFormatException bad) {
            generalError = bad;
        }
        for (ParallelScan.Guesses guesses : List.of(ParallelScan.Guesses.BY_ROWS, ParallelScan.Guesses.INVERTED)) {
            ReportTallies tallies;
            try {
                tallies = scan(export, file, threads, chunkBytes, 64, guesses);
            } catch (IllegalArgumentException | io.github.cxmetrics.io.CsvFormatException headerProblem) {
                tallies = null;
            }
            if (export.mustGiveUp()) {
                assertThat(tallies).as("the scan read a file with an odd row (%s)", guesses).isNull();
            }
            if (tallies != null) {
                assertThat(generalError).as("the scan read a file the general pass rejects").isNull();
                assertThat(describe(tallies)).isEqualTo(describe(general));
            }
        }
        // the whole file as the report reads it (detection, one chunk) against its streaming pass
        ReportGrouping grouping = encoded(export).grouping();
        String expected;
        try {
            expected = describe(streamingTallies(file, grouping));
        } catch (BadRowException | io.github.cxmetrics.io.CsvFormatException bad) {
            assertThatThrownBy(() -> Scan.read(file, grouping, threads, bytes -> { }, metrics -> { }))
                    .isInstanceOf(bad.getClass()).hasMessage(bad.getMessage());
            return;
        }
        assertThat(describe(Scan.read(file, grouping, threads, bytes -> { }, metrics -> { }))).isEqualTo(expected);
    }

    /**
     * Issue 16: thousands of segment values, short ones (packed into the value table's slots) and
     * long ones (compared byte by byte), read in rows that revisit each value and period many times
     * in random order, by two threads in small chunks: the same tallies as the streaming pass. Two
     * columns of thousands of values, so that the workers' groups are merged in parts on two
     * threads, each column's and the first column's sums of them (the periods, the whole input).
     */
    @Example
    void manyShortAndLongSegmentValuesGiveTheStreamingTallies() throws IOException {
        SplittableRandom rnd = new SplittableRandom(16);
        SplittableRandom agents = new SplittableRandom(17);
        StringBuilder csv = new StringBuilder("store,agent,submitted_at,nps,csat,first_response_minutes,"
                + "resolved_first_contact\n");
        for (int i = 0; i < 60_000; i++) {
            int v = rnd.nextInt(6_000);
            // 1 to 12 bytes: "7", "s123", "store-00042", a byte above 0x7F
            String store = switch (v % 4) {
                case 0 -> Integer.toString(v);
                case 1 -> "s" + v;
                case 2 -> String.format(java.util.Locale.ROOT, "store-%05d", v);
                default -> "é" + v;
            };
            csv.append(store).append(",a").append(agents.nextInt(3_000)).append(",2025-0").append(1 + rnd.nextInt(9)).append("-1").append(rnd.nextInt(10))
                    .append("T10:00:00Z,").append(rnd.nextInt(11)).append(',').append(1 + rnd.nextInt(5)).append(',')
                    .append(rnd.nextInt(3000) / 10.0).append(',').append(rnd.nextBoolean()).append('\n');
        }
        Path file = Files.createTempFile(dir, "stores", ".csv");
        Files.writeString(file, csv.toString());
        for (Granularity by : java.util.Arrays.asList(null, Granularity.MONTH)) {
            ReportGrouping store = ReportOptions.defaults().grouping().withSegment("store").withSegment("agent");
            ReportGrouping grouping = by == null ? store : store.withBy(by);
            ReportTallies tallies = utf8Scan(file, grouping, 1 << 16, 4096, scan -> scan);
            assertThat(tallies).as("the scan gave up").isNotNull();
            assertThat(tallies.segments.get(0)).hasSize(6_000);
            assertThat(tallies.segments.get(1)).hasSize(3_000);
            assertThat(describe(tallies)).as("by %s", by).isEqualTo(describe(utf8Streaming(file, grouping)));
        }
    }

    /**
     * Issue 16: past a number of groups a worker keeps its rows and counts them in batches sorted by
     * (value, period). Switched on early (after 0 to 50 groups) with batches of 1 to 500 rows, so
     * that it starts in the middle of a chunk and a group is met in many batches, with two segment
     * columns, missing scores, times and outcomes, with and without a trend and day tallies: the same
     * tallies, days included, as the streaming pass.
     */
    @Property(tries = 40)
    void countingInBatchesGivesTheStreamingTallies(@ForAll("batchStarts") int from,
            @ForAll("batchSizes") int rows, @ForAll boolean byWeek, @ForAll boolean days, @ForAll long seed)
            throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("store,agent,submitted_at,nps,csat,first_response_minutes,"
                + "resolved_first_contact\n");
        int stores = 1 + rnd.nextInt(400);
        for (int i = 0, n = 500 + rnd.nextInt(3_000); i < n; i++) {
            csv.append("st").append(rnd.nextInt(stores)).append(",a").append(rnd.nextInt(30)).append(",2025-0")
                    .append(1 + rnd.nextInt(3)).append("-1").append(rnd.nextInt(10)).append("T1")
                    .append(rnd.nextInt(10)).append(":00:00Z,")
                    .append(rnd.nextInt(8) == 0 ? "" : Integer.toString(rnd.nextInt(11))).append(',')
                    .append(rnd.nextInt(8) == 0 ? "" : Integer.toString(1 + rnd.nextInt(5))).append(',')
                    .append(rnd.nextInt(5) == 0 ? "" : Double.toString(rnd.nextInt(100_000) / 10.0)).append(',')
                    .append(rnd.nextInt(5) == 0 ? "" : rnd.nextBoolean() ? "yes" : "no").append('\n');
        }
        Path file = Files.createTempFile(dir, "batches", ".csv");
        Files.writeString(file, csv.toString());
        ReportGrouping grouping = ReportOptions.defaults().grouping().withSegment("store").withSegment("agent")
                .withDays(days);
        if (byWeek) {
            grouping = grouping.withBy(Granularity.WEEK);
        }
        ReportTallies batched = utf8Scan(file, grouping, 1 << 12, 2048, scan -> scan.batching(from, rows));
        assertThat(batched).as("the scan gave up").isNotNull();
        ReportTallies streaming = utf8Streaming(file, grouping);
        assertThat(describe(batched)).isEqualTo(describe(streaming));
        assertThat(days(batched)).isEqualTo(days(streaming));
    }

    /** The parallel scan of a UTF-8 file on two threads, set up by {@code setUp} (null if it gave up). */
    private static ReportTallies utf8Scan(Path file, ReportGrouping grouping, int chunkBytes, int bufferBytes,
            java.util.function.UnaryOperator<ParallelScan> setUp) throws IOException {
        StreamingPass g = new StreamingPass(grouping, metrics -> { });
        StreamingPass.Layout layout;
        long dataStart;
        try (CsvReader reader = CsvReader.of(Files.newInputStream(file), ',', StandardCharsets.UTF_8)) {
            layout = g.prepare(CsvHeader.read(reader));
            dataStart = reader.bytesRead();
        }
        return setUp.apply(new ParallelScan(g, layout, 2, chunkBytes, bufferBytes, ScanCharset.of(StandardCharsets.UTF_8)))
                .scan(file, dataStart, bytes -> { });
    }

    /** The streaming pass over a UTF-8 file, the reference of the parallel scan. */
    private static ReportTallies utf8Streaming(Path file, ReportGrouping grouping) throws IOException {
        try (CsvReader reader = CsvReader.of(Files.newInputStream(file), ',', StandardCharsets.UTF_8)) {
            return new StreamingPass(grouping, metrics -> { }).read(reader, CsvHeader.read(reader), file.toString());
        }
    }

    @Provide
    Arbitrary<Integer> batchStarts() {
        return Arbitraries.of(0, 3, 50);
    }

    @Provide
    Arbitrary<Integer> batchSizes() {
        return Arbitraries.of(1, 7, 500, 100_000);
    }

    private static String days(ReportTallies t) {
        if (t.days() == null) {
            return "no days";
        }
        StringBuilder sb = new StringBuilder();
        t.days().forEach((d, g) -> describe(sb, d.toString(), g, t));
        return sb.toString();
    }

    @Example
    void aMissingValueMarkerThatLooksLikeMinutesOrAnOutcomeIsLeftToTheStreamingPass() throws IOException {
        Path file = Files.createTempFile(dir, "markers", ".csv");
        Files.writeString(file, "submitted_at,nps,first_response_minutes,resolved_first_contact\n"
                + "2025-01-01T10:00:00Z,9,0,yes\n2025-01-02T10:00:00Z,7,30,no\n2025-01-03T10:00:00Z,3,0,n\n");
        for (String marker : List.of("0", "No", "n")) {
            ReportGrouping grouping = ReportOptions.defaults().grouping().withMissingValues(List.of(marker));
            assertThat(ParallelScan.supports(grouping)).as(marker).isFalse();
            assertThat(describe(Scan.read(file, grouping, 2, bytes -> { }, metrics -> { })))
                    .isEqualTo(describe(streamingTallies(file, grouping)));
        }
        assertThat(ParallelScan.supports(ReportOptions.defaults().grouping().withMissingValues(List.of("NA", "-"))))
                .isTrue();
    }

    @Property(tries = 200)
    void epochDayIsLocalDates(@ForAll @IntRange(min = 0, max = 9999) int year, @ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 31) int day) {
        LocalDate first = LocalDate.of(year, month, 1);
        int d = Math.min(day, first.lengthOfMonth());
        assertThat(PeriodResolver.epochDay(year, month, d)).isEqualTo(LocalDate.of(year, month, d).toEpochDay());
    }

    private static Path write(Export export) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".csv");
        Files.write(file, export.bytes());
        return file;
    }

    /** The report of the file's text read from a UTF-8 stream by the streaming pass. */
    private static Report generalPass(Export export, Path file) throws IOException {
        return Report.generate(new ByteArrayInputStream(export.utf8()), file.toString(), export.options());
    }

    /** The streaming pass over the file's bytes in their encoding, without detection. */
    private static ReportTallies generalTallies(Export export, Path file) throws IOException {
        CsvReader reader = CsvReader.of(new ByteArrayInputStream(export.bytes()), export.options().grouping().delimiter(),
                export.charset());
        return new StreamingPass(export.options().grouping(), metrics -> { })
                .read(reader, CsvHeader.read(reader), file.toString());
    }

    /** The file read as {@link Scan#read} reads it when the parallel scan gives up. */
    private static ReportTallies streamingTallies(Path file, ReportGrouping grouping) throws IOException {
        Input input = Input.detect(file, grouping);
        try (CsvReader reader = input.openAtData(file)) {
            return new StreamingPass(input.grouping(), metrics -> { }).withInput(input)
                    .read(reader, input.header(), file.toString()).withLayout(input.layout());
        }
    }

    /** Everything in the tallies, in a fixed order: what was read, and every group's tallies. */
    private static String describe(ReportTallies t) {
        StringBuilder sb = new StringBuilder(t.input + " " + t.metrics + " " + java.util.Arrays.toString(t.scales)
                + " " + t.segmentNames + "\n");
        describe(sb, "overall", t);
        t.periods.forEach((p, g) -> describe(sb, p.label(), g, t));
        for (int s = 0; s < t.segments.size(); s++) {
            for (java.util.Map.Entry<String, ReportTallies.SegmentData> e : new java.util.TreeMap<>(t.segments.get(s)).entrySet()) {
                describe(sb, s + ":" + e.getKey(), e.getValue().total, t);
                int segment = s;
                e.getValue().byPeriod().forEach((p, g) -> describe(sb, segment + ":" + e.getKey() + "|" + p.label(), g, t));
            }
        }
        return sb.toString();
    }

    private static void describe(StringBuilder sb, String key, ReportTallies t) {
        describe(sb, key, t.overall, t);
    }

    private static void describe(StringBuilder sb, String key, GroupTallies g, ReportTallies t) {
        sb.append(key);
        for (io.github.cxmetrics.trend.Metric m : t.metrics) {
            sb.append(' ').append(g.tally(m.ordinal()));
        }
        OpsTallies ops = g.ops();
        if (ops != null) {
            sb.append(ops.response() == null ? "" : " response " + ops.response().snapshot().format())
                    .append(" open ").append(ops.openResponses())
                    .append(ops.fcr() == null ? "" : " fcr " + ops.fcr().successes() + "/" + ops.fcr().n());
        }
        sb.append('\n');
    }

    private static ReportTallies scan(Export export, Path file, int threads, int chunkBytes, int bufferBytes,
            ParallelScan.Guesses guesses) throws IOException {
        StreamingPass g = new StreamingPass(export.options().grouping(), metrics -> { });
        StreamingPass.Layout layout;
        long dataStart;
        ScanCharset charset = ScanCharset.of(export.charset());
        try (CsvReader reader = CsvReader.of(Files.newInputStream(file), export.options().grouping().delimiter(),
                export.charset())) {
            layout = g.prepare(CsvHeader.read(reader));
            dataStart = charset.fileOffset(file, reader.bytesRead());
        }
        assertThat(dataStart).as("the header's end in the file").isEqualTo(headerEnd(export));
        return new ParallelScan(g, layout, threads, chunkBytes, bufferBytes, charset).guessing(guesses)
                .scan(file, dataStart, bytes -> { });
    }

    /**
     * Whether the search for the first row of a chunk after the first starts inside a quoted field
     * (so that the quote parity decides where its rows start).
     */
    private static boolean startsInsideQuotes(Export export, int chunkBytes) {
        byte[] b = export.bytes();
        long dataStart = headerEnd(export);
        if (chunkBytes == 0) {
            return false;
        }
        boolean quoted = false;
        for (long i = dataStart, next = dataStart + chunkBytes - 1; i < b.length; i++) {
            if (i == next) {
                if (quoted) {
                    return true;
                }
                next += chunkBytes;
            }
            if (b[(int) i] == '"') {
                quoted = !quoted;
            }
        }
        return false;
    }

    /** Where the header ends in the file's bytes: after its first line feed outside quotes. */
    private static long headerEnd(Export export) {
        boolean quoted = false;
        byte[] b = export.bytes();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '"') {
                quoted = !quoted;
            } else if (b[i] == '\n' && !quoted) {
                return i + 1;
            }
        }
        return b.length;
    }

    /** The options with the file's encoding chosen, so that invalid UTF-8 is a bad row as in a stream. */
    private static ReportOptions encoded(Export export) {
        return export.options().withGrouping(g -> g.withEncoding(export.charset()));
    }

    /** A file's report without what was detected in the file, which a stream's report does not have. */
    private static String withoutDetection(String json) {
        return json.replaceAll("(?s)\n *\"(columns|excluded)\": \\{[^}]*\\},?", "")
                .replaceAll("(?s)\n *\"notes\": \\[[^\\]]*\\],?", "")
                .replaceAll("\n *\"(format|encoding|delimiter|headerRows|skippedRows|timestampColumn|timestampFormat)\": [^\n]*", "");
    }

    private static String json(Report report) throws IOException {
        return ReportFormat.JSON.format(report);
    }
}
