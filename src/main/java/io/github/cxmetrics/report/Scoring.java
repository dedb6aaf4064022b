package io.github.cxmetrics.report;

import io.github.cxmetrics.report.scan.GroupTallies;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Mean;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.trend.Metric;

/** Turns a group's tallies into summaries and comparisons with the report's methods. */
final class Scoring {
    private final ReportOptions options;

    Scoring(ReportOptions options) {
        this.options = options;
    }

    /** The score object of a metric for a group: Nps, Csat or Ces, weighted when the report is. */
    Object score(Metric metric, GroupTallies group, int index) {
        WeightedTally w = group.weightedTally(index);
        Tally t = group.tally(index);
        return switch (metric) {
            case NPS -> w != null ? Nps.of(w) : Nps.of(t);
            case CSAT -> w != null ? Csat.of(w) : Csat.of(t);
            case CES -> w != null ? Ces.of(w) : Ces.of(t);
        };
    }

    MetricSummary summarize(Metric metric, GroupTallies group, int index) {
        return summarize(metric, group, index, null);
    }

    /** The summary of a metric for a group, with its comparison against the rest (or null). */
    MetricSummary summarize(Metric metric, GroupTallies group, int index, AdjustedComparison vsRest) {
        MetricSummary.Builder b = new MetricSummary.Builder(null);
        b.metric = metric;
        b.vsRest = vsRest;
        Object score = score(metric, group, index);
        double conf = options.confidence();
        switch (metric) {
            case NPS -> {
                Nps nps = (Nps) score;
                b.n = nps.n();
                b.promoters = nps.promoters();
                b.passives = nps.passives();
                b.detractors = nps.detractors();
                if (!nps.isEmpty() && nps.effectiveN() > 0) {
                    b.score = nps.score();
                    b.standardError = nps.standardError();
                    Interval ci = nps.interval(conf, options.npsInterval());
                    b.lower = ci.lower();
                    b.upper = ci.upper();
                }
                weighting(b, nps.isWeighted(), nps.effectiveN());
            }
            case CSAT -> {
                Csat csat = (Csat) score;
                b.n = csat.n();
                b.satisfied = csat.satisfied();
                if (!csat.isEmpty() && csat.effectiveN() > 0) {
                    b.score = csat.score();
                    b.standardError = 100 * csat.satisfiedShare().standardError();
                    Interval ci = csat.interval(conf, options.proportionInterval());
                    b.lower = ci.lower();
                    b.upper = ci.upper();
                    b.mean = csat.mean().value();
                }
                weighting(b, group.isWeighted(), csat.effectiveN());
            }
            case CES -> {
                Ces ces = (Ces) score;
                b.n = ces.n();
                if (!ces.isEmpty() && ces.effectiveN() > 0) {
                    Mean mean = ces.mean();
                    b.score = mean.value();
                    b.easy = 100 * ces.easyShare().estimate();
                    if (mean.hasSpread()) {
                        b.standardError = mean.standardError();
                        Interval ci = mean.interval(conf);
                        b.lower = ci.lower();
                        b.upper = ci.upper();
                    }
                }
                weighting(b, group.isWeighted(), ces.effectiveN());
            }
            default -> throw new AssertionError(metric);
        }
        b.small = b.n < options.minN();
        return b.build();
    }

    private static void weighting(MetricSummary.Builder b, boolean weighted, double effectiveN) {
        if (weighted) {
            b.effectiveN = effectiveN;
        }
    }

    /**
     * a − b with the report's default two-sample method ({@link Metric#compare(Tally, Tally, double)}),
     * or null when it is undefined (an empty group, a CES group with fewer than two responses, or a
     * degenerate test).
     */
    Comparison compare(Metric metric, GroupTallies a, GroupTallies b, int index) {
        return compare(metric, a, b, index, options.confidence());
    }

    /** Two groups' tallies of one metric compared at a confidence level, or null when undefined. */
    Comparison compare(Metric metric, GroupScore a, GroupScore b, double conf) {
        // compareIfDefined, not a caught exception: a report by week and store has hundreds of
        // thousands of empty or one-response groups, and an exception's stack trace costs microseconds
        return (a.weighted() != null ? metric.compareIfDefined(a.weighted(), b.weighted(), conf)
                : metric.compareIfDefined(a.plain(), b.plain(), conf)).orElse(null);
    }

    /** As {@link #compare(Metric, GroupTallies, GroupTallies, int)} at another confidence level. */
    Comparison compare(Metric metric, GroupTallies a, GroupTallies b, int index, double conf) {
        WeightedTally wa = a.weightedTally(index);
        return (wa != null ? metric.compareIfDefined(wa, b.weightedTally(index), conf)
                : metric.compareIfDefined(a.tally(index), b.tally(index), conf)).orElse(null);
    }
}
