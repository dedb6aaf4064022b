package io.github.cxmetrics.report.format;

import io.github.cxmetrics.internal.JsonWriter;
import io.github.cxmetrics.report.Improvement;
import io.github.cxmetrics.report.Report;
import java.io.IOException;
import java.util.Locale;

/** The posterior probabilities of {@code --bayes} in each output format. */
final class ImprovementSections {
    private ImprovementSections() {
    }

    /** What the group is compared with, e.g. {@code 2026-03 vs the previous period}. */
    static String label(Improvement i) {
        return i.column() == null ? i.period() + " vs the previous period"
                : i.column() + " = " + i.segment() + " vs the rest";
    }

    private static String value(Improvement i) {
        return i.probability().isExact() ? String.format(Locale.ROOT, "%.3f", i.probability().value())
                : String.format(Locale.ROOT, "%.3f ± %.3f", i.probability().value(), i.probability().standardError());
    }

    static void table(Report report, Appendable out) throws IOException {
        if (!report.options().bayes()) {
            return;
        }
        out.append('\n').append("Probability of being better (Bayesian, uniform priors; ± Monte Carlo error)\n");
        for (Improvement i : report.improvements()) {
            out.append(String.format(Locale.ROOT, "  %-5s %-44s %s%n", DisplayFormat.name(i.metric()),
                    DisplayFormat.clip(label(i), 44), value(i)));
        }
    }

    static void json(JsonWriter json, Report report) throws IOException {
        if (!report.options().bayes()) {
            return;
        }
        json.name("improvements").beginArray();
        for (Improvement i : report.improvements()) {
            json.beginObject();
            json.name("metric").value(i.metric().key());
            if (i.column() == null) {
                json.name("period").value(i.period());
                json.name("versus").value("previous");
            } else {
                json.name("column").value(i.column());
                json.name("segment").value(i.segment());
                json.name("versus").value("rest");
            }
            json.name("probabilityBetter").value(i.probability().value());
            json.name("method").value(i.probability().method());
            if (!i.probability().isExact()) {
                json.name("standardError").value(i.probability().standardError());
                json.name("draws").value(i.probability().draws());
            }
            json.endObject();
        }
        json.endArray();
    }

    static void html(Report report, Markup m) {
        if (!report.options().bayes() || report.improvements().isEmpty()) {
            return;
        }
        m.element("h2", "Probability of being better").newline();
        m.start("table").newline().start("tr");
        m.element("th", "metric").element("th", "comparison").element("th", "P(better)");
        m.end().newline();
        for (Improvement i : report.improvements()) {
            m.start("tr");
            m.element("td", DisplayFormat.name(i.metric()));
            m.element("td", label(i));
            m.element("td", value(i));
            m.end().newline();
        }
        m.end().newline();
        m.start("p").attr("class", "note").text("Posterior probability, under uniform priors, that the period "
                + "improved on the previous one or that the value is better than the rest of its column (CSAT "
                + "exact; NPS and CES by seeded Monte Carlo, ± its standard error). Read it with the difference: "
                + "a near-certain tiny lead is still tiny.").end().newline();
    }
}
