package io.github.cxmetrics.tally;

import io.github.cxmetrics.scale.Scale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A count of responses per scale point that many threads may add to at once, read as an immutable
 * {@link Tally} with {@link #snapshot()}: for a server or pipeline where every request thread
 * records a score into one shared tally.
 *
 * <p>Get one with {@code new ConcurrentTallyAccumulator(scale)}. Counts live in several stripes of
 * atomic counters; a thread adds to the stripe chosen by its identity, so threads on different
 * stripes do not contend, and a snapshot adds the stripes up. Where one thread owns the data, a
 * {@link TallyAccumulator} is faster; where data is split up front, per-thread
 * {@link TallyAccumulator}s combined at the end (as {@link Tally#toTally(Scale)} does) are faster
 * still.
 *
 * <p>Thread safety, exactly:
 * <ul>
 *   <li>Every method may be called from any thread at any time without external locking.</li>
 *   <li>Each {@code add} is atomic: a snapshot includes all {@code times} responses of a call or
 *       none of them. A rejected call (off-scale score, negative {@code times}, overflow) changes
 *       nothing.</li>
 *   <li>Every {@code add} that returned before {@code snapshot()} was called is included in that
 *       snapshot and in every later one (in any thread). An {@code add} that starts after
 *       {@code snapshot()} returned is not included.</li>
 *   <li>An {@code add} running concurrently with {@code snapshot()} may or may not be included, and
 *       concurrent adds are included independently of each other: a snapshot is not a single
 *       instant (not linearizable), so it may include a later add of one thread and miss an earlier
 *       add of the same thread if both overlap the snapshot.</li>
 *   <li>Each snapshot is itself a valid tally: {@code n()} equals the sum of its counts, and no
 *       count is ever over-reported (each count is between the number of adds to that point that
 *       completed before the snapshot began and the number that started before it ended).</li>
 *   <li>Once all adding threads have finished (joined, or otherwise ordered before the snapshot),
 *       the snapshot is exact.</li>
 * </ul>
 *
 * <p>Counts are exact: an add that would take a stripe's count past {@link Long#MAX_VALUE} throws
 * {@link ArithmeticException} and changes nothing; a snapshot whose total would pass it throws
 * {@link ArithmeticException}.
 *
 * @since 0.1.0
 */
public final class ConcurrentTallyAccumulator {
    /** Longs between the rows of two stripes, so that two stripes never share a cache line. */
    private static final int PAD = 16;

    private final Scale scale;
    private final int points;
    private final int stride;
    private final int mask;
    private final AtomicLongArray cells;

    /** An empty accumulator for the given scale, with stripes for the machine's processors. */
    public ConcurrentTallyAccumulator(Scale scale) {
        this(scale, Runtime.getRuntime().availableProcessors() * 2);
    }

    /**
     * An empty accumulator with at least {@code stripes} stripes (rounded up to a power of two, at
     * most 256); more stripes mean less contention and more memory ({@code stripes × points} longs).
     *
     * @throws IllegalArgumentException if {@code stripes} is not in 1..256
     */
    public ConcurrentTallyAccumulator(Scale scale, int stripes) {
        this.scale = Objects.requireNonNull(scale, "scale");
        if (!(stripes >= 1 && stripes <= 256)) {
            throw new IllegalArgumentException("Invalid value for stripes (valid values 1 - 256): " + stripes);
        }
        int rows = Integer.highestOneBit(stripes);
        if (rows < stripes) {
            rows <<= 1;
        }
        this.points = scale.points();
        this.stride = points + PAD;
        this.mask = rows - 1;
        this.cells = new AtomicLongArray(rows * stride);
    }

    /** The scale. */
    public Scale scale() {
        return scale;
    }

    /** The number of stripes. */
    public int stripes() {
        return mask + 1;
    }

    /**
     * Adds one response.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     * @throws ArithmeticException if the count would overflow
     */
    public ConcurrentTallyAccumulator add(int score) {
        return add(score, 1);
    }

    /**
     * Adds {@code times} responses with the same score, atomically.
     *
     * @throws IllegalArgumentException if the score is not on the scale or {@code times < 0}
     * @throws ArithmeticException if the count would overflow
     */
    public ConcurrentTallyAccumulator add(int score, long times) {
        int point = scale.indexOf(score);
        if (times < 0) {
            throw new IllegalArgumentException("Invalid value for times (valid values >= 0): " + times);
        }
        int i = stripe() * stride + point;
        long current;
        do {
            current = cells.get(i);
            if (current > Long.MAX_VALUE - times) {
                throw new ArithmeticException("Count overflow for score " + score + " of " + scale + ": " + current
                        + " + " + times + " exceeds " + Long.MAX_VALUE);
            }
        } while (!cells.compareAndSet(i, current, current + times));
        return this;
    }

    /** The stripe of the calling thread: its id, mixed (Stafford variant 13 of SplitMix64). */
    private int stripe() {
        long z = Thread.currentThread().getId();
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (int) (z ^ (z >>> 31)) & mask;
    }

    /**
     * The counts so far, summed over the stripes; see the class comment for what a snapshot taken
     * during concurrent adds contains.
     *
     * @throws ArithmeticException if a count or the total exceeds {@link Long#MAX_VALUE}
     */
    public Tally snapshot() {
        long[] counts = new long[points];
        long n = 0;
        for (int row = 0; row <= mask; row++) {
            int base = row * stride;
            for (int p = 0; p < points; p++) {
                counts[p] = Math.addExact(counts[p], cells.get(base + p));
            }
        }
        for (long c : counts) {
            n = Math.addExact(n, c);
        }
        return new Tally(scale, counts, n);
    }

    @Override
    public String toString() {
        return "ConcurrentTallyAccumulator[" + scale + ", " + stripes() + " stripes]";
    }
}
