package io.github.cxmetrics.report;

import io.github.cxmetrics.trend.Metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.target.TargetStatus;
import io.github.cxmetrics.calendar.Granularity;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Targets, control limits and trend lines as wired into the report. */
class ReportTargetsTest {

    /** Six ISO weeks from Monday 2025-03-03; weeks 1-5: 25 promoters and 25 detractors; week 6: 50 promoters. */
    static String sixWeeks() {
        StringBuilder csv = new StringBuilder("submitted_at,nps\n");
        LocalDate monday = LocalDate.of(2025, 3, 3);
        for (int w = 0; w < 6; w++) {
            for (int i = 0; i < 50; i++) {
                int score = w == 5 || i % 2 == 0 ? 10 : 0;
                csv.append(monday.plusWeeks(w)).append(',').append(score).append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void aWeekFarFromTheLongRunLevelIsOutOfControl() throws IOException {
        Report r = ReportTest.report(sixWeeks(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK)));
        // pooled level: 175 promoters, 125 detractors of 300: 16.67 points; per-response variance
        // 1 - (50/300)^2 = 0.97222; limits at n = 50: 16.67 +- 3 * 100 * sqrt(0.97222 / 50) = 16.67 +- 41.83
        for (int w = 0; w < 5; w++) {
            MetricSummary s = r.trend().get(w).metrics().get(Metric.NPS);
            assertThat(s.isOutOfControl()).isFalse();
            assertThat(s.controlLimits().orElseThrow().upper()).isBetween(58.49, 58.51);
        }
        MetricSummary last = r.trend().get(5).metrics().get(Metric.NPS);
        assertThat(last.score().getAsDouble()).isEqualTo(100.0);
        assertThat(last.isOutOfControl()).isTrue();
        assertThat(r.trendLines()).containsKey(Metric.NPS);
    }

    @Test
    void levelTargetsAreJudgedOnTheLastPeriod() throws IOException {
        Report r = ReportTest.report(sixWeeks(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK))
                .withTarget("nps>=50").withTarget("nps>=99").withTarget("nps<=-50"));
        Assessment met = r.targets().get(0);
        // last week: 50 promoters of 50; adjusted Wald lower limit 86.6 (intervals.json nps-adjwald-edge-allpromoters-50)
        assertThat(met.status()).isEqualTo(TargetStatus.MET);
        assertThat(met.n()).isEqualTo(50);
        assertThat(met.lower().getAsDouble()).isBetween(86.64, 86.65);
        assertThat(met.reason()).contains("86.6");
        assertThat(r.targets().get(1).status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(r.targets().get(2).status()).isEqualTo(TargetStatus.NOT_MET);
        assertThat(met.asOf()).contains(LocalDate.of(2025, 4, 13)); // Sunday of the last ISO week
    }

    @Test
    void changeTargetsCompareTheLastPeriodWithTheFirst() throws IOException {
        Report r = ReportTest.report(sixWeeks(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK)).withTarget("nps+15"));
        Assessment a = r.targets().get(0);
        assertThat(a.comparison()).isPresent();
        // raw scores: week 6 NPS 100 (50 promoters), week 1 NPS 0 (25/25): +100 points; the test uses
        // the adjusted scores, week 6 (50.75 - 0.75)/53, week 1 (25.75 - 25.75)/53: +94.3 points
        assertThat(a.comparison().get().difference()).isCloseTo(100, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.comparison().get().testedDifference()).isBetween(94.33, 94.35);
        assertThat(a.status()).isEqualTo(TargetStatus.MET);
    }

    @Test
    void targetsThatCannotBeJudgedAreRefused() {
        assertThatThrownBy(() -> ReportTest.report("id,nps\n1,9\n", ReportOptions.defaults().withTarget("csat>=90%")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the csat column");
        assertThatThrownBy(() -> ReportTest.report("id,nps\n1,9\n", ReportOptions.defaults().withTarget("nps+15")))
                .hasMessageContaining("needs a trend (--by)");
    }

    @Test
    void deadlinesUseAsOf() throws IOException {
        Report before = ReportTest.report(sixWeeks(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK))
                .withTarget("nps>=99 by 2025-12-31"));
        assertThat(before.targets().get(0).status()).isIn(TargetStatus.ON_TRACK, TargetStatus.AT_RISK);
        Report after = ReportTest.report(sixWeeks(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK))
                .withTarget("nps<=-50 by 2025-03-31").withAsOf(LocalDate.of(2025, 6, 1)));
        assertThat(after.targets().get(0).status()).isEqualTo(TargetStatus.MISSED);
    }
}
