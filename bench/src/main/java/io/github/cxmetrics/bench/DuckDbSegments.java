package io.github.cxmetrics.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * A peer for the many-segments benchmark ({@link SegmentScaling}, issue 16): how DuckDB's time for
 * one grouped aggregation grows with the number of groups, on the same files
 * ({@code segments-ROWS-GROUPS.csv}: segment, submitted_at, nps, csat, ces,
 * first_response_minutes, resolved_first_contact). Per segment value it computes only what a
 * report's tallies need, not its intervals or tests: the NPS counts (promoters, detractors), the
 * satisfied CSAT count, the CES mean and variance, the median response time and the FCR count.
 * DuckDB runs in memory (JDBC) on 2 threads, the benchmark machine's cores.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.github.cxmetrics.bench.DuckDbSegments
 * REPEATS FILE...}: per file the number of groups and the median of the repeats, all in one JVM
 * after a first warm-up run of each file.
 */
public final class DuckDbSegments {
    static final String QUERY = """
            SELECT segment, count(nps), count(nps) FILTER (WHERE nps >= 9), count(nps) FILTER (WHERE nps <= 6),
                   count(csat), count(csat) FILTER (WHERE csat >= 4), count(ces), avg(ces), var_samp(ces),
                   count(first_response_minutes), median(first_response_minutes),
                   count(resolved_first_contact), count(resolved_first_contact) FILTER (WHERE resolved_first_contact)
            FROM read_csv(?, header = true, auto_detect = false, delim = ',',
                          columns = {'segment': 'VARCHAR', 'submitted_at': 'TIMESTAMPTZ', 'nps': 'TINYINT',
                                     'csat': 'TINYINT', 'ces': 'TINYINT', 'first_response_minutes': 'DOUBLE',
                                     'resolved_first_contact': 'BOOLEAN'})
            GROUP BY segment
            """;

    private DuckDbSegments() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: DuckDbSegments REPEATS FILE.csv...");
            System.exit(2);
        }
        int repeats = Integer.parseInt(args[0]);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = db.createStatement()) {
                s.execute("SET threads = 2");
            }
            System.out.printf(Locale.ROOT, "%-40s %10s %10s%n", "file", "groups", "median s");
            for (int f = 1; f < args.length; f++) {
                run(db, args[f]); // warm-up
                double[] seconds = new double[repeats];
                long groups = 0;
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    groups = run(db, args[f]);
                    seconds[r] = (System.nanoTime() - start) / 1e9;
                }
                Arrays.sort(seconds);
                System.out.printf(Locale.ROOT, "%-40s %,10d %10.2f%n", java.nio.file.Path.of(args[f]).getFileName(),
                        groups, seconds[repeats / 2]);
            }
        }
    }

    /** Runs the query on one file and reads every row; the number of groups. */
    private static long run(Connection db, String file) throws SQLException {
        long rows = 0;
        try (PreparedStatement q = db.prepareStatement(QUERY)) {
            q.setString(1, file);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows++;
                }
            }
        }
        return rows;
    }
}
