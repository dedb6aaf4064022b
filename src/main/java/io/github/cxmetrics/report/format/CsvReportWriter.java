package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.OutcomeSummary;
import io.github.cxmetrics.report.OperationalSummary;
import io.github.cxmetrics.report.PeriodSummary;
import io.github.cxmetrics.report.KtoSummary;
import io.github.cxmetrics.report.SegmentSummary;
import io.github.cxmetrics.report.ResponseTimeSummary;
import io.github.cxmetrics.report.IndexSummary;
import io.github.cxmetrics.report.Highlight;

import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.stats.Comparison;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes a {@link Report} as CSV for spreadsheets: one row per (segment, period, metric), the
 * {@code csv} format of {@code cxmetrics report}.
 *
 * <p>The output is RFC 4180: comma-separated, records ended by CRLF, a field quoted with {@code "}
 * when it contains a comma, a quote, CR or LF, and a quote inside a quoted field doubled. A segment
 * column or value that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is written with a leading {@code '}, so that a spreadsheet shows it instead of running it
 * as a formula (OWASP's advice on CSV injection); numbers are written as they are. The first
 * record is the header:
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>content</th></tr>
 *   <tr><td>{@code segment_column}</td><td>the segment column (e.g. {@code channel}); empty for the
 *       whole input</td></tr>
 *   <tr><td>{@code segment}</td><td>the segment value as it appears in the data; empty for the whole
 *       input (tell an empty segment value apart by its non-empty {@code segment_column})</td></tr>
 *   <tr><td>{@code period}</td><td>the period label ({@code 2025-W03}, {@code 2025-03}, …); empty for
 *       the total over all periods</td></tr>
 *   <tr><td>{@code period_start}</td><td>the period's first day, ISO-8601 ({@code 2025-01-13})</td></tr>
 *   <tr><td>{@code metric}</td><td>{@code nps}, {@code csat} or {@code ces}</td></tr>
 *   <tr><td>{@code n}</td><td>the number of responses to the question</td></tr>
 *   <tr><td>{@code score}, {@code standard_error}, {@code lower}, {@code upper}</td><td>the score in
 *       display units (NPS points, CSAT % satisfied, CES mean), its standard error and confidence
 *       limits</td></tr>
 *   <tr><td>{@code small_sample}</td><td>{@code true} when n is below the report's minimum n</td></tr>
 *   <tr><td>{@code change}, {@code change_lower}, {@code change_upper}, {@code change_p_value},
 *       {@code change_significant}</td><td>this period − the previous period, its interval, p-value and
 *       verdict (period rows after the first)</td></tr>
 *   <tr><td>{@code vs_rest}, {@code vs_rest_lower}, {@code vs_rest_upper}, {@code vs_rest_p_value},
 *       {@code vs_rest_adjusted_p_value}, {@code vs_rest_familywise_confidence},
 *       {@code vs_rest_familywise_lower}, {@code vs_rest_familywise_upper},
 *       {@code vs_rest_significant}</td><td>this segment − the rest of its column: the interval at the
 *       report's confidence and the raw p-value, the Holm-adjusted p-value, the family-wise interval and
 *       its level, and the adjusted verdict, which the family-wise interval agrees with (segment rows
 *       without a period)</td></tr>
 *   <tr><td>{@code effective_n}</td><td>Kish's effective n, when the report is weighted</td></tr>
 *   <tr><td>{@code promoters}, {@code passives}, {@code detractors}</td><td>NPS counts</td></tr>
 *   <tr><td>{@code satisfied}, {@code mean}</td><td>CSAT: satisfied (top-box) count and mean rating</td></tr>
 *   <tr><td>{@code easy}</td><td>CES: % easy (top box)</td></tr>
 *   <tr><td>{@code resolved}</td><td>{@code first_contact_resolution}: the count resolved</td></tr>
 *   <tr><td>{@code median}, {@code p90}, {@code p95}, {@code target}, {@code within_target}</td><td>
 *       {@code response_time}: quantile estimates in minutes, the target in minutes and the exact %
 *       of times within it</td></tr>
 * </table>
 *
 * <p>Operational KPIs, when the report has them, add rows after each group's score rows:
 * {@code response_time} (n, {@code score} = the exact mean in minutes, and the columns above),
 * {@code first_contact_resolution} (n, {@code score} = % resolved, {@code lower}, {@code upper}),
 * and with a KTO survey {@code kto}, {@code kto_net} and {@code kto_acsi} (n = eligible respondents,
 * {@code score}, {@code standard_error}, {@code lower}, {@code upper}). Their {@code small_sample}
 * compares n with the minimum n too.
 *
 * <p>Unless the report's highlights are off ({@code --highlights 0}), three more columns follow (after
 * the target columns when the report has targets),
 * {@code highlight_rank}, {@code highlight_kind} and {@code highlight_text}, and the rows right after
 * the header are the highlights in their order: a change, a control-limit alert or a segment below the
 * rest repeats its group's data row, a target has its estimate and interval as {@code score},
 * {@code lower}, {@code upper}; the data rows leave the three cells empty
 * ({@code docs/report-formats.md}).
 * <p>Targets ({@code --target}), when the report has them, add seven columns after
 * {@code within_target}: {@code target_expression}, {@code target_status}, {@code target_reason},
 * {@code projected_period}, {@code projected}, {@code projected_lower}, {@code projected_upper}
 * (empty on every other row), and rows after the segment rows: one per target for the whole report
 * (period empty; {@code metric} the target's measure such as {@code nps} or {@code response.mean},
 * n, {@code score} = the estimate it was judged on, {@code lower}, {@code upper}, the status, the
 * reason and the projection to the deadline when there is one), then with a trend one per period
 * and level target (the target judged on that period alone, without deadline and floor:
 * {@code MET}, {@code NOT_MET} or {@code INSUFFICIENT_DATA}). Without targets the header and rows
 * are as below.
 *
 * <p>Rows come in this order, each group with one row per metric of the report (NPS, CSAT, CES):
 * the whole input; each trend period; then per segment column and per value (ascending) the value's
 * total followed by its periods. So a report with M metrics (operational rows included), P periods and segment columns with
 * V<sub>1</sub>, V<sub>2</sub>, … values has M × (1 + P) × (1 + V<sub>1</sub> + V<sub>2</sub> + …)
 * data rows. Periods without responses are kept, with n = 0 and empty scores.
 *
 * <p>With benchmarks, rows with {@code segment_column} {@value #BENCHMARK} follow at the end
 * ({@link #benchmarkRows}); with calendar effects, after them, rows with {@code segment_column} {@value #CALENDAR} follow at the end
 * ({@link #calendarRows}).
 *
 * <p>{@code change} and {@code vs_rest} come from the report's default two-sample methods (NPS
 * adjusted Wald, CSAT pooled z with Newcombe's interval, CES Welch). For NPS the difference is taken
 * between the adjusted scores (docs/methods.md), so at small n it is not exactly the difference of the
 * two {@code score} cells; a verdict is {@code true} when the p-value is below 1 − confidence.
 *
 * <p>A cell is empty when its value is undefined (a score of no responses, the interval of a CES mean
 * of one response, the change of the first period). Numbers are not rounded: they are written with
 * {@link Double#toString(double)} (e.g. {@code 40.0}, {@code 1.25E-4}), counts as integers, verdicts as
 * {@code true}/{@code false}. Text is written exactly as in the data, so a segment value beginning
 * with {@code =} or {@code +} may be taken for a formula by a spreadsheet that opens the file.
 */
final class CsvReportWriter {
    /** The header, in column order. */
    static final List<String> HEADER = List.of("segment_column", "segment", "period", "period_start", "metric", "n",
            "score", "standard_error", "lower", "upper", "small_sample",
            "change", "change_lower", "change_upper", "change_p_value", "change_significant",
            "vs_rest", "vs_rest_lower", "vs_rest_upper", "vs_rest_p_value", "vs_rest_adjusted_p_value",
            "vs_rest_familywise_confidence", "vs_rest_familywise_lower", "vs_rest_familywise_upper",
            "vs_rest_significant",
            "effective_n", "promoters", "passives", "detractors", "satisfied", "mean", "easy",
            "resolved", "median", "p90", "p95", "target", "within_target");

    /** The columns after {@link #HEADER} when the report has highlights ({@code --highlights} above 0). */
    static final List<String> HIGHLIGHT_HEADER = List.of("highlight_rank", "highlight_kind", "highlight_text");

    /** The columns added after {@link #HEADER} when the report has targets (see the class comment). */
    static final List<String> TARGET_HEADER = List.of("target_expression", "target_status", "target_reason",
            "projected_period", "projected", "projected_lower", "projected_upper");
    private static final String CRLF = "\r\n";
    /** The columns after {@code easy}, empty on score rows. */
    private static final int OPS_COLUMNS = HEADER.size() - 1 - HEADER.indexOf("easy");

    private CsvReportWriter() {
    }

    /**
     * Writes the report to {@code out} (not flushed or closed).
     *
     * @throws IOException if {@code out} throws it
     * @throws NullPointerException if an argument is null
     */
    static void write(Report report, Appendable out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        boolean highlights = report.options().highlights() > 0;
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < HEADER.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(HEADER.get(i));
        }
        boolean targets = !report.targets().isEmpty();
        if (targets) {
            line.append(',').append(String.join(",", TARGET_HEADER));
        }
        if (highlights) {
            line.append(',').append(String.join(",", HIGHLIGHT_HEADER));
        }
        out.append(line).append(CRLF);
        // every row has the optional columns too: the target columns, then the highlight columns
        String targetCells = targets ? ",".repeat(TARGET_HEADER.size()) : "";
        String highlightCells = highlights ? ",".repeat(HIGHLIGHT_HEADER.size()) : "";
        if (highlights) {
            highlightRows(out, line, report, targetCells);
        }
        String end = targetCells + highlightCells + CRLF;
        List<Metric> metrics = report.metrics();
        long minN = report.options().minN();
        if (report.weighting().isPresent()) {
            weighting(out, line, report, end);
        }
        rows(out, line, "", "", null, report.overall(), metrics, end);
        opsRows(out, line, "", "", null, report.overallOperations(), minN, end);
        for (PeriodSummary period : report.trend()) {
            rows(out, line, "", "", period, period.metrics(), metrics, end);
            opsRows(out, line, "", "", period, period.operations(), minN, end);
        }
        for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
            for (SegmentSummary segment : column.getValue()) {
                rows(out, line, column.getKey(), segment.segment(), null, segment.metrics(), metrics, end);
                opsRows(out, line, column.getKey(), segment.segment(), null, segment.operations(), minN, end);
                for (PeriodSummary period : segment.trend()) {
                    rows(out, line, column.getKey(), segment.segment(), period, period.metrics(), metrics, end);
                    opsRows(out, line, column.getKey(), segment.segment(), period, period.operations(), minN, end);
                }
            }
        }
        if (targets) {
            for (Assessment a : report.targets()) {
                targetRow(out, line, null, a, minN, highlightCells + CRLF);
            }
            for (PeriodSummary period : report.trend()) {
                for (Assessment a : report.periodTargets().getOrDefault(period.period(), List.of())) {
                    targetRow(out, line, period, a, minN, highlightCells + CRLF);
                }
            }
        }
        benchmarkRows(out, line, report, end);
        calendarRows(out, end, line, report);
        rankingRows(out, line, report, minN, end);
        improvementRows(out, line, report, minN, end);
        driverRows(out, line, report, end);
    }

    /** The segment_column of benchmark rows. */
    static final String BENCHMARK = "(benchmark)";

    /**
     * Benchmarks: a row per metric with a benchmark ({@code segment_column} {@value #BENCHMARK},
     * {@code segment} the benchmark value), n and score as overall, and score − benchmark with the
     * one-sample test in the {@code vs_rest} columns (one hypothesis: adjusted p and family-wise
     * interval are the raw ones); empty when the metric has too few responses for the test.
     */
    private static void benchmarkRows(Appendable out, StringBuilder line, Report report, String end)
            throws IOException {
        for (BenchmarkRows.Row row : BenchmarkRows.of(report)) {
            MetricSummary s = report.overall().get(row.metric());
            String[] cells = cells(BENCHMARK, Double.toString(row.value()), null, row.metric().key(), row.n(),
                    report.options().minN());
            put(cells, "score", s.score());
            if (row.result().isPresent()) {
                Comparison c = row.result().get().comparison();
                cells[HEADER.indexOf("vs_rest")] = Double.toString(c.difference());
                cells[HEADER.indexOf("vs_rest_lower")] = Double.toString(c.lower());
                cells[HEADER.indexOf("vs_rest_upper")] = Double.toString(c.upper());
                cells[HEADER.indexOf("vs_rest_p_value")] = Double.toString(c.pValue());
                cells[HEADER.indexOf("vs_rest_adjusted_p_value")] = Double.toString(c.pValue());
                cells[HEADER.indexOf("vs_rest_familywise_confidence")] = Double.toString(c.confidence());
                cells[HEADER.indexOf("vs_rest_familywise_lower")] = Double.toString(c.lower());
                cells[HEADER.indexOf("vs_rest_familywise_upper")] = Double.toString(c.upper());
                cells[HEADER.indexOf("vs_rest_significant")] = Boolean.toString(c.isSignificant());
            }
            write(out, line, cells, end);
        }
    }

    /** The segment_column of calendar-effect rows. */
    static final String CALENDAR = "(calendar)";

    /**
     * Calendar effects: per metric and comparison a row per group ({@code segment_column}
     * {@value #CALENDAR}, {@code segment} the group), with the test of this group − the other in
     * the {@code vs_rest} columns (one hypothesis, so the adjusted p-value and family-wise interval
     * are the raw ones).
     */
    private static void calendarRows(Appendable out, String end, StringBuilder line, Report report) throws IOException {
        for (CalendarRows.Effect e : CalendarRows.of(report)) {
            for (io.github.cxmetrics.segment.SegmentResult<String> g : List.of(e.first(), e.second())) {
                String[] cells = cells(CALENDAR, g.key(), null, e.metric().key(), g.n(), report.options().minN());
                put(cells, "effective_n", g.effectiveN());
                put(cells, "score", g.score());
                if (g.interval().isPresent()) {
                    cells[HEADER.indexOf("lower")] = Double.toString(g.interval().get().lower());
                    cells[HEADER.indexOf("upper")] = Double.toString(g.interval().get().upper());
                }
                if (g.vsRest().isPresent()) {
                    AdjustedComparison a = g.vsRest().get();
                    cells[HEADER.indexOf("vs_rest")] = Double.toString(a.difference());
                    cells[HEADER.indexOf("vs_rest_lower")] = Double.toString(a.comparison().lower());
                    cells[HEADER.indexOf("vs_rest_upper")] = Double.toString(a.comparison().upper());
                    cells[HEADER.indexOf("vs_rest_p_value")] = Double.toString(a.pValue());
                    cells[HEADER.indexOf("vs_rest_adjusted_p_value")] = Double.toString(a.adjustedPValue());
                    cells[HEADER.indexOf("vs_rest_familywise_confidence")] = Double.toString(a.familywiseConfidence());
                    cells[HEADER.indexOf("vs_rest_familywise_lower")] = Double.toString(a.familywiseLower());
                    cells[HEADER.indexOf("vs_rest_familywise_upper")] = Double.toString(a.familywiseUpper());
                    cells[HEADER.indexOf("vs_rest_significant")] = Boolean.toString(a.isSignificant());
                }
                write(out, line, cells, end);
            }
        }
    }

    /**
     * A target row: the target's measure, n, estimate and interval in the score columns, and the
     * target columns; for the whole input (period empty) or one period (no deadline or floor).
     */
    private static void targetRow(Appendable out, StringBuilder line, PeriodSummary period, Assessment a, long minN,
            String end) throws IOException {
        String[] cells = cells("", "", period, a.target().measure().key(), a.n(), minN);
        put(cells, "score", a.estimate());
        put(cells, "lower", a.lower());
        put(cells, "upper", a.upper());
        String[] all = java.util.Arrays.copyOf(cells, HEADER.size() + TARGET_HEADER.size());
        int t = HEADER.size();
        all[t] = a.target().toString();
        all[t + 1] = a.status().name();
        all[t + 2] = a.reason();
        all[t + 3] = a.projectedPeriod().map(p -> p.label()).orElse("");
        all[t + 4] = a.projected().isPresent() ? Double.toString(a.projected().getAsDouble()) : "";
        all[t + 5] = a.projectedLower().isPresent() ? Double.toString(a.projectedLower().getAsDouble()) : "";
        all[t + 6] = a.projectedUpper().isPresent() ? Double.toString(a.projectedUpper().getAsDouble()) : "";
        write(out, line, all, end);
    }


    /**
     * The rows of {@code --drivers}: one per driver question, {@code segment_column} =
     * {@code drivers}, {@code segment} = the question, {@code metric} = {@code driver_lmg} and
     * {@code driver_relative_weight} ({@code score} = the share of R², {@code lower}/{@code upper} =
     * its bootstrap interval), {@code n} = the complete answers.
     */
    private static void driverRows(Appendable out, StringBuilder line, Report report, String end)
            throws IOException {
        if (report.keyDrivers().isEmpty()) {
            return;
        }
        io.github.cxmetrics.insight.KeyDrivers k = report.keyDrivers().get();
        io.github.cxmetrics.insight.DriverBootstrap boot = report.keyDriverIntervals().orElse(null);
        for (int j = 0; j < k.drivers().size(); j++) {
            io.github.cxmetrics.insight.Driver d = k.drivers().get(j);
            double[][] values = {{d.lmg(), boot == null ? Double.NaN : boot.lmgInterval(j)[0],
                boot == null ? Double.NaN : boot.lmgInterval(j)[1]}, {d.relativeWeight(),
                boot == null ? Double.NaN : boot.relativeWeightInterval(j)[0],
                boot == null ? Double.NaN : boot.relativeWeightInterval(j)[1]}};
            String[] kinds = {"driver_lmg", "driver_relative_weight"};
            for (int v = 0; v < 2; v++) {
                String[] cells = cells("drivers", d.name(), null, kinds[v], k.n(), 0);
                cells[HEADER.indexOf("small_sample")] = "";
                for (int c = 0; c < 3; c++) {
                    cells[HEADER.indexOf(c == 0 ? "score" : c == 1 ? "lower" : "upper")] =
                            Double.isNaN(values[v][c]) ? "" : Double.toString(values[v][c]);
                }
                write(out, line, cells, end);
            }
        }
    }

    /**
     * The rows of {@code --bayes}: {@code <metric>_probability_improved} on trend period rows
     * (against the previous period) and {@code <metric>_probability_better_than_rest} on segment
     * rows; {@code score} = the probability, {@code standard_error} = its Monte Carlo error (0 when
     * exact).
     */
    private static void improvementRows(Appendable out, StringBuilder line, Report report, long minN, String end)
            throws IOException {
        java.util.Map<String, PeriodSummary> periods = new java.util.HashMap<>();
        report.trend().forEach(p -> periods.put(p.period(), p));
        for (io.github.cxmetrics.report.Improvement i : report.improvements()) {
            boolean period = i.column() == null;
            String[] cells = cells(period ? "" : i.column(), period ? "" : i.segment(),
                    period ? periods.get(i.period()) : null, i.metric().key()
                            + (period ? "_probability_improved" : "_probability_better_than_rest"), 0, 0);
            cells[HEADER.indexOf("n")] = "";
            cells[HEADER.indexOf("small_sample")] = "";
            cells[HEADER.indexOf("score")] = Double.toString(i.probability().value());
            cells[HEADER.indexOf("standard_error")] = Double.toString(i.probability().standardError());
            write(out, line, cells, end);
        }
    }

    /**
     * The rows of {@code --rank}: per ranked value and measure, {@code <measure>_shrunk} (score =
     * the shrunk estimate, lower/upper = the credible interval), {@code <measure>_probability_best}
     * and {@code <measure>_probability_bottom_quartile} (score = the probability).
     */
    private static void rankingRows(Appendable out, StringBuilder line, Report report, long minN, String end)
            throws IOException {
        for (io.github.cxmetrics.report.Ranking r : report.rankings()) {
            if (r.ranking() == null) {
                continue;
            }
            for (io.github.cxmetrics.insight.GroupRanking.RankedGroup g : r.ranking().groups()) {
                String[] shrunk = cells(r.column(), g.group(), null, r.measure() + "_shrunk", g.n(), minN);
                shrunk[HEADER.indexOf("score")] = Double.toString(g.shrunk());
                shrunk[HEADER.indexOf("lower")] = Double.toString(g.lower());
                shrunk[HEADER.indexOf("upper")] = Double.toString(g.upper());
                write(out, line, shrunk, end);
                String[] best = cells(r.column(), g.group(), null, r.measure() + "_probability_best", g.n(), minN);
                best[HEADER.indexOf("score")] = Double.toString(g.probabilityBest());
                write(out, line, best, end);
                String[] low = cells(r.column(), g.group(), null, r.measure() + "_probability_bottom_quartile", g.n(),
                        minN);
                low[HEADER.indexOf("score")] = Double.toString(g.probabilityBottomQuartile());
                write(out, line, low, end);
            }
        }
    }

    /**
     * One row per highlight, in order, before the data rows: a change, a control-limit alert or a
     * segment below the rest repeats its group's data row; a target has its estimate as
     * {@code score} with the estimate's interval as {@code lower}, {@code upper}; then the rank,
     * the kind and the text.
     */
    private static void highlightRows(Appendable out, StringBuilder line, Report report, String targetCells)
            throws IOException {
        List<PeriodSummary> trend = report.trend();
        PeriodSummary last = trend.isEmpty() ? null : trend.get(trend.size() - 1);
        Map<String, Map<String, SegmentSummary>> byValue = new java.util.HashMap<>();
        int rank = 0;
        for (Highlight h : report.highlights()) {
            line.setLength(0);
            line.append(targetCells).append(',').append(++rank).append(',').append(h.kind().name()).append(',');
            field(line, text(h.text()));
            line.setLength(line.length() - 1);
            String end = line + CRLF;
            String column = h.segmentColumn().orElse("");
            String value = h.segment().orElse("");
            PeriodSummary period = h.period().isPresent() && last != null && last.period().equals(h.period().get())
                    ? last : null;
            if (h.kind() == Highlight.Kind.TARGET) {
                String[] cells = cells(column, value, period, h.metric(), h.n(), report.options().minN());
                put(cells, "score", h.score());
                put(cells, "lower", h.lower());
                put(cells, "upper", h.upper());
                write(out, line, cells, end);
                continue;
            }
            Map<Metric, MetricSummary> summaries = period == null ? report.overall() : period.metrics();
            if (!column.isEmpty()) {
                SegmentSummary s = byValue.computeIfAbsent(column, c -> {
                    Map<String, SegmentSummary> m = new java.util.HashMap<>();
                    report.segments().get(c).forEach(v -> m.put(v.segment(), v));
                    return m;
                }).get(value);
                period = period == null ? null : s.trend().get(s.trend().size() - 1);
                summaries = period == null ? s.metrics() : period.metrics();
            }
            rows(out, line, column, value, period, summaries, List.of(Metric.parse(h.metric())), end);
        }
    }

    private static void rows(Appendable out, StringBuilder line, String column, String segment, PeriodSummary period,
            Map<Metric, MetricSummary> summaries, List<Metric> metrics, String end) throws IOException {
        for (Metric metric : metrics) {
            MetricSummary s = summaries.get(metric);
            line.setLength(0);
            field(line, text(column));
            field(line, text(segment));
            field(line, period == null ? "" : period.period());
            field(line, period == null ? "" : period.start().toString());
            field(line, metric.key());
            field(line, Long.toString(s.n()));
            field(line, s.score());
            field(line, s.standardError());
            field(line, s.lower());
            field(line, s.upper());
            field(line, Boolean.toString(s.isSmall()));
            comparison(line, s.change());
            vsRest(line, s.vsRest());
            field(line, s.effectiveN());
            field(line, s.promoters());
            field(line, s.passives());
            field(line, s.detractors());
            field(line, s.satisfied());
            field(line, s.mean());
            field(line, s.easy());
            for (int i = 0; i < OPS_COLUMNS; i++) {
                line.append(',');
            }
            line.setLength(line.length() - 1); // the last separator
            out.append(line).append(end);
        }
    }

    /** The operational rows of one group: response time, FCR, the KTO indices. */
    private static void opsRows(Appendable out, StringBuilder line, String column, String segment,
            PeriodSummary period, OperationalSummary ops, long minN, String end) throws IOException {
        if (ops.responseTime().isPresent()) {
            ResponseTimeSummary r = ops.responseTime().get();
            String[] cells = cells(column, segment, period, "response_time", r.n(), minN);
            put(cells, "score", r.mean());
            put(cells, "median", r.median());
            put(cells, "p90", r.p90());
            put(cells, "p95", r.p95());
            cells[HEADER.indexOf("target")] = Double.toString(r.target());
            put(cells, "within_target", r.withinTarget());
            write(out, line, cells, end);
        }
        if (ops.firstContactResolution().isPresent()) {
            OutcomeSummary f = ops.firstContactResolution().get();
            String[] cells = cells(column, segment, period, "first_contact_resolution", f.n(), minN);
            put(cells, "score", f.score());
            put(cells, "lower", f.lower());
            put(cells, "upper", f.upper());
            cells[HEADER.indexOf("resolved")] = Long.toString(f.successes());
            write(out, line, cells, end);
        }
        if (ops.kto().isPresent()) {
            KtoSummary k = ops.kto().get();
            index(out, line, cells(column, segment, period, "kto", k.index().n(), minN), k.index(), end);
            index(out, line, cells(column, segment, period, "kto_net", k.netIndex().n(), minN), k.netIndex(), end);
            index(out, line, cells(column, segment, period, "kto_acsi", k.acsiIndex().n(), minN), k.acsiIndex(), end);
        }
    }

    private static void index(Appendable out, StringBuilder line, String[] cells, IndexSummary s, String end)
            throws IOException {
        put(cells, "score", s.score());
        put(cells, "standard_error", s.standardError());
        put(cells, "lower", s.lower());
        put(cells, "upper", s.upper());
        write(out, line, cells, end);
    }

    private static String[] cells(String column, String segment, PeriodSummary period, String metric, long n,
            long minN) {
        String[] cells = new String[HEADER.size()];
        java.util.Arrays.fill(cells, "");
        cells[0] = text(column);
        cells[1] = text(segment);
        cells[2] = period == null ? "" : period.period();
        cells[3] = period == null ? "" : period.start().toString();
        cells[4] = metric;
        cells[5] = Long.toString(n);
        cells[HEADER.indexOf("small_sample")] = Boolean.toString(n < minN);
        return cells;
    }

    /**
     * A text cell from the data (a segment column or value) as a spreadsheet shows it, not runs it:
     * one that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
     * gets a leading {@code '} (OWASP, "CSV Injection"). Numbers are never passed here.
     */
    static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    /**
     * The raking row of a raked report ({@code --rake}), first after the header: metric
     * {@code weighting}, n = the rows weighted, score = Kish's design effect, lower/upper = the
     * smallest and largest weight, effective_n = Kish's effective n.
     */
    private static void weighting(Appendable out, StringBuilder line, Report report, String end) throws IOException {
        io.github.cxmetrics.report.WeightingSummary w = report.weighting().get();
        String[] cells = new String[HEADER.size()];
        java.util.Arrays.fill(cells, "");
        cells[HEADER.indexOf("metric")] = "weighting";
        cells[HEADER.indexOf("n")] = Long.toString(report.input().rows() - report.input().rejectedRows()
                - report.input().duplicateRows());
        put(cells, "score", OptionalDouble.of(w.designEffect()));
        put(cells, "lower", OptionalDouble.of(w.minWeight()));
        put(cells, "upper", OptionalDouble.of(w.maxWeight()));
        put(cells, "effective_n", OptionalDouble.of(w.effectiveN()));
        write(out, line, cells, end);
    }

    private static void put(String[] cells, String name, OptionalDouble value) {
        cells[HEADER.indexOf(name)] = value.isPresent() ? Double.toString(value.getAsDouble()) : "";
    }

    private static void write(Appendable out, StringBuilder line, String[] cells, String end) throws IOException {
        line.setLength(0);
        for (String cell : cells) {
            field(line, cell);
        }
        line.setLength(line.length() - 1);
        out.append(line).append(end);
    }

    private static void vsRest(StringBuilder line, Optional<AdjustedComparison> a) {
        if (a.isPresent()) {
            Comparison v = a.get().comparison();
            field(line, Double.toString(v.difference()));
            field(line, Double.toString(v.lower()));
            field(line, Double.toString(v.upper()));
            field(line, Double.toString(v.pValue()));
            field(line, Double.toString(a.get().adjustedPValue()));
            field(line, Double.toString(a.get().familywiseConfidence()));
            field(line, Double.toString(a.get().familywiseLower()));
            field(line, Double.toString(a.get().familywiseUpper()));
            field(line, Boolean.toString(a.get().isSignificant()));
        } else {
            line.append(",".repeat(9));
        }
    }

    private static void comparison(StringBuilder line, Optional<Comparison> c) {
        if (c.isPresent()) {
            Comparison v = c.get();
            field(line, Double.toString(v.difference()));
            field(line, Double.toString(v.lower()));
            field(line, Double.toString(v.upper()));
            field(line, Double.toString(v.pValue()));
            field(line, Boolean.toString(v.isSignificant()));
        } else {
            for (int i = 0; i < 5; i++) {
                line.append(',');
            }
        }
    }

    private static void field(StringBuilder line, OptionalDouble value) {
        field(line, value.isPresent() ? Double.toString(value.getAsDouble()) : "");
    }

    private static void field(StringBuilder line, OptionalLong value) {
        field(line, value.isPresent() ? Long.toString(value.getAsLong()) : "");
    }

    /** Appends one field and its trailing separator, quoted when RFC 4180 requires it. */
    static void field(StringBuilder line, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (quote) {
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        } else {
            line.append(value);
        }
        line.append(',');
    }
}
