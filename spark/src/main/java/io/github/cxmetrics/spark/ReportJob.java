package io.github.cxmetrics.spark;

import io.github.cxmetrics.cli.ReportArguments;
import io.github.cxmetrics.cli.UsageException;
import io.github.cxmetrics.io.ExportLayout;
import io.github.cxmetrics.report.Report;
import java.io.PrintStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code cxmetrics report} as a Spark job: the same arguments (the input path first, then the
 * options, {@code --format}, {@code --output} and {@code --save-tallies} included), CSV or Parquet
 * from any path Spark reads, the same report ({@link SparkReport} says where it can differ). The
 * master comes from {@code spark-submit} or {@code -Dspark.master=local[2]}.
 *
 * <pre>{@code
 * spark-submit --class io.github.cxmetrics.spark.ReportJob \
 *   --jars cxmetrics-0.1.0.jar cxmetrics-spark-0.1.0.jar \
 *   hdfs:///exports/responses.csv --by week --segment channel --format json --output report.json
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReportJob {
    private ReportJob() {
    }

    /** Runs the job; exits 0, 1 (bad data, I/O) or 2 (bad usage), as {@code cxmetrics report}. */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("cxmetrics report").getOrCreate();
        int code;
        try {
            code = run(spark, args, System.out, System.err);
        } finally {
            spark.stop();
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the report on a session, writing the output and error lines as the command does.
     *
     * @return the exit code: 0, 1 (bad data, I/O) or 2 (bad usage)
     */
    public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        try {
            ReportArguments a = ReportArguments.parse(args);
            ExportLayout layout = SparkReport.isParquet(a.input()) ? null
                    : SparkReport.layout(spark, a.input(), a.options().grouping());
            Dataset<Row> rows = SparkReport.read(spark, a.input(), a.options().grouping());
            Report report = SparkReport.report(rows, a.options(), a.input(), layout);
            a.write(report, out);
            out.flush();
            return 0;
        } catch (UsageException e) {
            err.println("cxmetrics: " + e.getMessage());
            return 2;
        } catch (RuntimeException | java.io.IOException e) {
            Throwable cause = e;
            while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof org.apache.spark.SparkException
                    || cause instanceof java.io.UncheckedIOException)) {
                cause = cause.getCause();
            }
            err.println("cxmetrics: " + cause.getMessage());
            return 1;
        }
    }
}
