package io.github.cxmetrics.cli;

import io.github.cxmetrics.insight.DriverBootstrap;
import io.github.cxmetrics.insight.DriverTallyAccumulator;
import io.github.cxmetrics.insight.KeyDrivers;
import io.github.cxmetrics.report.format.KeyDriversFormat;
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
        StringBuilder sb = new StringBuilder();
        if (json) {
            KeyDriversFormat.json(k, boot, data.read, data.missing, confidence, sb, true);
            sb.append('\n');
        } else {
            KeyDriversFormat.table(k, boot, data.read, data.missing, confidence, sb);
        }
        out.print(sb);
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
}
