package io.github.cxmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Missing scores, the primitive stream path and the text form of a tally (issue 13). */
class TallyStreamsAndTextProperties {

    @Provide
    Arbitrary<Scale> scales() {
        return Arbitraries.of(NpsScale.STANDARD, NpsScale.of(1, 5, 3, 4), CsatScale.FIVE_POINT,
                CsatScale.of(-3, 3).withTopBox(1), CesScale.AGREEMENT_7, CesScale.EFFORT_5);
    }

    /** Scores on the 0-10 NPS scale with about one in five missing. */
    @Provide
    Arbitrary<List<Integer>> answersWithGaps() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 10)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Integer) null))).list().ofMaxSize(300);
    }

    @Property
    void skippingCollectorCountsThePresentScoresOnly(@ForAll("answersWithGaps") List<Integer> answers) {
        int[] present = answers.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).toArray();
        Tally expected = new TallyAccumulator(NpsScale.STANDARD).addAll(present).snapshot();
        assertThat(answers.stream().collect(Tally.toTallySkippingMissing(NpsScale.STANDARD))).isEqualTo(expected);
        assertThat(answers.parallelStream().collect(Tally.toTallySkippingMissing(NpsScale.STANDARD))).isEqualTo(expected);
        TallyAccumulator oneByOne = new TallyAccumulator(NpsScale.STANDARD);
        answers.forEach(oneByOne::addIfPresent);
        assertThat(oneByOne.snapshot()).isEqualTo(expected);
    }

    @Property
    void intStreamPathEqualsTheArrayPath(@ForAll("scales") Scale scale, @ForAll @Size(max = 2000) List<@IntRange(min = 0, max = 1000) Integer> picks) {
        int[] scores = picks.stream().mapToInt(p -> scale.min() + p % scale.points()).toArray();
        Tally expected = new TallyAccumulator(scale).addAll(scores).snapshot();
        assertThat(Tally.of(scale, IntStream.of(scores))).isEqualTo(expected);
        assertThat(Tally.of(scale, IntStream.of(scores).parallel())).isEqualTo(expected);
        assertThat(new TallyAccumulator(scale).add(scale.min()).addAll(IntStream.of(scores).parallel()).snapshot())
                .isEqualTo(expected.plus(Tally.of(scale, IntStream.of(scale.min()))));
    }

    @Property
    void intStreamPathRejectsOffScaleScoresAndAddsNothing(@ForAll("scales") Scale scale, @ForAll int bad) {
        if (scale.contains(bad)) {
            return;
        }
        TallyAccumulator acc = new TallyAccumulator(scale).add(scale.max());
        assertThatThrownBy(() -> acc.addAll(IntStream.of(scale.min(), bad, scale.max())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for " + scale + " (valid values " + scale.min() + " - " + scale.max()
                        + "): " + bad);
        assertThat(acc.n()).isEqualTo(1);
        assertThatThrownBy(() -> Tally.of(scale, IntStream.of(bad))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void parseReadsBackToString(@ForAll("scales") Scale scale, @ForAll @Size(max = 12) List<@IntRange(min = 0) Integer> raw,
            @ForAll boolean huge) {
        long[] counts = new long[scale.points()];
        for (int i = 0; i < counts.length && i < raw.size(); i++) {
            counts[i] = raw.get(i);
        }
        if (huge) {
            counts[counts.length - 1] = Long.MAX_VALUE - Arrays.stream(counts, 0, counts.length - 1).sum();
        }
        Tally t = Tally.of(scale, counts);
        assertThat(Tally.parse(t.toString())).isEqualTo(t);
    }

    @Example
    void nullScoreMessageNamesTheMissingScoreAndHowToSkipIt() {
        List<Integer> answers = new ArrayList<>(List.of(9, 10));
        answers.add(null);
        assertThatThrownBy(() -> answers.stream().collect(Tally.toTally(NpsScale.STANDARD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing value for NPS[0..10] (valid values 0 - 10): null (a score that was not given;"
                        + " skip missing scores with Tally.toTallySkippingMissing(scale) or"
                        + " TallyAccumulator.addIfPresent)");
    }

    @Example
    void weightedAccumulatorSkipsMissingScoresButChecksTheWeight() {
        WeightedTallyAccumulator acc = new WeightedTallyAccumulator(CsatScale.FIVE_POINT);
        acc.addIfPresent(5, 2.0).addIfPresent(null, 3.0).addIfPresent(4, 1.0);
        assertThat(acc.snapshot()).isEqualTo(new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(5, 2.0).add(4, 1.0)
                .snapshot());
        assertThatThrownBy(() -> acc.addIfPresent(null, -1)).hasMessageStartingWith("Invalid value for weight");
        assertThat(acc.n()).isEqualTo(2);
    }

    @Example
    void parseExamples() {
        assertThat(Tally.parse("Tally[CSAT[1..5]: 5, 10, 15, 40, 30]"))
                .isEqualTo(Tally.of(CsatScale.FIVE_POINT, 5, 10, 15, 40, 30));
        assertThat(Tally.parse("Tally[NPS[1..5; 1-3/4-4/5-5]: 0, 0, 1, 0, 2]"))
                .isEqualTo(Tally.of(NpsScale.of(1, 5, 3, 4), 0, 0, 1, 0, 2));
        assertThatThrownBy(() -> Tally.parse("Tally[CSAT[1..5]: 1, 2, 3]"))
                .hasMessageStartingWith("Invalid number of counts for CSAT[1..5] (expected 5");
        assertThatThrownBy(() -> Tally.parse("Tally[CSAT[1..5]: 1, 2, 3, 4, x]"))
                .hasMessage("Invalid count for score 5 of CSAT[1..5] (expected a whole number 0 - 9223372036854775807"
                        + " without sign or leading zeros): \"x\"");
        assertThatThrownBy(() -> Tally.parse("Tally[CSAT[1..5]: 9223372036854775807, 0, 0, 0, 1]"))
                .isInstanceOf(ArithmeticException.class);
    }
}
