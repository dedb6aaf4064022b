package io.github.cxmetrics.cli;

import io.github.cxmetrics.internal.JsonWriter;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Comparisons;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Mean;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanTest;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.tally.Tally;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.github.cxmetrics.insight.ProbabilityBetter;

/** The score calculators {@code nps}, {@code csat}, {@code ces} and {@code compare}. */
final class Calculators {
    private static final Set<String> FLAGS = Set.of("--help");
    /** The valued options of {@code nps}, {@code csat} and {@code ces}. */
    static final Set<String> SCORE_OPTIONS = Set.of("--counts", "--promoters", "--passives", "--detractors",
            "--satisfied", "--n", "--confidence", "--nps-interval", "--proportion-interval", "--csat-scale",
            "--ces-scale", "--format");
    /** The flags of {@code compare}. */
    static final Set<String> COMPARE_FLAGS = Set.of("--help", "--bayes");
    /** The valued options of {@code compare}. */
    static final Set<String> COMPARE_OPTIONS = Set.of("--a-counts", "--b-counts", "--confidence", "--test",
            "--csat-scale", "--ces-scale", "--format");

    static final String NPS_HELP = String.join("\n",
            "usage: cxmetrics nps (--counts c0,c1,...,c10 | --promoters P --passives A",
            "                     --detractors D) [--confidence 0.95] [--format table|json]",
            "                     [--nps-interval adjusted-wald|wald|tango]",
            "NPS = %promoters - %detractors (-100..100) with its confidence interval",
            "(default adjusted Wald).");
    static final String CSAT_HELP = String.join("\n",
            "usage: cxmetrics csat (--counts c1,...,c5 | --satisfied X --n N)",
            "                      [--csat-scale 1-5] [--confidence 0.95]",
            "                      [--format table|json] [--proportion-interval wilson|",
            "                      agresti-coull|clopper-pearson|jeffreys|wald|wilson-cc]",
            "CSAT % satisfied (top box) with its interval (default Wilson), and the mean",
            "when counts are given.");
    static final String CES_HELP = String.join("\n",
            "usage: cxmetrics ces --counts c1,...,c7 [--ces-scale 1-7|1-5-effort]",
            "                     [--confidence 0.95] [--format table|json]",
            "CES mean with its Student t interval, and the share of easy (or low-effort)",
            "responses.");
    static final String COMPARE_HELP = String.join("\n",
            "usage: cxmetrics compare nps|csat|ces --a-counts ... --b-counts ...",
            "         [--confidence 0.95] [--format table|json] [--csat-scale 1-5]",
            "         [--ces-scale 1-7]",
            "         [--test adjusted-wald|wald (nps) | welch|student (ces)] [--bayes]",
            "Difference a - b (NPS points, CSAT percentage points, CES scale points) with",
            "its interval and p-value. NPS: adjusted-Wald z-test (default). CSAT: pooled",
            "z-test with Newcombe's interval. CES: Welch t-test.",
            "--bayes adds the posterior probability that a is better than b (uniform",
            "priors; CSAT exact, NPS and CES by a seeded Monte Carlo with its standard",
            "error). See docs/bayes.md.");

    private Calculators() {
    }

    static int score(String command, String[] argv, PrintStream out) throws IOException {
        Args args = Args.parse(command, argv, 1, SCORE_OPTIONS, FLAGS, Set.of());
        if (args.has("--help")) {
            out.println(switch (command) {
                case "nps" -> NPS_HELP;
                case "csat" -> CSAT_HELP;
                default -> CES_HELP;
            });
            return 0;
        }
        if (!args.positional().isEmpty()) {
            throw new UsageException(command + ": unexpected argument \"" + args.positional().get(0) + "\"");
        }
        double conf = Options.confidence(command, args);
        boolean json = Options.json(command, args);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("confidence", conf);
        switch (command) {
            case "nps" -> npsFields(command, args, conf, fields);
            case "csat" -> csatFields(command, args, conf, fields);
            default -> cesFields(command, args, conf, fields);
        }
        print(command, fields, json, out);
        return 0;
    }

    /** {@code nps}: the score from counts or from promoters, passives and detractors, with its interval. */
    private static void npsFields(String command, Args args, double conf, Map<String, Object> fields) {
        NpsInterval method = Options.npsInterval(command, args);
        Nps nps = args.has("--counts") ? Nps.of(tally(command, args.get("--counts"), NpsScale.STANDARD))
                : Nps.of(args.longValue(command, "--promoters"), args.longValue(command, "--passives"),
                        args.longValue(command, "--detractors"));
        Interval ci = nps.interval(conf, method);
        fields.put("method", Options.cliName(method));
        fields.put("n", nps.n());
        fields.put("score", nps.score());
        fields.put("standardError", nps.standardError());
        fields.put("lower", ci.lower());
        fields.put("upper", ci.upper());
        fields.put("promoters", nps.promoters());
        fields.put("passives", nps.passives());
        fields.put("detractors", nps.detractors());
    }

    /** {@code csat}: the satisfied share (percent) from counts or from satisfied of n; the mean from counts. */
    private static void csatFields(String command, Args args, double conf, Map<String, Object> fields) {
        ProportionInterval method = Options.proportionInterval(command, args);
        CsatScale scale = Options.csatScale(command, args);
        Proportion satisfied;
        Mean mean = null;
        if (args.has("--counts")) {
            Csat csat = Csat.of(tally(command, args.get("--counts"), scale));
            satisfied = csat.satisfiedShare();
            mean = csat.mean();
        } else {
            long x = args.longValue(command, "--satisfied");
            long n = args.longValue(command, "--n");
            if (n <= 0 || x < 0 || x > n) {
                throw new UsageException(command + ": need 0 <= --satisfied <= --n and --n > 0, got " + x
                        + " of " + n);
            }
            satisfied = Proportion.of(x, n);
        }
        Interval ci = satisfied.interval(conf, method);
        fields.put("method", Options.cliName(method));
        fields.put("n", satisfied.n());
        fields.put("score", 100 * satisfied.estimate());
        fields.put("standardError", 100 * satisfied.standardError());
        fields.put("lower", 100 * ci.lower());
        fields.put("upper", 100 * ci.upper());
        fields.put("satisfied", satisfied.successes());
        if (mean != null) {
            fields.put("mean", mean.value());
        }
    }

    /** {@code ces}: the mean with its Student t interval (none without spread) and the easy share (percent). */
    private static void cesFields(String command, Args args, double conf, Map<String, Object> fields) {
        CesScale scale = Options.cesScale(command, args);
        Ces ces = Ces.of(tally(command, args.require(command, "--counts"), scale));
        Mean mean = ces.mean();
        fields.put("method", "student-t");
        fields.put("n", ces.n());
        fields.put("score", mean.value());
        fields.put("mean", mean.value());
        if (mean.hasSpread()) {
            Interval ci = mean.interval(conf);
            fields.put("standardError", mean.standardError());
            fields.put("lower", ci.lower());
            fields.put("upper", ci.upper());
        } else {
            fields.put("standardError", null);
            fields.put("lower", null);
            fields.put("upper", null);
        }
        fields.put("easy", 100 * ces.easyShare().estimate());
    }

    static int compare(String[] argv, PrintStream out) throws IOException {
        Args args = Args.parse("compare", argv, 1, COMPARE_OPTIONS, COMPARE_FLAGS, Set.of());
        if (args.has("--help")) {
            out.println(COMPARE_HELP);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new UsageException("compare: name one metric: nps, csat or ces");
        }
        String metric = args.positional().get(0);
        String command = "compare " + metric;
        double conf = Options.confidence(command, args);
        boolean json = Options.json(command, args);
        String a = args.require(command, "--a-counts");
        String b = args.require(command, "--b-counts");
        Comparison c;
        String method;
        ProbabilityBetter.Probability bayes = null;
        boolean wantsBayes = args.has("--bayes");
        switch (metric) {
            case "nps" -> {
                NpsTest test = Options.npsTest(command, args);
                Nps na = Nps.of(tally(command, a, NpsScale.STANDARD));
                Nps nb = Nps.of(tally(command, b, NpsScale.STANDARD));
                c = Comparisons.nps(na, nb, conf, test);
                method = Options.cliName(test);
                bayes = wantsBayes ? ProbabilityBetter.nps(na, nb) : null;
            }
            case "csat" -> {
                if (args.has("--test")) {
                    throw new UsageException(command + ": --test does not apply (pooled z-test with Newcombe's interval)");
                }
                CsatScale scale = Options.csatScale(command, args);
                Csat ca = Csat.of(tally(command, a, scale));
                Csat cb = Csat.of(tally(command, b, scale));
                c = Comparisons.csat(ca, cb, conf);
                method = "pooled-z-newcombe";
                bayes = wantsBayes ? ProbabilityBetter.csat(ca, cb) : null;
            }
            case "ces" -> {
                MeanTest test = Options.meanTest(command, args);
                CesScale scale = Options.cesScale(command, args);
                Ces ea = Ces.of(tally(command, a, scale));
                Ces eb = Ces.of(tally(command, b, scale));
                c = Comparisons.means(ea.mean(), eb.mean(), conf, test);
                method = Options.cliName(test);
                bayes = wantsBayes ? ProbabilityBetter.ces(ea, eb) : null;
            }
            default -> throw new UsageException("compare: unknown metric \"" + metric + "\" (nps, csat or ces)");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("confidence", conf);
        fields.put("method", method);
        fields.put("difference", c.difference());
        fields.put("standardError", c.standardError());
        fields.put("lower", c.lower());
        fields.put("upper", c.upper());
        fields.put("statistic", c.statistic());
        if (Double.isFinite(c.degreesOfFreedom())) {
            fields.put("degreesOfFreedom", c.degreesOfFreedom());
        }
        fields.put("pValue", c.pValue());
        fields.put("significant", c.isSignificant());
        if (bayes != null) {
            fields.put("probabilityABetter", bayes.value());
            fields.put("probabilityMethod", bayes.method());
            if (!bayes.isExact()) {
                fields.put("probabilityStandardError", bayes.standardError());
                fields.put("probabilityDraws", bayes.draws());
            }
        }
        print(command, fields, json, out);
        return 0;
    }

    private static Tally tally(String command, String text, Scale scale) {
        long[] counts = Args.counts(command, "--counts", text);
        if (counts.length != scale.points()) {
            throw new UsageException(command + ": expected " + scale.points() + " counts for " + scale + " ("
                    + scale.min() + ".." + scale.max() + "), got " + counts.length);
        }
        Tally t = Tally.of(scale, counts);
        if (t.isEmpty()) {
            throw new UsageException(command + ": all counts are 0: nothing to compute");
        }
        return t;
    }

    static void print(String command, Map<String, Object> fields, boolean json, PrintStream out) throws IOException {
        if (json) {
            StringBuilder sb = new StringBuilder();
            JsonWriter w = JsonWriter.pretty(sb);
            w.beginObject();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                w.name(e.getKey());
                Object v = e.getValue();
                if (v == null) {
                    w.nullValue();
                } else if (v instanceof Double d) {
                    w.value(d.doubleValue());
                } else if (v instanceof Long l) {
                    w.value(l.longValue());
                } else if (v instanceof Boolean bool) {
                    w.value(bool.booleanValue());
                } else {
                    w.value(v.toString());
                }
            }
            w.endObject();
            w.flush();
            out.println(sb);
            return;
        }
        out.println(command);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            String shown = v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v);
            out.printf(Locale.ROOT, "  %-18s %s%n", e.getKey(), v == null ? "-" : shown);
        }
    }
}
