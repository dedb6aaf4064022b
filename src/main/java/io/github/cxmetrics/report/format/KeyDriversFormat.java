package io.github.cxmetrics.report.format;

import io.github.cxmetrics.insight.Driver;
import io.github.cxmetrics.insight.DriverBootstrap;
import io.github.cxmetrics.insight.KeyDrivers;
import io.github.cxmetrics.internal.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a key driver analysis ({@link KeyDrivers}, with its optional {@link DriverBootstrap}
 * intervals) as the table and JSON of {@code cxmetrics drivers}; the report's {@code drivers}
 * section ({@code --drivers}) is the same. The JSON fields are listed in {@code docs/drivers.md}.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class KeyDriversFormat {
    private KeyDriversFormat() {
    }

    /**
     * Writes the analysis as one JSON object.
     *
     * @param rows the rows read (complete or not), for the {@code rows} field
     * @param excluded rows left out per first unanswered column (may be empty)
     * @param bootstrap the intervals, or null without
     * @throws IOException if the output fails
     */
    public static void json(KeyDrivers k, DriverBootstrap bootstrap, long rows, Map<String, Long> excluded,
            double confidence, Appendable out, boolean pretty) throws IOException {
        JsonWriter w = pretty ? JsonWriter.pretty(out) : JsonWriter.compact(out);
        json(w, k, bootstrap, rows, excluded, confidence);
        w.flush();
    }

    static void json(JsonWriter w, KeyDrivers k, DriverBootstrap boot, long rows, Map<String, Long> excluded,
            double confidence) throws IOException {
        w.beginObject();
        w.name("outcome").value(k.tally().outcome());
        w.name("rows").value(rows);
        w.name("n").value(k.n());
        w.name("excluded").beginObject();
        for (Map.Entry<String, Long> e : excluded.entrySet()) {
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
            w.name("quadrant").value(d.quadrant().name().toLowerCase(Locale.ROOT).replace('_', '-'));
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
    }

    /**
     * Writes the analysis as a text table: R², n, per driver its importances with intervals, β, r,
     * score, rank and quadrant, then what to improve first.
     *
     * @throws IOException if the output fails
     */
    public static void table(KeyDrivers k, DriverBootstrap boot, long rows, Map<String, Long> excluded,
            double confidence, Appendable out) throws IOException {
        out.append(String.format(Locale.ROOT, "Key drivers of %s: R² = %.4f, n = %d complete answers of %d%n",
                k.tally().outcome(), k.r2(), k.n(), rows));
        for (Map.Entry<String, Long> e : excluded.entrySet()) {
            out.append(String.format(Locale.ROOT, "  left out: %d without an answer to %s%n", e.getValue(),
                    e.getKey()));
        }
        if (boot != null) {
            out.append("Intervals: percentile bootstrap, " + boot.replicates() + " resamples, seed " + boot.seed()
                    + (boot.degenerate() > 0 ? ", " + boot.degenerate() + " left out (no analysis)" : "") + "\n");
        }
        String ci = DisplayFormat.percent(confidence) + " interval";
        out.append(String.format(Locale.ROOT, "  %-18s %6s %-15s %6s %-15s %6s %6s %6s %-7s %s%n", "driver", "LMG",
                boot == null ? "" : ci, "RW", boot == null ? "" : ci, "beta", "r", "score", "rank", "quadrant"));
        for (int j = 0; j < k.drivers().size(); j++) {
            Driver d = k.drivers().get(j);
            out.append(String.format(Locale.ROOT, "  %-18s %6s %-15s %6.4f %-15s %6.3f %6.3f %6.2f %-7s %s%n",
                    DisplayFormat.clip(d.name(), 18),
                    Double.isNaN(d.lmg()) ? "-" : String.format(Locale.ROOT, "%.4f", d.lmg()),
                    boot == null ? "" : range(boot.lmgInterval(j), "%.4f"), d.relativeWeight(),
                    boot == null ? "" : range(boot.relativeWeightInterval(j), "%.4f"), d.beta(), d.correlation(),
                    d.score(), d.rank() + (boot == null ? "" : " " + range(boot.rankInterval(j), "%.0f")),
                    d.quadrant().label()));
        }
        List<Driver> first = k.improvementOrder();
        if (first.isEmpty()) {
            out.append("Improve first: none (no important driver scores below the median)\n");
        }
        for (Driver d : first) {
            out.append(String.format(Locale.ROOT, "Improve first: %s (%s; the model expects %s%.3f on %s if its mean "
                    + "rose to the other drivers' median)%n", d.name(), d.quadrant().label(),
                    d.expectedGain() >= 0 ? "+" : "", d.expectedGain(), k.tally().outcome()));
        }
    }

    private static String range(double[] interval, String format) {
        if (Double.isNaN(interval[0])) {
            return "-";
        }
        return String.format(Locale.ROOT, format + "-" + format, interval[0], interval[1]);
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
