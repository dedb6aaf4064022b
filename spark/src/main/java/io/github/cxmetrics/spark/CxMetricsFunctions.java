package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.stats.Confidence;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * NPS, CSAT and CES as Spark column functions and SQL functions, on the default scales: NPS 0–10,
 * CSAT 1–5 (top-2 box), CES 1–7 agreement; 95 % intervals. Each returns the result struct of
 * {@link ScoreRows}.
 *
 * <p>Dataset API: {@code df.groupBy("channel").agg(nps(col("nps")).as("nps"))}. SQL: after
 * {@link #register(SparkSession)},
 * {@code SELECT channel, nps(nps).score, nps(nps).lower FROM responses GROUP BY channel}.
 *
 * <p>For another scale or level build an aggregator and register it under a name of your choice:
 * {@code spark.udf().register("csat7", ScoreAggregator.of(CsatScale.of(1, 7)).toUdaf())}.
 */
public final class CxMetricsFunctions {
    /** The SQL names that {@link #register(SparkSession)} defines. */
    public static final List<String> SQL_NAMES = List.of("nps", "csat", "ces", "weighted_nps", "weighted_csat",
            "weighted_ces");

    private CxMetricsFunctions() {
    }

    /** NPS (0–10) of a score column. */
    public static Column nps(Column score) {
        return ScoreAggregator.of(NpsScale.STANDARD).apply(score);
    }

    /** CSAT (1–5, % satisfied = 4–5) of a score column. */
    public static Column csat(Column score) {
        return ScoreAggregator.of(CsatScale.FIVE_POINT).apply(score);
    }

    /** CES (1–7 agreement, the mean) of a score column. */
    public static Column ces(Column score) {
        return ScoreAggregator.of(CesScale.AGREEMENT_7).apply(score);
    }

    /** Weighted NPS (0–10) of score and weight columns. */
    public static Column weightedNps(Column score, Column weight) {
        return WeightedScoreAggregator.of(NpsScale.STANDARD).apply(score, weight);
    }

    /** Weighted CSAT (1–5) of score and weight columns. */
    public static Column weightedCsat(Column score, Column weight) {
        return WeightedScoreAggregator.of(CsatScale.FIVE_POINT).apply(score, weight);
    }

    /** Weighted CES (1–7 agreement) of score and weight columns. */
    public static Column weightedCes(Column score, Column weight) {
        return WeightedScoreAggregator.of(CesScale.AGREEMENT_7).apply(score, weight);
    }

    /**
     * Registers {@code nps(score)}, {@code csat(score)}, {@code ces(score)},
     * {@code weighted_nps(score, weight)}, {@code weighted_csat(score, weight)} and
     * {@code weighted_ces(score, weight)} in the session, with 95 % intervals, failing on invalid
     * scores.
     */
    public static void register(SparkSession spark) {
        register(spark, Confidence.DEFAULT, InvalidScores.FAIL);
    }

    /**
     * Registers the functions of {@link #register(SparkSession)} with the given interval level and
     * handling of invalid scores.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public static void register(SparkSession spark, double confidence, InvalidScores invalidScores) {
        Objects.requireNonNull(spark, "spark");
        ScoreAggregator.requireConfidence(confidence);
        Objects.requireNonNull(invalidScores, "invalidScores");
        var udf = spark.udf();
        udf.register("nps", ScoreAggregator.of(NpsScale.STANDARD).withConfidence(confidence)
                .withInvalidScores(invalidScores).toUdaf());
        udf.register("csat", ScoreAggregator.of(CsatScale.FIVE_POINT).withConfidence(confidence)
                .withInvalidScores(invalidScores).toUdaf());
        udf.register("ces", ScoreAggregator.of(CesScale.AGREEMENT_7).withConfidence(confidence)
                .withInvalidScores(invalidScores).toUdaf());
        udf.register("weighted_nps", WeightedScoreAggregator.of(NpsScale.STANDARD).withConfidence(confidence)
                .withInvalidScores(invalidScores).toUdaf());
        udf.register("weighted_csat", WeightedScoreAggregator.of(CsatScale.FIVE_POINT).withConfidence(confidence)
                .withInvalidScores(invalidScores).toUdaf());
        udf.register("weighted_ces", WeightedScoreAggregator.of(CesScale.AGREEMENT_7).withConfidence(confidence)
                .withInvalidScores(invalidScores).toUdaf());
    }
}
