package io.github.cxmetrics.score;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.Objects;

/**
 * Customer effort of a group of responses on a {@link CesScale}: the headline score is the mean on
 * the scale (on the 1–7 agreement scale higher is better; on the 1–5 effort scale lower is better),
 * reported beside the share of easy (or low-effort) responses.
 *
 * <p>Get one with {@link #of(Tally)} or {@link #of(WeightedTally)}. The interval is the Student t
 * interval of the mean (see {@link Mean}); {@link #easyShare()} gives the favourable-box share
 * and {@link #easy()} its count.
 *
 * <p>Empty data: {@link #n()} and {@link #isEmpty()} work; every estimate throws
 * {@link IllegalStateException}, and the interval needs an effective n above 1. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Ces {
    private final Sample sample;
    private final CesScale scale;

    private Ces(Sample sample) {
        this.sample = sample;
        this.scale = Sample.requireScale(sample.scale, CesScale.class, "CES");
    }

    /**
     * CES of a tally.
     *
     * @throws IllegalArgumentException if the tally is not on a CES scale
     */
    public static Ces of(Tally tally) {
        return new Ces(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /**
     * Weighted CES of a weighted tally.
     *
     * @throws IllegalArgumentException if the tally is not on a CES scale
     */
    public static Ces of(WeightedTally tally) {
        return new Ces(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /** The scale, with its direction. */
    public CesScale scale() {
        return scale;
    }

    /** The number of responses. */
    public long n() {
        return sample.n;
    }

    /** Whether there are no responses. */
    public boolean isEmpty() {
        return sample.isEmpty();
    }

    /** The effective sample size (Kish's n<sub>eff</sub> when weighted). */
    public double effectiveN() {
        return sample.effectiveN;
    }

    /**
     * The mean score, in scale points.
     *
     * @throws IllegalStateException if there are no responses
     */
    public double score() {
        return mean().value();
    }

    /** The mean with its spread and interval, in scale points. */
    public Mean mean() {
        return new Mean(sample);
    }

    /** The 95 % Student t interval of the mean, in scale points. */
    public Interval interval() {
        return interval(Confidence.DEFAULT);
    }

    /**
     * The Student t interval of the mean at the given level, in scale points.
     *
     * @throws IllegalStateException if the effective n is 1 or less
     */
    public Interval interval(double confidence) {
        return mean().interval(confidence);
    }

    /**
     * The number of easy responses (agreement scale) or low-effort responses (effort scale),
     * unweighted: a count, like {@link Nps#promoters()}.
     */
    public long easy() {
        return sample.countWhere(scale::isFavorable);
    }

    /**
     * The share of easy (or low-effort) responses as a {@link Proportion}, a fraction on 0…1,
     * weighted when weighted.
     */
    public Proportion easyShare() {
        return Proportion.where(sample, scale::isFavorable);
    }

    @Override
    public String toString() {
        return isEmpty() ? "Ces[n=0]" : "Ces[" + scale + ", n=" + n() + ", score=" + score() + "]";
    }
}
