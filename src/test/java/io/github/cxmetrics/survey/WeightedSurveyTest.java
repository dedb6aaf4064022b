package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A weighted survey ({@link SurveyAccumulator#weighted}): the KTO index against base R, unit
 * weights against the unweighted result, the exact text form, and merging in any split.
 */
class WeightedSurveyTest {
    private static final Survey TWO = Survey.parse("q1 csat 1-5 weight=2\nq2 ces 1-7\n");
    private static final Survey THREE = Survey.parse("min-answered 2\nq1 csat 1-5 weight=2\nq2 ces 1-7\n"
            + "q3 nps 0-10 weight=0.5\n");

    /**
     * Six complete respondents with weights. Base R 4.2 ({@code I = (2 r1 + r2)/3},
     * {@code n_eff = W^2/sum(w^2)}, {@code m = sum(w I)/W}, effective counts {@code n_eff w/W},
     * variance on {@code n_eff - 1}, {@code se = sqrt(v/n_eff)}, {@code qt(0.975, n_eff - 1)}).
     */
    @Test
    void theWeightedIndexMatchesR() {
        int[][] answers = {{5, 7}, {4, 5}, {2, 3}, {3, 6}, {5, 2}, {1, 4}};
        double[] w = {1, 2, 0.5, 1.5, 1, 3};
        SurveyAccumulator a = SurveyAccumulator.weighted(TWO);
        for (int i = 0; i < w.length; i++) {
            a.addWeighted(w[i], answers[i]);
        }
        SurveyResult r = a.snapshot();
        assertThat(r.isWeighted()).isTrue();
        assertThat(r.effectiveN()).isCloseTo(4.62857142857143, within(1e-12));
        IndexScore index = r.index();
        assertThat(index.n()).isEqualTo(6);
        assertThat(index.estimate()).isCloseTo(52.4691358024691, within(1e-10));
        assertThat(index.standardError()).isCloseTo(15.3472929822179, within(1e-10));
        assertThat(index.degreesOfFreedom()).isCloseTo(3.62857142857143, within(1e-10));
        Interval ci = index.interval(0.95);
        assertThat(ci.lower()).isCloseTo(8.0816594358306, within(1e-8));
        assertThat(ci.upper()).isCloseTo(96.8566121691077, within(1e-8));
        // complete answers: the index of item means is the index of respondents (class comment)
        assertThat(r.acsiIndex().estimate()).isCloseTo(index.estimate(), within(1e-10));
        assertThat(r.acsiIndex().standardError()).isCloseTo(index.standardError(), within(1e-10));
        assertThat(r.weightedTally("q1").sumOfWeights()).isEqualTo(9.0);
        assertThat(r.tally("q1").n()).isEqualTo(6);
    }

    @Property(tries = 50)
    void unitWeightsGiveTheUnweightedResult(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        SurveyAccumulator plain = new SurveyAccumulator(THREE);
        SurveyAccumulator weighted = SurveyAccumulator.weighted(THREE);
        for (int i = 0; i < n; i++) {
            int[] x = answers(random);
            plain.add(x);
            weighted.addWeighted(1.0, x);
        }
        SurveyResult p = plain.snapshot();
        SurveyResult w = weighted.snapshot();
        assertThat(w.effectiveN()).isCloseTo(p.effectiveN(), within(1e-9));
        for (int k = 0; k < 3; k++) {
            IndexScore a = k == 0 ? p.index() : k == 1 ? p.netIndex() : p.acsiIndex();
            IndexScore b = k == 0 ? w.index() : k == 1 ? w.netIndex() : w.acsiIndex();
            assertThat(b.n()).isEqualTo(a.n());
            assertThat(b.isEmpty()).isEqualTo(a.isEmpty());
            if (!a.isEmpty()) {
                assertThat(b.estimate()).isCloseTo(a.estimate(), within(1e-9));
                assertThat(b.hasSpread()).isEqualTo(a.hasSpread());
                if (a.hasSpread()) {
                    assertThat(b.standardError()).isCloseTo(a.standardError(), within(1e-9));
                    assertThat(b.degreesOfFreedom()).isCloseTo(a.degreesOfFreedom(), within(1e-9));
                }
            }
        }
    }

    @Property(tries = 30)
    void theTextFormReadsBackAndSplitsMergeExactly(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int n,
            @ForAll @IntRange(min = 2, max = 5) int parts) {
        SplittableRandom random = new SplittableRandom(seed);
        SurveyAccumulator whole = SurveyAccumulator.weighted(THREE);
        SurveyAccumulator[] split = new SurveyAccumulator[parts];
        for (int i = 0; i < parts; i++) {
            split[i] = SurveyAccumulator.weighted(THREE);
        }
        for (int i = 0; i < n; i++) {
            int[] x = answers(random);
            double weight = random.nextInt(40) / 8.0;
            whole.addWeighted(weight, x);
            split[random.nextInt(parts)].addWeighted(weight, x);
        }
        SurveyResult expected = whole.snapshot();
        String text = expected.format();
        assertThat(text).startsWith("cxkto/1w respondents=" + n + " patterns=");
        assertThat(SurveyResult.parse(THREE, text)).isEqualTo(expected);
        assertThat(SurveyResult.parse(THREE, text).format()).isEqualTo(text);
        SurveyAccumulator merged = SurveyAccumulator.weighted(THREE);
        for (int i = parts - 1; i >= 0; i--) {
            merged.addAll(SurveyResult.parse(THREE, split[i].snapshot().format()));
        }
        assertThat(merged.snapshot()).isEqualTo(expected);
        if (!expected.index().isEmpty()) {
            assertThat(merged.snapshot().index().estimate()).isEqualTo(expected.index().estimate());
        }
    }

    @Test
    void weightedAndUnweightedDoNotMix() {
        SurveyAccumulator plain = new SurveyAccumulator(TWO);
        SurveyAccumulator weighted = SurveyAccumulator.weighted(TWO);
        assertThatThrownBy(() -> weighted.add(5, 7)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("addWeighted(weight, answers)");
        assertThatThrownBy(() -> plain.addWeighted(1.0, 5, 7)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SurveyAccumulator.weighted(survey)");
        assertThatThrownBy(() -> plain.combine(weighted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Survey weighting mismatch: an unweighted accumulator cannot take weighted respondents");
        assertThatThrownBy(() -> weighted.addWeighted(-1, 5, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> plain.snapshot().weightedTally("q1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SurveyResult.parse(TWO, "cxkto/1w respondents=1 patterns=5:7*1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUM_OF_WEIGHTS");
        assertThatThrownBy(() -> SurveyResult.parse(TWO, "cxkto/1w respondents=1 patterns=5:7*1*x*1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid sum of weights (a plain decimal >= 0): \"x\"");
    }

    @Test
    void zeroWeightsGiveNoIndex() {
        SurveyAccumulator a = SurveyAccumulator.weighted(TWO).addWeighted(0, 5, 7).addWeighted(0, 1, 1);
        assertThat(a.snapshot().index().isEmpty()).isTrue();
        assertThat(a.snapshot().acsiIndex().isEmpty()).isTrue();
        assertThat(a.snapshot().effectiveN()).isZero();
    }

    private static int[] answers(SplittableRandom r) {
        return new int[] {r.nextInt(4) == 0 ? Survey.MISSING : 1 + r.nextInt(5),
            r.nextInt(4) == 0 ? Survey.MISSING : 1 + r.nextInt(7), r.nextInt(3) == 0 ? Survey.MISSING : r.nextInt(11)};
    }
}
