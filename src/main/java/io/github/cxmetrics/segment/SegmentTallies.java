package io.github.cxmetrics.segment;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * A mutable group-by of responses into one tally per key (a segment value such as a channel, a
 * {@link SegmentKey} of several columns, or any key such as a segment × period pair).
 *
 * <p>Create with {@link #SegmentTallies(Scale)}, feed with {@link #add(Object, int)} and
 * {@link #addAll(Object, Tally)}, merge with {@link #combine(SegmentTallies)}, read with
 * {@link #snapshot()}; or collect a stream with {@link #collector(Scale, Function, ToIntFunction)},
 * or with {@link #collectorSkippingMissing(Scale, Function, Function)} when a score may be missing
 * (null: the question was not asked), which leaves such items out.
 * Merging adds counts key by key, so it is exact, associative and commutative: any split of the
 * same responses, combined in any order, gives equal snapshots.
 *
 * <p>Not thread-safe; safe as the accumulator and combiner of a parallel {@link Collector}.
 *
 * @param <K> the key type
 *
 * @since 0.1.0
 */
public final class SegmentTallies<K> {
    private final Scale scale;
    private final Map<K, TallyAccumulator> groups = new LinkedHashMap<>();

    /** An empty group-by on the scale. */
    public SegmentTallies(Scale scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    /**
     * A collector of items into a tally per key, every item with a score. For items that may lack
     * one (a question that was not asked), use {@link #collectorSkippingMissing}.
     *
     * @param key the segment of an item; must not return null
     * @param score the item's score; must lie on the scale
     * @throws IllegalArgumentException (during collection) for an off-scale score
     * @throws NullPointerException (during collection) for a null key, or when the score function
     *     throws it (as unboxing a null {@code Integer} does), with a message naming the item and
     *     what was null
     */
    public static <T, K> Collector<T, SegmentTallies<K>, Map<K, Tally>> collector(Scale scale,
            Function<? super T, ? extends K> key, ToIntFunction<? super T> score) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(score, "score");
        return Collector.of(() -> new SegmentTallies<K>(scale),
                (acc, item) -> acc.add(keyOf(key, item), scoreOf(score, item)), SegmentTallies::combine,
                SegmentTallies::snapshot, Collector.Characteristics.UNORDERED);
    }

    /**
     * A collector of items into a tally per key that skips the items without a score: a null
     * {@code Integer} means the question was not asked (or not answered), the commonest missing
     * value, and the item is left out of every tally (its key is not required then). A segment
     * whose items all lack a score does not appear.
     *
     * <pre>{@code
     * Map<String, Tally> npsPerChannel = rows.stream().collect(
     *         SegmentTallies.collectorSkippingMissing(NpsScale.STANDARD, Row::channel, Row::nps)); // nps() may be null
     * }</pre>
     *
     * @param key the segment of an item with a score; must not return null for it
     * @param score the item's score on the scale, or null when it has none
     * @throws IllegalArgumentException (during collection) for an off-scale score
     * @throws NullPointerException (during collection) for a null key of an item with a score,
     *     with a message naming the item
     */
    public static <T, K> Collector<T, SegmentTallies<K>, Map<K, Tally>> collectorSkippingMissing(Scale scale,
            Function<? super T, ? extends K> key, Function<? super T, ? extends Integer> score) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(score, "score");
        return Collector.of(() -> new SegmentTallies<K>(scale), (acc, item) -> {
            Integer s = score.apply(item);
            if (s != null) {
                acc.add(keyOf(key, item), s);
            }
        }, SegmentTallies::combine, SegmentTallies::snapshot, Collector.Characteristics.UNORDERED);
    }

    private static <T, K> K keyOf(Function<? super T, ? extends K> key, T item) {
        K k = key.apply(item);
        if (k == null) {
            throw new NullPointerException("Null segment key: the key function returned null for item " + item);
        }
        return k;
    }

    private static <T> int scoreOf(ToIntFunction<? super T> score, T item) {
        try {
            return score.applyAsInt(item);
        } catch (NullPointerException e) {
            NullPointerException named = new NullPointerException("Null score: the score function threw "
                    + "NullPointerException for item " + item + " (a null Integer unboxed?); to skip items "
                    + "whose question was not asked, use SegmentTallies.collectorSkippingMissing");
            named.initCause(e);
            throw named;
        }
    }

    /** The scale. */
    public Scale scale() {
        return scale;
    }

    /**
     * Adds one response to a segment.
     *
     * @throws IllegalArgumentException if the score is off the scale (nothing is added)
     */
    public SegmentTallies<K> add(K key, int score) {
        Objects.requireNonNull(key, "key");
        scale.requireValid(score);
        groups.computeIfAbsent(key, k -> new TallyAccumulator(scale)).add(score);
        return this;
    }

    /**
     * Adds the responses of a tally to a segment.
     *
     * @throws IllegalArgumentException if the tally's scale differs (nothing is added)
     */
    public SegmentTallies<K> addAll(K key, Tally tally) {
        Objects.requireNonNull(key, "key");
        requireScale(tally.scale());
        groups.computeIfAbsent(key, k -> new TallyAccumulator(scale)).addAll(tally);
        return this;
    }

    /**
     * Adds every segment of another group-by to this one, as if its responses had been added here.
     *
     * @throws IllegalArgumentException if the scales differ; checked first, so nothing changes
     */
    public SegmentTallies<K> combine(SegmentTallies<K> other) {
        requireScale(other.scale);
        if (other == this) {
            for (TallyAccumulator acc : groups.values()) {
                acc.addAll(acc.snapshot());
            }
            return this;
        }
        other.groups.forEach((k, acc) -> groups.computeIfAbsent(k, x -> new TallyAccumulator(scale)).combine(acc));
        return this;
    }

    /**
     * An immutable map from key to tally, ordered by key when every key is {@link Comparable}
     * (otherwise in first-seen order).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<K, Tally> snapshot() {
        boolean comparable = groups.keySet().stream().allMatch(k -> k instanceof Comparable);
        Map<K, Tally> out = comparable ? (Map<K, Tally>) new TreeMap() : new LinkedHashMap<>();
        try {
            groups.forEach((k, acc) -> out.put(k, acc.snapshot()));
        } catch (ClassCastException mixedKeyTypes) {
            Map<K, Tally> linked = new LinkedHashMap<>();
            groups.forEach((k, acc) -> linked.put(k, acc.snapshot()));
            return Collections.unmodifiableMap(linked);
        }
        return Collections.unmodifiableMap(out);
    }

    private void requireScale(Scale other) {
        if (!scale.equals(other)) {
            throw Checks.scaleMismatch(scale, other);
        }
    }

    @Override
    public String toString() {
        return "SegmentTallies[" + scale + ", " + groups.size() + " segments]";
    }
}
