package io.github.cxmetrics.report;

import io.github.cxmetrics.io.JsonWriter;
import io.github.cxmetrics.stats.Comparison;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes a report as JSON, the stable contract of {@code cxmetrics report --format json}
 * (documented field by field in {@code docs/report-json.md}). Doubles are written unrounded;
 * undefined values are {@code null}; nothing is NaN.
 */
public final class JsonReportWriter {
    private JsonReportWriter() {
    }

    /**
     * Writes the report.
     *
     * @param pretty indent with two spaces
     * @throws IOException if the output fails
     */
    public static void write(Report report, Appendable out, boolean pretty) throws IOException {
        JsonWriter json = pretty ? JsonWriter.pretty(out) : JsonWriter.compact(out);
        json.beginObject();
        InputSummary in = report.input();
        json.name("input").beginObject();
        json.name("file").value(in.file());
        json.name("rows").value(in.rows());
        json.name("rejectedRows").value(in.rejectedRows());
        if (in.rejectedRows() > 0) {
            json.name("rejectionReasons").beginObject();
            for (Map.Entry<String, Long> e : in.rejectionReasons().entrySet()) {
                json.name(e.getKey()).value(e.getValue());
            }
            json.endObject();
            json.name("rejectionExamples").beginArray();
            for (String example : in.rejectionExamples()) {
                json.value(example);
            }
            json.endArray();
        }
        json.name("weighted").value(in.weighted());
        json.endObject();
        json.name("confidence").value(report.confidence());
        json.name("minN").value(report.options().minN());
        json.name("overall");
        metrics(json, report.metrics(), report.overall());
        if (report.options().by().isPresent()) {
            json.name("trend");
            trend(json, report.metrics(), report.trend());
        }
        if (!report.segments().isEmpty()) {
            json.name("segments").beginObject();
            for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
                json.name(column.getKey()).beginArray();
                for (SegmentSummary s : column.getValue()) {
                    json.beginObject();
                    json.name("segment").value(s.segment());
                    json.name("metrics");
                    metrics(json, report.metrics(), s.metrics());
                    if (report.options().by().isPresent()) {
                        json.name("trend");
                        trend(json, report.metrics(), s.trend());
                    }
                    json.endObject();
                }
                json.endArray();
            }
            json.endObject();
        }
        json.endObject();
        json.flush();
        out.append('\n');
    }

    private static void trend(JsonWriter json, List<ReportMetric> metrics, List<PeriodSummary> trend)
            throws IOException {
        json.beginArray();
        for (PeriodSummary p : trend) {
            json.beginObject();
            json.name("period").value(p.period());
            json.name("start").value(p.start().toString());
            json.name("metrics");
            metrics(json, metrics, p.metrics());
            json.endObject();
        }
        json.endArray();
    }

    private static void metrics(JsonWriter json, List<ReportMetric> metrics, Map<ReportMetric, MetricSummary> values)
            throws IOException {
        json.beginObject();
        for (ReportMetric m : metrics) {
            MetricSummary s = values.get(m);
            json.name(m.key()).beginObject();
            json.name("n").value(s.n());
            if (s.effectiveN().isPresent()) {
                json.name("effectiveN").value(s.effectiveN().getAsDouble());
            }
            number(json, "score", s.score());
            number(json, "standardError", s.standardError());
            number(json, "lower", s.lower());
            number(json, "upper", s.upper());
            count(json, "promoters", s.promoters());
            count(json, "passives", s.passives());
            count(json, "detractors", s.detractors());
            count(json, "satisfied", s.satisfied());
            if (m == ReportMetric.CSAT) {
                number(json, "mean", s.mean());
            }
            if (m == ReportMetric.CES) {
                number(json, "easy", s.easy());
            }
            json.name("small").value(s.isSmall());
            if (s.change().isPresent()) {
                json.name("change");
                comparison(json, s.change().get());
            }
            if (s.vsRest().isPresent()) {
                json.name("vsRest");
                comparison(json, s.vsRest().get());
            }
            json.endObject();
        }
        json.endObject();
    }

    private static void number(JsonWriter json, String name, OptionalDouble value) throws IOException {
        json.name(name);
        if (value.isPresent()) {
            json.value(value.getAsDouble());
        } else {
            json.nullValue();
        }
    }

    private static void count(JsonWriter json, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            json.name(name).value(value.getAsLong());
        }
    }

    static void comparison(JsonWriter json, Comparison c) throws IOException {
        json.beginObject();
        json.name("difference").value(c.difference());
        json.name("standardError").value(c.standardError());
        json.name("lower").value(c.lower());
        json.name("upper").value(c.upper());
        json.name("statistic").value(c.statistic());
        json.name("pValue").value(c.pValue());
        json.name("significant").value(c.isSignificant());
        json.endObject();
    }
}
