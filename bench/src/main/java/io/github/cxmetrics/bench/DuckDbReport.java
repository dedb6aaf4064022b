package io.github.cxmetrics.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer of {@code cxmetrics report FILE --by week --segment channel --zone Europe/Amsterdam}:
 * the same numbers computed by DuckDB (JDBC, in-memory database, 2 threads) straight from the CSV,
 * for {@code bench/compare-duckdb.sh}.
 *
 * <p>Per ISO week of the local time in the zone (weeks start on Monday; labels {@code 2025-W03})
 * and per channel, and for the week totals, the channel totals and the grand total (grouping
 * sets): NPS = 100·(P − D)/n with P = #{9, 10} and D = #{0..6}; CSAT = 100·#{4, 5}/n on 1-5;
 * CES = the mean on 1-7. An empty cell is not counted. The timestamps are read as
 * {@code TIMESTAMPTZ} (any offset) and converted with {@code AT TIME ZONE}, so nothing relies on
 * the file being written in the report's zone.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar io.github.cxmetrics.bench.DuckDbReport FILE OUT.csv
 * [ZONE] [THREADS]}. Writes CSV rows {@code week,channel,nps_n,nps,csat_n,csat,ces_n,ces} with
 * {@code *} for "all" and empty cells for an undefined score.
 */
public final class DuckDbReport {
    static final String QUERY = """
            WITH r AS (
                SELECT strftime(date_trunc('week', submitted_at AT TIME ZONE ?), '%G-W%V') AS week,
                       channel, nps, csat, ces
                FROM read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"',
                              columns = {'response_id': 'BIGINT', 'submitted_at': 'TIMESTAMPTZ',
                                         'channel': 'VARCHAR', 'region': 'VARCHAR', 'team': 'VARCHAR',
                                         'nps': 'TINYINT', 'csat': 'TINYINT', 'ces': 'TINYINT',
                                         'first_response_minutes': 'DOUBLE',
                                         'resolved_first_contact': 'BOOLEAN', 'weight': 'DOUBLE'})
            )
            SELECT coalesce(week, '*') AS week, coalesce(channel, '*') AS channel,
                   count(nps) AS nps_n,
                   100.0 * (count(nps) FILTER (WHERE nps >= 9) - count(nps) FILTER (WHERE nps <= 6))
                         / count(nps) AS nps,
                   count(csat) AS csat_n,
                   100.0 * count(csat) FILTER (WHERE csat >= 4) / count(csat) AS csat,
                   count(ces) AS ces_n,
                   avg(ces) AS ces
            FROM r
            GROUP BY GROUPING SETS ((week, channel), (week), (channel), ())
            ORDER BY 1, 2
            """;

    private DuckDbReport() {
    }

    /**
     * Runs the query and writes the CSV.
     *
     * @param args FILE OUT [ZONE (Europe/Amsterdam)] [THREADS (2)]
     */
    public static void main(String[] args) throws SQLException, IOException {
        if (args.length < 2) {
            System.err.println("usage: DuckDbReport FILE.csv OUT.csv [ZONE] [THREADS]");
            System.exit(2);
        }
        String zone = args.length > 2 ? args[2] : "Europe/Amsterdam";
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            try (Statement s = db.createStatement()) {
                s.execute("SET threads = " + threads);
            }
            try (PreparedStatement q = db.prepareStatement(QUERY)) {
                q.setString(1, zone);
                q.setString(2, args[0]);
                try (ResultSet r = q.executeQuery()) {
                    out.write("week,channel,nps_n,nps,csat_n,csat,ces_n,ces\n");
                    while (r.next()) {
                        out.write(r.getString(1) + "," + r.getString(2) + "," + r.getLong(3) + ","
                                + number(r, 4) + "," + r.getLong(5) + "," + number(r, 6) + "," + r.getLong(7) + ","
                                + number(r, 8) + "\n");
                    }
                }
            }
        }
    }

    private static String number(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? "" : Double.toString(v);
    }
}
