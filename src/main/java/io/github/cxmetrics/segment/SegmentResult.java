package io.github.cxmetrics.segment;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One segment in a {@link SegmentComparison}: its score and interval, the comparison with the rest
 * of the responses and with the overall score (raw and adjusted p-values, and an interval at the
 * family-wise level that agrees with the adjusted verdict), its rank, and whether it is below the
 * minimum n.
 *
 * <p>Absent values are empty optionals, never NaN (see {@link SegmentComparison} for when).
 * Immutable and thread-safe.
 *
 * @param <K> the key type
 *
 * @since 0.1.0
 */
public final class SegmentResult<K> {
    private final K key;
    private final Tally tally;
    private final WeightedTally weighted;
    private final Double score;
    private final Interval interval;
    private final AdjustedComparison vsRest;
    private final AdjustedComparison vsOverall;
    private final boolean small;
    private final int rank;
    private final int minRank;
    private final int maxRank;

    SegmentResult(K key, Tally tally, WeightedTally weighted, Double score, Interval interval,
            AdjustedComparison vsRest, AdjustedComparison vsOverall, boolean small, int rank, int minRank,
            int maxRank) {
        this.key = key;
        this.tally = tally;
        this.weighted = weighted;
        this.score = score;
        this.interval = interval;
        this.vsRest = vsRest;
        this.vsOverall = vsOverall;
        this.small = small;
        this.rank = rank;
        this.minRank = minRank;
        this.maxRank = maxRank;
    }

    /** The segment's key. */
    public K key() {
        return key;
    }

    /** The segment's responses (their counts, also when the comparison is weighted). */
    public Tally tally() {
        return tally;
    }

    /** The number of responses. */
    public long n() {
        return tally.n();
    }

    /**
     * The segment's weighted responses; empty unless the comparison is weighted
     * ({@link SegmentComparison#ofWeighted}).
     */
    public Optional<WeightedTally> weightedTally() {
        return Optional.ofNullable(weighted);
    }

    /**
     * Kish's effective n of the segment's weighted responses (0 without responses or weight); empty
     * unless the comparison is weighted.
     */
    public OptionalDouble effectiveN() {
        if (weighted == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(weighted.isEmpty() || !(weighted.sumOfWeights() > 0) ? 0 : weighted.effectiveN());
    }

    /** The score in display units; empty without responses. */
    public OptionalDouble score() {
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    /** The interval of the score; empty with too few responses. */
    public Optional<Interval> interval() {
        return Optional.ofNullable(interval);
    }

    /**
     * This segment minus all other responses, with the metric's default test: the raw test
     * ({@link AdjustedComparison#comparison()}, its interval at the comparison's confidence level),
     * the adjusted p-value and the family-wise interval, which excludes 0 exactly when
     * {@link #isSignificant()} (NPS, CES; see {@link AdjustedComparison} for CSAT). Empty when the
     * segment or the rest has too few responses or the test is undefined.
     */
    public Optional<AdjustedComparison> vsRest() {
        return Optional.ofNullable(vsRest);
    }

    /**
     * This segment minus the overall score: {@link #vsRest()} with the difference, standard error
     * and every limit scaled by (1 − n<sub>s</sub>/N), the same statistic and p-values.
     */
    public Optional<AdjustedComparison> vsOverall() {
        return Optional.ofNullable(vsOverall);
    }

    /** Whether the adjusted p-value of {@link #vsRest()} is below 1 − confidence. */
    public boolean isSignificant() {
        return vsRest != null && vsRest.isSignificant();
    }

    /** Whether the segment has fewer responses than the minimum n: show it, but flagged. */
    public boolean isBelowMinimumN() {
        return small;
    }

    /** The rank by score, 1 = best (ties share the better rank); empty without a score. */
    public OptionalInt rank() {
        return rank == 0 ? OptionalInt.empty() : OptionalInt.of(rank);
    }

    /**
     * The best rank the intervals allow: 1 + the number of segments whose interval lies entirely
     * on the better side of this one's.
     */
    public OptionalInt bestPlausibleRank() {
        return rank == 0 ? OptionalInt.empty() : OptionalInt.of(minRank);
    }

    /**
     * The worst rank the intervals allow: 1 + the number of other scored segments whose interval
     * reaches past this one's (or that have no interval).
     */
    public OptionalInt worstPlausibleRank() {
        return rank == 0 ? OptionalInt.empty() : OptionalInt.of(maxRank);
    }

    @Override
    public String toString() {
        return "SegmentResult[" + key + ", n=" + tally.n() + (score == null ? "" : ", score=" + score)
                + (isSignificant() ? ", significant" : "") + (small ? ", below minimum n" : "") + "]";
    }
}
