/**
 * cxmetrics on Apache Spark: aggregators that tally NPS, CSAT and CES scores exactly across a
 * cluster and finish them with the core's scores and intervals.
 *
 * <p>{@link io.github.cxmetrics.spark.CxMetricsFunctions} has the column functions and registers
 * the SQL functions {@code nps}, {@code csat}, {@code ces} and their weighted forms;
 * {@link io.github.cxmetrics.spark.ScoreAggregator} and
 * {@link io.github.cxmetrics.spark.WeightedScoreAggregator} take any core scale;
 * {@link io.github.cxmetrics.spark.ScoreRows} describes the result struct and turns a collected
 * result back into the core's {@code Tally} or {@code WeightedTally}, so that comparisons and
 * everything else in the core run on Spark-aggregated data.
 */
package io.github.cxmetrics.spark;
