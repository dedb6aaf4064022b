package io.github.cxmetrics.bench;

/**
 * A public copy, for {@link HistogramBenchmark}, of the two bucket-index computations of the
 * package-private {@code io.github.cxmetrics.ops.LogBuckets}: {@link #indexByLog(long)} (the
 * formula every add used before, ⌈ln x / ln γ⌉ corrected against {@code Math.exp}) and
 * {@link #index(long)} (the lookup tables that replaced it). Copied from the library as of the
 * commit that introduced the tables; the tables are built here per instance, without the
 * library's shared cache. {@link HistogramBenchmark} checks, before measuring, that both give the
 * buckets the library itself gives.
 */
public final class LogBucketsCopy {
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private final double lnGamma;
    private final double[] upperBounds;
    private final int[] firstBucket;
    private final int rangeShift;

    public LogBucketsCopy(double relativeAccuracy) {
        double gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.lnGamma = Math.log(gamma);
        int last = indexByLog(Long.MAX_VALUE);
        if (last >= 65_536) {
            throw new IllegalArgumentException("too many buckets for the tables: " + (last + 1));
        }
        upperBounds = new double[last + 1];
        for (int i = 0; i <= last; i++) {
            upperBounds[i] = upperBound(i);
        }
        int m = Math.max(0, Math.min(52, (int) Math.ceil(-Math.log(gamma - 1) / Math.log(2))));
        rangeShift = 52 - m;
        firstBucket = new int[(63 << m) + 1];
        int i = 0;
        for (int k = 0; k < firstBucket.length; k++) {
            double lowest = Double.longBitsToDouble(ONE_BITS + ((long) k << rangeShift));
            while (upperBounds[i] < lowest) {
                i++;
            }
            firstBucket[k] = i;
        }
    }

    private double upperBound(int i) {
        return Math.exp(i * lnGamma);
    }

    /** The new path: the tables. */
    public int index(long nanos) {
        double x = nanos;
        int i = firstBucket[(int) ((Double.doubleToRawLongBits(x) - ONE_BITS) >>> rangeShift)];
        while (upperBounds[i] < x) {
            i++;
        }
        return i;
    }

    /** The old path: one {@code log} and at least two {@code exp}. */
    public int indexByLog(long nanos) {
        double x = nanos;
        int i = (int) Math.ceil(Math.log(x) / lnGamma);
        while (upperBound(i) < x) {
            i++;
        }
        while (upperBound(i - 1) >= x) {
            i--;
        }
        return i;
    }
}
