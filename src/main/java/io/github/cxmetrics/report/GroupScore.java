package io.github.cxmetrics.report;

import io.github.cxmetrics.report.scan.GroupTallies;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
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

    /** The sum of at least one group's tallies. */
    static GroupScore sum(List<GroupScore> groups) {
        Tally plain = groups.get(0).plain;
        WeightedTally weighted = groups.get(0).weighted;
        for (int i = 1; i < groups.size(); i++) {
            plain = plain.plus(groups.get(i).plain);
            if (weighted != null) {
                weighted = weighted.plus(groups.get(i).weighted);
            }
        }
        return new GroupScore(plain, weighted);
    }

    GroupScore minus(GroupScore part) {
        return new GroupScore(plain.minus(part.plain), weighted == null ? null : weighted.minus(part.weighted));
    }
}
