package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.OutcomeSummary;
import io.github.cxmetrics.report.OperationalSummary;
import io.github.cxmetrics.io.ExportLayout;
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
import io.github.cxmetrics.report.WeightingSummary;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.internal.JsonWriter;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.segment.SegmentResult;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.trend.Trend;
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
final class JsonReportWriter {
    private JsonReportWriter() {
    }

    /**
     * Writes the report.
     *
     * @param pretty indent with two spaces
     * @throws IOException if the output fails
     */
    static void write(Report report, Appendable out, boolean pretty) throws IOException {
        JsonWriter json = pretty ? JsonWriter.pretty(out) : JsonWriter.compact(out);
        json.beginObject();
        input(json, report);
        json.name("confidence").value(report.confidence());
        json.name("minN").value(report.options().minN());
        if (report.options().highlights() > 0) {
            highlights(json, report);
        }
        json.name("overall");
        metrics(json, report, report.overall(), report.overallOperations());
        if (report.options().grouping().by() != null) {
            json.name("trend");
            trend(json, report, report.trend(), report.periodTargets());
        }
        trendLines(json, report);
        targets(json, report);
        benchmarks(json, report);
        calendar(json, report);
        segments(json, report);
        RankingSections.json(json, report);
        ImprovementSections.json(json, report);
        DriverSections.json(json, report);
        json.endObject();
        json.flush();
        out.append('\n');
    }

    /** The {@code input} object: the file, its rows and what was rejected. */
    private static void input(JsonWriter json, Report report) throws IOException {
        InputSummary in = report.input();
        json.name("input").beginObject();
        json.name("file").value(in.file());
        if (in.layout() != null) {
            detected(json, in, report);
        } else if (!in.excluded().isEmpty()) {
            excluded(json, in);
        }
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
        if (report.weighting().isPresent()) {
            WeightingSummary w = report.weighting().get();
            json.name("weighting").beginObject();
            json.name("method").value(w.method());
            json.name("iterations").value(w.iterations());
            json.name("converged").value(w.converged());
            json.name("maxDeviation").value(w.maxDeviation());
            json.name("designEffect").value(w.designEffect());
            json.name("effectiveN").value(w.effectiveN());
            json.name("minWeight").value(w.minWeight());
            json.name("maxWeight").value(w.maxWeight());
            json.endObject();
        }
        if (report.options().grouping().respondentColumn() != null) {
            json.name("duplicateRows").value(in.duplicateRows());
        }
        json.endObject();
    }

    /** What was detected in the file: its format, encoding, header rows, columns and exclusions. */
    private static void detected(JsonWriter json, InputSummary in, Report report) throws IOException {
        ExportLayout l = in.layout();
        json.name("format").value(InputText.format(l.format()));
        json.name("encoding").value(l.encoding());
        json.name("delimiter").value(String.valueOf(l.delimiter()));
        json.name("headerRows").value(l.headerRows());
        if (l.excelSepLine()) {
            json.name("excelSepLine").value(true);
        }
        if (l.skippedRows() > 0) {
            json.name("skippedRows").value(l.skippedRows());
        }
        if (report.options().grouping().by() != null && l.timestampColumn().isPresent()) {
            json.name("timestampColumn").value(l.timestampColumn().get());
            json.name("timestampFormat").value(l.timestampFormat().orElse(""));
        }
        json.name("columns").beginObject();
        for (Map.Entry<String, String> e : InputText.columns(l, report.metrics()).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        excluded(json, in);
        if (!l.notes().isEmpty()) {
            json.name("notes").beginArray();
            for (String note : l.notes()) {
                json.value(note);
            }
            json.endArray();
        }
    }

    /** The rows left out as no responses (blank lines, a survey tool's previews and unfinished ones), by reason. */
    private static void excluded(JsonWriter json, InputSummary in) throws IOException {
        json.name("excluded").beginObject();
        for (Map.Entry<String, Long> e : in.excluded().entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
    }

    /**
     * The {@code highlights} array (empty when nothing needs attention) and {@code highlightsOmitted},
     * when highlights are on.
     */
    private static void highlights(JsonWriter json, Report report) throws IOException {
        json.name("highlights").beginArray();
        int rank = 0;
        for (Highlight h : report.highlights()) {
            json.beginObject();
            json.name("rank").value(++rank);
            json.name("kind").value(h.kind().name());
            json.name("metric").value(h.metric());
            json.name("group").value(h.group());
            json.name("segmentColumn").value(h.segmentColumn().orElse(null));
            json.name("segment").value(h.segment().orElse(null));
            json.name("period").value(h.period().orElse(null));
            json.name("n").value(h.n());
            number(json, "score", h.score());
            number(json, "reference", h.reference());
            number(json, "difference", h.difference());
            number(json, "lower", h.lower());
            number(json, "upper", h.upper());
            number(json, "pValue", h.pValue());
            number(json, "adjustedPValue", h.adjustedPValue());
            number(json, "affected", h.affected());
            json.name("worse").value(h.isWorse());
            json.name("status").value(h.status().map(Enum::name).orElse(null));
            json.name("target").value(h.target().orElse(null));
            json.name("text").value(h.text());
            json.endObject();
        }
        json.endArray();
        json.name("highlightsOmitted").value(report.highlightsOmitted());
    }

    /** The {@code trendLines} object, when the report has trend lines. */
    private static void trendLines(JsonWriter json, Report report) throws IOException {
        if (report.trendLines().isEmpty()) {
            return;
        }
        json.name("trendLines").beginObject();
        for (Metric m : report.metrics()) {
            Trend t = report.trendLines().get(m);
            if (t != null) {
                json.name(m.key()).beginObject();
                json.name("slope").value(t.slope());
                json.name("standardError").value(t.standardError());
                json.name("lower").value(t.lower());
                json.name("upper").value(t.upper());
                json.name("pValue").value(t.pValue());
                json.name("periods").value(t.periods());
                json.name("direction").value(t.direction().name());
                json.endObject();
            }
        }
        json.endObject();
    }

    /** The {@code targets} array, when the report has targets. */
    private static void targets(JsonWriter json, Report report) throws IOException {
        if (report.targets().isEmpty()) {
            return;
        }
        json.name("targets").beginArray();
        for (Assessment a : report.targets()) {
            json.beginObject();
            json.name("target").value(a.target().toString());
            json.name("metric").value(a.target().measure().key());
            json.name("status").value(a.status().name());
            json.name("reason").value(a.reason());
            json.name("n").value(a.n());
            number(json, "estimate", a.estimate());
            number(json, "lower", a.lower());
            number(json, "upper", a.upper());
            if (a.asOf().isPresent()) {
                json.name("asOf").value(a.asOf().get().toString());
            }
            if (a.projectedPeriod().isPresent()) {
                json.name("projectedPeriod").value(a.projectedPeriod().get().label());
                number(json, "projected", a.projected());
                number(json, "projectedLower", a.projectedLower());
                number(json, "projectedUpper", a.projectedUpper());
            }
            if (a.probabilityMet().isPresent()) {
                number(json, "probabilityMet", a.probabilityMet());
                number(json, "requiredPace", a.requiredPace());
                number(json, "trendSlope", a.trendSlope());
            }
            json.endObject();
        }
        json.endArray();
    }

    /**
     * The {@code benchmarks} array, with benchmarks: per metric the value, n, score, the difference
     * score − benchmark (the fields of {@code change}) and the verdict; difference and verdict null
     * when the metric has too few responses for the test.
     */
    private static void benchmarks(JsonWriter json, Report report) throws IOException {
        if (report.options().benchmarks().isEmpty()) {
            return;
        }
        json.name("benchmarks").beginArray();
        for (BenchmarkRows.Row row : BenchmarkRows.of(report)) {
            json.beginObject();
            json.name("metric").value(row.metric().key());
            json.name("benchmark").value(row.value());
            json.name("n").value(row.n());
            number(json, "score", report.overall().get(row.metric()).score());
            json.name("difference");
            if (row.result().isPresent()) {
                comparison(json, row.result().get().comparison());
                json.name("verdict").value(row.result().get().verdict().name());
            } else {
                json.nullValue();
                json.name("verdict").nullValue();
            }
            json.endObject();
        }
        json.endArray();
    }

    /**
     * The {@code calendar} object, with calendar effects: the zone of the days, the holidays (null
     * without), and per comparison its metric, groups and the test of first − second group.
     */
    private static void calendar(JsonWriter json, Report report) throws IOException {
        if (!report.options().calendar()) {
            return;
        }
        HolidayCalendar holidays = report.options().grouping().holidays();
        json.name("calendar").beginObject();
        json.name("zone").value(report.options().grouping().zone().getId());
        json.name("holidays").value(holidays.equals(HolidayCalendar.NONE) ? null : holidays.toString());
        json.name("effects").beginArray();
        for (CalendarRows.Effect e : CalendarRows.of(report)) {
            json.beginObject();
            json.name("metric").value(e.metric().key());
            json.name("effect").value(e.key());
            json.name("groups").beginArray();
            for (SegmentResult<String> g : List.of(e.first(), e.second())) {
                json.beginObject();
                json.name("group").value(g.key());
                json.name("n").value(g.n());
                if (g.effectiveN().isPresent()) {
                    json.name("effectiveN").value(g.effectiveN().getAsDouble());
                }
                number(json, "score", g.score());
                number(json, "lower", g.interval().isPresent() ? OptionalDouble.of(g.interval().get().lower())
                        : OptionalDouble.empty());
                number(json, "upper", g.interval().isPresent() ? OptionalDouble.of(g.interval().get().upper())
                        : OptionalDouble.empty());
                json.name("small").value(g.n() < report.options().minN());
                json.endObject();
            }
            json.endArray();
            json.name("difference");
            if (e.test().isPresent()) {
                comparison(json, e.test().get().comparison());
            } else {
                json.nullValue();
            }
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** The {@code segments} object, when the report has segments. */
    private static void segments(JsonWriter json, Report report) throws IOException {
        if (report.segments().isEmpty()) {
            return;
        }
        json.name("segments").beginObject();
        for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
            json.name(column.getKey()).beginArray();
            for (SegmentSummary s : column.getValue()) {
                json.beginObject();
                json.name("segment").value(s.segment());
                json.name("metrics");
                metrics(json, report, s.metrics(), s.operations());
                if (report.options().grouping().by() != null) {
                    json.name("trend");
                    trend(json, report, s.trend(), Map.of());
                }
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
    }

    private static void trend(JsonWriter json, Report report, List<PeriodSummary> trend,
            Map<String, List<Assessment>> targets) throws IOException {
        json.beginArray();
        for (PeriodSummary p : trend) {
            json.beginObject();
            json.name("period").value(p.period());
            json.name("start").value(p.start().toString());
            json.name("metrics");
            metrics(json, report, p.metrics(), p.operations());
            List<Assessment> row = targets.get(p.period());
            if (row != null) {
                json.name("targets").beginArray();
                for (Assessment a : row) {
                    json.beginObject();
                    json.name("target").value(a.target().toString());
                    json.name("metric").value(a.target().measure().key());
                    json.name("status").value(a.status().name());
                    json.name("n").value(a.n());
                    number(json, "estimate", a.estimate());
                    number(json, "lower", a.lower());
                    number(json, "upper", a.upper());
                    json.endObject();
                }
                json.endArray();
            }
            json.endObject();
        }
        json.endArray();
    }

    private static void metrics(JsonWriter json, Report report, Map<Metric, MetricSummary> values,
            OperationalSummary operations) throws IOException {
        json.beginObject();
        for (Metric m : report.metrics()) {
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
            if (m == Metric.CSAT) {
                number(json, "mean", s.mean());
            }
            if (m == Metric.CES) {
                number(json, "easy", s.easy());
            }
            json.name("small").value(s.isSmall());
            if (s.change().isPresent()) {
                json.name("change");
                comparison(json, s.change().get());
            }
            if (s.vsRest().isPresent()) {
                json.name("vsRest");
                vsRest(json, s.vsRest().get());
            }
            if (s.controlLimits().isPresent()) {
                json.name("outOfControl").value(s.isOutOfControl());
                json.name("controlLimits").beginObject();
                json.name("center").value(s.controlLimits().get().center());
                json.name("lower").value(s.controlLimits().get().lower());
                json.name("upper").value(s.controlLimits().get().upper());
                json.endObject();
            }
            json.endObject();
        }
        operations(json, operations, report.options());
        json.endObject();
    }

    private static void operations(JsonWriter json, OperationalSummary operations, ReportOptions options)
            throws IOException {
        if (operations.responseTime().isPresent()) {
            ResponseTimeSummary r = operations.responseTime().get();
            json.name("responseTime").beginObject();
            json.name("n").value(r.n());
            number(json, "mean", r.mean());
            number(json, "median", r.median());
            number(json, "p90", r.p90());
            number(json, "p95", r.p95());
            json.name("target").value(r.target());
            json.name("withinTargetCount").value(r.withinTargetCount());
            number(json, "withinTarget", r.withinTarget());
            json.name("basis").value(r.basis().key());
            if (r.basis() != ResponseTimeBasis.COLUMN) {
                json.name("open").value(r.open());
            }
            if (r.basis() == ResponseTimeBasis.BUSINESS_HOURS) {
                json.name("businessHours").value(options.grouping().businessHours().toString());
                json.name("holidays").value(options.grouping().holidays().equals(HolidayCalendar.NONE) ? null : options.grouping().holidays().toString());
                json.name("zone").value(options.grouping().zone().getId());
            }
            json.endObject();
        }
        if (operations.firstContactResolution().isPresent()) {
            OutcomeSummary f = operations.firstContactResolution().get();
            json.name("firstContactResolution").beginObject();
            json.name("n").value(f.n());
            json.name("resolved").value(f.successes());
            number(json, "score", f.score());
            number(json, "lower", f.lower());
            number(json, "upper", f.upper());
            json.endObject();
        }
        if (operations.kto().isPresent()) {
            KtoSummary k = operations.kto().get();
            json.name("kto").beginObject();
            json.name("respondents").value(k.respondents());
            json.name("eligibleRespondents").value(k.eligibleRespondents());
            index(json, "index", k.index());
            index(json, "netIndex", k.netIndex());
            index(json, "acsiIndex", k.acsiIndex());
            json.name("completion").beginObject();
            for (Map.Entry<String, Double> e : k.completion().entrySet()) {
                json.name(e.getKey()).value(e.getValue());
            }
            json.endObject();
            json.endObject();
        }
    }

    private static void index(JsonWriter json, String name, IndexSummary s) throws IOException {
        json.name(name).beginObject();
        json.name("n").value(s.n());
        number(json, "score", s.score());
        number(json, "standardError", s.standardError());
        number(json, "lower", s.lower());
        number(json, "upper", s.upper());
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

    /**
     * The fields of {@link #comparison} with the raw p-value, then the adjustment, the adjusted
     * p-value and the family-wise interval; {@code significant} is the adjusted verdict.
     */
    static void vsRest(JsonWriter json, AdjustedComparison a) throws IOException {
        Comparison c = a.comparison();
        json.beginObject();
        json.name("difference").value(c.difference());
        json.name("standardError").value(c.standardError());
        json.name("lower").value(c.lower());
        json.name("upper").value(c.upper());
        json.name("statistic").value(c.statistic());
        json.name("pValue").value(c.pValue());
        json.name("adjustment").value(a.adjustment().name().toLowerCase(java.util.Locale.ROOT));
        json.name("adjustedPValue").value(a.adjustedPValue());
        json.name("familywiseConfidence").value(a.familywiseConfidence());
        json.name("familywiseLower").value(a.familywiseLower());
        json.name("familywiseUpper").value(a.familywiseUpper());
        json.name("significant").value(a.isSignificant());
        json.endObject();
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
