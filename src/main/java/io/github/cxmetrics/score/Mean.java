package io.github.cxmetrics.score;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanInterval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.Objects;

/**
 * The mean score on any scale, with its spread and Student t interval: the CSAT mean on 1–5, the
 * CES score on 1–7, or the mean of any rating.
 *
 * <p>Get one with {@link #of(Tally)} or {@link #of(WeightedTally)}. With counts c<sub>k</sub> per
 * point k: mean = Σ k·c<sub>k</sub>/n, sample variance s² = Σ c<sub>k</sub>(k − mean)²/(n − 1),
 * SE = s/√n, interval mean ± t<sub>1−α/2, n−1</sub>·SE, clipped to the scale's range. Weighted: c<sub>k</sub> are effective
 * counts (weight shares × Kish's n<sub>eff</sub>) and n is n<sub>eff</sub>, so the weighted mean
 * carries the precision of n<sub>eff</sub> responses.
 *
 * <p>Policy for undefined quantities: the mean of no responses, and the variance, standard
 * deviation, standard error and interval of fewer than two (n<sub>eff</sub> ≤ 1), throw
 * {@link IllegalStateException}; {@link #hasSpread()} tells in advance. No method returns NaN.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Mean {
    private final Sample sample;
    private final double mean;
    private final double variance;

    Mean(Sample sample) {
        this.sample = sample;
        if (sample.isEmpty() || sample.effectiveN == 0) {
            this.mean = Double.NaN;
            this.variance = Double.NaN;
            return;
        }
        double sum = 0;
        for (int i = 0; i < sample.mass.length; i++) {
            sum += sample.mass[i] * (sample.scale.min() + i);
        }
        double m = sum / sample.effectiveN;
        double ss = 0;
        for (int i = 0; i < sample.mass.length; i++) {
            double d = sample.scale.min() + i - m;
            ss += sample.mass[i] * d * d;
        }
        this.mean = Math.min(Math.max(m, sample.scale.min()), sample.scale.max());
        this.variance = sample.effectiveN > 1 ? ss / (sample.effectiveN - 1) : Double.NaN;
    }

    /** The mean of the responses in a tally (any scale). */
    public static Mean of(Tally tally) {
        return new Mean(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /** The weighted mean of the responses in a weighted tally (any scale). */
    public static Mean of(WeightedTally tally) {
        return new Mean(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /** The number of responses. */
    public long n() {
        return sample.n;
    }

    /** Whether there are no responses. */
    public boolean isEmpty() {
        return sample.isEmpty();
    }

    /** The effective sample size: n unweighted, Kish's (Σw)²/Σw² weighted. */
    public double effectiveN() {
        return sample.effectiveN;
    }

    /** Whether the variance and everything built on it are defined (effective n &gt; 1). */
    public boolean hasSpread() {
        return !Double.isNaN(variance);
    }

    /**
     * The mean score in scale points, within the scale's range.
     *
     * @throws IllegalStateException if there are no responses (or no weight)
     */
    public double value() {
        sample.requireData("The mean");
        return mean;
    }

    /**
     * The sample variance with denominator n − 1 (n<sub>eff</sub> − 1 weighted), in squared scale
     * points.
     *
     * @throws IllegalStateException if the effective n is 1 or less
     */
    public double variance() {
        sample.requireData("The variance");
        if (Double.isNaN(variance)) {
            throw new IllegalStateException("The variance of a single response is undefined (n_eff = "
                    + sample.effectiveN + ")");
        }
        return variance;
    }

    /** The sample standard deviation √variance, in scale points. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** The standard error of the mean, s/√n<sub>eff</sub>, in scale points. */
    public double standardError() {
        return Math.sqrt(variance() / sample.effectiveN);
    }

    /** The 95 % Student t interval, in scale points. */
    public Interval interval() {
        return interval(Confidence.DEFAULT);
    }

    /**
     * The Student t interval at the given level, in scale points.
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException if the effective n is 1 or less
     */
    public Interval interval(double confidence) {
        Checks.confidence(confidence);
        Interval t = MeanInterval.studentT(value(), variance(), sample.effectiveN, confidence);
        // a mean on a bounded scale cannot leave it: clip (matters only at a tiny effective n, where
        // the t quantile can be huge or infinite)
        double lower = Math.max(t.lower(), sample.scale.min());
        double upper = Math.min(t.upper(), sample.scale.max());
        return new Interval(t.center(), lower, upper, confidence);
    }

    Sample sample() {
        return sample;
    }

    @Override
    public String toString() {
        return isEmpty() ? "Mean[n=0]" : "Mean[" + sample.scale + ", n=" + sample.n + ", mean=" + mean + "]";
    }
}
