package io.github.cxmetrics.spark;

import io.github.cxmetrics.io.ExportFormat;
import io.github.cxmetrics.io.ExportLayout;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.archive.ReportArchive;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.report.scan.ReportTallies;
import io.github.cxmetrics.report.scan.Scan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The whole cxmetrics report on Spark: Spark tallies the export, the core turns the tallies into
 * the report. Counts are the sufficient statistic, and the core adds tallies exactly
 * ({@link ReportTallies#plus}), so the report does not depend on how the rows were partitioned.
 *
 * <p>How: each partition's rows are written as a plain CSV export in memory (its header, then its
 * rows, RFC 4180 quoting) and read by the core's scan ({@link Scan#read(byte[], String,
 * ReportGrouping)}: the same cell rules as {@code cxmetrics report}, missing-value markers, labels
 * and timestamp forms included); each partition's tallies travel to the driver in the stored-tally
 * text form ({@link ReportArchive#format}) and are added there in partition order.
 *
 * <p>What differs from {@code cxmetrics report FILE}: a bad row's line number in a message counts
 * from the start of its partition; exports in a survey tool's layout (Qualtrics, SurveyMonkey,
 * several header rows, {@code sep=} lines) are refused (export a plain CSV, or run
 * {@code cxmetrics report}); {@code --rake} and {@code --respondent} are refused (raking factors and
 * respondent deduplication need all rows at once); Spark's CSV reader stops at a row with the wrong
 * number of fields or a line break inside a quoted field. See docs/spark.md.
 *
 * @since 0.1.0
 */
public final class SparkReport {
    private static final int HEAD_BYTES = 1 << 20;

    private SparkReport() {
    }

    /**
     * Reads an export for the report: Parquet when the path ends in {@code .parquet}, else CSV with a
     * header row, every column as text, in the delimiter and encoding detected on the driver (or
     * given in the grouping).
     *
     * @throws IllegalArgumentException if the export is in a layout the Spark report does not read
     * @throws UncheckedIOException if its first bytes cannot be read
     */
    public static Dataset<Row> read(SparkSession spark, String path, ReportGrouping grouping) {
        if (isParquet(path)) {
            Dataset<Row> d = spark.read().parquet(path);
            List<Column> text = new ArrayList<>();
            for (String c : d.columns()) {
                text.add(functions.col("`" + c.replace("`", "``") + "`").cast("string").as(c));
            }
            return d.select(text.toArray(Column[]::new));
        }
        ExportLayout layout = layout(spark, path, grouping);
        return spark.read().option("header", "true").option("sep", String.valueOf(layout.delimiter()))
                .option("quote", "\"").option("escape", "\"").option("mode", "FAILFAST")
                .option("encoding", layout.charset().name()).option("inferSchema", "false").csv(path);
    }

    /**
     * The layout of a CSV export as {@code cxmetrics report} detects it, from its first MiB (the
     * first file of a folder), refused when the Spark report cannot read it alike.
     *
     * @throws IllegalArgumentException for a survey tool's layout, several header rows or a
     *     {@code sep=} line, naming it
     */
    public static ExportLayout layout(SparkSession spark, String path, ReportGrouping grouping) {
        byte[] head;
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus status = fs.getFileStatus(p);
            if (status.isDirectory()) {
                FileStatus first = null;
                for (FileStatus f : fs.listStatus(p)) {
                    String name = f.getPath().getName();
                    if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")
                            && (first == null || name.compareTo(first.getPath().getName()) < 0)) {
                        first = f;
                    }
                }
                if (first == null) {
                    throw new IllegalArgumentException("No data file in " + path);
                }
                p = first.getPath();
            }
            try (InputStream in = fs.open(p)) {
                head = in.readNBytes(HEAD_BYTES);
            }
            ExportLayout layout = Scan.layout(cutToLastLine(head), grouping);
            if (layout.format() != ExportFormat.PLAIN || layout.headerRows() != 1 || layout.excelSepLine()
                    || layout.skippedRows() != 0) {
                throw new IllegalArgumentException("The Spark report reads plain CSV exports with one header row; "
                        + path + " is read as " + layout.format() + " with " + layout.headerRows() + " header rows"
                        + (layout.excelSepLine() ? " and a sep= line" : "") + ": export it as plain CSV, or run "
                        + "cxmetrics report on it");
            }
            return layout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes up to the last line end (a whole first MiB of rows), or all when there is none. */
    private static byte[] cutToLastLine(byte[] head) {
        for (int i = head.length - 1; i >= 0; i--) {
            if (head[i] == '\n') {
                return java.util.Arrays.copyOf(head, i + 1);
            }
        }
        return head;
    }

    /**
     * The report's tallies of the rows, computed by Spark: each partition scanned by the core,
     * added on the driver. Named {@code name}, with the layout given (null: none).
     *
     * @throws IllegalArgumentException if the grouping rakes or deduplicates respondents, or as the
     *     core's scan (a missing column, a bad row under {@code --on-bad-row fail}, ...)
     */
    public static ReportTallies tallies(Dataset<Row> rows, ReportGrouping grouping, String name, ExportLayout layout) {
        Objects.requireNonNull(grouping, "grouping");
        if (!grouping.rake().isEmpty()) {
            throw new IllegalArgumentException("--rake cannot be combined with the Spark report: the raking factors "
                    + "depend on all rows at once (save the tallies with --weight only and rake in cxmetrics report)");
        }
        if (grouping.respondentColumn() != null) {
            throw new IllegalArgumentException("--respondent cannot be combined with the Spark report: deduplication "
                    + "needs all rows of a respondent at once");
        }
        String[] header = rows.columns();
        ReportGrouping g = layout == null ? grouping : partitionGrouping(grouping, layout);
        char delimiter = layout == null ? g.delimiter() : layout.delimiter();
        ReportGrouping scan = g.withDelimiter(delimiter);
        List<String> texts = rows.mapPartitions(new PerPartition(header, scan.toString(), delimiter), Encoders.STRING())
                .collectAsList();
        ReportTallies sum = null;
        for (String text : texts) {
            if (text.isEmpty()) {
                continue;
            }
            int cut = text.indexOf('\u0000');
            ReportTallies t = ReportArchive.parse(text.substring(0, cut), text.substring(cut + 1)).tallies();
            sum = sum == null ? t : sum.plus(t);
        }
        if (sum == null) {
            try {
                sum = Scan.read(csv(header, java.util.Collections.emptyIterator(), delimiter), name, scan);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sum.withInput(name, layout);
    }

    /**
     * The grouping the partitions are read with. Each partition detects the timestamp form on its
     * own rows, so a form other than ISO-8601 (where day and month could be told apart differently)
     * must be given.
     *
     * @throws IllegalArgumentException if the export's timestamps are not ISO-8601 and no
     *     {@code --timestamp-format} was given
     */
    private static ReportGrouping partitionGrouping(ReportGrouping grouping, ExportLayout layout) {
        if (grouping.timestampFormat() == null && layout.timestampFormat().isPresent()
                && !layout.timestampFormat().get().equals("ISO-8601")) {
            throw new IllegalArgumentException("The timestamps of this export are " + layout.timestampFormat().get()
                    + ", not ISO-8601: the Spark report reads each partition on its own, so give the form with "
                    + "--timestamp-format PATTERN");
        }
        return grouping;
    }

    /**
     * One partition's tallies in the stored-tally text form, manifest and scores separated by NUL
     * (empty for an empty partition). Holds the grouping as its text form, which is serializable.
     */
    private static final class PerPartition implements MapPartitionsFunction<Row, String> {
        private static final long serialVersionUID = 1L;
        private final String[] header;
        private final String grouping;
        private final char delimiter;

        PerPartition(String[] header, String grouping, char delimiter) {
            this.header = header.clone();
            this.grouping = grouping;
            this.delimiter = delimiter;
        }

        @Override
        public Iterator<String> call(Iterator<Row> part) throws IOException {
            if (!part.hasNext()) {
                return List.of("").iterator();
            }
            ReportGrouping g = ReportGrouping.parse(grouping);
            ReportTallies t = Scan.read(csv(header, part, delimiter), "partition", g);
            String[] texts = ReportArchive.format(t, g);
            return List.of(texts[0] + '\u0000' + texts[1]).iterator();
        }
    }

    /** The rows as a plain CSV export: the header, then each row, fields quoted where RFC 4180 needs it. */
    static byte[] csv(String[] header, Iterator<Row> rows, char delimiter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < header.length; i++) {
            field(line, i == 0 ? stripBom(header[i]) : header[i], i > 0, delimiter);
        }
        line.append('\n');
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < header.length; i++) {
                Object v = r.get(i);
                field(line, v == null ? "" : v.toString(), i > 0, delimiter);
            }
            line.append('\n');
            if (line.length() > 1 << 15) {
                out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                line.setLength(0);
            }
        }
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static void field(StringBuilder line, String value, boolean separator, char delimiter) {
        if (separator) {
            line.append(delimiter);
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    /**
     * The report of the rows: their tallies ({@link #tallies}) turned into the report by the core
     * with the options' computation options, through the stored-tally form (so that it equals
     * {@code cxmetrics report --from-tallies} of the same tallies).
     *
     * @throws UncheckedIOException if the temporary folder cannot be written
     */
    public static Report report(Dataset<Row> rows, ReportOptions options, String name, ExportLayout layout) {
        ReportTallies t = tallies(rows, options.grouping(), name, layout);
        try {
            Path dir = Files.createTempDirectory("cxmetrics-spark-report");
            try {
                String[] texts = ReportArchive.format(t, options.grouping());
                Files.writeString(dir.resolve("report.cxreport"), texts[0], StandardCharsets.US_ASCII);
                Files.writeString(dir.resolve("scores.cxtally"), texts[1], StandardCharsets.US_ASCII);
                return Report.fromTallies(dir, options);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isParquet(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }
}
