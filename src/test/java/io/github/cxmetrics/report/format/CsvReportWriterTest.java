package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.PeriodSummary;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.SegmentSummary;

import io.github.cxmetrics.trend.Metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

    static String csv(Report report) throws IOException {
        StringBuilder out = new StringBuilder();
        CsvReportWriter.write(report, out);
        return out.toString();
    }

    /** Parsed back with Commons CSV (RFC 4180, header from the first record). */
    static List<CSVRecord> parse(String text) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        return format.parse(new StringReader(text)).getRecords();
    }

    static CSVRecord row(List<CSVRecord> rows, String column, String segment, String period, String metric) {
        List<CSVRecord> found = rows.stream().filter(r -> r.get("segment_column").equals(column)
                && r.get("segment").equals(segment) && r.get("period").equals(period)
                && r.get("metric").equals(metric)).toList();
        assertThat(found).as("rows for %s/%s/%s/%s", column, segment, period, metric).hasSize(1);
        return found.get(0);
    }

    static String cell(OptionalDouble value) {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
    }

    @Nested
    class Tiny {
        final Report report = RenderFixtures.report(RenderFixtures.TINY, RenderFixtures.WEEKLY_BY_CHANNEL);

        @Test
        void headerIsTheDocumentedColumnList() throws IOException {
            String text = csv(report);
            assertThat(text).startsWith("segment_column,segment,period,period_start,metric,n,score,standard_error,"
                    + "lower,upper,small_sample,change,change_lower,change_upper,change_p_value,change_significant,"
                    + "vs_rest,vs_rest_lower,vs_rest_upper,vs_rest_p_value,vs_rest_adjusted_p_value,"
                    + "vs_rest_familywise_confidence,vs_rest_familywise_lower,vs_rest_familywise_upper,"
                    + "vs_rest_significant,effective_n,"
                    + "promoters,passives,detractors,satisfied,mean,easy,resolved,median,p90,p95,target,"
                    + "within_target,highlight_rank,highlight_kind,highlight_text\r\n");
            // without highlights (--highlights 0) the header ends at within_target, as before them
            Report off = RenderFixtures.report(RenderFixtures.TINY, RenderFixtures.WEEKLY_BY_CHANNEL.withHighlights(0));
            assertThat(csv(off).lines().findFirst().orElseThrow()).endsWith(",target,within_target")
                    .isEqualTo(String.join(",", CsvReportWriter.HEADER));
        }

        @Test
        void oneRowPerSegmentPeriodAndMetric() throws IOException {
            List<CSVRecord> rows = parse(csv(report));
            // 3 metrics × (overall + 3 weeks W02, W03, W04) × (whole input + 3 channels) = 3 × 4 × 4
            assertThat(rows).hasSize(48);
            assertThat(report.highlights()).isEmpty(); // five responses: nothing significant
            assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(CsvReportWriter.HEADER.size()
                    + CsvReportWriter.HIGHLIGHT_HEADER.size()));
            // the same count from the model's own sizes
            int values = report.segments().values().stream().mapToInt(List::size).sum();
            assertThat(rows).hasSize(report.metrics().size() * (1 + report.trend().size()) * (1 + values));
        }

        @Test
        void rowOrderIsOverallTrendThenSegments() throws IOException {
            List<CSVRecord> rows = parse(csv(report));
            List<String> keys = new ArrayList<>();
            for (CSVRecord r : rows.subList(0, 15)) {
                keys.add(r.get("segment") + "|" + r.get("period") + "|" + r.get("metric"));
            }
            assertThat(keys).containsExactly("||nps", "||csat", "||ces",
                    "|2025-W02|nps", "|2025-W02|csat", "|2025-W02|ces",
                    "|2025-W03|nps", "|2025-W03|csat", "|2025-W03|ces",
                    "|2025-W04|nps", "|2025-W04|csat", "|2025-W04|ces",
                    "chat, \"web\"||nps", "chat, \"web\"||csat", "chat, \"web\"||ces");
            assertThat(rows.get(3).get("period_start")).isEqualTo("2025-01-06");
            assertThat(rows.get(12).get("segment_column")).isEqualTo("channel");
        }

        @Test
        void handComputedOverallValues() throws IOException {
            List<CSVRecord> rows = parse(csv(report));
            CSVRecord nps = row(rows, "", "", "", "nps");
            // promoters 10, 9, 9; passive 7; detractor 3: (3 − 1) / 5 × 100 = 40
            assertThat(nps.get("n")).isEqualTo("5");
            assertThat(nps.get("score")).isEqualTo("40.0");
            assertThat(nps.get("promoters")).isEqualTo("3");
            assertThat(nps.get("passives")).isEqualTo("1");
            assertThat(nps.get("detractors")).isEqualTo("1");
            // Wald SE: 100·√((0.6 + 0.2 − 0.4²) / 5) = 100·√0.128 = 35.77708763999664
            assertThat(Double.parseDouble(nps.get("standard_error"))).isCloseTo(35.77708763999664, within(1e-9));
            assertThat(nps.get("small_sample")).isEqualTo("true");
            assertThat(nps.get("change")).isEmpty();
            assertThat(nps.get("vs_rest")).isEmpty();
            assertThat(nps.get("effective_n")).isEmpty();

            CSVRecord csat = row(rows, "", "", "", "csat");
            // 5, 4, 2, 5: satisfied (4–5) 3 of 4 = 75 %, mean 16 / 4 = 4
            assertThat(csat.get("n")).isEqualTo("4");
            assertThat(csat.get("score")).isEqualTo("75.0");
            assertThat(csat.get("satisfied")).isEqualTo("3");
            assertThat(csat.get("mean")).isEqualTo("4.0");
            // Wilson 95 % for 3/4, python: z = scipy.stats.norm.ppf(0.975); c = (p + z²/2n)/(1 + z²/n);
            // h = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²) → 30.064184258240186, 95.44127391902994
            assertThat(Double.parseDouble(csat.get("lower"))).isCloseTo(30.064184258240186, within(1e-5));
            assertThat(Double.parseDouble(csat.get("upper"))).isCloseTo(95.44127391902994, within(1e-5));

            CSVRecord ces = row(rows, "", "", "", "ces");
            // 7, 6, 3, 5: mean 21 / 4 = 5.25; easy (top ⌊7/2⌋ = 3 points, 5–7) 3 of 4 = 75 %
            assertThat(ces.get("n")).isEqualTo("4");
            assertThat(ces.get("score")).isEqualTo("5.25");
            assertThat(ces.get("easy")).isEqualTo("75.0");
            assertThat(ces.get("promoters")).isEmpty();
        }

        @Test
        void handComputedPeriodAndSegmentValues() throws IOException {
            List<CSVRecord> rows = parse(csv(report));
            // W03 has no responses: n = 0, every value empty
            CSVRecord gap = row(rows, "", "", "2025-W03", "nps");
            assertThat(gap.get("n")).isEqualTo("0");
            assertThat(gap.get("score")).isEmpty();
            assertThat(gap.get("lower")).isEmpty();
            assertThat(gap.get("period_start")).isEqualTo("2025-01-13");
            // W04: 7 (passive) and 3 (detractor): (0 − 1) / 2 × 100 = −50
            assertThat(row(rows, "", "", "2025-W04", "nps").get("score")).isEqualTo("-50.0");
            // email: 10 and 9, NPS 100; the rest 9, 7, 3: NPS 0. vs rest is the plain difference of
            // the scores shown, 100 (its adjusted-Wald test uses (2.75 − 0.75) / 5 − 0 / 6 = 0.4)
            CSVRecord email = row(rows, "channel", "email", "", "nps");
            assertThat(email.get("score")).isEqualTo("100.0");
            assertThat(Double.parseDouble(email.get("vs_rest"))).isCloseTo(100.0, within(1e-9));
            assertThat(email.get("vs_rest_significant")).isIn("true", "false");
            // phone CES: one response (3), so a mean but no standard error or interval
            CSVRecord phoneCes = row(rows, "channel", "phone", "", "ces");
            assertThat(phoneCes.get("n")).isEqualTo("1");
            assertThat(phoneCes.get("score")).isEqualTo("3.0");
            assertThat(phoneCes.get("standard_error")).isEmpty();
            assertThat(phoneCes.get("lower")).isEmpty();
            assertThat(phoneCes.get("upper")).isEmpty();
            // the chat segment answered no CSAT
            CSVRecord chatCsat = row(rows, "channel", "chat, \"web\"", "", "csat");
            assertThat(chatCsat.get("n")).isEqualTo("0");
            assertThat(chatCsat.get("score")).isEmpty();
            // a segment × period row: email in W02, CSAT 5 and 4, both satisfied
            CSVRecord emailW02 = row(rows, "channel", "email", "2025-W02", "csat");
            assertThat(emailW02.get("score")).isEqualTo("100.0");
            assertThat(emailW02.get("n")).isEqualTo("2");
        }

        @Test
        void quotesFieldsAsRfc4180Requires() throws IOException {
            String text = csv(report);
            assertThat(text).contains("\r\nchannel,\"chat, \"\"web\"\"\",,,nps,1,-100.0,");
            assertThat(text).endsWith("\r\n");
            assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        }

        @Test
        void everyCellMatchesTheModel() throws IOException {
            List<CSVRecord> rows = parse(csv(report));
            int i = 0;
            for (Metric m : report.metrics()) {
                assertMatches(rows.get(i++), report.overall().get(m));
            }
            for (PeriodSummary p : report.trend()) {
                for (Metric m : report.metrics()) {
                    CSVRecord r = rows.get(i++);
                    assertThat(r.get("period")).isEqualTo(p.period());
                    assertMatches(r, p.metrics().get(m));
                }
            }
            for (var column : report.segments().entrySet()) {
                for (SegmentSummary s : column.getValue()) {
                    for (Metric m : report.metrics()) {
                        CSVRecord r = rows.get(i++);
                        assertThat(r.get("segment")).isEqualTo(s.segment());
                        assertMatches(r, s.metrics().get(m));
                    }
                    for (PeriodSummary p : s.trend()) {
                        for (Metric m : report.metrics()) {
                            assertMatches(rows.get(i++), p.metrics().get(m));
                        }
                    }
                }
            }
            assertThat(i).isEqualTo(rows.size());
        }

        private void assertMatches(CSVRecord r, MetricSummary s) {
            assertThat(r.get("metric")).isEqualTo(s.metric().key());
            assertThat(r.get("n")).isEqualTo(Long.toString(s.n()));
            assertThat(r.get("score")).isEqualTo(cell(s.score()));
            assertThat(r.get("standard_error")).isEqualTo(cell(s.standardError()));
            assertThat(r.get("lower")).isEqualTo(cell(s.lower()));
            assertThat(r.get("upper")).isEqualTo(cell(s.upper()));
            assertThat(r.get("small_sample")).isEqualTo(Boolean.toString(s.isSmall()));
            assertThat(r.get("change")).isEqualTo(s.change().map(c -> Double.toString(c.difference())).orElse(""));
            assertThat(r.get("change_p_value")).isEqualTo(s.change().map(c -> Double.toString(c.pValue())).orElse(""));
            assertThat(r.get("vs_rest_upper")).isEqualTo(s.vsRest().map(c -> Double.toString(c.comparison().upper()))
                    .orElse(""));
            assertThat(r.get("vs_rest_p_value")).isEqualTo(s.vsRest().map(c -> Double.toString(c.pValue())).orElse(""));
            assertThat(r.get("vs_rest_adjusted_p_value"))
                    .isEqualTo(s.vsRest().map(c -> Double.toString(c.adjustedPValue())).orElse(""));
            assertThat(r.get("vs_rest_familywise_lower"))
                    .isEqualTo(s.vsRest().map(c -> Double.toString(c.familywiseLower())).orElse(""));
            assertThat(r.get("vs_rest_familywise_upper"))
                    .isEqualTo(s.vsRest().map(c -> Double.toString(c.familywiseUpper())).orElse(""));
            assertThat(r.get("vs_rest_significant"))
                    .isEqualTo(s.vsRest().map(c -> Boolean.toString(c.isSignificant())).orElse(""));
        }
    }

    @Test
    void changeColumnsAreFilledFromTheSecondPeriodOn() throws IOException {
        // 42 days with a response every day: six ISO weeks, each with data
        Report report = RenderFixtures.report(RenderFixtures.daily(42, 0, 0), RenderFixtures.WEEKLY_BY_CHANNEL);
        List<CSVRecord> rows = parse(csv(report));
        List<CSVRecord> trendCsat = rows.stream().filter(r -> r.get("segment_column").isEmpty()
                && !r.get("period").isEmpty() && r.get("metric").equals("csat")).toList();
        assertThat(trendCsat).hasSize(6);
        assertThat(trendCsat.get(0).get("change")).isEmpty();
        for (CSVRecord r : trendCsat.subList(1, 6)) {
            double change = Double.parseDouble(r.get("change"));
            // the CSAT change is this period's % satisfied minus the previous one's, both as written
            int index = trendCsat.indexOf(r);
            double expected = Double.parseDouble(r.get("score"))
                    - Double.parseDouble(trendCsat.get(index - 1).get("score"));
            assertThat(change).isCloseTo(expected, within(1e-9));
            assertThat(Double.parseDouble(r.get("change_lower"))).isLessThan(change);
            assertThat(Double.parseDouble(r.get("change_upper"))).isGreaterThan(change);
            assertThat(r.get("change_significant")).isIn("true", "false");
        }
    }

    @Test
    void reportWithoutTrendOrSegmentsHasOneRowPerMetric() throws IOException {
        Report report = RenderFixtures.report("nps,csat\n10,5\n0,1\n", ReportOptions.defaults());
        List<CSVRecord> rows = parse(csv(report));
        assertThat(rows).hasSize(2);
        // one promoter, one detractor: (1 − 1) / 2 = 0; CSAT 5 and 1: 1 of 2 satisfied = 50 %
        assertThat(rows.get(0).get("score")).isEqualTo("0.0");
        assertThat(rows.get(1).get("score")).isEqualTo("50.0");
        assertThat(rows.get(0).get("period")).isEmpty();
        assertThat(rows.get(0).get("segment_column")).isEmpty();
    }

    @Test
    void fieldQuotingFollowsRfc4180() {
        StringBuilder line = new StringBuilder();
        CsvReportWriter.field(line, "plain");
        CsvReportWriter.field(line, "a,b");
        CsvReportWriter.field(line, "say \"hi\"");
        CsvReportWriter.field(line, "two\nlines");
        CsvReportWriter.field(line, "cr\r");
        CsvReportWriter.field(line, "");
        assertThat(line).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> CsvReportWriter.write(null, new StringBuilder()))
                .isInstanceOf(NullPointerException.class).hasMessage("report");
        Report report = RenderFixtures.report("nps\n10\n", ReportOptions.defaults());
        assertThatThrownBy(() -> CsvReportWriter.write(report, null))
                .isInstanceOf(NullPointerException.class).hasMessage("out");
    }
}
