package io.github.cxmetrics.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of the cxmetrics SQL functions next to plain Spark SQL {@code count}/{@code avg} over
 * the same cached rows, in the test session (local[2]). Not a test: run it by hand, see
 * {@code docs/spark.md} for the command. Argument: the number of rows (default 5,000,000).
 */
public final class SparkThroughputBenchmark {
    private static final int RUNS = 5;

    private SparkThroughputBenchmark() {
    }

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        SparkSession spark = LocalSpark.session();
        CxMetricsFunctions.register(spark);
        Dataset<Row> responses = spark.range(0, rows, 1, 8)
                .map((MapFunction<Long, Row>) Responses::row, Encoders.row(Responses.SCHEMA))
                .cache();
        System.out.printf("cached %,d rows in %d partitions%n", responses.count(), responses.rdd().getNumPartitions());
        for (var info : spark.sparkContext().getRDDStorageInfo()) {
            System.out.printf("cache: %d of %d partitions in memory, %,d bytes%n", info.numCachedPartitions(),
                    info.numPartitions(), info.memSize());
        }
        responses.createOrReplaceTempView("responses");

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("plain count(nps), avg(nps)",
                "SELECT channel, count(nps), avg(nps) FROM responses GROUP BY channel");
        queries.put("nps(nps)",
                "SELECT channel, nps(nps) FROM responses GROUP BY channel");
        queries.put("plain count/avg of nps, csat, ces",
                "SELECT channel, count(nps), avg(nps), count(csat), avg(csat), count(ces), avg(ces) "
                        + "FROM responses GROUP BY channel");
        queries.put("nps, csat, ces",
                "SELECT channel, nps(nps), csat(csat), ces(ces) FROM responses GROUP BY channel");
        queries.put("count_if per scale point of nps, csat, ces",
                "SELECT channel, " + countIf("nps", 0, 10) + ", " + countIf("csat", 1, 5) + ", " + countIf("ces", 1, 7)
                        + " FROM responses GROUP BY channel");
        queries.put("plain weighted avg: sum(nps*weight)/sum(weight)",
                "SELECT channel, sum(nps * weight) / sum(CASE WHEN nps IS NOT NULL THEN weight END) "
                        + "FROM responses GROUP BY channel");
        queries.put("weighted_nps(nps, weight)",
                "SELECT channel, weighted_nps(nps, weight) FROM responses GROUP BY channel");

        System.out.printf("%-48s %12s %12s %14s%n", "query", "best s", "median s", "rows/s (best)");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            List<Double> seconds = new ArrayList<>();
            spark.sql(q.getValue()).collectAsList(); // warm-up: code generation, JIT
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                spark.sql(q.getValue()).collectAsList();
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            Collections.sort(seconds);
            double best = seconds.get(0);
            System.out.printf("%-48s %12.3f %12.3f %,14.0f%n", q.getKey(), best, seconds.get(RUNS / 2), rows / best);
        }
        spark.stop();
    }

    /**
     * The counts of every scale point of a column with Spark's own code-generated aggregates, and
     * the count of values off the scale: the tally the cxmetrics functions compute, without their
     * typed-aggregator path (issue 18 asks whether this path is faster).
     */
    private static String countIf(String column, int min, int max) {
        StringBuilder sb = new StringBuilder();
        for (int k = min; k <= max; k++) {
            sb.append("count_if(").append(column).append(" = ").append(k).append("), ");
        }
        return sb.append("count_if(").append(column).append(" NOT BETWEEN ").append(min).append(" AND ").append(max)
                .append(")").toString();
    }
}
