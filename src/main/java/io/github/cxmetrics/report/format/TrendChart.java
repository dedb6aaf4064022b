package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.PeriodSummary;

import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.stats.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

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
    private static final double PLOT_LEFT = LEFT;
    private static final double PLOT_RIGHT = WIDTH - RIGHT;
    private static final double PLOT_TOP = TOP;
    private static final double PLOT_BOTTOM = HEIGHT - BOTTOM;

    private TrendChart() {
    }

    static void draw(Markup m, Metric metric, List<PeriodSummary> trend, DisplayFormat format, String level) {
        draw(m, metric, trend, format, level, List.of());
    }

    /**
     * A score target drawn on the chart: its level as a dashed line, and when it was projected to
     * its deadline, the projection {@code ahead} periods after the last one, joined to the trend's
     * fitted value at the last period, with its interval as a whisker.
     *
     * @param label the target expression
     * @param value the target level
     * @param ahead periods from the last period of the trend to the projected one (0: no projection)
     * @param projectedLabel the projected period's label
     * @param from the value the projection is drawn from at the last period
     */
    record Goal(String label, double value, int ahead, String projectedLabel, double from, double projected,
            double lower, double upper) {
        boolean isProjected() {
            return ahead > 0;
        }
    }

    /** The chart with the targets' goals drawn on it (without goals exactly {@link #draw(Markup, Metric, List, DisplayFormat, String)}). */
    static void draw(Markup m, Metric metric, List<PeriodSummary> trend, DisplayFormat format, String level,
            List<Goal> goals) {
        MetricSummary[] s = summaries(metric, trend);
        ChartRange range = ChartRange.empty();
        for (MetricSummary summary : s) {
            range.include(summary);
        }
        int ahead = 0;
        for (Goal g : goals) {
            range.include(java.util.OptionalDouble.of(g.value()));
            if (g.isProjected()) {
                range.include(java.util.OptionalDouble.of(g.lower()));
                range.include(java.util.OptionalDouble.of(g.upper()));
                range.include(java.util.OptionalDouble.of(g.from()));
                ahead = Math.max(ahead, g.ahead());
            }
        }
        ChartScale y = range.scale(metric, format, 5, PLOT_BOTTOM, PLOT_TOP);
        double[] all = periodPositions(s.length + ahead);
        double[] x = java.util.Arrays.copyOf(all, s.length);
        open(m, metric, level);
        valueAxis(m, y);
        periodAxis(m, trend, x);
        band(m, s, x, y);
        line(m, s, x, y);
        points(m, metric, trend, s, x, y, level);
        for (Goal g : goals) {
            goal(m, metric, g, all, s.length, y, level);
        }
        if (range.isEmpty()) {
            m.start("text").attr("class", "empty").attr("x", (PLOT_LEFT + PLOT_RIGHT) / 2)
                    .attr("y", (PLOT_TOP + PLOT_BOTTOM) / 2).attr("text-anchor", "middle")
                    .text("no responses in any period").end();
        }
        m.end().newline();
    }

    /** A goal: the dashed target line with its label, and the projection to the deadline. */
    private static void goal(Markup m, Metric metric, Goal g, double[] x, int periods, ChartScale y, String level) {
        m.start("g").attr("class", "goal");
        double py = y.map(g.value());
        m.start("line").attr("class", "target").attr("x1", PLOT_LEFT).attr("x2", PLOT_RIGHT).attr("y1", py)
                .attr("y2", py).end();
        m.start("text").attr("class", "target").attr("x", PLOT_LEFT + 4).attr("y", py - 4).attr("text-anchor", "start")
                .text(g.label()).end();
        if (g.isProjected() && periods > 0) {
            double x0 = x[periods - 1];
            double x1 = x[periods - 1 + g.ahead()];
            m.start("path").attr("class", "projection").attr("d", "M" + Markup.number(x0) + " "
                    + Markup.number(y.map(g.from())) + " L" + Markup.number(x1) + " " + Markup.number(y.map(g.projected())))
                    .end();
            m.start("line").attr("class", "projection whisker").attr("x1", x1).attr("x2", x1)
                    .attr("y1", y.map(g.lower())).attr("y2", y.map(g.upper())).end();
            m.start("circle").attr("class", "projection point").attr("cx", x1).attr("cy", y.map(g.projected()))
                    .attr("r", 3.5);
            m.element("title", g.label() + ": projected " + DisplayFormat.score(metric, g.projected()) + " for "
                    + g.projectedLabel() + ", " + level + " CI " + DisplayFormat.interval(metric, g.lower(), g.upper()));
            m.end();
            m.start("text").attr("class", "period").attr("x", x1).attr("y", PLOT_BOTTOM + 18)
                    .attr("text-anchor", "end").text(g.projectedLabel()).end();
        }
        m.end().newline();
    }

    /** The metric's summary of each period, in the trend's order. */
    private static MetricSummary[] summaries(Metric metric, List<PeriodSummary> trend) {
        MetricSummary[] s = new MetricSummary[trend.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = trend.get(i).metrics().get(metric);
        }
        return s;
    }

    /** The x pixel of each period: spread evenly over the plot, a single period in its middle. */
    private static double[] periodPositions(int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = count == 1 ? (PLOT_LEFT + PLOT_RIGHT) / 2 : PLOT_LEFT + i * (PLOT_RIGHT - PLOT_LEFT) / (count - 1);
        }
        return x;
    }

    /** The {@code svg} start tag and its title; the caller ends the element. */
    private static void open(Markup m, Metric metric, String level) {
        String name = DisplayFormat.name(metric);
        m.start("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("class", "chart")
                .attr("data-metric", metric.key()).attr("viewBox", "0 0 " + Markup.number(WIDTH) + " "
                        + Markup.number(HEIGHT))
                .attr("width", WIDTH).attr("height", HEIGHT).attr("role", "img")
                .attr("aria-label", name + " per period with its " + level + " confidence band");
        m.element("title", name + " per period");
        m.newline();
    }

    /** The value axis: a grid line and a tick label per tick. */
    private static void valueAxis(Markup m, ChartScale y) {
        m.start("g").attr("class", "axis y");
        for (double t : y.ticks()) {
            double py = y.map(t);
            m.start("line").attr("class", t == 0 ? "grid zero" : "grid").attr("x1", PLOT_LEFT).attr("x2", PLOT_RIGHT)
                    .attr("y1", py).attr("y2", py).end();
            m.start("text").attr("x", PLOT_LEFT - 6).attr("y", py + 4).attr("text-anchor", "end")
                    .text(DisplayFormat.tick(t, y.step())).end();
        }
        m.end().newline();
    }

    /** The period axis: a baseline, a tick per period, the labels thinned by {@link #labelStep}. */
    private static void periodAxis(Markup m, List<PeriodSummary> trend, double[] x) {
        m.start("g").attr("class", "axis x");
        m.start("line").attr("class", "baseline").attr("x1", PLOT_LEFT).attr("x2", PLOT_RIGHT)
                .attr("y1", PLOT_BOTTOM).attr("y2", PLOT_BOTTOM).end();
        int every = labelStep(trend, PLOT_RIGHT - PLOT_LEFT);
        for (int i = 0; i < x.length; i++) {
            m.start("line").attr("class", "tick").attr("x1", x[i]).attr("x2", x[i]).attr("y1", PLOT_BOTTOM)
                    .attr("y2", PLOT_BOTTOM + 4).end();
            if (i % every == 0) {
                m.start("text").attr("class", "period").attr("x", x[i]).attr("y", PLOT_BOTTOM + 18)
                        .attr("text-anchor", "middle").text(trend.get(i).period()).end();
            }
        }
        m.end().newline();
    }

    /** The band: one shaded area per run of periods with an interval; a bar where a run has one period. */
    private static void band(Markup m, MetricSummary[] s, double[] x, ChartScale y) {
        for (int[] run : runs(s.length, i -> hasInterval(s[i]))) {
            int first = run[0];
            int last = run[1];
            if (first == last) {
                m.start("line").attr("class", "band single").attr("x1", x[first]).attr("x2", x[first])
                        .attr("y1", y.map(s[first].lower().getAsDouble()))
                        .attr("y2", y.map(s[first].upper().getAsDouble())).end();
            } else {
                StringBuilder d = new StringBuilder();
                for (int k = first; k <= last; k++) {
                    pathStep(d, k == first ? "M" : " L", x[k], y.map(s[k].upper().getAsDouble()));
                }
                for (int k = last; k >= first; k--) {
                    pathStep(d, " L", x[k], y.map(s[k].lower().getAsDouble()));
                }
                d.append(" Z");
                m.start("path").attr("class", "band").attr("d", d.toString()).end();
            }
            m.newline();
        }
    }

    /** The line: one path per run of periods with a score (a run of one period is only its point). */
    private static void line(Markup m, MetricSummary[] s, double[] x, ChartScale y) {
        for (int[] run : runs(s.length, i -> s[i].score().isPresent())) {
            if (run[1] > run[0]) {
                StringBuilder d = new StringBuilder();
                for (int k = run[0]; k <= run[1]; k++) {
                    pathStep(d, k == run[0] ? "M" : " L", x[k], y.map(s[k].score().getAsDouble()));
                }
                m.start("path").attr("class", "line").attr("d", d.toString()).end().newline();
            }
        }
    }

    /** A point per period with a score, hollow if small, ringed if its change is significant, with a tooltip. */
    private static void points(Markup m, Metric metric, List<PeriodSummary> trend, MetricSummary[] s, double[] x,
            ChartScale y, String level) {
        for (int i = 0; i < s.length; i++) {
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
    }

    /** The runs {first, last} of consecutive indexes in {@code [0, count)} for which {@code present} holds. */
    private static List<int[]> runs(int count, IntPredicate present) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (present.test(i)) {
                int j = i;
                while (j + 1 < count && present.test(j + 1)) {
                    j++;
                }
                runs.add(new int[] {i, j});
                i = j;
            }
        }
        return runs;
    }

    /** One step of an SVG path: the command ({@code M} or {@code  L}) and the point. */
    private static void pathStep(StringBuilder d, String command, double px, double py) {
        d.append(command).append(Markup.number(px)).append(' ').append(Markup.number(py));
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
