package io.github.cxmetrics.segment;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.PValueAdjustment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One test of a family (such as every segment against the rest) after the multiple-testing
 * adjustment: the test as it was run ({@link #comparison()}, with its raw p-value and its interval
 * at the family's confidence level), the adjusted p-value, and an interval at the family-wise level
 * that agrees with the adjusted verdict: it excludes 0 exactly when {@link #isSignificant()}.
 *
 * <p>Get a family with {@link #ofFamily(List, PValueAdjustment, BiFunction)}; {@link SegmentComparison}
 * and the report build theirs that way.
 *
 * <p><b>The family-wise interval.</b> With m tests at level α = 1 − confidence, let R be the number
 * of hypotheses the adjustment rejects (adjusted p &lt; α). Every interval of the family is the
 * test's own interval at level
 * <ul>
 *   <li>{@link PValueAdjustment#HOLM}: 1 − α/(m − R), and 1 − α when R = m. A rejected test has
 *       p<sub>(j)</sub> &lt; α/(m − j + 1) ≤ α/(m − R); the first kept one has
 *       p<sub>(R+1)</sub> ≥ α/(m − R), and the later ones are larger. Holm (1979), Scand. J. Statist.
 *       6:65–70. The level is that of Bonferroni over the m − R hypotheses Holm keeps.</li>
 *   <li>{@link PValueAdjustment#BENJAMINI_HOCHBERG}: the false-coverage-rate intervals of
 *       Benjamini &amp; Yekutieli (2005), JASA 100:71–81, at level 1 − Rα/m (1 − α/m when R = 0):
 *       the rejected tests have p ≤ p<sub>(R)</sub> &lt; Rα/m, the kept ones p<sub>(i)</sub> ≥
 *       iα/m &gt; Rα/m.</li>
 *   <li>{@link PValueAdjustment#NONE}: 1 − α, the unadjusted interval.</li>
 * </ul>
 * So the interval excludes 0 exactly when the adjusted p-value is below α, for every method whose
 * interval inverts its own test (the interval at level 1 − a excludes 0 exactly when p &lt; a):
 * NPS adjusted Wald and CES Welch t. CSAT tests with the pooled z but gives Newcombe's hybrid
 * score interval, which are two different statistics, so near the boundary a CSAT verdict and its
 * interval can disagree, before and after the adjustment alike (rarely, and only by a hair).
 *
 * <p>Immutable and thread-safe, a value type.
 *
 * @param comparison the test as run: difference, standard error, interval at the family's
 *     confidence level, statistic and the raw (unadjusted) two-sided p-value, all in the compared
 *     quantity's display units (NPS points, CSAT percentage points, CES scale points)
 * @param adjustedPValue the p-value after the adjustment, in [0, 1], compared with
 *     1 − {@code comparison.confidence()}
 * @param adjustment the adjustment that was applied ({@link PValueAdjustment#NONE} when none was)
 * @param familywiseLower the lower limit of the family-wise interval, in the units of the difference
 * @param familywiseUpper the upper limit of the family-wise interval, in the units of the difference
 * @param familywiseConfidence the level of the family-wise interval, in (0, 1), at least the
 *     family's confidence level
 *
 * @since 0.1.0
 */
public record AdjustedComparison(Comparison comparison, double adjustedPValue, PValueAdjustment adjustment,
        double familywiseLower, double familywiseUpper, double familywiseConfidence) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the adjusted p-value is not in [0, 1], the family-wise
     *     level not in (0, 1), or a family-wise limit NaN or above the other
     * @throws NullPointerException if the comparison or the adjustment is null
     */
    public AdjustedComparison {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(adjustment, "adjustment");
        if (!(adjustedPValue >= 0 && adjustedPValue <= 1)) {
            throw new IllegalArgumentException("Invalid value for adjustedPValue (valid values 0 - 1): "
                    + adjustedPValue);
        }
        Checks.confidence(familywiseConfidence);
        if (!(familywiseLower <= familywiseUpper)) {
            throw new IllegalArgumentException("Invalid family-wise interval (need lower <= upper): "
                    + familywiseLower + ", " + familywiseUpper);
        }
    }

    /**
     * Adjusts a family of tests together and gives each its family-wise interval.
     *
     * @param comparisons the tests of the family, all at the same confidence level (it sets α)
     * @param adjustment the multiple-testing adjustment
     * @param atConfidence the test of index i run again on the same data at another confidence
     *     level (only its interval is used); called once per test
     * @return one adjusted test per comparison, in the order given
     * @throws IllegalArgumentException if the confidence levels differ
     */
    public static List<AdjustedComparison> ofFamily(List<Comparison> comparisons, PValueAdjustment adjustment,
            BiFunction<Integer, Double, Comparison> atConfidence) {
        Objects.requireNonNull(comparisons, "comparisons");
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(atConfidence, "atConfidence");
        int m = comparisons.size();
        if (m == 0) {
            return List.of();
        }
        double confidence = comparisons.get(0).confidence();
        double[] adjusted = adjustment.adjust(pValues(comparisons));
        double level = familywiseConfidence(adjustment, m, rejected(adjusted, confidence), confidence);
        List<AdjustedComparison> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Comparison wide = level == confidence ? comparisons.get(i) : atConfidence.apply(i, level);
            out.add(new AdjustedComparison(comparisons.get(i), adjusted[i], adjustment, wide.lower(), wide.upper(),
                    level));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The level at which {@link #ofFamily} gives this family's intervals: the adjusted p-values'
     * rejections R, then {@link #familywiseConfidence(PValueAdjustment, int, int, double)}. Lets a
     * caller compute the family-wise intervals first (in parallel, say) and hand them to
     * {@code ofFamily}.
     *
     * @param comparisons the tests of the family, at least one, all at the same confidence level
     * @throws IllegalArgumentException if there is no test or the confidence levels differ
     * @since 0.1.0
     */
    public static double familywiseConfidence(List<Comparison> comparisons, PValueAdjustment adjustment) {
        Objects.requireNonNull(comparisons, "comparisons");
        Objects.requireNonNull(adjustment, "adjustment");
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("Invalid family: no comparison");
        }
        double confidence = comparisons.get(0).confidence();
        return familywiseConfidence(adjustment, comparisons.size(),
                rejected(adjustment.adjust(pValues(comparisons)), confidence), confidence);
    }

    /** The raw p-values of a non-empty family, checking that its confidence levels agree. */
    private static double[] pValues(List<Comparison> comparisons) {
        double confidence = comparisons.get(0).confidence();
        double[] raw = new double[comparisons.size()];
        for (int i = 0; i < raw.length; i++) {
            Comparison c = Objects.requireNonNull(comparisons.get(i), "comparison");
            if (c.confidence() != confidence) {
                throw new IllegalArgumentException("Confidence mismatch in the family: " + confidence + " / "
                        + c.confidence());
            }
            raw[i] = c.pValue();
        }
        return raw;
    }

    /** R: the adjusted p-values below α = 1 − confidence. */
    private static int rejected(double[] adjusted, double confidence) {
        int rejected = 0;
        for (double p : adjusted) {
            if (p < 1 - confidence) {
                rejected++;
            }
        }
        return rejected;
    }

    /**
     * The level of the family-wise intervals (see the class comment): Holm 1 − α/(m − R) (1 − α
     * when R = m), Benjamini–Hochberg 1 − Rα/m (1 − α/m when R = 0), none 1 − α, with
     * α = 1 − confidence.
     *
     * @param tests m, the number of tests in the family; ≥ 1
     * @param rejected R, the number of adjusted p-values below α; 0 ≤ R ≤ m
     * @throws IllegalArgumentException if m or R is out of range or the confidence not in (0, 1)
     */
    public static double familywiseConfidence(PValueAdjustment adjustment, int tests, int rejected,
            double confidence) {
        Objects.requireNonNull(adjustment, "adjustment");
        Checks.confidence(confidence);
        if (tests < 1) {
            throw new IllegalArgumentException("Invalid value for tests (valid values >= 1): " + tests);
        }
        if (!(rejected >= 0 && rejected <= tests)) {
            throw new IllegalArgumentException("Invalid value for rejected (valid values 0 - " + tests + "): "
                    + rejected);
        }
        double alpha = 1 - confidence;
        switch (adjustment) {
            case HOLM:
                return rejected == tests ? confidence : 1 - alpha / (tests - rejected);
            case BENJAMINI_HOCHBERG:
                // R = m is the level itself; 1 - m·α/m would round below it (1 - 0.42 = 0.5799…98)
                return rejected == tests ? confidence : 1 - Math.max(rejected, 1) * alpha / tests;
            default:
                return confidence;
        }
    }

    /** The difference, as in {@link #comparison()}. */
    public double difference() {
        return comparison.difference();
    }

    /** The p-value before the adjustment, as in {@link #comparison()}. */
    public double pValue() {
        return comparison.pValue();
    }

    /**
     * Whether the adjusted p-value is below 1 − confidence; for NPS and CES exactly when the
     * family-wise interval excludes 0 (see the class comment for CSAT).
     */
    public boolean isSignificant() {
        return adjustedPValue < 1 - comparison.confidence();
    }

    /**
     * This test with its difference, standard error and limits multiplied by a positive factor
     * (the statistic and p-values unchanged), e.g. vs-rest turned into vs-overall.
     */
    AdjustedComparison scaled(double f) {
        return new AdjustedComparison(comparison.scaled(f), adjustedPValue, adjustment, f * familywiseLower, f * familywiseUpper,
                familywiseConfidence);
    }
}
