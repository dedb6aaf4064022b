package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.target.Benchmark;
import io.github.cxmetrics.target.BenchmarkVerdict;
import io.github.cxmetrics.trend.Metric;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --benchmark} in the report, against a hand computation over the test's rows: 200
 * responses, NPS 70 promoters / 60 passives / 70 detractors... as laid out in {@link #csv()}; the
 * CSAT one-sample score test z = (p̂ − p₀)/√(p₀(1 − p₀)/n) with the Wilson interval minus p₀
 * (z₀.₀₂₅ = 1.959963984540054), the CES one-sample t = (x̄ − μ₀)/(s/√n), the NPS difference the plain
 * score minus the benchmark; the two-sided normal p from a Simpson integral
 * ({@link ReportCalendarTest#upperTail}).
 */
class ReportBenchmarkTest {
    private static final double Z975 = 1.959963984540054;

    @TempDir
    Path dir;

    /**
     * 200 rows: NPS 10 × 90, 8 × 40, 3 × 70 (score 10); CSAT 5 × 120, 4 × 30, 2 × 50 (150 of 200 satisfied,
     * 75 %); CES 6 × 100, 5 × 60, 3 × 40 (mean 5.1).
     */
    static String csv() {
        StringBuilder csv = new StringBuilder("nps,csat,ces\n");
        for (int i = 0; i < 200; i++) {
            int nps = i < 90 ? 10 : i < 130 ? 8 : 3;
            int csat = i < 120 ? 5 : i < 150 ? 4 : 2;
            int ces = i < 100 ? 6 : i < 160 ? 5 : 3;
            csv.append(nps).append(',').append(csat).append(',').append(ces).append('\n');
        }
        return csv.toString();
    }

    private static Report report() throws IOException {
        return ReportTest.report(csv(), ReportOptions.defaults().withBenchmark(Metric.NPS, 32)
                .withBenchmark(Metric.CSAT, 70).withBenchmark(Metric.CES, 5.2));
    }

    private static Benchmark of(Report r, Metric m) {
        return r.benchmarks().stream().filter(b -> b.metric() == m).findFirst().orElseThrow();
    }

    @Test
    void eachMetricAgainstItsBenchmarkByHand() throws IOException {
        Report r = report();
        assertThat(r.benchmarks()).extracting(Benchmark::metric).containsExactly(Metric.NPS, Metric.CSAT, Metric.CES);

        Benchmark nps = of(r, Metric.NPS);
        assertThat(nps.score()).isCloseTo(100.0 * (90 - 70) / 200, within(1e-12));
        assertThat(nps.comparison().difference()).isCloseTo(10 - 32, within(1e-9));
        assertThat(nps.verdict()).isEqualTo(BenchmarkVerdict.BELOW);

        Benchmark csat = of(r, Metric.CSAT);
        double p = 150 / 200.0;
        double p0 = 0.70;
        double z = (p - p0) / Math.sqrt(p0 * (1 - p0) / 200);
        Comparison c = csat.comparison();
        assertThat(c.difference()).isCloseTo(100 * (p - p0), within(1e-9));
        assertThat(c.statistic()).isCloseTo(z, within(1e-9));
        assertThat(c.pValue()).isCloseTo(2 * ReportCalendarTest.upperTail(Math.abs(z)), within(1e-9));
        double k = Z975 * Z975 / 200;
        double centre = (p + k / 2) / (1 + k);
        double half = Z975 / (1 + k) * Math.sqrt(p * (1 - p) / 200 + Z975 * Z975 / (4.0 * 200 * 200));
        assertThat(c.lower()).isCloseTo(100 * (centre - half - p0), within(1e-9));
        assertThat(c.upper()).isCloseTo(100 * (centre + half - p0), within(1e-9));
        // z = 1.543: above 70 % but not significantly
        assertThat(csat.verdict()).isEqualTo(BenchmarkVerdict.NOT_DISTINGUISHABLE);

        Benchmark ces = of(r, Metric.CES);
        double mean = (6 * 100 + 5 * 60 + 3 * 40) / 200.0;
        double ss = 100 * Math.pow(6 - mean, 2) + 60 * Math.pow(5 - mean, 2) + 40 * Math.pow(3 - mean, 2);
        double se = Math.sqrt(ss / 199) / Math.sqrt(200);
        assertThat(ces.score()).isCloseTo(mean, within(1e-12));
        assertThat(ces.comparison().difference()).isCloseTo(mean - 5.2, within(1e-9));
        assertThat(ces.comparison().statistic()).isCloseTo((mean - 5.2) / se, within(1e-9));
    }

    @Test
    void everyOutputHasTheBenchmarks() throws IOException {
        Report r = report();
        String table = ReportFormat.TABLE.format(r);
        assertThat(table).contains("Benchmarks (one-sample test of the overall score)")
                .containsPattern("NPS +200 +\\+10\\.0 +\\+32\\.0 +-22\\.0 .* BELOW \\*")
                .contains("NOT_DISTINGUISHABLE");
        JsonNode b = ReportTest.json(r).get("benchmarks");
        assertThat(b).hasSize(3);
        assertThat(b.get(1).get("metric").asText()).isEqualTo("csat");
        assertThat(b.get(1).get("benchmark").asDouble()).isEqualTo(70.0);
        assertThat(b.get(1).get("n").asLong()).isEqualTo(200);
        assertThat(b.get(1).get("score").asDouble()).isEqualTo(75.0);
        assertThat(b.get(1).get("difference").get("difference").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(b.get(1).get("verdict").asText()).isEqualTo("NOT_DISTINGUISHABLE");
        String csv = ReportFormat.CSV.format(r);
        assertThat(csv.lines().filter(l -> l.startsWith("(benchmark),"))).hasSize(3);
        assertThat(csv).contains("(benchmark),32.0,,,nps,200,10.0,");
        assertThat(ReportFormat.HTML.format(r)).contains("<h2>Benchmarks</h2>").contains("not distinguishable");
    }

    @Test
    void fromStoredTalliesTheSame() throws IOException {
        Report direct = report();
        direct.saveTallies(dir);
        Report stored = Report.fromTallies(dir, direct.options());
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.format(stored)).as(f.name()).isEqualTo(f.format(direct));
        }
    }

    @Test
    void tooFewResponsesForTheTestIsShownNotThrown() throws IOException {
        Report r = ReportTest.report("nps,ces\n9,5\n", ReportOptions.defaults().withBenchmark(Metric.CES, 5));
        assertThat(r.benchmarks()).isEmpty();
        assertThat(ReportFormat.TABLE.format(r)).contains("too few responses for the test");
        assertThat(ReportTest.json(r).get("benchmarks").get(0).get("difference").isNull()).isTrue();
    }

    @Test
    void badValuesNameTheValueAndTheRange() {
        assertThatThrownBy(() -> ReportOptions.defaults().withBenchmark(Metric.CSAT, 0.9))
                .hasMessage("Invalid value for csat benchmark (valid values 0 - 100, in percent; 0 < v <= 1 looks "
                        + "like a fraction): 0.9 (write 90 for 90 %)");
        assertThatThrownBy(() -> ReportOptions.defaults().withBenchmark(Metric.NPS, 120))
                .hasMessage("Invalid value for nps benchmark (valid values -100.0 - 100.0): 120.0");
        assertThatThrownBy(() -> ReportOptions.defaults().withBenchmark(Metric.CES, 8))
                .hasMessage("Invalid value for ces benchmark (valid values 1.0 - 7.0): 8.0");
        assertThatThrownBy(() -> ReportOptions.defaults().withBenchmark(Metric.CSAT, 100))
                .hasMessageContaining("valid values 0.0 < v < 100.0");
        assertThatThrownBy(() -> ReportTest.report("nps\n9\n", ReportOptions.defaults().withBenchmark(Metric.CSAT, 80)))
                .hasMessage("Benchmark --benchmark csat=80.0 needs the csat column, which is not in the report");
    }
}
