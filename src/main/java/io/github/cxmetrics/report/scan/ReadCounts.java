package io.github.cxmetrics.report.scan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a pass read, before any summary: the report turns it into its {@code InputSummary}, the
 * archive stores it.
 *
 * @param file the file name as given
 * @param rows the number of data rows, rejected ones included
 * @param rejectedRows rows left out as bad
 * @param rejectionReasons the number of rejected rows per kind of problem, in the order first seen
 * @param rejectionExamples the first few rejected rows' messages
 * @param weighted whether the scores are weighted
 * @param duplicateRows rows left out as another response of a kept respondent
 */
public record ReadCounts(String file, long rows, long rejectedRows, Map<String, Long> rejectionReasons,
        List<String> rejectionExamples, boolean weighted, long duplicateRows) {
    /** Copies the collections; the reasons keep their order. */
    public ReadCounts {
        LinkedHashMap<String, Long> reasons = new LinkedHashMap<>();
        rejectionReasons.forEach((k, v) -> reasons.put(Objects.requireNonNull(k, "reason"),
                Objects.requireNonNull(v, "count")));
        rejectionReasons = Collections.unmodifiableMap(reasons);
        rejectionExamples = List.copyOf(rejectionExamples);
    }
}
