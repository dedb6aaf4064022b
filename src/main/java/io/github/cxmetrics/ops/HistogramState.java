package io.github.cxmetrics.ops;

import java.util.Arrays;

/**
 * The mutable state shared by {@link ResponseTimeHistogramAccumulator} and the immutable
 * {@link ResponseTimeHistogram}: exact counts per logarithmic bucket, the count of zero times,
 * exact sums, exact minimum and maximum, and the exact count within a fixed target.
 */
final class HistogramState {
    static final long NO_TARGET = -1;
    /**
     * A histogram of a few times (a store's or an agent's week, issue 16) holds their buckets'
     * indexes and counts, not the dense range between them (hundreds of buckets at 1 %): it stays
     * sparse while it has at most this many non-empty buckets, or, up to {@link #SPARSE_MOST}, while
     * its sparse form (12 bytes per non-empty bucket) is smaller than the dense one (8 bytes per
     * bucket of its range), and turns dense for good after that.
     */
    static final int SPARSE_ALWAYS = 16;
    /**
     * The most non-empty buckets kept sparse: past it a histogram is a large group's (the whole
     * input's, a big segment's), where the dense form's constant-time add and merge matter more
     * than its bytes.
     */
    static final int SPARSE_MOST = 128;
    private static final int[] NO_KEYS = new int[0];
    private static final long[] NO_COUNTS = new long[0];
    final LogBuckets buckets;
    final long target;
    long zeroCount;
    /**
     * Dense ({@code keys == null}): the count of bucket {@code offset + i} at {@code counts[i]}.
     * Sparse: the count of bucket {@code keys[i]} at {@code counts[i]} for {@code i < used}, the
     * keys increasing and every count positive.
     */
    long[] counts = NO_COUNTS;
    int offset;
    private int[] keys = NO_KEYS;
    private int used;
    final WideSums sums;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long within;

    HistogramState(double relativeAccuracy, long target) {
        this.buckets = LogBuckets.of(relativeAccuracy);
        this.target = target;
        this.sums = new WideSums();
    }

    private HistogramState(HistogramState o, boolean trim) {
        this.buckets = o.buckets;
        this.target = o.target;
        this.zeroCount = o.zeroCount;
        this.sums = new WideSums(o.sums);
        this.min = o.min;
        this.max = o.max;
        this.within = o.within;
        if (o.keys != null) {
            this.keys = Arrays.copyOf(o.keys, o.used);
            this.counts = Arrays.copyOf(o.counts, o.used);
            this.used = o.used;
            return;
        }
        this.keys = null;
        int first = 0;
        int last = o.counts.length - 1;
        if (trim) {
            while (first <= last && o.counts[first] == 0) {
                first++;
            }
            while (last >= first && o.counts[last] == 0) {
                last--;
            }
        }
        this.counts = first > last ? NO_COUNTS : Arrays.copyOfRange(o.counts, first, last + 1);
        this.offset = first > last ? 0 : o.offset + first;
    }

    HistogramState copy() {
        return new HistogramState(this, true);
    }

    /**
     * A dense copy with no empty bucket at either end (offset 0 and no counts without buckets): the
     * one form of the text ({@link HistogramText}), whatever form this state has.
     */
    HistogramState denseCopy() {
        HistogramState c = copy();
        if (c.keys != null) {
            c.densify(0, -1);
        }
        return c;
    }

    /** Sets dense counts (read from text). */
    void setDense(int offset, long[] counts) {
        this.keys = null;
        this.used = 0;
        this.offset = offset;
        this.counts = counts;
    }

    long n() {
        return sums.n();
    }

    /** Whether the counts are kept sparse (for tests). */
    boolean isSparse() {
        return keys != null;
    }

    /** The number of stored entries: buckets (dense, some maybe empty) or non-empty buckets (sparse). */
    int entries() {
        return keys == null ? counts.length : used;
    }

    /** The bucket index of entry e. */
    int bucketAt(int e) {
        return keys == null ? offset + e : keys[e];
    }

    /** The count of entry e. */
    long countAt(int e) {
        return counts[e];
    }

    /** The count of one bucket, 0 when it has none. */
    long countOf(int bucket) {
        if (keys == null) {
            int slot = bucket - offset;
            return slot < 0 || slot >= counts.length ? 0 : counts[slot];
        }
        int at = Arrays.binarySearch(keys, 0, used, bucket);
        return at < 0 ? 0 : counts[at];
    }

    void add(long nanos) {
        if (nanos == 0) {
            sums.add(0);
            zeroCount++;
        } else {
            int index = buckets.index(nanos);
            sums.add(nanos); // checked first: a failing add changes nothing
            addToBucket(index, 1);
        }
        noteExtremes(nanos);
    }

    /** Takes one added time into the exact minimum, maximum and count within the target. */
    private void noteExtremes(long nanos) {
        min = Math.min(min, nanos);
        max = Math.max(max, nanos);
        if (target != NO_TARGET && nanos <= target) {
            within++;
        }
    }

    /**
     * Adds {@code n} times at once ({@code nanos[0..n)}, each ≥ 0, checked by the caller): the same
     * state as adding them one by one. A sparse state merges their sorted buckets in one pass, from
     * its end, instead of shifting its entries once per time (issue 16: a group of a hundred times
     * over a wide range is sparse, and inserting each cost more than reading its row). The exact
     * sums are checked before anything changes, as in {@link #add}.
     */
    void addAll(long[] nanos, int n) {
        WideSums next = new WideSums(sums);
        for (int i = 0; i < n; i++) {
            next.add(nanos[i]); // throws before anything changes
        }
        sums.set(next);
        // dense: each time to its bucket, no sort (a large group's histogram, in the cache);
        // sparse: the buckets collected, sorted and merged below
        int[] index = keys == null ? null : new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            long x = nanos[i];
            if (x == 0) {
                zeroCount++;
            } else if (index == null) {
                addToBucket(buckets.index(x), 1);
            } else {
                index[m++] = buckets.index(x);
            }
            noteExtremes(x);
        }
        if (m == 0) {
            return;
        }
        Arrays.sort(index, 0, m);
        if (!addSortedSparse(index, m)) {
            densify(index[0], index[m - 1]);
            for (int i = 0; i < m; i++) {
                counts[index[i] - offset]++;
            }
        }
    }

    /**
     * Adds one count per entry of sorted bucket indexes to a sparse state, merging from the end in
     * place; false (and nothing changed) if the result would not stay sparse.
     */
    private boolean addSortedSparse(int[] index, int m) {
        int fresh = 0;
        for (int j = 0, p = 0; j < m; ) {
            int key = index[j];
            while (j < m && index[j] == key) {
                j++;
            }
            while (p < used && keys[p] < key) {
                p++;
            }
            if (p == used || keys[p] != key) {
                fresh++;
            }
        }
        int total = used + fresh;
        long span = used == 0 ? (long) index[m - 1] - index[0] + 1
                : (long) Math.max(keys[used - 1], index[m - 1]) - Math.min(keys[0], index[0]) + 1;
        if (!staysSparse(total, span)) {
            return false;
        }
        if (total > keys.length) {
            int capacity = Math.max(total, 2 * used);
            keys = Arrays.copyOf(keys, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        int i = used - 1;
        int w = total - 1;
        for (int j = m - 1; j >= 0; ) {
            int key = index[j];
            long c = 0;
            while (j >= 0 && index[j] == key) {
                c++;
                j--;
            }
            while (i >= 0 && keys[i] > key) {
                keys[w] = keys[i];
                counts[w--] = counts[i--];
            }
            if (i >= 0 && keys[i] == key) {
                c += counts[i--];
            }
            keys[w] = key;
            counts[w--] = c;
        }
        used = total; // the entries before i + 1 == w + 1 are where they were
        return true;
    }

    /** Adds count to one bucket, in either form. */
    private void addToBucket(int index, long count) {
        if (keys != null) {
            addSparse(index, count);
            return;
        }
        int slot = index - offset;
        if (slot < 0 || slot >= counts.length) {
            ensureRange(index, index);
            slot = index - offset;
        }
        counts[slot] += count;
    }

    /** Whether a histogram with these non-empty buckets over a range of this many buckets stays sparse. */
    private static boolean staysSparse(int entries, long span) {
        return entries <= SPARSE_ALWAYS || entries <= SPARSE_MOST && 3L * entries <= 2L * span;
    }

    /** Adds count to one bucket of a sparse state, turning it dense when the sparse form stops paying. */
    private void addSparse(int index, long count) {
        int at = Arrays.binarySearch(keys, 0, used, index);
        if (at >= 0) {
            counts[at] += count;
            return;
        }
        long span = used == 0 ? 1 : (long) Math.max(keys[used - 1], index) - Math.min(keys[0], index) + 1;
        if (!staysSparse(used + 1, span)) {
            densify(index, index);
            counts[index - offset] += count;
            return;
        }
        int insert = -at - 1;
        if (used == keys.length) {
            int capacity = Math.max(2, 2 * used);
            keys = Arrays.copyOf(keys, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        System.arraycopy(keys, insert, keys, insert + 1, used - insert);
        System.arraycopy(counts, insert, counts, insert + 1, used - insert);
        keys[insert] = index;
        counts[insert] = count;
        used++;
    }

    /** Turns a sparse state dense, its range covering buckets from … to as well (none if from > to). */
    private void densify(int from, int to) {
        int[] k = keys;
        long[] c = counts;
        int n = used;
        keys = null;
        used = 0;
        counts = NO_COUNTS;
        offset = 0;
        if (n > 0) {
            ensureExact(Math.min(k[0], from > to ? k[0] : from), Math.max(k[n - 1], from > to ? k[n - 1] : to));
        } else if (from <= to) {
            ensureExact(from, to);
        }
        for (int i = 0; i < n; i++) {
            counts[k[i] - offset] = c[i];
        }
    }

    private void ensureExact(int from, int to) {
        counts = new long[to - from + 1];
        offset = from;
    }

    void requireCompatible(HistogramState o) {
        if (buckets.relativeAccuracy != o.buckets.relativeAccuracy) {
            throw new IllegalArgumentException("Relative accuracy mismatch: " + buckets.relativeAccuracy + " / "
                    + o.buckets.relativeAccuracy);
        }
        if (target != o.target) {
            throw new IllegalArgumentException("Target mismatch: " + targetText(target) + " / " + targetText(o.target));
        }
    }

    static String targetText(long target) {
        return target == NO_TARGET ? "none" : java.time.Duration.ofNanos(target).toString();
    }

    void merge(HistogramState o) {
        requireCompatible(o);
        WideSums next = new WideSums(sums);
        next.add(o.sums);
        long nextZero = Math.addExact(zeroCount, o.zeroCount);
        int entries = o.entries();
        if (entries > 0 && keys != null && o.keys != null) {
            mergeSparse(o);
        } else if (entries > 0) {
            if (keys != null) {
                densify(o.bucketAt(0), o.bucketAt(entries - 1));
            } else {
                ensureRange(o.bucketAt(0), o.bucketAt(entries - 1));
            }
            for (int e = 0; e < entries; e++) {
                counts[o.bucketAt(e) - offset] += o.counts[e];
            }
        }
        sums.add(o.sums);
        zeroCount = nextZero;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        within += o.within;
    }

    /** Adds a sparse state's counts to this sparse one: the union of the two, sparse or dense. */
    private void mergeSparse(HistogramState o) {
        if (o.used <= 4 || 8L * o.used <= used) {
            // a few buckets into many: in place (a union would copy all of this one's)
            for (int e = 0, n = o.used; e < n; e++) {
                addToBucket(o.keys[e], o.counts[e]); // this one may turn dense on the way
            }
            return;
        }
        int[] k = new int[used + o.used];
        long[] c = new long[used + o.used];
        int i = 0;
        int j = 0;
        int u = 0;
        while (i < used || j < o.used) {
            if (j == o.used || i < used && keys[i] < o.keys[j]) {
                k[u] = keys[i];
                c[u++] = counts[i++];
            } else if (i == used || o.keys[j] < keys[i]) {
                k[u] = o.keys[j];
                c[u++] = o.counts[j++];
            } else {
                k[u] = keys[i];
                c[u++] = counts[i++] + o.counts[j++];
            }
        }
        keys = k;
        counts = c;
        used = u;
        if (!staysSparse(u, (long) k[u - 1] - k[0] + 1)) {
            densify(0, -1);
        }
    }

    private void ensureRange(int from, int to) {
        if (counts.length == 0) {
            counts = new long[to - from + 1];
            offset = from;
            return;
        }
        int lo = Math.min(from, offset);
        int hi = Math.max(to, offset + counts.length - 1);
        if (lo == offset && hi == offset + counts.length - 1) {
            return;
        }
        // grow with some slack on the side that grew, to keep repeated growth amortised
        int slack = Math.max(16, counts.length / 2);
        if (lo < offset) {
            lo -= slack;
        }
        if (hi > offset + counts.length - 1) {
            hi += slack;
        }
        long[] next = new long[hi - lo + 1];
        System.arraycopy(counts, 0, next, offset - lo, counts.length);
        counts = next;
        offset = lo;
    }

    /**
     * The bounds (ns) of the bucket that holds the observation at 0-based rank k, clamped to
     * [min, max]: {0, 0} for a zero time, else {γ<sup>i−1</sup>, γ<sup>i</sup>}; the observation
     * itself lies between them.
     */
    double[] boundsAtRank(long k) {
        if (k < zeroCount) {
            return new double[] {0, 0};
        }
        long seen = zeroCount;
        for (int e = 0, entries = entries(); e < entries; e++) {
            seen += counts[e];
            if (k < seen) {
                double lo = buckets.upperBound(bucketAt(e) - 1);
                double hi = buckets.upperBound(bucketAt(e));
                return new double[] {Math.min(Math.max(lo, min), max), Math.min(Math.max(hi, min), max)};
            }
        }
        throw new IllegalStateException("rank " + k + " beyond n = " + n());
    }

    /** The representative value (ns) of the observation at 0-based rank k, clamped to [min, max]. */
    double valueAtRank(long k) {
        if (k < zeroCount) {
            return 0;
        }
        long seen = zeroCount;
        for (int e = 0, entries = entries(); e < entries; e++) {
            seen += counts[e];
            if (k < seen) {
                double v = buckets.representative(bucketAt(e));
                return Math.min(Math.max(v, min), max);
            }
        }
        throw new IllegalStateException("rank " + k + " beyond n = " + n());
    }

    boolean sameAs(HistogramState o) {
        HistogramState a = denseCopy();
        HistogramState b = o.denseCopy();
        return a.buckets.relativeAccuracy == b.buckets.relativeAccuracy && a.target == b.target
                && a.zeroCount == b.zeroCount && a.offset == b.offset && Arrays.equals(a.counts, b.counts)
                && a.sums.equals(b.sums) && a.min == b.min && a.max == b.max && a.within == b.within;
    }
}
