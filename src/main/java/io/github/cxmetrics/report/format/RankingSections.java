package io.github.cxmetrics.report.format;

import io.github.cxmetrics.insight.GroupRanking;
import io.github.cxmetrics.internal.JsonWriter;
import io.github.cxmetrics.report.Ranking;
import io.github.cxmetrics.report.Report;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fair rankings of {@code --rank} in each output format. */
final class RankingSections {
    private RankingSections() {
    }

    /** The measure's name in headings. */
    static String name(String measure) {
        return switch (measure) {
            case "nps" -> "NPS";
            case "csat" -> "CSAT % satisfied";
            default -> "FCR %";
        };
    }

    /** The heading of one ranking: its column, measure and prior. */
    static String heading(Ranking r) {
        String head = "Ranking of " + r.column() + " by " + name(r.measure());
        if (r.ranking() == null) {
            return head + ": " + r.note();
        }
        GroupRanking g = r.ranking();
        return head + " (empirical Bayes: each value shrunk towards " + fmt(g.priorMean()) + " with the weight of "
                + fmt(g.priorStrength()) + " responses)";
    }

    static void table(Report report, Appendable out) throws IOException {
        String level = DisplayFormat.percent(report.confidence());
        for (Ranking r : report.rankings()) {
            out.append('\n').append(heading(r)).append('\n');
            if (r.ranking() == null) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %4s  %-20s %7s %7s %7s  %-15s %7s %9s%n", "rank", r.column(), "n",
                    "score", "shrunk", level + " cred.", "P(best)", "P(low 25%)"));
            for (GroupRanking.RankedGroup g : r.ranking().groups()) {
                out.append(String.format(Locale.ROOT, "  %4d  %-20s %7d %7s %7.1f  %6.1f - %6.1f %7.3f %9.3f%n",
                        g.rank(), DisplayFormat.clip(g.group(), 20), g.n(), Double.isNaN(g.score()) ? "-"
                                : String.format(Locale.ROOT, "%.1f", g.score()), g.shrunk(), g.lower(), g.upper(),
                        g.probabilityBest(), g.probabilityBottomQuartile()));
            }
        }
    }

    static void json(JsonWriter json, Report report) throws IOException {
        if (report.options().ranks().isEmpty()) {
            return;
        }
        Map<String, List<Ranking>> byColumn = new LinkedHashMap<>();
        for (Ranking r : report.rankings()) {
            byColumn.computeIfAbsent(r.column(), k -> new java.util.ArrayList<>()).add(r);
        }
        json.name("rankings").beginObject();
        for (Map.Entry<String, List<Ranking>> column : byColumn.entrySet()) {
            json.name(column.getKey()).beginArray();
            for (Ranking r : column.getValue()) {
                if (r.ranking() == null) {
                    continue;
                }
                for (GroupRanking.RankedGroup g : r.ranking().groups()) {
                    json.beginObject();
                    json.name("metric").value(r.measure());
                    json.name("segment").value(g.group());
                    json.name("n").value(g.n());
                    json.name("score");
                    if (Double.isNaN(g.score())) {
                        json.nullValue();
                    } else {
                        json.value(g.score());
                    }
                    json.name("shrunk").value(g.shrunk());
                    json.name("lower").value(g.lower());
                    json.name("upper").value(g.upper());
                    json.name("probabilityBest").value(g.probabilityBest());
                    json.name("probabilityBottomQuartile").value(g.probabilityBottomQuartile());
                    json.name("rank").value(g.rank());
                    json.endObject();
                }
            }
            json.endArray();
        }
        json.endObject();
        json.name("rankingPriors").beginArray();
        for (Ranking r : report.rankings()) {
            json.beginObject();
            json.name("column").value(r.column());
            json.name("metric").value(r.measure());
            if (r.ranking() == null) {
                json.name("note").value(r.note());
            } else {
                json.name("priorMean").value(r.ranking().priorMean());
                json.name("priorStrength").value(r.ranking().priorStrength());
                json.name("draws").value(r.ranking().draws());
                json.name("seed").value(r.ranking().seed());
            }
            json.endObject();
        }
        json.endArray();
    }

    static void html(Report report, Markup m) {
        if (report.rankings().isEmpty()) {
            return;
        }
        String level = DisplayFormat.percent(report.confidence());
        m.element("h2", "Fair rankings").newline();
        for (Ranking r : report.rankings()) {
            m.element("h3", heading(r)).newline();
            if (r.ranking() == null) {
                continue;
            }
            m.start("table").newline().start("tr");
            for (String h : List.of("rank", r.column(), "n", "score", "shrunk", level + " credible interval", "P(best)",
                    "P(bottom 25 %)")) {
                m.element("th", h);
            }
            m.end().newline();
            for (GroupRanking.RankedGroup g : r.ranking().groups()) {
                m.start("tr");
                m.element("td", Integer.toString(g.rank()));
                m.element("td", g.group());
                m.element("td", Long.toString(g.n()));
                m.element("td", Double.isNaN(g.score()) ? "-" : String.format(Locale.ROOT, "%.1f", g.score()));
                m.element("td", String.format(Locale.ROOT, "%.1f", g.shrunk()));
                m.element("td", String.format(Locale.ROOT, "%.1f – %.1f", g.lower(), g.upper()));
                m.element("td", String.format(Locale.ROOT, "%.3f", g.probabilityBest()));
                m.element("td", String.format(Locale.ROOT, "%.3f", g.probabilityBottomQuartile()));
                m.end().newline();
            }
            m.end().newline();
        }
        m.start("p").attr("class", "note").text("Rankings shrink each value's score towards the common level by as "
                + "much as its n warrants (empirical Bayes, prior fitted across the values): a small group cannot "
                + "top the ranking by luck. P(best) and P(bottom 25 %) are posterior probabilities from seeded "
                + "draws.").end().newline();
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
