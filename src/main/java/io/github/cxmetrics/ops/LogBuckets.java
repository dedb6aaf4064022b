package io.github.cxmetrics.ops;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The logarithmic bucket mapping of a {@link ResponseTimeHistogram} (the DDSketch mapping: Masson,
 * Rim &amp; Lee 2019, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
 * guarantees", PVLDB 12(12):2195–2205).
 *
 * <p>With γ = (1 + α)/(1 − α), bucket i holds the values x (in nanoseconds, x ≥ 1) with
 * γ<sup>i−1</sup> &lt; x ≤ γ<sup>i</sup>, and its representative value is 2γ<sup>i</sup>/(γ + 1).
 * For any x in the bucket, |representative − x| ≤ α·x: the extremes are x → γ<sup>i−1</sup>,
 * where the error is (2γ/(γ + 1) − 1)·x = α·x, and x = γ<sup>i</sup>, where it is
 * (1 − 2/(γ + 1))·x = α·x. Bucket bounds are computed by one function, {@link #upperBound(int)},
 * and the index is corrected against it, so membership and representative values agree up to one
 * rounding of {@code exp} (relative 10<sup>−15</sup>).
 *
 * <p><b>Finding the bucket.</b> The bucket of x is the smallest i ≥ 0 with x ≤ upperBound(i)
 * (x is the {@code double} nearest the nanoseconds; bucket 0 is x = 1, since upperBound(−1) &lt; 1
 * and upperBound(0) = e<sup>0</sup> = 1). {@code Math.exp} is semi-monotonic, so upperBound(i) does
 * not decrease with i and that i is the only one with upperBound(i − 1) &lt; x ≤ upperBound(i).
 * {@link #indexByLog(long)} finds it from ⌈ln x / ln γ⌉, corrected by stepping. When the buckets
 * of 1 ns … {@code Long.MAX_VALUE} ns number at most {@value #MAX_TABLE_BUCKETS} (α ≥ about
 * 3.33·10<sup>−4</sup>; 2 185 buckets at the default 1 %), {@link #index(long)} instead reads two
 * precomputed tables and does no {@code log} or {@code exp}: the upper bounds themselves
 * (the same {@code Math.exp(i * lnGamma)} values, so the same doubles), and, for each range of
 * doubles that share their exponent and top M mantissa bits, the bucket of the smallest double of
 * that range. Every x of the range is at least that double, so its bucket is not below the one
 * stored; stepping up while upperBound(i) &lt; x then ends at the smallest i with
 * x ≤ upperBound(i): the same bucket as {@link #indexByLog(long)}. M is chosen so that a range is
 * no wider (relative 2<sup>−M</sup>) than a bucket (γ − 1), so at most about one step is taken.
 *
 * <p>The tables depend only on α and are shared by every instance with the same α (a report makes
 * one histogram per group), held in a static cache of at most {@value #MAX_SHARED_TABLES}
 * accuracies, the default 1 % always among them (it is put first, when the class is loaded); an
 * instance whose α does not fit in the cache any more, or has too many buckets, uses
 * {@link #indexByLog(long)}, with the same results. Instances are immutable and thread-safe; the
 * tables are never written after they are built and are published through the cache's
 * {@code ConcurrentHashMap}.
 */
final class LogBuckets {
    /** The most buckets (1 ns to {@code Long.MAX_VALUE} ns) for which the tables are built. */
    static final int MAX_TABLE_BUCKETS = 65_536;
    /** The most accuracies whose tables are kept (at most about 1 MB each, 34 KB at 1 %). */
    static final int MAX_SHARED_TABLES = 16;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final TableCache SHARED = new TableCache(MAX_SHARED_TABLES);

    /**
     * The one shared instance of the default accuracy (a report makes a histogram per group); made
     * when the class is loaded, so the default accuracy always has its tables, however many other
     * accuracies come later.
     */
    private static final LogBuckets DEFAULT = new LogBuckets(ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY);

    final double relativeAccuracy;
    private final double gamma;
    private final double lnGamma;
    /** upperBound(0 … last bucket), or null: then {@link #index(long)} is {@link #indexByLog(long)}. */
    final double[] upperBounds;
    /** The bucket of the smallest double of each range of equal exponent and top mantissa bits. */
    private final int[] firstBucket;
    /** 52 − M: the shift that maps the bits of x − the bits of 1.0 to the range of x. */
    private final int rangeShift;

    LogBuckets(double relativeAccuracy) {
        this(relativeAccuracy, SHARED);
    }

    /** With the tables of {@code cache}, or with tables of its own if it is null. */
    LogBuckets(double relativeAccuracy, TableCache cache) {
        this.relativeAccuracy = relativeAccuracy;
        this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.lnGamma = Math.log(gamma);
        Tables t = cache == null ? Tables.build(gamma, lnGamma) : cache.tables(relativeAccuracy, gamma, lnGamma);
        this.upperBounds = t == null ? null : t.upperBounds;
        this.firstBucket = t == null ? null : t.firstBucket;
        this.rangeShift = t == null ? 0 : t.rangeShift;
    }

    /** The buckets of an accuracy: the shared instance for the default one, else a new instance (sharing the tables). */
    static LogBuckets of(double relativeAccuracy) {
        return relativeAccuracy == ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY ? DEFAULT
                : new LogBuckets(relativeAccuracy);
    }

    /** An instance with tables of its own (if the bucket count allows), not taken from or put in the shared cache. */
    static LogBuckets unshared(double relativeAccuracy) {
        return new LogBuckets(relativeAccuracy, null);
    }

    /** γ<sup>i</sup>. */
    double upperBound(int i) {
        return upperBound(i, lnGamma);
    }

    /** γ<sup>i</sup> as e<sup>i·ln γ</sup>: the one expression every bucket bound comes from. */
    private static double upperBound(int i, double lnGamma) {
        return Math.exp(i * lnGamma);
    }

    /** The bucket of x ≥ 1 ns (not checked): from the tables when there are some, else {@link #indexByLog(long)}. */
    int index(long nanos) {
        double[] bounds = upperBounds;
        if (bounds == null) {
            return indexByLog(nanos);
        }
        double x = nanos;
        int i = firstBucket[(int) ((Double.doubleToRawLongBits(x) - ONE_BITS) >>> rangeShift)];
        while (bounds[i] < x) {
            i++;
        }
        return i;
    }

    /** The bucket of x ≥ 1 ns (not checked) from ⌈ln x / ln γ⌉, corrected against {@link #upperBound(int)}. */
    int indexByLog(long nanos) {
        return indexByLog(nanos, lnGamma);
    }

    private static int indexByLog(long nanos, double lnGamma) {
        double x = nanos;
        int i = (int) Math.ceil(Math.log(x) / lnGamma);
        while (upperBound(i, lnGamma) < x) {
            i++;
        }
        while (upperBound(i - 1, lnGamma) >= x) {
            i--;
        }
        return i;
    }

    /** The representative value 2γ<sup>i</sup>/(γ + 1) of bucket i, in nanoseconds. */
    double representative(int i) {
        return 2 * upperBound(i) / (gamma + 1);
    }

    /** The tables of at most {@code capacity} accuracies, built once each; thread-safe. */
    static final class TableCache {
        private final ConcurrentHashMap<Double, Tables> byAccuracy = new ConcurrentHashMap<>();
        private final int capacity;

        TableCache(int capacity) {
            this.capacity = capacity;
        }

        /** The number of accuracies whose tables are kept. */
        int size() {
            return byAccuracy.size();
        }

        /** The tables of the accuracy, or null if it has too many buckets or the cache is full. */
        Tables tables(double relativeAccuracy, double gamma, double lnGamma) {
            Tables t = byAccuracy.get(relativeAccuracy);
            if (t != null) {
                return t;
            }
            synchronized (this) {
                t = byAccuracy.get(relativeAccuracy);
                if (t == null && byAccuracy.size() < capacity) {
                    t = Tables.build(gamma, lnGamma);
                    if (t != null) {
                        byAccuracy.put(relativeAccuracy, t);
                    }
                }
                return t;
            }
        }
    }

    /** The two lookup tables of one accuracy; never written after {@link #build}. */
    static final class Tables {
        final double[] upperBounds;
        final int[] firstBucket;
        final int rangeShift;

        private Tables(double[] upperBounds, int[] firstBucket, int rangeShift) {
            this.upperBounds = upperBounds;
            this.firstBucket = firstBucket;
            this.rangeShift = rangeShift;
        }

        /** The tables, or null if there would be more than {@link #MAX_TABLE_BUCKETS} buckets. */
        static Tables build(double gamma, double lnGamma) {
            int last = indexByLog(Long.MAX_VALUE, lnGamma);
            if (last >= MAX_TABLE_BUCKETS) {
                return null;
            }
            double[] bounds = new double[last + 1];
            for (int i = 0; i <= last; i++) {
                bounds[i] = upperBound(i, lnGamma);
            }
            // M mantissa bits: ranges of relative width 2^-M <= gamma - 1; only speed depends on M
            int m = Math.max(0, Math.min(52, (int) Math.ceil(-Math.log(gamma - 1) / Math.log(2))));
            int shift = 52 - m;
            // x in [1, 2^63]: exponents 0 … 63, and 2^63 = (double) Long.MAX_VALUE is the first of its range
            int[] first = new int[(63 << m) + 1];
            int i = 0;
            for (int k = 0; k < first.length; k++) {
                double lowest = Double.longBitsToDouble(ONE_BITS + ((long) k << shift));
                while (bounds[i] < lowest) {
                    i++;
                }
                first[k] = i;
            }
            return new Tables(bounds, first, shift);
        }
    }
}
