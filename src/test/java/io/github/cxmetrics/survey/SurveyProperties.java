package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.Scale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class SurveyProperties {
    private static final Survey KTO = SurveyTest.SURVEY;
    private static final Survey LENIENT = Survey.parse("min-answered 2\n" + SurveyTest.KTO);

    private static Arbitrary<int[]> respondent(Survey survey, boolean allowMissing) {
        List<Arbitrary<Integer>> parts = new ArrayList<>();
        for (Question q : survey.questions()) {
            Scale s = q.scale();
            Arbitrary<Integer> answer = Arbitraries.integers().between(s.min(), s.max());
            parts.add(allowMissing ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, answer),
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(Survey.MISSING))) : answer);
        }
        return Combinators.combine(parts).as(list -> list.stream().mapToInt(Integer::intValue).toArray());
    }

    @Provide
    Arbitrary<List<int[]>> complete() {
        return respondent(KTO, false).list().ofMinSize(0).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<int[]>> withMissing() {
        return respondent(LENIENT, true).list().ofMinSize(0).ofMaxSize(60);
    }

    private static SurveyResult result(Survey survey, List<int[]> rows) {
        SurveyAccumulator acc = new SurveyAccumulator(survey);
        rows.forEach(acc::add);
        return acc.snapshot();
    }

    @Property(tries = 300)
    void indicesStayWithinTheirBounds(@ForAll("withMissing") List<int[]> rows) {
        SurveyResult r = result(LENIENT, rows);
        Statistics.label("eligible").collect(r.eligibleRespondents() == 0 ? "none"
                : r.eligibleRespondents() == 1 ? "one" : "many");
        for (int[] row : rows) {
            LENIENT.respondentIndex(row).ifPresent(i -> assertThat(i).isBetween(0.0, 100.0));
        }
        if (r.eligibleRespondents() > 0) {
            assertThat(r.index().estimate()).isBetween(0.0, 100.0);
            assertThat(r.acsiIndex().estimate()).isBetween(0.0, 100.0);
            assertThat(r.netIndex().estimate()).isBetween(-100.0, 100.0);
        }
        if (r.index().hasSpread()) {
            assertThat(r.index().interval(0.95).lower()).isGreaterThanOrEqualTo(0.0);
            assertThat(r.index().interval(0.95).upper()).isLessThanOrEqualTo(100.0);
        }
        Statistics.label("eligible").coverage(c -> {
            c.check("none").count(n -> n > 0);
            c.check("one").count(n -> n > 0);
            c.check("many").count(n -> n > 0);
        });
    }

    @Property(tries = 200)
    void permutationAndSplitInvarianceToTheBit(@ForAll("withMissing") List<int[]> rows, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 60) int cut) {
        List<int[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        SurveyAccumulator left = new SurveyAccumulator(LENIENT);
        SurveyAccumulator right = new SurveyAccumulator(LENIENT);
        for (int i = 0; i < shuffled.size(); i++) {
            (i < cut ? left : right).add(shuffled.get(i));
        }
        SurveyResult merged = right.combine(left).snapshot();
        SurveyResult onePass = result(LENIENT, rows);
        assertThat(merged).isEqualTo(onePass);
        if (onePass.index().hasSpread()) {
            assertThat(merged.index().estimate()).isEqualTo(onePass.index().estimate());
            assertThat(merged.index().standardError()).isEqualTo(onePass.index().standardError());
        }
        if (onePass.netIndex().hasSpread()) {
            assertThat(merged.netIndex().standardError()).isEqualTo(onePass.netIndex().standardError());
        }
    }

    @Property(tries = 200)
    void withCompleteAnswersItemAndRespondentLevelAgree(@ForAll("complete") List<int[]> rows) {
        SurveyResult r = result(KTO, rows);
        if (r.index().hasSpread()) {
            assertThat(r.acsiIndex().estimate()).isCloseTo(r.index().estimate(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(r.acsiIndex().standardError())
                    .isCloseTo(r.index().standardError(), org.assertj.core.api.Assertions.within(1e-7));
        }
    }

    @Property(tries = 200)
    void weightsAreNormalisedAndOnlyTheirRatiosMatter(@ForAll @DoubleRange(min = 0.01, max = 100) double w1,
            @ForAll @DoubleRange(min = 0.01, max = 100) double w2, @ForAll @DoubleRange(min = 0.01, max = 1000) double k,
            @ForAll("complete") List<int[]> rows) {
        Survey a = Survey.builder().question("q1", KTO.questions().get(0).scale(), w1)
                .question("q2", KTO.questions().get(1).scale(), w2).build();
        Survey b = Survey.builder().question("q1", KTO.questions().get(0).scale(), w1 * k)
                .question("q2", KTO.questions().get(1).scale(), w2 * k).build();
        assertThat(a.normalizedWeight(0) + a.normalizedWeight(1)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
        for (int[] row : rows) {
            int[] two = {row[0], row[1]};
            assertThat(b.respondentIndex(two).getAsDouble())
                    .isCloseTo(a.respondentIndex(two).getAsDouble(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Property(tries = 200)
    void skippedAnswersNeverEnterATally(@ForAll("withMissing") List<int[]> rows) {
        SurveyResult r = result(LENIENT, rows);
        for (int q = 0; q < LENIENT.size(); q++) {
            final int qq = q;
            long answered = rows.stream().filter(row -> row[qq] != Survey.MISSING).count();
            String id = LENIENT.questions().get(q).id();
            assertThat(r.tally(id).n()).isEqualTo(answered);
            assertThat(r.completionRate(id).n()).isEqualTo(rows.size());
        }
        long eligible = rows.stream().filter(row -> java.util.Arrays.stream(row).filter(a -> a != Survey.MISSING)
                .count() >= 2).count();
        assertThat(r.eligibleRespondents()).isEqualTo(eligible);
        assertThat(r.index().n()).isEqualTo(eligible);
    }
}
