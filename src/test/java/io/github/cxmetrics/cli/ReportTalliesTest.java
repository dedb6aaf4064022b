package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --save-tallies DIR} and {@code --from-tallies DIR} through the real {@code Main.run}: a
 * report recomputed from its stored tallies is byte for byte the report of the raw data, in every
 * format; computation options apply to the stored tallies; grouping options must match them;
 * corrupted or mismatched files are refused with their line. The reference for "identical" is the
 * report computed directly from the CSV by the same command line, so no value here comes from the
 * code that stores tallies.
 */
class ReportTalliesTest {
    static final String EXAMPLE = ReportEndToEndTest.EXAMPLE.toString();
    static final String[] WEEKLY_WEIGHTED = {"--by", "week", "--zone", "Europe/Amsterdam", "--segment", "channel",
        "--segment", "region", "--weight", "weight"};

    @TempDir
    Path dir;

    private static String[] args(String[] head, String[] options, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(head));
        all.addAll(Arrays.asList(options));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    private static MainTest.Run ok(String... args) {
        MainTest.Run r = MainTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r;
    }

    /** Saves with {@code options}, then checks every format from the tallies against the CSV. */
    private Path assertRoundTrip(String csv, String[] options, String... computation) {
        Path store = dir.resolve("store");
        String direct = ok(args(new String[] {"report", csv}, options, args(new String[] {"--format", "json",
            "--save-tallies", store.toString()}, computation))).out();
        String again = ok(args(new String[] {"report", "--from-tallies", store.toString(), "--format", "json"},
                computation)).out();
        assertThat(again).isEqualTo(direct);
        for (String format : new String[] {"table", "csv", "html"}) {
            String fromCsv = ok(args(new String[] {"report", csv, "--format", format}, options, computation)).out();
            String fromStore = ok(args(new String[] {"report", "--from-tallies", store.toString(), "--format",
                format}, computation)).out();
            assertThat(fromStore).as(format).isEqualTo(fromCsv);
        }
        return store;
    }

    @Test
    void weeklySegmentedWeightedReportIsIdenticalFromItsTallies() throws IOException {
        Path store = assertRoundTrip(EXAMPLE, WEEKLY_WEIGHTED);
        assertThat(Files.readString(store.resolve("scores.cxtally"))).startsWith("cxmetrics-tallies/1\n")
                .contains("cxwtally/1 key=overall|nps NPS[0..10] n=2399 ")
                .contains(" key=segment=channel:phone|period=2025-W03|csat CSAT[1..5] ");
        assertThat(Files.readString(store.resolve("report.cxreport"))).startsWith("cxmetrics-report/2\n")
                .contains("\nrows=3000\n").contains("\nweighted=true\n")
                .contains("\ngrouping=--zone Europe/Amsterdam --by week --segment channel --segment region --weight weight\n")
                .contains("\nlayout-format=PLAIN\n").contains("\nlayout-timestamp-column=submitted_at\n")
                .contains("\noperations=response,fcr\n").contains("\noperation=overall response cxhist/1 accuracy=0.01 ");
    }

    @Test
    void unweightedMonthlyReportWithTargetsIsIdenticalAndComputationOptionsApply() {
        String[] monthly = {"--by", "month", "--segment", "team", "--csat-scale", "1-5"};
        assertRoundTrip(EXAMPLE, monthly);
        // confidence, intervals, minimum n and targets are applied to the stored tallies
        assertRoundTrip(EXAMPLE, monthly, "--confidence", "0.9", "--nps-interval", "tango", "--proportion-interval",
                "jeffreys", "--min-n", "100", "--target", "nps>=10 by 2027-06-30", "--target", "csat+5");
    }

    @Test
    void rejectedRowsAndTheirExamplesAreStored() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(EXAMPLE)).subList(0, 400));
        lines.set(10, lines.get(10).replaceFirst(",email,", ",email,extra,"));
        lines.set(20, "21,2025-13-45,chat,north,team-1,7,,,,,1");
        lines.set(30, lines.get(30).replaceFirst(",true,", ",maybe,"));
        lines.set(40, "41,2025-02-03T10:00:00+01:00,\"chat\nwith newline\",north,team-1,12,,,,,1");
        Path csv = dir.resolve("bad rows.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        assertRoundTrip(csv.toString(), new String[] {"--by", "quarter", "--on-bad-row", "skip", "--segment",
            "channel"});
    }

    @Test
    void deduplicatedReportIsIdentical() {
        assertRoundTrip(EXAMPLE, new String[] {"--respondent", "team", "--keep", "first", "--by", "year"});
    }

    @Test
    void businessHoursResponseTimesWithOpenContactsAreIdentical() throws IOException {
        Path csv = dir.resolve("contacts.csv");
        Files.writeString(csv, ReportBusinessHoursTest.CONTACTS, StandardCharsets.UTF_8);
        assertRoundTrip(csv.toString(), new String[] {"--response-from", "received_at", "--response-to",
            "first_reply_at", "--business-hours", "mon-fri 08:30-17:30,sat 10:00-14:00", "--holidays",
            "nl,2025-12-24", "--zone", "Europe/Amsterdam", "--response-target", "2h", "--by", "month", "--timestamp",
            "received_at", "--on-bad-row", "skip"});
    }

    @Test
    void segmentValuesWithSeparatorsAndNonAsciiTextAreStoredExactly() throws IOException {
        Path csv = dir.resolve("odd.csv");
        Files.writeString(csv, "nps,seg:m|ent,csat\n9,a:b,4\n10,a|b,5\n3,\"zeer tevreden \u00eb \ud83d\ude00\",2\n"
                + "7,%41,\n5,,1\n", StandardCharsets.UTF_8);
        assertRoundTrip(csv.toString(), new String[] {"--segment", "seg:m|ent"});
    }

    @Test
    void savingTwiceGivesTheSameFiles() throws IOException {
        Path a = saveWeekly();
        Path b = dir.resolve("b");
        ok(args(new String[] {"report", EXAMPLE, "--save-tallies", b.toString()}, WEEKLY_WEIGHTED));
        assertThat(Files.readString(a.resolve("report.cxreport"))).isEqualTo(Files.readString(b.resolve(
                "report.cxreport")));
        assertThat(Files.readString(a.resolve("scores.cxtally"))).isEqualTo(Files.readString(b.resolve(
                "scores.cxtally")));
    }

    // ------------------------------------------------------------------ options

    @TempDir
    static Path shared;

    /** A copy of the weekly weighted example's tallies, saved once for the class. */
    private Path saveWeekly() throws IOException {
        Path saved = shared.resolve("weekly");
        if (!Files.isDirectory(saved)) {
            ok(args(new String[] {"report", EXAMPLE, "--save-tallies", saved.toString()}, WEEKLY_WEIGHTED));
        }
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        for (String name : new String[] {"report.cxreport", "scores.cxtally"}) {
            Files.copy(saved.resolve(name), store.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return store;
    }

    @Test
    void groupingOptionsThatMatchTheSavedOnesAreAccepted() throws IOException {
        Path store = saveWeekly();
        String plain = ok("report", "--from-tallies", store.toString()).out();
        assertThat(ok(args(new String[] {"report", "--from-tallies", store.toString()}, WEEKLY_WEIGHTED,
                "--metrics", "nps,csat,ces", "--csat-scale", "1-5", "--delimiter", ",")).out()).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--by=month", "--segment=channel", "--weight=nps", "--metrics=nps", "--csat-scale=1-7",
        "--zone=UTC", "--on-bad-row=skip", "--timestamp=when", "--delimiter=;", "--response-target=90",
        "--column=nps=recommend"})
    void groupingOptionsThatDifferFromTheSavedOnesAreUsageErrors(String option) throws IOException {
        Path store = saveWeekly();
        String name = option.substring(0, option.indexOf('='));
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString(), name,
                option.substring(option.indexOf('=') + 1));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("cxmetrics: report: " + name + " ")
                .contains(" does not match the tallies in " + store + ", which were saved with ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void mismatchMessageNamesBothValues() throws IOException {
        Path store = saveWeekly();
        assertThat(MainTest.run("report", "--from-tallies", store.toString(), "--by", "month").err()).isEqualTo(
                "cxmetrics: report: --by month does not match the tallies in " + store + ", which were saved with "
                        + "week (leave --by out, or give the saved value; regrouping needs the raw data)\n");
    }

    @Test
    void fileAndTalliesTogetherOrAnotherSurveyAreUsageErrors() throws IOException {
        Path store = saveWeekly();
        MainTest.Run both = MainTest.run("report", EXAMPLE, "--from-tallies", store.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("cxmetrics: report: give either an input file or --from-tallies DIR, not "
                + "both\n");
        Path survey = dir.resolve("kto.txt");
        Files.writeString(survey, "q1 csat 1-5\n");
        MainTest.Run other = MainTest.run("report", "--from-tallies", store.toString(), "--survey", survey.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).isEqualTo("cxmetrics: report: --survey " + survey + " does not match the tallies in "
                + store + ", which were saved without a survey (leave --survey out, or give the saved survey; "
                + "regrouping needs the raw data)\n");
    }

    @Test
    void aTargetOnAMetricThatWasNotStoredIsRefused() throws IOException {
        Path csv = dir.resolve("nps.csv");
        Files.writeString(csv, "nps\n9\n10\n");
        Path store = dir.resolve("nps");
        ok("report", csv.toString(), "--save-tallies", store.toString());
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString(), "--target", "csat>=80%");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: Target \"csat>=80%\" needs the csat column, which is not in the "
                + "report\n");
    }

    // ------------------------------------------------------------------ corrupt files

    /** Applies an edit to the manifest's lines (without the end line) and writes a valid end line again. */
    private static void editManifest(Path store, UnaryOperator<List<String>> edit) throws IOException {
        Path manifest = store.resolve("report.cxreport");
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest, StandardCharsets.US_ASCII));
        lines.remove(lines.size() - 1);
        lines = edit.apply(lines);
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            text.append(l).append('\n');
        }
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        text.append("end lines=").append(lines.size() - 1).append(" crc32=")
                .append(String.format("%08x", crc.getValue())).append('\n');
        Files.writeString(manifest, text, StandardCharsets.US_ASCII);
    }

    private static void assertCorrupt(Path store, String message) {
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aChangedDigitInTheManifestIsAChecksumMismatch() throws IOException {
        Path store = saveWeekly();
        Path manifest = store.resolve("report.cxreport");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\nrows=3000\n", "\nrows=3001\n"));
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("cxmetrics: " + manifest + ", line ").contains(": checksum mismatch (the end "
                + "line declares crc32=").endsWith("): the file is corrupted\n");
    }

    @Test
    void aManifestCutShortIsTruncated() throws IOException {
        Path store = saveWeekly();
        Path manifest = store.resolve("report.cxreport");
        List<String> lines = Files.readAllLines(manifest);
        Files.write(manifest, lines.subList(0, 40));
        assertCorrupt(store, manifest + ": truncated (no end line after line 40; expected \"end lines=N "
                + "crc32=XXXXXXXX\")");
    }

    @Test
    void anUnknownVersionIsNamed() throws IOException {
        Path store = saveWeekly();
        Path manifest = store.resolve("report.cxreport");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("cxmetrics-report/2", "cxmetrics-report/3"));
        assertCorrupt(store, manifest + ", line 1: unsupported report tally version 3 (this library reads version 2)");
        Files.writeString(manifest, "response_id,nps\n1,9\n");
        assertCorrupt(store, manifest + ", line 1: not a report tally manifest (expected the header "
                + "cxmetrics-report/2): \"response_id,nps\"");
    }

    @Test
    void scoresOfAnotherReportDoNotBelongToTheManifest() throws IOException {
        Path store = saveWeekly();
        Path other = dir.resolve("other");
        ok("report", EXAMPLE, "--by", "week", "--save-tallies", other.toString());
        Files.copy(other.resolve("scores.cxtally"), store.resolve("scores.cxtally"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("cxmetrics: " + store.resolve("report.cxreport") + ", line ")
                .contains(": the checksum of scores.cxtally is ").endsWith(": the two files do not belong together, "
                        + "or one was changed\n");
    }

    @Test
    void aMissingFileIsAnIoError() throws IOException {
        Path store = saveWeekly();
        Files.delete(store.resolve("scores.cxtally"));
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: I/O error: " + store.resolve("scores.cxtally") + "\n");
        MainTest.Run none = MainTest.run("report", "--from-tallies", dir.resolve("nowhere").toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("cxmetrics: I/O error: " + dir.resolve("nowhere") + ": no such folder\n");
    }

    @Test
    void aListedGroupWithoutItsTalliesIsRefused() throws IOException {
        Path store = saveWeekly();
        editManifest(store, lines -> {
            lines.add(lines.indexOf("period=2025-W01"), "period=2024-W52");
            return lines;
        });
        assertCorrupt(store, store.resolve("scores.cxtally") + ": missing weighted tally period=2024-W52|nps");
    }

    @Test
    void aTallyOfNoListedGroupIsRefused() throws IOException {
        Path store = saveWeekly();
        editManifest(store, lines -> {
            lines.remove("period=2025-W02");
            lines.removeIf(l -> l.startsWith("segment-period=") && l.contains(" 2025-W02 ")
                    || l.startsWith("operation=period=2025-W02 ") || l.contains("|period=2025-W02 "));
            return lines;
        });
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("cxmetrics: " + store.resolve("scores.cxtally") + ": tally ")
                .endsWith(" belongs to no listed group and metric\n");
    }

    @Test
    void invalidValuesNameTheirLine() throws IOException {
        Path store = saveWeekly();
        Path manifest = store.resolve("report.cxreport");
        editManifest(store, lines -> {
            for (int i = 0; i < lines.size(); i++) {
                lines.set(i, lines.get(i).replace("--by week", "--by fortnight"));
            }
            return lines;
        });
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("cxmetrics: " + manifest + ", line ")
                .contains(": invalid grouping: --by must be one of day|week|month|quarter|year, got \"fortnight\"");
    }

    @Test
    void aCorruptHistogramIsRefusedWithItsLine() throws IOException {
        Path store = saveWeekly();
        Path manifest = store.resolve("report.cxreport");
        editManifest(store, lines -> {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("operation=overall response ")) {
                    lines.set(i, lines.get(i).replaceFirst(" n=([0-9]+) ", " n=7 "));
                }
            }
            return lines;
        });
        MainTest.Run r = MainTest.run("report", "--from-tallies", store.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("cxmetrics: " + manifest + ", line ")
                .contains(": invalid response histogram: Invalid histogram line (n must be zero + the sum of the counts");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void unknownLinesAndRepeatedSettingsAreRefused() throws IOException {
        Path store = saveWeekly();
        Path manifest = store.resolve("report.cxreport");
        editManifest(store, lines -> {
            lines.add(3, "colour=blue");
            return lines;
        });
        assertCorrupt(store, manifest + ", line 4: unknown line (expected name=value with a known name): "
                + "\"colour=blue\"");
        saveWeekly();
        editManifest(store, lines -> {
            lines.add(3, "rows=1");
            return lines;
        });
        assertCorrupt(store, manifest + ", line 4: rows given twice (first on line 3)");
    }
}
