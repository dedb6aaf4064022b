package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;

/** The accumulators of one group (overall, a period, a segment value): one per metric column. */
public final class GroupTallies {
    private final TallyAccumulator[] plain;
    private final WeightedTallyAccumulator[] weighted;
    private OpsTallies ops;

    GroupTallies(Scale[] scales, boolean isWeighted) {
        plain = new TallyAccumulator[scales.length];
        weighted = isWeighted ? new WeightedTallyAccumulator[scales.length] : null;
        for (int i = 0; i < scales.length; i++) {
            if (scales[i] != null) {
                plain[i] = new TallyAccumulator(scales[i]);
                if (isWeighted) {
                    weighted[i] = new WeightedTallyAccumulator(scales[i]);
                }
            }
        }
    }

    void add(int metric, int score, double weight) {
        plain[metric].add(score);
        if (weighted != null) {
            weighted[metric].add(score, weight);
        }
    }

    public Tally tally(int metric) {
        return plain[metric].snapshot();
    }

    public WeightedTally weightedTally(int metric) {
        return weighted == null ? null : weighted[metric].snapshot();
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
            plain[metric].addAll(tally);
            return;
        }
        if (!(stored instanceof WeightedTally tally)) {
            throw new IllegalArgumentException("expected a weighted tally (cxwtally), found an unweighted one");
        }
        weighted[metric].addAll(tally);
        plain[metric].addAll(Tally.of(tally.scale(), tally.counts()));
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
            if (plain[i] != null) {
                plain[i].combine(other.plain[i]);
                weighted[i].addAll(other.weighted[i].snapshot().multipliedBy(factor));
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
            if (plain[i] != null) {
                plain[i].combine(other.plain[i]);
                if (weighted != null) {
                    weighted[i].combine(other.weighted[i]);
                }
            }
        }
    }
}
