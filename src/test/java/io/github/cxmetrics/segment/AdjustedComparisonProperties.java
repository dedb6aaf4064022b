package io.github.cxmetrics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Normal;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The family-wise interval excludes 0 exactly when the adjusted verdict is significant, for every
 * adjustment, on the methods whose interval inverts their own test (NPS adjusted Wald, CES Welch t;
 * CSAT tests with the pooled z but gives Newcombe's interval, so it is left out: see
 * {@link AdjustedComparison}).
 */
class AdjustedComparisonProperties {

    private static boolean excludesZero(AdjustedComparison c) {
        return c.familywiseLower() > 0 || c.familywiseUpper() < 0;
    }

    private static boolean rawExcludesZero(AdjustedComparison c) {
        return c.comparison().lower() > 0 || c.comparison().upper() < 0;
    }

    /** z-tests built from random statistics: the construction alone, over families up to 60 tests. */
    @Property(tries = 500)
    void zFamiliesAgree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int m,
            @ForAll PValueAdjustment adjustment, @ForAll @DoubleRange(min = 0.5, max = 0.99) double confidence) {
        Random r = new Random(seed);
        double[] z = new double[m];
        List<Comparison> raw = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            z[i] = r.nextGaussian() * (1 + 3 * r.nextDouble());
            raw.add(zComparison(z[i], confidence));
        }
        List<AdjustedComparison> family = AdjustedComparison.ofFamily(raw, adjustment,
                (i, level) -> zComparison(z[i], level));
        // the level given before the intervals (the report computes them in parallel) is ofFamily's
        assertThat(AdjustedComparison.familywiseConfidence(raw, adjustment))
                .isEqualTo(family.get(0).familywiseConfidence());
        boolean trap = false;
        for (AdjustedComparison c : family) {
            assertThat(excludesZero(c)).as("%s", c).isEqualTo(c.isSignificant());
            assertThat(c.familywiseConfidence()).isGreaterThanOrEqualTo(confidence);
            trap |= rawExcludesZero(c) && !c.isSignificant();
        }
        Statistics.label("raw interval excludes 0, adjusted verdict not significant").collect(trap);
    }

    @net.jqwik.api.Example
    void theLevelOfAnEmptyOrMixedFamilyIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> AdjustedComparison.familywiseConfidence(List.of(), PValueAdjustment.HOLM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no comparison");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdjustedComparison.familywiseConfidence(
                List.of(zComparison(1, 0.95), zComparison(2, 0.9)), PValueAdjustment.HOLM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Confidence mismatch");
    }

    @net.jqwik.api.Example
    void everyTestRejectedUnderBenjaminiHochbergIsTheLevelItselfNotARoundingBelowIt() {
        // found by zFamiliesAgree (seed 6642677781315340824): 1 - 3 * 0.42 / 3 = 0.5799999999999998 < 0.58
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.BENJAMINI_HOCHBERG, 3, 3, 0.58))
                .isEqualTo(0.58);
        assertThat(AdjustedComparison.familywiseConfidence(PValueAdjustment.HOLM, 3, 3, 0.58)).isEqualTo(0.58);
    }

    private static Comparison zComparison(double z, double confidence) {
        double c = Normal.criticalValue(confidence);
        return new Comparison(z, 1, z - c, z + c, z, 1, z, Double.POSITIVE_INFINITY, Normal.twoSidedPValue(z), confidence);
    }

    /** Random segment families of NPS and CES tallies through {@link SegmentComparison}. */
    @Property(tries = 300)
    void segmentFamiliesAgree(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int segments,
            @ForAll boolean nps, @ForAll PValueAdjustment adjustment,
            @ForAll @DoubleRange(min = 0.8, max = 0.99) double confidence) {
        Random r = new Random(seed);
        Scale scale = nps ? NpsScale.STANDARD : CesScale.AGREEMENT_7;
        Map<Integer, Tally> tallies = new LinkedHashMap<>();
        for (int s = 0; s < segments; s++) {
            tallies.put(s, randomTally(r, scale));
        }
        SegmentComparison<Integer> c = SegmentComparison.of(nps ? Metric.NPS : Metric.CES, tallies, confidence,
                adjustment, 30);
        boolean trap = false;
        for (SegmentResult<Integer> s : c.segments()) {
            if (s.vsRest().isEmpty()) {
                continue;
            }
            AdjustedComparison v = s.vsRest().get();
            assertThat(excludesZero(v)).as("%s", v).isEqualTo(s.isSignificant());
            AdjustedComparison o = s.vsOverall().orElseThrow();
            assertThat(o.familywiseLower() > 0 || o.familywiseUpper() < 0).isEqualTo(o.isSignificant());
            trap |= rawExcludesZero(v) && !v.isSignificant();
        }
        Statistics.label("raw interval excludes 0, adjusted verdict not significant").collect(trap);
        Statistics.label("raw interval excludes 0, adjusted verdict not significant")
                .coverage(k -> k.check(true).count(n -> n > 0));
    }

    /** A tally whose distribution leans a random amount, so that some segments differ. */
    private static Tally randomTally(Random r, Scale scale) {
        int points = scale.max() - scale.min() + 1;
        long[] counts = new long[points];
        int n = 3 + r.nextInt(r.nextBoolean() ? 40 : 400);
        double lean = r.nextDouble() * 2 - 1;
        for (int i = 0; i < n; i++) {
            double u = Math.pow(r.nextDouble(), Math.exp(lean));
            counts[Math.min(points - 1, (int) (u * points))]++;
        }
        return Tally.of(scale, counts);
    }
}
