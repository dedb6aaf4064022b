package io.github.cxmetrics.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Invariants of targets: the expression round trip, and the status rules on any estimate. */
class TargetProperties {

    @Provide
    Arbitrary<Target> targets() {
        Arbitrary<Target.Operator> ops = Arbitraries.of(Target.Operator.class);
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2025, 1, 1)
                .plusDays(d));
        Arbitrary<Target> durations = Combinators.combine(
                Arbitraries.of(Measure.RESPONSE_MEAN, Measure.RESPONSE_MEDIAN, Measure.RESPONSE_P90), ops,
                Arbitraries.oneOf(Arbitraries.longs().between(0, 400).map(Duration::ofHours),
                        Arbitraries.longs().between(0, 10_000).map(Duration::ofMinutes),
                        Arbitraries.longs().between(0, 1_000_000).map(Duration::ofSeconds),
                        Arbitraries.longs().between(0, 1_000_000_000_000_000L).map(Duration::ofNanos)))
                .as(Target::level);
        Arbitrary<Target> percents = Combinators.combine(
                Arbitraries.of(Measure.CSAT, Measure.RESPONSE_WITHIN, Measure.FCR), ops,
                Arbitraries.oneOf(Arbitraries.doubles().between(1.01, 100).ofScale(3), Arbitraries.just(0.0)))
                .as(Target::level);
        Arbitrary<Target> nps = Combinators.combine(ops, Arbitraries.doubles().between(-100, 100).ofScale(2))
                .as((o, v) -> Target.level(Measure.NPS, o, v));
        Arbitrary<Target> ces = Combinators.combine(ops, Arbitraries.doubles().between(1, 7).ofScale(2))
                .as((o, v) -> Target.level(Measure.CES, o, v));
        Arbitrary<Target> changes = Combinators.combine(Arbitraries.of(io.github.cxmetrics.trend.Metric.class),
                Arbitraries.doubles().between(-50, 50).ofScale(1).filter(v -> v != 0)).as(Target::change);
        Arbitrary<Target> any = Arbitraries.oneOf(durations, percents, nps, ces, changes);
        Arbitrary<io.github.cxmetrics.calendar.CalendarPeriod> periods = Combinators.combine(
                Arbitraries.of(io.github.cxmetrics.calendar.Granularity.class), dates)
                .as((g, d) -> g.periodOf(d, java.time.ZoneOffset.UTC));
        return Combinators.combine(any, dates.injectNull(0.5), periods.injectNull(0.6), periods.injectNull(0.6))
                .as((t, d, w, b) -> {
                    Target x = d == null ? t : t.withDeadline(d);
                    x = w == null ? x : x.withWindow(w);
                    return b == null || x.kind() != Target.Kind.CHANGE ? x : x.withBaseline(b);
                });
    }

    @Property(tries = 500)
    void toStringIsReadBackByParse(@ForAll("targets") Target t) {
        Statistics.label("measure").collect(t.measure());
        Target back = Target.parse(t.toString());
        assertThat(back).isEqualTo(t);
        assertThat(back.toString()).isEqualTo(t.toString());
        assertThat(Target.parse(t.toString().toUpperCase(java.util.Locale.ROOT).replace(">=", " >= "))).isEqualTo(t);
    }

    @Property(tries = 300)
    void aDurationFloorRoundTrips(@ForAll("targets") Target t) {
        if (!t.measure().isDuration() || t.value() == 0) {
            return;
        }
        long nanos = Math.round(t.value() * 60e9);
        Duration floor = Duration.ofNanos(t.operator().isUpward() ? nanos / 2 : nanos * 2);
        if (t.operator().isUpward() ? floor.toNanos() >= nanos : floor.toNanos() <= nanos) {
            return;
        }
        Target f = t.withFloor(floor);
        assertThat(Target.parse(f.toString())).isEqualTo(f);
    }

    /** Whatever the estimate, a target without deadline is MET, NOT_MET or INSUFFICIENT_DATA, as its interval says. */
    @Property(tries = 500)
    void theStatusFollowsTheInterval(@ForAll("targets") Target target,
            @ForAll("spread") double value, @ForAll("spread") double a, @ForAll("spread") double b) {
        Target t = target.withoutDeadline();
        if (t.kind() == Target.Kind.CHANGE) {
            return;
        }
        double lower = value - Math.abs(a);
        double upper = value + Math.abs(b);
        Assessment s = t.evaluation(new Estimate(value, lower, upper, 100)).evaluate();
        boolean nearOk = t.operator().test(t.operator().isUpward() ? lower : upper, t.value());
        boolean farOk = t.operator().test(t.operator().isUpward() ? upper : lower, t.value());
        TargetStatus expected = nearOk ? TargetStatus.MET : farOk ? TargetStatus.INSUFFICIENT_DATA
                : TargetStatus.NOT_MET;
        Statistics.label("status").collect(s.status());
        assertThat(s.status()).isEqualTo(expected);
        assertThat(s.lower().getAsDouble()).isLessThanOrEqualTo(s.estimate().getAsDouble());
        assertThat(s.estimate().getAsDouble()).isLessThanOrEqualTo(s.upper().getAsDouble());
    }

    @Provide
    Arbitrary<Double> spread() {
        return Arbitraries.doubles().between(-200, 400).ofScale(2);
    }
}
