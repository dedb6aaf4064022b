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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The parallel byte-level scan ({@link ParallelScan}) against the general streaming pass
 * ({@link StreamingPass#read(java.io.InputStream, String)}) on generated files: both must give
 * the same report, rendered as JSON byte for byte, with any number of workers and chunk sizes down
 * to a few bytes (so that chunk boundaries fall anywhere in a row). Clean files must be read by the
 * scan itself (it must not give up on them); files with a row only the general pass reads as it
 * should (a quote, a bare CR, a ragged row, an off-scale or signed score, a bad timestamp, minutes
 * or outcome, invalid UTF-8) must make it give up, so that the general pass reports or skips that
 * row with its line and column.
 */
class ParallelScanProperties {
    private static final String[] ZONES = {"Europe/Amsterdam", "UTC", "America/New_York", "Asia/Kathmandu",
        "Australia/Lord_Howe"};
    private static final String[] CHANNELS = {"phone", "email", "chat", "social", "store", "e-mail ✉", "",
        "Zürich €"};
    private static final String[] YES = {"true", "TRUE", "True", "yes", "Y", "y", "1"};
    private static final String[] NO = {"false", "FALSE", "no", "No", "n", "N", "0"};
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

    /** A generated export: its bytes, the options to read it with, and whether every row is clean. */
    record Export(byte[] bytes, ReportOptions options, boolean clean, boolean mustGiveUp, String description) {
        @Override
        public String toString() {
            return description + "\n" + new String(bytes, StandardCharsets.UTF_8);
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

    static Export generate(long seed, int rows, boolean odd) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String zone = ZONES[rnd.nextInt(ZONES.length)];
        char delimiter = ",;\t|".charAt(rnd.nextInt(4));
        String eol = rnd.nextBoolean() ? "\n" : "\r\n";
        boolean bom = rnd.nextInt(4) == 0;
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
        int oddRow = odd ? rnd.nextInt(rows) : -1;

        List<String> header = new ArrayList<>(List.of("id", "submitted_at", "channel", "team", "nps", "csat", "ces"));
        if (ops) {
            header.add("first_response_minutes");
            header.add("resolved_first_contact");
        }
        header.add("note");
        String d = String.valueOf(delimiter);
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "").append(String.join(d, header)).append(eol);
        String oddKind = "";
        for (int id = 1; id <= rows; id++) {
            long second = FROM + Math.floorMod(start - FROM + rnd.nextLong(span), TO - FROM);
            Instant instant = Instant.ofEpochSecond(second, rnd.nextInt(4) == 0 ? rnd.nextInt(1_000_000_000) : 0);
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(id));
            cells.add(timestamp(rnd, instant, ZoneId.of(zone)));
            cells.add(CHANNELS[rnd.nextInt(CHANNELS.length)]);
            cells.add("team-" + rnd.nextInt(3));
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
            cells.add(rnd.nextBoolean() ? "" : "ok ✓ " + rnd.nextInt(100));
            if (id - 1 == oddRow) {
                oddKind = spoil(rnd, cells, ops, delimiter);
            }
            String row = String.join(d, cells);
            csv.append(row);
            if (id < rows || rnd.nextBoolean()) {
                csv.append(eol);
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
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
        String description = String.format(Locale.ROOT, "zone=%s delimiter=%s eol=%s bom=%b by=%s segments=%d ops=%b odd=%s",
                zone, delimiter == '\t' ? "TAB" : d, eol.length() == 2 ? "CRLF" : "LF", bom, by,
                twoSegments ? 2 : segments ? 1 : 0, ops, oddKind);
        // a spoiled cell that the report does not read is no reason to give up
        boolean mustGiveUp = odd && switch (oddKind) {
            case "invalid UTF-8" -> segments;
            case "timestamp" -> by != null;
            case "padded timestamp" -> false; // stripped and read by both
            default -> true;
        };
        return new Export(bytes, options, !odd, mustGiveUp, description);
    }

    /** Makes one row something only the general pass reads correctly; returns what it did. */
    private static String spoil(SplittableRandom rnd, List<String> cells, boolean ops, char delimiter) {
        int last = cells.size() - 1;
        switch (rnd.nextInt(ops ? 13 : 10)) {
            case 0 -> cells.set(2, "\"" + cells.get(2) + delimiter + " quoted\"");
            case 1 -> cells.set(last, "5\" screen");
            case 2 -> cells.remove(last);
            case 3 -> cells.add("extra");
            case 4 -> cells.set(4, "11");
            case 5 -> cells.set(5, "+4");
            case 6 -> cells.set(1, rnd.nextBoolean() ? "2025-02-30T10:00:00Z" : "yesterday");
            case 7 -> cells.set(last, "bare\rCR");
            case 8 -> cells.set(2, "\u00A7"); // replaced by invalid UTF-8 bytes
            case 9 -> cells.set(1, " " + cells.get(1));
            case 10 -> cells.set(7, rnd.nextBoolean() ? "-3" : "1e3");
            case 11 -> cells.set(8, "maybe");
            default -> cells.set(8, " yes");
        }
        String time = cells.get(1);
        return cells.contains("\u00A7") ? "invalid UTF-8"
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

    @Property(tries = 250)
    void scanEqualsGeneralPassOnCleanFiles(@ForAll("clean") Export export, @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll @IntRange(min = 0, max = 400) int chunkBytes, @ForAll @IntRange(min = 8, max = 300) int bufferBytes)
            throws IOException {
        Path file = write(export);
        ReportTallies tallies = scan(export, file, threads, chunkBytes, bufferBytes);
        assertThat(tallies).as("the scan gave up on a clean file").isNotNull();
        assertThat(describe(tallies)).isEqualTo(describe(generalTallies(export, file)));
        assertThat(withoutDetection(json(Report.generate(file, utf8(export.options())))))
                .isEqualTo(json(generalPass(export, file)));
    }

    @Property(tries = 200)
    void scanGivesUpOnOddRowsAndTheFileReportIsTheGeneralOne(@ForAll("withOneOddRow") Export export,
            @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll @IntRange(min = 0, max = 300) int chunkBytes)
            throws IOException {
        Path file = write(export);
        ReportTallies tallies;
        try {
            tallies = scan(export, file, threads, chunkBytes, 64);
        } catch (IllegalArgumentException headerProblem) {
            tallies = null;
        }
        if (export.mustGiveUp()) {
            assertThat(tallies).as("the scan read a file with an odd row").isNull();
        }
        Report general;
        try {
            general = generalPass(export, file);
        } catch (BadRowException | io.github.cxmetrics.io.CsvFormatException bad) {
            assertThatThrownBy(() -> Report.generate(file, utf8(export.options()))).isInstanceOf(bad.getClass())
                    .hasMessage(bad.getMessage());
            return;
        }
        assertThat(withoutDetection(json(Report.generate(file, utf8(export.options()))))).isEqualTo(json(general));
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

    private static Report generalPass(Export export, Path file) throws IOException {
        return Report.generate(new ByteArrayInputStream(export.bytes()), file.toString(), export.options());
    }

    private static ReportTallies generalTallies(Export export, Path file) throws IOException {
        return new StreamingPass(export.options().grouping(), metrics -> { })
                .read(new ByteArrayInputStream(export.bytes()), file.toString());
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
                e.getValue().byPeriod.forEach((p, g) -> describe(sb, segment + ":" + e.getKey() + "|" + p.label(), g, t));
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

    private static ReportTallies scan(Export export, Path file, int threads, int chunkBytes, int bufferBytes)
            throws IOException {
        StreamingPass g = new StreamingPass(export.options().grouping(), metrics -> { });
        StreamingPass.Layout layout;
        long dataStart;
        try (CsvReader reader = CsvReader.open(file, export.options().grouping().delimiter())) {
            layout = g.prepare(CsvHeader.read(reader));
            dataStart = reader.bytesRead();
        }
        return new ParallelScan(g, layout, threads, chunkBytes, bufferBytes).scan(file, dataStart, bytes -> { });
    }

    /** The options with UTF-8 chosen, so that invalid UTF-8 is a bad row as in a stream, not a windows-1252 file. */
    private static ReportOptions utf8(ReportOptions options) {
        return options.withGrouping(g -> g.withEncoding(StandardCharsets.UTF_8));
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
