package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;

/**
 * The accumulators of one group (overall, a period, a segment value): one per metric column.
 *
 * <p>A metric's accumulators are allocated at its first response (issue 16: a group with a
 * handful of responses carries no buffers for the metrics it never saw); until then its tallies
 * are {@link Tally#empty} and {@link WeightedTally#empty}, the same values an untouched
 * accumulator gives.
 */
public final class GroupTallies {
    private final Scale[] scales;
    private final TallyAccumulator[] plain;
    private final WeightedTallyAccumulator[] weighted;
    private OpsTallies ops;

    GroupTallies(Scale[] scales, boolean isWeighted) {
        this.scales = scales; // shared by all groups of a scan, never written
        plain = new TallyAccumulator[scales.length];
        weighted = isWeighted ? new WeightedTallyAccumulator[scales.length] : null;
    }

    private TallyAccumulator plain(int metric) {
        TallyAccumulator a = plain[metric];
        if (a == null) {
            a = new TallyAccumulator(scales[metric]);
            plain[metric] = a;
        }
        return a;
    }

    private WeightedTallyAccumulator weighted(int metric) {
        WeightedTallyAccumulator a = weighted[metric];
        if (a == null) {
            a = new WeightedTallyAccumulator(scales[metric]);
            weighted[metric] = a;
        }
        return a;
    }

    void add(int metric, int score, double weight) {
        plain(metric).add(score);
        if (weighted != null) {
            weighted(metric).add(score, weight);
        }
    }

    /**
     * Adds counts of one metric of an unweighted group: {@code counts[from + i]} responses with the
     * scale's i-th score, for every point of the scale. A metric without any count gets no
     * accumulator.
     *
     * @throws IllegalArgumentException if a count is negative
     * @throws ArithmeticException if a count would overflow
     */
    void addCounts(int metric, long[] counts, int from) {
        Scale scale = scales[metric];
        for (int i = 0, points = scale.points(); i < points; i++) {
            if (counts[from + i] != 0) {
                plain(metric).add(scale.min() + i, counts[from + i]);
            }
        }
    }

    public Tally tally(int metric) {
        TallyAccumulator a = plain[metric];
        return a != null ? a.snapshot() : Tally.empty(scales[metric]);
    }

    public WeightedTally weightedTally(int metric) {
        if (weighted == null) {
            return null;
        }
        WeightedTallyAccumulator a = weighted[metric];
        return a != null ? a.snapshot() : WeightedTally.empty(scales[metric]);
    }

    /**
     * Adds a stored tally of one metric: unweighted groups take a {@link Tally}, weighted groups a
     * {@link WeightedTally} (whose counts are the unweighted tally).
     *
     * @throws IllegalArgumentException if the kind of tally or its scale does not fit
     */
    public void addAll(int metric, Object stored) {
        if (weighted == null) {
            if (!(stored instanceof Tally tally)) {
                throw new IllegalArgumentException("expected an unweighted tally (cxtally), found a weighted one");
            }
            plain(metric).addAll(tally);
            return;
        }
        if (!(stored instanceof WeightedTally tally)) {
            throw new IllegalArgumentException("expected a weighted tally (cxwtally), found an unweighted one");
        }
        weighted(metric).addAll(tally);
        plain(metric).addAll(Tally.of(tally.scale(), tally.counts()));
    }

    /**
     * Adds another group's tallies with every weight multiplied by a factor (a raking cell's):
     * counts add exactly, each weighted tally and weighted operational tally is multiplied (its
     * sums rounded once to a multiple of 2^-232, {@link WeightedTally#multipliedBy}) and added
     * exactly. Both groups are weighted.
     */
    void addAllScaled(GroupTallies other, double factor) {
        if (ops != null) {
            ops.addAllScaled(other.ops, factor);
        }
        for (int i = 0; i < plain.length; i++) {
            // accumulators exist only for metrics a group has seen: the other group's decide
            if (other.plain[i] != null) {
                plain(i).combine(other.plain[i]);
            }
            if (other.weighted[i] != null) {
                weighted(i).addAll(other.weighted[i].snapshot().multipliedBy(factor));
            }
        }
    }

    public boolean isWeighted() {
        return weighted != null;
    }

    /** Gives the group its operational tallies (response time, FCR, KTO), merged by {@link #addAll}. */
    GroupTallies withOps(OpsTallies value) {
        this.ops = value;
        return this;
    }

    /** The group's operational tallies, or null without operational KPIs. */
    public OpsTallies ops() {
        return ops;
    }

    public void addAll(GroupTallies other) {
        if (ops != null) {
            ops.addAll(other.ops);
        }
        for (int i = 0; i < plain.length; i++) {
            // the other group's accumulators are copied, never adopted: a group may be added to
            // several others (a cell to its segment's total and to its period)
            if (other.plain[i] != null) {
                plain(i).combine(other.plain[i]);
            }
            if (weighted != null && other.weighted[i] != null) {
                weighted(i).combine(other.weighted[i]);
            }
        }
    }
}
