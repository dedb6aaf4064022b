package io.github.cxmetrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL functions on small hand-worked tables in real Spark: NULLs, column types, bad scores. */
class SparkSqlTest {
    private static SparkSession spark;

    private static final StructType SCHEMA = new StructType()
            .add("channel", DataTypes.StringType, false)
            .add("nps", DataTypes.IntegerType, true)
            .add("csat", DataTypes.IntegerType, true)
            .add("ces", DataTypes.IntegerType, true)
            .add("weight", DataTypes.DoubleType, true);

    @BeforeAll
    static void tables() {
        spark = LocalSpark.session();
        CxMetricsFunctions.register(spark);
        List<Row> rows = List.of(
                RowFactory.create("a", 10, 5, 7, 2.0),
                RowFactory.create("a", 9, 4, 5, 1.0),
                RowFactory.create("a", 9, 3, 6, 1.0),
                RowFactory.create("a", 7, 2, null, 1.0),
                RowFactory.create("a", 3, 1, null, 1.0),
                RowFactory.create("a", null, 5, null, null),
                RowFactory.create("b", null, null, 4, 1.0));
        spark.createDataFrame(rows, SCHEMA).repartition(3).createOrReplaceTempView("survey");
    }

    @Test
    void sqlFieldsOfTheResultStructAreHandWorked() {
        List<Row> rows = spark.sql("SELECT channel, nps(nps).score, nps(nps).n, nps(nps).standardError, "
                + "csat(csat).score, csat(csat).n, ces(ces).score, ces(ces).n, ces(ces).standardError "
                + "FROM survey GROUP BY channel ORDER BY channel").collectAsList();
        Row a = rows.get(0);
        // a: NPS of 10, 9, 9, 7, 3 (null skipped) = 100·(3 − 1)/5 = 40, SE = 100·√(0.64/5) = 35.77708763999664
        assertThat(a.getDouble(1)).isEqualTo(40.0);
        assertThat(a.getLong(2)).isEqualTo(5L);
        assertThat(a.getDouble(3)).isCloseTo(35.77708763999664, within(1e-12));
        // CSAT of 5, 4, 3, 2, 1, 5: 3 of 6 satisfied = 50 %
        assertThat(a.getDouble(4)).isEqualTo(50.0);
        assertThat(a.getLong(5)).isEqualTo(6L);
        // CES of 7, 5, 6: mean 6, SE = √(1/3) = 0.5773502691896257
        assertThat(a.getDouble(6)).isEqualTo(6.0);
        assertThat(a.getLong(7)).isEqualTo(3L);
        assertThat(a.getDouble(8)).isCloseTo(0.5773502691896257, within(1e-15));
        Row b = rows.get(1);
        // b: no NPS or CSAT answered (NULL estimates, n 0); one CES answer (no spread: NULL SE)
        assertThat(b.isNullAt(1)).isTrue();
        assertThat(b.getLong(2)).isZero();
        assertThat(b.isNullAt(4)).isTrue();
        assertThat(b.getDouble(6)).isEqualTo(4.0);
        assertThat(b.getLong(7)).isEqualTo(1L);
        assertThat(b.isNullAt(8)).isTrue();
    }

    @Test
    void weightedSqlIsHandWorked() {
        Row a = spark.sql("SELECT weighted_nps(nps, weight) AS r FROM survey WHERE channel = 'a'").first().getStruct(0);
        // 10 (w 2), 9, 9, 7, 3 (w 1): Σw = 6, NPS = 100·(4 − 1)/6 = 50, n_eff = 36/8 = 4.5
        assertThat(a.<Double>getAs("score")).isCloseTo(50.0, within(1e-12));
        assertThat(a.<Long>getAs("n")).isEqualTo(5L);
        assertThat(a.<Double>getAs("effectiveN")).isCloseTo(4.5, within(1e-12));
        assertThat(ScoreRows.toWeightedTally(a).toTally()).isEqualTo(
                Tally.of(NpsScale.STANDARD, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 1));
    }

    @Test
    void anyNumericColumnTypeIsAccepted() {
        Row r = spark.sql("SELECT nps(CAST(nps AS TINYINT)).score, nps(CAST(nps AS BIGINT)).score, "
                + "nps(CAST(nps AS DECIMAL(5, 2))).score, nps(CAST(nps AS FLOAT)).score, nps(nps * 1.0).score "
                + "FROM survey WHERE channel = 'a'").first();
        for (int i = 0; i < 5; i++) {
            assertThat(r.getDouble(i)).as("column %d", i).isEqualTo(40.0);
        }
    }

    @Test
    void anOutOfRangeScoreFailsTheJobWithTheCoreMessage() {
        spark.createDataFrame(List.of(RowFactory.create("a", 10, 5, 7, 1.0), RowFactory.create("a", 11, 6, 0, -1.0)),
                SCHEMA).createOrReplaceTempView("bad");
        assertRootCause(() -> spark.sql("SELECT nps(nps) FROM bad").collectAsList(),
                "Invalid value for NPS[0..10] (valid values 0 - 10): 11");
        assertRootCause(() -> spark.sql("SELECT channel, csat(csat).score FROM bad GROUP BY channel").collectAsList(),
                "Invalid value for CSAT[1..5] (valid values 1 - 5): 6");
        assertRootCause(() -> spark.sql("SELECT ces(ces) FROM bad").collectAsList(),
                "Invalid value for CES[1..7] (valid values 1 - 7): 0");
        assertRootCause(() -> spark.sql("SELECT csat(csat / 2 + 1) FROM survey WHERE csat = 5").collectAsList(),
                "Invalid value for CSAT[1..5] (valid values 1 - 5): 3.5");
        assertRootCause(() -> spark.sql("SELECT weighted_nps(10, weight) FROM bad").collectAsList(),
                "Invalid value for weight (valid values 0 or 2^-64 - 2^64): -1.0");
        assertRootCause(() -> spark.sql("SELECT weighted_csat(csat, weight) FROM survey").collectAsList(),
                "Missing value for weight (valid values 0 or 2^-64 - 2^64): null");
    }

    @Test
    void underRejectInvalidScoresAreCountedNotFatal() {
        SparkSession lenient = spark.newSession();
        CxMetricsFunctions.register(lenient, 0.9, InvalidScores.REJECT);
        List<Row> bad = List.of(RowFactory.create("a", 10, 5, 7, 1.0), RowFactory.create("a", 11, 6, 0, -1.0),
                RowFactory.create("a", 12, null, 8, 1.0), RowFactory.create("a", null, 2, 1, 1.0));
        lenient.createDataFrame(bad, SCHEMA).createOrReplaceTempView("bad");
        Row r = lenient.sql("SELECT nps(nps) AS nps, csat(csat) AS csat, ces(ces) AS ces, "
                + "weighted_nps(nps, weight) AS wnps FROM bad").first();
        // NPS: 10 counted; 11, 12 rejected; NULL skipped
        assertThat(r.getStruct(0).<Long>getAs("n")).isEqualTo(1L);
        assertThat(r.getStruct(0).<Long>getAs("rejected")).isEqualTo(2L);
        assertThat(r.getStruct(0).<Double>getAs("confidence")).isEqualTo(0.9);
        // CSAT: 5 and 2 counted, 6 rejected; CES: 7 and 1 counted, 0 and 8 rejected
        assertThat(r.getStruct(1).<Long>getAs("n")).isEqualTo(2L);
        assertThat(r.getStruct(1).<Long>getAs("rejected")).isEqualTo(1L);
        assertThat(r.getStruct(2).<Long>getAs("n")).isEqualTo(2L);
        assertThat(r.getStruct(2).<Long>getAs("rejected")).isEqualTo(2L);
        // weighted NPS: (10, 1) counted; (11, −1) and (12, 1) rejected
        assertThat(r.getStruct(3).<Long>getAs("n")).isEqualTo(1L);
        assertThat(r.getStruct(3).<Long>getAs("rejected")).isEqualTo(2L);
        // the default session's nps still fails on the same rows
        assertRootCause(() -> spark.createDataFrame(bad, SCHEMA).filter("nps > 10 AND nps < 12")
                .selectExpr("nps(nps)").collectAsList(), "Invalid value for NPS[0..10] (valid values 0 - 10): 11");
    }

    @Test
    void anAggregatorOnAnotherScaleRegistersUnderItsOwnName() {
        spark.udf().register("csat_top1", ScoreAggregator.of(CsatScale.FIVE_POINT.withTopBox(1)).toUdaf());
        Dataset<Row> result = spark.sql("SELECT csat_top1(csat) AS r FROM survey WHERE channel = 'a'");
        Row r = result.first().getStruct(0);
        // top-1 box: 5, 5 of 5, 4, 3, 2, 1, 5 → 2 of 6 = 33.33… %
        assertThat(r.<Double>getAs("score")).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(r.<String>getAs("scale")).isEqualTo("CSAT[1..5; top-1]");
        assertThat(result.schema().apply("r").dataType()).isEqualTo(ScoreRows.schema());
    }

    @Test
    void severalFieldsOfOneResultAreOneAggregationInSqlAndInTheDatasetApi() {
        String sql = spark.sql("SELECT channel, nps(nps).score, nps(nps).lower, nps(nps).upper FROM survey "
                + "GROUP BY channel").queryExecution().executedPlan().toString();
        Dataset<Row> dsl = spark.table("survey").groupBy("channel").agg(
                CxMetricsFunctions.nps(col("nps")).getField("score"),
                CxMetricsFunctions.nps(col("nps")).getField("lower"),
                CxMetricsFunctions.weightedNps(col("nps"), col("weight")).getField("score"),
                CxMetricsFunctions.weightedNps(col("nps"), col("weight")).getField("upper"));
        String dslPlan = dsl.queryExecution().executedPlan().toString();
        assertThat(occurrences(sql, "partial_nps(")).isEqualTo(1);
        assertThat(occurrences(dslPlan, "partial_nps(")).isEqualTo(1);
        assertThat(occurrences(dslPlan, "partial_weighted_nps(")).isEqualTo(1);
        assertThat(dsl.columns()).contains("nps(nps).score", "weighted_nps(nps, weight).upper");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void assertRootCause(ThrowingCallable job, String message) {
        assertThatThrownBy(job).satisfies(t -> {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        });
    }
}
