package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.target.Benchmark;
import io.github.cxmetrics.trend.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmarks of a report as the outputs show them: one row per benchmark asked for, in metric
 * order, with its comparison ({@link Report#benchmarks()}) or none when the metric has too few
 * responses for the test.
 */
final class BenchmarkRows {
    private BenchmarkRows() {
    }

    /** One benchmark: the metric, the value asked for, and the comparison if the test is defined. */
    record Row(Metric metric, double value, long n, Optional<Benchmark> result) {
    }

    static List<Row> of(Report report) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Metric, Double> e : report.options().benchmarks().entrySet()) {
            Optional<Benchmark> b = report.benchmarks().stream().filter(x -> x.metric() == e.getKey()).findFirst();
            long n = report.overall().containsKey(e.getKey()) ? report.overall().get(e.getKey()).n() : 0;
            out.add(new Row(e.getKey(), e.getValue(), n, b));
        }
        return out;
    }
}
