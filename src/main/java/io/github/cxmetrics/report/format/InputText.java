package io.github.cxmetrics.report.format;

import io.github.cxmetrics.io.ExportFormat;
import io.github.cxmetrics.io.ExportLayout;
import io.github.cxmetrics.report.InputSummary;
import io.github.cxmetrics.trend.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the writers show what was detected in the input file. Stateless. */
final class InputText {
    private InputText() {
    }

    /** {@code plain}, {@code qualtrics}, {@code qualtrics-legacy} or {@code surveymonkey}. */
    /**
     * The raking line of the table and HTML: {@code weighting: raking to region, channel (base
     * weights: weight), 7 iterations, converged; design effect 1.23, effective n 812.3, weights
     * 0.41 - 2.87}.
     */
    static String weighting(io.github.cxmetrics.report.Report report) {
        io.github.cxmetrics.report.WeightingSummary w = report.weighting().orElseThrow();
        List<String> variables = new java.util.ArrayList<>();
        report.options().grouping().rake().forEach(m -> variables.add(m.variable()));
        String base = report.options().grouping().weightColumn();
        return String.format(java.util.Locale.ROOT, "weighting: %s to %s%s, %d iterations, %s; design effect %.3f, "
                + "effective n %.1f, weights %.3f - %.3f", w.method(), String.join(", ", variables),
                base == null ? "" : " (base weights: " + base + ")", w.iterations(),
                w.converged() ? "converged" : String.format(java.util.Locale.ROOT, "not converged (max deviation %.2g)",
                        w.maxDeviation()), w.designEffect(), w.effectiveN(), w.minWeight(), w.maxWeight());
    }

    static String format(ExportFormat format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The column read for each reported metric, by metric key, in report order. */
    static Map<String, String> columns(ExportLayout layout, List<Metric> metrics) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            String column = layout.scoreColumns().get(m.name());
            if (column != null) {
                out.put(m.key(), column);
            }
        }
        return out;
    }

    /** {@code \n  excluded: 2 blank line, 1 unfinished}, or nothing when no row was excluded. */
    static String excluded(InputSummary in) {
        if (in.excluded().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n  excluded:");
        in.excluded().forEach((reason, n) -> sb.append(' ').append(n).append(' ').append(reason).append(','));
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /**
     * The lines after {@code read as }: {@code plain CSV, UTF-8, ',' delimited, 1 header row}, then
     * {@code   columns: nps "NPS", time "RecordedDate" (yyyy-MM-dd HH:mm:ss)}, the exclusions and the
     * notes, each on its own line.
     */
    static String describe(InputSummary in, List<Metric> metrics, boolean trend) {
        ExportLayout l = in.layout();
        int headerRows = l.headerRows();
        StringBuilder sb = new StringBuilder(format(l.format())).append(" CSV, ").append(l.encoding()).append(", '")
                .append(l.delimiter() == '\t' ? "\\t" : String.valueOf(l.delimiter())).append("' delimited, ")
                .append(headerRows).append(headerRows == 1 ? " header row" : " header rows")
                .append(l.excelSepLine() ? " after a sep= line" : "");
        if (l.skippedRows() > 0) {
            sb.append(" + ").append(l.skippedRows()).append(" skipped");
        }
        String sep = "\n  columns: ";
        for (Map.Entry<String, String> e : columns(l, metrics).entrySet()) {
            sb.append(sep).append(e.getKey()).append(" \"").append(e.getValue()).append('"');
            sep = ", ";
        }
        if (trend && l.timestampColumn().isPresent()) {
            sb.append(sep).append("time \"").append(l.timestampColumn().get()).append("\" (")
                    .append(l.timestampFormat().orElse("")).append(')');
        }
        sb.append(excluded(in));
        for (String note : l.notes()) {
            sb.append("\n  note: ").append(note);
        }
        return sb.toString();
    }
}
