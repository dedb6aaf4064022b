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

    @Test
    void theOddsOfADeadlineTargetComeFromThePredictionInterval() throws IOException {
        Report r = ReportTest.report(sixWeeks(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK))
                .withTarget("nps>=95 by 2025-05-25"));
        Assessment a = r.targets().get(0);
        // by hand: weekly NPS 0,0,0,0,0,100 at x = 0..5, n = 50 each: b = 250/17.5, a = 50/3 - 2.5 b;
        // pooled per-response variance 1 - (50/300)^2 in points^2: 9722.2; dispersion = sum n r^2 / s0^2 / 4
        double b = 250 / 17.5;
        double intercept = 50.0 / 3 - 2.5 * b;
        double s0 = (1 - Math.pow(50.0 / 300, 2)) * 10_000;
        double chi2 = 0;
        double[] y = {0, 0, 0, 0, 0, 100};
        for (int x = 0; x < 6; x++) {
            chi2 += 50 * Math.pow(y[x] - intercept - b * x, 2);
        }
        double phi = Math.max(1, chi2 / s0 / 4);
        // the deadline's week 2025-W21 is x = 11; one future week of the mean 50 responses
        double centre = intercept + b * 11;
        double se = Math.sqrt(phi * s0 * (1.0 / 50 + 1.0 / 300 + Math.pow(11 - 2.5, 2) / (50 * 17.5)));
        double p = 1 - io.github.cxmetrics.stats.StudentT.cdf((95 - centre) / se, 4);
        assertThat(a.probabilityMet().getAsDouble()).isCloseTo(p, org.assertj.core.api.Assertions.within(1e-9));
        // from 2025-W15 (the last week, as of 2025-04-13) to 2025-W21: six weeks to go from 100 to 95
        assertThat(a.requiredPace().getAsDouble()).isCloseTo(-5.0 / 6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.trendSlope().getAsDouble()).isCloseTo(b, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.reason()).contains("The chance of a score at or above 95.0 in 2025-W21 is "
                + Math.round(100 * p) + " %").contains("it needs -0.8 per week from now, the trend gives +14.3.");
        assertThat(ReportTest.json(r).get("targets").get(0).get("probabilityMet").asDouble())
                .isCloseTo(p, org.assertj.core.api.Assertions.within(1e-12));
    }
}
