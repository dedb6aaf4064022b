package io.github.cxmetrics.cli;

import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.target.Target;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

/** {@code cxmetrics report FILE}: the KPI report of a feedback export. */
final class ReportCommand {
    static final String HELP = String.join("\n",
            "usage: cxmetrics report FILE.csv [options]",
            "       cxmetrics report --from-tallies DIR [options]",
            "       cxmetrics report NEW.csv --add-to-tallies DIR [options]",
            "",
            "Reads a feedback export (one response per row; Qualtrics, SurveyMonkey,",
            "Google Forms, Excel and plain CSV layouts are detected, see docs/inputs.md)",
            "and prints the KPI report: every score with its n and confidence interval,",
            "every comparison with its p-value.",
            "",
            "  --metrics nps,csat,ces        metrics to report [every score column found]",
            "  --column KEY=NAME             read nps, csat, ces, response or fcr from",
            "                                another column (repeatable); it must exist",
            "  --timestamp COLUMN            response time column [submitted_at,",
            "                                RecordedDate, EndDate, Timestamp, ...]",
            "  --zone ZONE                   zone of the buckets, e.g. Europe/Amsterdam [UTC]",
            "  --by day|week|month|quarter|year",
            "                                add a trend (ISO weeks, labels like 2025-W03)",
            "  --segment COLUMN              breakdown, each value vs the rest (repeatable)",
            "  --max-segments N              stop if a segment column has more values [10000]",
            "  --show N                      table/HTML: values shown per segment column",
            "                                (best, worst, significant; JSON/CSV: all) [25]",
            "  --highlights N                open with at most N highlights: targets missed",
            "                                or at risk, significant changes, control-limit",
            "                                alerts, segments below the rest; 0 = off [10]",
            "  --rank COLUMN                 fair ranking of a --segment column's values:",
            "                                NPS, CSAT, FCR shrunk by empirical Bayes, with",
            "                                credible intervals and P(best) (repeatable)",
            "  --drivers QUESTION            with --survey: key drivers of that question",
            "                                (LMG, relative weights, what to fix first)",
            "  --bayes                       add the probability that each period improved",
            "                                and each segment value beats the rest",
            "  --weight COLUMN               weight each response (Kish effective n); scores,",
            "                                trends, response times and FCR are weighted",
            "  --rake COLUMN=LEVEL:SHARE,... rake to population shares of COLUMN (repeatable,",
            "                                one per column; shares sum to 1 or 100); with",
            "                                --weight as base weights",
            "  --confidence LEVEL            confidence level [0.95]",
            "  --min-n N                     flag groups with fewer responses [30]",
            "  --target EXPR                 e.g. nps>=40, csat>=90%, nps+15 (repeatable);",
            "                                'nps>=40 by 2026-12-31 floor 30';",
            "                                response.mean|median|p90<2h (units s, m, min,",
            "                                h), response.within>=90%, fcr>=80%;",
            "                                'csat>=90% in 2027-Q1', 'nps+15 vs 2026'",
            "                                (periods 2026, 2026-Q1, 2026-03, 2026-W05,",
            "                                2026-03-15)",
            "  --as-of DATE                  judge targets at DATE [end of trend, or today]",
            "  --benchmark METRIC=VALUE      compare the overall score with a benchmark",
            "                                (industry, last year): nps=32, csat=78%,",
            "                                ces=5.2 (repeatable); one-sample test",
            "  --csat-scale MIN-MAX|good-bad CSAT scale [1-5]",
            "  --ces-scale 1-7|1-5-effort    CES scale [1-7]",
            "  --nps-interval adjusted-wald|wald|tango   [adjusted-wald]",
            "  --proportion-interval wilson|agresti-coull|clopper-pearson|jeffreys|wald|",
            "                        wilson-cc   [wilson]",
            "  --response-target TIME        response-time target: minutes (120), 90m, 2h or",
            "                                ISO PT2H; share within it (<=) is exact [120]",
            "  --response-from COLUMN        response time from this timestamp (received) ...",
            "  --response-to COLUMN          ... to this one (first reply; empty = open, not",
            "                                counted); replaces first_response_minutes",
            "  --business-hours SPEC         count only opening hours, in --zone, e.g.",
            "                                'mon-fri 08:30-17:30,sat 10:00-14:00'",
            "  --holidays LIST               closed all day: nl (Dutch public holidays)",
            "                                and/or ISO dates, e.g. nl,2026-12-24; for",
            "                                --business-hours and --calendar",
            "  --calendar                    per metric: weekend vs weekdays and, with",
            "                                --holidays, holidays vs other days (local",
            "                                days in --zone; each group's score and CI,",
            "                                the difference with CI and p; not with",
            "                                --weight)",
            "  --survey FILE                 a KTO survey definition (docs/kto.md); its",
            "                                question ids are columns; index with interval",
            "                                per group",
            "  --respondent COLUMN           keep one response per respondent (files only)",
            "  --keep latest|first           which response, by --timestamp [latest]",
            "  --keep-per overall|period     one per respondent overall, or per --by period",
            "                                [overall]",
            "  --delimiter CHAR              field delimiter, e.g. ';' [detected: , ; tab |]",
            "  --encoding NAME               utf-8|utf-16|windows-1252|iso-8859-1 [detected:",
            "                                BOM, else UTF-8, else windows-1252 with a note]",
            "  --skip-rows N                 skip N rows after the header row(s) [0]",
            "  --timestamp-format PATTERN    java.time pattern, e.g. 'd/M/yyyy H:mm'",
            "                                [detected]",
            "  --na LIST                     not-answered markers besides the empty cell",
            "                                [NA,N/A,#N/A,-,null]",
            "  --labels 'COL=Label=1,...'    map answer labels to scores (repeatable)",
            "  --include-unfinished          keep unfinished Qualtrics responses",
            "  --on-bad-row fail|skip        stop at a bad row, or skip and count it [fail]",
            "  --threads N                   read a file, and summarise many segment",
            "                                values, with at most N threads [one per core]",
            "  --format table|json|csv|html  output format [table]",
            "  --output FILE                 write to FILE [stdout]",
            "  --save-tallies DIR            also store the report's tallies in DIR",
            "                                (exact), to recompute it later",
            "  --from-tallies DIR            recompute the report from DIR instead of a",
            "                                file; the saved grouping options apply (--by,",
            "                                --segment, --metrics, scales, --weight, ... must",
            "                                match them or be left out); --confidence,",
            "                                interval methods, --min-n, --target, --as-of,",
            "                                --max-segments, --show, --rank, --bayes,",
            "                                --highlights and --format apply",
            "  --add-to-tallies DIR          read FILE with the grouping saved in DIR, add",
            "                                its tallies to DIR's exactly (DIR is replaced",
            "                                as a whole; a failed run leaves it as it was)",
            "                                and report on all of it; an export added twice",
            "                                counts twice",
            "",
            "Operational KPIs are reported beside the scores when their columns are present:",
            "first_response_minutes (time to first response in minutes: n, mean, median, p90,",
            "p95, % within target) and resolved_first_contact (true/false, yes/no, y/n, 1/0:",
            "first-contact resolution % with its interval).",
            "",
            "An empty cell (or an --na marker) means the question was not asked and is not",
            "counted. Answer labels such as 'Very satisfied' or '10 - Extremely likely' are",
            "read as their scores.");

    /** The options of the computation and the output; the grouping options come from {@link ReportGrouping}. */
    private static final Set<String> OWN_VALUED = Set.of("--confidence", "--min-n", "--nps-interval",
            "--proportion-interval", "--format", "--output", "--target", "--as-of", "--survey", "--save-tallies",
            "--from-tallies", "--add-to-tallies", "--threads", "--max-segments", "--show", "--rank", "--drivers", "--highlights",
            "--benchmark");
    static final Set<String> VALUED = valued();
    static final Set<String> FLAGS = flags();
    static final Set<String> REPEATABLE = Set.of("--column", "--segment", "--target", "--labels", "--rank",
            "--rake", "--benchmark");
    private static final long PROGRESS_FROM_BYTES = 50L << 20;

    private ReportCommand() {
    }

    /** Every option the command accepts, with and without a value. */
    static Set<String> options() {
        Set<String> all = new java.util.TreeSet<>(VALUED);
        all.addAll(FLAGS);
        return all;
    }

    private static Set<String> valued() {
        Set<String> all = new java.util.HashSet<>(OWN_VALUED);
        for (String option : ReportGrouping.optionNames()) {
            if (ReportGrouping.takesValue(option)) {
                all.add(option);
            }
        }
        all.remove("--survey-text"); // the command line reads --survey FILE
        return Set.copyOf(all);
    }

    private static Set<String> flags() {
        Set<String> all = new java.util.HashSet<>(Set.of("--help", "--bayes", "--calendar"));
        for (String option : ReportGrouping.optionNames()) {
            if (!ReportGrouping.takesValue(option)) {
                all.add(option);
            }
        }
        all.remove("--days"); // the command line sets the day tallies for the options that need them
        return Set.copyOf(all);
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws IOException {
        String command = "report";
        Args args = Args.parse(command, argv, 1, VALUED, FLAGS, REPEATABLE);
        if (args.has("--help")) {
            out.println(HELP);
            return 0;
        }
        boolean fromTallies = args.has("--from-tallies");
        if (fromTallies ? !args.positional().isEmpty() : args.positional().size() != 1) {
            throw new UsageException(fromTallies ? "report: give either an input file or --from-tallies DIR, not both"
                    : "report: give exactly one input file (see cxmetrics report --help)");
        }
        ReportOptions options = options(args);
        String format = args.get("--format", "table");
        if (!Set.of("table", "json", "csv", "html").contains(format)) {
            throw new UsageException("report: --format must be table, json, csv or html, got \"" + format + "\"");
        }
        if (fromTallies) {
            Path dir = Path.of(args.get("--from-tallies"));
            if (!Files.isDirectory(dir)) {
                throw new NoSuchFileException(dir.toString(), null, "no such folder");
            }
            Report report = Report.fromTallies(dir, options);
            SavedOptions.requireMatch(args, options.grouping(), report.options().grouping(), dir);
            return finish(args, report, format, out);
        }
        Path file = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (args.has("--add-to-tallies")) {
            if (args.has("--save-tallies")) {
                throw new UsageException("report: --add-to-tallies DIR already stores the merged tallies in DIR; "
                        + "leave out --save-tallies");
            }
            Path dir = Path.of(args.get("--add-to-tallies"));
            if (!Files.isDirectory(dir)) {
                throw new NoSuchFileException(dir.toString(), null, "no such folder");
            }
            Report report = Report.addToTallies(file, dir, options, saved -> SavedOptions.requireMatch(args,
                    options.grouping(), saved, dir));
            return finish(args, report, format, out);
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
        return finish(args, report, format, out);
    }

    /** Saves the tallies if asked, then renders the report. */
    static int finish(Args args, Report report, String format, PrintStream out) throws IOException {
        if (args.has("--save-tallies")) {
            report.saveTallies(Path.of(args.get("--save-tallies")));
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
        ReportFormat.parse(format).write(report, w);
    }

    /**
     * The report options of the command line: the grouping options go through
     * {@link ReportGrouping#parse(List)} (after the checks of options that need each other), the
     * computation options are read here.
     */
    static ReportOptions options(Args args) {
        ReportGrouping grouping = grouping(args);
        String c = "report";
        ReportOptions o = ReportOptions.of(grouping).withConfidence(Options.confidence(c, args))
                .withNpsInterval(Options.npsInterval(c, args))
                .withProportionInterval(Options.proportionInterval(c, args));
        if (args.has("--calendar")) {
            o = o.withCalendar(true);
        }
        for (String target : args.all("--target")) {
            usage(() -> Target.parse(target));
            o = o.withTarget(target);
        }
        java.util.Map<io.github.cxmetrics.trend.Metric, String> benchmarks = new java.util.EnumMap<>(
                io.github.cxmetrics.trend.Metric.class);
        for (String benchmark : args.all("--benchmark")) {
            Benchmarks.Given b = Benchmarks.parse(benchmark);
            String before = benchmarks.put(b.metric(), benchmark);
            if (before != null) {
                throw new UsageException("report: --benchmark given twice for " + b.metric().key() + ": \"" + before
                        + "\" and \"" + benchmark + "\" (one benchmark per metric)");
            }
            ReportOptions current = o;
            o = usage(() -> current.withBenchmark(b.metric(), b.value()));
        }
        if (args.has("--as-of")) {
            String date = args.get("--as-of");
            try {
                o = o.withAsOf(java.time.LocalDate.parse(date.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new UsageException("report: --as-of expects a date like 2026-12-31, got \"" + date + "\"");
            }
        }
        if (args.has("--threads")) {
            long threads = args.longValue(c, "--threads");
            if (threads < 1 || threads > 1024) {
                throw new UsageException("report: --threads must be 1..1024, got " + threads);
            }
            o = o.withThreads((int) threads);
        }
        if (args.has("--max-segments")) {
            long max = args.longValue(c, "--max-segments");
            if (max < 1) {
                throw new UsageException("report: --max-segments must be >= 1, got " + max);
            }
            o = o.withMaxSegments(max);
        }
        o = o.withBayes(args.has("--bayes"));
        if (args.has("--drivers")) {
            o = o.withDrivers(args.get("--drivers"));
        }
        for (String column : args.all("--rank")) {
            o = o.withRank(column);
        }
        if (args.has("--show")) {
            long show = args.longValue(c, "--show");
            if (show < 1 || show > Integer.MAX_VALUE) {
                throw new UsageException("report: --show must be 1.." + Integer.MAX_VALUE + ", got " + show);
            }
            o = o.withShow((int) show);
        }
        if (args.has("--highlights")) {
            long highlights = args.longValue(c, "--highlights");
            if (highlights < 0 || highlights > Integer.MAX_VALUE) {
                throw new UsageException("report: --highlights must be 0.." + Integer.MAX_VALUE
                        + " (0 turns the highlights off), got " + highlights);
            }
            o = o.withHighlights((int) highlights);
        }
        if (args.has("--min-n")) {
            long minN = args.longValue(c, "--min-n");
            if (minN < 0) {
                throw new UsageException("report: --min-n must be >= 0, got " + minN);
            }
            o = o.withMinN(minN);
        }
        return o;
    }

    /** The grouping options of the command line, in the order {@link ReportGrouping#optionNames()} lists them. */
    static ReportGrouping grouping(Args args) {
        requireCompanions(args);
        List<String> arguments = new ArrayList<>();
        for (String option : ReportGrouping.optionNames()) {
            if (!ReportGrouping.takesValue(option)) {
                if (args.has(option)) {
                    arguments.add(option);
                }
                continue;
            }
            for (String value : args.all(option)) {
                arguments.add(option);
                arguments.add(value);
            }
        }
        ReportGrouping grouping = usage(() -> ReportGrouping.parse(arguments));
        if (args.has("--survey")) {
            grouping = grouping.withSurvey(survey(args.get("--survey")));
        }
        return grouping;
    }

    /**
     * The grouping options that need another one: {@code --response-from}/{@code --response-to},
     * {@code --business-hours} and {@code --holidays} each need the one before them, the timestamps
     * exclude a minutes column; {@code --keep} and {@code --keep-per} need {@code --respondent},
     * and {@code --keep-per period} needs {@code --by}.
     */
    private static void requireCompanions(Args args) {
        boolean from = args.has("--response-from");
        boolean to = args.has("--response-to");
        if (from != to) {
            throw new UsageException("report: " + (from ? "--response-from needs --response-to COLUMN"
                    : "--response-to needs --response-from COLUMN"));
        }
        if (!from && args.has("--business-hours")) {
            throw new UsageException("report: --business-hours needs --response-from COLUMN --response-to COLUMN "
                    + "(business time is measured between two timestamps)");
        }
        if (from) {
            for (String mapping : args.all("--column")) {
                int eq = mapping.indexOf('=');
                if (eq > 0 && mapping.substring(0, eq).strip().equalsIgnoreCase("response")) {
                    throw new UsageException("report: --column response=" + mapping.substring(eq + 1) + " and "
                            + "--response-from/--response-to are mutually exclusive (minutes from a column, or the "
                            + "time between two timestamps)");
                }
            }
        }
        if (args.has("--holidays") && !args.has("--business-hours") && !args.has("--calendar")) {
            throw new UsageException("report: --holidays needs --business-hours SPEC or --calendar");
        }
        if (!args.has("--respondent")) {
            for (String dependent : new String[] {"--keep", "--keep-per"}) {
                if (args.has(dependent)) {
                    throw new UsageException("report: " + dependent + " needs --respondent COLUMN");
                }
            }
        } else if ("period".equals(args.get("--keep-per")) && !args.has("--by")) {
            throw new UsageException("report: --keep-per period needs --by");
        }
    }

    private static Survey survey(String file) {
        Path path = Path.of(file);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --survey " + file + ": " + e.getMessage(), e);
        }
        try {
            return Survey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid survey file " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T usage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException("report: " + e.getMessage());
        }
    }
}
