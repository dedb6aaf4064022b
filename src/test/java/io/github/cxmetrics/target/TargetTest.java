package io.github.cxmetrics.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.trend.Series;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Status table, case by case. Wilson 95 % limits (scipy-checked formula): 90/100 [82.56, 94.48],
 * 80/100 [71.12, 86.66], 60/100 [50.20, 69.06], 770/1000 [74.29, 79.50].
 */
class TargetTest {
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate BEFORE = LocalDate.of(2025, 3, 10);
    private static final LocalDate DEADLINE = LocalDate.of(2025, 3, 31);
    private static final LocalDate AFTER = LocalDate.of(2025, 4, 1);

    static Tally csat(long s, long n) {
        return Tally.of(CsatScale.FIVE_POINT, 0, 0, n - s, 0, s);
    }

    static Tally nps(long p, long a, long d) {
        long[] c = new long[11];
        c[10] = p;
        c[8] = a;
        c[0] = d;
        return Tally.of(NpsScale.STANDARD, c);
    }

    /** Weekly CSAT W01…W10 2025, 1000 responses each, 50 % rising (or falling) 3 points a week. */
    static Series weekly(boolean rising) {
        SortedMap<CalendarPeriod, Tally> m = new TreeMap<>();
        CalendarPeriod w1 = CalendarPeriod.parse("2025-W01", AMS);
        for (int i = 0; i < 10; i++) {
            m.put(w1.plus(i), csat(rising ? 500 + 30 * i : 770 - 30 * i, 1000));
        }
        return Series.of(Metric.CSAT, m);
    }

    static TargetStatus status(String target, Tally current, LocalDate asOf) {
        Target.Evaluation e = Target.parse(target).evaluation(current);
        if (asOf != null) {
            e.asOf(asOf);
        }
        return e.evaluate().status();
    }

    @Test
    void standingTargetWithoutDeadline() {
        assertThat(status("csat>=80%", csat(90, 100), null)).isEqualTo(TargetStatus.MET);
        assertThat(status("csat>=80%", csat(60, 100), null)).isEqualTo(TargetStatus.NOT_MET);
        assertThat(status("csat>=80%", csat(80, 100), null)).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(status("csat>=80%", csat(0, 0), null)).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        // strict and mirrored operators
        assertThat(status("csat>82.5%", csat(90, 100), null)).isEqualTo(TargetStatus.MET);
        assertThat(status("csat>82.6%", csat(90, 100), null)).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(status("csat<=70%", csat(60, 100), null)).isEqualTo(TargetStatus.MET);
        assertThat(status("csat<70%", csat(90, 100), null)).isEqualTo(TargetStatus.NOT_MET);
    }

    @Test
    void reasonsCarryTheNumbers() {
        Assessment met = Target.parse("csat>=80%").evaluation(csat(90, 100)).evaluate();
        assertThat(met.reason()).isEqualTo(
                "CSAT 90.0 (95 % interval 82.6 to 94.5, n = 100) is at or above the target 80.0: the whole interval is.");
        assertThat(met.estimate()).hasValue(90.0);
        assertThat(met.lower().getAsDouble()).isCloseTo(82.56343384950866, within(1e-6));
        assertThat(met.upper().getAsDouble()).isCloseTo(94.47708629393249, within(1e-6));
        assertThat(met.projected()).isEmpty();
        Assessment not = Target.parse("csat>=80%").evaluation(csat(60, 100)).evaluate();
        assertThat(not.reason()).isEqualTo(
                "CSAT 60.0 (95 % interval 50.2 to 69.1, n = 100) is not at or above the target 80.0: the whole interval is short.");
        Assessment none = Target.parse("ces>=5.5").evaluation(Tally.of(CesScale.AGREEMENT_7, 0, 0, 0, 0, 0, 0, 1))
                .evaluate();
        assertThat(none.status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(none.reason()).isEqualTo("Not enough responses to judge ces>=5.5: n = 1 (an interval needs at least 2)");
        assertThat(none.estimate()).isEmpty();
    }

    @Test
    void afterTheDeadline() {
        String t = "csat>=80% by 2025-03-31";
        assertThat(status(t, csat(90, 100), AFTER)).isEqualTo(TargetStatus.MET);
        assertThat(status(t, csat(60, 100), AFTER)).isEqualTo(TargetStatus.MISSED);
        assertThat(status(t, csat(80, 100), AFTER)).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        // the deadline day itself still counts as before
        assertThat(status(t, csat(60, 100), DEADLINE)).isEqualTo(TargetStatus.AT_RISK);
        assertThat(Target.parse(t).evaluation(csat(60, 100)).asOf(AFTER).evaluate().reason())
                .startsWith("Deadline 2025-03-31 passed: CSAT 60.0 (95 % interval 50.2 to 69.1, n = 100) is not");
    }

    @Test
    void beforeTheDeadlineWithoutATrend() {
        String t = "csat>=80% by 2025-03-31";
        assertThat(status(t, csat(90, 100), BEFORE)).isEqualTo(TargetStatus.MET);
        assertThat(status(t, csat(60, 100), BEFORE)).isEqualTo(TargetStatus.AT_RISK);
        assertThat(status(t, csat(80, 100), BEFORE)).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        assertThat(Target.parse(t).evaluation(csat(80, 100)).asOf(BEFORE).evaluate().reason())
                .endsWith("and there is no trend to project to 2025-03-31 (no series given).");
        assertThatThrownBy(() -> Target.parse(t).evaluation(csat(80, 100)).evaluate())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("asOf(date) is required");
    }

    @Test
    void beforeTheDeadlineTheTrendDecides() {
        // current week 770/1000 = 77 % [74.29, 79.50]: clearly short of 85 %, but rising 3 points a
        // week: projected to W14 (contains 2025-03-31), index 13: 50 + 3·13 = 89 [85.53, 92.47]
        Assessment up = Target.parse("csat>=85% by 2025-03-31").evaluation(csat(770, 1000)).trend(weekly(true))
                .asOf(BEFORE).evaluate();
        assertThat(up.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(up.projectedPeriod().map(CalendarPeriod::label)).contains("2025-W14");
        assertThat(up.projected().getAsDouble()).isCloseTo(89.0, within(1e-9));
        assertThat(up.projectedLower().getAsDouble()).isCloseTo(85.53211775235174, within(1e-6));
        assertThat(up.projectedUpper().getAsDouble()).isCloseTo(92.46788224764826, within(1e-6));
        assertThat(up.reason()).contains("projects CSAT 89.0 for 2025-W14").contains("+3.0 per week, 10 periods");
        Assessment down = Target.parse("csat>=85% by 2025-03-31").evaluation(csat(500, 1000)).trend(weekly(false))
                .asOf(BEFORE).evaluate();
        assertThat(down.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(down.projected().getAsDouble()).isCloseTo(77 - 39, within(1e-9));
    }

    @Test
    void aBreachedFloorIsAtRiskWhateverTheTrend() {
        Assessment a = Target.parse("csat>=90% by 2025-12-31 floor 75%").evaluation(csat(60, 100))
                .trend(weekly(true)).asOf(BEFORE).evaluate();
        assertThat(a.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(a.reason()).isEqualTo("CSAT 60.0 is below the floor 75.0 (the whole interval is), before the deadline "
                + "2025-12-31.");
    }

    @Test
    void changeAgainstABaseline() {
        // baseline NPS 0 (30/40/30), current NPS 50 (60/30/10), n = 100 each; the change shown is the
        // raw 50 − 0; its adjusted-Wald test and interval: (60.75 − 10.75)/103·100 − 0 = 48.54,
        // SE = 100·sqrt(.4586/103 + .5971/103) = 10.12: lower ≈ 28.7 > 15
        Assessment a = Target.parse("nps+15").evaluation(nps(60, 30, 10)).baseline(nps(30, 40, 30)).evaluate();
        assertThat(a.status()).isEqualTo(TargetStatus.MET);
        assertThat(a.estimate().getAsDouble()).isCloseTo(50, within(1e-12));
        assertThat(a.comparison().orElseThrow().testedDifference()).isCloseTo(100 * 50 / 103.0, within(1e-9));
        assertThat(a.comparison()).isPresent();
        assertThat(a.reason()).startsWith("The NPS change +50.0 (from 0.0 to 50.0)");
        assertThat(Target.parse("nps+60").evaluation(nps(60, 30, 10)).baseline(nps(30, 40, 30)).evaluate().status())
                .isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        // what the caller failed to give throws, one type for every missing input, naming it and how to give it
        assertThatThrownBy(() -> Target.parse("nps+15").evaluation(nps(60, 30, 10)).evaluate())
                .isInstanceOf(IllegalStateException.class).hasMessage("Missing baseline: the target nps+15 is a "
                        + "change, so baseline(tally) is required (the responses the change is measured from)");
        assertThatThrownBy(() -> Target.parse("nps+15 by 2025-12-31").evaluation(nps(60, 30, 10))
                .baseline(nps(30, 40, 30)).evaluate()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Missing evaluation date: the target nps+15 by 2025-12-31 has a deadline, "
                        + "so asOf(date) is required");
        // data too thin stay an answer: INSUFFICIENT_DATA
        assertThat(Target.parse("nps+15").evaluation(nps(60, 30, 10)).baseline(Tally.empty(NpsScale.STANDARD))
                .evaluate().status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
        // a fall target: nps-10 met when the whole interval of the change lies at or below −10
        assertThat(Target.parse("nps-10").evaluation(nps(30, 40, 30)).baseline(nps(60, 30, 10)).evaluate().status())
                .isEqualTo(TargetStatus.MET);
    }

    @Test
    void lowerIsBetterCes() {
        // effort 1–5: counts 30, 10, 5, 3, 2 -> mean 1.84, t interval well below 2.5
        Tally effort = Tally.of(CesScale.EFFORT_5, 30, 10, 5, 3, 2);
        assertThat(status("ces<=2.5", effort, null)).isEqualTo(TargetStatus.MET);
        assertThatThrownBy(() -> status("ces<=6", effort, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for ces target on CES[1..5 effort] (valid values 1 - 5): 6");
    }

    @Test
    void parsingAndCanonicalForm() {
        assertThat(Target.parse("nps>=40").toString()).isEqualTo("nps>=40");
        assertThat(Target.parse(" CSAT >= 90 % ").toString()).isEqualTo("csat>=90%");
        assertThat(Target.parse("ces>=5.5").value()).isEqualTo(5.5);
        assertThat(Target.parse("nps+15").kind()).isEqualTo(Target.Kind.CHANGE);
        assertThat(Target.parse("nps+15").operator()).isEqualTo(Target.Operator.AT_LEAST);
        assertThat(Target.parse("ces-0.5").operator()).isEqualTo(Target.Operator.AT_MOST);
        assertThat(Target.parse("ces-0.5").value()).isEqualTo(-0.5);
        assertThat(Target.parse("nps≥-10").value()).isEqualTo(-10.0);
        Target full = Target.parse("nps>=40 floor 30 by 2025-12-31");
        assertThat(full.toString()).isEqualTo("nps>=40 by 2025-12-31 floor 30");
        assertThat(full.deadline()).contains(LocalDate.of(2025, 12, 31));
        assertThat(full.floor()).hasValue(30.0);
        for (String s : new String[] {"nps>=40", "csat>=90%", "ces<=2.5", "nps+15", "csat-5%",
            "csat>=92.5% by 2026-06-30 floor 85%", "nps>-20"}) {
            assertThat(Target.parse(Target.parse(s).toString())).isEqualTo(Target.parse(s));
        }
    }

    @Test
    void parseErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> Target.parse("")).hasMessage(
                "Invalid target (expected e.g. nps>=40, csat>=90%, ces>=5.5, nps+15, response.mean<2h, fcr>=80%): \"\"");
        assertThatThrownBy(() -> Target.parse("xps>=40")).hasMessage(
                "Invalid target measure in \"xps>=40\" (valid values nps, csat, ces, response.mean, response.median, "
                        + "response.p90, response.within, fcr): xps");
        assertThatThrownBy(() -> Target.parse("nps 40")).hasMessage(
                "Invalid target \"nps 40\": expected an operator (>=, >, <=, <) or a change (+15, -5) after nps");
        assertThatThrownBy(() -> Target.parse("nps>=abc")).hasMessage(
                "Invalid target \"nps>=abc\": expected a number after nps>=, got \"abc\"");
        assertThatThrownBy(() -> Target.parse("nps>=40%")).hasMessage(
                "Invalid target \"nps>=40%\": NPS is in points (-100 to 100), not percent");
        assertThatThrownBy(() -> Target.parse("nps>=140")).hasMessage(
                "Invalid value for nps target (valid values -100 - 100): 140.0 in \"nps>=140\"");
        assertThatThrownBy(() -> Target.parse("csat>=0.9")).hasMessage(
                "Invalid value for csat target (valid values 0 - 100, in percent; 0 < v <= 1 looks like a fraction): "
                        + "0.9 (write 90 for 90 %) in \"csat>=0.9\"");
        assertThatThrownBy(() -> Target.parse("nps+0")).hasMessage(
                "Invalid value for nps change (valid values non-zero, -200 - 200): 0.0 in \"nps+0\"");
        assertThatThrownBy(() -> Target.parse("nps>=40 by 2025-13-01")).hasMessage(
                "Invalid deadline in \"nps>=40 by 2025-13-01\" (valid format yyyy-mm-dd): \"2025-13-01\"");
        assertThatThrownBy(() -> Target.parse("nps>=40 floor 50")).hasMessage(
                "Invalid floor for nps>=40 (valid values < 40): 50 in \"nps>=40 floor 50\"");
        assertThatThrownBy(() -> Target.parse("nps>=40 until 2025-12-31")).hasMessage(
                "Invalid target \"nps>=40 until 2025-12-31\": unexpected \"until 2025-12-31\" (valid clauses: "
                        + "in <period>, vs <period>, by yyyy-mm-dd, floor <value>, each at most once)");
        assertThatThrownBy(() -> Target.parse("nps+-5")).hasMessageContaining("expected a number after nps+");
    }

    /**
     * One rule for CSAT units: a value that looks like a fraction (0 < v <= 1) is refused by the
     * benchmark as by the target, with the same message. Before, Benchmark.of(CSAT, tally, 0.65, ...)
     * silently tested against 0.65 % (p = 0).
     */
    @Test
    void csatFractionsAreRefusedTheSameWayEverywhere() {
        String message = "Invalid value for csat %s (valid values 0 - 100, in percent; 0 < v <= 1 looks like a "
                + "fraction): 0.65 (write 65 for 65 %%)";
        assertThatThrownBy(() -> Benchmark.of(Metric.CSAT, csat(85, 100), 0.65, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(String.format(message, "benchmark"));
        assertThatThrownBy(() -> Target.level(Metric.CSAT, Target.Operator.AT_LEAST, 0.65))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(String.format(message, "target"));
        assertThatThrownBy(() -> Target.parse("csat>=0.65"))
                .hasMessage(String.format(message, "target") + " in \"csat>=0.65\"");
        assertThatThrownBy(() -> Target.level(Metric.CSAT, Target.Operator.AT_LEAST, 90).withFloor(0.65))
                .hasMessage(String.format(message, "floor"));
        assertThatThrownBy(() -> Target.parse("csat>=1")).hasMessageContaining("1 (write 100 for 100 %)");
        // written with %, the value is percent as given; 0 and values above 1 are not fractions
        assertThat(Target.parse("csat>=0.9%").value()).isEqualTo(0.9);
        assertThat(Target.parse("csat>=90 floor 0.5%").floor()).hasValue(0.5);
        assertThat(Target.level(Metric.CSAT, Target.Operator.AT_LEAST, 0).value()).isZero();
        assertThat(Target.parse("csat+0.5").value()).isEqualTo(0.5); // a change, in percentage points
        assertThat(Benchmark.of(Metric.CSAT, csat(85, 100), 65, 0.95).value()).isEqualTo(65);
    }

    @Test
    void benchmarks() {
        // NPS 60/24/16 vs 32: adjusted-Wald difference 10.7184, z = 1.44091, p = 0.149611 (ref_seg.py)
        Benchmark nps = Benchmark.of(Metric.NPS, nps(60, 24, 16), 32, 0.95);
        assertThat(nps.comparison().testedDifference()).isCloseTo(10.7184466019417, within(1e-9));
        assertThat(nps.comparison().difference()).as("raw 44 − 32").isCloseTo(12, within(1e-12));
        assertThat(nps.comparison().statistic()).isCloseTo(1.44090602440735, within(1e-9));
        assertThat(nps.pValue()).isCloseTo(0.14961123388391, within(1e-6));
        assertThat(nps.verdict()).isEqualTo(BenchmarkVerdict.NOT_DISTINGUISHABLE);
        assertThat(nps.score()).isCloseTo(44.0, within(1e-12));
        // CSAT vs 80 %: score test z = (p − .8)/sqrt(.16/n)
        Benchmark same = Benchmark.of(Metric.CSAT, csat(85, 100), 80, 0.95);
        assertThat(same.comparison().statistic()).isCloseTo(1.25, within(1e-12));
        assertThat(same.pValue()).isCloseTo(0.211299547333711, within(1e-7));
        assertThat(same.comparison().lower()).isCloseTo(-3.28355959083236, within(1e-6));
        assertThat(same.verdict()).isEqualTo(BenchmarkVerdict.NOT_DISTINGUISHABLE);
        assertThat(Benchmark.of(Metric.CSAT, csat(900, 1000), 80, 0.95).verdict()).isEqualTo(BenchmarkVerdict.ABOVE);
        assertThat(Benchmark.of(Metric.CSAT, csat(700, 1000), 80, 0.95).verdict()).isEqualTo(BenchmarkVerdict.BELOW);
        // CES 1–7 counts 2,3,5,10,20,30,30 vs 5.5: scipy ttest_1samp t = 0.205537, p = 0.837575, df 99
        Benchmark ces = Benchmark.of(Metric.CES, Tally.of(CesScale.AGREEMENT_7, 2, 3, 5, 10, 20, 30, 30), 5.5, 0.95);
        assertThat(ces.comparison().statistic()).isCloseTo(0.205537119670555, within(1e-9));
        assertThat(ces.comparison().degreesOfFreedom()).isEqualTo(99.0);
        assertThat(ces.pValue()).isCloseTo(0.837574545342259, within(1e-7));
        assertThat(ces.comparison().upper()).isCloseTo(0.319614394922946, within(1e-7));
        assertThatThrownBy(() -> Benchmark.of(Metric.CSAT, csat(1, 2), 100, 0.95))
                .hasMessage("Invalid value for csat benchmark (valid values 0.0 < v < 100.0): 100.0");
        assertThatThrownBy(() -> Benchmark.of(Metric.NPS, nps(0, 0, 0), 30, 0.95))
                .isInstanceOf(IllegalStateException.class);
    }
}
