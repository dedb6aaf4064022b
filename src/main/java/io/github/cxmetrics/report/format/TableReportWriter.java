package io.github.cxmetrics.report.format;

import static io.github.cxmetrics.report.format.DisplayFormat.clip;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.OutcomeSummary;
import io.github.cxmetrics.report.OperationalSummary;
import io.github.cxmetrics.report.InputSummary;
import io.github.cxmetrics.report.PeriodSummary;
import io.github.cxmetrics.report.KtoSummary;
import io.github.cxmetrics.report.ResponseTimeBasis;
import io.github.cxmetrics.report.SegmentSummary;
import io.github.cxmetrics.report.ResponseTimeSummary;
import io.github.cxmetrics.report.IndexSummary;
import io.github.cxmetrics.report.Highlight;

import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.segment.SegmentResult;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.trend.Trend;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes a report as aligned text tables that fit an 80-column terminal. Numbers are rounded for
 * display only (NPS and CSAT to one decimal, CES to two); every score is shown with its n and
 * interval; {@code *} marks a significant change or difference, {@code !} a group below the
 * minimum n.
 */
final class TableReportWriter {
    private TableReportWriter() {
    }

    /**
     * Writes the report.
     *
     * @throws IOException if the output fails
     */
    static void write(Report report, Appendable out) throws IOException {
        String level = percent(report.confidence());
        input(report, level, out);
        if (report.options().highlights() > 0) {
            highlights(report, out);
        }
        overall(report, level, out);
        operations(report, out);
        if (report.options().grouping().by() != null && !report.trend().isEmpty()) {
            trends(report, out);
        }
        if (!report.targets().isEmpty()) {
            targets(report, out);
        }
        if (!report.options().benchmarks().isEmpty()) {
            benchmarks(report, level, out);
        }
        if (report.options().calendar()) {
            calendar(report, level, out);
        }
        for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
            segmentColumn(report, column.getKey(), column.getValue(), out);
        }
        RankingSections.table(report, out);
        ImprovementSections.table(report, out);
        DriverSections.table(report, out);
        out.append('\n').append("* significant at ").append(percent(1 - report.confidence()))
                .append("   ! fewer than ").append(Long.toString(report.options().minN())).append(" responses")
                .append(report.trend().isEmpty() ? "" : "   # outside control limits").append('\n');
    }

    /** The heading: the file, the rows read and left out (with reasons and examples), the settings. */
    private static void input(Report report, String level, Appendable out) throws IOException {
        InputSummary in = report.input();
        out.append("cxmetrics report: ").append(in.file()).append('\n');
        if (in.layout() != null) {
            out.append("read as ").append(InputText.describe(in, report.metrics(),
                    report.options().grouping().by() != null)).append('\n');
        } else if (!in.excluded().isEmpty()) {
            out.append(InputText.excluded(in).strip()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "rows %d, rejected %d%s, confidence %s, min n %d%n", in.rows(),
                in.rejectedRows(), in.weighted() ? ", weighted" : "", level, report.options().minN()));
        if (report.weighting().isPresent()) {
            out.append(InputText.weighting(report)).append('\n');
        }
        if (report.options().grouping().respondentColumn() != null) {
            out.append(String.format(Locale.ROOT, "duplicates %d left out (one response per %s, %s%s)%n",
                    in.duplicateRows(), report.options().grouping().respondentColumn(),
                    report.options().grouping().keep().name().toLowerCase(Locale.ROOT),
                    report.options().grouping().keepPerPeriod() ? " per period" : ""));
        }
        if (in.rejectedRows() > 0) {
            for (Map.Entry<String, Long> e : in.rejectionReasons().entrySet()) {
                out.append(String.format(Locale.ROOT, "  rejected %d: %s%n", e.getValue(), e.getKey()));
            }
            for (String example : in.rejectionExamples()) {
                out.append("  e.g. ").append(example).append('\n');
            }
        }
    }

    /**
     * The highlights, numbered, each wrapped at 78 columns under its text; or one line saying that
     * nothing needs attention; and how many were left out.
     */
    private static void highlights(Report report, Appendable out) throws IOException {
        List<Highlight> list = report.highlights();
        if (list.isEmpty()) {
            out.append('\n').append("Highlights: nothing needs attention\n");
            return;
        }
        out.append('\n').append("Highlights\n");
        for (int i = 0; i < list.size(); i++) {
            String number = String.format(Locale.ROOT, "%2d. ", i + 1);
            hangingWrap(out, list.get(i).text(), number, " ".repeat(number.length()), 78);
        }
        if (report.highlightsOmitted() > 0) {
            out.append(String.format(Locale.ROOT, "    %d more not shown (--highlights %d shows all)%n",
                    report.highlightsOmitted(), list.size() + report.highlightsOmitted()));
        }
    }

    /**
     * Words wrapped at {@code width}: the first line after {@code first}, the others after
     * {@code indent}; {@code p = 0.003} and {@code n = 81} stay on one line.
     */
    private static void hangingWrap(Appendable out, String text, String first, String indent, int width)
            throws IOException {
        List<String> words = new java.util.ArrayList<>();
        String[] split = text.split(" ", -1);
        for (int i = 0; i < split.length; i++) {
            if ((split[i].equals("=") || split[i].equals("<")) && i > 0 && i + 1 < split.length) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + split[i] + " " + split[++i]);
            } else {
                words.add(split[i]);
            }
        }
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : words) {
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
                start = indent.length();
            } else if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }

    /** The overall table: a row per metric with n, score, interval and the metric's extra figures. */
    private static void overall(Report report, String level, Appendable out) throws IOException {
        out.append('\n').append("Overall\n");
        out.append(String.format(Locale.ROOT, "%-8s %9s %8s  %-19s %s%n", "metric", "n", "score", level + " CI", ""));
        for (Metric m : report.metrics()) {
            MetricSummary s = report.overall().get(m);
            String extra = switch (m) {
                case NPS -> s.n() == 0 ? "" : String.format(Locale.ROOT, "P %d / A %d / D %d",
                        s.promoters().orElse(0), s.passives().orElse(0), s.detractors().orElse(0));
                case CSAT -> s.mean().isPresent() ? String.format(Locale.ROOT, "mean %.2f", s.mean().getAsDouble()) : "";
                case CES -> s.easy().isPresent() ? String.format(Locale.ROOT, "easy %.1f%%", s.easy().getAsDouble()) : "";
            };
            out.append(String.format(Locale.ROOT, "%-8s %9d %8s  %-19s %s%s%n", label(m), s.n(), score(m, s.score()),
                    interval(m, s), extra, s.isSmall() ? " !" : ""));
        }
    }

    /** Per metric: the table of periods and, when there is one, the trend line. */
    private static void trends(Report report, Appendable out) throws IOException {
        String unit = report.options().grouping().by().name().toLowerCase(Locale.ROOT);
        for (Metric m : report.metrics()) {
            out.append('\n').append("Trend by ").append(unit).append(": ").append(label(m)).append('\n');
            trendTable(out, m, report.trend());
            Trend line = report.trendLines().get(m);
            if (line != null) {
                out.append(String.format(Locale.ROOT, "trend line: %s per %s [%s, %s], p %s, %s%n",
                        format(m, line.slope(), true), unit, format(m, line.lower(), false),
                        format(m, line.upper(), false), pValue(line.pValue()),
                        line.direction().name().toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** Each target with its status and the reason, wrapped. */
    private static void targets(Report report, Appendable out) throws IOException {
        out.append('\n').append("Targets\n");
        for (Assessment a : report.targets()) {
            out.append(String.format(Locale.ROOT, "%-24s %s%n", clip(a.target().toString(), 24), a.status()));
            wrap(out, a.reason(), "  ", 78);
        }
        if (!report.periodTargets().isEmpty()) {
            periodTargets(report, out);
        }
    }

    /**
     * Each level target per period: MET, NOT_MET or INSUFFICIENT_DATA on the period's interval, a
     * column per target (headed by the target without deadline and floor).
     */
    private static void periodTargets(Report report, Appendable out) throws IOException {
        String unit = report.options().grouping().by().name().toLowerCase(Locale.ROOT);
        List<Assessment> first = report.periodTargets().values().iterator().next();
        int[] widths = new int[first.size()];
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-10s", "period"));
        for (int i = 0; i < widths.length; i++) {
            String name = first.get(i).target().toString();
            widths[i] = Math.max(17, name.length());
            head.append("  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", name));
        }
        out.append('\n').append("Targets by ").append(unit).append(" (met: the whole interval on the target's side)\n");
        out.append(head.toString().stripTrailing()).append('\n');
        for (Map.Entry<String, List<Assessment>> e : report.periodTargets().entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", e.getKey()));
            for (int i = 0; i < widths.length; i++) {
                row.append("  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", e.getValue().get(i).status()));
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
    }

    /**
     * Benchmarks: per metric the score, the benchmark, score − benchmark with its interval, the
     * p-value of the one-sample test and the verdict.
     */
    private static void benchmarks(Report report, String level, Appendable out) throws IOException {
        out.append('\n').append("Benchmarks (one-sample test of the overall score)\n");
        out.append(String.format(Locale.ROOT, "%-8s %9s %8s %9s %9s  %-19s %7s  %s%n", "metric", "n", "score",
                "benchmark", "diff", level + " CI", "p", "verdict"));
        for (BenchmarkRows.Row row : BenchmarkRows.of(report)) {
            Metric m = row.metric();
            if (row.result().isEmpty()) {
                out.append(String.format(Locale.ROOT, "%-8s %9d %8s %9s  too few responses for the test%n",
                        label(m), row.n(), score(m, report.overall().get(m).score()),
                        format(m, row.value(), m == Metric.NPS)));
                continue;
            }
            io.github.cxmetrics.target.Benchmark b = row.result().get();
            Comparison c = b.comparison();
            out.append(String.format(Locale.ROOT, "%-8s %9d %8s %9s %9s  %-19s %7s  %s%s%n", label(m), b.n(),
                    format(m, b.score(), m == Metric.NPS), format(m, b.value(), m == Metric.NPS),
                    format(m, c.difference(), true), "[" + format(m, c.lower(), false) + ", "
                    + format(m, c.upper(), false) + "]", pValue(c.pValue()), b.verdict(),
                    c.isSignificant() ? " *" : ""));
        }
    }

    /**
     * Calendar effects: per metric, weekend and weekdays (and holidays and other days) with n,
     * score and interval, then the difference with its interval and p-value.
     */
    private static void calendar(Report report, String level, Appendable out) throws IOException {
        out.append('\n').append("Calendar effects (").append(CalendarRows.basis(report)).append(")\n");
        List<CalendarRows.Effect> effects = CalendarRows.of(report);
        if (effects.isEmpty()) {
            out.append("no responses with a day\n");
            return;
        }
        out.append(String.format(Locale.ROOT, "%-8s %-11s %9s %8s  %s%n", "metric", "group", "n", "score",
                level + " CI"));
        for (CalendarRows.Effect e : effects) {
            Metric m = e.metric();
            for (SegmentResult<String> g : List.of(e.first(), e.second())) {
                String ci = g.interval().map(i -> "[" + format(m, i.lower(), false) + ", "
                        + format(m, i.upper(), false) + "]").orElse("");
                out.append(String.format(Locale.ROOT, "%-8s %-11s %9d %8s  %-19s%s", label(m), g.key(), g.n(),
                        score(m, g.score()), ci, g.n() < report.options().minN() ? " !" : "").stripTrailing())
                        .append('\n');
            }
            String test = e.test().map(a -> String.format(Locale.ROOT, "%s [%s, %s], p %s%s",
                    format(m, a.difference(), true), format(m, a.comparison().lower(), false),
                    format(m, a.comparison().upper(), false), pValue(a.pValue()), a.isSignificant() ? " *" : ""))
                    .orElse("- (too few responses)");
            out.append("  ").append(e.first().key()).append(" - ").append(e.second().key()).append(": ")
                    .append(test).append('\n');
        }
    }

    /**
     * Per metric: the values of one segment column (at most {@code --show}, see {@link ShownSegments}),
     * each against the rest; then their trends.
     */
    private static void segmentColumn(Report report, String column, List<SegmentSummary> values, Appendable out)
            throws IOException {
        int show = report.options().show();
        for (Metric m : report.metrics()) {
            ShownSegments shown = ShownSegments.of(values, m, show);
            out.append('\n').append("By ").append(column).append(": ").append(label(m)).append('\n');
            out.append(String.format(Locale.ROOT, "%-14s %8s %8s  %s%n", "segment", "n", "score", "CI"));
            for (SegmentSummary s : shown.values()) {
                MetricSummary ms = s.metrics().get(m);
                String row = String.format(Locale.ROOT, "%-14s %8d %8s  %-19s", clip(s.segment(), 14), ms.n(),
                        score(m, ms.score()), interval(m, ms));
                out.append(ms.isSmall() ? row + " !" : row.stripTrailing()).append('\n');
            }
            vsRestTable(out, m, shown.values());
            if (shown.omitted() > 0) {
                out.append(shown.note(column, values.size(), show)).append('\n');
            }
        }
        if (report.options().grouping().by() != null) {
            for (Metric m : report.metrics()) {
                segmentTrendMatrix(out, column, m, ShownSegments.of(values, m, show).values());
            }
        }
    }

    /** One table per operational KPI: the whole input, each period, each segment value. */
    private static void operations(Report report, Appendable out) throws IOException {
        OperationalSummary overall = report.overallOperations();
        if (overall.responseTime().isPresent()) {
            responseTimes(report, overall.responseTime().get(), out);
        }
        if (overall.firstContactResolution().isPresent()) {
            out.append('\n').append("First-contact resolution %\n");
            out.append(String.format(Locale.ROOT, "%-16s %7s %8s  %s%n", "group", "n", "score", "CI"));
            for (Row row : rows(report)) {
                OutcomeSummary f = row.ops().firstContactResolution().orElseThrow();
                out.append(String.format(Locale.ROOT, "%-16s %7d %8s  %s%n", row.label(), f.n(), percentOf(f.score()),
                        f.lower().isPresent() ? "[" + percentOf(f.lower()) + ", " + percentOf(f.upper()) + "]" : ""));
            }
        }
        if (overall.kto().isPresent()) {
            kto(report, overall.kto().get(), out);
        }
    }

    /** The response-time table, headed by its basis (column, timestamps or business hours). */
    private static void responseTimes(Report report, ResponseTimeSummary all, Appendable out) throws IOException {
        ReportOptions options = report.options();
        out.append('\n').append(String.format(Locale.ROOT, "Response time, %s (within: %% <= %s min target)%n",
                all.basis() == ResponseTimeBasis.BUSINESS_HOURS ? "business minutes" : "minutes",
                DisplayFormat.target(all.target())));
        if (all.basis() != ResponseTimeBasis.COLUMN) {
            out.append(String.format(Locale.ROOT, "%s -> %s; open (not answered yet): %d%n",
                    options.grouping().responseFromColumn(), options.grouping().responseToColumn(),
                    all.open()));
        }
        if (all.basis() == ResponseTimeBasis.BUSINESS_HOURS) {
            out.append("business hours ").append(options.grouping().businessHours().toString()).append(" (")
                    .append(options.grouping().zone().getId()).append(")\n");
            if (!options.grouping().holidays().equals(HolidayCalendar.NONE)) {
                out.append("holidays ").append(options.grouping().holidays().toString()).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%-16s %7s %8s %8s %8s %8s %7s%n", "group", "n", "mean", "median",
                "p90", "p95", "within"));
        for (Row row : rows(report)) {
            ResponseTimeSummary r = row.ops().responseTime().orElseThrow();
            out.append(String.format(Locale.ROOT, "%-16s %7d %8s %8s %8s %8s %7s%n", row.label(), r.n(),
                    minutes(r.mean()), minutes(r.median()), minutes(r.p90()), minutes(r.p95()),
                    r.withinTarget().isPresent() ? String.format(Locale.ROOT, "%.1f%%",
                            r.withinTarget().getAsDouble()) : "-"));
        }
    }

    /** The KTO index table and, below it, the overall completion of each item. */
    private static void kto(Report report, KtoSummary overall, Appendable out) throws IOException {
        out.append('\n').append("KTO index 0-100 (net: -100..100, ACSI-style: item means)\n");
        out.append(String.format(Locale.ROOT, "%-16s %7s %8s  %-19s %8s %8s%n", "group", "n", "index", "CI", "net",
                "ACSI"));
        for (Row row : rows(report)) {
            KtoSummary k = row.ops().kto().orElseThrow();
            IndexSummary i = k.index();
            out.append(String.format(Locale.ROOT, "%-16s %7d %8s  %-19s %8s %8s%n", row.label(), i.n(),
                    percentOf(i.score()), i.lower().isPresent() ? "[" + percentOf(i.lower()) + ", "
                            + percentOf(i.upper()) + "]" : "", percentOf(k.netIndex().score()),
                    percentOf(k.acsiIndex().score())));
        }
        StringBuilder completion = new StringBuilder("completion:");
        for (Map.Entry<String, Double> e : overall.completion().entrySet()) {
            String item = String.format(Locale.ROOT, " %s %.1f%%", e.getKey(), e.getValue());
            if (completion.length() + item.length() > 80) {
                out.append(completion).append('\n');
                completion.setLength(0);
                completion.append("           ");
            }
            completion.append(item);
        }
        out.append(completion).append('\n');
    }

    private record Row(String label, OperationalSummary ops) {
    }

    private static List<Row> rows(Report report) {
        List<Row> rows = new java.util.ArrayList<>();
        rows.add(new Row("all", report.overallOperations()));
        for (PeriodSummary p : report.trend()) {
            rows.add(new Row(p.period(), p.operations()));
        }
        Metric first = report.metrics().isEmpty() ? null : report.metrics().get(0);
        for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
            for (SegmentSummary s : ShownSegments.of(column.getValue(), first, report.options().show()).values()) {
                rows.add(new Row(clip(column.getKey() + "=" + s.segment(), 16), s.operations()));
            }
        }
        return rows;
    }

    private static String minutes(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "-";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String percentOf(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "-";
    }

    private static void trendTable(Appendable out, Metric m, List<PeriodSummary> trend) throws IOException {
        out.append(String.format(Locale.ROOT, "%-10s %8s %8s  %-19s %8s %7s%n", "period", "n", "score", "CI", "change",
                "p"));
        for (PeriodSummary p : trend) {
            MetricSummary s = p.metrics().get(m);
            out.append(String.format(Locale.ROOT, "%-10s %8d %8s  %-19s %s%s%s%n", p.period(), s.n(),
                    score(m, s.score()), interval(m, s), comparison(m, s.change().orElse(null)),
                    s.isSmall() && s.n() > 0 ? " !" : "", s.isOutOfControl() ? " #" : ""));
        }
    }

    /** Periods down, segment values across (at most seven per block, so a block fits 80 columns). */
    private static void segmentTrendMatrix(Appendable out, String column, Metric m, List<SegmentSummary> values)
            throws IOException {
        int perBlock = 7;
        for (int from = 0; from < values.size(); from += perBlock) {
            List<SegmentSummary> block = values.subList(from, Math.min(values.size(), from + perBlock));
            out.append('\n').append(label(m)).append(" by ").append(column).append(" over time\n");
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-10s", "period"));
            for (SegmentSummary s : block) {
                head.append(String.format(Locale.ROOT, " %9s", clip(s.segment(), 9)));
            }
            out.append(head).append('\n');
            int periods = block.get(0).trend().size();
            for (int i = 0; i < periods; i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", block.get(0).trend().get(i)
                        .period()));
                for (SegmentSummary s : block) {
                    MetricSummary ms = s.trend().get(i).metrics().get(m);
                    String cell = score(m, ms.score()) + (ms.isSmall() && ms.n() > 0 ? "!" : " ");
                    row.append(String.format(Locale.ROOT, " %9s", cell));
                }
                out.append(row).append('\n');
            }
        }
    }

    private static void wrap(Appendable out, String text, String indent, int width) throws IOException {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }

    private static String label(Metric m) {
        return switch (m) {
            case NPS -> "NPS";
            case CSAT -> "CSAT %";
            case CES -> "CES";
        };
    }

    private static String format(Metric m, double v, boolean signed) {
        String pattern = m == Metric.CES ? "%.2f" : "%.1f";
        return String.format(Locale.ROOT, signed ? pattern.replace("%", "%+") : pattern, v);
    }

    private static String score(Metric m, OptionalDouble v) {
        return v.isPresent() ? format(m, v.getAsDouble(), m == Metric.NPS) : "-";
    }

    private static String interval(Metric m, MetricSummary s) {
        if (s.lower().isEmpty()) {
            return "";
        }
        return "[" + format(m, s.lower().getAsDouble(), false) + ", " + format(m, s.upper().getAsDouble(), false) + "]";
    }

    private static String comparison(Metric m, Comparison c) {
        if (c == null) {
            return String.format(Locale.ROOT, "%8s %7s", "", "");
        }
        return String.format(Locale.ROOT, "%8s %7s%s", format(m, c.difference(), true), pValue(c.pValue()),
                c.isSignificant() ? "*" : " ");
    }

    /**
     * Each value against the rest of its column: the difference, the family-wise interval (its level
     * in the heading, one per column and metric), the raw p-value and the Holm-adjusted one with the
     * verdict.
     */
    private static void vsRestTable(Appendable out, Metric m, List<SegmentSummary> values) throws IOException {
        String level = "";
        for (SegmentSummary s : values) {
            Optional<AdjustedComparison> a = s.metrics().get(m).vsRest();
            if (a.isPresent()) {
                level = " at " + percent(a.get().familywiseConfidence());
                break;
            }
        }
        out.append("vs rest, Holm-adjusted (family-wise CI").append(level).append(")\n");
        out.append(String.format(Locale.ROOT, "%-14s %8s  %-19s %7s %7s%n", "segment", "vs rest", "family-wise CI",
                "p", "adj. p"));
        for (SegmentSummary s : values) {
            Optional<AdjustedComparison> v = s.metrics().get(m).vsRest();
            if (v.isEmpty()) {
                out.append(clip(s.segment(), 14).stripTrailing()).append('\n');
                continue;
            }
            AdjustedComparison a = v.get();
            String ci = "[" + format(m, a.familywiseLower(), false) + ", " + format(m, a.familywiseUpper(), false) + "]";
            out.append(String.format(Locale.ROOT, "%-14s %8s  %-19s %7s %7s%s%n", clip(s.segment(), 14),
                    format(m, a.difference(), true), ci, pValue(a.pValue()), pValue(a.adjustedPValue()),
                    a.isSignificant() ? "*" : ""));
        }
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "<.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String percent(double level) {
        return new java.math.BigDecimal(level * 100).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
