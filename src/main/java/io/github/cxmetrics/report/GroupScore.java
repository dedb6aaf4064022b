package io.github.cxmetrics.report;

import io.github.cxmetrics.report.scan.GroupTallies;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.List;

/**
 * One metric's tally of a group, with its weighted tally in a weighted report, added and
 * subtracted exactly ({@link Tally#minus}, {@link WeightedTally#minus}): a segment's rest is the
 * column's total minus the segment.
 *
 * @param plain    the counts
 * @param weighted the weighted tally, or null in an unweighted report
 */
record GroupScore(Tally plain, WeightedTally weighted) {

    static GroupScore of(GroupTallies group, int metric) {
        return new GroupScore(group.tally(metric), group.weightedTally(metric));
    }

    /** The sum of at least one group's tallies (added in accumulators: no tally per step). */
    static GroupScore sum(List<GroupScore> groups) {
        TallyAccumulator plain = new TallyAccumulator(groups.get(0).plain.scale());
        WeightedTallyAccumulator weighted = groups.get(0).weighted == null ? null
                : new WeightedTallyAccumulator(groups.get(0).weighted.scale());
        for (GroupScore g : groups) {
            plain.addAll(g.plain);
            if (weighted != null) {
                weighted.addAll(g.weighted);
            }
        }
        return new GroupScore(plain.snapshot(), weighted == null ? null : weighted.snapshot());
    }

    GroupScore minus(GroupScore part) {
        return new GroupScore(plain.minus(part.plain), weighted == null ? null : weighted.minus(part.weighted));
    }
}
