package io.github.cxmetrics.score;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.Objects;

/**
 * Customer satisfaction of a group of responses on a {@link CsatScale}: the headline score is the
 * percentage satisfied (top box, e.g. 4–5 on 1–5), reported beside the mean and the distribution.
 *
 * <p>Get one with {@link #of(Tally)} or {@link #of(WeightedTally)}. {@link #score()} and
 * {@link #interval(double)} are in percent (0…100), the display unit of CSAT; {@link #satisfiedShare()}
 * gives the same share as a {@link Proportion} on 0…1, and {@link #satisfied()} the count. The default interval is Wilson's
 * ({@link ProportionInterval#WILSON}); the mean has a Student t interval ({@link #mean()}).
 *
 * <p>Empty data: {@link #n()} and {@link #isEmpty()} work; every estimate throws
 * {@link IllegalStateException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Csat {
    private final Sample sample;
    private final CsatScale scale;

    private Csat(Sample sample) {
        this.sample = sample;
        this.scale = Sample.requireScale(sample.scale, CsatScale.class, "CSAT");
    }

    /**
     * CSAT of a tally.
     *
     * @throws IllegalArgumentException if the tally is not on a CSAT scale
     */
    public static Csat of(Tally tally) {
        return new Csat(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /**
     * Weighted CSAT of a weighted tally.
     *
     * @throws IllegalArgumentException if the tally is not on a CSAT scale
     */
    public static Csat of(WeightedTally tally) {
        return new Csat(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /** The scale. */
    public CsatScale scale() {
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
     * The number of satisfied (top-box) responses, unweighted: a count, like
     * {@link Nps#promoters()}.
     */
    public long satisfied() {
        return sample.countWhere(scale::isFavorable);
    }

    /**
     * The satisfied share as a {@link Proportion}, a fraction on 0…1 (not percent: {@link #score()}
     * is the same share in percent), weighted when weighted.
     */
    public Proportion satisfiedShare() {
        return Proportion.where(sample, scale::isFavorable);
    }

    /**
     * The percentage satisfied, 0…100.
     *
     * @throws IllegalStateException if there are no responses
     */
    public double score() {
        return 100 * satisfiedShare().estimate();
    }

    /** The 95 % Wilson interval of the percentage satisfied, in percent (0…100). */
    public Interval interval() {
        return interval(Confidence.DEFAULT, ProportionInterval.WILSON);
    }

    /** The Wilson interval of the percentage satisfied at the given level, in percent (0…100). */
    public Interval interval(double confidence) {
        return interval(confidence, ProportionInterval.WILSON);
    }

    /**
     * The interval of the percentage satisfied by the given method, in percent.
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException if there are no responses
     */
    public Interval interval(double confidence, ProportionInterval method) {
        return satisfiedShare().interval(confidence, method).scaled(100);
    }

    /** The mean rating with its Student t interval, in scale points. */
    public Mean mean() {
        return new Mean(sample);
    }

    /**
     * The share of responses at each point, min to max, as fractions summing to 1 (not percent;
     * weighted when weighted).
     *
     * @throws IllegalStateException if there are no responses
     */
    public double[] distribution() {
        sample.requireData("The distribution");
        double[] shares = new double[sample.mass.length];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = sample.mass[i] / sample.effectiveN;
        }
        return shares;
    }

    @Override
    public String toString() {
        return isEmpty() ? "Csat[n=0]" : "Csat[" + scale + ", n=" + n() + ", score=" + score() + "%]";
    }
}
