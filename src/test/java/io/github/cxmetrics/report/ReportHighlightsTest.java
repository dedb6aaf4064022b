package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.target.TargetStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The highlights of a report, from hand-made exports whose significant change, segment below the
 * rest and targets are known; every p-value here is worked out in the test from the counts (the
 * pooled two-proportion z-test, Holm by hand), not taken from the code under test.
 */
class ReportHighlightsTest {

    /**
     * CSAT (1-5; 5 = satisfied, 1 = not) in ISO weeks 2025-W10 and 2025-W11 for three channels.
     * Satisfied / answered: W10 email 40/50, phone 40/50, chat 40/50 (120/150 = 80 %); W11 email
     * 35/50, phone 40/50, chat 24/60 (99/160 = 61.875 %). So the whole input falls significantly,
     * chat falls much more (its change is significant after Holm over the three channels, email's
     * is not), and chat (64/110) is significantly below the rest (155/200).
     */
    static String twoWeeks() {
        StringBuilder csv = new StringBuilder("submitted_at,channel,csat\n");
        int[][] satisfied = {{40, 40, 40}, {35, 40, 24}};
        int[][] answered = {{50, 50, 50}, {50, 50, 60}};
        String[] channels = {"email", "phone", "chat"};
        String[] days = {"2025-03-04", "2025-03-11"};
        for (int w = 0; w < 2; w++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < answered[w][c]; i++) {
                    csv.append(days[w]).append("T10:00:00Z,").append(channels[c]).append(',')
                            .append(i < satisfied[w][c] ? 5 : 1).append('\n');
                }
            }
        }
        return csv.toString();
    }

    static final ReportOptions WEEKLY_BY_CHANNEL = ReportOptions.defaults()
            .withGrouping(g -> g.withBy(Granularity.WEEK).withSegment("channel"));

    /** The two-sided p-value of the pooled two-proportion z-test of x1/n1 against x2/n2. */
    static double pooledZTestP(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * erfc by the Chebyshev fit of Numerical Recipes in C, 2nd ed., section 6.2 ({@code erfcc}):
     * fractional error below 1.2e-7 everywhere.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }

    /** Holm's step-down adjustment, written out: sort, multiply by (m - rank), running maximum, cap at 1. */
    static double[] holm(double... p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[p.length];
        double running = 0;
        for (int k = 0; k < p.length; k++) {
            running = Math.max(running, Math.min(1, (p.length - k) * p[order[k]]));
            out[order[k]] = running;
        }
        return out;
    }

    @Test
    void theSignificantChangeTheSegmentBelowTheRestAndTheTargetsShortAreFoundInOrder() throws IOException {
        Report r = ReportTest.report(twoWeeks(), WEEKLY_BY_CHANNEL
                .withTarget("csat>=72% by 2025-12-31")  // AT_RISK: the upper limit 69.0 is short, no trend to project
                .withTarget("csat>=90%")                        // NOT_MET
                .withTarget("csat>=75% by 2025-03-14")          // MISSED: deadline before the as-of date 2025-03-16
                .withTarget("csat>=50%"));                      // MET: not a highlight
        List<Highlight> h = r.highlights();
        assertThat(h).extracting(Highlight::kind).containsExactly(Highlight.Kind.TARGET, Highlight.Kind.TARGET,
                Highlight.Kind.TARGET, Highlight.Kind.CHANGE, Highlight.Kind.CHANGE, Highlight.Kind.BELOW_REST);
        assertThat(h.subList(0, 3)).extracting(x -> x.status().orElseThrow()).containsExactly(TargetStatus.MISSED,
                TargetStatus.NOT_MET, TargetStatus.AT_RISK);
        assertThat(h.get(0).target()).contains("csat>=75% by 2025-03-14");
        assertThat(h.get(0).period()).contains("2025-W11");
        assertThat(h.get(0).text()).startsWith("Target csat>=75% by 2025-03-14 MISSED: Deadline 2025-03-14 passed");
        assertThat(h.get(1).reference().getAsDouble()).isEqualTo(90.0);
        assertThat(h.get(1).difference().getAsDouble()).isCloseTo(99.0 / 160 * 100 - 90, within(1e-9));
        assertThat(r.highlightsOmitted()).isZero();

        // the whole input: 99/160 against 120/150, pooled z by hand; affected 160 * 18.125 / 100 = 29
        Highlight overall = h.get(3);
        assertThat(overall.group()).isEqualTo("overall");
        assertThat(overall.segmentColumn()).isEmpty();
        assertThat(overall.period()).contains("2025-W11");
        assertThat(overall.n()).isEqualTo(160);
        assertThat(overall.score().getAsDouble()).isCloseTo(61.875, within(1e-9));
        assertThat(overall.reference().getAsDouble()).isCloseTo(80.0, within(1e-9));
        assertThat(overall.difference().getAsDouble()).isCloseTo(-18.125, within(1e-9));
        double pOverall = pooledZTestP(99, 160, 120, 150);
        assertThat(overall.pValue().getAsDouble()).isCloseTo(pOverall, within(pOverall * 1e-5));
        assertThat(overall.adjustedPValue()).isEmpty();
        assertThat(overall.affected().getAsDouble()).isCloseTo(29.0, within(1e-9));
        assertThat(overall.isWorse()).isTrue();
        assertThat(overall.text()).isEqualTo("CSAT 2025-W11: 61.9 %, -18.1 points vs 2025-W10 (80.0 %), "
                + Highlights.p(pOverall) + ", n = 160");

        // chat's change, Holm-adjusted over the three channels' changes (email 35/50 vs 40/50, phone 40/50
        // vs 40/50, chat 24/60 vs 40/50); affected 60 * 40 / 100 = 24
        double[] changes = {pooledZTestP(35, 50, 40, 50), pooledZTestP(40, 50, 40, 50), pooledZTestP(24, 60, 40, 50)};
        double[] adjusted = holm(changes);
        assertThat(adjusted[0]).isGreaterThan(0.05); // email's change is not a highlight
        Highlight chat = h.get(4);
        assertThat(chat.group()).isEqualTo("channel=chat");
        assertThat(chat.segment()).contains("chat");
        assertThat(chat.difference().getAsDouble()).isCloseTo(-40.0, within(1e-9));
        assertThat(chat.pValue().getAsDouble()).isCloseTo(changes[2], within(changes[2] * 1e-5));
        assertThat(chat.adjustedPValue().getAsDouble()).isCloseTo(adjusted[2], within(adjusted[2] * 1e-5));
        assertThat(chat.affected().getAsDouble()).isCloseTo(24.0, within(1e-9));

        // chat 64/110 against the rest 155/200, Holm over the three channels' tests against their rests
        double[] vsRest = {pooledZTestP(75, 100, 144, 210), pooledZTestP(80, 100, 139, 210),
            pooledZTestP(64, 110, 155, 200)};
        double[] vsRestAdjusted = holm(vsRest);
        Highlight below = h.get(5);
        assertThat(below.group()).isEqualTo("channel=chat");
        assertThat(below.period()).isEmpty();
        assertThat(below.n()).isEqualTo(110);
        assertThat(below.reference().getAsDouble()).isCloseTo(77.5, within(1e-9));
        assertThat(below.difference().getAsDouble()).isCloseTo(6400.0 / 110 - 77.5, within(1e-9));
        assertThat(below.pValue().getAsDouble()).isCloseTo(vsRest[2], within(vsRest[2] * 1e-5));
        assertThat(below.adjustedPValue().getAsDouble()).isCloseTo(vsRestAdjusted[2], within(vsRestAdjusted[2] * 1e-5));
        assertThat(below.affected().getAsDouble()).isCloseTo(110 * (77.5 - 6400.0 / 110) / 100, within(1e-9));
        assertThat(below.text()).startsWith("CSAT channel=chat: 58.2 %, -19.3 points vs the rest (77.5 %), p = ")
                .contains(", Holm-adjusted p = ").endsWith(", n = 110");
    }

    @Test
    void theLimitKeepsTheFirstAndCountsTheRestAndZeroTurnsThemOff() throws IOException {
        Report all = ReportTest.report(twoWeeks(), WEEKLY_BY_CHANNEL.withTarget("csat>=90%"));
        assertThat(all.highlights()).hasSize(4);
        Report two = ReportTest.report(twoWeeks(), WEEKLY_BY_CHANNEL.withTarget("csat>=90%").withHighlights(2));
        assertThat(two.highlights()).extracting(Highlight::text).containsExactlyElementsOf(
                all.highlights().subList(0, 2).stream().map(Highlight::text).toList());
        assertThat(two.highlightsOmitted()).isEqualTo(2);
        Report off = ReportTest.report(twoWeeks(), WEEKLY_BY_CHANNEL.withTarget("csat>=90%").withHighlights(0));
        assertThat(off.highlights()).isEmpty();
        assertThat(off.highlightsOmitted()).isZero();
    }

    @Test
    void changesForTheBetterComeAfterThoseForTheWorse() throws IOException {
        // six weeks of NPS; the last one is all promoters: a significant rise, outside the control limits
        Report r = ReportTest.report(ReportTargetsTest.sixWeeks(), ReportOptions.defaults()
                .withGrouping(g -> g.withBy(Granularity.WEEK)).withTarget("nps>=99"));
        // nps>=99 is undecided (INSUFFICIENT_DATA), so not a highlight
        assertThat(r.highlights()).extracting(Highlight::kind).containsExactly(Highlight.Kind.CHANGE,
                Highlight.Kind.OUT_OF_CONTROL);
        assertThat(r.highlights()).allSatisfy(h -> assertThat(h.isWorse()).isFalse());
        Highlight change = r.highlights().get(0);
        // 50 responses moving NPS by 100 points of its 200-point range: 25 affected
        assertThat(change.affected().getAsDouble()).isCloseTo(25.0, within(1e-9));
        Highlight control = r.highlights().get(1);
        // pooled level 16.67, limits 16.67 +- 41.83 (ReportTargetsTest); 50 * 83.33 / 200 = 20.8
        assertThat(control.reference().getAsDouble()).isCloseTo(100.0 / 6, within(1e-9));
        assertThat(control.upper().getAsDouble()).isBetween(58.49, 58.51);
        assertThat(control.affected().getAsDouble()).isCloseTo(50 * (100 - 100.0 / 6) / 200, within(1e-9));
        assertThat(control.text()).isEqualTo("NPS 2025-W15: 100.0, above the control limits -25.2 to 58.5 "
                + "(long-run level 16.7), n = 50");
    }

    @Test
    void onALowerIsBetterCesScaleBelowTheRestMeansMoreEffort() throws IOException {
        StringBuilder csv = new StringBuilder("channel,ces\n");
        for (int i = 0; i < 60; i++) {
            csv.append("phone,").append(4 + i % 2).append('\n'); // mean 4.5: much effort
            csv.append("web,").append(1 + i % 2).append('\n');   // mean 1.5
            csv.append("app,").append(1 + i % 2).append('\n');
        }
        Report r = ReportTest.report(csv.toString(), ReportOptions.defaults()
                .withGrouping(g -> g.withSegment("channel").withCesScale(CesScale.EFFORT_5)));
        assertThat(r.highlights()).extracting(Highlight::kind, Highlight::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Highlight.Kind.BELOW_REST, "channel=phone"));
        Highlight h = r.highlights().get(0);
        assertThat(h.difference().getAsDouble()).isCloseTo(3.0, within(1e-9));
        // 60 responses, 3 points of the 4-point range
        assertThat(h.affected().getAsDouble()).isCloseTo(45.0, within(1e-9));
        assertThat(h.text()).startsWith("CES channel=phone: 4.50, +3.00 points vs the rest (1.50), lower is better, ");
    }

    @Test
    void nothingToSayIsAnEmptyList() throws IOException {
        Report r = ReportTest.report("channel,csat\na,5\nb,4\na,1\nb,2\n", ReportOptions.defaults()
                .withGrouping(g -> g.withSegment("channel")));
        assertThat(r.highlights()).isEmpty();
        assertThat(r.highlightsOmitted()).isZero();
    }

    @Test
    void segmentValuesAreWrittenOnOneLine() {
        assertThat(Highlights.printable("a\nb\tc\u0001d\u2028")).isEqualTo("a\\nb\\tc\\u0001d\\u2028");
        assertThat(Highlights.p(0.0031234)).isEqualTo("p = 0.00312");
        assertThat(Highlights.p(0.00001)).isEqualTo("p < 0.0001");
    }

    @Test
    void aNegativeLimitIsRefusedWithTheValue() {
        assertThatThrownBy(() -> ReportOptions.defaults().withHighlights(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for highlights (valid values >= 0, 0 turns them off): -1");
        assertThat(ReportOptions.defaults().highlights()).isEqualTo(10);
        assertThat(ReportOptions.defaults().withHighlights(3)).isNotEqualTo(ReportOptions.defaults());
        assertThat(ReportOptions.defaults().withHighlights(3).toString()).contains("highlights 3");
    }
}
