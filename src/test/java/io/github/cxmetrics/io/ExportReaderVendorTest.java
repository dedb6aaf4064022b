package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Real exports (src/test/resources/exports, see its README for sources and licences) and replicas
 * of each vendor's layout. Expected values are listed by hand beside each file, never computed by
 * the reader.
 */
class ExportReaderVendorTest {
    private static final Path EXPORTS = Path.of("src/test/resources/exports");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** Reads every row and tallies one scale's scores by month (UTC) of submittedAt. */
    private static Map<YearMonth, List<Integer>> byMonth(ExportReader export, Scale scale) throws IOException {
        Map<YearMonth, List<Integer>> months = new TreeMap<>();
        while (export.next()) {
            ExportRow row = export.row();
            OptionalInt score = row.score(scale);
            if (score.isPresent()) {
                YearMonth month = YearMonth.from(row.submittedAt().orElseThrow().atOffset(ZoneOffset.UTC));
                months.computeIfAbsent(month, m -> new ArrayList<>()).add(score.getAsInt());
            }
        }
        return months;
    }

    /** NPS by hand: % of 9–10 minus % of 0–6. */
    private static double nps(List<Integer> scores) {
        long promoters = scores.stream().filter(s -> s >= 9).count();
        long detractors = scores.stream().filter(s -> s <= 6).count();
        return 100.0 * (promoters - detractors) / scores.size();
    }

    @Test
    void realQualtricsExportOfQualtRics() throws IOException {
        try (ExportReader export = ExportReader.open(EXPORTS.resolve("qualtrics-qualtRics-sample.csv"),
                ExportReader.Options.defaults().withColumn("csat", "q1"))) {
            ExportLayout layout = export.layout();
            assertThat(layout.format()).isEqualTo(ExportFormat.QUALTRICS);
            assertThat(layout.headerRows()).isEqualTo(3);
            assertThat(layout.delimiter()).isEqualTo(',');
            assertThat(layout.encoding()).isEqualTo("UTF-8");
            assertThat(layout.timestampColumn()).contains("RecordedDate");
            assertThat(layout.timestampFormat()).contains("ISO-8601");
            assertThat(layout.scoreColumns()).containsEntry("CSAT", "Q1");
            assertThat(export.next()).isTrue();
            ExportRow row = export.row();
            // the file's line 4: RecordedDate 2017-07-18 08:28:48, no timeZone in this export -> UTC
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.submittedAt()).contains(Instant.parse("2017-07-18T08:28:48Z"));
            assertThat(row.score(CsatScale.FIVE_POINT)).hasValue(2);
            assertThat(row.cell("q2")).isEqualTo("Hello World!");
            assertThat(export.next()).isFalse();
            assertThat(export.excluded()).isEmpty();
        }
    }

    @Test
    void realLegacyQualtricsExportOfQualtRics() throws IOException {
        try (ExportReader export = ExportReader.open(EXPORTS.resolve("qualtrics-legacy-qualtRics-sample_legacy.csv"),
                ExportReader.Options.defaults().withColumn("CSAT", "Q1"))) {
            ExportLayout layout = export.layout();
            assertThat(layout.format()).isEqualTo(ExportFormat.QUALTRICS_LEGACY);
            assertThat(layout.headerRows()).isEqualTo(2);
            assertThat(layout.columns()).startsWith("ResponseID", "ResponseSet", "Name", "ExternalDataReference",
                    "EmailAddress", "IPAddress", "Status", "StartDate", "EndDate", "Finished", "Q1", "Q2");
            assertThat(layout.timestampColumn()).contains("EndDate");
            assertThat(export.next()).isTrue();
            assertThat(export.row().line()).isEqualTo(3);
            assertThat(export.row().submittedAt()).contains(Instant.parse("2017-07-18T08:28:48Z"));
            assertThat(export.row().score(CsatScale.FIVE_POINT)).hasValue(2);
            assertThat(export.next()).isFalse();
        }
    }

    @Test
    void qualtricsReplicaWithTimeZoneNpsGroupAndHygiene() throws IOException {
        String csv = ExportReplicas.QUALTRICS;
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8), ExportReader.Options.defaults())) {
            assertThat(export.layout().format()).isEqualTo(ExportFormat.QUALTRICS);
            assertThat(export.layout().scoreColumns()).containsEntry("NPS", "Q1");
            assertThat(export.layout().timestampZone().getId()).isEqualTo("Europe/Amsterdam");
            Map<YearMonth, List<Integer>> months = byMonth(export, NpsScale.STANDARD);
            // by hand: January {10, 6} -> NPS 0; February {9, 8} -> NPS 50 (preview, spam, unfinished excluded)
            assertThat(months).containsExactly(Map.entry(YearMonth.of(2025, 1), List.of(10, 6)),
                    Map.entry(YearMonth.of(2025, 2), List.of(9, 8)));
            assertThat(nps(months.get(YearMonth.of(2025, 1)))).isEqualTo(0.0);
            assertThat(nps(months.get(YearMonth.of(2025, 2)))).isEqualTo(50.0);
            assertThat(export.excluded()).containsExactly(Map.entry("preview, test or spam", 2L), Map.entry("unfinished", 1L));
        }
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withIncludeUnfinished(true))) {
            // the unfinished 0 joins February: {0, 9, 8}
            assertThat(byMonth(export, NpsScale.STANDARD).get(YearMonth.of(2025, 2))).containsExactly(0, 9, 8);
            assertThat(export.excluded()).containsExactly(Map.entry("preview, test or spam", 2L));
        }
    }

    @Test
    void surveyMonkeyReplica() throws IOException {
        String csv = "Respondent ID,Collector ID,Start Date,End Date,IP Address,How satisfied were you with our support?,"
                + "Which channels did you use?,,How likely are you to recommend us?,Comments\n"
                + ",,,,,Response,Phone,E-mail,Response,Open-Ended Response\n"
                + "114,431,03/31/2024 11:02:00 PM,03/31/2024 11:05:10 PM,1.2.3.4,Very satisfied,Phone,,10 - Extremely likely,great\n"
                + "115,431,04/02/2024 09:00:00 AM,04/02/2024 09:03:00 AM,1.2.3.4,Neutral,,E-mail,7,\n"
                + "116,431,04/13/2024 09:00:00 AM,04/13/2024 09:03:00 AM,1.2.3.4,dissatisfied,Phone,E-mail,0 - Not at all likely,\n"
                + "117,431,04/20/2024 09:00:00 AM,04/20/2024 09:03:00 AM,1.2.3.4,,Phone,,,\n";
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withColumn("CSAT", "How satisfied were you with our support?")
                        .withColumn("NPS", "how likely are you to recommend us?"))) {
            ExportLayout layout = export.layout();
            assertThat(layout.format()).isEqualTo(ExportFormat.SURVEYMONKEY);
            assertThat(layout.columns()).containsExactly("Respondent ID", "Collector ID", "Start Date", "End Date",
                    "IP Address", "How satisfied were you with our support?", "Which channels did you use? - Phone",
                    "Which channels did you use? - E-mail", "How likely are you to recommend us?", "Comments");
            assertThat(layout.timestampColumn()).contains("End Date");
            assertThat(layout.timestampFormat()).contains("M/d/yyyy [H:mm[:ss]]");
            List<Integer> csat = new ArrayList<>();
            List<Integer> npsScores = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            while (export.next()) {
                export.row().score(CsatScale.FIVE_POINT).ifPresent(csat::add);
                export.row().score(NpsScale.STANDARD).ifPresent(npsScores::add);
                times.add(export.row().submittedAt().orElseThrow());
            }
            // by hand: Very satisfied 5, Neutral 3, dissatisfied 2, blank; 10, 7, 0, blank
            assertThat(csat).containsExactly(5, 3, 2);
            assertThat(npsScores).containsExactly(10, 7, 0);
            assertThat(times.get(0)).isEqualTo(Instant.parse("2024-03-31T23:05:10Z"));
            assertThat(times.get(2)).isEqualTo(Instant.parse("2024-04-13T09:03:00Z"));
        }
    }

    @Test
    void googleFormsDownloadReplica() throws IOException {
        String csv = "Timestamp,How likely are you to recommend us to a friend?,Anything else?\n"
                + "2024/01/05 10:22:13 AM GMT+1,10 - Extremely likely,\n"
                + "2024/01/31 11:30:00 PM GMT+1,9,\"yes, a lot\"\n"
                + "2024/02/01 12:30:00 AM GMT+1,0 (Not at all likely),\n"
                + "2024/02/02 1:00:00 PM GMT+1,N/A,\n";
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withColumn("NPS", "How likely are you to recommend us to a friend?"))) {
            assertThat(export.layout().timestampFormat()).contains("yyyy/M/d h:mm:ss a [GMT+H]");
            Map<YearMonth, List<Integer>> months = byMonth(export, NpsScale.STANDARD);
            // 2024/02/01 12:30 AM GMT+1 is 2024-01-31T23:30Z: January {10, 9, 0}, NPS 33.3; February none (N/A)
            assertThat(months).containsExactly(Map.entry(YearMonth.of(2024, 1), List.of(10, 9, 0)));
            assertThat(nps(months.get(YearMonth.of(2024, 1)))).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void typeformSavedByDutchExcelInWindows1252() throws IOException {
        String csv = "sep=;\r\n#;Hoe tevreden bent u?;Opmerking;Minuten;Submit Date (UTC)\r\n"
                + "a1;Zeer tevreden;prima geholpen, dank je;34,0;5-1-2024 10:22\r\n"
                + "a2;Ontevreden;te lang gewacht \u2013 café dicht;12,5;13-1-2024 09:00\r\n"
                + "a3;Neutraal;;-;1-2-2024 17:45\r\n";
        try (ExportReader export = ExportReader.of(csv.getBytes(CP1252),
                ExportReader.Options.defaults().withColumn("csat", "Hoe tevreden bent u?"))) {
            ExportLayout layout = export.layout();
            assertThat(layout.excelSepLine()).isTrue();
            assertThat(layout.delimiter()).isEqualTo(';');
            assertThat(layout.encoding()).isEqualTo("windows-1252");
            assertThat(layout.notes()).singleElement().asString().contains("not valid UTF-8");
            assertThat(layout.timestampFormat()).contains("d-M-yyyy [H:mm[:ss]]");
            assertThat(layout.timestampZone()).isEqualTo(ZoneOffset.UTC);
            List<Object> read = new ArrayList<>();
            while (export.next()) {
                ExportRow row = export.row();
                read.add(row.score(CsatScale.FIVE_POINT).getAsInt());
                read.add(row.decimal("minuten"));
                read.add(row.submittedAt().orElseThrow());
                read.add(row.cell("Opmerking"));
            }
            // by hand: Zeer tevreden 5, Ontevreden 2, Neutraal 3; 34,0 -> 34.0; 5-1-2024 is 5 January
            assertThat(read).containsExactly(
                    5, java.util.OptionalDouble.of(34.0), Instant.parse("2024-01-05T10:22:00Z"), "prima geholpen, dank je",
                    2, java.util.OptionalDouble.of(12.5), Instant.parse("2024-01-13T09:00:00Z"), "te lang gewacht \u2013 café dicht",
                    3, java.util.OptionalDouble.empty(), Instant.parse("2024-02-01T17:45:00Z"), "");
        }
    }

    @Test
    void excelUnicodeTextIsUtf16WithTabs() throws IOException {
        String text = "\uFEFFid\tNPS_Score\tCSAT Score\tCES\tcreated_at\r\n"
                + "1\t9\t5\t6\t2023-03-01T10:00:00+01:00\r\n"
                + "2\t3\t4\tNA\t2023-03-02T10:00:00+01:00\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            try (ExportReader export = ExportReader.of(text.getBytes(charset), ExportReader.Options.defaults())) {
                assertThat(export.layout().encoding()).isEqualTo(charset.name() + " (BOM)");
                assertThat(export.layout().delimiter()).isEqualTo('\t');
                assertThat(export.layout().scoreColumns()).containsExactly(Map.entry("CES", "CES"),
                        Map.entry("CSAT", "CSAT Score"), Map.entry("NPS", "NPS_Score"));
                assertThat(export.next()).isTrue();
                assertThat(export.row().score(NpsScale.STANDARD)).hasValue(9);
                assertThat(export.row().score(CesScale.AGREEMENT_7)).hasValue(6);
                assertThat(export.row().submittedAt()).contains(Instant.parse("2023-03-01T09:00:00Z"));
                assertThat(export.next()).isTrue();
                assertThat(export.row().score(CsatScale.FIVE_POINT)).hasValue(4);
                assertThat(export.row().score(CesScale.AGREEMENT_7)).isEmpty();
                assertThat(export.next()).isFalse();
            }
        }
    }

    @Test
    void zendeskGoodBadIsATwoPointCsat() throws IOException {
        String csv = "id,created_at,satisfaction_rating,satisfaction_comment\n"
                + "1,2024-05-01T08:00:00Z,good,\n2,2024-05-02T08:00:00Z,bad,late\n3,2024-05-03T08:00:00Z,offered,\n"
                + "4,2024-05-04T08:00:00Z,unoffered,\n5,2024-06-01T08:00:00Z,Good,\n";
        CsatScale goodBad = CsatScale.of(1, 2);
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withColumn("CSAT", "satisfaction_rating"))) {
            // by hand: May {good 2, bad 1}, June {good 2}; offered/unoffered not answered
            assertThat(byMonth(export, goodBad)).containsExactly(Map.entry(YearMonth.of(2024, 5), List.of(2, 1)),
                    Map.entry(YearMonth.of(2024, 6), List.of(2)));
        }
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withColumn("CSAT", "satisfaction_rating"))) {
            export.next();
            assertThatThrownBy(() -> export.row().score(CsatScale.FIVE_POINT)).isInstanceOf(CsvValueException.class)
                    .hasMessage("line 2, column 3: unknown label (vocabulary in use: numbers, labels starting with the"
                            + " score, 5-point satisfaction and agreement (English, Dutch); map it with --labels"
                            + " 'COLUMN=Label=1,Other=2'): \"good\"");
        }
    }

    @Test
    void rWriteCsvWithRowNamesAndNa() throws IOException {
        String csv = "\"\",\"nps\",\"date\",\"weight\"\n\"1\",10,\"2023-01-05\",1.5\n\"2\",NA,\"2023-01-06\",NA\n"
                + "\"3\",4,\"2023-02-01\",0.5\n\"4\",8,NA,1\n";
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8), ExportReader.Options.defaults())) {
            assertThat(export.layout().timestampColumn()).contains("date");
            List<String> seen = new ArrayList<>();
            while (export.next()) {
                ExportRow row = export.row();
                seen.add(row.score(NpsScale.STANDARD) + " " + row.submittedAt() + " " + row.decimal("weight"));
            }
            assertThat(seen).containsExactly("OptionalInt[10] Optional[2023-01-05T00:00:00Z] OptionalDouble[1.5]",
                    "OptionalInt.empty Optional[2023-01-06T00:00:00Z] OptionalDouble.empty",
                    "OptionalInt[4] Optional[2023-02-01T00:00:00Z] OptionalDouble[0.5]",
                    "OptionalInt[8] Optional.empty OptionalDouble[1.0]");
        }
    }

    @Test
    void otherTimestampForms() throws IOException {
        assertThat(firstTime("Timestamp\n4/11/2026 12:33:18\n4/13/2026 08:00:00\n")).isEqualTo("2026-04-11T12:33:18Z");
        assertThat(firstTime("Timestamp\n5/16/2018 12:42\n")).isEqualTo("2018-05-16T12:42:00Z");
        assertThat(firstTime("date\n01/08/2023 11:13\n13/08/2023 11:13\n")).isEqualTo("2023-08-01T11:13:00Z");
        assertThat(firstTime("date\n05.01.2024 10:22\n")).isEqualTo("2024-01-05T10:22:00Z");
        assertThat(firstTime("date\n01-Aug-23\n")).isEqualTo("2023-08-01T00:00:00Z");
        assertThat(firstTime("date\n1700000000\n")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(firstTime("date\n1700000000123\n")).isEqualTo("2023-11-14T22:13:20.123Z");
        assertThat(firstTime("End Date (UTC)\n2024-01-05 10:00\n")).isEqualTo("2024-01-05T10:00:00Z");
    }

    private static String firstTime(String csv) throws IOException {
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withTimestampColumn(csv.substring(0, csv.indexOf('\n'))))) {
            export.next();
            return export.row().submittedAt().orElseThrow().toString();
        }
    }

    @Test
    void ambiguousDayMonthOrderIsAnErrorShowingBothReadings() {
        String csv = "Timestamp,nps\n01/08/2023 11:13,9\n02/09/2023 11:13,9\n";
        assertThatThrownBy(() -> ExportReader.of(csv.getBytes(StandardCharsets.UTF_8), ExportReader.Options.defaults()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 2, column 1: ambiguous timestamps in column \"Timestamp\": every value reads both day"
                        + " first and month first, e.g. \"01/08/2023 11:13\" is 2023-08-01T11:13 (day first) or"
                        + " 2023-01-08T11:13 (month first); choose with --timestamp-format PATTERN (d/M/yyyy H:mm or M/d/yyyy H:mm)");
        // the option decides
        assertThat(Optional.of(1)).isPresent();
    }

    @Test
    void explicitTimestampPatternResolvesTheAmbiguity() throws IOException {
        String csv = "Timestamp,nps\n01/08/2023 11:13,9\n";
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withTimestampFormat("dd/MM/yyyy HH:mm").withZone(ZoneOffset.ofHours(2)))) {
            export.next();
            assertThat(export.row().submittedAt()).contains(Instant.parse("2023-08-01T09:13:00Z"));
        }
    }

    @Test
    void missingChosenColumnSaysDidYouMean() {
        String csv = "id,Satisfaction,submitted_at\n1,5,2024-01-01T00:00:00Z\n";
        assertThatThrownBy(() -> ExportReader.of(csv.getBytes(StandardCharsets.UTF_8),
                ExportReader.Options.defaults().withColumn("csat", "Sat")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing required column \"Sat\" for CSAT (--column csat=NAME) in header [id, Satisfaction, submitted_at]; did you mean \"Satisfaction\"?");
    }

    @Test
    void duplicateNameIsAnErrorOnlyForAColumnThatIsRead() throws IOException {
        String unread = "nps,comment,comment,submitted_at\n9,a,b,2024-01-01T00:00:00Z\n";
        try (ExportReader export = ExportReader.of(unread.getBytes(StandardCharsets.UTF_8), ExportReader.Options.defaults())) {
            export.next();
            assertThat(export.row().score(NpsScale.STANDARD)).hasValue(9);
        }
        String read = "NPS,comment, nps ,submitted_at\n9,a,8,2024-01-01T00:00:00Z\n";
        assertThatThrownBy(() -> ExportReader.of(read.getBytes(StandardCharsets.UTF_8), ExportReader.Options.defaults()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 1, column 3: duplicate column name \"nps\" (columns 1 and 3)");
    }

    @Test
    void undefinedBytesStopNothingOutsideTheColumnsRead() throws IOException {
        byte[] bytes = concat("nps,comment,submitted_at\n9,caf".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9, ' ', (byte) 0x81, (byte) 0x9D},
                ",2024-01-01T00:00:00Z\n1\u00e9,x,2024-01-02T00:00:00Z\n".getBytes(CP1252));
        try (ExportReader export = ExportReader.of(bytes, ExportReader.Options.defaults())) {
            assertThat(export.layout().encoding()).isEqualTo("windows-1252");
            assertThat(export.next()).isTrue();
            assertThat(export.row().score(NpsScale.STANDARD)).hasValue(9);
            assertThat(export.row().cell(1)).isEqualTo("café \uFFFD\uFFFD");
            assertThat(export.next()).isTrue();
            assertThatThrownBy(() -> export.row().score(NpsScale.STANDARD)).isInstanceOf(CsvValueException.class)
                    .hasMessageStartingWith("line 3, column 1: unknown label");
        }
        byte[] undefinedInScore = concat("nps,submitted_at\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'9', (byte) 0x81}, ",2024-01-01T00:00:00Z\n".getBytes(StandardCharsets.US_ASCII));
        try (ExportReader export = ExportReader.of(undefinedInScore, ExportReader.Options.defaults())) {
            export.next();
            assertThatThrownBy(() -> export.row().score(NpsScale.STANDARD)).isInstanceOf(CsvValueException.class)
                    .hasMessage("line 2, column 1: bytes not valid in the encoding windows-1252 (choose the encoding with --encoding): \"9\uFFFD\"");
        }
    }

    @Test
    void explicitEncodingOverridesDetection() throws IOException {
        byte[] bytes = "csat,opmerking,submitted_at\n5,caf\u00e9,2024-01-01T00:00:00Z\n".getBytes(StandardCharsets.ISO_8859_1);
        try (ExportReader export = ExportReader.of(bytes, ExportReader.Options.defaults().withEncoding(StandardCharsets.ISO_8859_1))) {
            assertThat(export.layout().encoding()).isEqualTo("ISO-8859-1");
            assertThat(export.layout().notes()).isEmpty();
            export.next();
            assertThat(export.row().cell("opmerking")).isEqualTo("caf\u00e9");
        }
        try (ExportReader export = ExportReader.of(bytes, ExportReader.Options.defaults().withEncoding(StandardCharsets.UTF_8))) {
            export.next();
            assertThat(export.row().cell("opmerking")).isEqualTo("caf\uFFFD");
            assertThat(export.row().score(CsatScale.FIVE_POINT)).hasValue(5);
        }
    }

    @Test
    void labelMappingsAndSkipRows() throws IOException {
        String csv = "id,Effort, easy or not,submitted_at\nunits,,\n1,Heel makkelijk,2024-01-01T00:00:00Z\n2,Best=moeilijk,2024-01-02T00:00:00Z\n";
        LabelMapping mapping = LabelMapping.parse("Effort, easy or not=Heel makkelijk=7,Best=moeilijk=2");
        assertThat(mapping.column()).isEqualTo("Effort, easy or not");
        assertThat(mapping.scores()).containsExactly(Map.entry("Heel makkelijk", 7), Map.entry("Best=moeilijk", 2));
        assertThat(LabelMapping.parse(mapping.toString())).isEqualTo(mapping);
        String quoted = csv.replace("Effort, easy or not", "\"Effort, easy or not\"");
        try (ExportReader export = ExportReader.of(quoted.getBytes(StandardCharsets.UTF_8), ExportReader.Options.defaults()
                .withSkipRows(1).withLabels(mapping).withColumn("CES", "effort, easy or not"))) {
            assertThat(export.layout().skippedRows()).isEqualTo(1);
            List<Integer> scores = new ArrayList<>();
            while (export.next()) {
                scores.add(export.row().score(CesScale.AGREEMENT_7).getAsInt());
            }
            assertThat(scores).containsExactly(7, 2);
        }
        assertThatThrownBy(() -> LabelMapping.parse("Effort")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid label mapping (valid: COLUMN=Label=1,Other=2): Effort");
        assertThatThrownBy(() -> LabelMapping.parse("Effort=Easy=x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreementVocabulariesApplyOnlyToTheirScaleLength() throws IOException {
        String csv = "ces,csat,submitted_at\nSomewhat agree,Helemaal mee eens,2024-01-01T00:00:00Z\n";
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8), ExportReader.Options.defaults())) {
            export.next();
            assertThat(export.row().score(CesScale.AGREEMENT_7)).hasValue(5);
            assertThat(export.row().score(CsatScale.FIVE_POINT)).hasValue(5);
            assertThatThrownBy(() -> export.row().score(CsatScale.of(1, 7))).isInstanceOf(CsvValueException.class)
                    .hasMessageContaining("unknown label");
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
