package io.github.cxmetrics.spark;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Rows per second of the whole Spark report ({@link SparkReport#report}: trend by week, segments by
 * channel, NPS, CSAT and CES with intervals, changes, control limits, vs rest) next to plain Spark
 * SQL computing only the week × channel {@code count}/{@code avg} of the three scores, over the same
 * cached rows in the same session (local[2]). Not a test: run it by hand, see {@code docs/spark.md}.
 * Argument: the number of rows (default 1,000,000).
 */
public final class ReportJobBenchmark {
    private static final int RUNS = 5;

    private ReportJobBenchmark() {
    }

    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        SparkSession spark = LocalSpark.session();
        Dataset<Row> responses = spark.range(0, rows, 1, 8).selectExpr(
                "cast(timestamp_seconds(1767225600 + (id * 7919) % (300 * 86400)) as string) as ts",
                "element_at(array('phone','chat','email','store'), cast(id % 4 + 1 as int)) as channel",
                "case when id % 17 = 0 then null else cast((id * 31) % 11 as string) end as nps",
                "case when id % 13 = 0 then null else cast((id * 7) % 5 + 1 as string) end as csat",
                "case when id % 11 = 0 then null else cast((id * 3) % 7 + 1 as string) end as ces")
                .selectExpr("concat(replace(ts, ' ', 'T'), 'Z') as submitted_at", "channel", "nps", "csat", "ces")
                .cache();
        System.out.printf("cached %,d rows in %d partitions%n", responses.count(), responses.rdd().getNumPartitions());
        responses.createOrReplaceTempView("responses");
        String plain = "SELECT date_trunc('week', to_timestamp(submitted_at)) AS week, channel, "
                + "count(nps), avg(cast(nps AS int)), count(csat), avg(cast(csat AS int)), count(ces), "
                + "avg(cast(ces AS int)) FROM responses GROUP BY 1, 2";
        ReportOptions options = ReportOptions.of(ReportGrouping.defaults().withBy(Granularity.WEEK)
                .withSegment("channel"));
        System.out.printf("%-44s %10s %10s %14s%n", "query", "best s", "median s", "rows/s (best)");
        time("plain SQL week x channel count/avg", rows, () -> spark.sql(plain).collectAsList().size());
        time("Spark report (tallies + report)", rows, () -> SparkReport.report(responses, options, "bench", null)
                .segments().size());
    }

    private static void time(String name, long rows, Supplier<Integer> run) {
        run.get(); // warm-up: code generation, JIT
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.get();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        Collections.sort(seconds);
        System.out.printf("%-44s %10.3f %10.3f %,14.0f%n", name, seconds.get(0), seconds.get(RUNS / 2),
                rows / seconds.get(0));
    }
}
