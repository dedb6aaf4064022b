package io.github.cxmetrics.report;

import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.report.grouping.BadRowPolicy;

import io.github.cxmetrics.io.BadRowException;
import io.github.cxmetrics.trend.Metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cxmetrics.calendar.Granularity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    static Report report(String csv, ReportOptions options) throws IOException {
        return Report.generate(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv", options);
    }

    static JsonNode json(Report report) throws IOException {
        return new ObjectMapper().readTree(ReportFormat.JSON.format(report));
    }

    @Test
    void emptyCellsAreNotAskedAndNotCounted() throws IOException {
        Report r = report("id,nps,csat\n1,10,\n2,,5\n3,0,4\n4,9,\n", ReportOptions.defaults());
        assertThat(r.metrics()).containsExactly(Metric.NPS, Metric.CSAT);
        MetricSummary nps = r.overall().get(Metric.NPS);
        assertThat(nps.n()).isEqualTo(3);
        // 2 promoters, 1 detractor of 3: 100 * (2 - 1) / 3
        assertThat(nps.score().getAsDouble()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(r.overall().get(Metric.CSAT).n()).isEqualTo(2);
        assertThat(r.overall().get(Metric.CSAT).score().getAsDouble()).isEqualTo(100.0);
        assertThat(nps.isSmall()).isTrue();
    }

    @Test
    void dutchExportWithBomSemicolonsAndQuotedFields() throws IOException {
        String csv = "\uFEFFid;kanaal;nps\r\n1;\"telefoon; thuis\";9\r\n2;\"chat \"\"live\"\"\";6\r\n3;\"telefoon; thuis\";10";
        Report r = report(csv, ReportOptions.defaults().withGrouping(g -> g.withDelimiter(';').withSegment("kanaal")));
        assertThat(r.overall().get(Metric.NPS).n()).isEqualTo(3);
        List<SegmentSummary> segments = r.segments().get("kanaal");
        assertThat(segments).extracting(SegmentSummary::segment).containsExactly("chat \"live\"", "telefoon; thuis");
        assertThat(segments.get(1).metrics().get(Metric.NPS).score().getAsDouble()).isEqualTo(100.0);
    }

    @Test
    void failPolicyNamesLineColumnAndValue() {
        String csv = "id,nps,csat\n1,9,4\n2,9,\"4.5\"\n";
        assertThatThrownBy(() -> report(csv, ReportOptions.defaults())).isInstanceOf(BadRowException.class)
                .hasMessage("line 3, column csat: \"4.5\" is not on the CSAT scale 1..5");
        assertThatThrownBy(() -> report("id,nps\n1,9\n2\n", ReportOptions.defaults()))
                .hasMessage("line 3: expected 2 fields, found 1");
    }

    @Test
    void skipPolicyCountsReasonsAndNeverHalfCountsARow() throws IOException {
        String csv = "id,nps,csat\n1,9,4\n2,10,7\n3,11,5\n4,x,5\n5,8\n6,0,1\n";
        Report r = report(csv, ReportOptions.defaults().withGrouping(g -> g.withOnBadRow(BadRowPolicy.SKIP)));
        assertThat(r.input().rows()).isEqualTo(6);
        assertThat(r.input().rejectedRows()).isEqualTo(4);
        assertThat(r.input().rejectionReasons()).containsEntry("nps: is not on the NPS scale 0..10", 2L)
                .containsEntry("csat: is not on the CSAT scale 1..5", 1L).containsEntry("wrong number of fields", 1L);
        assertThat(r.input().rejectionExamples()).hasSize(4).first().isEqualTo(
                "line 3, column csat: \"7\" is not on the CSAT scale 1..5");
        // row 2 had a valid NPS but a bad CSAT: its NPS is not counted either
        assertThat(r.overall().get(Metric.NPS).n()).isEqualTo(2);
    }

    @Test
    void missingColumnsAreNamed() {
        assertThatThrownBy(() -> report("id,score\n1,9\n", ReportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No score column found");
        assertThatThrownBy(() -> report("id,nps\n1,9\n", ReportOptions.defaults().withGrouping(g -> g.withMetrics(EnumSet.of(Metric.CES)))))
                .hasMessageContaining("Missing required column \"ces\"");
        assertThatThrownBy(() -> report("id,nps\n1,9\n", ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.DAY))))
                .hasMessageContaining("\"submitted_at\"");
        assertThatThrownBy(() -> report("id,recommend\n1,9\n",
                ReportOptions.defaults().withGrouping(g -> g.withColumn(Metric.NPS, "nps_score").withMetrics(EnumSet.of(Metric.NPS)))))
                .hasMessageContaining("nps_score");
    }

    @Test
    void columnMappingReadsAnotherColumn() throws IOException {
        Report r = report("id,recommend\n1,9\n2,3\n", ReportOptions.defaults().withGrouping(g -> g.withColumn(Metric.NPS, "recommend")));
        assertThat(r.overall().get(Metric.NPS).score().getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void trendKeepsEmptyPeriodsAsGapsAndComparesNeighbours() throws IOException {
        String csv = "submitted_at,nps\n"
                + "2025-01-02T10:00:00+01:00,10\n2025-01-03,0\n"   // ISO week 2025-W01
                + "2025-01-20T08:00:00Z,9\n"                         // 2025-W04, W02 and W03 empty
                + "2025-01-21 12:00:00,9\n";
        Report r = report(csv, ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK).withZone(ZoneId.of("Europe/Amsterdam"))));
        assertThat(r.trend()).extracting(PeriodSummary::period).containsExactly("2025-W01", "2025-W02", "2025-W03",
                "2025-W04");
        assertThat(r.trend().get(1).metrics().get(Metric.NPS).n()).isZero();
        assertThat(r.trend().get(1).metrics().get(Metric.NPS).score()).isEmpty();
        assertThat(r.trend().get(1).metrics().get(Metric.NPS).change()).isEmpty();
        assertThat(r.trend().get(3).metrics().get(Metric.NPS).change()).isEmpty();
        assertThat(r.trend().get(3).metrics().get(Metric.NPS).score().getAsDouble()).isEqualTo(100.0);
        assertThatThrownBy(() -> report("submitted_at,nps\nyesterday,9\n", ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.DAY))))
                .hasMessageContaining("line 2, column submitted_at: \"yesterday\" is not a timestamp");
    }

    @Test
    void changeIsThisPeriodMinusPrevious() throws IOException {
        StringBuilder csv = new StringBuilder("submitted_at,nps\n");
        for (int i = 0; i < 40; i++) {
            csv.append("2025-03-03,").append(i < 10 ? 0 : 10).append('\n');   // week 10: 30 P, 10 D
        }
        for (int i = 0; i < 40; i++) {
            csv.append("2025-03-10,").append(i < 30 ? 0 : 10).append('\n');   // week 11: 10 P, 30 D
        }
        Report r = report(csv.toString(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK)));
        var change = r.trend().get(1).metrics().get(Metric.NPS).change().orElseThrow();
        // raw: (10 - 30)/40 - (30 - 10)/40 = -1, i.e. -100 points; adjusted Wald tests
        // (10 - 30)/43 - (30 - 10)/43 = -40/43
        assertThat(change.difference()).isCloseTo(-100, within(1e-9));
        assertThat(change.testedDifference()).isCloseTo(-4000.0 / 43, within(1e-9));
        assertThat(change.isSignificant()).isTrue();
    }

    @Test
    void segmentsAgainstTheRestWithHolm() throws IOException {
        StringBuilder csv = new StringBuilder("channel,csat\n");
        for (int i = 0; i < 100; i++) {
            csv.append("a,").append(i < 70 ? 5 : 1).append('\n');
        }
        for (int i = 0; i < 100; i++) {
            csv.append("b,").append(i < 55 ? 5 : 1).append('\n');
        }
        Report r = report(csv.toString(), ReportOptions.defaults().withGrouping(g -> g.withSegment("channel")));
        var a = r.segments().get("channel").get(0).metrics().get(Metric.CSAT).vsRest().orElseThrow();
        var b = r.segments().get("channel").get(1).metrics().get(Metric.CSAT).vsRest().orElseThrow();
        // two values: a vs rest and b vs rest are the same test, raw p = 0.028459736916310575
        // (intervals.json csat2-95); Holm with m = 2: min(1, 2p) for both
        assertThat(a.difference()).isCloseTo(15.0, within(1e-9));
        assertThat(b.difference()).isCloseTo(-15.0, within(1e-9));
        assertThat(a.pValue()).isCloseTo(0.028459736916310575, within(1e-12));
        assertThat(a.adjustedPValue()).isCloseTo(2 * 0.028459736916310575, within(1e-12));
        assertThat(b.adjustedPValue()).isCloseTo(2 * 0.028459736916310575, within(1e-12));
        assertThat(a.isSignificant()).isFalse();
        // nothing rejected of 2 tests: the family-wise interval is at 1 - 0.05/2 and contains 0
        assertThat(a.familywiseConfidence()).isEqualTo(0.975);
        assertThat(a.familywiseLower()).isNegative();
        assertThat(a.familywiseUpper()).isPositive();
    }

    @Test
    void weightedReportUsesEffectiveN() throws IOException {
        Report r = report("nps,w\n10,1\n9,1\n0,2\n", ReportOptions.defaults().withGrouping(g -> g.withWeightColumn("w")));
        MetricSummary nps = r.overall().get(Metric.NPS);
        assertThat(nps.score().getAsDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(nps.effectiveN().getAsDouble()).isCloseTo(16.0 / 6, within(1e-12));
        assertThat(r.input().weighted()).isTrue();
        assertThatThrownBy(() -> report("nps,w\n10,-1\n", ReportOptions.defaults().withGrouping(g -> g.withWeightColumn("w"))))
                .hasMessage("line 2, column w: \"-1\" is not a valid weight (0, or a number from 2^-64 to 2^64)");
    }

    @Test
    void jsonFollowsTheContract() throws IOException {
        String csv = "submitted_at,channel,nps,csat,ces\n2025-01-06,phone,9,5,7\n2025-01-07,chat,3,2,\n2025-01-13,phone,10,4,6\n";
        JsonNode j = json(report(csv, ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK).withSegment("channel"))));
        assertThat(j.get("input").get("file").asText()).isEqualTo("test.csv");
        assertThat(j.get("input").get("rows").asLong()).isEqualTo(3);
        assertThat(j.get("overall").get("nps").get("promoters").asLong()).isEqualTo(2);
        assertThat(j.get("overall").get("ces").get("n").asLong()).isEqualTo(2);
        assertThat(j.get("trend").get(0).get("start").asText()).isEqualTo("2025-01-06");
        assertThat(j.get("trend").get(1).get("metrics").get("nps").has("change")).isTrue();
        JsonNode chat = j.get("segments").get("channel").get(0);
        assertThat(chat.get("segment").asText()).isEqualTo("chat");
        assertThat(chat.get("metrics").get("ces").get("n").asLong()).isZero();
        assertThat(chat.get("metrics").get("ces").get("score").isNull()).isTrue();
        assertThat(chat.get("trend")).hasSize(2);
    }

    @org.junit.jupiter.api.Test
    void threadsMustBeOneToAThousandAndTwentyFour() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportOptions.defaults().withThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for threads (valid values 1 - 1024): 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportOptions.defaults().withThreads(1025))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1025");
        org.assertj.core.api.Assertions.assertThat(ReportOptions.defaults().threads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        org.assertj.core.api.Assertions.assertThat(ReportOptions.defaults().withThreads(3).threads()).isEqualTo(3);
    }
}
