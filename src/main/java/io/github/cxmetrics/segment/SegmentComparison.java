package io.github.cxmetrics.segment;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Segments (channels, teams, regions, …) compared with each other: each segment's score and
 * interval, each against the rest and against the overall, with p-values corrected for the number
 * of segments tested, a ranking with plausible rank ranges, and a flag on small segments.
 *
 * <p>Get one with {@link #of(Metric, Map)} (95 %, Holm, minimum n 30) or
 * {@link #of(Metric, Map, double, PValueAdjustment, long)}, or from weighted tallies with
 * {@link #ofWeighted}:
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
 *   <li><b>Weighted</b> ({@link #ofWeighted}): scores, intervals and tests from the weighted
 *       tallies, with Kish's effective n where a variance needs an n (as {@link Metric#score(WeightedTally)},
 *       {@link Metric#interval(WeightedTally, double)} and {@link Metric#compare(WeightedTally, WeightedTally, double)});
 *       each rest is the total minus the segment, exactly ({@link WeightedTally#minus}); vs overall
 *       scales by (1 − W<sub>s</sub>/W), the segment's share of the total weight (the weighted
 *       score of the overall is the W-weighted mean of segment and rest); the minimum n counts
 *       responses (rows), as unweighted.</li>
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
    private final WeightedTally weightedOverall;
    private final List<SegmentResult<K>> segments;

    private SegmentComparison(Metric metric, double confidence, PValueAdjustment adjustment, long minimumN,
            Tally overall, WeightedTally weightedOverall, List<SegmentResult<K>> segments) {
        this.weightedOverall = weightedOverall;
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
        return build(metric, tallies, confidence, adjustment, minimumN, PLAIN);
    }

    /**
     * Compares segments from weighted tallies (see the class comment for what weighting changes).
     *
     * @param tallies the weighted responses per segment (empty tallies are kept, without score)
     * @param minimumN segments with fewer responses (rows) are flagged; ≥ 0
     * @throws IllegalArgumentException if there are no segments, a tally's scale does not belong to
     *     the metric or differs from the others, the confidence is not in (0, 1) or minimumN &lt; 0
     */
    public static <K> SegmentComparison<K> ofWeighted(Metric metric, Map<K, WeightedTally> tallies,
            double confidence, PValueAdjustment adjustment, long minimumN) {
        return build(metric, tallies, confidence, adjustment, minimumN, WEIGHTED);
    }

    /**
     * What a comparison needs of a tally type, plain or weighted: its scale, exact sums and
     * differences, the metric's score, interval and test, and its size for vs overall.
     */
    private record Kind<T>(Function<T, Scale> scale, Function<Scale, T> empty, BinaryOperator<T> plus,
            BinaryOperator<T> minus, BiPredicate<Metric, T> hasScore, ToDoubleBiFunction<Metric, T> score,
            BiPredicate<Metric, T> hasInterval, Tested<T, Interval> interval, Compared<T, Comparison> compare,
            Compared<T, Optional<Comparison>> compareIfDefined,
            ToDoubleFunction<T> size, Function<T, Tally> counts, Function<T, WeightedTally> weighted) {
    }

    private interface Tested<T, R> {
        R apply(Metric metric, T tally, double confidence);
    }

    private interface Compared<T, R> {
        R apply(Metric metric, T a, T b, double confidence);
    }

    private static final Kind<Tally> PLAIN = new Kind<>(Tally::scale, Tally::empty, Tally::plus, Tally::minus,
            Metric::hasScore, Metric::score, Metric::hasInterval, Metric::interval, Metric::compare, Metric::compareIfDefined, Tally::n,
            t -> t, t -> null);

    /** Weighted: the size is the sum of weights, the counts those of the rows. */
    private static final Kind<WeightedTally> WEIGHTED = new Kind<>(WeightedTally::scale, WeightedTally::empty,
            WeightedTally::plus, WeightedTally::minus, Metric::hasScore, Metric::score, Metric::hasInterval,
            Metric::interval, Metric::compare, Metric::compareIfDefined, WeightedTally::sumOfWeights, WeightedTally::toTally, t -> t);

    private static <K, T> SegmentComparison<K> build(Metric metric, Map<K, T> tallies, double confidence,
            PValueAdjustment adjustment, long minimumN, Kind<T> kind) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tallies, "tallies");
        Objects.requireNonNull(adjustment, "adjustment");
        Checks.confidence(confidence);
        if (minimumN < 0) {
            throw new IllegalArgumentException("Invalid value for minimumN (valid values >= 0): " + minimumN);
        }
        Scale scale = commonScale(metric, tallies, kind);
        T overall = kind.empty().apply(scale);
        for (T t : tallies.values()) {
            overall = kind.plus().apply(overall, t);
        }
        int m = tallies.size();
        List<K> keys = new ArrayList<>(tallies.keySet());
        List<T> own = new ArrayList<>(m);
        List<T> rest = new ArrayList<>(m);
        Double[] score = new Double[m];
        Interval[] interval = new Interval[m];
        for (int i = 0; i < m; i++) {
            T t = tallies.get(keys.get(i));
            own.add(t);
            rest.add(kind.minus().apply(overall, t));
            score[i] = kind.hasScore().test(metric, t) ? kind.score().applyAsDouble(metric, t) : null;
            interval[i] = kind.hasInterval().test(metric, t) ? kind.interval().apply(metric, t, confidence) : null;
        }
        // with two segments both tests are the same hypothesis: nothing to adjust
        AdjustedComparison[] vsRest = vsRest(metric, own, rest, confidence, m == 2 ? PValueAdjustment.NONE
                : adjustment, kind);
        int[][] ranks = ranks(metric.isHigherBetter(scale), score, interval);
        double whole = kind.size().applyAsDouble(overall);
        List<SegmentResult<K>> results = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            AdjustedComparison r = vsRest[i];
            T t = own.get(i);
            AdjustedComparison vsOverall = r == null ? null : r.scaled(1 - kind.size().applyAsDouble(t) / whole);
            Tally counts = kind.counts().apply(t);
            results.add(new SegmentResult<>(keys.get(i), counts, kind.weighted().apply(t), score[i], interval[i], r,
                    vsOverall, counts.n() < minimumN, ranks[0][i], ranks[1][i], ranks[2][i]));
        }
        results.sort(Comparator.comparingInt(r -> r.rank().orElse(Integer.MAX_VALUE)));
        return new SegmentComparison<>(metric, confidence, adjustment, minimumN, kind.counts().apply(overall),
                kind.weighted().apply(overall), Collections.unmodifiableList(results));
    }

    /** The one scale of all tallies, checked against the metric. */
    private static <K, T> Scale commonScale(Metric metric, Map<K, T> tallies, Kind<T> kind) {
        if (tallies.isEmpty()) {
            throw new IllegalArgumentException("Invalid segment comparison: no segments");
        }
        Scale scale = null;
        for (Map.Entry<K, T> e : tallies.entrySet()) {
            Objects.requireNonNull(e.getKey(), "segment key");
            Scale s = kind.scale().apply(Objects.requireNonNull(e.getValue(), "tally"));
            metric.requireScale(s);
            if (scale == null) {
                scale = s;
            } else if (!scale.equals(s)) {
                throw Checks.scaleMismatch(scale, s);
            }
        }
        return scale;
    }

    /**
     * Each segment against its rest, adjusted as one family over the tests that exist; null where
     * the test is undefined.
     */
    private static <T> AdjustedComparison[] vsRest(Metric metric, List<T> own, List<T> rest, double confidence,
            PValueAdjustment adjustment, Kind<T> kind) {
        List<Integer> tested = new ArrayList<>();
        List<Comparison> raw = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            Optional<Comparison> c = kind.compareIfDefined().apply(metric, own.get(i), rest.get(i), confidence);
            if (c.isPresent()) {
                tested.add(i);
                raw.add(c.get());
            }
        }
        List<AdjustedComparison> family = AdjustedComparison.ofFamily(raw, adjustment,
                (j, level) -> kind.compare().apply(metric, own.get(tested.get(j)), rest.get(tested.get(j)), level));
        AdjustedComparison[] out = new AdjustedComparison[own.size()];
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

    /** All responses of all segments (their counts, also when weighted). */
    public Tally overall() {
        return overall;
    }

    /** All weighted responses of all segments; empty unless built by {@link #ofWeighted}. */
    public Optional<WeightedTally> weightedOverall() {
        return Optional.ofNullable(weightedOverall);
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
