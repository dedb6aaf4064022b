package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** First-contact resolution, retention and churn, the response funnel and SLA achievement. */
class RatesTest {
    // Wilson 95 % limits from scipy 1.17.1: binomtest(x, n).proportion_ci(0.95, 'wilson').
    // Tolerance 1e-6 covers the interim normal quantile.
    private static final double TOL = 1e-6;

    @Test
    void firstContactResolutionFromBooleansAndText() {
        OutcomeAccumulator fcr = new OutcomeAccumulator();
        for (int i = 0; i < 50; i++) {
            fcr.add(i < 42);
        }
        Proportion p = fcr.snapshot();
        assertThat(p.successes()).isEqualTo(42);
        assertThat(p.n()).isEqualTo(50);
        Interval ci = p.interval(0.95);
        assertThat(ci.lower()).isCloseTo(0.7148578393696501, within(TOL));
        assertThat(ci.upper()).isCloseTo(0.916625793219666, within(TOL));
    }

    @Test
    void missingOutcomesNeverEnterTheDenominator() {
        OutcomeAccumulator fcr = new OutcomeAccumulator();
        assertThat(fcr.add("yes")).isTrue();
        assertThat(fcr.add(" TRUE ")).isTrue();
        assertThat(fcr.add("0")).isTrue();
        assertThat(fcr.add("n")).isTrue();
        assertThat(fcr.add("")).isFalse();
        assertThat(fcr.add("   ")).isFalse();
        assertThat(fcr.n()).isEqualTo(4);
        assertThat(fcr.successes()).isEqualTo(2);
        assertThat(fcr.skipped()).isEqualTo(2);
        assertThatThrownBy(() -> fcr.add("maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"maybe\"").hasMessageContaining("yes/no");
        assertThatThrownBy(() -> fcr.add("n/a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fcr.n()).isEqualTo(4);
        OutcomeAccumulator other = new OutcomeAccumulator().add(true);
        other.add("");
        fcr.combine(other);
        assertThat(fcr.snapshot().toString()).isEqualTo("Proportion[3/5]");
        assertThat(fcr.skipped()).isEqualTo(3);
        assertThatThrownBy(() -> new OutcomeAccumulator().snapshot().estimate())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void retentionAndChurn() {
        // 1000 customers at the start, 920 at the end of whom 50 are new: retained = 870
        Retention r = Retention.fromCounts(1000, 920, 50);
        assertThat(r.retained()).isEqualTo(870);
        assertThat(r.churned()).isEqualTo(130);
        assertThat(r.retention().estimate()).isEqualTo(0.87);
        assertThat(r.churn().estimate()).isCloseTo(0.13, within(1e-15));
        Interval keep = r.retention().interval(0.95);
        Interval lose = r.churn().interval(0.95);
        assertThat(keep.lower()).isCloseTo(0.8477319733455311, within(TOL));
        assertThat(keep.upper()).isCloseTo(0.889436225375158, within(TOL));
        assertThat(lose.lower()).isCloseTo(0.1105637746248419, within(TOL));
        assertThat(lose.upper()).isCloseTo(0.15226802665446887, within(TOL));
        // churn interval mirrors retention's
        assertThat(lose.lower()).isCloseTo(1 - keep.upper(), within(1e-12));
        assertThat(r.plus(Retention.of(0, 0))).isEqualTo(r);
    }

    @Test
    void retentionValidation() {
        assertThatThrownBy(() -> Retention.of(100, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for retained customers (valid values 0 - 100): 101");
        assertThatThrownBy(() -> Retention.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Retention.fromCounts(100, 50, 60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for customers acquired (valid values 0 - 50): 60");
        // more retained than the cohort: 200 at end, 10 new, but only 100 at start
        assertThatThrownBy(() -> Retention.fromCounts(100, 200, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("190");
        assertThatThrownBy(() -> Retention.of(0, 0).retention().estimate()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void responseFunnel() {
        ResponseFunnel f = ResponseFunnel.of(1200, 350, 300);
        assertThat(f.startRate().estimate()).isCloseTo(350.0 / 1200, within(1e-15));
        assertThat(f.completionRate().estimate()).isCloseTo(300.0 / 350, within(1e-15));
        assertThat(f.responseRate().estimate()).isEqualTo(0.25);
        assertThat(f.startRate().interval(0.95).lower()).isCloseTo(0.26664695323179205, within(TOL));
        assertThat(f.startRate().interval(0.95).upper()).isCloseTo(0.3180159636860142, within(TOL));
        assertThat(f.completionRate().interval(0.95).lower()).isCloseTo(0.8165995843102675, within(TOL));
        assertThat(f.completionRate().interval(0.95).upper()).isCloseTo(0.889931529463727, within(TOL));
        assertThat(f.plus(ResponseFunnel.of(10, 5, 5))).isEqualTo(ResponseFunnel.of(1210, 355, 305));
        assertThatThrownBy(() -> ResponseFunnel.of(100, 120, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for started (valid values 0 - 100): 120");
        assertThatThrownBy(() -> ResponseFunnel.of(100, 50, 60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for completed (valid values 0 - 50): 60");
        assertThatThrownBy(() -> ResponseFunnel.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private record Group(String segment, String week) {
    }

    @Test
    void slaAchievementPerGroup() {
        SlaAccumulator<Group> sla = new SlaAccumulator<>(Duration.ofHours(2));
        Group phoneW1 = new Group("phone", "2025-W01");
        Group mailW1 = new Group("email", "2025-W01");
        sla.add(phoneW1, Duration.ofMinutes(30)).add(phoneW1, Duration.ofMinutes(120)).add(phoneW1, Duration.ofMinutes(121));
        Instant t = Instant.parse("2025-01-02T10:00:00Z");
        sla.add(mailW1, t, t.plusSeconds(3 * 3600));
        SlaAccumulator<Group> other = new SlaAccumulator<Group>(Duration.ofHours(2)).add(mailW1, Duration.ZERO);
        sla.combine(other);
        Map<Group, Proportion> byGroup = sla.snapshot();
        // phone: 30 and 120 within (≤ 2 h), 121 not: 2/3; email: 3 h no, 0 yes: 1/2
        assertThat(byGroup.get(phoneW1).toString()).isEqualTo("Proportion[2/3]");
        assertThat(byGroup.get(mailW1).toString()).isEqualTo("Proportion[1/2]");
        assertThat(sla.overall().toString()).isEqualTo("Proportion[3/5]");
        assertThatThrownBy(() -> sla.combine(new SlaAccumulator<>(Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Target mismatch: PT2H / PT1H");
        assertThatThrownBy(() -> sla.add(phoneW1, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sla.overall().n()).isEqualTo(5);
    }
}
