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
 * @param layout what was detected in the file, or null when it was not read from a file (a
 *     stream, or stored tallies)
 * @param excluded the rows the survey tool marks as not real responses, by reason; not in {@code rows}
 */
public record ReadCounts(String file, long rows, long rejectedRows, Map<String, Long> rejectionReasons,
        List<String> rejectionExamples, boolean weighted, long duplicateRows, io.github.cxmetrics.io.ExportLayout layout,
        Map<String, Long> excluded) {
    /** Copies the collections; the reasons keep their order. */
    public ReadCounts {
        LinkedHashMap<String, Long> reasons = new LinkedHashMap<>();
        rejectionReasons.forEach((k, v) -> reasons.put(Objects.requireNonNull(k, "reason"),
                Objects.requireNonNull(v, "count")));
        rejectionReasons = Collections.unmodifiableMap(reasons);
        rejectionExamples = List.copyOf(rejectionExamples);
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
    }

    /** Counts without a detected layout or exclusions, as before detection existed. */
    public ReadCounts(String file, long rows, long rejectedRows, Map<String, Long> rejectionReasons,
            List<String> rejectionExamples, boolean weighted, long duplicateRows) {
        this(file, rows, rejectedRows, rejectionReasons, rejectionExamples, weighted, duplicateRows, null, Map.of());
    }

    /** The same counts with what was detected in the file. */
    public ReadCounts withLayout(io.github.cxmetrics.io.ExportLayout detected) {
        return new ReadCounts(file, rows, rejectedRows, rejectionReasons, rejectionExamples, weighted, duplicateRows,
                detected, excluded);
    }
}
