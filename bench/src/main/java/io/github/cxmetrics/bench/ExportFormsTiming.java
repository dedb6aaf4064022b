package io.github.cxmetrics.bench;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of one export in its forms ({@link ExportFormsBenchmark}), timed in one process with
 * the forms interleaved: every round runs each form once, in an order that rotates, so that the
 * ratios of a round compare runs a second or two apart. On a machine shared with other work this
 * tells more than JMH's runs of one form after another; the median of the rounds' ratios is the
 * result. After WARMUP rounds that are not counted (the JIT compiler's).
 *
 * <p>Run: {@code java -cp target/cxmetrics-0.1.0.jar:bench/target/benchmarks.jar
 * io.github.cxmetrics.bench.ExportFormsTiming bench/data/r2m.csv [WARMUP [ROUNDS]]} (defaults 4 and
 * 12).
 */
public final class ExportFormsTiming {
    private static final String[] FORMS = {"plain", "quoted", "strings", "cp1252", "accents"};

    private ExportFormsTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path plain = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        ReportOptions options = ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK)
                .withSegment("channel").withZone(ZoneId.of("Europe/Amsterdam")));
        Path[] files = new Path[FORMS.length];
        for (int f = 0; f < FORMS.length; f++) {
            files[f] = f == 0 ? plain : ExportCopies.copyOf(plain, FORMS[f]);
        }
        List<double[]> ratios = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        System.out.printf(Locale.ROOT, "round  %8s %8s %8s %8s %8s   quoted/plain strings/plain cp1252/plain"
                + " accents/plain%n", (Object[]) FORMS);
        for (int r = 0; r < warmup + rounds; r++) {
            double[] ms = new double[FORMS.length];
            for (int i = 0; i < FORMS.length; i++) {
                int f = (i + r) % FORMS.length;
                long t0 = System.nanoTime();
                Report report = Report.generate(files[f], options);
                ms[f] = (System.nanoTime() - t0) / 1e6;
                if (report.metrics().isEmpty()) {
                    throw new IllegalStateException("no metrics in " + files[f]);
                }
            }
            double[] ratio = {ms[1] / ms[0], ms[2] / ms[0], ms[3] / ms[0], ms[4] / ms[0]};
            boolean counted = r >= warmup;
            if (counted) {
                ratios.add(ratio);
                times.add(ms);
            }
            System.out.printf(Locale.ROOT, "%-6s %8.0f %8.0f %8.0f %8.0f %8.0f   %12.2f %13.2f %12.2f %13.2f%n",
                    counted ? Integer.toString(r - warmup + 1) : "warm", ms[0], ms[1], ms[2], ms[3], ms[4], ratio[0],
                    ratio[1], ratio[2], ratio[3]);
        }
        System.out.printf(Locale.ROOT, "median %8.0f %8.0f %8.0f %8.0f %8.0f   %12.2f %13.2f %12.2f %13.2f%n",
                median(times, 0), median(times, 1), median(times, 2), median(times, 3), median(times, 4),
                median(ratios, 0), median(ratios, 1), median(ratios, 2), median(ratios, 3));
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
