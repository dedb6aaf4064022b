package io.github.cxmetrics.report;

import io.github.cxmetrics.insight.ProbabilityBetter;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The probabilities of {@code --bayes}, from the summaries' counts: each trend period against the
 * previous one, and each segment value against the rest of its column (the column's total minus the
 * value). Uniform priors; Monte Carlo with {@link #DRAWS} draws and seed 1 for NPS and CES.
 */
final class Improvements {
    /** Draws per Monte Carlo comparison: 20,000 (standard error at most 0.0036). */
    static final int DRAWS = 20_000;

    private Improvements() {
    }

    /**
     * Checks the options before any row is read.
     *
     * @throws IllegalArgumentException if {@code --bayes} is combined with weights
     */
    static void check(ReportOptions options) {
        if (options.bayes() && options.grouping().weightColumn() != null) {
            throw new IllegalArgumentException("--bayes cannot be combined with --weight: the posteriors are for "
                    + "counts of independent responses");
        }
    }

    static List<Improvement> of(ReportOptions options, List<Metric> metrics, Map<Metric, MetricSummary> overall,
            List<PeriodSummary> trend, Map<String, List<SegmentSummary>> segments) {
        List<Improvement> out = new ArrayList<>();
        if (!options.bayes()) {
            return out;
        }
        boolean higherIsBetter = options.grouping().cesScale().direction() == Direction.HIGHER_IS_BETTER;
        for (int i = 1; i < trend.size(); i++) {
            for (Metric m : metrics) {
                ProbabilityBetter.Probability p = probability(m, trend.get(i).metrics().get(m),
                        Part.of(trend.get(i - 1).metrics().get(m)), higherIsBetter);
                if (p != null) {
                    out.add(new Improvement(null, null, trend.get(i).period(), m, p));
                }
            }
        }
        for (Map.Entry<String, List<SegmentSummary>> column : segments.entrySet()) {
            for (SegmentSummary s : column.getValue()) {
                for (Metric m : metrics) {
                    MetricSummary own = s.metrics().get(m);
                    ProbabilityBetter.Probability p = probability(m, own,
                            Part.of(overall.get(m)).minus(Part.of(own)), higherIsBetter);
                    if (p != null) {
                        out.add(new Improvement(column.getKey(), s.segment(), null, m, p));
                    }
                }
            }
        }
        return out;
    }

    /** P(a better than b), or null when a side has too few responses for a posterior. */
    private static ProbabilityBetter.Probability probability(Metric m, MetricSummary a, Part b,
            boolean higherIsBetter) {
        Part pa = Part.of(a);
        if (pa.n == 0 || b.n == 0) {
            return null;
        }
        return switch (m) {
            case NPS -> ProbabilityBetter.nps(Nps.of(pa.promoters, pa.passives, pa.detractors),
                    Nps.of(b.promoters, b.passives, b.detractors), DRAWS, 1);
            case CSAT -> ProbabilityBetter.shares(pa.satisfied, pa.n, b.satisfied, b.n);
            case CES -> {
                if (pa.n < 2 || b.n < 2 || !(pa.variance() > 0) || !(b.variance() > 0)) {
                    yield null;
                }
                yield ProbabilityBetter.means(pa.mean(), Math.sqrt(pa.variance() / pa.n), pa.n, b.mean(),
                        Math.sqrt(b.variance() / b.n), b.n, higherIsBetter, DRAWS, 1);
            }
        };
    }

    /**
     * The counts and sums of one group that a posterior needs, recovered from its summary (for CES
     * the sum and sum of squares from the mean and standard error: Σx = n·mean,
     * Σx² = (n − 1)·s² + n·mean² with s = SE·√n), so that a rest is a difference of parts.
     */
    private record Part(long n, long promoters, long passives, long detractors, long satisfied, double sum,
            double sumOfSquares) {
        static Part of(MetricSummary s) {
            long n = s.n();
            double mean = s.metric() == Metric.CES ? s.score().orElse(0) : 0;
            double se = s.metric() == Metric.CES ? s.standardError().orElse(0) : 0;
            double sd2 = se * se * n;
            return new Part(n, s.promoters().orElse(0), s.passives().orElse(0), s.detractors().orElse(0),
                    s.satisfied().orElse(0), n * mean, n > 1 ? (n - 1) * sd2 + n * mean * mean : n * mean * mean);
        }

        Part minus(Part o) {
            return new Part(n - o.n, promoters - o.promoters, passives - o.passives, detractors - o.detractors,
                    satisfied - o.satisfied, sum - o.sum, sumOfSquares - o.sumOfSquares);
        }

        double mean() {
            return sum / n;
        }

        double variance() {
            return (sumOfSquares - sum * sum / n) / (n - 1);
        }
    }
}
