package io.github.cxmetrics.cli;

import java.util.List;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.survey.Dedup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operational KPIs (response time, first-contact resolution), KTO surveys and respondent
 * deduplication through the real {@code main}.
 *
 * <p>Provenance of the expected values: the counts are by hand from the CSVs written here or, for
 * {@code docs/examples/responses.csv}, with Python 3 (csv module, numpy 2.4.6); Wilson limits with
 * scipy 1.17.1 {@code stats.binomtest(x, n).proportion_ci(0.95, 'wilson')}; exact quantiles with
 * {@code numpy.median}/{@code numpy.quantile} (linear, Hyndman &amp; Fan 7); the KTO indices with
 * numpy from the rescaling and weights of docs/kto.md and {@code stats.t.ppf(0.975, n - 1)}.
 * Tolerances on interval limits are 1e-6 (percentage points or index points), loose enough for any
 * correct normal/t quantile implementation.
 */
class ReportOperationsTest {
    static final Path EXAMPLE = Path.of("docs/examples/responses.csv");

    @Test
    void exampleExportReportsResponseTimeAndFcrBesideTheScores() throws IOException {
        MainTest.Run r = MainTest.run("report", EXAMPLE.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode overall = r.json().get("overall");
        assertThat(overall.get("nps").get("n").asLong()).isEqualTo(2399);
        JsonNode rt = overall.get("responseTime");
        assertThat(rt.get("n").asLong()).isEqualTo(3000);
        // numpy: mean 121.33973333333334 (exact from exact sums)
        assertThat(rt.get("mean").asDouble()).isCloseTo(121.33973333333334, within(1e-9));
        // python: sum(m <= 120) = 2280 of 3000: the histogram counts the target share exactly
        assertThat(rt.get("target").asDouble()).isEqualTo(120.0);
        assertThat(rt.get("withinTargetCount").asLong()).isEqualTo(2280);
        assertThat(rt.get("withinTarget").asDouble()).isCloseTo(76.0, within(1e-12));
        // numpy.median 47.75, quantile(0.9) 284.08, quantile(0.95) 462.715: within 1 % relative error
        assertThat(rt.get("median").asDouble()).isCloseTo(47.75, within(0.01 * 47.75));
        assertThat(rt.get("p90").asDouble()).isCloseTo(284.08, within(0.01 * 284.08));
        assertThat(rt.get("p95").asDouble()).isCloseTo(462.715, within(0.01 * 462.715));
        JsonNode fcr = overall.get("firstContactResolution");
        assertThat(fcr.get("n").asLong()).isEqualTo(3000);
        assertThat(fcr.get("resolved").asLong()).isEqualTo(2134);
        assertThat(fcr.get("score").asDouble()).isCloseTo(71.13333333333334, within(1e-9));
        assertThat(fcr.get("lower").asDouble()).isCloseTo(69.48559861466977, within(1e-6));
        assertThat(fcr.get("upper").asDouble()).isCloseTo(72.72701537920643, within(1e-6));
    }

    @Test
    void exampleExportPerChannelWithAnotherTarget() throws IOException {
        JsonNode j = MainTest.run("report", EXAMPLE.toString(), "--segment", "channel", "--response-target", "90m",
                "--format", "json").json();
        assertThat(j.get("overall").get("responseTime").get("target").asDouble()).isEqualTo(90.0);
        // python: sum(m <= 90) = 2075 overall; email 92 of 596, chat 502 of 591
        assertThat(j.get("overall").get("responseTime").get("withinTargetCount").asLong()).isEqualTo(2075);
        for (JsonNode s : j.get("segments").get("channel")) {
            JsonNode m = s.get("metrics");
            switch (s.get("segment").asText()) {
                case "email" -> {
                    assertThat(m.get("responseTime").get("withinTargetCount").asLong()).isEqualTo(92);
                    assertThat(m.get("responseTime").get("n").asLong()).isEqualTo(596);
                    // numpy.median 252.85
                    assertThat(m.get("responseTime").get("median").asDouble()).isCloseTo(252.85, within(2.5285));
                    // 413 of 596 resolved; scipy Wilson
                    assertThat(m.get("firstContactResolution").get("resolved").asLong()).isEqualTo(413);
                    assertThat(m.get("firstContactResolution").get("lower").asDouble())
                            .isCloseTo(65.47832385373029, within(1e-6));
                    assertThat(m.get("firstContactResolution").get("upper").asDouble())
                            .isCloseTo(72.86514117654399, within(1e-6));
                }
                case "chat" -> {
                    assertThat(m.get("responseTime").get("withinTargetCount").asLong()).isEqualTo(502);
                    assertThat(m.get("firstContactResolution").get("resolved").asLong()).isEqualTo(433);
                    assertThat(m.get("firstContactResolution").get("lower").asDouble())
                            .isCloseTo(69.55565148257891, within(1e-6));
                }
                default -> assertThat(m.get("responseTime").get("n").asLong()).isPositive();
            }
        }
    }

    /** The five-question KTO of docs/kto.md's kinds, q1 double weight, everything required. */
    static final String SURVEY = String.join("\n",
            "# KTO helpdesk",
            "q1 csat 1-5 weight=2",
            "q2 csat 1-5",
            "q3 ces 1-7",
            "q4 ces 1-5-effort",
            "q5 nps 0-10",
            "");

    /**
     * Two ISO weeks. W10 (Mon 2025-03-03): five complete respondents and one without q2 (not
     * eligible); W11: four complete respondents and one row without KTO answers.
     */
    static final String KTO_CSV = String.join("\n",
            "id,submitted_at,nps,first_response_minutes,resolved_first_contact,q1,q2,q3,q4,q5",
            "r1,2025-03-03T09:00:00Z,9,30,true,5,4,6,2,9",
            "r2,2025-03-04T09:00:00Z,8,120,false,4,4,5,1,8",
            "r3,2025-03-05T09:00:00Z,8,121,yes,4,3,5,2,8",
            "r4,2025-03-06T09:00:00Z,10,45.5,1,5,5,7,1,10",
            "r5,2025-03-07T09:00:00Z,7,200,no,3,4,5,2,7",
            "r6,2025-03-08T09:00:00Z,7,,,4,,5,2,7",
            "r7,2025-03-10T09:00:00Z,9,60,true,4,4,6,2,9",
            "r8,2025-03-11T09:00:00Z,10,119.9,true,5,4,7,1,10",
            "r9,2025-03-12T09:00:00Z,6,240,0,3,3,4,3,6",
            "r10,2025-03-13T09:00:00Z,7,10,N,4,4,5,2,7",
            "r11,2025-03-14T09:00:00Z,10,5,Y,,,,,",
            "");

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void weeklyKtoIndexWithIntervalBesideNpsAndResponseTimeAgainstTwoHours(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "kto.csv", KTO_CSV);
        Path survey = write(dir, "kto.txt", SURVEY);
        MainTest.Run r = MainTest.run("report", csv.toString(), "--survey", survey.toString(), "--by", "week",
                "--response-target", "2h", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode overall = j.get("overall");
        // NPS: 9,8,8,10,7,7,9,10,6,7,10: 5 promoters, 5 passives, 1 detractor: (5 − 1)/11 = 36.36
        assertThat(overall.get("nps").get("score").asDouble()).isCloseTo(400.0 / 11, within(1e-9));
        JsonNode kto = overall.get("kto");
        assertThat(kto.get("respondents").asLong()).isEqualTo(10);
        assertThat(kto.get("eligibleRespondents").asLong()).isEqualTo(9);
        // numpy, respondent indices Σ w_q r_q with w = (2,1,1,1,1)/6 and r rescaled to 0–100:
        // mean 77.74691358024691, s/√9 = 5.071387764773264, t(0.975, 8) = 2.306004135204166
        index(kto.get("index"), 9, 77.74691358024691, 5.071387764773264, 66.05227242345595, 89.44155473703788);
        // every eligible respondent answered every question: the ACSI-style index equals the index
        assertThat(kto.get("acsiIndex").get("score").asDouble()).isCloseTo(77.74691358024691, within(1e-9));
        // net: Σ w_q (%top − %bottom): q1 (7−0)/9, q2 (8−0)/9, q3 (6−1)/9, q4 (8−0)/9, q5 (4−1)/9
        // = 100·(2·7 + 8 + 5 + 8 + 3)/(6·9) = 74.07407407407406
        assertThat(kto.get("netIndex").get("score").asDouble()).isCloseTo(74.07407407407406, within(1e-9));
        // completion over the 10 respondents: q2 answered by 9
        assertThat(kto.get("completion").get("q1").asDouble()).isEqualTo(100.0);
        assertThat(kto.get("completion").get("q2").asDouble()).isCloseTo(90.0, within(1e-12));

        JsonNode w10 = j.get("trend").get(0);
        JsonNode w11 = j.get("trend").get(1);
        assertThat(w10.get("period").asText()).isEqualTo("2025-W10");
        assertThat(w11.get("period").asText()).isEqualTo("2025-W11");
        // W10: n 5, t(0.975, 4) = 2.7764451051977934
        index(w10.get("metrics").get("kto").get("index"), 5, 80.11111111111111, 6.286989308715358,
                62.655630418497495, 97.56659180372473);
        assertThat(w10.get("metrics").get("kto").get("respondents").asLong()).isEqualTo(6);
        assertThat(w10.get("metrics").get("kto").get("completion").get("q2").asDouble())
                .isCloseTo(500.0 / 6, within(1e-12));
        // W11: n 4, t(0.975, 3) = 3.1824463052837078; the upper limit 103.8 is cut to the range: 100
        index(w11.get("metrics").get("kto").get("index"), 4, 74.79166666666667, 9.12122222944095,
                45.7638666829107, 100.0);

        // response times: ≤ 120 min is within ("120" counts); W10 30, 120, 121, 45.5, 200 → 3 of 5;
        // W11 60, 119.9, 240, 10, 5 → 4 of 5; overall 7 of 10
        JsonNode rt = overall.get("responseTime");
        assertThat(rt.get("n").asLong()).isEqualTo(10);
        assertThat(rt.get("target").asDouble()).isEqualTo(120.0);
        assertThat(rt.get("withinTargetCount").asLong()).isEqualTo(7);
        assertThat(rt.get("withinTarget").asDouble()).isCloseTo(70.0, within(1e-12));
        // mean (30+120+121+45.5+200+60+119.9+240+10+5)/10 = 95.14; median (60 + 119.9)/2 = 89.95 ± 1 %
        assertThat(rt.get("mean").asDouble()).isCloseTo(95.14, within(1e-9));
        assertThat(rt.get("median").asDouble()).isCloseTo(89.95, within(0.8995));
        assertThat(w10.get("metrics").get("responseTime").get("withinTargetCount").asLong()).isEqualTo(3);
        assertThat(w11.get("metrics").get("responseTime").get("withinTargetCount").asLong()).isEqualTo(4);
        assertThat(w10.get("metrics").get("responseTime").get("withinTarget").asDouble())
                .isCloseTo(60.0, within(1e-12));

        // FCR: W10 true, false, yes, 1, no (r6 empty: not counted) → 3 of 5; W11 true, true, 0, N, Y → 3 of 5
        JsonNode fcr = overall.get("firstContactResolution");
        assertThat(fcr.get("n").asLong()).isEqualTo(10);
        assertThat(fcr.get("resolved").asLong()).isEqualTo(6);
        assertThat(fcr.get("score").asDouble()).isCloseTo(60.0, within(1e-12));
        assertThat(fcr.get("lower").asDouble()).isCloseTo(31.267376973365828, within(1e-6));
        assertThat(fcr.get("upper").asDouble()).isCloseTo(83.1819670293764, within(1e-6));
        JsonNode fcr10 = w10.get("metrics").get("firstContactResolution");
        assertThat(fcr10.get("n").asLong()).isEqualTo(5);
        assertThat(fcr10.get("lower").asDouble()).isCloseTo(23.072428127601295, within(1e-6));
        assertThat(fcr10.get("upper").asDouble()).isCloseTo(88.2379225767352, within(1e-6));
    }

    private static void index(JsonNode index, long n, double score, double se, double lower, double upper) {
        assertThat(index.get("n").asLong()).isEqualTo(n);
        assertThat(index.get("score").asDouble()).isCloseTo(score, within(1e-9));
        assertThat(index.get("standardError").asDouble()).isCloseTo(se, within(1e-9));
        assertThat(index.get("lower").asDouble()).isCloseTo(lower, within(1e-6));
        assertThat(index.get("upper").asDouble()).isCloseTo(upper, within(1e-6));
    }

    @Test
    void ktoAndOperationsInTableCsvAndHtml(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "kto.csv", KTO_CSV);
        Path survey = write(dir, "kto.txt", SURVEY);
        MainTest.Run table = MainTest.run("report", csv.toString(), "--survey", survey.toString(), "--by", "week",
                "--segment", "id");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("Response time, minutes (within: % <= 120 min target)")
                .contains("First-contact resolution %").contains("KTO index")
                .containsPattern("all +10 +95\\.1 .* 70\\.0%")
                .containsPattern("2025-W10 +5 +80\\.1 +\\[62\\.7, 97\\.6\\]")
                .contains("completion: q1 100.0% q2 90.0% q3 100.0%");
        table.out().lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));

        String text = MainTest.run("report", csv.toString(), "--survey", survey.toString(), "--by", "week",
                "--format", "csv", "--highlights", "0").out(); // the layout without the highlight columns
        assertThat(text.lines().findFirst().orElseThrow()).endsWith(",easy,resolved,median,p90,p95,target,within_target");
        assertThat(text).contains("\r\n,,,,response_time,10,95.14");
        assertThat(text).contains("\r\n,,,,first_contact_resolution,10,60.0,,");
        assertThat(text).contains("\r\n,,2025-W10,2025-03-03,kto,5,80.11111111111111");
        // 1 + 2 weeks, each with nps + response_time + fcr + kto + kto_net + kto_acsi, and the header
        assertThat(text.lines().count()).isEqualTo(1 + 3 * 6);

        String html = MainTest.run("report", csv.toString(), "--survey", survey.toString(), "--by", "week",
                "--format", "html").out();
        assertThat(html).contains("data-metric=\"responseTime\"").contains("70.0 %")
                .contains("share of first responses within 120 min").contains("data-metric=\"firstContactResolution\"")
                .contains("data-metric=\"kto\"").contains("<table class=\"operations\">")
                .contains("<tr data-period=\"2025-W10\"><td>2025-W10</td><td>5</td>");
    }

    /** Respondent a answered three times, b twice, c once; two anonymous rows. */
    static final String DUPLICATES = String.join("\n",
            "id,submitted_at,nps",
            "a,2025-03-03T10:00:00Z,7",
            "a,2025-03-12T10:00:00Z,10",
            "b,2025-03-04T10:00:00Z,9",
            "a,2025-03-05T10:00:00Z,5",
            "b,2025-03-11T09:00:00Z,3",
            "c,2025-03-06T10:00:00Z,8",
            ",2025-03-06T11:00:00Z,2",
            ",2025-03-07T11:00:00Z,10",
            "");

    @Test
    void dedupKeepsTheLatestOrTheFirstResponseOverall(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "dup.csv", DUPLICATES);
        // latest: a 10 (03-12), b 3 (03-11), c 8, anonymous 2 and 10 → P 2, A 1, D 2
        JsonNode latest = MainTest.run("report", csv.toString(), "--respondent", "id", "--format", "json").json();
        assertThat(latest.get("input").get("rows").asLong()).isEqualTo(8);
        assertThat(latest.get("input").get("duplicateRows").asLong()).isEqualTo(3);
        assertThat(latest.get("input").get("rejectedRows").asLong()).isZero();
        nps(latest.get("overall").get("nps"), 2, 1, 2);
        // first: a 7 (03-03), b 9, c 8, anonymous 2 and 10 → P 2, A 2, D 1
        JsonNode first = MainTest.run("report", csv.toString(), "--respondent", "id", "--keep", "first",
                "--format", "json").json();
        assertThat(first.get("input").get("duplicateRows").asLong()).isEqualTo(3);
        nps(first.get("overall").get("nps"), 2, 2, 1);
        // without --respondent every row counts and duplicateRows is absent
        JsonNode all = MainTest.run("report", csv.toString(), "--format", "json").json();
        assertThat(all.get("input").has("duplicateRows")).isFalse();
        assertThat(all.get("overall").get("nps").get("n").asLong()).isEqualTo(8);
    }

    @Test
    void dedupPerWeek(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "dup.csv", DUPLICATES);
        // W10 (03-03..03-09): a 7 (03-03) and 5 (03-05), b 9, c 8, anonymous 2, 10; W11: a 10, b 3
        JsonNode latest = MainTest.run("report", csv.toString(), "--respondent", "id", "--keep-per", "period",
                "--by", "week", "--format", "json").json();
        assertThat(latest.get("input").get("duplicateRows").asLong()).isEqualTo(1);
        // W10 latest: a 5, b 9, c 8, 2, 10 → P 2, A 1, D 2; W11: 10, 3 → P 1, D 1
        nps(latest.get("trend").get(0).get("metrics").get("nps"), 2, 1, 2);
        nps(latest.get("trend").get(1).get("metrics").get("nps"), 1, 0, 1);
        JsonNode first = MainTest.run("report", csv.toString(), "--respondent", "id", "--keep", "first",
                "--keep-per", "period", "--by", "week", "--format", "json").json();
        // W10 first: a 7, b 9, c 8, 2, 10 → P 2, A 2, D 1
        nps(first.get("trend").get(0).get("metrics").get("nps"), 2, 2, 1);
        nps(first.get("overall").get("nps"), 3, 2, 2);
    }

    private static void nps(JsonNode nps, int promoters, int passives, int detractors) {
        assertThat(nps.get("promoters").asInt()).isEqualTo(promoters);
        assertThat(nps.get("passives").asInt()).isEqualTo(passives);
        assertThat(nps.get("detractors").asInt()).isEqualTo(detractors);
        assertThat(nps.get("n").asInt()).isEqualTo(promoters + passives + detractors);
    }

    @Test
    void dedupRejectsUnreadableTimestampsAsBadRowsNotDuplicates(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "dup.csv", DUPLICATES + "a,yesterday,0\n");
        MainTest.Run fail = MainTest.run("report", csv.toString(), "--respondent", "id");
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).isEqualTo("cxmetrics: line 10, column submitted_at: \"yesterday\" is not a timestamp "
                + "(ISO-8601 date-time with offset, local date-time, or date)\n");
        JsonNode skip = MainTest.run("report", csv.toString(), "--respondent", "id", "--on-bad-row", "skip",
                "--format", "json").json();
        assertThat(skip.get("input").get("rejectedRows").asLong()).isEqualTo(1);
        assertThat(skip.get("input").get("duplicateRows").asLong()).isEqualTo(3);
        nps(skip.get("overall").get("nps"), 2, 1, 2);
    }

    @Test
    void dedupOptionsAreCheckedAndNeedAFile() throws IOException {
        assertThat(MainTest.run("report", EXAMPLE.toString(), "--keep", "first").err())
                .isEqualTo("cxmetrics: report: --keep needs --respondent COLUMN\n");
        MainTest.Run perPeriod = MainTest.run("report", EXAMPLE.toString(), "--respondent", "response_id",
                "--keep-per", "period");
        assertThat(perPeriod.code()).isEqualTo(2);
        assertThat(perPeriod.err()).contains("--keep-per period needs --by");
        assertThat(MainTest.run("report", EXAMPLE.toString(), "--respondent", "response_id", "--keep", "last")
                .code()).isEqualTo(2);
        MainTest.Run missing = MainTest.run("report", EXAMPLE.toString(), "--respondent", "customer");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("cxmetrics: Missing required column \"customer\" (--respondent)");
        ReportOptions options = ReportOptions.defaults().withGrouping(g -> g.withRespondent("id", Dedup.Keep.LATEST, false));
        assertThatThrownBy(() -> Report.generate(new ByteArrayInputStream(DUPLICATES.getBytes(StandardCharsets.UTF_8)),
                "stdin", options)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give a file");
    }

    @Test
    void badOperationalValuesAreBadRowsWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "bad.csv", String.join("\n",
                "nps,first_response_minutes,resolved_first_contact",
                "9,10,true",
                "8,-5,true",
                "7,abc,false",
                "6,12,maybe",
                "10,NaN,yes",
                "5,1e3,no",
                "4,,",
                ""));
        MainTest.Run fail = MainTest.run("report", csv.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).isEqualTo("cxmetrics: line 3, column first_response_minutes: \"-5\" is not a number "
                + "of minutes >= 0\n");
        JsonNode j = MainTest.run("report", csv.toString(), "--on-bad-row", "skip", "--format", "json").json();
        assertThat(j.get("input").get("rejectedRows").asLong()).isEqualTo(5);
        JsonNode reasons = j.get("input").get("rejectionReasons");
        assertThat(reasons.get("first_response_minutes: is not a number of minutes >= 0").asLong()).isEqualTo(4);
        assertThat(reasons.get("resolved_first_contact: is not a yes or no (true/false, yes/no, y/n, 1/0)").asLong())
                .isEqualTo(1);
        assertThat(j.get("input").get("rejectionExamples").get(2).asText())
                .isEqualTo("line 5, column resolved_first_contact: \"maybe\" is not a yes or no (true/false, yes/no, "
                        + "y/n, 1/0)");
        // kept: "9,10,true" and "4,," (empty = not recorded, not counted)
        assertThat(j.get("overall").get("nps").get("n").asLong()).isEqualTo(2);
        assertThat(j.get("overall").get("responseTime").get("n").asLong()).isEqualTo(1);
        assertThat(j.get("overall").get("firstContactResolution").get("n").asLong()).isEqualTo(1);
    }

    @Test
    void ktoAnswersOffTheirScaleAreBadRows(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "kto.csv", KTO_CSV.replace("r3,2025-03-05T09:00:00Z,8,121,yes,4,3,5,2,8",
                "r3,2025-03-05T09:00:00Z,8,121,yes,4,3,5,6,8"));
        Path survey = write(dir, "kto.txt", SURVEY);
        MainTest.Run r = MainTest.run("report", csv.toString(), "--survey", survey.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxmetrics: line 4, column q4: \"6\" is not on the CES scale 1..5\n");
        Path noColumn = write(dir, "short.csv", "nps,q1\n9,4\n");
        MainTest.Run missing = MainTest.run("report", noColumn.toString(), "--survey", survey.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("cxmetrics: Missing required column \"q2\" (--survey question)");
        Path badSurvey = write(dir, "bad.txt", "q1 smiley 1-3\n");
        MainTest.Run invalid = MainTest.run("report", csv.toString(), "--survey", badSurvey.toString());
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err()).startsWith("cxmetrics: Invalid survey file " + badSurvey + ": ");
    }

    @Test
    void columnsAreMappableAndNamedColumnsRequired(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ops.csv", String.join("\n", "nps,wait,fixed", "9,150,ja", "6,30,", ""));
        // "ja" is not a yes/no: but without a mapping the fixed column is not read at all
        JsonNode j = MainTest.run("report", csv.toString(), "--column", "response=wait", "--format", "json").json();
        assertThat(j.get("overall").get("responseTime").get("withinTargetCount").asLong()).isEqualTo(1);
        assertThat(j.get("overall").has("firstContactResolution")).isFalse();
        MainTest.Run bad = MainTest.run("report", csv.toString(), "--column", "fcr=fixed");
        assertThat(bad.err()).isEqualTo("cxmetrics: line 2, column fixed: \"ja\" is not a yes or no (true/false, "
                + "yes/no, y/n, 1/0)\n");
        MainTest.Run missing = MainTest.run("report", csv.toString(), "--column", "response=minutes");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("cxmetrics: Missing required column \"minutes\" (--column response)");
        assertThat(MainTest.run("report", csv.toString(), "--column", "speed=wait").err())
                .isEqualTo("cxmetrics: report: --column: unknown key \"speed\" (valid keys nps, csat, ces, response, "
                        + "fcr)\n");
        // an operational column alone is a report
        Path opsOnly = write(dir, "only.csv", "first_response_minutes\n150\n90\n");
        JsonNode only = MainTest.run("report", opsOnly.toString(), "--format", "json").json();
        assertThat(only.get("overall").get("responseTime").get("withinTargetCount").asLong()).isEqualTo(1);
    }

    @Test
    void responseTargetForms() {
        assertThat(responseTarget("120")).hasMinutes(120);
        assertThat(responseTarget("2h")).hasMinutes(120);
        assertThat(responseTarget("1.5h")).hasMinutes(90);
        assertThat(responseTarget("90min")).hasMinutes(90);
        assertThat(responseTarget("PT2H30M")).hasMinutes(150);
        assertThat(responseTarget("0.5").toNanos()).isEqualTo(30_000_000_000L);
        for (String bad : new String[] {"-5", "2 days", "", "PT-1H", "1e3", "P"}) {
            assertThatThrownBy(() -> responseTarget(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--response-target");
        }
    }

    private static java.time.Duration responseTarget(String text) {
        return ReportGrouping.parse(List.of("--response-target", text)).responseTarget();
    }
}
