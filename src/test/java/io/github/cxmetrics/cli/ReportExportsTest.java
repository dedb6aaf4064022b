package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxmetrics report} on exports as downloaded: the real Qualtrics files of
 * src/test/resources/exports (sources and licences in its README) and replicas of each vendor's
 * layout (as in {@code ExportReaderVendorTest}), reported by month. Every expected number is
 * worked out by hand from the few rows beside it, never taken from the code under test.
 */
class ReportExportsTest {
    private static final Path EXPORTS = Path.of("src/test/resources/exports");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static JsonNode report(Path file, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("report", file.toString(), "--format", "json"));
        args.addAll(List.of(options));
        MainTest.Run r = MainTest.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r.json();
    }

    /** Each period's n and score of a metric, as {@code "2025-01" -> [n, score]}. */
    private static Map<String, List<Double>> byPeriod(JsonNode report, String metric) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (JsonNode p : report.get("trend")) {
            JsonNode m = p.get("metrics").get(metric);
            out.put(p.get("period").asText(), List.of(m.get("n").asDouble(), m.get("score").asDouble()));
        }
        return out;
    }

    @Test
    void realQualtricsExport() throws IOException {
        JsonNode j = report(EXPORTS.resolve("qualtrics-qualtRics-sample.csv"), "--column", "csat=q1", "--by", "month");
        JsonNode in = j.get("input");
        assertThat(in.get("format").asText()).isEqualTo("qualtrics");
        assertThat(in.get("headerRows").asInt()).isEqualTo(3);
        assertThat(in.get("timestampColumn").asText()).isEqualTo("RecordedDate");
        assertThat(in.get("columns").get("csat").asText()).isEqualTo("Q1");
        // one response, recorded 2017-07-18 08:28:48 (UTC), Q1 = 2: not satisfied
        assertThat(in.get("rows").asLong()).isEqualTo(1);
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2017-07", List.of(1.0, 0.0)));
        assertThat(j.at("/overall/csat/mean").asDouble()).isEqualTo(2.0);
    }

    @Test
    void realLegacyQualtricsExport() throws IOException {
        JsonNode j = report(EXPORTS.resolve("qualtrics-legacy-qualtRics-sample_legacy.csv"), "--column", "csat=Q1",
                "--by", "month");
        assertThat(j.at("/input/format").asText()).isEqualTo("qualtrics-legacy");
        assertThat(j.at("/input/timestampColumn").asText()).isEqualTo("EndDate");
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2017-07", List.of(1.0, 0.0)));
    }


    @Test
    void qualtricsTimeZoneNpsGroupAndExclusions() throws IOException {
        Path p = file("qualtrics.csv", io.github.cxmetrics.io.ExportReplicas.QUALTRICS.getBytes(StandardCharsets.UTF_8));
        JsonNode j = report(p, "--by", "month");
        // recorded in Amsterdam: 2025-02-01 00:30 there is 2025-01-31 23:30 UTC, so January {10, 6} = 0;
        // February {9, 8} = 50; two previews/spam and one unfinished response excluded, not rows
        assertThat(j.at("/input/columns/nps").asText()).isEqualTo("Q1");
        assertThat(j.at("/input/rows").asLong()).isEqualTo(4);
        assertThat(j.at("/input/excluded/preview, test or spam").asLong()).isEqualTo(2);
        assertThat(j.at("/input/excluded/unfinished").asLong()).isEqualTo(1);
        assertThat(byPeriod(j, "nps")).containsExactly(Map.entry("2025-01", List.of(2.0, 0.0)),
                Map.entry("2025-02", List.of(2.0, 50.0)));
        // with the unfinished 0: February {0, 9, 8} = (1 - 1) / 3 = 0
        JsonNode all = report(p, "--by", "month", "--include-unfinished");
        assertThat(byPeriod(all, "nps").get("2025-02")).containsExactly(3.0, 0.0);
        assertThat(all.at("/input/excluded/unfinished").isMissingNode()).isTrue();
        // periods in the report's zone: in Amsterdam the second response is in February {6, 9, 8} = 0
        JsonNode amsterdam = report(p, "--by", "month", "--zone", "Europe/Amsterdam");
        assertThat(byPeriod(amsterdam, "nps")).containsExactly(Map.entry("2025-01", List.of(1.0, 100.0)),
                Map.entry("2025-02", List.of(3.0, 0.0)));
    }

    @Test
    void surveyMonkeyTwoHeaderRowsAndLabels() throws IOException {
        String csv = "Respondent ID,Collector ID,Start Date,End Date,IP Address,How satisfied were you with our support?,"
                + "Which channels did you use?,,How likely are you to recommend us?\n"
                + ",,,,,Response,Phone,E-mail,Response\n"
                + "111,431,03/30/2024 10:00:00 AM,03/30/2024 10:05:10 AM,1.2.3.4,Very satisfied,Phone,,10 - Extremely likely\n"
                + "112,431,03/31/2024 11:02:00 PM,03/31/2024 11:05:10 PM,1.2.3.4,Neutral,,E-mail,7\n"
                + "113,431,04/02/2024 09:00:00 AM,04/02/2024 09:03:00 AM,1.2.3.4,dissatisfied,Phone,E-mail,0 - Not at all likely\n"
                + "114,431,04/13/2024 09:00:00 AM,04/13/2024 09:03:00 AM,1.2.3.4,,Phone,,9\n";
        Path p = file("surveymonkey.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode j = report(p, "--column", "csat=How satisfied were you with our support?", "--column",
                "nps=How likely are you to recommend us?", "--by", "month", "--segment",
                "Which channels did you use? - Phone");
        assertThat(j.at("/input/format").asText()).isEqualTo("surveymonkey");
        assertThat(j.at("/input/headerRows").asInt()).isEqualTo(2);
        assertThat(j.at("/input/timestampColumn").asText()).isEqualTo("End Date");
        // March: CSAT {5, 3} = 50 %, NPS {10, 7} = 50; April: CSAT {2} (one not answered) = 0 %, NPS {0, 9} = 0
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2024-03", List.of(2.0, 50.0)),
                Map.entry("2024-04", List.of(1.0, 0.0)));
        assertThat(byPeriod(j, "nps")).containsExactly(Map.entry("2024-03", List.of(2.0, 50.0)),
                Map.entry("2024-04", List.of(2.0, 0.0)));
        assertThat(j.at("/input/rows").asLong()).isEqualTo(4);
    }

    @Test
    void googleFormsTimestampsAndMissingMarkers() throws IOException {
        String csv = "Timestamp,How likely are you to recommend us?,Comments\n"
                + "2024/01/05 10:22:13 AM GMT+1,10 - Extremely likely,\n"
                + "2024/01/31 11:30:00 PM GMT+1,9,\"great, thanks\"\n"
                + "2024/02/01 12:30:00 AM GMT+1,0 (Not at all likely),\n"
                + "2024/02/02 9:00:00 AM GMT+1,N/A,\n"
                + "2024/02/03 9:00:00 AM GMT+1,6,\n";
        Path p = file("google.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode j = report(p, "--column", "nps=How likely are you to recommend us?", "--by", "month");
        assertThat(j.at("/input/timestampColumn").asText()).isEqualTo("Timestamp");
        // 2024/02/01 00:30 GMT+1 is 2024-01-31 23:30 UTC: January {10, 9, 0} = 33.3; February {6} = -100 (N/A not counted)
        assertThat(byPeriod(j, "nps")).containsExactly(Map.entry("2024-01", List.of(3.0, 100.0 / 3)),
                Map.entry("2024-02", List.of(1.0, -100.0)));
        // N/A as a score only when --na leaves it out of the markers: then a bad row
        MainTest.Run r = MainTest.run("report", p.toString(), "--column", "nps=How likely are you to recommend us?",
                "--na", "NA");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("cxmetrics: line 5, column How likely are you to recommend us?: \"N/A\" is not "
                + "on the NPS scale 0..10 nor a known label");
    }

    @Test
    void dutchExcelWithSepLineWindows1252DayFirstAndDecimalCommas() throws IOException {
        String csv = "sep=;\r\nSubmit Date (UTC);Hoe tevreden bent u?;Wachttijd;Opmerking\r\n"
                + "5-1-2024 10:22;Zeer tevreden;34,0;prima\r\n"
                + "13-1-2024 9:00;Ontevreden;12,5;te lang gewacht \u2013 caf\u00e9 dicht\r\n"
                + "1-2-2024 17:45;Neutraal;-;\r\n";
        Path p = file("typeform-excel.csv", csv.getBytes(CP1252));
        JsonNode j = report(p, "--column", "csat=Hoe tevreden bent u?", "--column", "response=Wachttijd", "--by",
                "month");
        JsonNode in = j.get("input");
        assertThat(in.get("encoding").asText()).isEqualTo("windows-1252");
        assertThat(in.get("delimiter").asText()).isEqualTo(";");
        assertThat(in.get("excelSepLine").asBoolean()).isTrue();
        assertThat(in.get("timestampFormat").asText()).startsWith("d-M-yyyy");
        assertThat(in.get("notes").get(0).asText()).startsWith("not valid UTF-8");
        // January CSAT {5, 2} = 50 %, February {3} = 0 %; minutes 34.0 and 12.5 ("-" not answered): mean 23.25
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2024-01", List.of(2.0, 50.0)),
                Map.entry("2024-02", List.of(1.0, 0.0)));
        assertThat(j.at("/overall/responseTime/n").asLong()).isEqualTo(2);
        assertThat(j.at("/overall/responseTime/mean").asDouble()).isEqualTo(23.25);
    }

    @Test
    void excelUnicodeTextUtf16WithTabs() throws IOException {
        String text = "created_at\tNPS_Score\tCSAT Score\tCES\r\n"
                + "2024-03-01T10:00:00Z\t9\t5\t6\r\n"
                + "2024-03-02T10:00:00Z\t3\t4\tNA\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        JsonNode j = report(file("unicode.txt", bytes), "--by", "month");
        assertThat(j.at("/input/encoding").asText()).isEqualTo("UTF-16LE (BOM)");
        assertThat(j.at("/input/delimiter").asText()).isEqualTo("\t");
        assertThat(j.at("/input/columns/nps").asText()).isEqualTo("NPS_Score");
        // NPS {9, 3} = 0; CSAT {5, 4} = 100 %; CES {6} (NA not answered)
        assertThat(byPeriod(j, "nps")).containsExactly(Map.entry("2024-03", List.of(2.0, 0.0)));
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2024-03", List.of(2.0, 100.0)));
        assertThat(j.at("/overall/ces/n").asLong()).isEqualTo(1);
    }

    @Test
    void zendeskGoodBad() throws IOException {
        String csv = "id,created_at,satisfaction_rating\n"
                + "1,2024-05-02T08:00:00Z,good\n2,2024-05-03T08:00:00Z,bad\n3,2024-05-04T08:00:00Z,offered\n"
                + "4,2024-06-01T08:00:00Z,Good\n5,2024-06-02T08:00:00Z,unoffered\n";
        Path p = file("zendesk.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode j = report(p, "--column", "csat=satisfaction_rating", "--csat-scale", "good-bad", "--by", "month");
        // May {good, bad} = 50 % satisfied, June {good} = 100 %; offered/unoffered are not answered
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2024-05", List.of(2.0, 50.0)),
                Map.entry("2024-06", List.of(1.0, 100.0)));
        // on the default 1-5 scale "good" is an unknown label, not a silent score
        MainTest.Run r = MainTest.run("report", p.toString(), "--column", "csat=satisfaction_rating");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("\"good\" is not on the CSAT scale 1..5 nor a known label");
    }

    @Test
    void rWriteCsvWithRowNamesAndNa() throws IOException {
        String csv = "\"\",\"nps\",\"date\"\n\"1\",10,\"2023-01-05\"\n\"2\",NA,\"2023-01-06\"\n\"3\",4,\"2023-02-01\"\n"
                + "\"4\",8,\"2023-02-09\"\n";
        JsonNode j = report(file("r.csv", csv.getBytes(StandardCharsets.UTF_8)), "--by", "month");
        // January {10} (NA not answered) = 100; February {4, 8} = -50
        assertThat(byPeriod(j, "nps")).containsExactly(Map.entry("2023-01", List.of(1.0, 100.0)),
                Map.entry("2023-02", List.of(2.0, -50.0)));
        assertThat(j.at("/input/rejectedRows").asLong()).isZero();
    }

    @Test
    void labelsSkipRowsTimestampFormatAndColumnErrors() throws IOException {
        String csv = "id,when,Rating,channel,channel\n"
                + "units,,,,\n"
                + "1,01/02/2024 10:00,Super,phone,x\n"
                + "2,03/02/2024 10:00,Meh,mail,y\n"
                + "3,04/03/2024 10:00,5,mail,z\n";
        Path p = file("own.csv", csv.getBytes(StandardCharsets.UTF_8));
        // every date reads both ways: the report asks for a pattern
        MainTest.Run ambiguous = MainTest.run("report", p.toString(), "--column", "csat=Rating", "--skip-rows", "1",
                "--timestamp", "when", "--by", "month");
        assertThat(ambiguous.code()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("ambiguous timestamps in column \"when\"").contains("--timestamp-format");
        JsonNode j = report(p, "--column", "csat=Rating", "--skip-rows", "1", "--timestamp", "when", "--by", "month",
                "--timestamp-format", "d/M/yyyy H:mm", "--labels", "Rating=Super=5,Meh=2");
        assertThat(j.at("/input/skippedRows").asInt()).isEqualTo(1);
        // day first: February {5, 2} = 50 %, March {5} = 100 %; the duplicated "channel" is never read
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2024-02", List.of(2.0, 50.0)),
                Map.entry("2024-03", List.of(1.0, 100.0)));
        // a duplicated column is an error once it is read
        MainTest.Run dup = MainTest.run("report", p.toString(), "--column", "csat=Rating", "--skip-rows", "1",
                "--labels", "Rating=Super=5,Meh=2", "--segment", "channel");
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains("duplicate column name \"channel\" (columns 4 and 5)");
        // a --column that names no column stops with the nearest name instead of dropping the metric
        MainTest.Run missing = MainTest.run("report", p.toString(), "--column", "csat=Ratng");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("cxmetrics: Missing required column \"Ratng\" for CSAT (--column csat=NAME)"
                + " in header [id, when, Rating, channel, channel]; did you mean \"Rating\"?\n");
    }

    @Test
    void blankLinesAreCountedAsExcludedNotRejected() throws IOException {
        // an export saved with an empty line in the middle and two at the end
        Path p = file("blank.csv", "id,nps,channel\r\n1,9,a\r\n\r\n2,10,b\r\n3,0,b\r\n\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        JsonNode j = report(p);
        assertThat(j.at("/input/rows").asLong()).isEqualTo(3);
        assertThat(j.at("/input/rejectedRows").asLong()).isZero();
        assertThat(j.at("/input/excluded/blank line").asLong()).isEqualTo(3);
        // by hand: {9, 10, 0}: two promoters, one detractor: (2 - 1) / 3 = 33.3
        assertThat(j.at("/overall/nps/score").asDouble()).isEqualTo(100.0 / 3);
    }

    @Test
    void realEventNpsAndSurveyMonkeyExportsThroughTheReport() throws IOException {
        // CarpentryCon 2020 (CC BY 4.0, see the exports README): Python's csv module counts 124
        // answers, 84 promoters, 33 passives, 7 detractors
        JsonNode nps = report(EXPORTS.resolve("event-nps-carpentrycon-2020.csv"));
        assertThat(nps.at("/overall/nps/n").asLong()).isEqualTo(124);
        assertThat(nps.at("/overall/nps/promoters").asLong()).isEqualTo(84);
        assertThat(nps.at("/overall/nps/detractors").asLong()).isEqualTo(7);
        assertThat(nps.at("/overall/nps/score").asDouble()).isEqualTo(100.0 * (84 - 7) / 124);
        // FiveThirtyEight's SurveyMonkey export (CC BY 4.0): its ambiguous M/d/yy dates are an error
        // that names the pattern, which then reads them
        Path sleeping = EXPORTS.resolve("surveymonkey-fivethirtyeight-sleeping-alone.csv");
        String together = "csat=To what extent do you agree with the following statement: \"sleeping in separate"
                + " beds helps us to stay together.\"";
        MainTest.Run ambiguous = MainTest.run("report", sleeping.toString(), "--skip-rows", "1", "--by", "month",
                "--column", together);
        assertThat(ambiguous.code()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("choose with --timestamp-format PATTERN (d/M/yy H:mm or M/d/yy H:mm)");
        JsonNode j = report(sleeping, "--skip-rows", "1", "--by", "month", "--column", together,
                "--timestamp-format", "M/d/yy H:mm");
        assertThat(j.at("/input/encoding").asText()).isEqualTo("windows-1252");
        assertThat(j.at("/input/rows").asLong()).isEqualTo(45);
        // Python csv on the raw file: 16 answers (9 neither, 3 strongly and 2 somewhat disagree, 1 somewhat
        // and 1 strongly agree), 2 of them agreeing (4 or 5): 12.5 %
        assertThat(byPeriod(j, "csat")).containsExactly(Map.entry("2014-07", List.of(16.0, 12.5)));
    }
}
