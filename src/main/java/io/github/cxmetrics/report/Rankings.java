package io.github.cxmetrics.report;

import io.github.cxmetrics.insight.GroupRanking;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rankings of {@code --rank}: computed from the segment summaries' counts, after the assembly. */
final class Rankings {
    private Rankings() {
    }

    /**
     * Checks the columns to rank before any row is read.
     *
     * @throws IllegalArgumentException if a column is not a segment column, or the report is weighted
     */
    static void check(ReportOptions options) {
        for (String column : options.ranks()) {
            if (!options.grouping().segments().contains(column)) {
                throw new IllegalArgumentException("--rank " + column + " needs --segment " + column
                        + " (a ranking is of the values of a segment column; segment columns: "
                        + options.grouping().segments() + ")");
            }
            if (options.grouping().weightColumn() != null) {
                throw new IllegalArgumentException("--rank cannot be combined with --weight: the ranking's model "
                        + "(beta-binomial, Dirichlet-multinomial) is for counts of responses");
            }
        }
    }

    static List<Ranking> of(ReportOptions options, List<Metric> metrics, Map<String, List<SegmentSummary>> segments) {
        List<Ranking> out = new ArrayList<>();
        for (String column : options.ranks()) {
            List<SegmentSummary> values = segments.getOrDefault(column, List.of());
            if (metrics.contains(Metric.NPS)) {
                Map<String, Nps> nps = new LinkedHashMap<>();
                for (SegmentSummary s : values) {
                    MetricSummary m = s.metrics().get(Metric.NPS);
                    nps.put(s.segment(), Nps.of(m.promoters().orElse(0), m.passives().orElse(0),
                            m.detractors().orElse(0)));
                }
                out.add(rank(column, "nps", nps.size(), () -> GroupRanking.ofNps(nps, options.confidence(),
                        GroupRanking.DEFAULT_DRAWS, 1)));
            }
            if (metrics.contains(Metric.CSAT)) {
                Map<String, Proportion> csat = new LinkedHashMap<>();
                for (SegmentSummary s : values) {
                    MetricSummary m = s.metrics().get(Metric.CSAT);
                    csat.put(s.segment(), Proportion.of(m.satisfied().orElse(0), m.n()));
                }
                out.add(rank(column, "csat", csat.size(), () -> GroupRanking.ofShares(csat, options.confidence(),
                        GroupRanking.DEFAULT_DRAWS, 1)));
            }
            Map<String, Proportion> fcr = new LinkedHashMap<>();
            for (SegmentSummary s : values) {
                s.operations().firstContactResolution().ifPresent(o -> fcr.put(s.segment(),
                        Proportion.of(o.successes(), o.n())));
            }
            if (!fcr.isEmpty()) {
                out.add(rank(column, "fcr", fcr.size(), () -> GroupRanking.ofShares(fcr, options.confidence(),
                        GroupRanking.DEFAULT_DRAWS, 1)));
            }
        }
        return out;
    }

    private static Ranking rank(String column, String measure, int values,
            java.util.function.Supplier<GroupRanking> ranking) {
        try {
            return new Ranking(column, measure, ranking.get(), null);
        } catch (IllegalArgumentException tooFew) {
            return new Ranking(column, measure, null, "not ranked: " + values + " value" + (values == 1 ? "" : "s")
                    + " of " + column + ", of which fewer than 3 have responses (the prior is fitted across the values)");
        }
    }
}
