package io.github.cxmetrics.ops;

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
 */
final class LogBuckets {
    final double relativeAccuracy;
    private final double gamma;
    private final double lnGamma;

    LogBuckets(double relativeAccuracy) {
        this.relativeAccuracy = relativeAccuracy;
        this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.lnGamma = Math.log(gamma);
    }

    /** γ<sup>i</sup>. */
    double upperBound(int i) {
        return Math.exp(i * lnGamma);
    }

    /** The bucket of x ≥ 1 ns. */
    int index(long nanos) {
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

    /** The representative value 2γ<sup>i</sup>/(γ + 1) of bucket i, in nanoseconds. */
    double representative(int i) {
        return 2 * upperBound(i) / (gamma + 1);
    }
}
