package io.github.cxmetrics.report;

import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.trend.Trend;
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
 * (each value against the rest, Holm-corrected), and what was rejected; beside the scores, the
 * operational KPIs (response time, first-contact resolution) and a KTO survey's indices when the
 * input has them ({@link #overallOperations()}). The model behind
 * {@code cxmetrics report}; render it with the renderers of this package.
 *
 * <p>Get one with {@link #generate(Path, ReportOptions)}. The input is read once, streaming: memory
 * grows with the number of groups (periods × segment values), not with the number of rows. With
 * respondent deduplication ({@link ReportOptions#withRespondent}) a file is read twice, and memory
 * also grows with the number of distinct respondents (one entry each, never a whole row).
 * Immutable and thread-safe.
 */
public final class Report {
    private final InputSummary input;
    private final double confidence;
    private final List<Metric> metrics;
    private final Map<Metric, MetricSummary> overall;
    private final List<PeriodSummary> trend;
    private final Map<String, List<SegmentSummary>> segments;
    private final ReportOptions options;
    private final Map<Metric, Trend> trendLines;
    private final List<Assessment> targets;
    private final OperationalSummary overallOperations;

    Report(InputSummary input, ReportOptions options, List<Metric> metrics,
            Map<Metric, MetricSummary> overall, OperationalSummary overallOperations, List<PeriodSummary> trend,
            Map<String, List<SegmentSummary>> segments, Map<Metric, Trend> trendLines,
            List<Assessment> targets) {
        this.overallOperations = Objects.requireNonNull(overallOperations, "overallOperations");
        this.trendLines = Map.copyOf(trendLines);
        this.targets = List.copyOf(targets);
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
        return generate(file, options, bytes -> { });
    }

    /**
     * Reads a CSV export and computes the report, telling {@code progress} how many bytes have been
     * read every 8 MiB or so.
     *
     * @throws IOException if the file cannot be read
     * @throws BadRowException at the first bad row under {@link BadRowPolicy#FAIL}
     */
    public static Report generate(Path file, ReportOptions options, java.util.function.LongConsumer progress)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(options, "options");
        RespondentFilter respondents = null;
        if (options.respondentColumn().isPresent()) {
            try (InputStream in = Files.newInputStream(file)) {
                respondents = RespondentFilter.scan(in, options);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new ReportGenerator(options).onProgress(progress).withRespondents(respondents)
                    .read(in, file.toString());
        }
    }

    /**
     * Reads a CSV export from a stream (not closed) and computes the report.
     *
     * @param name the name to show as the input file
     * @throws IOException if the stream cannot be read
     * @throws BadRowException at the first bad row under {@link BadRowPolicy#FAIL}
     * @throws IllegalArgumentException if the options deduplicate respondents, which needs a file
     *     (it is read twice)
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
    public List<Metric> metrics() {
        return metrics;
    }

    /** The overall summary per metric. */
    public Map<Metric, MetricSummary> overall() {
        return overall;
    }

    /** The trend, one entry per period from the first to the last with data; empty without a granularity. */
    public List<PeriodSummary> trend() {
        return trend;
    }

    /**
     * The trend line of each metric over the trend's periods (weighted least squares on the period
     * scores, see {@code docs/trends.md}); empty without a trend, with fewer than three periods with
     * data, or for weighted reports.
     */
    public Map<Metric, Trend> trendLines() {
        return trendLines;
    }

    /** The targets asked for, each with its status and the reason in numbers. */
    public List<Assessment> targets() {
        return targets;
    }

    /**
     * The operational KPIs and KTO survey over the whole input ({@link OperationalSummary#NONE}
     * when the report has none); periods and segments have theirs in
     * {@link PeriodSummary#operations()} and {@link SegmentSummary#operations()}.
     */
    public OperationalSummary overallOperations() {
        return overallOperations;
    }

    /** Per segment column (in the order asked), its values in ascending order. */
    public Map<String, List<SegmentSummary>> segments() {
        return segments;
    }
}
