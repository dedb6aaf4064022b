package io.github.cxmetrics.cli;

import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/**
 * The arguments of {@code cxmetrics report FILE [options]}, read exactly as the command reads
 * them, for programs that run the same report elsewhere (the Spark job
 * {@code io.github.cxmetrics.spark.ReportJob} takes the command's arguments). Not part of the
 * library's API: the command line's own entry, kept in the unexported {@code cli} package.
 */
public final class ReportArguments {
    private final Args args;
    private final ReportOptions options;
    private final String format;

    private ReportArguments(Args args, ReportOptions options, String format) {
        this.args = args;
        this.options = options;
        this.format = format;
    }

    /**
     * Reads the arguments: the input path first, then the options of {@code cxmetrics report}.
     *
     * @throws UsageException as the command (exit code 2): an unknown option, a bad value, no input,
     *     {@code --from-tallies} or {@code --add-to-tallies}, which need no job
     */
    public static ReportArguments parse(String... argv) {
        Args args = Args.parse("report", argv, 0, ReportCommand.VALUED, ReportCommand.FLAGS, ReportCommand.REPEATABLE);
        if (args.has("--from-tallies") || args.has("--add-to-tallies")) {
            throw new UsageException("report: --from-tallies and --add-to-tallies read stored tallies: run them with "
                    + "cxmetrics report, not as a job");
        }
        if (args.positional().size() != 1) {
            throw new UsageException("report: give exactly one input path (see cxmetrics report --help)");
        }
        ReportOptions options = ReportCommand.options(args);
        String format = args.get("--format", "table");
        if (!Set.of("table", "json", "csv", "html").contains(format)) {
            throw new UsageException("report: --format must be table, json, csv or html, got \"" + format + "\"");
        }
        return new ReportArguments(args, options, format);
    }

    /** The input path, as given. */
    public String input() {
        return args.positional().get(0);
    }

    /** The report options (grouping and computation). */
    public ReportOptions options() {
        return options;
    }

    /** Whether {@code --help} was given. */
    public boolean help() {
        return args.has("--help");
    }

    /**
     * Does what the command does with a computed report: stores its tallies with
     * {@code --save-tallies}, then writes it in {@code --format} to {@code --output} or {@code out}.
     *
     * @throws IOException if a file cannot be written
     */
    public void write(Report report, PrintStream out) throws IOException {
        ReportCommand.finish(args, report, format, out);
    }
}
