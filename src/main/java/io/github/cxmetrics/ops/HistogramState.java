package io.github.cxmetrics.ops;

import java.util.Arrays;

/**
 * The mutable state shared by {@link ResponseTimeHistogramAccumulator} and the immutable
 * {@link ResponseTimeHistogram}: exact counts per logarithmic bucket, the count of zero times,
 * exact sums, exact minimum and maximum, and the exact count within a fixed target.
 */
final class HistogramState {
    static final long NO_TARGET = -1;
    final LogBuckets buckets;
    final long target;
    long zeroCount;
    long[] counts = new long[0];
    int offset;
    final WideSums sums;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long within;

    HistogramState(double relativeAccuracy, long target) {
        this.buckets = new LogBuckets(relativeAccuracy);
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
        this.counts = first > last ? new long[0] : Arrays.copyOfRange(o.counts, first, last + 1);
        this.offset = first > last ? 0 : o.offset + first;
    }

    HistogramState copy() {
        return new HistogramState(this, true);
    }

    long n() {
        return sums.n();
    }

    void add(long nanos) {
        if (nanos == 0) {
            sums.add(0);
            zeroCount++;
        } else {
            int index = buckets.index(nanos);
            int slot = index - offset;
            if (slot < 0 || slot >= counts.length) {
                // only capacity changes here, so a failing sums.add below still changes nothing
                ensureRange(index, index);
                slot = index - offset;
            }
            sums.add(nanos);
            counts[slot]++;
        }
        min = Math.min(min, nanos);
        max = Math.max(max, nanos);
        if (target != NO_TARGET && nanos <= target) {
            within++;
        }
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
        if (o.counts.length > 0) {
            ensureRange(o.offset, o.offset + o.counts.length - 1);
        }
        for (int i = 0; i < o.counts.length; i++) {
            counts[o.offset + i - offset] += o.counts[i];
        }
        sums.add(o.sums);
        zeroCount = nextZero;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        within += o.within;
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
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (k < seen) {
                double lo = buckets.upperBound(offset + i - 1);
                double hi = buckets.upperBound(offset + i);
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
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (k < seen) {
                double v = buckets.representative(offset + i);
                return Math.min(Math.max(v, min), max);
            }
        }
        throw new IllegalStateException("rank " + k + " beyond n = " + n());
    }

    boolean sameAs(HistogramState o) {
        HistogramState a = copy();
        HistogramState b = o.copy();
        return a.buckets.relativeAccuracy == b.buckets.relativeAccuracy && a.target == b.target
                && a.zeroCount == b.zeroCount && a.offset == b.offset && Arrays.equals(a.counts, b.counts)
                && a.sums.equals(b.sums) && a.min == b.min && a.max == b.max && a.within == b.within;
    }
}
