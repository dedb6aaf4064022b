package io.github.cxmetrics.segment;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Segments (channels, teams, regions, …) compared with each other: each segment's score and
 * interval, each against the rest and against the overall, with p-values corrected for the number
 * of segments tested, a ranking with plausible rank ranges, and a flag on small segments.
 *
 * <p>Get one with {@link #of(Metric, Map)} (95 %, Holm, minimum n 30) or
 * {@link #of(Metric, Map, double, PValueAdjustment, long)}:
 *
 * <pre>{@code
 * SegmentComparison<String> byChannel = SegmentComparison.of(Metric.NPS, tallyPerChannel);
 * for (SegmentResult<String> s : byChannel.segments()) {   // best first
 *     s.key(); s.score(); s.interval(); s.vsRest(); s.isSignificant(); s.isBelowMinimumN();
 *     s.vsRest().ifPresent(v -> { v.pValue(); v.adjustedPValue(); v.familywiseLower(); v.familywiseUpper(); });
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>vs rest</b>: the segment against all other responses pooled (two independent groups),
 *       with the metric's default test ({@link Metric#compare}). Absent when the segment or the
 *       rest has too few responses ({@link Metric#hasInterval}) or the test is undefined.</li>
 *   <li><b>Correction</b>: the p-values of all present vs-rest tests are adjusted together
 *       ({@link PValueAdjustment#HOLM} controls the family-wise error rate,
 *       {@link PValueAdjustment#BENJAMINI_HOCHBERG} the false discovery rate); a segment is
 *       significant when its adjusted p &lt; 1 − confidence. Each vs-rest result keeps the raw
 *       p-value and carries an interval at the family-wise level, which excludes 0 exactly when the
 *       segment is significant ({@link AdjustedComparison}). With exactly two segments both tests
 *       are the same hypothesis, so nothing is adjusted ({@link PValueAdjustment#NONE}). Small
 *       segments stay in the family.</li>
 *   <li><b>vs overall</b>: the overall score contains the segment itself, so the two are not
 *       independent; since segment − overall = (1 − n<sub>s</sub>/N)·(segment − rest) for shares
 *       and means, vs-overall is vs-rest with difference and limits scaled by (1 − n<sub>s</sub>/N)
 *       and the same test and p-values.</li>
 *   <li><b>Ranking</b>: by score, best first (higher is better except for CES on a
 *       lower-is-better scale); the plausible range of ranks counts the segments whose intervals
 *       lie entirely on either side (a simple non-overlap rule, not a simultaneous interval).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <K> the key type
 *
 * @since 0.1.0
 */
public final class SegmentComparison<K> {
    /** The default minimum n below which segments are flagged. */
    public static final long DEFAULT_MINIMUM_N = 30;

    private final Metric metric;
    private final double confidence;
    private final PValueAdjustment adjustment;
    private final long minimumN;
    private final Tally overall;
    private final List<SegmentResult<K>> segments;

    private SegmentComparison(Metric metric, double confidence, PValueAdjustment adjustment, long minimumN,
            Tally overall, List<SegmentResult<K>> segments) {
        this.metric = metric;
        this.confidence = confidence;
        this.adjustment = adjustment;
        this.minimumN = minimumN;
        this.overall = overall;
        this.segments = segments;
    }

    /** Compares segments at 95 % with Holm's correction, flagging segments under 30 responses. */
    public static <K> SegmentComparison<K> of(Metric metric, Map<K, Tally> tallies) {
        return of(metric, tallies, Confidence.DEFAULT, PValueAdjustment.HOLM, DEFAULT_MINIMUM_N);
    }

    /**
     * Compares segments.
     *
     * @param tallies the responses per segment (empty tallies are kept, without score)
     * @param minimumN segments with fewer responses are flagged; ≥ 0
     * @throws IllegalArgumentException if there are no segments, a tally's scale does not belong to
     *     the metric or differs from the others, the confidence is not in (0, 1) or minimumN &lt; 0
     */
    public static <K> SegmentComparison<K> of(Metric metric, Map<K, Tally> tallies, double confidence,
            PValueAdjustment adjustment, long minimumN) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tallies, "tallies");
        Objects.requireNonNull(adjustment, "adjustment");
        Checks.confidence(confidence);
        if (minimumN < 0) {
            throw new IllegalArgumentException("Invalid value for minimumN (valid values >= 0): " + minimumN);
        }
        Scale scale = commonScale(metric, tallies);
        Tally overall = Tally.empty(scale);
        for (Tally t : tallies.values()) {
            overall = overall.plus(t);
        }
        int m = tallies.size();
        List<K> keys = new ArrayList<>(tallies.keySet());
        Tally[] own = new Tally[m];
        Tally[] rest = new Tally[m];
        Double[] score = new Double[m];
        Interval[] interval = new Interval[m];
        for (int i = 0; i < m; i++) {
            own[i] = tallies.get(keys.get(i));
            rest[i] = rest(overall, own[i]);
            score[i] = metric.hasScore(own[i]) ? metric.score(own[i]) : null;
            interval[i] = metric.hasInterval(own[i]) ? metric.interval(own[i], confidence) : null;
        }
        // with two segments both tests are the same hypothesis: nothing to adjust
        AdjustedComparison[] vsRest = vsRest(metric, own, rest, confidence, m == 2 ? PValueAdjustment.NONE
                : adjustment);
        int[][] ranks = ranks(metric.isHigherBetter(scale), score, interval);
        List<SegmentResult<K>> results = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            AdjustedComparison r = vsRest[i];
            AdjustedComparison vsOverall = r == null ? null : r.scaled(1 - (double) own[i].n() / overall.n());
            results.add(new SegmentResult<>(keys.get(i), own[i], score[i], interval[i], r, vsOverall,
                    own[i].n() < minimumN, ranks[0][i], ranks[1][i], ranks[2][i]));
        }
        results.sort(Comparator.comparingInt(r -> r.rank().orElse(Integer.MAX_VALUE)));
        return new SegmentComparison<>(metric, confidence, adjustment, minimumN, overall,
                Collections.unmodifiableList(results));
    }

    /** All responses but the segment's: exact subtraction of counts. */
    private static Tally rest(Tally overall, Tally segment) {
        long[] rest = overall.counts();
        long[] own = segment.counts();
        for (int j = 0; j < rest.length; j++) {
            rest[j] -= own[j];
        }
        return Tally.of(overall.scale(), rest);
    }

    /** The one scale of all tallies, checked against the metric. */
    private static <K> Scale commonScale(Metric metric, Map<K, Tally> tallies) {
        if (tallies.isEmpty()) {
            throw new IllegalArgumentException("Invalid segment comparison: no segments");
        }
        Scale scale = null;
        for (Map.Entry<K, Tally> e : tallies.entrySet()) {
            Objects.requireNonNull(e.getKey(), "segment key");
            Tally t = Objects.requireNonNull(e.getValue(), "tally");
            metric.requireScale(t.scale());
            if (scale == null) {
                scale = t.scale();
            } else if (!scale.equals(t.scale())) {
                throw Checks.scaleMismatch(scale, t.scale());
            }
        }
        return scale;
    }

    /**
     * Each segment against its rest, adjusted as one family over the tests that exist; null where
     * the test is undefined.
     */
    private static AdjustedComparison[] vsRest(Metric metric, Tally[] own, Tally[] rest, double confidence,
            PValueAdjustment adjustment) {
        List<Integer> tested = new ArrayList<>();
        List<Comparison> raw = new ArrayList<>();
        for (int i = 0; i < own.length; i++) {
            Optional<Comparison> c = metric.compareIfDefined(own[i], rest[i], confidence);
            if (c.isPresent()) {
                tested.add(i);
                raw.add(c.get());
            }
        }
        List<AdjustedComparison> family = AdjustedComparison.ofFamily(raw, adjustment,
                (j, level) -> metric.compare(own[tested.get(j)], rest[tested.get(j)], level));
        AdjustedComparison[] out = new AdjustedComparison[own.length];
        for (int j = 0; j < family.size(); j++) {
            out[tested.get(j)] = family.get(j);
        }
        return out;
    }

    /**
     * The rank, best plausible rank and worst plausible rank of each scored segment (0 without a
     * score), best first: {@code [rank, best, worst][segment]}.
     */
    private static int[][] ranks(boolean higherBetter, Double[] score, Interval[] interval) {
        int m = score.length;
        double sign = higherBetter ? 1 : -1;
        int[][] out = new int[3][m];
        for (int i = 0; i < m; i++) {
            if (score[i] == null) {
                continue;
            }
            int better = 0;
            int certainlyBetter = 0;
            int possiblyBetter = 0;
            for (int j = 0; j < m; j++) {
                if (j == i || score[j] == null) {
                    continue;
                }
                if (sign * score[j] > sign * score[i]) {
                    better++;
                }
                if (interval[i] == null || interval[j] == null) {
                    possiblyBetter++;
                    continue;
                }
                double loJ = higherBetter ? interval[j].lower() : -interval[j].upper();
                double hiJ = higherBetter ? interval[j].upper() : -interval[j].lower();
                double loI = higherBetter ? interval[i].lower() : -interval[i].upper();
                double hiI = higherBetter ? interval[i].upper() : -interval[i].lower();
                if (loJ > hiI) {
                    certainlyBetter++;
                }
                if (hiJ >= loI) {
                    possiblyBetter++;
                }
            }
            out[0][i] = better + 1;
            out[1][i] = certainlyBetter + 1;
            out[2][i] = possiblyBetter + 1;
        }
        return out;
    }

    /** The metric. */
    public Metric metric() {
        return metric;
    }

    /** The confidence level. */
    public double confidence() {
        return confidence;
    }

    /** The multiple-testing adjustment applied to the vs-rest p-values. */
    public PValueAdjustment adjustment() {
        return adjustment;
    }

    /** The minimum n below which segments are flagged. */
    public long minimumN() {
        return minimumN;
    }

    /** All responses of all segments. */
    public Tally overall() {
        return overall;
    }

    /** The segments, best rank first; segments without a score last, in the input map's order. */
    public List<SegmentResult<K>> segments() {
        return segments;
    }

    /** The result of one segment. */
    public Optional<SegmentResult<K>> segment(K key) {
        return segments.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return "SegmentComparison[" + metric.key() + ", " + segments.size() + " segments, n=" + overall.n() + "]";
    }
}
