package io.github.cxmetrics.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A KPI report of a feedback export: overall NPS, CSAT and CES with n and intervals, optionally a
 * trend over periods (each with its change against the previous period), a breakdown per segment
 * (each value against the rest, Holm-corrected), and what was rejected. The model behind
 * {@code cxmetrics report}; render it with the renderers of this package.
 *
 * <p>Get one with {@link #generate(Path, ReportOptions)}. The input is read once, streaming: memory
 * grows with the number of groups (periods × segment values), not with the number of rows.
 * Immutable and thread-safe.
 */
public final class Report {
    private final InputSummary input;
    private final double confidence;
    private final List<ReportMetric> metrics;
    private final Map<ReportMetric, MetricSummary> overall;
    private final List<PeriodSummary> trend;
    private final Map<String, List<SegmentSummary>> segments;
    private final ReportOptions options;

    Report(InputSummary input, ReportOptions options, List<ReportMetric> metrics,
            Map<ReportMetric, MetricSummary> overall, List<PeriodSummary> trend,
            Map<String, List<SegmentSummary>> segments) {
        this.input = input;
        this.options = options;
        this.confidence = options.confidence();
        this.metrics = List.copyOf(metrics);
        this.overall = Map.copyOf(overall);
        this.trend = List.copyOf(trend);
        this.segments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
    }

    /**
     * Reads a CSV export and computes the report.
     *
     * @throws IOException if the file cannot be read
     * @throws BadRowException at the first bad row under {@link BadRowPolicy#FAIL}
     * @throws io.github.cxmetrics.io.CsvFormatException if the file is not valid CSV (line and column)
     * @throws IllegalArgumentException if a required column is missing
     */
    public static Report generate(Path file, ReportOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return generate(in, file.toString(), options);
        }
    }

    /**
     * Reads a CSV export from a stream (not closed) and computes the report.
     *
     * @param name the name to show as the input file
     * @throws IOException if the stream cannot be read
     * @throws BadRowException at the first bad row under {@link BadRowPolicy#FAIL}
     */
    public static Report generate(InputStream in, String name, ReportOptions options) throws IOException {
        return new ReportGenerator(Objects.requireNonNull(options, "options")).read(in, name);
    }

    /** What was read. */
    public InputSummary input() {
        return input;
    }

    /** The confidence level of every interval. */
    public double confidence() {
        return confidence;
    }

    /** The options the report was made with. */
    public ReportOptions options() {
        return options;
    }

    /** The metrics reported, in the order NPS, CSAT, CES. */
    public List<ReportMetric> metrics() {
        return metrics;
    }

    /** The overall summary per metric. */
    public Map<ReportMetric, MetricSummary> overall() {
        return overall;
    }

    /** The trend, one entry per period from the first to the last with data; empty without a granularity. */
    public List<PeriodSummary> trend() {
        return trend;
    }

    /** Per segment column (in the order asked), its values in ascending order. */
    public Map<String, List<SegmentSummary>> segments() {
        return segments;
    }
}
