package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.ops.BusinessHours;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.ops.ResponseTimes;
import io.github.cxmetrics.ops.ResponseTimesAccumulator;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.TallyAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The "done when": a 5-question KTO with its index and interval per week, and response time
 * against a 2-hour target in business hours beside NPS, all from the library's accumulators.
 * Expected values are recomputed here the plain way (per-respondent formula, counting).
 */
class KtoWeeklyReportTest {
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    private static final class Week {
        final SurveyAccumulator kto = new SurveyAccumulator(SurveyTest.SURVEY);
        final TallyAccumulator nps = new TallyAccumulator(NpsScale.STANDARD);
        final ResponseTimeHistogramAccumulator histogram =
                new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2));
        final ResponseTimesAccumulator exact = new ResponseTimesAccumulator();
        double indexSum;
        int indexN;
        int within;
    }

    @Test
    void weeklyKtoIndexAndBusinessResponseTimeBesideNps() {
        BusinessHours hours = BusinessHours.builder(AMS).openWeekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                .holidays(LocalDate.of(2025, 4, 21)).build();
        Random rnd = new Random(42);
        Map<String, Week> weeks = new TreeMap<>();
        // Monday 24 March 2025 00:00 CET; four weeks (minus the hour lost to DST) across Easter Monday
        Instant start = Instant.parse("2025-03-23T23:00:00Z");
        for (int i = 0; i < 1200; i++) {
            Instant received = start.plusSeconds(rnd.nextInt(28 * 86400 - 3600));
            Instant replied = received.plusSeconds(rnd.nextInt(3 * 86400));
            LocalDate day = LocalDate.ofInstant(received, AMS);
            String key = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            Week w = weeks.computeIfAbsent(key, k -> new Week());
            int[] answers = {1 + rnd.nextInt(5), 1 + rnd.nextInt(5), 1 + rnd.nextInt(7), 1 + rnd.nextInt(5),
                rnd.nextInt(11)};
            w.kto.add(answers);
            w.nps.add(answers[4]);
            Duration business = hours.between(received, replied);
            w.histogram.add(business);
            w.exact.add(business);
            // the plain way: weights 2,1,1,1,1; q4 is an effort scale
            double idx = (2 * 25.0 * (answers[0] - 1) + 25.0 * (answers[1] - 1) + 100.0 * (answers[2] - 1) / 6
                    + 25.0 * (5 - answers[3]) + 10.0 * answers[4]) / 6;
            w.indexSum += idx;
            w.indexN++;
            if (business.compareTo(Duration.ofHours(2)) <= 0) {
                w.within++;
            }
        }
        assertThat(weeks).hasSize(4);
        for (Map.Entry<String, Week> e : weeks.entrySet()) {
            Week w = e.getValue();
            SurveyResult kto = w.kto.snapshot();
            Interval index = kto.index().interval(0.95);
            assertThat(index.center()).as(e.getKey()).isCloseTo(w.indexSum / w.indexN, within(1e-9));
            assertThat(index.lower()).isLessThan(index.center());
            assertThat(index.upper()).isGreaterThan(index.center());
            ResponseTimeHistogram h = w.histogram.snapshot();
            ResponseTimes exact = w.exact.snapshot();
            assertThat(h.withinTarget().successes()).isEqualTo(w.within);
            assertThat(exact.withinTarget(Duration.ofHours(2)).successes()).isEqualTo(w.within);
            assertThat(Math.abs(h.p90() - exact.p90())).isLessThanOrEqualTo(0.01 * exact.p90() + 1e-12);
            Nps nps = Nps.of(w.nps.snapshot());
            assertThat(nps.n()).isEqualTo(kto.tally("q5").n());
        }
    }
}
