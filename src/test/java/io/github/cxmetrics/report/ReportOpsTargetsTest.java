package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.target.TargetStatus;
import io.github.cxmetrics.trend.Metric;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Response-time, FCR and weighted targets in the report, their numbers checked by hand. */
class ReportOpsTargetsTest {
    private static final double Z = 1.959963984540054;

    /**
     * 40 rows per month from January 2026: response minutes 10, 20, …, 400 (12 within 120), every
     * fourth row not resolved (30 of 40), NPS alternating 10 and 0 with weight 2 on the promoters.
     */
    static String months(int count) {
        StringBuilder csv = new StringBuilder("submitted_at,nps,first_response_minutes,resolved_first_contact,w\n");
        for (int m = 0; m < count; m++) {
            LocalDate day = LocalDate.of(2026, 1 + m, 5);
            for (int i = 1; i <= 40; i++) {
                csv.append(day).append(',').append(i % 2 == 0 ? 10 : 0).append(',').append(10 * i).append(',')
                        .append(i % 4 == 0 ? "false" : "true").append(',').append(i % 2 == 0 ? 2 : 1).append('\n');
            }
        }
        return csv.toString();
    }

    static double[] wilson(long k, long n) {
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {100 * (centre - half), 100 * (centre + half)};
    }

    @Test
    void responseTimeAndFcrTargetsOnAllResponses() throws IOException {
        Report r = ReportTest.report(months(1), ReportOptions.defaults().withTarget("response.mean<2h")
                .withTarget("response.within>=90%").withTarget("fcr>=70%").withTarget("response.median<=4h"));
        // mean 205, s² = 100 · 40·41/12 = 13666.67 (n = 40), t(0.975, 39) = 2.022691 (tables)
        Assessment mean = r.targets().get(0);
        double half = 2.022691 * Math.sqrt(100 * 40 * 41 / 12.0 / 40);
        assertThat(mean.estimate().getAsDouble()).isCloseTo(205, within(1e-9));
        assertThat(mean.lower().getAsDouble()).isCloseTo(205 - half, within(1e-4));
        assertThat(mean.upper().getAsDouble()).isCloseTo(205 + half, within(1e-4));
        assertThat(mean.status()).isEqualTo(TargetStatus.NOT_MET);
        assertThat(mean.n()).isEqualTo(40);
        // within 120 minutes: 12 of 40, Wilson from its formula
        Assessment within = r.targets().get(1);
        double[] w = wilson(12, 40);
        assertThat(within.estimate().getAsDouble()).isCloseTo(30, within(1e-9));
        assertThat(within.lower().getAsDouble()).isCloseTo(w[0], within(1e-9));
        assertThat(within.upper().getAsDouble()).isCloseTo(w[1], within(1e-9));
        assertThat(within.status()).isEqualTo(TargetStatus.NOT_MET);
        // FCR 30 of 40 = 75 %, Wilson [59.81, 85.81] contains 70
        Assessment fcr = r.targets().get(2);
        double[] f = wilson(30, 40);
        assertThat(fcr.lower().getAsDouble()).isCloseTo(f[0], within(1e-9));
        assertThat(fcr.upper().getAsDouble()).isCloseTo(f[1], within(1e-9));
        assertThat(fcr.status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        // the FCR interval is the one the operational summary shows
        OutcomeSummary summary = r.overallOperations().firstContactResolution().orElseThrow();
        assertThat(fcr.lower()).isEqualTo(summary.lower());
        // median of 10 … 400 is 205; order statistics 14 and 27 of 40 (Binomial(40, 0.5): F(13) = 0.0192,
        // F(26) = 0.9808), i.e. 140 and 270 minutes, widened to their buckets
        Assessment median = r.targets().get(3);
        assertThat(median.lower().getAsDouble()).isBetween(140 * 0.99 / 1.01, 140.0);
        assertThat(median.upper().getAsDouble()).isBetween(270.0, 270 * 1.01 / 0.99);
        assertThat(median.status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
    }

    @Test
    void eachPeriodIsJudgedOnItsOwnInterval() throws IOException {
        Report r = ReportTest.report(months(4), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.MONTH))
                .withTarget("response.mean<=5h").withTarget("nps+5").withTarget("fcr>=70% by 2026-12-31"));
        assertThat(r.periodTargets()).containsOnlyKeys("2026-01", "2026-02", "2026-03", "2026-04");
        for (List<Assessment> row : r.periodTargets().values()) {
            assertThat(row).hasSize(2); // the change target is left out
            assertThat(row.get(0).target()).hasToString("response.mean<=5h");
            assertThat(row.get(0).status()).isEqualTo(TargetStatus.MET); // 205 + 37.4 < 300
            assertThat(row.get(1).target()).hasToString("fcr>=70%");
            assertThat(row.get(1).status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        }
        // the deadline target: four identical months, a flat trend at 75 %: on track
        Assessment fcr = r.targets().get(2);
        assertThat(fcr.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(fcr.projected().getAsDouble()).isCloseTo(75, within(1e-9));
        assertThat(fcr.projectedPeriod().orElseThrow().label()).isEqualTo("2026-12");
        JsonNode json = ReportTest.json(r);
        JsonNode first = json.get("trend").get(0).get("targets");
        assertThat(first.get(0).get("target").asText()).isEqualTo("response.mean<=5h");
        assertThat(first.get(0).get("metric").asText()).isEqualTo("response.mean");
        assertThat(first.get(0).get("status").asText()).isEqualTo("MET");
        assertThat(first.get(0).get("n").asLong()).isEqualTo(40);
        assertThat(json.get("targets").get(2).get("metric").asText()).isEqualTo("fcr");
        String csv = ReportFormat.CSV.format(r);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",within_target,target_expression,target_status,target_reason,projected_period,"
                + "projected,projected_lower,projected_upper,highlight_rank,highlight_kind,highlight_text");
        int columns = lines[0].split(",", -1).length;
        assertThat(lines[1].split(",", -1)).hasSize(columns);
        assertThat(csv).contains(",2026-03,2026-03-01,fcr,40,75.0,");
        assertThat(csv).contains("fcr>=70% by 2026-12-31,ON_TRACK,");
        String table = ReportFormat.TABLE.format(r);
        assertThat(table).contains("Targets by month").contains("response.mean<=5h  fcr>=70%");
        String html = ReportFormat.HTML.format(r);
        assertThat(html).contains("<h2>Targets</h2>").contains("class=\"status ON_TRACK\"");
    }

    @Test
    void weightedTargetsAreJudgedOnTheWeightedEstimates() throws IOException {
        Report r = ReportTest.report(months(4), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.MONTH)
                .withWeightColumn("w")).withTarget("nps>=20").withTarget("nps+5").withTarget("nps>=40 by 2026-12-31"));
        // the last month's weighted NPS and interval are the trend table's
        MetricSummary april = r.trend().get(3).metrics().get(Metric.NPS);
        Assessment level = r.targets().get(0);
        assertThat(level.estimate()).isEqualTo(april.score());
        assertThat(level.lower()).isEqualTo(april.lower());
        assertThat(level.upper()).isEqualTo(april.upper());
        // weights 2 on 20 promoters, 1 on 20 detractors: NPS = 100 (40 - 20)/60 = 33.3
        assertThat(level.estimate().getAsDouble()).isCloseTo(100.0 / 3, within(1e-9));
        // the change of identical months is 0 with the weighted comparison's interval, which at n = 40
        // still holds +5
        Assessment change = r.targets().get(1);
        assertThat(change.estimate().getAsDouble()).isCloseTo(0, within(1e-9));
        assertThat(change.upper().getAsDouble()).isGreaterThan(5);
        assertThat(change.status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        Assessment deadline = r.targets().get(2);
        assertThat(deadline.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(deadline.projected().getAsDouble()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void windowsAndBaselinesAreTheirDays() throws IOException {
        // no --by: the window is the union of its days, whatever the grouping
        Report r = ReportTest.report(months(4), ReportOptions.defaults().withTarget("fcr>=70% in 2026-Q1")
                .withTarget("nps+5 vs 2026-01").withTarget("response.mean<2h in 2026-W06")
                .withTarget("response.mean<2h in 2026-03-05"));
        Assessment q1 = r.targets().get(0);
        double[] w = wilson(90, 120);
        assertThat(q1.n()).isEqualTo(120);
        assertThat(q1.lower().getAsDouble()).isCloseTo(w[0], within(1e-9));
        assertThat(q1.upper().getAsDouble()).isCloseTo(w[1], within(1e-9));
        // the change from January to the days after it: identical months, so 0, on 40 against 120 responses
        Assessment change = r.targets().get(1);
        assertThat(change.n()).isEqualTo(120);
        assertThat(change.estimate().getAsDouble()).isCloseTo(0, within(1e-9));
        assertThat(change.reason()).contains("from 0.0 to 0.0");
        // ISO week 6 of 2026 is 2 - 8 February: the 40 rows of 5 February
        assertThat(r.targets().get(2).n()).isEqualTo(40);
        assertThat(r.targets().get(3).n()).isEqualTo(40);
        assertThat(r.targets().get(2).estimate().getAsDouble()).isCloseTo(205, within(1e-9));
        // with --by month, a window target is judged on its window and left out of the per-period table
        Report byMonth = ReportTest.report(months(4), ReportOptions.defaults()
                .withGrouping(g -> g.withBy(Granularity.MONTH)).withTarget("fcr>=70% in 2026-Q1")
                .withTarget("fcr>=70%"));
        assertThat(byMonth.targets().get(0).n()).isEqualTo(120);
        assertThat(byMonth.targets().get(1).n()).isEqualTo(40);
        assertThat(byMonth.periodTargets().get("2026-01")).hasSize(1);
        // a window with no responses
        Report empty = ReportTest.report(months(1), ReportOptions.defaults().withTarget("fcr>=70% in 2027"));
        assertThat(empty.targets().get(0).status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(empty.targets().get(0).n()).isZero();
    }

    @Test
    void targetsWithoutTheirDataAreRefused() {
        assertThatThrownBy(() -> ReportTest.report("id,nps\n1,9\n", ReportOptions.defaults()
                .withTarget("response.mean<2h"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Target \"response.mean<2h\" needs response times (a first_response_minutes column, "
                        + "--column response=NAME, or --response-from/--response-to), which are not in the report");
        assertThatThrownBy(() -> ReportTest.report("id,nps\n1,9\n", ReportOptions.defaults().withTarget("fcr>=80%")))
                .hasMessageContaining("needs first-contact resolution (a resolved_first_contact column");
    }
}
