package io.github.cxmetrics.bench;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Issue 16's benchmark: the report's time and heap against the number of segment values, at a
 * fixed number of rows, side by side in one run. Not JMH: each case is one whole report of a file,
 * repeated in alternating order, timed in three parts (the report alone, then its table, then its
 * JSON, each written to a null writer; and the scan alone, in a run of its own); the median wall
 * times are reported (the report, the report with its table, the report with its JSON, the scan),
 * and the heap retained after a full GC, per group: by
 * the whole report (tallies and summaries) and by the scan's tallies alone.
 *
 * <pre>
 * java -cp bench/target/classes:target/cxmetrics-0.1.0.jar io.github.cxmetrics.bench.SegmentScaling [ROWS] [REPEATS] [GROUPS,...] [STORE-WEEKS]
 * </pre>
 *
 * Cases: one segment column with 5 values (channel), 1 k, 10 k, 100 k and 1 M values (at 1 M rows
 * every value has one response), and 10,000 stores × 52 weeks ({@code --by week --segment store});
 * GROUPS (comma-separated) replaces the value counts, and STORE-WEEKS {@code false} leaves out the
 * last case. The first value count is the base of the "vs 5" columns.
 * Each row has nps, csat, ces, first_response_minutes and resolved_first_contact.
 */
public final class SegmentScaling {
    private SegmentScaling() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "cxmetrics-segments"));
        int[] groups = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {5, 1_000, 10_000, 100_000, 1_000_000};
        boolean storeWeeks = args.length <= 3 || Boolean.parseBoolean(args[3]);
        List<Case> cases = new ArrayList<>();
        for (int g : groups) {
            if (g <= rows) {
                cases.add(new Case(g + " values", write(dir, rows, g), ReportGrouping.defaults().withSegment("segment"),
                        g));
            }
        }
        if (storeWeeks) {
            cases.add(new Case("10000 stores x 52 weeks", write(dir, rows, 10_000),
                    ReportGrouping.defaults().withSegment("segment").withBy(Granularity.WEEK), 10_000));
        }
        long[][][] nanos = new long[4][cases.size()][repeats];
        for (int r = 0; r < repeats; r++) {
            for (int k = 0; k < cases.size(); k++) {
                int c = r % 2 == 0 ? k : cases.size() - 1 - k; // alternate the order
                long[] t = time(cases.get(c));
                for (int part = 0; part < 4; part++) {
                    nanos[part][c][r] = t[part];
                }
            }
        }
        System.out.printf(Locale.ROOT, "rows %,d, %d repeats, %d processors, load %s%n", rows, repeats,
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(Locale.ROOT, "%-26s %10s %10s %8s %10s %8s %10s %8s %10s %8s %15s %16s%n", "case", "groups",
                "report s", "vs 5", "+table s", "vs 5", "+JSON s", "vs 5", "scan s", "vs 5", "report B/group",
                "tallies B/group");
        double[] base = new double[4];
        for (int c = 0; c < cases.size(); c++) {
            double[] median = new double[4];
            for (int part = 0; part < 4; part++) {
                long[] t = nanos[part][c].clone();
                Arrays.sort(t);
                median[part] = t[t.length / 2] / 1e9;
                if (c == 0) {
                    base[part] = median[part];
                }
            }
            long heap = retained(cases.get(c));
            long tallies = tallies(cases.get(c));
            System.out.printf(Locale.ROOT,
                    "%-26s %,10d %10.2f %7.1fx %10.2f %7.1fx %10.2f %7.1fx %10.2f %7.1fx %,15d %,16d%n",
                    cases.get(c).name, cases.get(c).groups, median[0], median[0] / base[0], median[1],
                    median[1] / base[1], median[2], median[2] / base[2], median[3], median[3] / base[3],
                    heap / Math.max(1, cases.get(c).groups), tallies / Math.max(1, cases.get(c).groups));
        }
    }

    private record Case(String name, Path file, ReportGrouping grouping, int groups) {
        ReportOptions options() {
            return ReportOptions.of(grouping).withMaxSegments(10_000_000);
        }
    }

    /**
     * One case's times: the report alone (scan and summaries), the report and its table (what {@code
     * cxmetrics report} prints by default) and the report and its JSON (every group), each to a null
     * writer; and, in a run of its own, the scan alone (the tallies, what {@link DuckDbSegments}
     * computes).
     */
    private static long[] time(Case c) throws IOException {
        long s0 = System.nanoTime();
        io.github.cxmetrics.report.scan.Scan.read(c.file, c.grouping, Runtime.getRuntime().availableProcessors(),
                bytes -> { }, metrics -> { });
        long scan = System.nanoTime() - s0;
        long t0 = System.nanoTime();
        Report report = Report.generate(c.file, c.options());
        long generated = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        ReportFormat.TABLE.write(report, Writer.nullWriter());
        long table = System.nanoTime() - t1;
        long t2 = System.nanoTime();
        ReportFormat.JSON.write(report, Writer.nullWriter());
        long json = System.nanoTime() - t2;
        return new long[] {generated, generated + table, generated + json, scan};
    }

    /** The heap the report holds after a full collection (its tallies and summaries). */
    private static long retained(Case c) throws IOException, InterruptedException {
        long before = used();
        Report report = Report.generate(c.file, c.options());
        long after = used();
        if (report.segments().isEmpty()) {
            throw new AssertionError("no segments");
        }
        return after - before;
    }

    /** The heap the scan's tallies hold (every group's accumulators), before any summary. */
    private static long tallies(Case c) throws IOException, InterruptedException {
        long before = used();
        io.github.cxmetrics.report.scan.ReportTallies t = io.github.cxmetrics.report.scan.Scan.read(c.file,
                c.grouping, Runtime.getRuntime().availableProcessors(), bytes -> { }, metrics -> { });
        long after = used();
        if (t.segments.isEmpty()) {
            throw new AssertionError("no segments");
        }
        return after - before;
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static Path write(Path dir, int rows, int groups) throws IOException {
        Path file = dir.resolve("segments-" + rows + "-" + groups + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(groups);
        long start = 1_735_689_600L; // 2025-01-01T00:00:00Z
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("segment,submitted_at,nps,csat,ces,first_response_minutes,resolved_first_contact\n");
            for (int i = 0; i < rows; i++) {
                int segment = groups >= rows ? i : random.nextInt(groups);
                long at = start + random.nextLong(364L * 86_400);
                w.write("s" + segment + "," + java.time.Instant.ofEpochSecond(at) + "," + random.nextInt(11) + ","
                        + (1 + random.nextInt(5)) + "," + (1 + random.nextInt(7)) + "," + random.nextInt(600) + "."
                        + random.nextInt(10) + "," + random.nextBoolean() + "\n");
            }
        }
        return file;
    }
}
