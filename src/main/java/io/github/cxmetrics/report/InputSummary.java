package io.github.cxmetrics.report;

import java.util.List;
import java.util.Map;

/**
 * What a report read: the file, the number of data rows, how many were rejected and why.
 *
 * @param file the file name as given
 * @param rows the number of data rows (the header not counted), rejected ones included
 * @param rejectedRows rows left out under {@link io.github.cxmetrics.report.grouping.BadRowPolicy#SKIP}
 * @param rejectionReasons the number of rejected rows per kind of problem, in the order first seen
 * @param rejectionExamples the first few rejected rows' messages, with line and column
 * @param weighted whether the scores are weighted (by the weight column)
 * @param duplicateRows rows left out because another response of the same respondent was kept
 *     ({@code --respondent}); never counted as rejected
 * @param layout what was detected in the file (format, encoding, delimiter, header rows, timestamp
 *     column and form, the column of each score), or null when the report was not read from a
 *     file (a stream, or stored tallies)
 * @param excluded rows the survey tool marks as not real responses (Qualtrics previews, tests,
 *     spam, unfinished responses), by reason; not counted in {@code rows}
 *
 * @since 0.1.0
 */
public record InputSummary(String file, long rows, long rejectedRows, Map<String, Long> rejectionReasons,
        List<String> rejectionExamples, boolean weighted, long duplicateRows, io.github.cxmetrics.io.ExportLayout layout,
        Map<String, Long> excluded) {
    /** Copies the collections; the reasons keep their order (the order first seen in the input). */
    public InputSummary {
        java.util.LinkedHashMap<String, Long> reasons = new java.util.LinkedHashMap<>();
        rejectionReasons.forEach((k, v) -> reasons.put(java.util.Objects.requireNonNull(k, "reason"),
                java.util.Objects.requireNonNull(v, "count")));
        rejectionReasons = java.util.Collections.unmodifiableMap(reasons);
        rejectionExamples = List.copyOf(rejectionExamples);
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }
}
