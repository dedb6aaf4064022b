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
 *       significant when its adjusted p &lt; 1 − confidence. With exactly two segments both tests
 *       are the same hypothesis, so nothing is adjusted. Small segments stay in the family.</li>
 *   <li><b>vs overall</b>: the overall score contains the segment itself, so the two are not
 *       independent; since segment − overall = (1 − n<sub>s</sub>/N)·(segment − rest) for shares
 *       and means, vs-overall is vs-rest with difference and limits scaled by (1 − n<sub>s</sub>/N)
 *       and the same test (for NPS the adjusted-Wald difference, so it is close to but not exactly
 *       the raw score difference at small n).</li>
 *   <li><b>Ranking</b>: by score, best first (higher is better except for CES on a
 *       lower-is-better scale); the plausible range of ranks counts the segments whose intervals
 *       lie entirely on either side (a simple non-overlap rule, not a simultaneous interval).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <K> the key type
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
        Tally overall = Tally.empty(scale);
        for (Tally t : tallies.values()) {
            overall = overall.plus(t);
        }
        long[] total = overall.counts();
        int m = tallies.size();
        List<K> keys = new ArrayList<>(tallies.keySet());
        Tally[] own = new Tally[m];
        Double[] score = new Double[m];
        Interval[] interval = new Interval[m];
        Comparison[] vsRest = new Comparison[m];
        for (int i = 0; i < m; i++) {
            Tally t = tallies.get(keys.get(i));
            own[i] = t;
            long[] rest = total.clone();
            long[] c = t.counts();
            for (int j = 0; j < rest.length; j++) {
                rest[j] -= c[j];
            }
            score[i] = metric.hasScore(t) ? metric.score(t) : null;
            interval[i] = metric.hasInterval(t) ? metric.interval(t, confidence) : null;
            vsRest[i] = metric.compareIfDefined(t, Tally.of(scale, rest), confidence).orElse(null);
        }
        // adjust the p-values of the tests that exist
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (vsRest[i] != null) {
                tested.add(i);
            }
        }
        double[] raw = new double[tested.size()];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = vsRest[tested.get(j)].pValue();
        }
        double[] adjusted = m == 2 ? raw.clone() : adjustment.adjust(raw);
        Double[] unadjusted = new Double[m];
        Comparison[] vsOverall = new Comparison[m];
        for (int j = 0; j < raw.length; j++) {
            int i = tested.get(j);
            unadjusted[i] = raw[j];
            vsRest[i] = vsRest[i].withPValue(adjusted[j]);
            double f = 1 - (double) own[i].n() / overall.n();
            Comparison r = vsRest[i];
            vsOverall[i] = r.scaled(f);
        }
        // ranking, best first
        boolean higherBetter = metric.isHigherBetter(scale);
        double sign = higherBetter ? 1 : -1;
        int[] rank = new int[m];
        int[] minRank = new int[m];
        int[] maxRank = new int[m];
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
            rank[i] = better + 1;
            minRank[i] = certainlyBetter + 1;
            maxRank[i] = possiblyBetter + 1;
        }
        List<SegmentResult<K>> results = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            results.add(new SegmentResult<>(keys.get(i), own[i], score[i], interval[i], vsRest[i], vsOverall[i],
                    unadjusted[i], own[i].n() < minimumN, rank[i], minRank[i], maxRank[i]));
        }
        results.sort(Comparator.comparingInt(r -> r.rank().orElse(Integer.MAX_VALUE)));
        return new SegmentComparison<>(metric, confidence, adjustment, minimumN, overall,
                Collections.unmodifiableList(results));
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
