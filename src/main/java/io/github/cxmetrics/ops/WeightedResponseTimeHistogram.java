package io.github.cxmetrics.ops;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanInterval;
import java.time.Duration;
import java.util.Objects;

/**
 * Weighted response times in a mergeable log-bucket histogram: the counts of
 * {@link ResponseTimeHistogram} and, exactly, the weights of every bucket, so that the mean, the
 * quantiles and the share within the target are the weighted ones (each response standing for its
 * weight's share of the customers).
 *
 * <p>Get one from a {@link WeightedResponseTimeHistogramAccumulator#snapshot()}. Two histograms
 * with the same accuracy and target merge exactly with {@link #plus}.
 *
 * <p>Definitions, all in <b>minutes</b>, with weights w<sub>i</sub>, W = Σw<sub>i</sub>:
 * <ul>
 *   <li>{@link #mean()}: Σw<sub>i</sub>x<sub>i</sub>/W from exact sums (the weighted mean of the
 *       times themselves, not of the buckets);</li>
 *   <li>{@link #quantile(double)}: the Hyndman &amp; Fan type-7 quantile of
 *       {@link ResponseTimeHistogram#quantile(double)}, h = (n − 1)p, interpolating between the
 *       values at ranks ⌊h⌋ and ⌊h⌋ + 1, where the value at (0-based) rank k is the representative
 *       of the first bucket whose cumulative weight C satisfies C·n/W &gt; k: each response counts
 *       w<sub>i</sub>·n/W times (the weights scaled to mean 1, so the weighted sample has n
 *       responses, as the unweighted one). This is the inverse of the weighted distribution
 *       function (the weighted percentile of e.g. Hyndman &amp; Fan 1996, Amer. Statistician
 *       50(4):361–365, applied to frequency weights normalised to n); the comparisons are exact. With
 *       all weights equal it is exactly the unweighted quantile. The bucket error bound of
 *       {@link ResponseTimeHistogram} holds for the same weighted quantile of the exact times;</li>
 *   <li>{@link #withinTarget()}: the weight share of the times within the target, with Kish's
 *       effective n (Σw)²/Σw² for its interval (Kish 1965, <i>Survey Sampling</i>, §11.7).</li>
 * </ul>
 *
 * <p>Empty data: every statistic of no times, or of times whose weights are all 0, throws
 * {@link IllegalStateException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class WeightedResponseTimeHistogram {
    private final WeightedHistogramState state;

    WeightedResponseTimeHistogram(WeightedHistogramState state) {
        this.state = state;
    }

    WeightedHistogramState state() {
        return state;
    }

    /** The number of times (unweighted). */
    public long n() {
        return state.counts.n();
    }

    /** Whether there are no times. */
    public boolean isEmpty() {
        return n() == 0;
    }

    /** The unweighted histogram of the same times. */
    public ResponseTimeHistogram toHistogram() {
        return new ResponseTimeHistogram(state.counts.copy());
    }

    /** The sum of the weights, rounded once to a double. */
    public double sumOfWeights() {
        return state.sumW.toDouble();
    }

    /**
     * Kish's effective sample size (Σw)²/Σw².
     *
     * @throws IllegalStateException if there are no times or the total weight is 0
     */
    public double effectiveN() {
        requireWeight("The effective n");
        double w = state.sumW.toDouble();
        return w / state.sumW2.toDouble() * w;
    }

    /** Whether a target was fixed, so that {@link #withinTarget()} is available. */
    public boolean hasTarget() {
        return state.counts.target != HistogramState.NO_TARGET;
    }

    /**
     * The target fixed when the accumulator was made.
     *
     * @throws IllegalStateException if there is none
     */
    public Duration target() {
        if (!hasTarget()) {
            throw new IllegalStateException("No target was fixed for this histogram; make the accumulator with one");
        }
        return Duration.ofNanos(state.counts.target);
    }

    /**
     * The exact weighted mean in minutes, Σw·x/Σw.
     *
     * @throws IllegalStateException if there are no times or the total weight is 0
     */
    public double mean() {
        requireWeight("The mean");
        return state.meanMinutes();
    }

    /** The weighted median estimate in minutes, {@code quantile(0.5)}. */
    public double median() {
        return quantile(0.5);
    }

    /** The weighted 90th percentile estimate in minutes. */
    public double p90() {
        return quantile(0.9);
    }

    /** The weighted 95th percentile estimate in minutes. */
    public double p95() {
        return quantile(0.95);
    }

    /**
     * The weighted p-quantile estimate in minutes (see the class comment).
     *
     * @throws IllegalArgumentException if p is not in [0, 1]
     * @throws IllegalStateException if there are no times or the total weight is 0
     */
    public double quantile(double p) {
        ResponseTimes.checkProbability(p, true);
        requireWeight("A quantile");
        long n = n();
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        double g = h - lo;
        double a = state.valueAtWeightedRank(lo);
        if (g == 0 || lo + 1 >= n) {
            return Durations.minutes(a);
        }
        double b = state.valueAtWeightedRank(lo + 1);
        return Durations.minutes(a + g * (b - a));
    }

    /**
     * The interval of the weighted mean in minutes: mean ± t<sub>1−α/2, n<sub>eff</sub>−1</sub>·s/√n<sub>eff</sub>,
     * with Kish's effective n and s² = n<sub>eff</sub>/(n<sub>eff</sub> − 1)·Σw(x − mean)²/W, the
     * weighted variance taken from the histogram's buckets (each time within the relative accuracy
     * of its bucket's representative value, so s within about that relative error; the centre is
     * the exact mean). The Kish approximation treats the weights as fixed, as the weighted scores
     * do (docs/report.md, weighted reports). With all weights equal it is the Student t interval of
     * {@link ResponseTimeHistogram#meanInterval} up to the buckets' accuracy in s.
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException if the effective n is 1 or less, or the total weight is 0
     */
    public Interval meanInterval(double confidence) {
        Checks.confidence(confidence);
        double nEff = effectiveN();
        if (!(nEff > 1)) {
            throw new IllegalStateException("The interval of a weighted mean needs an effective n above 1 (n_eff = "
                    + nEff + ")");
        }
        double mean = mean();
        double variance = state.bucketVarianceMinutes(mean) * nEff / (nEff - 1);
        return MeanInterval.studentT(mean, variance, nEff, confidence);
    }

    /**
     * Woodruff's interval for the weighted p-quantile (Woodruff 1952, JASA 47:635–646; the usual
     * interval for quantiles of weighted survey data): the Wilson interval [p<sub>L</sub>,
     * p<sub>U</sub>] of the share p with Kish's effective n, mapped through the weighted quantile
     * function, [{@link #quantile}(p<sub>L</sub>), {@link #quantile}(p<sub>U</sub>)], centred on
     * {@link #quantile}(p). Distribution-free like the order-statistic interval of the
     * unweighted histogram, which it approaches with equal weights.
     *
     * @throws IllegalArgumentException if p is not strictly between 0 and 1 or the confidence is not
     *     in (0, 1)
     * @throws IllegalStateException if there are no times or the total weight is 0
     */
    public Interval quantileInterval(double p, double confidence) {
        ResponseTimes.checkProbability(p, false);
        Checks.confidence(confidence);
        double nEff = effectiveN();
        double z = io.github.cxmetrics.stats.Normal.quantile(1 - (1 - confidence) / 2);
        double z2 = z * z;
        double centre = (p + z2 / (2 * nEff)) / (1 + z2 / nEff);
        double half = z / (1 + z2 / nEff) * Math.sqrt(p * (1 - p) / nEff + z2 / (4 * nEff * nEff));
        double lowP = Math.max(0, centre - half);
        double highP = Math.min(1, centre + half);
        double estimate = quantile(p);
        return new Interval(estimate, Math.min(estimate, quantile(lowP)), Math.max(estimate, quantile(highP)),
                confidence);
    }

    /**
     * The weight share of the times within the target ({@code time ≤ target}): estimate
     * Σw<sub>within</sub>/Σw, interval from Kish's effective n ({@link Proportion#ofWeights}).
     *
     * @throws IllegalStateException if no target was fixed, or there are no times
     */
    public Proportion withinTarget() {
        target();
        if (isEmpty()) {
            throw new IllegalStateException("The share within target of no response times is undefined (n = 0)");
        }
        return Proportion.ofWeights(state.counts.within, n(), state.withinW.toDouble(), state.sumW.toDouble(),
                state.sumW2.toDouble());
    }

    /**
     * The times of both histograms, as if added to one accumulator.
     *
     * @throws IllegalArgumentException if the relative accuracies or the targets differ
     */
    public WeightedResponseTimeHistogram plus(WeightedResponseTimeHistogram other) {
        Objects.requireNonNull(other, "other");
        state.counts.requireCompatible(other.state.counts);
        WeightedHistogramState next = state.copy();
        next.merge(other.state);
        return new WeightedResponseTimeHistogram(next.copy());
    }

    /**
     * The same times with every weight multiplied by a positive factor (counts unchanged; each
     * exact sum rounded once to a multiple of 2^-232, as {@code WeightedTally.multipliedBy}).
     *
     * @throws IllegalArgumentException if the factor is not positive and finite
     */
    public WeightedResponseTimeHistogram multipliedBy(double factor) {
        return new WeightedResponseTimeHistogram(state.times(factor));
    }

    /**
     * The exact text form of the weights (the counts are {@link #toHistogram()}'s
     * {@link ResponseTimeHistogram#format()}), read back by {@link #parse(ResponseTimeHistogram, CharSequence)}:
     * {@code cxwhist/1 zero=… buckets=INDEX:SUM,… sumw=… sumw2=… sumwx=… within=…}, every sum a plain
     * decimal (see {@code docs/tally-format.md}).
     */
    public String formatWeights() {
        return WeightedHistogramText.format(state);
    }

    /**
     * The weighted histogram of the counts {@code times} and the weights of {@link #formatWeights()}.
     *
     * @throws IllegalArgumentException if the text is not a valid version-1 line or does not fit the
     *     counts (weight in a bucket without times, a sum that is negative or not a multiple of
     *     2^-232, weight within the target above the total): {@code Invalid weighted histogram line (…): line}
     */
    public static WeightedResponseTimeHistogram parse(ResponseTimeHistogram times, CharSequence weights) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(weights, "weights");
        return new WeightedResponseTimeHistogram(WeightedHistogramText.parse(times.state().copy(), weights.toString()));
    }

    private void requireWeight(String what) {
        if (isEmpty()) {
            throw new IllegalStateException(what + " of no response times is undefined (n = 0)");
        }
        if (state.sumW.isZero()) {
            throw new IllegalStateException(what + " is undefined: the total weight is zero (n = " + n() + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedResponseTimeHistogram h && state.sameAs(h.state);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n()) * 31 + state.sumW.hashCode();
    }

    @Override
    public String toString() {
        return "WeightedResponseTimeHistogram[n=" + n() + ", Σw=" + sumOfWeights() + "]";
    }
}
