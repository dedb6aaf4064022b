package io.github.cxmetrics.score;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.NpsCategory;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.MeanTest;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.stats.TwoProportions;
import java.util.Objects;

/**
 * Two-group comparisons of scores, each giving the signed difference {@code a − b} in the score's
 * display unit with its standard error, confidence interval and two-sided p-value.
 *
 * <table>
 *   <caption>Methods and units</caption>
 *   <tr><th>comparison</th><th>default test</th><th>difference in</th></tr>
 *   <tr><td>{@link #nps(Nps, Nps, double)}</td><td>adjusted-Wald z ({@link NpsTest})</td><td>NPS points</td></tr>
 *   <tr><td>{@link #csat(Csat, Csat, double)}</td><td>pooled z, Newcombe method-10 interval</td>
 *       <td>percentage points</td></tr>
 *   <tr><td>{@link #proportions(Proportion, Proportion, double)}</td><td>pooled z, Newcombe</td>
 *       <td>a fraction, −1…1</td></tr>
 *   <tr><td>{@link #means(Mean, Mean, double, MeanTest)}, {@link #ces(Ces, Ces, double)}</td>
 *       <td>Welch t ({@link MeanTest})</td><td>scale points</td></tr>
 * </table>
 *
 * <p>Every {@link Comparison} gives the plain difference of the scores shown as
 * {@link Comparison#difference()}; the adjusted-Wald NPS test builds its statistic and interval on
 * the adjusted scores ({@link Comparison#testedDifference()}), so at tiny n the plain difference
 * can lie outside the interval. The standard error of the interval and the one behind the
 * statistic are {@link Comparison#standardError()} and {@link Comparison#testStandardError()}
 * (they differ for CSAT: unpooled and pooled).
 *
 * <p>Weighted groups are compared with their effective counts (Kish). Both groups must be
 * non-empty ({@link IllegalStateException} otherwise) and on equal scales
 * ({@link IllegalArgumentException}).
 *
 * @since 0.1.0
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** NPS a − b in NPS points (raw scores) with the adjusted-Wald test. */
    public static Comparison nps(Nps a, Nps b, double confidence) {
        return nps(a, b, confidence, NpsTest.ADJUSTED_WALD);
    }

    /**
     * NPS a − b in points with the given test.
     *
     * @throws IllegalArgumentException if the scales differ or the confidence is not in (0, 1)
     * @throws IllegalStateException if a group is empty
     */
    public static Comparison nps(Nps a, Nps b, double confidence, NpsTest test) {
        Objects.requireNonNull(test, "test");
        requireSameScale(a.scale(), b.scale());
        a.score();
        b.score();
        return test.compare(a.effective(NpsCategory.PROMOTER), a.effective(NpsCategory.PASSIVE),
                a.effective(NpsCategory.DETRACTOR), b.effective(NpsCategory.PROMOTER),
                b.effective(NpsCategory.PASSIVE), b.effective(NpsCategory.DETRACTOR), confidence);
    }

    /**
     * Percentage satisfied a − b, in percentage points: pooled z-test, Newcombe's interval.
     *
     * @throws IllegalArgumentException if the scales differ or the confidence is not in (0, 1)
     * @throws IllegalStateException if a group is empty
     */
    public static Comparison csat(Csat a, Csat b, double confidence) {
        requireSameScale(a.scale(), b.scale());
        return proportions(a.satisfiedShare(), b.satisfiedShare(), confidence).scaled(100);
    }

    /**
     * Share a − b as a fraction (−1…1, not percent): pooled z-test, Newcombe's interval.
     *
     * @throws IllegalStateException if a group is empty
     */
    public static Comparison proportions(Proportion a, Proportion b, double confidence) {
        a.estimate();
        b.estimate();
        return TwoProportions.compare(a.effectiveSuccesses(), a.effectiveN(), b.effectiveSuccesses(),
                b.effectiveN(), confidence);
    }

    /** CES mean a − b in scale points with Welch's test. */
    public static Comparison ces(Ces a, Ces b, double confidence) {
        requireSameScale(a.scale(), b.scale());
        return means(a.mean(), b.mean(), confidence, MeanTest.WELCH);
    }

    /** CSAT mean a − b in scale points with Welch's test. */
    public static Comparison csatMeans(Csat a, Csat b, double confidence) {
        requireSameScale(a.scale(), b.scale());
        return means(a.mean(), b.mean(), confidence, MeanTest.WELCH);
    }

    /**
     * Mean a − b in scale points with the given test.
     *
     * @throws IllegalStateException if a group has an effective n of 1 or less
     */
    public static Comparison means(Mean a, Mean b, double confidence, MeanTest test) {
        Objects.requireNonNull(test, "test");
        requireSameScale(a.sample().scale, b.sample().scale);
        return test.compare(a.value(), a.variance(), a.effectiveN(), b.value(), b.variance(), b.effectiveN(),
                confidence);
    }

    private static void requireSameScale(Object a, Object b) {
        if (!a.equals(b)) {
            throw Checks.scaleMismatch(a, b);
        }
    }
}
