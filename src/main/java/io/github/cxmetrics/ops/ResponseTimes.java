package io.github.cxmetrics.ops;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanInterval;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collector;

/**
 * Response times held exactly in memory: mean with a Student t interval, any quantile (median,
 * p90, p95) with a distribution-free interval, and the share within a target with a Wilson
 * interval. All statistics are in <b>minutes</b> (the unit of a {@code first_response_minutes}
 * column); the durations themselves are kept as whole nanoseconds.
 *
 * <p>Get one from a {@link ResponseTimesAccumulator#snapshot()}, with {@link #of(Duration...)},
 * {@link #ofMinutes(double...)} or the stream collector {@link #toResponseTimes()}. Two results
 * merge exactly with {@link #plus(ResponseTimes)}. Memory is 8 bytes per response; for streams too
 * large to hold, use {@link ResponseTimeHistogram}, which has a stated relative error instead.
 *
 * <p>Formulas, n the number of responses and x<sub>(1)</sub> ≤ … ≤ x<sub>(n)</sub> the sorted
 * times:
 * <ul>
 *   <li>mean x̄ = Σx/n and sample variance s² = (nΣx² − (Σx)²)/(n(n − 1)), both from exact integer
 *       sums (so the result does not depend on the order of the responses); interval x̄ ±
 *       t<sub>1−α/2, n−1</sub>·s/√n (Student 1908).</li>
 *   <li>quantile Q(p): linear interpolation between order statistics, h = (n − 1)p,
 *       Q = x<sub>(⌊h⌋+1)</sub> + (h − ⌊h⌋)(x<sub>(⌊h⌋+2)</sub> − x<sub>(⌊h⌋+1)</sub>): Hyndman &amp; Fan
 *       (1996) definition 7, the default of R, NumPy and Excel's PERCENTILE.INC.</li>
 *   <li>quantile interval [x<sub>(l)</sub>, x<sub>(u)</sub>] with ranks from the binomial
 *       distribution: l the largest rank with P(B ≤ l − 1) ≤ α/2 and u the smallest with
 *       P(B ≤ u − 1) ≥ 1 − α/2, B ~ Binomial(n, p); coverage is at least the nominal level for
 *       any continuous distribution (Conover 1999, <i>Practical Nonparametric Statistics</i>,
 *       §3.2; Hahn &amp; Meeker 1991, <i>Statistical Intervals</i>, §5.2). When no rank qualifies
 *       as lower limit, the lower limit is 0 (a response time is never negative); when none
 *       qualifies as upper limit (n below ln(α/2)/ln p, e.g. 72 for p95 at 95 %), the interval
 *       throws {@link IllegalStateException}.</li>
 *   <li>within target: the share of times {@code ≤ target} (a reply at exactly the target is
 *       within it), as a {@link Proportion} with its Wilson interval.</li>
 * </ul>
 *
 * <p>Empty data: every statistic of no responses throws {@link IllegalStateException}; so do the
 * variance and mean interval of a single response. No method returns NaN.
 *
 * <p>Immutable and thread-safe; {@code equals} compares the multiset of times.
 *
 * @since 0.1.0
 */
public final class ResponseTimes {
    private final long[] sorted;
    private final WideSums sums;

    ResponseTimes(long[] sorted, WideSums sums) {
        this.sorted = sorted;
        this.sums = sums;
    }

    /**
     * The response times given as durations.
     *
     * @throws IllegalArgumentException if a duration is negative or longer than about 292 years
     */
    public static ResponseTimes of(Duration... durations) {
        Objects.requireNonNull(durations, "durations");
        ResponseTimesAccumulator acc = new ResponseTimesAccumulator();
        for (Duration d : durations) {
            acc.add(d);
        }
        return acc.snapshot();
    }

    /**
     * The response times given in minutes (fractions allowed, rounded to the nearest nanosecond).
     *
     * @throws IllegalArgumentException if a value is negative, NaN or infinite
     */
    public static ResponseTimes ofMinutes(double... minutes) {
        Objects.requireNonNull(minutes, "minutes");
        ResponseTimesAccumulator acc = new ResponseTimesAccumulator();
        for (double m : minutes) {
            acc.addMinutes(m);
        }
        return acc.snapshot();
    }

    /** A collector of durations, for sequential and parallel streams; a null element is rejected. */
    public static Collector<Duration, ResponseTimesAccumulator, ResponseTimes> toResponseTimes() {
        return Collector.of(ResponseTimesAccumulator::new, ResponseTimesAccumulator::add,
                ResponseTimesAccumulator::combine, ResponseTimesAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /** The number of responses. */
    public long n() {
        return sorted.length;
    }

    /** Whether there are no responses. */
    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /**
     * The mean response time in minutes.
     *
     * @throws IllegalStateException if there are no responses
     */
    public double mean() {
        requireData("The mean");
        return sums.meanMinutes();
    }

    /**
     * The sample standard deviation in minutes (denominator n − 1).
     *
     * @throws IllegalStateException if there are fewer than two responses
     */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    private double variance() {
        requireData("The standard deviation");
        if (sorted.length < 2) {
            throw new IllegalStateException("The standard deviation of a single response time is undefined (n = 1)");
        }
        return sums.varianceMinutes();
    }

    /**
     * The Student t interval for the mean, in minutes.
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException if there are fewer than two responses
     */
    public Interval meanInterval(double confidence) {
        Checks.confidence(confidence);
        return MeanInterval.studentT(mean(), variance(), sorted.length, confidence);
    }

    /**
     * The shortest response time in minutes.
     *
     * @throws IllegalStateException if there are no responses
     */
    public double min() {
        requireData("The minimum");
        return Durations.minutes(sorted[0]);
    }

    /**
     * The longest response time in minutes.
     *
     * @throws IllegalStateException if there are no responses
     */
    public double max() {
        requireData("The maximum");
        return Durations.minutes(sorted[sorted.length - 1]);
    }

    /** The median in minutes, {@code quantile(0.5)}. */
    public double median() {
        return quantile(0.5);
    }

    /** The 90th percentile in minutes, {@code quantile(0.9)}. */
    public double p90() {
        return quantile(0.9);
    }

    /** The 95th percentile in minutes, {@code quantile(0.95)}. */
    public double p95() {
        return quantile(0.95);
    }

    /**
     * The p-quantile in minutes (Hyndman &amp; Fan definition 7, see the class comment).
     *
     * @throws IllegalArgumentException if p is not in [0, 1]
     * @throws IllegalStateException if there are no responses
     */
    public double quantile(double p) {
        checkProbability(p, true);
        requireData("A quantile");
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return Durations.minutes(sorted[sorted.length - 1]);
        }
        double a = sorted[lo];
        double b = sorted[lo + 1];
        return Durations.minutes(a + (h - lo) * (b - a));
    }

    /**
     * The distribution-free interval for the p-quantile, in minutes, centred on
     * {@link #quantile(double)}: order statistics whose ranks come from the binomial distribution
     * (see the class comment).
     *
     * @throws IllegalArgumentException if p is not in (0, 1) or the confidence not in (0, 1)
     * @throws IllegalStateException if there are no responses, or too few for an upper limit at
     *     this level (the message names the minimum n)
     */
    public Interval quantileInterval(double p, double confidence) {
        checkProbability(p, false);
        Checks.confidence(confidence);
        double estimate = quantile(p);
        if (sorted.length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Too many response times for an exact quantile interval: " + n());
        }
        int[] ranks = QuantileRanks.of(sorted.length, p, confidence);
        if (ranks[1] < 0) {
            throw new IllegalStateException("Too few response times for a " + confidence + " interval of the "
                    + p + "-quantile (need n >= " + QuantileRanks.minimumN(p, confidence) + "): " + n());
        }
        double lower = ranks[0] == 0 ? 0 : Durations.minutes(sorted[ranks[0] - 1]);
        double upper = Durations.minutes(sorted[ranks[1] - 1]);
        return new Interval(estimate, Math.min(lower, estimate), Math.max(upper, estimate), confidence);
    }

    /**
     * The share of responses within the target ({@code time ≤ target}), with its Wilson interval
     * from {@link Proportion#interval(double)}.
     *
     * @throws IllegalArgumentException if the target is negative
     * @throws IllegalStateException if there are no responses (a share of nothing is undefined, as
     *     the mean is)
     */
    public Proportion withinTarget(Duration target) {
        long t = Durations.nanos(target);
        requireData("The share within target");
        return Proportion.of(countAtMost(sorted, t), sorted.length);
    }

    /** The number of values ≤ t in a sorted array. */
    static long countAtMost(long[] sorted, long t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * All response times of both groups, as if they had been added to one accumulator.
     *
     * @throws ArithmeticException if the exact sums would overflow
     */
    public ResponseTimes plus(ResponseTimes other) {
        WideSums s = new WideSums(sums);
        s.add(other.sums);
        long[] all = new long[Math.addExact(sorted.length, other.sorted.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < sorted.length && j < other.sorted.length) {
            all[k++] = sorted[i] <= other.sorted[j] ? sorted[i++] : other.sorted[j++];
        }
        while (i < sorted.length) {
            all[k++] = sorted[i++];
        }
        while (j < other.sorted.length) {
            all[k++] = other.sorted[j++];
        }
        return new ResponseTimes(all, s);
    }

    WideSums sums() {
        return sums;
    }

    long[] sortedNanos() {
        return sorted;
    }

    static void checkProbability(double p, boolean closed) {
        boolean ok = closed ? p >= 0 && p <= 1 : p > 0 && p < 1;
        if (!ok) {
            throw new IllegalArgumentException("Invalid value for quantile probability (valid values "
                    + (closed ? "0 <= p <= 1" : "0 < p < 1") + "): " + p);
        }
    }

    private void requireData(String what) {
        if (sorted.length == 0) {
            throw new IllegalStateException(what + " of no response times is undefined (n = 0)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseTimes r && Arrays.equals(sorted, r.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return isEmpty() ? "ResponseTimes[n=0]"
                : "ResponseTimes[n=" + n() + ", mean=" + mean() + " min, median=" + median() + " min]";
    }
}
