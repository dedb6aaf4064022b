package io.github.cxmetrics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import io.github.cxmetrics.trend.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SegmentComparison#ofWeighted}: with every weight 1 it agrees with the unweighted
 * comparison (methods.md: equal weights give the unweighted results), and its vs-overall
 * difference is the segment's weighted score minus the overall weighted score.
 */
class WeightedSegmentComparisonProperties {
    private static final Metric[] METRICS = {Metric.NPS, Metric.CSAT, Metric.CES};

    private static Scale scale(Metric m) {
        return switch (m) {
            case NPS -> NpsScale.STANDARD;
            case CSAT -> CsatScale.FIVE_POINT;
            default -> io.github.cxmetrics.scale.CesScale.AGREEMENT_7;
        };
    }

    /** Segments of random responses; weight 1 everywhere when {@code unit}, else in [0.2, 3]. */
    private static Map<String, WeightedTally> segments(Metric m, int count, long seed, boolean unit) {
        Random r = new Random(seed);
        Scale s = scale(m);
        Map<String, WeightedTally> out = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            WeightedTallyAccumulator a = new WeightedTallyAccumulator(s);
            int n = 2 + r.nextInt(60);
            for (int i = 0; i < n; i++) {
                a.add(s.min() + r.nextInt(s.max() - s.min() + 1), unit ? 1 : 0.2 + r.nextInt(29) / 10.0);
            }
            out.put("s" + k, a.snapshot());
        }
        return out;
    }

    @Property(tries = 60)
    void unitWeightsGiveTheUnweightedComparison(@ForAll @IntRange(min = 0, max = 2) int metric,
            @ForAll @IntRange(min = 2, max = 7) int count, @ForAll long seed) {
        Metric m = METRICS[metric];
        Map<String, WeightedTally> weighted = segments(m, count, seed, true);
        Map<String, Tally> plain = new LinkedHashMap<>();
        weighted.forEach((k, w) -> plain.put(k, w.toTally()));
        SegmentComparison<String> a = SegmentComparison.ofWeighted(m, weighted, 0.95, PValueAdjustment.HOLM, 30);
        SegmentComparison<String> b = SegmentComparison.of(m, plain, 0.95, PValueAdjustment.HOLM, 30);
        assertThat(a.overall()).isEqualTo(b.overall());
        for (SegmentResult<String> x : b.segments()) {
            SegmentResult<String> y = a.segment(x.key()).orElseThrow();
            assertThat(y.n()).isEqualTo(x.n());
            assertThat(y.effectiveN().getAsDouble()).isCloseTo(x.n(), within(1e-9));
            assertThat(x.effectiveN()).isEmpty();
            assertThat(y.score().getAsDouble()).isCloseTo(x.score().getAsDouble(), within(1e-9));
            assertThat(y.isBelowMinimumN()).isEqualTo(x.isBelowMinimumN());
            assertThat(y.vsRest().isPresent()).isEqualTo(x.vsRest().isPresent());
            if (x.vsRest().isPresent()) {
                assertThat(y.vsRest().get().difference()).isCloseTo(x.vsRest().get().difference(), within(1e-9));
                assertThat(y.vsRest().get().adjustedPValue()).isCloseTo(x.vsRest().get().adjustedPValue(),
                        within(1e-9));
                assertThat(y.vsOverall().get().difference()).isCloseTo(x.vsOverall().get().difference(),
                        within(1e-9));
            }
        }
    }

    @Property(tries = 60)
    void vsOverallIsTheSegmentMinusTheOverallWeightedScore(@ForAll @IntRange(min = 1, max = 2) int metric,
            @ForAll @IntRange(min = 2, max = 6) int count, @ForAll long seed) {
        Metric m = METRICS[metric];
        Map<String, WeightedTally> weighted = segments(m, count, seed, false);
        SegmentComparison<String> c = SegmentComparison.ofWeighted(m, weighted, 0.95, PValueAdjustment.HOLM, 0);
        WeightedTally overall = c.weightedOverall().orElseThrow();
        double total = 0;
        for (WeightedTally w : weighted.values()) {
            total += w.sumOfWeights();
        }
        assertThat(overall.sumOfWeights()).isCloseTo(total, within(1e-9 * total));
        for (SegmentResult<String> s : c.segments()) {
            if (s.vsOverall().isPresent()) {
                double expected = m.score(s.weightedTally().orElseThrow()) - m.score(overall);
                assertThat(s.vsOverall().get().difference()).isCloseTo(expected, within(1e-9));
            }
        }
        assertThat(List.copyOf(c.segments())).hasSize(count);
    }
}
