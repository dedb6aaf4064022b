package io.github.cxmetrics.cli;

import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.trend.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --from-tallies}: the options that decided which rows went into which group were saved
 * with the tallies. Given again, each must have the saved value; a different one is a usage error
 * (the tallies cannot be regrouped without the raw data).
 */
final class SavedOptions {
    private static final Map<String, Function<ReportOptions, String>> SHAPING = new LinkedHashMap<>();

    static {
        SHAPING.put("--delimiter", o -> o.delimiter() == '\t' ? "tab" : String.valueOf(o.delimiter()));
        SHAPING.put("--column", SavedOptions::columns);
        SHAPING.put("--timestamp", ReportOptions::timestampColumn);
        SHAPING.put("--zone", o -> o.zone().normalized().getId());
        SHAPING.put("--by", o -> o.by().map(b -> b.name().toLowerCase(Locale.ROOT)).orElse("(none)"));
        SHAPING.put("--segment", o -> String.join(",", o.segments()));
        SHAPING.put("--weight", o -> o.weightColumn().orElse("(none)"));
        SHAPING.put("--response-target", o -> o.responseTarget().toString());
        SHAPING.put("--response-from", o -> o.responseFromColumn().orElse("(none)"));
        SHAPING.put("--response-to", o -> o.responseToColumn().orElse("(none)"));
        SHAPING.put("--business-hours", o -> o.businessHours().orElse("(none)"));
        SHAPING.put("--holidays", o -> o.holidays().orElse("(none)"));
        SHAPING.put("--respondent", o -> o.respondentColumn().orElse("(none)"));
        SHAPING.put("--keep", o -> o.keep().name().toLowerCase(Locale.ROOT));
        SHAPING.put("--keep-per", o -> o.isKeepPerPeriod() ? "period" : "overall");
        SHAPING.put("--on-bad-row", o -> o.onBadRow().name().toLowerCase(Locale.ROOT));
    }

    private SavedOptions() {
    }

    /**
     * Checks every grouping option given on the command line against the saved one.
     *
     * @throws UsageException naming the option, the value given and the saved value
     */
    static void requireMatch(Args args, ReportOptions given, Report report, Path dir) {
        ReportOptions saved = report.options();
        for (Map.Entry<String, Function<ReportOptions, String>> e : SHAPING.entrySet()) {
            if (args.has(e.getKey())) {
                compare(e.getKey(), e.getValue().apply(given), e.getValue().apply(saved), dir);
            }
        }
        if (args.has("--metrics")) {
            List<String> asked = new ArrayList<>();
            given.metrics().orElseThrow().forEach(m -> asked.add(m.key()));
            List<String> stored = new ArrayList<>();
            report.metrics().forEach(m -> stored.add(m.key()));
            compare("--metrics", String.join(",", asked), String.join(",", stored), dir);
        }
        if (args.has("--csat-scale") && report.metrics().contains(Metric.CSAT)) {
            compare("--csat-scale", given.csatScale().toString(), saved.csatScale().toString(), dir);
        }
        if (args.has("--ces-scale") && report.metrics().contains(Metric.CES)) {
            compare("--ces-scale", given.cesScale().toString(), saved.cesScale().toString(), dir);
        }
    }

    private static void compare(String option, String given, String saved, Path dir) {
        if (!given.equals(saved)) {
            throw new UsageException("report: " + option + " " + given + " does not match the tallies in " + dir
                    + ", which were saved with " + saved + " (leave " + option + " out, or give the saved value;"
                    + " regrouping needs the raw data)");
        }
    }

    private static String columns(ReportOptions o) {
        List<String> parts = new ArrayList<>();
        for (Metric m : Metric.values()) {
            parts.add(m.key() + "=" + o.column(m));
        }
        parts.add("response=" + o.responseColumn());
        parts.add("fcr=" + o.fcrColumn());
        return String.join(",", parts);
    }
}
