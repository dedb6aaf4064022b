package io.github.cxmetrics.report;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.report.scan.GroupTallies;
import io.github.cxmetrics.report.scan.ReportTallies;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Normal;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.target.Estimate;
import io.github.cxmetrics.target.Measure;
import io.github.cxmetrics.target.Target;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.trend.Series;
import io.github.cxmetrics.trend.Trend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets of a report judged on its groups' numbers.
 *
 * <ul>
 *   <li>Unweighted score targets: on the tallies, projected with the overall {@link Series} (as
 *       before operational and weighted targets existed, to the byte).</li>
 *   <li>Weighted score targets and operational targets (response time, FCR): on the estimates
 *       and intervals of the report's summaries ({@link Scoring}, {@link Operations}), projected
 *       with {@link Trend#ofEstimates} on the per-period estimates, weighted by each period's n
 *       (Kish's effective n with weights), with σ₀² = n·SE² of the estimate over all responses,
 *       SE the half-width of its interval divided by z<sub>1−α/2</sub>.</li>
 * </ul>
 *
 * <p>With a trend, a target is judged on the last period (a change: the last against the first);
 * without, on all responses. {@link #byPeriod} judges each level target on each period, without
 * deadline or floor.
 */
final class TargetJudge {
    private final ReportOptions options;
    private final Scoring scoring;
    private final ReportTallies tallies;
    private final List<CalendarPeriod> timeline;
    private final Map<CalendarPeriod, GroupTallies> periods;
    private final Map<Metric, Series> series;
    private final boolean weighted;

    TargetJudge(ReportOptions options, Scoring scoring, ReportTallies tallies, List<CalendarPeriod> timeline,
            Map<Metric, Series> series) {
        this.options = options;
        this.scoring = scoring;
        this.tallies = tallies;
        this.timeline = timeline;
        this.periods = tallies.periods;
        this.series = series;
        this.weighted = tallies.input.weighted();
    }

    /**
     * Checks that the report has the data an operational target needs.
     *
     * @throws IllegalArgumentException naming the target and the column it needs
     */
    static void requireData(Target target, String expression, GroupTallies overall) {
        Measure m = target.measure();
        if (m.isScore()) {
            return;
        }
        boolean fcr = m == Measure.FCR;
        boolean present = overall.ops() != null && (fcr ? overall.ops().fcr() != null : overall.ops().response() != null);
        if (!present) {
            throw new IllegalArgumentException("Target \"" + expression + "\" needs "
                    + (fcr ? "first-contact resolution (a resolved_first_contact column, or --column fcr=NAME)"
                            : "response times (a first_response_minutes column, --column response=NAME, or "
                                    + "--response-from/--response-to)")
                    + ", which are not in the report");
        }
    }

    private boolean onTallies(Target target) {
        return target.measure().isScore() && !weighted;
    }

    private LocalDate asOf() {
        if (timeline.isEmpty()) {
            return options.asOf().orElse(LocalDate.now(options.grouping().zone()));
        }
        return options.asOf().orElse(timeline.get(timeline.size() - 1).end().minusDays(1));
    }

    private GroupTallies group(CalendarPeriod p) {
        GroupTallies g = periods.get(p);
        return g == null ? tallies.newGroup() : g;
    }

    /** The target's judgement on the report (see the class comment). */
    Assessment assess(Target target) {
        if (target.hasPeriods()) {
            return assessOnDays(target);
        }
        if (onTallies(target)) {
            return assessOnTallies(target);
        }
        GroupTallies current = timeline.isEmpty() ? tallies.overall : group(timeline.get(timeline.size() - 1));
        GroupTallies first = target.kind() == Target.Kind.CHANGE ? group(timeline.get(0)) : null;
        return assessOnEstimates(target, current, first);
    }

    /**
     * A target with a window ({@code in}) or a named baseline ({@code vs}), on the day tallies: the
     * window is the days inside it; without a window a change target's current responses are the
     * last --by period's, or without --by all days after the baseline period.
     *
     * @throws IllegalArgumentException if the tallies have no days
     */
    private Assessment assessOnDays(Target target) {
        java.util.TreeMap<LocalDate, GroupTallies> days = tallies.days();
        if (days == null) {
            throw new IllegalArgumentException("Target \"" + target + "\" names a period (in/vs) and needs the "
                    + "tallies of each day, which these tallies do not have: they were saved without a target that "
                    + "names a period or --calendar; save them again with one");
        }
        java.time.ZoneId zone = options.grouping().zone();
        GroupTallies current;
        Optional<CalendarPeriod> window = target.window(zone);
        Optional<CalendarPeriod> base = target.baseline(zone);
        if (window.isPresent()) {
            current = sum(days, window.get().start(), window.get().end());
        } else if (!timeline.isEmpty()) {
            current = group(timeline.get(timeline.size() - 1));
        } else {
            current = sum(days, base.orElseThrow().end(), LocalDate.MAX);
        }
        GroupTallies baseline = null;
        if (target.kind() == Target.Kind.CHANGE) {
            baseline = base.isPresent() ? sum(days, base.get().start(), base.get().end()) : group(timeline.get(0));
        }
        if (onTallies(target)) {
            Metric m = target.metric();
            Target.Evaluation e = target.evaluation(current.tally(m.ordinal())).confidence(options.confidence())
                    .asOf(asOf());
            if (baseline != null) {
                e.baseline(baseline.tally(m.ordinal()));
            }
            Series s = series.get(m);
            if (s != null) {
                e.trend(s);
            }
            return e.evaluate();
        }
        return assessOnEstimates(target, current, baseline);
    }

    /** The days' tallies from {@code from} (inclusive) to {@code to} (exclusive), summed. */
    private GroupTallies sum(java.util.TreeMap<LocalDate, GroupTallies> days, LocalDate from, LocalDate to) {
        GroupTallies g = tallies.newGroup();
        for (GroupTallies day : days.subMap(from, true, to, false).values()) {
            g.addAll(day);
        }
        return g;
    }

    /** A weighted score or operational target on the estimates of the current and (change) baseline groups. */
    private Assessment assessOnEstimates(Target target, GroupTallies current, GroupTallies first) {
        TargetValue now = value(target.measure(), current);
        if (!now.isPresent()) {
            return target.evaluationWithoutEstimate(now.n(), now.missing()).confidence(options.confidence())
                    .asOf(asOf()).evaluate();
        }
        Target.Evaluation e = target.evaluation(now.estimate()).confidence(options.confidence()).asOf(asOf());
        if (target.kind() == Target.Kind.CHANGE) {
            Metric m = target.metric();
            TargetValue base = value(target.measure(), first);
            Comparison c = base.isPresent() ? scoring.compare(m, current, first, m.ordinal()) : null;
            if (c == null) {
                return target.evaluationWithoutEstimate(now.n(), "baseline n = " + base.n()
                        + (base.isPresent() ? ", the change is undefined" : ""))
                        .confidence(options.confidence()).asOf(asOf()).evaluate();
            }
            e.baseline(base.estimate()).change(new Estimate(c.difference(), c.lower(), c.upper(), now.n()));
        }
        trend(target.measure()).ifPresent(e::trend);
        return e.evaluate();
    }

    /**
     * Judges a score target on the tallies. With a trend: the last period's responses, projected
     * with the overall series (a change target: the last period against the first); without: all
     * responses.
     */
    private Assessment assessOnTallies(Target target) {
        Metric m = target.metric();
        int index = m.ordinal();
        if (timeline.isEmpty()) {
            Target.Evaluation e = target.evaluation(tallies.overall.tally(index)).confidence(options.confidence())
                    .asOf(asOf());
            return e.evaluate();
        }
        CalendarPeriod last = timeline.get(timeline.size() - 1);
        Tally empty = Tally.empty(tallies.scales[index]);
        Tally current = periods.containsKey(last) ? periods.get(last).tally(index) : empty;
        Target.Evaluation e = target.evaluation(current).confidence(options.confidence()).asOf(asOf())
                .trend(series.get(m));
        if (target.kind() == Target.Kind.CHANGE) {
            CalendarPeriod first = timeline.get(0);
            e.baseline(periods.containsKey(first) ? periods.get(first).tally(index) : empty);
        }
        return e.evaluate();
    }

    /**
     * Each level target judged on each period of the trend (without its deadline and floor: met,
     * not met, or insufficient data on that period's interval), keyed by period label in trend
     * order; empty without a trend or level targets.
     */
    Map<String, List<Assessment>> byPeriod(List<Target> targets) {
        Map<String, List<Assessment>> out = new LinkedHashMap<>();
        List<Target> levels = new ArrayList<>();
        for (Target t : targets) {
            if (t.kind() == Target.Kind.LEVEL) {
                levels.add(t.withoutDeadline());
            }
        }
        levels.removeIf(Target::hasPeriods);
        if (levels.isEmpty()) {
            return out;
        }
        for (CalendarPeriod p : timeline) {
            GroupTallies g = group(p);
            List<Assessment> row = new ArrayList<>();
            for (Target t : levels) {
                if (onTallies(t)) {
                    row.add(t.evaluation(g.tally(t.metric().ordinal())).confidence(options.confidence()).evaluate());
                } else {
                    TargetValue v = value(t.measure(), g);
                    row.add(v.isPresent() ? t.evaluation(v.estimate()).confidence(options.confidence()).evaluate()
                            : t.evaluationWithoutEstimate(v.n(), v.missing()).confidence(options.confidence())
                                    .evaluate());
                }
            }
            out.put(p.label(), row);
        }
        return out;
    }

    /** A group's estimate of a measure, from the report's summaries. */
    private TargetValue value(Measure measure, GroupTallies group) {
        if (!measure.isScore()) {
            return Operations.targetValue(group.ops(), measure, options);
        }
        Metric m = measure.metric().orElseThrow();
        MetricSummary s = scoring.summarize(m, group, m.ordinal());
        if (s.score().isEmpty() || s.lower().isEmpty()) {
            return TargetValue.missing(s.n(), s.n() == 0 ? "no responses"
                    : m == Metric.CES ? "an interval needs at least 2" : "no interval");
        }
        double score = s.score().getAsDouble();
        double lower = Math.min(score, s.lower().getAsDouble());
        double upper = Math.max(score, s.upper().getAsDouble());
        return TargetValue.of(new Estimate(score, lower, upper, s.n(), s.effectiveN().orElse(s.n())));
    }

    /** The weight of a group's estimate in the trend: Kish's effective n with weights, else n. */
    private double weight(Measure measure, GroupTallies group, TargetValue v) {
        if (measure.isScore() && weighted) {
            Metric m = measure.metric().orElseThrow();
            return scoring.summarize(m, group, m.ordinal()).effectiveN().orElse(v.n());
        }
        return v.n();
    }

    /** The trend of the measure's per-period estimates (see the class comment), if 3 periods have one. */
    private Optional<Trend> trend(Measure measure) {
        if (timeline.isEmpty()) {
            return Optional.empty();
        }
        TargetValue all = value(measure, tallies.overall);
        if (!all.isPresent()) {
            return Optional.empty();
        }
        List<CalendarPeriod> ps = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (CalendarPeriod p : timeline) {
            GroupTallies g = periods.get(p);
            if (g == null) {
                continue;
            }
            TargetValue v = value(measure, g);
            double w = v.isPresent() ? weight(measure, g, v) : 0;
            if (w > 0) {
                ps.add(p);
                points.add(new double[] {w, v.estimate().value()});
            }
        }
        double[] w = new double[ps.size()];
        double[] y = new double[ps.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        Estimate e = all.estimate();
        double se = (e.upper() - e.lower()) / (2 * Normal.criticalValue(options.confidence()));
        double unitVariance = weight(measure, tallies.overall, all) * se * se;
        return Trend.ofEstimates(ps, w, y, unitVariance, options.confidence());
    }
}
