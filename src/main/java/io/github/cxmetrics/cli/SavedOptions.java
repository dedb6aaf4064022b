package io.github.cxmetrics.cli;

import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.trend.Metric;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --from-tallies} and {@code --add-to-tallies}: the options that decided which rows went into which group were saved
 * with the tallies. Given again, each must have the saved value; a different one is a usage error
 * (the tallies cannot be regrouped without the raw data). The check runs over every option of
 * {@link ReportGrouping}, so a new grouping option is checked without a change here.
 */
final class SavedOptions {
    /** Options compared only when the saved report has the metric they are about. */
    private static final Map<String, Metric> ONLY_WITH = Map.of("--csat-scale", Metric.CSAT, "--ces-scale",
            Metric.CES);

    private SavedOptions() {
    }

    /**
     * Checks every grouping option given on the command line against the saved one.
     *
     * @throws UsageException naming the option, the value given and the saved value
     */
    static void requireMatch(Args args, ReportGrouping given, ReportGrouping saved, Path dir) {
        for (String option : ReportGrouping.optionNames()) {
            if (!args.has(option) || (ONLY_WITH.containsKey(option)
                    && !saved.metrics().contains(ONLY_WITH.get(option)))) {
                continue;
            }
            if (!given.agrees(saved, option)) {
                throw new UsageException("report: " + option + " " + given.describe(option) + " does not match the "
                        + "tallies in " + dir + ", which were saved with " + saved.describe(option) + " (leave "
                        + option + " out, or give the saved value; regrouping needs the raw data)");
            }
        }
        if (args.has("--survey") && !java.util.Objects.equals(given.survey(), saved.survey())) {
            throw new UsageException("report: --survey " + args.get("--survey") + " does not match the tallies in "
                    + dir + ", which were saved " + (saved.survey() == null ? "without a survey"
                    : "with another survey") + " (leave --survey out, or give the saved survey; regrouping needs "
                    + "the raw data)");
        }
    }
}
