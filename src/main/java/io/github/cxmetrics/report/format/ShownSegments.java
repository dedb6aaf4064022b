package io.github.cxmetrics.report.format;

import io.github.cxmetrics.internal.IndexSort;
import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.SegmentSummary;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The values of a segment column that the table and HTML show when the column has more than
 * {@code --show} of them: every value that differs significantly from the rest, then the best and
 * the worst by score, alternately, until {@code show} values are chosen; in the column's order.
 * JSON and CSV keep every value. Selecting costs O(values · log values).
 *
 * @param values  the values shown
 * @param omitted how many were left out
 */
record ShownSegments(List<SegmentSummary> values, int omitted) {

    static ShownSegments of(List<SegmentSummary> all, Metric metric, int show) {
        if (all.size() <= show) {
            return new ShownSegments(all, 0);
        }
        BitSet chosen = new BitSet(all.size());
        int[] scored = new int[all.size()];
        double[] score = new double[all.size()];
        int count = 0;
        for (int i = 0; i < all.size(); i++) {
            MetricSummary s = metric == null ? null : all.get(i).metrics().get(metric);
            if (s == null) {
                continue;
            }
            if (s.vsRest().map(AdjustedComparison::isSignificant).orElse(false)) {
                chosen.set(i);
            }
            if (s.score().isPresent()) {
                scored[count] = i;
                score[count++] = s.score().getAsDouble();
            }
        }
        // by score, ties in the column's order (stable)
        int[] byScore = IndexSort.ascending(java.util.Arrays.copyOf(score, count));
        int low = 0;
        int high = count - 1;
        boolean best = true;
        while (chosen.cardinality() < show && low <= high) {
            int i = scored[best ? byScore[high--] : byScore[low++]];
            chosen.set(i);
            best = !best;
        }
        for (int i = 0; i < all.size() && chosen.cardinality() < show; i++) {
            chosen.set(i);
        }
        List<SegmentSummary> shown = new ArrayList<>(chosen.cardinality());
        chosen.stream().forEach(i -> shown.add(all.get(i)));
        return new ShownSegments(shown, all.size() - shown.size());
    }

    /** {@code 4,975 of 5,000 values of store not shown (--show 25 shows the best, the worst and the significant ones)}. */
    String note(String column, int total, int show) {
        return String.format(java.util.Locale.ROOT, "%,d of %,d values of %s not shown (--show %d shows the best, the "
                + "worst and every significant one; JSON and CSV have all)", omitted, total, column, show);
    }
}
