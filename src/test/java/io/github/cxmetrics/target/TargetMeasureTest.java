package io.github.cxmetrics.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.trend.Trend;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Targets on response times and shares, and judging any target on an {@link Estimate}. */
class TargetMeasureTest {
    private static final LocalDate BEFORE = LocalDate.of(2026, 12, 31);

    @Test
    void parsesResponseTimeAndShareTargets() {
        Target mean = Target.parse("response.mean<2h by 2027-06-30");
        assertThat(mean.measure()).isEqualTo(Measure.RESPONSE_MEAN);
        assertThat(mean.operator()).isEqualTo(Target.Operator.BELOW);
        assertThat(mean.value()).isEqualTo(120.0);
        assertThat(mean.deadline()).contains(LocalDate.of(2027, 6, 30));
        assertThat(mean).hasToString("response.mean<2h by 2027-06-30");
        assertThat(Target.parse("response.median <= 90m").toString()).isEqualTo("response.median<=90min");
        assertThat(Target.parse("response.p90<1.5h").value()).isEqualTo(90.0);
        assertThat(Target.parse("response.p90<1.5h")).hasToString("response.p90<90min");
        assertThat(Target.parse("response.mean<45s").value()).isEqualTo(0.75);
        assertThat(Target.parse("response.mean<45s")).hasToString("response.mean<45s");
        assertThat(Target.parse("RESPONSE.MEAN < 90 MIN floor 3h")).hasToString("response.mean<90min floor 3h");
        assertThat(Target.parse("response.within>=90%").measure()).isEqualTo(Measure.RESPONSE_WITHIN);
        assertThat(Target.parse("response.within>=90")).hasToString("response.within>=90%");
        assertThat(Target.parse("fcr>=80% by 2027-12-31")).hasToString("fcr>=80% by 2027-12-31");
        assertThat(Target.parse("fcr>=80").equals(Target.level(Measure.FCR, Target.Operator.AT_LEAST, 80))).isTrue();
        assertThat(Target.parse("response.mean<2h")).isEqualTo(
                Target.level(Measure.RESPONSE_MEAN, Target.Operator.BELOW, Duration.ofHours(2)));
        // score targets are as before
        assertThat(Target.parse("nps>=40").measure()).isEqualTo(Measure.NPS);
        assertThat(Target.parse("nps>=40").metric()).isEqualTo(Metric.NPS);
    }

    @Test
    void badExpressionsNameTheTextAndWhatIsAllowed() {
        assertThatThrownBy(() -> Target.parse("response.mean<2")).hasMessage("Invalid target \"response.mean<2\": "
                + "expected a duration after response.mean< (units s, m or min, h; e.g. 2h, 90min, 45s), got \"2\"");
        assertThatThrownBy(() -> Target.parse("response.mean<2 hours")).hasMessageContaining("got \"2 hours\"")
                .hasMessageContaining("units s, m or min, h");
        assertThatThrownBy(() -> Target.parse("response.mean<1d")).hasMessageContaining("units s, m or min, h");
        assertThatThrownBy(() -> Target.parse("response.mean<-1h")).hasMessageContaining("expected a duration");
        assertThatThrownBy(() -> Target.parse("fcr+5")).hasMessage("Invalid target \"fcr+5\": a change (+, -) is for "
                + "nps, csat and ces; fcr takes an operator (>=, >, <=, <), e.g. fcr>=80%");
        assertThatThrownBy(() -> Target.parse("response.mean-10min")).hasMessageContaining("e.g. response.mean<2h");
        assertThatThrownBy(() -> Target.parse("fcr>=0.8")).hasMessageContaining("looks like a fraction")
                .hasMessageContaining("\"fcr>=0.8\"");
        assertThatThrownBy(() -> Target.parse("response.within>=120%")).hasMessage(
                "Invalid value for response.within target (valid values 0 - 100 (percent)): 120.0 in "
                        + "\"response.within>=120%\"");
        assertThatThrownBy(() -> Target.parse("response.p95<2h")).hasMessage("Invalid target measure in "
                + "\"response.p95<2h\" (valid values nps, csat, ces, response.mean, response.median, response.p90, "
                + "response.within, fcr): response.p95");
        assertThatThrownBy(() -> Target.parse("response.mean<2h floor 1h")).hasMessage(
                "Invalid floor for response.mean<2h (valid values > 2h): 1h in \"response.mean<2h floor 1h\"");
        assertThatThrownBy(() -> Target.parse("response.mean<2h floor 3")).hasMessageContaining(
                "Invalid floor in \"response.mean<2h floor 3\": expected a duration");
        assertThatThrownBy(() -> Target.parse("response.mean<2h%")).hasMessageContaining("unexpected \"%\"");
        assertThatThrownBy(() -> Target.level(Measure.RESPONSE_MEAN, Target.Operator.BELOW, 120))
                .hasMessageContaining("give it as a Duration");
        assertThatThrownBy(() -> Target.level(Measure.FCR, Target.Operator.BELOW, Duration.ofHours(1)))
                .hasMessageContaining("only for response.mean");
        assertThatThrownBy(() -> Target.parse("fcr>=80%").metric()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("see measure()");
        assertThatThrownBy(() -> Target.parse("fcr>=80%").evaluation(TargetTest.csat(1, 2)))
                .hasMessageContaining("evaluation(Estimate)");
    }

    @Test
    void anEstimateIsJudgedByTheSameRules() {
        Target t = Target.parse("response.mean<2h");
        assertThat(t.evaluation(new Estimate(100, 90, 110, 500)).evaluate().status()).isEqualTo(TargetStatus.MET);
        assertThat(t.evaluation(new Estimate(130, 121, 139, 500)).evaluate().status()).isEqualTo(TargetStatus.NOT_MET);
        Assessment unclear = t.evaluation(new Estimate(118, 110, 126, 500)).evaluate();
        assertThat(unclear.status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(unclear.reason()).isEqualTo("The mean response time 118.0 min (95 % interval 110.0 min to 126.0 min, "
                + "n = 500) cannot be told apart from the target 120.0 min: the interval contains it.");
        assertThat(unclear.estimate()).hasValue(118);
        Assessment none = t.evaluationWithoutEstimate(1, "an interval needs at least 2").evaluate();
        assertThat(none.status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(none.reason()).isEqualTo("Not enough responses to judge response.mean<2h: n = 1 (an interval needs "
                + "at least 2)");
        Assessment fcr = Target.parse("fcr>=80% by 2026-06-30").evaluation(new Estimate(70, 66, 74, 900))
                .asOf(LocalDate.of(2026, 7, 1)).evaluate();
        assertThat(fcr.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(fcr.reason()).startsWith("Deadline 2026-06-30 passed: first-contact resolution 70.0 % (95 % "
                + "interval 66.0 % to 74.0 %, n = 900) is not at or above the target 80.0 %");
        Assessment floor = Target.parse("response.p90<4h by 2027-06-30 floor 6h")
                .evaluation(new Estimate(400, 380, 420, 900)).asOf(BEFORE).evaluate();
        assertThat(floor.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(floor.reason()).isEqualTo("The p90 response time 400.0 min is above the floor 360.0 min (the whole "
                + "interval is), before the deadline 2027-06-30.");
        assertThatThrownBy(() -> Target.parse("fcr>=80% by 2026-06-30").evaluation(new Estimate(70, 66, 74, 900))
                .evaluate()).isInstanceOf(IllegalStateException.class).hasMessageContaining("asOf(date)");
    }

    /** Monthly mean response times falling 2 minutes a month from 140, 1000 responses each. */
    static Trend falling(int months) {
        List<CalendarPeriod> ps = new ArrayList<>();
        double[] w = new double[months];
        double[] y = new double[months];
        CalendarPeriod jan = CalendarPeriod.parse("2026-01", ZoneOffset.UTC);
        for (int i = 0; i < months; i++) {
            ps.add(jan.plus(i));
            w[i] = 1000;
            y[i] = 140 - 2 * i;
        }
        return Trend.ofEstimates(ps, w, y, 3600, 0.95).orElseThrow();
    }

    @Test
    void theTrendProjectsToTheDeadline() {
        // an exact line: slope -2 per month from 140 in 2026-01; 2027-06 is 17 months on: 140 - 34 = 106
        Assessment onTrack = Target.parse("response.mean<2h by 2027-06-30").evaluation(new Estimate(118, 112, 124, 1000))
                .asOf(BEFORE).trend(falling(12)).evaluate();
        assertThat(onTrack.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(onTrack.projectedPeriod().orElseThrow().label()).isEqualTo("2027-06");
        assertThat(onTrack.projected().getAsDouble()).isCloseTo(106, within(1e-9));
        assertThat(onTrack.reason()).contains("the trend (-2.0 min per month, 12 periods) projects the mean response "
                + "time 106.0 min for 2027-06");
        Assessment atRisk = Target.parse("response.mean<100min by 2027-06-30")
                .evaluation(new Estimate(118, 112, 124, 1000)).asOf(BEFORE).trend(falling(12)).evaluate();
        assertThat(atRisk.status()).isEqualTo(TargetStatus.AT_RISK);
        Assessment noTrend = Target.parse("response.mean<100min by 2027-06-30")
                .evaluation(new Estimate(118, 112, 124, 1000)).asOf(BEFORE).evaluate();
        assertThat(noTrend.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(noTrend.reason()).contains("no trend given");
    }

    @Test
    void aChangeOnEstimatesNeedsTheBaselineAndTheChange() {
        Target t = Target.parse("nps+15");
        Assessment a = t.evaluation(new Estimate(30, 25, 35, 400)).baseline(new Estimate(10, 5, 15, 400))
                .change(new Estimate(20, 16, 24, 400)).evaluate();
        assertThat(a.status()).isEqualTo(TargetStatus.MET);
        assertThat(a.reason()).startsWith("The NPS change +20.0 (from 10.0 to 30.0) (95 % interval 16.0 to 24.0");
        assertThatThrownBy(() -> t.evaluation(new Estimate(30, 25, 35, 400)).evaluate())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseline(estimate)");
        assertThatThrownBy(() -> t.evaluation(new Estimate(30, 25, 35, 400)).baseline(new Estimate(10, 5, 15, 400))
                .evaluate()).isInstanceOf(IllegalStateException.class).hasMessageContaining("change(estimate)");
        assertThatThrownBy(() -> t.evaluation(TargetTest.nps(1, 1, 1)).change(new Estimate(1, 0, 2, 3)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void windowsAndBaselinesParseAndRoundTrip() {
        Target t = Target.parse("csat>=90% in 2027-q1");
        assertThat(t).hasToString("csat>=90% in 2027-Q1");
        assertThat(t.window(java.time.ZoneOffset.UTC).orElseThrow().start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(t.hasPeriods()).isTrue();
        Target c = Target.parse("nps+15 by 2026-12-31 vs 2026");
        assertThat(c).hasToString("nps+15 vs 2026 by 2026-12-31");
        assertThat(Target.parse(c.toString())).isEqualTo(c);
        for (String p : new String[] {"2026", "2026-Q1", "2026-03", "2026-W05", "2026-03-15"}) {
            Target w = Target.parse("response.mean<2h in " + p);
            assertThat(w).hasToString("response.mean<2h in " + p);
            assertThat(Target.parse("nps-5 vs " + p + " in " + p)).hasToString("nps-5 in " + p + " vs " + p);
        }
        assertThat(Target.parse("nps>=40").hasPeriods()).isFalse();
        assertThatThrownBy(() -> Target.parse("csat>=90% vs 2026")).hasMessage("Invalid target \"csat>=90% vs 2026\": "
                + "\"vs\" names the baseline of a change target (e.g. nps+15 vs 2026); a level target takes \"in\" "
                + "(e.g. csat>=90% in 2027-Q1)");
        assertThatThrownBy(() -> Target.parse("csat>=90% in 2026-W54")).hasMessage("Invalid period after \"in\" in "
                + "\"csat>=90% in 2026-W54\" (valid formats 2026, 2026-Q1, 2026-03, 2026-W05, 2026-03-15): \"2026-W54\"");
        assertThatThrownBy(() -> Target.parse("csat>=90% in 2026 in 2027")).hasMessageContaining(
                "valid clauses: in <period>, vs <period>, by yyyy-mm-dd, floor <value>, each at most once");
        assertThatThrownBy(() -> Target.parse("csat>=90%").withBaseline(
                io.github.cxmetrics.calendar.CalendarPeriod.parse("2026", java.time.ZoneOffset.UTC)))
                .hasMessageContaining("a baseline (vs) is for a change target");
    }

    @Test
    void estimatesAreChecked() {
        assertThatThrownBy(() -> new Estimate(5, 6, 7, 1)).hasMessageContaining("lower <= value <= upper");
        assertThatThrownBy(() -> new Estimate(Double.NaN, 0, 1, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Estimate(1, 0, 2, -1)).hasMessageContaining("n (valid values >= 0)");
    }
}
