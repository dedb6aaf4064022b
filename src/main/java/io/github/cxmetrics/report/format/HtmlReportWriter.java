package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.OperationalSummary;
import io.github.cxmetrics.report.InputSummary;
import io.github.cxmetrics.report.PeriodSummary;
import io.github.cxmetrics.report.ResponseTimeBasis;
import io.github.cxmetrics.report.SegmentSummary;
import io.github.cxmetrics.report.IndexSummary;
import io.github.cxmetrics.report.Highlight;

import java.util.Optional;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.trend.Trend;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.target.Target;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link Report} as one self-contained HTML page with inline SVG charts: the {@code html}
 * format of {@code cxmetrics report}.
 *
 * <p>The page shows, in order:
 * <ol>
 * <li>unless the highlights are off ({@code --highlights 0}), the highlights
 *     ({@code <section class="highlights">}): a numbered list of one-line texts, or a sentence saying
 *     that nothing needs attention;</li>
 * <li>the input: file, rows read, rejected rows with their reasons and first examples, the
 *     confidence level, the minimum n, whether scores are weighted;</li>
 * <li>a tile per metric (NPS, CSAT, CES): the score, its confidence interval "lower – upper", n (and
 *     Kish's effective n when weighted), the metric's counts, and a "small sample" flag when n is below
 *     the minimum n;</li>
 * <li>beside them, when the report has them, a tile per operational KPI: response time
 *     ({@code data-metric="responseTime"}: the % within the target, median, p90, mean, n),
 *     first-contact resolution ({@code data-metric="firstContactResolution"}: % resolved, interval, n)
 *     and the KTO index ({@code data-metric="kto"}: index, interval, n, net and ACSI-style indices,
 *     completion per question);</li>
 * <li>with a trend and operational KPIs: a table with a row per period ({@code <table
 *     class="operations">}) of the same numbers;</li>
 * <li>with a trend: a line chart per metric ({@code <svg class="chart" data-metric="nps">}) with the
 *     score per period, the confidence band as a shaded area, gaps (not interpolation) where a period
 *     has no score, thinned period labels and value ticks; hollow points mark small groups, ringed
 *     points a significant change against the previous period;</li>
 * <li>with segments: per segment column and metric a bar chart ({@code <svg class="segments"
 *     data-metric="nps" data-segment-column="channel">}) with a bar and an interval whisker per value,
 *     a dashed line at the overall score, small groups hatched and labelled "n &lt; 30", and ▲/▼ where a
 *     value differs significantly from the rest of its column (Holm-adjusted).</li>
 * </ol>
 * Every point and bar has a tooltip with its unrounded-to-display numbers, interval, n and test.
 *
 * <p>The document needs nothing from elsewhere: no script, no font, no image, no external style
 * sheet; the only URL in it is the SVG namespace name {@code http://www.w3.org/2000/svg}. It is
 * HTML5 and also well-formed XML (every element closed, attributes quoted, text escaped), so it can be
 * checked or transformed with an XML parser. Every character outside ASCII is written as a numeric
 * character reference, so the output is plain ASCII and reads the same whatever encoding the
 * {@code Appendable} uses. Characters that XML does not allow (e.g. control characters in a segment
 * value) are replaced by U+FFFD. Numbers are rounded for display only: NPS and CSAT to one decimal,
 * CES to two.
 */
final class HtmlReportWriter {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1d2329;\
            margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.4}
            h1{font-size:1.6rem;margin-bottom:.2rem}
            h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d5dae0;padding-bottom:.2rem}
            h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
            .meta{color:#56606b;margin-top:0}
            dl.input{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem}
            dl.input dt{font-weight:600}
            dl.input dd{margin:0}
            .tiles{display:flex;flex-wrap:wrap;gap:1rem}
            .tile{border:1px solid #d5dae0;border-radius:.5rem;padding:.8rem 1rem;min-width:12rem;flex:1}
            .tile .name{font-weight:700;letter-spacing:.05em}
            .tile .meaning{color:#56606b;font-size:.8rem}
            .tile .value{font-size:2.2rem;font-weight:700}
            .tile .interval,.tile .n,.tile .counts{font-size:.9rem}
            .flag{color:#a34700;font-weight:600}
            .tile.small{border-color:#e0a060;background:#fff8f0}
            p.note{color:#56606b;font-size:.85rem}
            svg{max-width:100%;height:auto;font-size:11px;font-family:inherit}
            svg .grid{stroke:#e3e7eb;stroke-width:1}
            svg .grid.zero,svg .baseline{stroke:#8a949e}
            svg .tick{stroke:#8a949e}
            svg text{fill:#3b444d}
            svg .band{fill:#4a7fc1;fill-opacity:.2;stroke:none}
            svg line.band{stroke:#4a7fc1;stroke-opacity:.35;stroke-width:6;stroke-linecap:round}
            svg .line{fill:none;stroke:#1f4e8c;stroke-width:2}
            svg .point{fill:#1f4e8c;stroke:#fff;stroke-width:1}
            svg .point.small{fill:#fff;stroke:#1f4e8c;stroke-width:1.5}
            svg .point.significant{stroke:#a34700;stroke-width:2}
            svg .bar{fill:#4a7fc1}
            svg .bar.small{stroke:#4a7fc1;stroke-width:1}
            svg .hatch-ground{fill:#fff}
            svg .hatch-line{stroke:#4a7fc1;stroke-width:2}
            svg .whisker line{stroke:#1d2329;stroke-width:1.5}
            svg .overall line{stroke:#1d2329;stroke-dasharray:4 3;stroke-width:1}
            svg .flag{fill:#a34700;font-weight:600}
            svg .sig{fill:#1f4e8c;font-weight:700}
            svg .label.missing,svg .empty{font-style:italic}
            table.operations{border-collapse:collapse;font-size:.9rem}
            table.operations th,table.operations td{padding:.2rem .6rem;border-bottom:1px solid #e3e7eb;\
            text-align:right}
            table.operations th:first-child,table.operations td:first-child{text-align:left}
            """;

    /** The style of the highlights section, added only when the report has it. */
    private static final String HIGHLIGHT_STYLE = """
            section.highlights{border:1px solid #d5dae0;border-radius:.5rem;padding:.2rem 1rem .6rem;\
            background:#fbfcfd}
            section.highlights h2{border-bottom:none;margin-top:.6rem}
            section.highlights ol{margin:.2rem 0;padding-left:1.6rem}
            section.highlights li{margin:.25rem 0;padding-left:.4rem;border-left:4px solid #1f4e8c}
            section.highlights li.worse{border-left-color:#a34700}
            section.highlights li .kind{font-size:.75rem;font-weight:700;color:#56606b;letter-spacing:.04em}
            """;
    /** Added to {@link #STYLE} only when the report has targets, so other reports stay as they were. */
    private static final String TARGET_STYLE = """
            table.targets{border-collapse:collapse;font-size:.9rem}
            table.targets th,table.targets td{padding:.25rem .6rem;border-bottom:1px solid #e3e7eb;text-align:left;\
            vertical-align:top}
            table.targets code{white-space:nowrap}
            .status{font-weight:700;white-space:nowrap;border-radius:.3rem;padding:.05rem .4rem}
            .status.MET{background:#dcefdc;color:#1b5e20}
            .status.ON_TRACK{background:#e1ecf7;color:#1f4e8c}
            .status.AT_RISK{background:#fdebd3;color:#8a3b00}
            .status.NOT_MET,.status.MISSED{background:#f8dcdc;color:#8e1b1b}
            .status.INSUFFICIENT_DATA{background:#eceff1;color:#455a64}
            svg .goal line.target{stroke:#2e7d32;stroke-width:1.5;stroke-dasharray:6 4}
            svg .goal text.target{fill:#2e7d32;font-weight:600}
            svg .goal .projection{fill:none;stroke:#2e7d32;stroke-width:2;stroke-dasharray:3 3}
            svg .goal line.projection.whisker{stroke-dasharray:none;stroke-opacity:.6;stroke-width:3;\
            stroke-linecap:round}
            svg .goal circle.projection{fill:#fff;stroke:#2e7d32;stroke-dasharray:none}
            """;

    private final Report report;
    private final Markup m;
    private final DisplayFormat format;
    private final String level;
    private int patterns;

    private HtmlReportWriter(Report report, StringBuilder out) {
        this.report = report;
        this.m = new Markup(out);
        this.format = new DisplayFormat(report.options());
        this.level = DisplayFormat.percent(report.confidence());
    }

    /**
     * Writes the report to {@code out} (not flushed or closed) as one HTML document.
     *
     * @throws IOException if {@code out} throws it
     * @throws NullPointerException if an argument is null
     */
    static void write(Report report, Appendable out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        StringBuilder sb = new StringBuilder(32 * 1024);
        sb.append("<!DOCTYPE html>\n");
        new HtmlReportWriter(report, sb).document();
        out.append(sb);
    }

    private void document() {
        String file = report.input().file();
        m.start("html").attr("lang", "en").newline();
        m.start("head").newline();
        m.start("meta").attr("charset", "utf-8").end().newline();
        m.start("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1").end()
                .newline();
        m.element("title", "cxmetrics report: " + file).newline();
        m.start("style").newline().raw(STYLE + (report.options().highlights() > 0 ? HIGHLIGHT_STYLE : "")
                + (report.targets().isEmpty() ? "" : TARGET_STYLE)).end().newline();
        m.end().newline();
        m.start("body").newline();
        m.element("h1", "Customer feedback report").newline();
        m.start("p").attr("class", "meta").text(file).end().newline();
        if (report.options().highlights() > 0) {
            highlights();
        }
        input();
        tiles();
        if (!report.trend().isEmpty() && !report.overallOperations().isEmpty()) {
            operationsPerPeriod();
        }
        if (!report.targets().isEmpty()) {
            targets();
        }
        if (!report.trend().isEmpty()) {
            trend();
        }
        if (!report.options().benchmarks().isEmpty()) {
            benchmarks();
        }
        if (report.options().calendar()) {
            calendar();
        }
        if (!report.segments().isEmpty()) {
            segments();
        }
        RankingSections.html(report, m);
        ImprovementSections.html(report, m);
        DriverSections.html(report, m);
        m.start("p").attr("class", "note").text("Intervals are " + level + " confidence intervals (NPS adjusted Wald, "
                + "CSAT Wilson, CES Student t). Groups with n below " + report.options().minN()
                + " are shown but flagged. Differences between segments are tested against the rest of the "
                + "segment column with Holm-adjusted p-values. Made with cxmetrics.").end().newline();
        m.end().newline();
        m.end().newline();
        if (!m.isBalanced()) {
            throw new AssertionError("unbalanced markup");
        }
    }

    /**
     * The highlights as a numbered list, each with its kind and its one-line text (a change for the
     * worse marked by a rust border, for the better by a blue one); or a sentence saying nothing needs
     * attention; and how many were left out.
     */
    private void highlights() {
        m.start("section").attr("class", "highlights").newline();
        m.element("h2", "Highlights").newline();
        if (report.highlights().isEmpty()) {
            m.start("p").attr("class", "none").text("Nothing needs attention: no target missed, not met or at "
                    + "risk; no significant change and no score outside its control limits in the last period; no "
                    + "segment significantly below the rest (Holm-adjusted).").end().newline();
        } else {
            m.start("ol").newline();
            for (Highlight h : report.highlights()) {
                m.start("li").attr("class", h.isWorse() ? "worse" : "better")
                        .attr("data-kind", h.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .attr("data-metric", h.metric());
                m.start("span").attr("class", "kind").text(kindLabel(h)).end().text(" " + h.text()).end().newline();
            }
            m.end().newline();
        }
        if (report.highlightsOmitted() > 0) {
            m.start("p").attr("class", "note").text(report.highlightsOmitted() + " more not shown (--highlights "
                    + (report.highlights().size() + report.highlightsOmitted()) + " shows all).").end().newline();
        }
        m.end().newline();
    }

    private static String kindLabel(Highlight h) {
        return switch (h.kind()) {
            case TARGET -> "TARGET";
            case CHANGE -> "CHANGE";
            case OUT_OF_CONTROL -> "CONTROL LIMITS";
            case BELOW_REST -> "BELOW THE REST";
        };
    }

    private void input() {
        InputSummary in = report.input();
        ReportOptions options = report.options();
        m.element("h2", "Input").newline();
        m.start("dl").attr("class", "input").newline();
        item("File", in.file());
        item("Rows", DisplayFormat.count(in.rows()));
        m.element("dt", "Rejected rows");
        m.start("dd").text(DisplayFormat.count(in.rejectedRows()));
        if (!in.rejectionReasons().isEmpty()) {
            m.start("ul").attr("class", "reasons");
            in.rejectionReasons().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> m.element("li", e.getKey() + ": " + DisplayFormat.count(e.getValue())));
            m.end();
        }
        if (!in.rejectionExamples().isEmpty()) {
            m.text("First rejected rows:").start("ul").attr("class", "examples");
            for (String example : in.rejectionExamples()) {
                m.element("li", example);
            }
            m.end();
        }
        m.end().newline();
        item("Confidence level", level);
        item("Minimum n", DisplayFormat.count(options.minN()));
        item("Weighted", !in.weighted() ? "no" : report.weighting().isPresent() ? InputText.weighting(report)
                : "yes, by column " + options.grouping().weightColumn());
        String zone = options.grouping().zone().equals(ZoneOffset.UTC) ? "UTC" : options.grouping().zone().getId();
        Optional.ofNullable(options.grouping().by()).ifPresent(by -> item("Trend", "per " + by.name().toLowerCase(Locale.ROOT) + ", calendar of "
                + zone));
        if (!options.grouping().segments().isEmpty()) {
            item("Segments", String.join(", ", options.grouping().segments()));
        }
        m.end().newline();
    }

    private void item(String term, String definition) {
        m.element("dt", term).element("dd", definition).newline();
    }

    private void tiles() {
        m.element("h2", "Overall").newline();
        m.start("div").attr("class", "tiles").newline();
        for (Metric metric : report.metrics()) {
            MetricSummary s = report.overall().get(metric);
            m.start("div").attr("class", s.isSmall() ? "tile small" : "tile").attr("data-metric", metric.key());
            m.start("div").attr("class", "name").text(DisplayFormat.name(metric)).end();
            m.start("div").attr("class", "meaning").text(format.meaning(metric)).end();
            m.start("div").attr("class", "value").text(s.score().isPresent()
                    ? DisplayFormat.score(metric, s.score().getAsDouble()) : DisplayFormat.EN_DASH).end();
            if (s.lower().isPresent() && s.upper().isPresent()) {
                m.start("div").attr("class", "interval").text(level + " CI " + DisplayFormat.interval(metric,
                        s.lower().getAsDouble(), s.upper().getAsDouble())).end();
            }
            String n = "n = " + DisplayFormat.count(s.n());
            if (s.effectiveN().isPresent()) {
                n += " (effective n = " + DisplayFormat.decimals(s.effectiveN().getAsDouble(), 1) + ")";
            }
            m.start("div").attr("class", "n").text(n).end();
            String counts = counts(metric, s);
            if (!counts.isEmpty()) {
                m.start("div").attr("class", "counts").text(counts).end();
            }
            if (s.n() == 0) {
                m.start("div").attr("class", "flag").text("no responses").end();
            } else if (s.isSmall()) {
                m.start("div").attr("class", "flag").text("small sample: n < " + report.options().minN()).end();
            }
            m.end().newline();
        }
        operationTiles(report.overallOperations());
        m.end().newline();
    }

    private void operationTiles(OperationalSummary ops) {
        String sep = " " + DisplayFormat.DOT + " ";
        ops.responseTime().ifPresent(r -> {
            String target = DisplayFormat.target(r.target());
            String unit = r.basis() == ResponseTimeBasis.BUSINESS_HOURS ? " business min" : " min";
            tile("responseTime", "Response time", "share of first responses within " + target + unit,
                    r.withinTarget().isPresent() ? DisplayFormat.decimals(r.withinTarget().getAsDouble(), 1) + " %"
                            : DisplayFormat.EN_DASH,
                    r.median().isPresent() ? "median " + minutes(r.median().getAsDouble()) + " min" + sep + "p90 "
                            + minutes(r.p90().getAsDouble()) + " min" + sep + "mean " + minutes(r.mean().getAsDouble())
                            + " min" : "",
                    r.n());
        });
        ops.firstContactResolution().ifPresent(f -> tile("firstContactResolution", "FCR",
                "% resolved in the first contact",
                f.score().isPresent() ? DisplayFormat.decimals(f.score().getAsDouble(), 1) + " %" : DisplayFormat.EN_DASH,
                f.lower().isPresent() ? level + " CI " + DisplayFormat.decimals(f.lower().getAsDouble(), 1) + " "
                        + DisplayFormat.EN_DASH + " " + DisplayFormat.decimals(f.upper().getAsDouble(), 1) + sep
                        + DisplayFormat.count(f.successes()) + " resolved" : "",
                f.n()));
        ops.kto().ifPresent(k -> {
            IndexSummary i = k.index();
            StringBuilder completion = new StringBuilder();
            for (Map.Entry<String, Double> e : k.completion().entrySet()) {
                completion.append(completion.length() == 0 ? "answered: " : sep).append(e.getKey()).append(' ')
                        .append(DisplayFormat.decimals(e.getValue(), 0)).append(" %");
            }
            tile("kto", "KTO", "satisfaction index 0" + DisplayFormat.EN_DASH + "100",
                    i.score().isPresent() ? DisplayFormat.decimals(i.score().getAsDouble(), 1) : DisplayFormat.EN_DASH,
                    (i.lower().isPresent() ? level + " CI " + DisplayFormat.decimals(i.lower().getAsDouble(), 1) + " "
                            + DisplayFormat.EN_DASH + " " + DisplayFormat.decimals(i.upper().getAsDouble(), 1) + sep
                            : "") + "net " + optional(k.netIndex().score()) + sep + "ACSI-style "
                            + optional(k.acsiIndex().score()) + (completion.length() == 0 ? "" : sep + completion),
                    i.n());
        });
    }

    private void tile(String key, String name, String meaning, String value, String detail, long n) {
        boolean small = n < report.options().minN();
        m.start("div").attr("class", small ? "tile small" : "tile").attr("data-metric", key);
        m.start("div").attr("class", "name").text(name).end();
        m.start("div").attr("class", "meaning").text(meaning).end();
        m.start("div").attr("class", "value").text(value).end();
        if (!detail.isEmpty()) {
            m.start("div").attr("class", "counts").text(detail).end();
        }
        m.start("div").attr("class", "n").text("n = " + DisplayFormat.count(n)).end();
        if (n == 0) {
            m.start("div").attr("class", "flag").text("no data").end();
        } else if (small) {
            m.start("div").attr("class", "flag").text("small sample: n < " + report.options().minN()).end();
        }
        m.end().newline();
    }

    private static String minutes(double value) {
        return DisplayFormat.decimals(value, 1);
    }

    private static String optional(java.util.OptionalDouble value) {
        return value.isPresent() ? DisplayFormat.decimals(value.getAsDouble(), 1) : DisplayFormat.EN_DASH;
    }

    /** A row per period: response time (n, median, p90, % within target), FCR and the KTO index. */
    private void operationsPerPeriod() {
        OperationalSummary overall = report.overallOperations();
        m.element("h2", "Operations per period").newline();
        m.start("table").attr("class", "operations").newline();
        m.start("tr").element("th", "period");
        overall.responseTime().ifPresent(r -> m.element("th", "responses").element("th", "median min")
                .element("th", "p90 min").element("th", "within " + DisplayFormat.target(r.target()) + " min"));
        overall.firstContactResolution().ifPresent(f -> m.element("th", "FCR n").element("th", "FCR")
                .element("th", level + " CI"));
        overall.kto().ifPresent(k -> m.element("th", "KTO n").element("th", "KTO index")
                .element("th", level + " CI"));
        m.end().newline();
        for (PeriodSummary p : report.trend()) {
            OperationalSummary ops = p.operations();
            m.start("tr").attr("data-period", p.period()).element("td", p.period());
            ops.responseTime().ifPresent(r -> m.element("td", DisplayFormat.count(r.n()))
                    .element("td", optional(r.median())).element("td", optional(r.p90()))
                    .element("td", r.withinTarget().isPresent() ? optional(r.withinTarget()) + " %"
                            : DisplayFormat.EN_DASH));
            ops.firstContactResolution().ifPresent(f -> m.element("td", DisplayFormat.count(f.n()))
                    .element("td", f.score().isPresent() ? optional(f.score()) + " %" : DisplayFormat.EN_DASH)
                    .element("td", range(f.lower(), f.upper())));
            ops.kto().ifPresent(k -> m.element("td", DisplayFormat.count(k.index().n()))
                    .element("td", optional(k.index().score()))
                    .element("td", range(k.index().lower(), k.index().upper())));
            m.end().newline();
        }
        m.end().newline();
    }

    private static String range(java.util.OptionalDouble lower, java.util.OptionalDouble upper) {
        return lower.isPresent() ? DisplayFormat.decimals(lower.getAsDouble(), 1) + " " + DisplayFormat.EN_DASH + " "
                + DisplayFormat.decimals(upper.getAsDouble(), 1) : DisplayFormat.EN_DASH;
    }

    private static String counts(Metric metric, MetricSummary s) {
        String sep = " " + DisplayFormat.DOT + " ";
        return switch (metric) {
            case NPS -> s.n() == 0 ? "" : DisplayFormat.count(s.promoters().orElse(0)) + " promoters" + sep
                    + DisplayFormat.count(s.passives().orElse(0)) + " passives" + sep
                    + DisplayFormat.count(s.detractors().orElse(0)) + " detractors";
            case CSAT -> s.mean().isEmpty() ? "" : DisplayFormat.count(s.satisfied().orElse(0)) + " satisfied" + sep
                    + "mean " + DisplayFormat.decimals(s.mean().getAsDouble(), 2);
            case CES -> s.easy().isEmpty() ? "" : DisplayFormat.decimals(s.easy().getAsDouble(), 1) + " % easy";
        };
    }

    private void trend() {
        m.element("h2", "Trend").newline();
        for (Metric metric : report.metrics()) {
            m.start("h3").text(DisplayFormat.name(metric) + " per period").end().newline();
            m.start("figure").newline();
            List<TrendChart.Goal> goals = goals(metric);
            TrendChart.draw(m, metric, report.trend(), format, level, goals);
            m.element("figcaption", "Line: " + DisplayFormat.name(metric) + "; shaded band: " + level
                    + " confidence interval; hollow points: n below " + report.options().minN()
                    + "; ringed points: significant change against the previous period; gaps: no responses."
                    + (goals.isEmpty() ? "" : " Green dashed line: the target level; dotted line and whisker: the "
                            + "trend projected to the deadline's period with its " + level + " interval."));
            m.end().newline();
        }
    }

    /** The targets: status, reason, and with a trend each level target per period. */
    private void targets() {
        m.element("h2", "Targets").newline();
        m.start("table").attr("class", "targets").newline();
        m.start("tr").element("th", "target").element("th", "status").element("th", "reason").end().newline();
        for (Assessment a : report.targets()) {
            m.start("tr");
            m.start("td").start("code").text(a.target().toString()).end().end();
            m.start("td").start("span").attr("class", "status " + a.status().name()).text(a.status().name()).end()
                    .end();
            m.element("td", a.reason());
            m.end().newline();
        }
        m.end().newline();
        if (report.periodTargets().isEmpty()) {
            return;
        }
        m.start("h3").text("Targets per period").end().newline();
        m.start("table").attr("class", "targets").newline();
        m.start("tr").element("th", "period");
        List<Assessment> first = report.periodTargets().values().iterator().next();
        for (Assessment a : first) {
            m.start("th").start("code").text(a.target().toString()).end().end();
        }
        m.end().newline();
        for (Map.Entry<String, List<Assessment>> row : report.periodTargets().entrySet()) {
            m.start("tr").element("td", row.getKey());
            for (Assessment a : row.getValue()) {
                m.start("td").start("span").attr("class", "status " + a.status().name()).text(a.status().name());
                m.element("title", a.reason());
                m.end().end();
            }
            m.end().newline();
        }
        m.end().newline();
        m.start("p").attr("class", "note").text("Per period, each level target is judged on that period's own "
                + "responses, without deadline or floor: MET when the whole " + level + " interval is on the "
                + "target's side, NOT_MET when it is wholly on the other side, INSUFFICIENT_DATA otherwise.").end()
                .newline();
    }

    /** The level targets of a metric, as goals on its trend chart, with their projections. */
    private List<TrendChart.Goal> goals(Metric metric) {
        List<TrendChart.Goal> goals = new java.util.ArrayList<>();
        List<PeriodSummary> trend = report.trend();
        for (Assessment a : report.targets()) {
            Target t = a.target();
            if (t.kind() != Target.Kind.LEVEL || t.measure().metric().orElse(null) != metric || trend.isEmpty()) {
                continue;
            }
            int ahead = 0;
            double from = 0;
            if (a.projectedPeriod().isPresent() && a.projected().isPresent()) {
                CalendarPeriod at = a.projectedPeriod().get();
                CalendarPeriod last = at.granularity().periodOf(trend.get(trend.size() - 1).start(), at.zone());
                long k = last.until(at);
                Trend line = report.trendLines().get(metric);
                MetricSummary lastSummary = trend.get(trend.size() - 1).metrics().get(metric);
                from = line != null ? line.intercept() + line.slope() * line.origin().until(last)
                        : lastSummary.score().orElse(a.projected().getAsDouble());
                // a projection further ahead than three times the trend would squeeze the chart: not drawn
                ahead = k > 0 && k <= 3L * trend.size() ? (int) k : 0;
            }
            goals.add(new TrendChart.Goal(t.toString(), t.value(), ahead,
                    a.projectedPeriod().map(CalendarPeriod::label).orElse(""), from,
                    a.projected().orElse(0), a.projectedLower().orElse(0), a.projectedUpper().orElse(0)));
        }
        return goals;
    }

    /** Benchmarks: a row per metric with the score, the benchmark, the difference and the verdict. */
    private void benchmarks() {
        m.element("h2", "Benchmarks").newline();
        m.start("table").attr("class", "benchmarks").newline();
        m.start("tr").element("th", "metric").element("th", "n").element("th", "score").element("th", "benchmark")
                .element("th", "difference").element("th", level + " CI").element("th", "p").element("th", "verdict")
                .end().newline();
        for (BenchmarkRows.Row row : BenchmarkRows.of(report)) {
            Metric metric = row.metric();
            MetricSummary s = report.overall().get(metric);
            m.start("tr").attr("data-metric", metric.key());
            m.element("td", DisplayFormat.name(metric)).element("td", DisplayFormat.count(row.n()))
                    .element("td", s.score().isPresent() ? DisplayFormat.score(metric, s.score().getAsDouble())
                            : DisplayFormat.EN_DASH)
                    .element("td", DisplayFormat.score(metric, row.value()));
            if (row.result().isPresent()) {
                io.github.cxmetrics.target.Benchmark b = row.result().get();
                io.github.cxmetrics.stats.Comparison c = b.comparison();
                m.element("td", DisplayFormat.difference(metric, c.difference()))
                        .element("td", DisplayFormat.interval(metric, c.lower(), c.upper()))
                        .element("td", DisplayFormat.pValue(c.pValue()))
                        .element("td", b.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            } else {
                m.element("td", "too few responses for the test").element("td", "").element("td", "")
                        .element("td", "");
            }
            m.end().newline();
        }
        m.end().newline();
    }

    /** Calendar effects: a table per report, a row per group, the difference after each pair. */
    private void calendar() {
        m.element("h2", "Calendar effects").newline();
        m.start("p").attr("class", "meta").text("Days: " + CalendarRows.basis(report) + ".").end().newline();
        List<CalendarRows.Effect> effects = CalendarRows.of(report);
        if (effects.isEmpty()) {
            m.element("p", "No responses with a day.").newline();
            return;
        }
        m.start("table").attr("class", "calendar").newline();
        m.start("tr").element("th", "metric").element("th", "group").element("th", "n").element("th", "score")
                .element("th", level + " CI").element("th", "difference").element("th", level + " CI")
                .element("th", "p").end().newline();
        for (CalendarRows.Effect e : effects) {
            Metric metric = e.metric();
            for (io.github.cxmetrics.segment.SegmentResult<String> g : List.of(e.first(), e.second())) {
                boolean first = g == e.first();
                m.start("tr").attr("data-metric", metric.key()).attr("data-group", g.key());
                m.element("td", DisplayFormat.name(metric)).element("td", g.key())
                        .element("td", DisplayFormat.count(g.n()) + (g.effectiveN().isPresent() ? " (effective n = "
                                + DisplayFormat.decimals(g.effectiveN().getAsDouble(), 1) + ")" : "")
                                + (g.n() < report.options().minN() ? " (small)" : ""))
                        .element("td", g.score().isPresent() ? DisplayFormat.score(metric, g.score().getAsDouble())
                                : DisplayFormat.EN_DASH)
                        .element("td", g.interval().map(i -> DisplayFormat.interval(metric, i.lower(), i.upper()))
                                .orElse(DisplayFormat.EN_DASH));
                if (first && e.test().isPresent()) {
                    io.github.cxmetrics.segment.AdjustedComparison a = e.test().get();
                    m.element("td", DisplayFormat.difference(metric, a.difference()) + " (" + e.first().key() + " "
                            + DisplayFormat.MINUS + " " + e.second().key() + ")")
                            .element("td", DisplayFormat.interval(metric, a.comparison().lower(),
                                    a.comparison().upper()))
                            .element("td", DisplayFormat.pValue(a.pValue()) + (a.isSignificant() ? " *" : ""));
                } else {
                    m.element("td", first ? DisplayFormat.EN_DASH : "").element("td", "").element("td", "");
                }
                m.end().newline();
            }
        }
        m.end().newline();
        m.start("p").attr("class", "note").text("* significant at " + DisplayFormat.percent(1 - report.confidence())
                + " (two-group test of the metric, not adjusted: one hypothesis per comparison).").end().newline();
    }

    private void segments() {
        m.element("h2", "Segments").newline();
        for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
            for (Metric metric : report.metrics()) {
                m.start("h3").text(DisplayFormat.name(metric) + " by " + column.getKey()).end().newline();
                m.start("figure").newline();
                int show = report.options().show();
                ShownSegments shown = ShownSegments.of(column.getValue(), metric, show);
                SegmentChart.draw(m, metric, column.getKey(), shown.values(), report.overall().get(metric),
                        format, level, report.options().minN(), "hatch-" + (++patterns));
                m.element("figcaption", "Bars: " + DisplayFormat.name(metric) + " per " + column.getKey()
                        + "; whiskers: " + level + " confidence interval; dashed line: overall; hatched and "
                        + "flagged: n below " + report.options().minN() + "; \u25b2/\u25bc: significantly above or "
                        + "below the rest (Holm-adjusted)." + (shown.omitted() == 0 ? ""
                        : " " + shown.note(column.getKey(), column.getValue().size(), show) + "."));
                m.end().newline();
            }
        }
    }
}
