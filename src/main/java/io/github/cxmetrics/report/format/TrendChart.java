package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.PeriodSummary;

import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.stats.Comparison;
import java.util.List;

/**
 * The SVG line chart of one metric over the periods of a trend: the score as a line with a point per
 * period, the confidence interval as a shaded band, a gap wherever a period has no score (the line
 * is broken, never interpolated), period labels thinned so they do not overlap, and value ticks.
 * Points of small groups are hollow; points whose change against the previous period is significant
 * get a ring. Every point has a tooltip with its numbers.
 */
final class TrendChart {
    static final double WIDTH = 720;
    static final double HEIGHT = 260;
    static final double LEFT = 52;
    static final double RIGHT = 40;
    static final double TOP = 14;
    static final double BOTTOM = 40;
    /** Estimated width of one character of an axis label (11 px sans-serif), in pixels. */
    static final double CHAR_WIDTH = 6.5;
    static final double LABEL_GAP = 10;

    private TrendChart() {
    }

    static void draw(Markup m, Metric metric, List<PeriodSummary> trend, DisplayFormat format, String level) {
        int count = trend.size();
        MetricSummary[] s = new MetricSummary[count];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            s[i] = trend.get(i).metrics().get(metric);
            for (var v : List.of(s[i].score(), s[i].lower(), s[i].upper())) {
                if (v.isPresent()) {
                    min = Math.min(min, v.getAsDouble());
                    max = Math.max(max, v.getAsDouble());
                }
            }
        }
        double plotLeft = LEFT;
        double plotRight = WIDTH - RIGHT;
        double plotTop = TOP;
        double plotBottom = HEIGHT - BOTTOM;
        ChartScale y = ChartScale.of(min, max, format.lowerBound(metric), format.upperBound(metric),
                DisplayFormat.minimumSpan(metric), 5, plotBottom, plotTop);
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = count == 1 ? (plotLeft + plotRight) / 2 : plotLeft + i * (plotRight - plotLeft) / (count - 1);
        }

        String name = DisplayFormat.name(metric);
        m.start("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("class", "chart")
                .attr("data-metric", metric.key()).attr("viewBox", "0 0 " + Markup.number(WIDTH) + " "
                        + Markup.number(HEIGHT))
                .attr("width", WIDTH).attr("height", HEIGHT).attr("role", "img")
                .attr("aria-label", name + " per period with its " + level + " confidence band");
        m.element("title", name + " per period");
        m.newline();

        // value axis: grid lines and tick labels
        m.start("g").attr("class", "axis y");
        for (double t : y.ticks()) {
            double py = y.map(t);
            m.start("line").attr("class", t == 0 ? "grid zero" : "grid").attr("x1", plotLeft).attr("x2", plotRight)
                    .attr("y1", py).attr("y2", py).end();
            m.start("text").attr("x", plotLeft - 6).attr("y", py + 4).attr("text-anchor", "end")
                    .text(DisplayFormat.tick(t, y.step())).end();
        }
        m.end().newline();

        // period axis: a tick per period, labels thinned
        m.start("g").attr("class", "axis x");
        m.start("line").attr("class", "baseline").attr("x1", plotLeft).attr("x2", plotRight)
                .attr("y1", plotBottom).attr("y2", plotBottom).end();
        int every = labelStep(trend, plotRight - plotLeft);
        for (int i = 0; i < count; i++) {
            m.start("line").attr("class", "tick").attr("x1", x[i]).attr("x2", x[i]).attr("y1", plotBottom)
                    .attr("y2", plotBottom + 4).end();
            if (i % every == 0) {
                m.start("text").attr("class", "period").attr("x", x[i]).attr("y", plotBottom + 18)
                        .attr("text-anchor", "middle").text(trend.get(i).period()).end();
            }
        }
        m.end().newline();

        // the band: one shaded area per run of periods with an interval; a bar where a run has one period
        for (int i = 0; i < count; ) {
            if (!hasInterval(s[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < count && hasInterval(s[j + 1])) {
                j++;
            }
            if (j == i) {
                m.start("line").attr("class", "band single").attr("x1", x[i]).attr("x2", x[i])
                        .attr("y1", y.map(s[i].lower().getAsDouble())).attr("y2", y.map(s[i].upper().getAsDouble()))
                        .end();
            } else {
                StringBuilder d = new StringBuilder();
                for (int k = i; k <= j; k++) {
                    d.append(k == i ? "M" : " L").append(Markup.number(x[k])).append(' ')
                            .append(Markup.number(y.map(s[k].upper().getAsDouble())));
                }
                for (int k = j; k >= i; k--) {
                    d.append(" L").append(Markup.number(x[k])).append(' ')
                            .append(Markup.number(y.map(s[k].lower().getAsDouble())));
                }
                d.append(" Z");
                m.start("path").attr("class", "band").attr("d", d.toString()).end();
            }
            m.newline();
            i = j + 1;
        }

        // the line: one path per run of periods with a score
        for (int i = 0; i < count; ) {
            if (s[i].score().isEmpty()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < count && s[j + 1].score().isPresent()) {
                j++;
            }
            if (j > i) {
                StringBuilder d = new StringBuilder();
                for (int k = i; k <= j; k++) {
                    d.append(k == i ? "M" : " L").append(Markup.number(x[k])).append(' ')
                            .append(Markup.number(y.map(s[k].score().getAsDouble())));
                }
                m.start("path").attr("class", "line").attr("d", d.toString()).end().newline();
            }
            i = j + 1;
        }

        // the points, with tooltips
        for (int i = 0; i < count; i++) {
            MetricSummary p = s[i];
            if (p.score().isEmpty()) {
                continue;
            }
            boolean significant = p.change().map(Comparison::isSignificant).orElse(false);
            String cls = "point" + (p.isSmall() ? " small" : "") + (significant ? " significant" : "");
            m.start("circle").attr("class", cls).attr("cx", x[i]).attr("cy", y.map(p.score().getAsDouble()))
                    .attr("r", significant ? 4.5 : 3.5);
            m.element("title", tooltip(metric, trend.get(i).period(), p, level));
            m.end().newline();
        }
        if (max < min) {
            m.start("text").attr("class", "empty").attr("x", (plotLeft + plotRight) / 2)
                    .attr("y", (plotTop + plotBottom) / 2).attr("text-anchor", "middle")
                    .text("no responses in any period").end();
        }
        m.end().newline();
    }

    /** Show every k-th period label, k the smallest that keeps labels apart. */
    static int labelStep(List<PeriodSummary> trend, double plotWidth) {
        int count = trend.size();
        if (count <= 1) {
            return 1;
        }
        int longest = 0;
        for (PeriodSummary p : trend) {
            longest = Math.max(longest, p.period().length());
        }
        double labelWidth = longest * CHAR_WIDTH + LABEL_GAP;
        double spacing = plotWidth / (count - 1);
        return Math.max(1, (int) Math.ceil(labelWidth / spacing));
    }

    private static boolean hasInterval(MetricSummary s) {
        return s.lower().isPresent() && s.upper().isPresent();
    }

    private static String tooltip(Metric metric, String period, MetricSummary s, String level) {
        StringBuilder t = new StringBuilder(period).append(": ").append(DisplayFormat.score(metric,
                s.score().getAsDouble()));
        if (hasInterval(s)) {
            t.append(", ").append(level).append(" CI ").append(DisplayFormat.interval(metric,
                    s.lower().getAsDouble(), s.upper().getAsDouble()));
        }
        t.append(", n = ").append(DisplayFormat.count(s.n()));
        if (s.isSmall()) {
            t.append(" (small sample)");
        }
        s.change().ifPresent(c -> t.append("; change ").append(DisplayFormat.difference(metric, c.difference()))
                .append(", ").append(DisplayFormat.pValue(c.pValue()))
                .append(c.isSignificant() ? ", significant" : ", not significant"));
        return t.toString();
    }
}
