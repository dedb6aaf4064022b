package io.github.cxmetrics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.cli.Main;
import io.github.cxmetrics.report.archive.ReportArchive;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.report.scan.ReportTallies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReportJob} in local[2] against {@code cxmetrics report} ({@code Main.run}) on the same
 * generated exports and options: byte-identical table and JSON (the input's name is the path in
 * both), with a trend, two segment columns, targets, weights and a KTO survey; the tallies do not
 * depend on the partitioning.
 */
class ReportJobTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static Path export;
    private static Path survey;

    @BeforeAll
    static void setUp() throws IOException {
        spark = LocalSpark.session();
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("response_id,submitted_at,channel,region,nps,csat,ces,"
                + "first_response_minutes,resolved_first_contact,weight,q1,q2,comment\n");
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 60_000; i++) {
            csv.append(i).append(',').append(Instant.ofEpochSecond(start + r.nextLong(300L * 86_400))).append(',')
                    .append(List.of("phone", "chat", "email", "store").get(r.nextInt(4))).append(',')
                    .append(List.of("north", "south", "east").get(r.nextInt(3))).append(',')
                    .append(r.nextInt(6) == 0 ? "" : String.valueOf(r.nextInt(11))).append(',')
                    .append(r.nextInt(3) == 0 ? "NA" : String.valueOf(1 + r.nextInt(5))).append(',')
                    .append(r.nextInt(2) == 0 ? "" : String.valueOf(1 + r.nextInt(7))).append(',')
                    .append(r.nextInt(800) / 4.0).append(',').append(r.nextBoolean() ? "yes" : "no").append(',')
                    .append((1 + r.nextInt(20)) / 8.0).append(',')
                    .append(r.nextInt(5) == 0 ? "" : String.valueOf(1 + r.nextInt(5))).append(',')
                    .append(r.nextInt(5) == 0 ? "" : String.valueOf(1 + r.nextInt(7))).append(',')
                    .append(r.nextInt(10) == 0 ? "\"slow, but \"\"fine\"\"\"" : "ok").append('\n');
        }
        export = Files.writeString(dir.resolve("responses.csv"), csv);
        survey = Files.writeString(dir.resolve("kto.txt"), "min-answered 1\nq1 csat 1-5 weight=2\nq2 ces 1-7\n");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run core(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run job(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportJob.run(spark, args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertSame(String... options) {
        for (String format : List.of("table", "json")) {
            List<String> args = new ArrayList<>(List.of(export.toString()));
            args.addAll(List.of(options));
            args.addAll(List.of("--format", format, "--as-of", "2026-12-01"));
            List<String> command = new ArrayList<>(List.of("report"));
            command.addAll(args);
            Run a = core(command);
            Run b = job(args);
            assertThat(a.code()).as(a.err()).isZero();
            assertThat(b.code()).as(b.err()).isZero();
            assertThat(b.out()).as(format + " " + String.join(" ", options)).isEqualTo(a.out());
        }
    }

    @Test
    void weeklyReportWithSegmentsAndTargetsIsTheCommandsReport() {
        assertSame("--by", "week", "--segment", "channel", "--segment", "region", "--target", "nps>=30",
                "--target", "csat>=60% by 2026-12-31", "--target", "response.mean<2h");
    }

    @Test
    void weightedReportIsTheCommandsReport() {
        assertSame("--by", "month", "--segment", "channel", "--weight", "weight", "--target", "fcr>=50%",
                "--calendar");
    }

    @Test
    void ktoSurveyReportIsTheCommandsReport() {
        assertSame("--by", "quarter", "--survey", survey.toString(), "--segment", "region");
    }

    /** One million rows: the job's JSON is the command's, weighted, by week, two segment columns. */
    @Test
    void aMillionRowsGiveTheCommandsReport() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        Path big = dir.resolve("million.csv");
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        try (var w = Files.newBufferedWriter(big)) {
            w.write("submitted_at,channel,region,nps,csat,weight\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 1_000_000; i++) {
                line.setLength(0);
                line.append(Instant.ofEpochSecond(start + r.nextLong(300L * 86_400))).append(',')
                        .append(List.of("phone", "chat", "email", "store").get(r.nextInt(4))).append(',')
                        .append(List.of("north", "south", "east").get(r.nextInt(3))).append(',')
                        .append(r.nextInt(8) == 0 ? "" : String.valueOf(r.nextInt(11))).append(',')
                        .append(r.nextInt(3) == 0 ? "" : String.valueOf(1 + r.nextInt(5))).append(',')
                        .append((1 + r.nextInt(20)) / 8.0).append('\n');
                w.write(line.toString());
            }
        }
        List<String> args = List.of(big.toString(), "--by", "week", "--segment", "channel", "--segment", "region",
                "--weight", "weight", "--format", "json", "--as-of", "2026-12-01");
        List<String> command = new ArrayList<>(List.of("report"));
        command.addAll(args);
        Run a = core(command);
        Run b = job(args);
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("\"rows\": 1000000").isEqualTo(a.out());
    }

    @Test
    void savedTalliesOfTheJobGiveTheReportAgain() {
        Path store = dir.resolve("store");
        Run saved = job(List.of(export.toString(), "--by", "month", "--segment", "channel", "--format", "json",
                "--save-tallies", store.toString()));
        assertThat(saved.code()).as(saved.err()).isZero();
        Run again = core(List.of("report", "--from-tallies", store.toString(), "--format", "json"));
        assertThat(again.out()).isEqualTo(saved.out());
    }

    @Test
    void parquetGivesTheNumbersOfTheCsv() {
        Path parquet = dir.resolve("responses.parquet");
        spark.read().option("header", "true").csv(export.toString()).repartition(3).write().parquet(
                parquet.toString());
        Run fromCsv = job(List.of(export.toString(), "--by", "month", "--segment", "region", "--format", "json"));
        Run fromParquet = job(List.of(parquet.toString(), "--by", "month", "--segment", "region", "--format",
                "json"));
        assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
        // the input section names the file and its detected layout; every number after it is the same
        String csvNumbers = fromCsv.out().substring(fromCsv.out().indexOf("\"confidence\""));
        String parquetNumbers = fromParquet.out().substring(fromParquet.out().indexOf("\"confidence\""));
        assertThat(parquetNumbers).isEqualTo(csvNumbers);
    }

    @Test
    void theTalliesDoNotDependOnThePartitioning() {
        ReportGrouping g = ReportGrouping.defaults().withBy(io.github.cxmetrics.calendar.Granularity.WEEK)
                .withSegment("channel").withWeightColumn("weight");
        Dataset<Row> rows = SparkReport.read(spark, export.toString(), g);
        String one = text(SparkReport.tallies(rows.coalesce(1), g, "x", null), g);
        String seven = text(SparkReport.tallies(rows.repartition(7), g, "x", null), g);
        assertThat(seven).isEqualTo(one);
    }

    private static String text(ReportTallies t, ReportGrouping g) {
        String[] texts = ReportArchive.format(t, g);
        return texts[0] + texts[1];
    }

    @Test
    void refusalsAndUsageErrorsAreTheCommands() {
        Run rake = job(List.of(export.toString(), "--rake", "channel=phone:0.25,chat:0.25,email:0.25,store:0.25"));
        assertThat(rake.code()).isEqualTo(1);
        assertThat(rake.err()).startsWith("cxmetrics: --rake cannot be combined with the Spark report");
        Run usage = job(List.of(export.toString(), "--bogus"));
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo(core(List.of("report", export.toString(), "--bogus")).err());
    }
}
