package io.github.cxmetrics.cli;

import io.github.cxmetrics.insight.Driver;
import io.github.cxmetrics.insight.DriverBootstrap;
import io.github.cxmetrics.insight.DriverTallyAccumulator;
import io.github.cxmetrics.insight.KeyDrivers;
import io.github.cxmetrics.internal.JsonWriter;
import io.github.cxmetrics.io.ExportReader;
import io.github.cxmetrics.io.ExportRow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code cxmetrics drivers FILE --outcome COLUMN --drivers A,B,C}: a key driver analysis
 * ({@link KeyDrivers}) of numeric answers in a CSV export, with bootstrap intervals
 * ({@link DriverBootstrap}).
 */
final class DriversCommand {
    static final String HELP = String.join("\n",
            "usage: cxmetrics drivers FILE.csv --outcome COLUMN --drivers A,B,C [options]",
            "Key driver analysis: how much each driver question explains of the outcome",
            "(LMG / Shapley shares and Johnson's relative weights of R-squared, with",
            "bootstrap intervals), the importance-performance quadrant of each driver,",
            "and what to improve first. Complete answers only. See docs/drivers.md.",
            "",
            "  --outcome COLUMN   the outcome question (e.g. overall satisfaction, NPS)",
            "  --drivers A,B,C    the driver questions, comma separated",
            "  --bootstrap B      resamples for the intervals (default 1000; 0 for none)",
            "  --seed S           seed of the resampling (default 1)",
            "  --confidence C     confidence level of the intervals (default 0.95)",
            "  --format F         table (default) or json",
            "  --help             this text");
    static final Set<String> OPTIONS = Set.of("--outcome", "--drivers", "--bootstrap", "--seed", "--confidence",
            "--format");

    private DriversCommand() {
    }

    static int run(String[] argv, PrintStream out) throws IOException {
        Args args = Args.parse("drivers", argv, 1, OPTIONS, Set.of("--help"), Set.of());
        if (args.has("--help")) {
            out.println(HELP);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new UsageException("drivers: expected one input file, got " + args.positional().size()
                    + " (see cxmetrics drivers --help)");
        }
        Path file = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("drivers: no such file: " + file);
        }
        String outcome = args.require("drivers", "--outcome").strip();
        List<String> drivers = new ArrayList<>();
        for (String d : args.require("drivers", "--drivers").split(",", -1)) {
            drivers.add(d.strip());
        }
        double confidence = Options.confidence("drivers", args);
        int replicates = (int) intOption(args, "--bootstrap", 1000, 0, 100_000);
        long seed = intOption(args, "--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        boolean json = Options.json("drivers", args);
        Data data = read(file, outcome, drivers);
        KeyDrivers k = KeyDrivers.of(data.tally.snapshot());
        DriverBootstrap boot = replicates == 0 ? null
                : DriverBootstrap.of(outcome, drivers, data.rows, Math.max(replicates, 10), seed, confidence);
        if (json) {
            writeJson(k, boot, data, confidence, out);
        } else {
            writeTable(k, boot, data, confidence, out);
        }
        return 0;
    }

    private static long intOption(Args args, String name, long fallback, long min, long max) {
        String v = args.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max && !(name.equals("--bootstrap") && n > 0 && n < 10)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("drivers: Invalid value for " + name + " (valid values "
                + (name.equals("--bootstrap") ? "0, or 10 - 100000" : "a whole number") + "): " + v);
    }

    /** The complete answers, and how many rows were left out for a missing answer per column. */
    private record Data(DriverTallyAccumulator tally, List<double[]> rows, Map<String, Long> missing, long read) {
    }

    private static Data read(Path file, String outcome, List<String> drivers) throws IOException {
        DriverTallyAccumulator tally = new DriverTallyAccumulator(outcome, drivers);
        List<double[]> rows = new ArrayList<>();
        Map<String, Long> missing = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        columns.add(outcome);
        columns.addAll(drivers);
        long read = 0;
        try (ExportReader reader = ExportReader.open(file, ExportReader.Options.defaults().withoutTimestamps())) {
            while (reader.next()) {
                ExportRow row = reader.row();
                read++;
                double[] x = new double[columns.size()];
                String gap = null;
                for (int i = 0; i < x.length; i++) {
                    OptionalDouble v = row.decimal(columns.get(i));
                    if (v.isEmpty()) {
                        gap = gap == null ? columns.get(i) : gap;
                    } else {
                        x[i] = v.getAsDouble();
                    }
                }
                if (gap != null) {
                    missing.merge(gap, 1L, Long::sum);
                    continue;
                }
                tally.add(x[0], Arrays.copyOfRange(x, 1, x.length));
                rows.add(x);
            }
        }
        return new Data(tally, rows, missing, read);
    }

    private static void writeTable(KeyDrivers k, DriverBootstrap boot, Data data, double confidence,
            PrintStream out) {
        out.printf(Locale.ROOT, "Key drivers of %s: R² = %.4f, n = %d complete answers of %d rows%n",
                k.tally().outcome(), k.r2(), k.n(), data.read);
        data.missing.forEach((column, rows) -> out.printf(Locale.ROOT, "  left out: %d rows without an answer to %s%n",
                rows, column));
        String ci = fmt(100 * confidence) + " % interval";
        out.println(boot == null ? "" : "Intervals: percentile bootstrap, " + boot.replicates() + " resamples, seed "
                + boot.seed() + (boot.degenerate() > 0 ? ", " + boot.degenerate() + " left out (no analysis)" : ""));
        out.printf(Locale.ROOT, "%-20s %6s %-17s %6s %-17s %7s %7s %7s %-9s %s%n", "driver", "LMG", ci, "RW", ci,
                "beta", "r", "score", "rank", "quadrant");
        for (int j = 0; j < k.drivers().size(); j++) {
            Driver d = k.drivers().get(j);
            out.printf(Locale.ROOT, "%-20s %6s %-17s %6.4f %-17s %7.3f %7.3f %7.2f %-9s %s%n", d.name(),
                    Double.isNaN(d.lmg()) ? "-" : String.format(Locale.ROOT, "%.4f", d.lmg()),
                    boot == null ? "" : range(boot.lmgInterval(j), "%.4f"), d.relativeWeight(),
                    boot == null ? "" : range(boot.relativeWeightInterval(j), "%.4f"), d.beta(), d.correlation(),
                    d.score(), d.rank() + (boot == null ? "" : " " + range(boot.rankInterval(j), "%.0f")),
                    d.quadrant().label());
        }
        List<Driver> first = k.improvementOrder();
        if (first.isEmpty()) {
            out.println("Improve first: none (no important driver scores below the median)");
        }
        for (Driver d : first) {
            out.printf(Locale.ROOT, "Improve first: %s (%s; the model expects %s%.3f on %s if its mean rose to the "
                    + "other drivers' median)%n", d.name(), d.quadrant().label(), d.expectedGain() >= 0 ? "+" : "",
                    d.expectedGain(), k.tally().outcome());
        }
    }

    private static String range(double[] interval, String format) {
        if (Double.isNaN(interval[0])) {
            return "-";
        }
        return String.format(Locale.ROOT, format + " - " + format, interval[0], interval[1]);
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void writeJson(KeyDrivers k, DriverBootstrap boot, Data data, double confidence, PrintStream out)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = JsonWriter.pretty(sb);
        w.beginObject();
        w.name("outcome").value(k.tally().outcome());
        w.name("rows").value(data.read);
        w.name("n").value(k.n());
        w.name("excluded").beginObject();
        for (Map.Entry<String, Long> e : data.missing.entrySet()) {
            w.name(e.getKey()).value(e.getValue().longValue());
        }
        w.endObject();
        w.name("r2").value(k.r2());
        w.name("confidence").value(confidence);
        w.name("bootstrap");
        if (boot == null) {
            w.nullValue();
        } else {
            w.beginObject().name("method").value("percentile").name("replicates").value(boot.replicates())
                    .name("seed").value(boot.seed()).name("degenerate").value(boot.degenerate()).endObject();
        }
        w.name("drivers").beginArray();
        for (int j = 0; j < k.drivers().size(); j++) {
            Driver d = k.drivers().get(j);
            w.beginObject();
            w.name("driver").value(d.name());
            number(w, "lmg", d.lmg());
            bounds(w, "lmg", boot == null ? null : boot.lmgInterval(j));
            w.name("relativeWeight").value(d.relativeWeight());
            bounds(w, "relativeWeight", boot == null ? null : boot.relativeWeightInterval(j));
            w.name("beta").value(d.beta());
            w.name("correlation").value(d.correlation());
            w.name("score").value(d.score());
            w.name("standardDeviation").value(d.standardDeviation());
            w.name("rank").value(d.rank());
            bounds(w, "rank", boot == null ? null : boot.rankInterval(j));
            w.name("quadrant").value(Options.cliName(d.quadrant()));
            w.name("expectedGain").value(d.expectedGain());
            w.endObject();
        }
        w.endArray();
        w.name("improveFirst").beginArray();
        for (Driver d : k.improvementOrder()) {
            w.value(d.name());
        }
        w.endArray();
        w.endObject();
        w.flush();
        out.println(sb);
    }

    private static void number(JsonWriter w, String name, double v) throws IOException {
        w.name(name);
        if (Double.isNaN(v)) {
            w.nullValue();
        } else {
            w.value(v);
        }
    }

    private static void bounds(JsonWriter w, String name, double[] interval) throws IOException {
        number(w, name + "Lower", interval == null ? Double.NaN : interval[0]);
        number(w, name + "Upper", interval == null ? Double.NaN : interval[1]);
    }
}
