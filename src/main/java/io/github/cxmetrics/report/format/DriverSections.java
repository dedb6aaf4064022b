package io.github.cxmetrics.report.format;

import io.github.cxmetrics.insight.Driver;
import io.github.cxmetrics.insight.DriverBootstrap;
import io.github.cxmetrics.insight.KeyDrivers;
import io.github.cxmetrics.internal.JsonWriter;
import io.github.cxmetrics.report.Report;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The report's key drivers ({@code --drivers OUTCOME}) in each format, and the HTML
 * importance–performance chart: a point per driver at (score, importance), dashed lines at the
 * medians, and the quadrants named in the corners ("fix first" top left: important and weak).
 */
final class DriverSections {
    static final double WIDTH = 640;
    static final double HEIGHT = 400;
    static final double LEFT = 60;
    static final double RIGHT = 600;
    static final double TOP = 20;
    static final double BOTTOM = 350;

    private DriverSections() {
    }

    static void table(Report report, Appendable out) throws IOException {
        if (report.keyDrivers().isEmpty()) {
            return;
        }
        out.append('\n');
        KeyDriversFormat.table(report.keyDrivers().get(), report.keyDriverIntervals().orElse(null),
                report.keyDriverRespondents(), report.keyDriverExclusions(), report.confidence(), out);
    }

    static void json(JsonWriter json, Report report) throws IOException {
        if (report.keyDrivers().isEmpty()) {
            return;
        }
        json.name("drivers");
        KeyDriversFormat.json(json, report.keyDrivers().get(), report.keyDriverIntervals().orElse(null),
                report.keyDriverRespondents(), report.keyDriverExclusions(), report.confidence());
    }

    static void html(Report report, Markup m) {
        if (report.keyDrivers().isEmpty()) {
            return;
        }
        KeyDrivers k = report.keyDrivers().get();
        DriverBootstrap boot = report.keyDriverIntervals().orElse(null);
        m.element("h2", "Key drivers of " + k.tally().outcome()).newline();
        m.start("p").text(String.format(Locale.ROOT, "R² = %.3f on %d complete answers of %d respondents. "
                + "Importance: the share of R² each question explains (LMG), with %s bootstrap intervals.", k.r2(),
                k.n(), report.keyDriverRespondents(), DisplayFormat.percent(report.confidence()))).end().newline();
        m.start("figure").newline();
        chart(m, k);
        m.element("figcaption", "Importance against score: dashed lines at the medians; top left, important and "
                + "scored low, is what to improve first.");
        m.end().newline();
        m.start("table").newline().start("tr");
        for (String h : new String[] {"driver", "importance (LMG)", "interval", "relative weight", "score", "rank",
            "quadrant", "expected gain"}) {
            m.element("th", h);
        }
        m.end().newline();
        for (int j = 0; j < k.drivers().size(); j++) {
            Driver d = k.drivers().get(j);
            m.start("tr");
            m.element("td", d.name());
            m.element("td", String.format(Locale.ROOT, "%.4f", d.importance()));
            m.element("td", boot == null ? "" : String.format(Locale.ROOT, "%.4f – %.4f",
                    Double.isNaN(d.lmg()) ? boot.relativeWeightInterval(j)[0] : boot.lmgInterval(j)[0],
                    Double.isNaN(d.lmg()) ? boot.relativeWeightInterval(j)[1] : boot.lmgInterval(j)[1]));
            m.element("td", String.format(Locale.ROOT, "%.4f", d.relativeWeight()));
            m.element("td", String.format(Locale.ROOT, "%.2f", d.score()));
            m.element("td", Integer.toString(d.rank()));
            m.element("td", d.quadrant().label());
            m.element("td", String.format(Locale.ROOT, "%+.3f", d.expectedGain()));
            m.end().newline();
        }
        m.end().newline();
    }

    private static void chart(Markup m, KeyDrivers k) {
        double[] x = k.drivers().stream().mapToDouble(Driver::score).toArray();
        double[] y = k.drivers().stream().mapToDouble(Driver::importance).toArray();
        double xMin = Arrays.stream(x).min().orElse(0);
        double xMax = Arrays.stream(x).max().orElse(1);
        double yMax = Arrays.stream(y).max().orElse(1);
        double xPad = Math.max((xMax - xMin) * 0.1, 0.05);
        double x0 = xMin - xPad;
        double x1 = xMax + xPad;
        double y1 = yMax * 1.15 + 1e-9;
        m.start("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("class", "drivers")
                .attr("viewBox", "0 0 " + Markup.number(WIDTH) + " " + Markup.number(HEIGHT)).attr("width", WIDTH)
                .attr("height", HEIGHT).attr("role", "img")
                .attr("aria-label", "importance against score of the drivers of " + k.tally().outcome()).newline();
        line(m, LEFT, BOTTOM, RIGHT, BOTTOM, "axis");
        line(m, LEFT, TOP, LEFT, BOTTOM, "axis");
        double mx = px(k.medianScore(), x0, x1);
        double my = py(k.medianImportance(), y1);
        line(m, mx, TOP, mx, BOTTOM, "median");
        line(m, LEFT, my, RIGHT, my, "median");
        label(m, LEFT + 6, TOP + 14, "fix first", "start");
        label(m, RIGHT - 6, TOP + 14, "keep up", "end");
        label(m, LEFT + 6, BOTTOM - 8, "lower priority", "start");
        label(m, RIGHT - 6, BOTTOM - 8, "possible overkill", "end");
        label(m, (LEFT + RIGHT) / 2, HEIGHT - 12, "score (mean answer)", "middle");
        m.start("text").attr("x", 16).attr("y", (TOP + BOTTOM) / 2).attr("text-anchor", "middle")
                .attr("transform", "rotate(-90 16 " + Markup.number((TOP + BOTTOM) / 2) + ")")
                .text("importance (share of R²)").end().newline();
        for (int i = 0; i < x.length; i++) {
            Driver d = k.drivers().get(i);
            double cx = px(x[i], x0, x1);
            double cy = py(y[i], y1);
            m.start("circle").attr("cx", cx).attr("cy", cy).attr("r", 5).attr("class", "driver");
            m.element("title", String.format(Locale.ROOT, "%s: importance %.4f, score %.2f, %s", d.name(),
                    d.importance(), d.score(), d.quadrant().label()));
            m.end().newline();
            label(m, cx + 8, cy - 6, d.name(), "start");
        }
        m.end().newline();
    }

    private static double px(double v, double x0, double x1) {
        return LEFT + (v - x0) / (x1 - x0) * (RIGHT - LEFT);
    }

    private static double py(double v, double y1) {
        return BOTTOM - v / y1 * (BOTTOM - TOP);
    }

    private static void line(Markup m, double xa, double ya, double xb, double yb, String kind) {
        m.start("line").attr("x1", xa).attr("y1", ya).attr("x2", xb).attr("y2", yb).attr("stroke", "#555")
                .attr("stroke-dasharray", kind.equals("median") ? "4 3" : "none").end().newline();
    }

    private static void label(Markup m, double x, double y, String text, String anchor) {
        m.start("text").attr("x", x).attr("y", y).attr("text-anchor", anchor).attr("font-size", "12").text(text).end()
                .newline();
    }
}
