package io.github.cxmetrics.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** A weighted benchmark test with every weight 1 is the unweighted test. */
class WeightedBenchmarkProperties {

    @Property(tries = 150)
    void unitWeightsGiveTheUnweightedTest(@ForAll @LongRange(max = 100_000) long seed,
            @ForAll @IntRange(min = 0, max = 2) int which, @ForAll @IntRange(min = 3, max = 200) int n) {
        Metric metric = Metric.values()[which];
        Scale scale = switch (metric) {
            case NPS -> NpsScale.STANDARD;
            case CSAT -> CsatScale.FIVE_POINT;
            case CES -> CesScale.AGREEMENT_7;
        };
        Random random = new Random(seed);
        TallyAccumulator plain = new TallyAccumulator(scale);
        WeightedTallyAccumulator weighted = new WeightedTallyAccumulator(scale);
        for (int i = 0; i < n; i++) {
            int score = scale.min() + random.nextInt(scale.points());
            plain.add(score);
            weighted.add(score, 1.0);
        }
        Tally t = plain.snapshot();
        double value = metric == Metric.NPS ? 10 : metric == Metric.CSAT ? 60 : 4.5;
        Comparison a;
        try {
            a = metric.versus(t, value, 0.95);
        } catch (IllegalStateException constant) {
            return;
        }
        Comparison b = metric.versus(weighted.snapshot(), value, 0.95);
        assertThat(b.difference()).isCloseTo(a.difference(), within(1e-9));
        assertThat(b.statistic()).isCloseTo(a.statistic(), within(1e-9));
        assertThat(b.pValue()).isCloseTo(a.pValue(), within(1e-9));
        assertThat(b.lower()).isCloseTo(a.lower(), within(1e-9));
    }
}
