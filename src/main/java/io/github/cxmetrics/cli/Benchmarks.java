package io.github.cxmetrics.cli;

import io.github.cxmetrics.trend.Metric;
import java.util.Locale;

/** {@code --benchmark METRIC=VALUE}: {@code nps=32}, {@code csat=78%} (or {@code csat=78}), {@code ces=5.2}. */
final class Benchmarks {
    /** A benchmark as given: the metric and the value in display units (CSAT percent). */
    record Given(Metric metric, double value) {
    }

    private Benchmarks() {
    }

    /**
     * Reads one {@code --benchmark} value; the range is checked later against the metric's scale
     * ({@link io.github.cxmetrics.report.ReportOptions#withBenchmark}).
     *
     * @throws UsageException naming the value and what is allowed
     */
    static Given parse(String text) {
        String usage = " (expected METRIC=VALUE with METRIC nps, csat or ces: nps=32, csat=78% or ces=5.2)";
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new UsageException("report: invalid --benchmark \"" + text + "\"" + usage);
        }
        String key = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        Metric metric = switch (key) {
            case "nps" -> Metric.NPS;
            case "csat" -> Metric.CSAT;
            case "ces" -> Metric.CES;
            default -> throw new UsageException("report: invalid --benchmark \"" + text + "\": unknown metric \""
                    + text.substring(0, eq).strip() + "\"" + usage);
        };
        String number = text.substring(eq + 1).strip();
        boolean percent = number.endsWith("%");
        if (percent) {
            number = number.substring(0, number.length() - 1).strip();
            if (metric != Metric.CSAT) {
                throw new UsageException("report: invalid --benchmark \"" + text + "\": only a CSAT benchmark is in "
                        + "percent (" + metric.key() + " is in " + (metric == Metric.NPS ? "NPS points, -100 to 100"
                        : "points of the CES scale") + ")");
            }
        }
        if (!number.matches("[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)")) {
            throw new UsageException("report: invalid --benchmark \"" + text + "\": \"" + number
                    + "\" is not a number" + usage);
        }
        return new Given(metric, Double.parseDouble(number));
    }
}
