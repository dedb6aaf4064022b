package io.github.cxmetrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** The aggregators' zero/reduce/merge/finish contract, called directly (no Spark session). */
class ScoreAggregatorTest {
    private static final ScoreAggregator NPS = ScoreAggregator.of(NpsScale.STANDARD);

    private static long[] feed(ScoreAggregator agg, Double... scores) {
        long[] buffer = agg.zero();
        for (Double s : scores) {
            buffer = agg.reduce(buffer, s);
        }
        return buffer;
    }

    @Test
    void npsOfTwoMergedBuffersIsHandWorkedInEitherOrder() {
        // 10, 9, 9 promoters; 7 passive; 3 detractor; null skipped: n = 5, NPS = 100·(3 − 1)/5 = 40;
        // var = 0.6 + 0.2 − (0.6 − 0.2)² = 0.64, SE = 100·√(0.64/5) = 35.77708763999664 (python3 math.sqrt)
        Row ab = NPS.finish(NPS.merge(feed(NPS, 10.0, 9.0, null), feed(NPS, 9.0, 7.0, 3.0)));
        Row ba = NPS.finish(NPS.merge(feed(NPS, 9.0, 7.0, 3.0), feed(NPS, 10.0, 9.0, null)));
        assertSameResult(ab, ba);
        assertThat(ab.<Double>getAs("score")).isEqualTo(40.0);
        assertThat(ab.<Long>getAs("n")).isEqualTo(5L);
        assertThat(ab.<Double>getAs("standardError")).isCloseTo(35.77708763999664, within(1e-12));
        assertThat(ab.<Long>getAs("rejected")).isZero();
        assertThat(ab.<String>getAs("scale")).isEqualTo("NPS[0..10]");
        assertThat(ScoreRows.toTally(ab)).isEqualTo(Tally.of(NpsScale.STANDARD, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 1));
        assertThat(ab.<Double>getAs("lower")).isEqualTo(Nps.of(ScoreRows.toTally(ab)).interval(0.95).lower());
    }

    @Test
    void csatIsThePercentageSatisfiedWithItsWilsonInterval() {
        ScoreAggregator csat = ScoreAggregator.of(CsatScale.FIVE_POINT);
        Row r = csat.finish(feed(csat, 5.0, 4.0, 3.0, 2.0, 1.0, 5.0));
        // satisfied (4–5): 3 of 6 = 50 %; SE = 100·√(0.25/6) = 20.41241452319315; Wilson 95 % with
        // z = 1.959963984540054: 18.761630648265054 … 81.23836935173495 (python3 + scipy.stats.norm.ppf)
        assertThat(r.<Double>getAs("score")).isEqualTo(50.0);
        assertThat(r.<Double>getAs("standardError")).isCloseTo(20.41241452319315, within(1e-12));
        assertThat(r.<Double>getAs("lower")).isCloseTo(18.761630648265054, within(1e-5));
        assertThat(r.<Double>getAs("upper")).isCloseTo(81.23836935173495, within(1e-5));
    }

    @Test
    void cesIsTheMeanAndASingleResponseHasNoSpread() {
        ScoreAggregator ces = ScoreAggregator.of(CesScale.AGREEMENT_7);
        Row r = ces.finish(feed(ces, 7.0, 5.0, 6.0));
        // mean (7 + 5 + 6)/3 = 6; s² = (1 + 1 + 0)/2 = 1; SE = 1/√3 = 0.5773502691896257
        assertThat(r.<Double>getAs("score")).isEqualTo(6.0);
        assertThat(r.<Double>getAs("standardError")).isCloseTo(0.5773502691896257, within(1e-15));
        assertThat(r.<Double>getAs("upper")).isEqualTo(Ces.of(ScoreRows.toTally(r)).interval(0.95).upper());
        Row single = ces.finish(feed(ces, 4.0));
        assertThat(single.<Double>getAs("score")).isEqualTo(4.0);
        assertThat(single.<Long>getAs("n")).isEqualTo(1L);
        assertThat(single.isNullAt(single.fieldIndex("standardError"))).isTrue();
        assertThat(single.isNullAt(single.fieldIndex("lower"))).isTrue();
        assertThat(single.isNullAt(single.fieldIndex("upper"))).isTrue();
    }

    @Test
    void aGroupWithoutResponsesHasNullEstimatesNotNaN() {
        for (Scale scale : List.of(NpsScale.STANDARD, CsatScale.FIVE_POINT, CesScale.AGREEMENT_7)) {
            ScoreAggregator agg = ScoreAggregator.of(scale);
            Row r = agg.finish(feed(agg, (Double) null));
            assertThat(r.<Long>getAs("n")).isZero();
            for (String field : List.of("score", "standardError", "lower", "upper")) {
                assertThat(r.isNullAt(r.fieldIndex(field))).as(scale + " " + field).isTrue();
            }
            assertThat(ScoreRows.toTally(r)).isEqualTo(Tally.empty(scale));
        }
    }

    @Test
    void scoresOffTheScaleFailWithTheCoreMessageAndLeaveTheBufferUnchanged() {
        long[] buffer = feed(NPS, 10.0);
        assertThatThrownBy(() -> NPS.reduce(buffer, 11.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for NPS[0..10] (valid values 0 - 10): 11");
        assertThatThrownBy(() -> NPS.reduce(buffer, -1.0))
                .hasMessage("Invalid value for NPS[0..10] (valid values 0 - 10): -1");
        assertThatThrownBy(() -> NPS.reduce(buffer, 4.5))
                .hasMessage("Invalid value for NPS[0..10] (valid values 0 - 10): 4.5");
        assertThatThrownBy(() -> NPS.reduce(buffer, Double.NaN))
                .hasMessage("Invalid value for NPS[0..10] (valid values 0 - 10): NaN");
        assertThatThrownBy(() -> NPS.reduce(buffer, 1e10))
                .hasMessage("Invalid value for NPS[0..10] (valid values 0 - 10): 1.0E10");
        assertThatThrownBy(() -> NPS.reduce(buffer, Double.POSITIVE_INFINITY))
                .hasMessage("Invalid value for NPS[0..10] (valid values 0 - 10): Infinity");
        ScoreAggregator csat7 = ScoreAggregator.of(CsatScale.of(1, 7));
        assertThatThrownBy(() -> csat7.reduce(csat7.zero(), 0.0))
                .hasMessage("Invalid value for CSAT[1..7] (valid values 1 - 7): 0");
        assertThat(ScoreRows.toTally(NPS.finish(buffer))).isEqualTo(Tally.of(NpsScale.STANDARD,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void rejectCountsInvalidScoresApartFromTheTally() {
        ScoreAggregator agg = NPS.withInvalidScores(InvalidScores.REJECT);
        Row r = agg.finish(feed(agg, 10.0, 11.0, -1.0, 4.5, Double.NaN, null, 0.0));
        // valid: 10 (promoter), 0 (detractor): NPS 0, n 2; rejected: 11, −1, 4.5, NaN; null skipped
        assertThat(r.<Long>getAs("n")).isEqualTo(2L);
        assertThat(r.<Long>getAs("rejected")).isEqualTo(4L);
        assertThat(r.<Double>getAs("score")).isEqualTo(0.0);
        Row merged = agg.finish(agg.merge(feed(agg, 12.0), feed(agg, 13.0, 9.0)));
        assertThat(merged.<Long>getAs("rejected")).isEqualTo(2L);
        assertThat(merged.<Long>getAs("n")).isEqualTo(1L);
    }

    @Test
    void mergeRefusesToOverflow() {
        long[] full = NPS.zero();
        full[10] = Long.MAX_VALUE;
        assertThatThrownBy(() -> NPS.merge(full, feed(NPS, 10.0))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void optionsAreCheckedWithTheCoreMessages() {
        assertThatThrownBy(() -> NPS.withConfidence(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for confidence (valid values 0 < c < 1): 1.5");
        assertThatThrownBy(() -> WeightedScoreAggregator.of(NpsScale.STANDARD).withConfidence(0))
                .hasMessage("Invalid value for confidence (valid values 0 < c < 1): 0.0");
        assertThatThrownBy(() -> ScoreAggregator.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("scale");
        Row r = NPS.withConfidence(0.9).finish(feed(NPS, 10.0, 0.0, 8.0));
        assertThat(r.<Double>getAs("confidence")).isEqualTo(0.9);
        assertThat(r.<Double>getAs("upper")).isEqualTo(Nps.of(ScoreRows.toTally(r)).interval(0.9).upper());
    }

    @Test
    void aggregatorsAreEqualWhenTheirSettingsAre() {
        assertThat(ScoreAggregator.of(NpsScale.STANDARD)).isEqualTo(NPS).hasSameHashCodeAs(NPS)
                .isNotEqualTo(NPS.withConfidence(0.9)).isNotEqualTo(NPS.withInvalidScores(InvalidScores.REJECT))
                .isNotEqualTo(ScoreAggregator.of(NpsScale.of(0, 10, 6, 6)));
        WeightedScoreAggregator w = WeightedScoreAggregator.of(CesScale.EFFORT_5);
        assertThat(WeightedScoreAggregator.of(CesScale.EFFORT_5)).isEqualTo(w).hasSameHashCodeAs(w)
                .isNotEqualTo(WeightedScoreAggregator.of(CesScale.AGREEMENT_7)).isNotEqualTo(w.withConfidence(0.5));
        assertThat(NPS.toUdaf().name()).contains("nps");
        assertThat(w.toUdaf().name()).contains("weighted_ces");
    }

    @Test
    void theAggregatorTravelsByJavaSerializationWithItsScale() throws Exception {
        NpsScale custom = NpsScale.of(1, 5, 3, 4);
        ScoreAggregator agg = ScoreAggregator.of(custom).withConfidence(0.8).withInvalidScores(InvalidScores.REJECT);
        ScoreAggregator copy = roundTrip(agg);
        assertThat(copy.scale()).isEqualTo(custom);
        assertThat(copy.confidence()).isEqualTo(0.8);
        assertThat(copy.invalidScores()).isEqualTo(InvalidScores.REJECT);
        assertSameResult(copy.finish(feed(copy, 5.0, 1.0, 4.0, 6.0)), agg.finish(feed(agg, 5.0, 1.0, 4.0, 6.0)));
    }

    @Test
    void weightedBufferKeepsExactWeightSumsThroughSerialization() throws Exception {
        WeightedScoreAggregator agg = WeightedScoreAggregator.of(NpsScale.STANDARD);
        WeightedBuffer a = agg.zero();
        WeightedBuffer b = agg.zero();
        double[] weights = {0.1, 0.2, 0.7, 1e-10, 3.3, 1e15};
        for (int i = 0; i < weights.length; i++) {
            agg.reduce(i % 2 == 0 ? a : b, new Tuple2<>((double) (i * 2), weights[i]));
        }
        WeightedBuffer shipped = roundTrip(b);
        WeightedTally expected = new WeightedTallyAccumulator(NpsScale.STANDARD)
                .addAll(new int[] {0, 2, 4, 6, 8, 10}, weights).snapshot();
        Row r = agg.finish(agg.merge(a, shipped));
        assertThat(ScoreRows.toWeightedTally(r)).isEqualTo(expected);
        // 0.1 as a double is 0.1000000000000000055511151231257827021181583404541015625 exactly
        assertThat(ScoreRows.toWeightedTally(r).sumOfWeightsExact(0))
                .isEqualByComparingTo(new BigDecimal("0.1000000000000000055511151231257827021181583404541015625"));
        assertThat(r.<Double>getAs("score")).isEqualTo(Nps.of(expected).score());
        assertThat(r.<Double>getAs("effectiveN")).isEqualTo(Nps.of(expected).effectiveN());
    }

    @Test
    void weightedNpsIsHandWorked() {
        WeightedScoreAggregator agg = WeightedScoreAggregator.of(NpsScale.STANDARD);
        WeightedBuffer buffer = agg.zero();
        // 10 (w 2), 9, 9, 7, 3 (w 1 each), and a null score whose weight is ignored:
        // Σw = 6, promoters 4, detractors 1: NPS = 100·(4 − 1)/6 = 50; n_eff = 6²/(4 + 1 + 1 + 1 + 1) = 4.5
        double[][] responses = {{10, 2}, {9, 1}, {9, 1}, {7, 1}, {3, 1}};
        for (double[] r : responses) {
            agg.reduce(buffer, new Tuple2<>(r[0], r[1]));
        }
        agg.reduce(buffer, new Tuple2<>(null, -5.0));
        Row r = agg.finish(buffer);
        assertThat(r.<Double>getAs("score")).isCloseTo(50.0, within(1e-12));
        assertThat(r.<Long>getAs("n")).isEqualTo(5L);
        assertThat(r.<Double>getAs("effectiveN")).isCloseTo(4.5, within(1e-12));
        assertThat(r.<String[]>getAs("sumOfWeights")).containsExactly("0", "0", "0", "1", "0", "0", "0", "1",
                "0", "2", "2");
    }

    @Test
    void invalidWeightsFailWithTheCoreMessageOrAreRejected() {
        WeightedScoreAggregator agg = WeightedScoreAggregator.of(CsatScale.FIVE_POINT);
        WeightedBuffer buffer = agg.zero();
        assertThatThrownBy(() -> agg.reduce(buffer, new Tuple2<>(5.0, -1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for weight (valid values 0 or 2^-64 - 2^64): -1.0");
        assertThatThrownBy(() -> agg.reduce(buffer, new Tuple2<>(5.0, Double.NaN)))
                .hasMessage("Invalid value for weight (valid values 0 or 2^-64 - 2^64): NaN");
        assertThatThrownBy(() -> agg.reduce(buffer, new Tuple2<>(5.0, null)))
                .hasMessage("Missing value for weight (valid values 0 or 2^-64 - 2^64): null");
        assertThatThrownBy(() -> agg.reduce(buffer, new Tuple2<>(6.0, 1.0)))
                .hasMessage("Invalid value for CSAT[1..5] (valid values 1 - 5): 6");
        assertThat(agg.finish(buffer).<Long>getAs("n")).isZero();

        WeightedScoreAggregator lenient = agg.withInvalidScores(InvalidScores.REJECT);
        WeightedBuffer b = lenient.zero();
        for (Tuple2<Double, Double> r : List.of(new Tuple2<>(5.0, -1.0), new Tuple2<Double, Double>(5.0, null),
                new Tuple2<>(6.0, 1.0), new Tuple2<>(5.0, 0.0), new Tuple2<>(4.0, 2.0))) {
            lenient.reduce(b, r);
        }
        Row r = lenient.finish(b);
        // a zero weight counts the response in n but adds no weight (the core's rule)
        assertThat(r.<Long>getAs("rejected")).isEqualTo(3L);
        assertThat(r.<Long>getAs("n")).isEqualTo(2L);
        assertThat(r.<Double>getAs("score")).isEqualTo(100.0);
    }

    @Test
    void aWeightedGroupWithZeroTotalWeightHasNullEstimates() {
        WeightedScoreAggregator agg = WeightedScoreAggregator.of(CesScale.EFFORT_5);
        WeightedBuffer buffer = agg.reduce(agg.zero(), new Tuple2<>(2.0, 0.0));
        Row r = agg.finish(buffer);
        assertThat(r.<Long>getAs("n")).isEqualTo(1L);
        assertThat(r.<Double>getAs("effectiveN")).isEqualTo(0.0);
        assertThat(r.isNullAt(r.fieldIndex("score"))).isTrue();
        assertThat(r.<String>getAs("scale")).isEqualTo("CES[1..5 effort]");
    }

    @Test
    void everyCoreScaleSurvivesTheSpecAndItsPrintedForm() {
        List<Scale> scales = List.of(NpsScale.STANDARD, NpsScale.of(1, 5, 3, 4), NpsScale.of(0, 10, 6, 6),
                NpsScale.of(-5, 5, 0, 2), CsatScale.FIVE_POINT, CsatScale.of(1, 7), CsatScale.of(0, 10),
                CsatScale.FIVE_POINT.withTopBox(1), CesScale.AGREEMENT_7, CesScale.EFFORT_5,
                CesScale.of(1, 10, Direction.HIGHER_IS_BETTER), CesScale.of(0, 4, Direction.LOWER_IS_BETTER));
        for (Scale scale : scales) {
            assertThat(ScaleSpec.of(scale).toScale()).as(scale.toString()).isEqualTo(scale);
            assertThat(Scale.parse(scale.toString())).as(scale.toString()).isEqualTo(scale);
        }
        assertThatThrownBy(() -> Scale.parse("NPS[0..11]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid NPS scale (only 0..10 has default categories");
    }

    @Test
    void aRowThatIsNotAResultIsRefused() {
        Row plain = RowFactory.create(1L, "x");
        assertThatThrownBy(() -> ScoreRows.toTally(plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid result row (valid rows are cxmetrics result structs with a field "
                        + "scale)");
        Row unweighted = NPS.finish(feed(NPS, 10.0));
        assertThatThrownBy(() -> ScoreRows.toWeightedTally(unweighted))
                .hasMessageStartingWith("Invalid result row (valid rows are cxmetrics result structs with a field "
                        + "sumOfWeights)");
        assertThat(ScoreRows.weightedSchema().fieldNames()).startsWith(ScoreRows.schema().fieldNames());
    }

    /** Rows compared value by value, arrays by content. */
    private static void assertSameResult(Row actual, Row expected) {
        assertThat(actual.schema()).isEqualTo(expected.schema());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as(expected.schema().fieldNames()[i]).isEqualTo(expected.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
