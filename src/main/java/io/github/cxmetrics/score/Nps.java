package io.github.cxmetrics.score;

import io.github.cxmetrics.scale.NpsCategory;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.stats.NpsVariance;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.Objects;

/**
 * The Net Promoter Score of a group of responses: NPS = 100·(P − D)/n, from −100 (all detractors)
 * to 100 (all promoters), with the category counts, the variance and intervals.
 *
 * <p>Get one with {@link #of(Tally)} from a tally on an {@link NpsScale}, {@link #of(WeightedTally)}
 * for a weighted tally, or {@link #of(long, long, long)} from category counts.
 *
 * <p>Variance on the −1…1 scale (Rocks 2016, The American Statistician 70(4):365–372; R package
 * NPS): var = p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> − p<sub>D</sub>)², the variance of
 * one response scored −1/0/+1, with denominator n (maximum likelihood). The standard error is
 * 100·√(var/n) NPS points. Weighted: shares are weight shares and n is Kish's n<sub>eff</sub>.
 *
 * <p>The default interval is adjusted Wald (see {@link NpsInterval#ADJUSTED_WALD}), clipped to
 * [−100, 100]; it is centred on the adjusted NPS, so at very small n the raw score can lie outside
 * it (one promoter: NPS 100, interval −48.5…98.5).
 *
 * <p>Empty data: {@link #n()} and {@link #isEmpty()} work; every estimate throws
 * {@link IllegalStateException}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Nps {
    private final Sample sample;
    private final NpsScale scale;

    private Nps(Sample sample) {
        this.sample = sample;
        this.scale = Sample.requireScale(sample.scale, NpsScale.class, "NPS");
    }

    /**
     * The NPS of the responses in a tally.
     *
     * @throws IllegalArgumentException if the tally is not on an NPS scale
     */
    public static Nps of(Tally tally) {
        return new Nps(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /**
     * The weighted NPS of the responses in a weighted tally.
     *
     * @throws IllegalArgumentException if the tally is not on an NPS scale
     */
    public static Nps of(WeightedTally tally) {
        return new Nps(Sample.of(Objects.requireNonNull(tally, "tally")));
    }

    /**
     * The NPS of the given numbers of promoters, passives and detractors (standard 0–10 scale: the
     * counts are placed on 10, 8 and 0).
     *
     * @throws IllegalArgumentException if a count is negative, naming it:
     *     {@code Invalid value for promoters (valid values >= 0): -1}
     * @throws ArithmeticException if the total overflows
     */
    public static Nps of(long promoters, long passives, long detractors) {
        requireCount("promoters", promoters);
        requireCount("passives", passives);
        requireCount("detractors", detractors);
        long[] counts = new long[11];
        counts[10] = promoters;
        counts[8] = passives;
        counts[0] = detractors;
        return of(Tally.of(NpsScale.STANDARD, counts));
    }

    private static void requireCount(String name, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Invalid value for " + name + " (valid values >= 0): " + count);
        }
    }

    /** The scale. */
    public NpsScale scale() {
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

    /** Whether this NPS was computed from weighted responses. */
    public boolean isWeighted() {
        return sample.weighted;
    }

    /** The effective sample size: n unweighted, Kish's n<sub>eff</sub> weighted. */
    public double effectiveN() {
        return sample.effectiveN;
    }

    /** The number of promoters (unweighted). */
    public long promoters() {
        return sample.countWhere(s -> scale.categoryOf(s) == NpsCategory.PROMOTER);
    }

    /** The number of passives (unweighted). */
    public long passives() {
        return sample.countWhere(s -> scale.categoryOf(s) == NpsCategory.PASSIVE);
    }

    /** The number of detractors (unweighted). */
    public long detractors() {
        return sample.countWhere(s -> scale.categoryOf(s) == NpsCategory.DETRACTOR);
    }

    /** The number of responses in a category (unweighted). */
    public long count(NpsCategory category) {
        Objects.requireNonNull(category, "category");
        return sample.countWhere(s -> scale.categoryOf(s) == category);
    }

    /**
     * The share of a category as a fraction in [0, 1], not percent (weighted when weighted).
     *
     * @throws IllegalStateException if there are no responses
     */
    public double share(NpsCategory category) {
        Objects.requireNonNull(category, "category");
        sample.requireData("A share");
        return effective(category) / sample.effectiveN;
    }

    double effective(NpsCategory category) {
        return sample.massWhere(s -> scale.categoryOf(s) == category);
    }

    /**
     * The score in NPS points, 100·(p<sub>P</sub> − p<sub>D</sub>), within [−100, 100].
     *
     * @throws IllegalStateException if there are no responses
     */
    public double score() {
        sample.requireData("The NPS");
        double s = 100 * (effective(NpsCategory.PROMOTER) - effective(NpsCategory.DETRACTOR)) / sample.effectiveN;
        return Math.max(-100, Math.min(100, s));
    }

    /**
     * The per-response variance on the −1…1 scale, p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> −
     * p<sub>D</sub>)² (denominator n), in [0, 1].
     *
     * @throws IllegalStateException if there are no responses
     */
    public double variance() {
        sample.requireData("The NPS variance");
        return NpsVariance.of(effective(NpsCategory.PROMOTER), effective(NpsCategory.PASSIVE),
                effective(NpsCategory.DETRACTOR));
    }

    /**
     * The Wald standard error in NPS points, 100·√(var/n).
     *
     * @throws IllegalStateException if there are no responses
     */
    public double standardError() {
        return 100 * Math.sqrt(variance() / sample.effectiveN);
    }

    /** The 95 % adjusted-Wald interval, in NPS points. */
    public Interval interval() {
        return interval(Confidence.DEFAULT, NpsInterval.ADJUSTED_WALD);
    }

    /** The adjusted-Wald interval at the given level, in NPS points. */
    public Interval interval(double confidence) {
        return interval(confidence, NpsInterval.ADJUSTED_WALD);
    }

    /**
     * The interval by the given method, in NPS points, clipped to [−100, 100].
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException if there are no responses
     */
    public Interval interval(double confidence, NpsInterval method) {
        Objects.requireNonNull(method, "method");
        sample.requireData("The NPS interval");
        return method.of(effective(NpsCategory.PROMOTER), effective(NpsCategory.PASSIVE),
                effective(NpsCategory.DETRACTOR), confidence);
    }

    /**
     * This NPS against a fixed value such as an industry benchmark (e.g. 32, in NPS points):
     * difference raw NPS − value in points, with the default adjusted-Wald test (built on the
     * adjusted score, {@link Comparison#testedDifference()}).
     *
     * @throws IllegalArgumentException if the value is outside [−100, 100] or the confidence is not
     *     in (0, 1)
     * @throws IllegalStateException if there are no responses
     */
    public Comparison versusBenchmark(double value, double confidence) {
        return versusBenchmark(value, confidence, NpsTest.ADJUSTED_WALD);
    }

    /** As {@link #versusBenchmark(double, double)} with the given test. */
    public Comparison versusBenchmark(double value, double confidence, NpsTest test) {
        Objects.requireNonNull(test, "test");
        sample.requireData("The NPS benchmark test");
        return test.compareToValue(effective(NpsCategory.PROMOTER), effective(NpsCategory.PASSIVE),
                effective(NpsCategory.DETRACTOR), value, confidence);
    }

    @Override
    public String toString() {
        return isEmpty() ? "Nps[n=0]" : "Nps[n=" + n() + ", score=" + score() + "]";
    }
}
