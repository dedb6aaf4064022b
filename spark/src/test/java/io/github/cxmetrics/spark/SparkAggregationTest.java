package io.github.cxmetrics.spark;

import static io.github.cxmetrics.spark.CxMetricsFunctions.ces;
import static io.github.cxmetrics.spark.CxMetricsFunctions.csat;
import static io.github.cxmetrics.spark.CxMetricsFunctions.nps;
import static io.github.cxmetrics.spark.CxMetricsFunctions.weightedCes;
import static io.github.cxmetrics.spark.CxMetricsFunctions.weightedCsat;
import static io.github.cxmetrics.spark.CxMetricsFunctions.weightedNps;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Comparisons;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One million generated responses in 8 partitions, aggregated per channel by real Spark (local[2],
 * 2 shuffle partitions), against the core run in this process over the same responses.
 */
class SparkAggregationTest {
    private static final int ROWS = 1_000_000;
    private static final int PARTITIONS = 8;

    private static SparkSession spark;
    private static Dataset<Row> responses;
    /** The reference: the core's accumulators fed one response at a time, per channel. */
    private static final Map<String, Tally> NPS = new HashMap<>();
    private static final Map<String, Tally> CSAT = new HashMap<>();
    private static final Map<String, Tally> CES = new HashMap<>();
    private static final Map<String, WeightedTally> W_NPS = new HashMap<>();
    private static final Map<String, WeightedTally> W_CSAT = new HashMap<>();
    private static final Map<String, WeightedTally> W_CES = new HashMap<>();

    @BeforeAll
    static void generate() {
        spark = LocalSpark.session();
        responses = spark.range(0, ROWS, 1, PARTITIONS)
                .map((MapFunction<Long, Row>) Responses::row, Encoders.row(Responses.SCHEMA))
                .cache();
        responses.createOrReplaceTempView("responses");
        CxMetricsFunctions.register(spark);

        Map<String, TallyAccumulator[]> acc = new HashMap<>();
        Map<String, WeightedTallyAccumulator[]> wacc = new HashMap<>();
        for (String channel : Responses.CHANNELS) {
            acc.put(channel, new TallyAccumulator[] {new TallyAccumulator(NpsScale.STANDARD),
                new TallyAccumulator(CsatScale.FIVE_POINT), new TallyAccumulator(CesScale.AGREEMENT_7)});
            wacc.put(channel, new WeightedTallyAccumulator[] {new WeightedTallyAccumulator(NpsScale.STANDARD),
                new WeightedTallyAccumulator(CsatScale.FIVE_POINT), new WeightedTallyAccumulator(CesScale.AGREEMENT_7)});
        }
        for (long id = 0; id < ROWS; id++) {
            String channel = Responses.channel(id);
            Integer[] scores = {Responses.nps(id), Responses.csat(id), Responses.ces(id)};
            double weight = Responses.weight(id);
            for (int m = 0; m < 3; m++) {
                if (scores[m] != null) {
                    acc.get(channel)[m].add(scores[m].intValue());
                    wacc.get(channel)[m].add(scores[m], weight);
                }
            }
        }
        for (String channel : Responses.CHANNELS) {
            NPS.put(channel, acc.get(channel)[0].snapshot());
            CSAT.put(channel, acc.get(channel)[1].snapshot());
            CES.put(channel, acc.get(channel)[2].snapshot());
            W_NPS.put(channel, wacc.get(channel)[0].snapshot());
            W_CSAT.put(channel, wacc.get(channel)[1].snapshot());
            W_CES.put(channel, wacc.get(channel)[2].snapshot());
        }
    }

    @Test
    void theDataIsSpreadOverSeveralPartitionsWithNullsAndEveryChannelInEach() {
        assertThat(responses.rdd().getNumPartitions()).isEqualTo(PARTITIONS);
        assertThat(responses.count()).isEqualTo(ROWS);
        assertThat(responses.filter(col("nps").isNull()).count()).isBetween(40_000L, 60_000L);
        long channelsPerPartition = responses.select(functions.spark_partition_id().as("p"), col("channel"))
                .distinct().count();
        assertThat(channelsPerPartition).isEqualTo((long) PARTITIONS * Responses.CHANNELS.size());
    }

    @Test
    void datasetApiGivesExactlyTheCoreResultsPerChannel() {
        List<Row> rows = responses.groupBy("channel")
                .agg(nps(col("nps")).as("nps"), csat(col("csat")).as("csat"), ces(col("ces")).as("ces"))
                .collectAsList();
        assertThat(rows).hasSize(Responses.CHANNELS.size());
        for (Row row : rows) {
            String channel = row.getString(0);
            assertNps(row.getStruct(1), NPS.get(channel));
            assertCsat(row.getStruct(2), CSAT.get(channel));
            assertCes(row.getStruct(3), CES.get(channel));
        }
    }

    @Test
    void sqlGivesExactlyTheCoreResultsPerChannel() {
        List<Row> rows = spark.sql("SELECT channel, nps(nps).score AS nps_score, nps(nps).lower AS nps_lower, "
                + "nps(nps) AS nps, csat(csat) AS csat, ces(ces) AS ces "
                + "FROM responses GROUP BY channel ORDER BY channel").collectAsList();
        assertThat(rows).extracting(r -> r.getString(0)).containsExactlyElementsOf(Responses.CHANNELS);
        for (Row row : rows) {
            String channel = row.getString(0);
            Nps expected = Nps.of(NPS.get(channel));
            assertThat(row.getDouble(1)).isEqualTo(expected.score());
            assertThat(row.getDouble(2)).isEqualTo(expected.interval(0.95).lower());
            assertNps(row.getStruct(3), NPS.get(channel));
            assertCsat(row.getStruct(4), CSAT.get(channel));
            assertCes(row.getStruct(5), CES.get(channel));
        }
    }

    @Test
    void weightedResultsAndExactWeightSumsEqualTheCore() {
        List<Row> rows = responses.groupBy("channel")
                .agg(weightedNps(col("nps"), col("weight")).as("nps"),
                        weightedCsat(col("csat"), col("weight")).as("csat"),
                        weightedCes(col("ces"), col("weight")).as("ces"))
                .collectAsList();
        List<Row> sqlRows = spark.sql("SELECT channel, weighted_nps(nps, weight) AS nps FROM responses "
                + "GROUP BY channel").collectAsList();
        assertThat(rows).hasSize(Responses.CHANNELS.size());
        for (Row row : rows) {
            String channel = row.getString(0);
            WeightedTally nps = W_NPS.get(channel);
            // exact: the same counts and the same Σw, Σw² to the last binary digit
            assertThat(ScoreRows.toWeightedTally(row.getStruct(1))).isEqualTo(nps);
            assertThat(ScoreRows.toWeightedTally(row.getStruct(2))).isEqualTo(W_CSAT.get(channel));
            assertThat(ScoreRows.toWeightedTally(row.getStruct(3))).isEqualTo(W_CES.get(channel));
            Nps expected = Nps.of(nps);
            Row result = row.getStruct(1);
            assertThat(result.<Double>getAs("score")).isEqualTo(expected.score());
            assertThat(result.<Long>getAs("n")).isEqualTo(expected.n());
            assertThat(result.<Double>getAs("effectiveN")).isEqualTo(expected.effectiveN());
            assertThat(result.<Double>getAs("standardError")).isEqualTo(expected.standardError());
            assertThat(result.<Double>getAs("lower")).isEqualTo(expected.interval(0.95).lower());
            assertThat(result.<Double>getAs("upper")).isEqualTo(expected.interval(0.95).upper());
            Csat csatExpected = Csat.of(W_CSAT.get(channel));
            assertThat(row.getStruct(2).<Double>getAs("score")).isEqualTo(csatExpected.score());
            assertThat(row.getStruct(2).<Double>getAs("upper")).isEqualTo(csatExpected.interval(0.95).upper());
            Ces cesExpected = Ces.of(W_CES.get(channel));
            assertThat(row.getStruct(3).<Double>getAs("score")).isEqualTo(cesExpected.score());
            assertThat(row.getStruct(3).<Double>getAs("lower")).isEqualTo(cesExpected.interval(0.95).lower());
        }
        for (Row row : sqlRows) {
            assertThat(ScoreRows.toWeightedTally(row.getStruct(1))).isEqualTo(W_NPS.get(row.getString(0)));
        }
    }

    @Test
    void mergeCombinesTheNonEmptyPartialTalliesOfEveryPartition() {
        MergeCounting.NON_EMPTY_MERGES.set(0);
        List<Row> rows = responses.groupBy("channel")
                .agg(functions.udaf(new MergeCounting(ScoreAggregator.of(NpsScale.STANDARD)), Encoders.DOUBLE())
                        .apply(col("nps")).as("nps"))
                .collectAsList();
        for (Row row : rows) {
            assertNps(row.getStruct(1), NPS.get(row.getString(0)));
        }
        // Each channel occurs in all 8 input partitions, so its 8 non-empty partial tallies need at
        // least 7 merges of two non-empty buffers: at least 4 × 7 = 28 in all.
        assertThat(MergeCounting.NON_EMPTY_MERGES.get()).isGreaterThanOrEqualTo(28);
    }

    @Test
    void talliesComeBackToTheDriverAndTheCoreComparesThem() {
        Map<String, Tally> fromSpark = new HashMap<>();
        for (Row row : spark.sql("SELECT channel, nps(nps) AS nps FROM responses GROUP BY channel").collectAsList()) {
            fromSpark.put(row.getString(0), ScoreRows.toTally(row.getStruct(1)));
        }
        assertThat(fromSpark).isEqualTo(NPS);
        // chat (uniform scores) against email (the maximum of two): a large, significant difference
        var comparison = Comparisons.nps(Nps.of(fromSpark.get("email")), Nps.of(fromSpark.get("chat")), 0.95);
        assertThat(comparison).isEqualTo(Comparisons.nps(Nps.of(NPS.get("email")), Nps.of(NPS.get("chat")), 0.95));
        assertThat(comparison.isSignificant()).isTrue();
        Tally all = fromSpark.values().stream().reduce(Tally.empty(NpsScale.STANDARD), Tally::plus);
        Row overall = spark.sql("SELECT nps(nps) AS nps FROM responses").first().getStruct(0);
        assertThat(ScoreRows.toTally(overall)).isEqualTo(all);
    }

    @Test
    void typedDatasetOfScoresWithToColumn() {
        Dataset<Double> scores = responses.filter(col("channel").equalTo("web"))
                .select(col("ces").cast("double")).as(Encoders.DOUBLE());
        Row result = scores.select(ScoreAggregator.of(CesScale.AGREEMENT_7).toColumn()).first();
        assertCes(result, CES.get("web"));
    }

    private static void assertNps(Row result, Tally expected) {
        assertThat(ScoreRows.toTally(result)).isEqualTo(expected);
        Nps nps = Nps.of(expected);
        assertFields(result, expected, nps.score(), nps.standardError(), nps.interval(0.95));
    }

    private static void assertCsat(Row result, Tally expected) {
        assertThat(ScoreRows.toTally(result)).isEqualTo(expected);
        Csat csat = Csat.of(expected);
        assertFields(result, expected, csat.score(), 100 * csat.satisfiedShare().standardError(), csat.interval(0.95));
    }

    private static void assertCes(Row result, Tally expected) {
        assertThat(ScoreRows.toTally(result)).isEqualTo(expected);
        Ces ces = Ces.of(expected);
        assertFields(result, expected, ces.score(), ces.mean().standardError(), ces.interval(0.95));
    }

    private static void assertFields(Row result, Tally tally, double score, double se, Interval interval) {
        assertThat(result.<Double>getAs("score")).isEqualTo(score);
        assertThat(result.<Long>getAs("n")).isEqualTo(tally.n());
        assertThat(result.<Double>getAs("standardError")).isEqualTo(se);
        assertThat(result.<Double>getAs("lower")).isEqualTo(interval.lower());
        assertThat(result.<Double>getAs("upper")).isEqualTo(interval.upper());
        assertThat(result.<Double>getAs("confidence")).isEqualTo(0.95);
        assertThat(result.<Long>getAs("rejected")).isZero();
        assertThat(result.<String>getAs("scale")).isEqualTo(tally.scale().toString());
    }

    /** Delegates to a ScoreAggregator and counts the merges in which both buffers hold responses. */
    static final class MergeCounting extends Aggregator<Double, long[], Row> {
        private static final long serialVersionUID = 1L;
        static final AtomicLong NON_EMPTY_MERGES = new AtomicLong();
        private final ScoreAggregator delegate;

        MergeCounting(ScoreAggregator delegate) {
            this.delegate = delegate;
        }

        @Override
        public long[] zero() {
            return delegate.zero();
        }

        @Override
        public long[] reduce(long[] buffer, Double score) {
            return delegate.reduce(buffer, score);
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            if (total(a) > 0 && total(b) > 0) {
                NON_EMPTY_MERGES.incrementAndGet();
            }
            return delegate.merge(a, b);
        }

        private static long total(long[] buffer) {
            long sum = 0;
            for (long c : buffer) {
                sum += c;
            }
            return sum;
        }

        @Override
        public Row finish(long[] buffer) {
            return delegate.finish(buffer);
        }

        @Override
        public Encoder<long[]> bufferEncoder() {
            return delegate.bufferEncoder();
        }

        @Override
        public Encoder<Row> outputEncoder() {
            return delegate.outputEncoder();
        }
    }

}
