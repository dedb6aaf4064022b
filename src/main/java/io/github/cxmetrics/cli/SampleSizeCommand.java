package io.github.cxmetrics.cli;

import io.github.cxmetrics.design.GroupSampleSize;
import io.github.cxmetrics.design.SampleSize;
import io.github.cxmetrics.design.Spread;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code cxmetrics sample-size nps|csat|ces}: responses needed for a margin, or to detect a difference. */
final class SampleSizeCommand {
    static final String HELP = String.join("\n",
            "usage: cxmetrics sample-size nps|csat|ces",
            "         (--margin M | --n N | --detect DIFF [--power 0.8])",
            "         [--confidence 0.95] [--population N] [--format table|json]",
            "         [--promoters-share P --detractors-share D] (nps)",
            "         [--expected-share S] (csat)   [--sd S] [--ces-scale 1-7] (ces)",
            "",
            "--margin M      responses needed for a margin of error of +/-M (NPS points,",
            "                CSAT percentage points, CES scale points); without expected",
            "                shares or SD the worst case is used",
            "--n N           the margin of error that N responses give",
            "--detect D      responses per group to detect a difference D with --power",
            "--population N  finite population correction for a customer base of N",
            "                (Cochran 1977, section 4.4)",
            "Formulas and sources: docs/survey-design.md.");

    /** The valued options of {@code sample-size}. */
    static final Set<String> OPTIONS = Set.of("--margin", "--n", "--detect", "--power", "--confidence", "--population",
            "--promoters-share", "--detractors-share", "--expected-share", "--sd", "--ces-scale", "--format");

    private SampleSizeCommand() {
    }

    static int run(String[] argv, PrintStream out) throws IOException {
        Args args = Args.parse("sample-size", argv, 1, OPTIONS, Set.of("--help"), Set.of());
        if (args.has("--help")) {
            out.println(HELP);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new UsageException("sample-size: name one metric: nps, csat or ces");
        }
        String metric = args.positional().get(0);
        String command = "sample-size " + metric;
        double confidence = Options.confidence(command, args);
        boolean json = Options.json(command, args);
        Spread spread = spread(command, metric, args);
        int modes = (args.has("--margin") ? 1 : 0) + (args.has("--n") ? 1 : 0) + (args.has("--detect") ? 1 : 0);
        if (modes != 1) {
            throw new UsageException(command + ": give exactly one of --margin, --n or --detect");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        try {
            if (args.has("--detect")) {
                detectFields(command, args, spread, confidence, fields);
            } else {
                marginFields(command, args, spread, confidence, fields);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
        fields.put("standardDeviation", spread.standardDeviation());
        fields.put("worstCase", spread.isWorstCase());
        Calculators.print(command, fields, json, out);
        return 0;
    }

    /** {@code --detect D}: responses per group to detect a difference of D with the power asked. */
    private static void detectFields(String command, Args args, Spread spread, double confidence,
            Map<String, Object> fields) {
        if (args.has("--population")) {
            throw new UsageException(command + ": --population applies to --margin and --n, not to --detect");
        }
        double diff = args.doubleValue(command, "--detect", Double.NaN);
        double power = args.doubleValue(command, "--power", 0.8);
        GroupSampleSize g = GroupSampleSize.forDifference(spread, diff, confidence, power);
        fields.put("nPerGroup", g.nPerGroup());
        fields.put("difference", g.difference());
        fields.put("power", g.power());
        fields.put("confidence", g.confidence());
    }

    /** {@code --margin M} or {@code --n N}: the responses for a margin, or the margin of N responses. */
    private static void marginFields(String command, Args args, Spread spread, double confidence,
            Map<String, Object> fields) {
        if (args.has("--power")) {
            throw new UsageException(command + ": --power applies to --detect only");
        }
        SampleSize s;
        boolean population = args.has("--population");
        long n = population ? args.longValue(command, "--population") : 0;
        if (args.has("--margin")) {
            double margin = args.doubleValue(command, "--margin", Double.NaN);
            s = population ? SampleSize.forMargin(spread, margin, confidence, n)
                    : SampleSize.forMargin(spread, margin, confidence);
        } else {
            long responses = args.longValue(command, "--n");
            s = population ? SampleSize.forN(spread, responses, confidence, n)
                    : SampleSize.forN(spread, responses, confidence);
        }
        fields.put("n", s.n());
        fields.put("margin", s.margin());
        fields.put("achievedMargin", s.achievedMargin());
        fields.put("confidence", s.confidence());
        if (population) {
            fields.put("population", s.population().getAsLong());
        }
    }

    private static Spread spread(String command, String metric, Args args) {
        try {
            switch (metric) {
                case "nps" -> {
                    if (args.has("--expected-share") || args.has("--sd")) {
                        throw new UsageException(command + ": use --promoters-share and --detractors-share for NPS");
                    }
                    if (args.has("--promoters-share") != args.has("--detractors-share")) {
                        throw new UsageException(command + ": give both --promoters-share and --detractors-share");
                    }
                    return args.has("--promoters-share")
                            ? Spread.ofNps(args.doubleValue(command, "--promoters-share", 0),
                                    args.doubleValue(command, "--detractors-share", 0))
                            : Spread.npsWorstCase();
                }
                case "csat" -> {
                    if (args.has("--promoters-share") || args.has("--sd")) {
                        throw new UsageException(command + ": use --expected-share for CSAT");
                    }
                    return args.has("--expected-share") ? Spread.ofShare(args.doubleValue(command, "--expected-share", 0))
                            : Spread.shareWorstCase();
                }
                case "ces" -> {
                    if (args.has("--promoters-share") || args.has("--expected-share")) {
                        throw new UsageException(command + ": use --sd for CES");
                    }
                    return args.has("--sd") ? Spread.ofStandardDeviation(args.doubleValue(command, "--sd", 0))
                            : Spread.worstCase(Options.cesScale(command, args));
                }
                default -> throw new UsageException("sample-size: unknown metric \"" + metric + "\" (nps, csat or ces)");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
    }
}
