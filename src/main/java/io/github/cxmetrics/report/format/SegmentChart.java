package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.SegmentSummary;

import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.segment.AdjustedComparison;
import java.util.List;
import java.util.Optional;

/**
 * The SVG bar chart of one metric over the values of one segment column: a horizontal bar per value
 * from the metric's baseline (0 for NPS and CSAT, the bottom of the scale for CES) to its score, the
 * confidence interval as a whisker, a dashed line at the overall score, and beside each bar its score
 * and n. Small groups are hatched and labelled "n &lt; min"; a value that differs significantly from the
 * rest of its column (Holm-adjusted) is marked ▲ or ▼. Every row has a tooltip with its numbers.
 */
final class SegmentChart {
    static final double WIDTH = 800;
    static final double LABEL_RIGHT = 160;
    static final double PLOT_LEFT = 170;
    static final double PLOT_RIGHT = 470;
    static final double TEXT_LEFT = 482;
    static final double TOP = 30;
    static final double ROW = 26;
    static final double BOTTOM = 8;
    static final int MAX_LABEL = 24;

    private SegmentChart() {
    }

    static void draw(Markup m, Metric metric, String column, List<SegmentSummary> values,
            MetricSummary overall, DisplayFormat format, String level, long minN, String hatchId) {
        double baseline = format.baseline(metric);
        ChartRange range = ChartRange.of(baseline);
        for (SegmentSummary v : values) {
            range.include(v.metrics().get(metric));
        }
        range.include(overall.score());
        ChartScale x = range.scale(metric, format, 4, PLOT_LEFT, PLOT_RIGHT);
        double plotBottom = TOP + values.size() * ROW;
        open(m, metric, column, plotBottom + BOTTOM, level, hatchId);
        valueAxis(m, x, baseline, plotBottom);
        for (int i = 0; i < values.size(); i++) {
            row(m, metric, values.get(i), x, baseline, TOP + i * ROW, level, minN, hatchId);
        }
        if (overall.score().isPresent()) {
            overallLine(m, metric, overall.score().getAsDouble(), x, plotBottom);
        }
        m.end().newline();
    }

    /** The {@code svg} start tag, its title and the hatch pattern of small groups; the caller ends the element. */
    private static void open(Markup m, Metric metric, String column, double height, String level, String hatchId) {
        String name = DisplayFormat.name(metric);
        m.start("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("class", "segments")
                .attr("data-metric", metric.key()).attr("data-segment-column", column)
                .attr("viewBox", "0 0 " + Markup.number(WIDTH) + " " + Markup.number(height))
                .attr("width", WIDTH).attr("height", height).attr("role", "img")
                .attr("aria-label", name + " by " + column + " with " + level + " confidence intervals");
        m.element("title", name + " by " + column);
        m.start("defs").start("pattern").attr("id", hatchId).attr("patternUnits", "userSpaceOnUse")
                .attr("width", 6).attr("height", 6).attr("patternTransform", "rotate(45)");
        m.start("rect").attr("width", 6).attr("height", 6).attr("class", "hatch-ground").end();
        m.start("line").attr("x1", 0).attr("y1", 0).attr("x2", 0).attr("y2", 6).attr("class", "hatch-line").end();
        m.end().end().newline();
    }

    /** The value axis along the top: a grid line down to the last row and a tick label per tick. */
    private static void valueAxis(Markup m, ChartScale x, double baseline, double plotBottom) {
        m.start("g").attr("class", "axis x");
        for (double t : x.ticks()) {
            double px = x.map(t);
            m.start("line").attr("class", t == baseline ? "grid zero" : "grid").attr("x1", px).attr("x2", px)
                    .attr("y1", TOP - 4).attr("y2", plotBottom).end();
            m.start("text").attr("x", px).attr("y", TOP - 8).attr("text-anchor", "middle")
                    .text(DisplayFormat.tick(t, x.step())).end();
        }
        m.end().newline();
    }

    /** The dashed line at the overall score, with its title. */
    private static void overallLine(Markup m, Metric metric, double score, ChartScale x, double plotBottom) {
        double px = x.map(score);
        m.start("g").attr("class", "overall");
        m.start("line").attr("x1", px).attr("x2", px).attr("y1", TOP - 2).attr("y2", plotBottom);
        m.element("title", "overall " + DisplayFormat.score(metric, score));
        m.end().end().newline();
    }

    /** One value's row: its label, its bar and whisker, and its score and n with the flags. */
    private static void row(Markup m, Metric metric, SegmentSummary value, ChartScale x, double baseline,
            double top, String level, long minN, String hatchId) {
        MetricSummary s = value.metrics().get(metric);
        Optional<AdjustedComparison> vsRest = s.vsRest();
        boolean significant = vsRest.map(AdjustedComparison::isSignificant).orElse(false);
        double mid = top + ROW / 2;
        m.start("g").attr("class", "row" + (s.isSmall() ? " small" : "") + (significant ? " significant" : ""))
                .attr("data-segment", value.segment());
        m.element("title", tooltip(metric, value.segment(), s, level));

        String label = value.segment().isEmpty() ? "(empty)" : shorten(value.segment());
        m.start("text").attr("class", value.segment().isEmpty() ? "label missing" : "label").attr("x", LABEL_RIGHT)
                .attr("y", mid + 4).attr("text-anchor", "end").text(label).end();
        if (s.score().isPresent()) {
            bar(m, s, x, baseline, top, hatchId);
        }
        valueText(m, metric, s, mid, minN, significant ? vsRest : Optional.empty());
        m.end().newline();
    }

    /** The bar from the baseline to the score (hatched if small) and the interval's whisker. */
    private static void bar(Markup m, MetricSummary s, ChartScale x, double baseline, double top, String hatchId) {
        double score = s.score().getAsDouble();
        double a = x.map(Math.min(baseline, score));
        double b = x.map(Math.max(baseline, score));
        m.start("rect").attr("class", s.isSmall() ? "bar small" : "bar").attr("x", a).attr("y", top + 6)
                .attr("width", b - a).attr("height", ROW - 12);
        if (s.isSmall()) {
            m.attr("fill", "url(#" + hatchId + ")");
        }
        m.end();
        if (s.lower().isPresent() && s.upper().isPresent()) {
            double mid = top + ROW / 2;
            double lo = x.map(s.lower().getAsDouble());
            double hi = x.map(s.upper().getAsDouble());
            m.start("g").attr("class", "whisker");
            m.start("line").attr("x1", lo).attr("x2", hi).attr("y1", mid).attr("y2", mid).end();
            m.start("line").attr("x1", lo).attr("x2", lo).attr("y1", mid - 5).attr("y2", mid + 5).end();
            m.start("line").attr("x1", hi).attr("x2", hi).attr("y1", mid - 5).attr("y2", mid + 5).end();
            m.end();
        }
    }

    /**
     * The text beside the bar: score and n (or "no responses"), the small-sample flag, and the ▲/▼
     * mark of {@code significantVsRest}, present only when the value differs significantly from the rest.
     */
    private static void valueText(Markup m, Metric metric, MetricSummary s, double mid, long minN,
            Optional<AdjustedComparison> significantVsRest) {
        m.start("text").attr("class", "value").attr("x", TEXT_LEFT).attr("y", mid + 4);
        if (s.score().isPresent()) {
            m.text(DisplayFormat.score(metric, s.score().getAsDouble()) + " " + DisplayFormat.DOT + " n = "
                    + DisplayFormat.count(s.n()));
        } else {
            m.text("no responses");
        }
        if (s.isSmall() && s.n() > 0) {
            m.text(" ").start("tspan").attr("class", "flag").text("n < " + minN).end();
        }
        significantVsRest.ifPresent(c -> m.text(" ").start("tspan").attr("class", "sig")
                .text((c.difference() > 0 ? "\u25b2 above" : "\u25bc below") + " rest").end());
        m.end();
    }

    private static String shorten(String label) {
        int length = label.codePointCount(0, label.length());
        if (length <= MAX_LABEL) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, MAX_LABEL - 1)) + "\u2026";
    }

    /** A family-wise level such as 1 − 0.05/3 as "98.33 %" (four significant digits). */
    private static String familywiseLevel(double confidence) {
        return new java.math.BigDecimal(confidence * 100).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    private static String tooltip(Metric metric, String segment, MetricSummary s, String level) {
        StringBuilder t = new StringBuilder(segment.isEmpty() ? "(empty)" : segment).append(": ");
        if (s.score().isEmpty()) {
            return t.append("no responses").toString();
        }
        t.append(DisplayFormat.score(metric, s.score().getAsDouble()));
        if (s.lower().isPresent() && s.upper().isPresent()) {
            t.append(", ").append(level).append(" CI ").append(DisplayFormat.interval(metric,
                    s.lower().getAsDouble(), s.upper().getAsDouble()));
        }
        t.append(", n = ").append(DisplayFormat.count(s.n()));
        if (s.isSmall()) {
            t.append(" (small sample)");
        }
        s.vsRest().ifPresent(c -> t.append("; vs rest ").append(DisplayFormat.difference(metric, c.difference()))
                .append(" (").append(familywiseLevel(c.familywiseConfidence())).append(" family-wise CI ")
                .append(DisplayFormat.interval(metric, c.familywiseLower(), c.familywiseUpper())).append("), ")
                .append(DisplayFormat.pValue(c.pValue())).append(", Holm-adjusted ")
                .append(DisplayFormat.pValue(c.adjustedPValue()))
                .append(c.isSignificant() ? ", significant" : ", not significant"));
        return t.toString();
    }
}
