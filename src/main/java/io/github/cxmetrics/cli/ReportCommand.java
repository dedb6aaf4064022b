package io.github.cxmetrics.cli;

import io.github.cxmetrics.report.BadRowPolicy;
import io.github.cxmetrics.report.CsvReportWriter;
import io.github.cxmetrics.report.HtmlReportWriter;
import io.github.cxmetrics.report.JsonReportWriter;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportMetric;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.TableReportWriter;
import io.github.cxmetrics.trend.Granularity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

/** {@code cxmetrics report FILE}: the KPI report of a feedback export. */
final class ReportCommand {
    static final String HELP = String.join("\n",
            "usage: cxmetrics report FILE.csv [options]",
            "",
            "Reads a feedback export (one response per row, a header row) and prints the KPI report:",
            "every score with its n and confidence interval, every comparison with its p-value.",
            "",
            "  --metrics nps,csat,ces        metrics to report [every score column found]",
            "  --column METRIC=NAME          read a metric from another column (repeatable)",
            "  --timestamp COLUMN            response time column [submitted_at]",
            "  --zone ZONE                   calendar zone of the buckets, e.g. Europe/Amsterdam [UTC]",
            "  --by day|week|month|quarter|year   add a trend (ISO weeks, labels like 2025-W03)",
            "  --segment COLUMN              add a breakdown, each value vs the rest (repeatable)",
            "  --weight COLUMN               weight each response (Kish effective n in intervals)",
            "  --confidence LEVEL            confidence level [0.95]",
            "  --min-n N                     flag groups with fewer responses [30]",
            "  --csat-scale MIN-MAX          CSAT scale [1-5]",
            "  --ces-scale 1-7|1-5-effort    CES scale [1-7]",
            "  --nps-interval adjusted-wald|wald|tango   [adjusted-wald]",
            "  --proportion-interval wilson|agresti-coull|clopper-pearson|jeffreys|wald|wilson-cc   [wilson]",
            "  --delimiter CHAR              field delimiter, e.g. ';' [,]",
            "  --on-bad-row fail|skip        stop at a bad row, or skip and count it [fail]",
            "  --format table|json|csv|html  output format [table]",
            "  --output FILE                 write to FILE [stdout]",
            "",
            "An empty cell means the question was not asked and is not counted.");

    private static final Set<String> VALUED = Set.of("--metrics", "--column", "--timestamp", "--zone", "--by",
            "--segment", "--weight", "--confidence", "--min-n", "--csat-scale", "--ces-scale", "--nps-interval",
            "--proportion-interval", "--format", "--output", "--on-bad-row", "--delimiter");
    private static final long PROGRESS_FROM_BYTES = 50L << 20;

    private ReportCommand() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
        String command = "report";
        Args args = Args.parse(command, argv, 1, VALUED, Set.of("--help"), Set.of("--column", "--segment"));
        if (args.has("--help")) {
            out.println(HELP);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new UsageException("report: give exactly one input file (see cxmetrics report --help)");
        }
        ReportOptions options = options(args);
        String format = args.get("--format", "table");
        if (!Set.of("table", "json", "csv", "html").contains(format)) {
            throw new UsageException("report: --format must be table, json, csv or html, got \"" + format + "\"");
        }
        Path file = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        LongConsumer progress = bytes -> { };
        long size = Files.size(file);
        if (size > PROGRESS_FROM_BYTES && System.console() != null) {
            progress = bytes -> err.printf(Locale.ROOT, "\rreading %s: %d%%", file.getFileName(), bytes * 100 / size);
        }
        Report report = Report.generate(file, options, progress);
        if (size > PROGRESS_FROM_BYTES && System.console() != null) {
            err.println();
        }
        String output = args.get("--output");
        if (output == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            render(report, format, w);
            w.flush();
        } else {
            try (Writer w = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                render(report, format, w);
            }
        }
        return 0;
    }

    private static void render(Report report, String format, Writer w) throws IOException {
        switch (format) {
            case "json" -> JsonReportWriter.write(report, w, true);
            case "csv" -> CsvReportWriter.write(report, w);
            case "html" -> HtmlReportWriter.write(report, w);
            default -> TableReportWriter.write(report, w);
        }
    }

    static ReportOptions options(Args args) {
        String c = "report";
        ReportOptions o = ReportOptions.defaults().withConfidence(Options.confidence(c, args))
                .withCsatScale(Options.csatScale(c, args)).withCesScale(Options.cesScale(c, args))
                .withNpsInterval(Options.npsInterval(c, args))
                .withProportionInterval(Options.proportionInterval(c, args))
                .withOnBadRow(Options.choice(c, args, "--on-bad-row", BadRowPolicy.class, BadRowPolicy.FAIL));
        if (args.has("--metrics")) {
            EnumSet<ReportMetric> set = EnumSet.noneOf(ReportMetric.class);
            for (String name : args.get("--metrics").split(",")) {
                set.add(usage(() -> ReportMetric.parse(name)));
            }
            o = o.withMetrics(set);
        }
        for (String mapping : args.all("--column")) {
            int eq = mapping.indexOf('=');
            if (eq <= 0 || eq == mapping.length() - 1) {
                throw new UsageException("report: --column expects METRIC=NAME, e.g. nps=recommend, got \"" + mapping
                        + "\"");
            }
            ReportMetric metric = usage(() -> ReportMetric.parse(mapping.substring(0, eq)));
            o = o.withColumn(metric, mapping.substring(eq + 1));
        }
        if (args.has("--timestamp")) {
            o = o.withTimestampColumn(args.get("--timestamp"));
        }
        if (args.has("--zone")) {
            try {
                o = o.withZone(ZoneId.of(args.get("--zone")));
            } catch (DateTimeException e) {
                throw new UsageException("report: --zone: unknown zone \"" + args.get("--zone")
                        + "\" (e.g. UTC, Europe/Amsterdam)");
            }
        }
        if (args.has("--by")) {
            o = o.withBy(Options.choice(c, args, "--by", Granularity.class, null));
        }
        for (String segment : args.all("--segment")) {
            o = o.withSegment(segment);
        }
        if (args.has("--weight")) {
            o = o.withWeightColumn(args.get("--weight"));
        }
        if (args.has("--min-n")) {
            long minN = args.longValue(c, "--min-n");
            if (minN < 0) {
                throw new UsageException("report: --min-n must be >= 0, got " + minN);
            }
            o = o.withMinN(minN);
        }
        if (args.has("--delimiter")) {
            String d = args.get("--delimiter");
            String unescaped = d.equals("\\t") || d.equals("tab") ? "\t" : d;
            if (unescaped.length() != 1 || unescaped.charAt(0) == '"' || unescaped.charAt(0) == '\n'
                    || unescaped.charAt(0) == '\r') {
                throw new UsageException("report: --delimiter must be one character other than a quote or newline, got \""
                        + d + "\"");
            }
            o = o.withDelimiter(unescaped.charAt(0));
        }
        return o;
    }

    private static <T> T usage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException("report: " + e.getMessage());
        }
    }
}
