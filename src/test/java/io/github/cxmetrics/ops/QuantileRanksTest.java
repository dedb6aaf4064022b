package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantileRanksTest {
    // Generated with scipy 1.17.1: l = max{k >= 1: binom.cdf(k-1, n, p) <= a/2} (0 if none),
    // u = min{k <= n: binom.cdf(k-1, n, p) >= 1-a/2} (-1 if none); src/test/resources/io/github/cxmetrics/ops/ops_reference.py.
    @ParameterizedTest
    @CsvSource({
        "12, 0.5, 0.95, 3, 10",
        "100, 0.5, 0.95, 40, 61",
        "100, 0.9, 0.95, 84, 96",
        "100, 0.95, 0.95, 90, 100",
        "1000, 0.9, 0.9, 884, 916",
        "71, 0.95, 0.95, 63, -1",
        "72, 0.95, 0.95, 64, 72",
        "5, 0.5, 0.95, 0, -1",
        "6, 0.5, 0.95, 1, 6",
        "20000, 0.95, 0.99, 18920, 19080",
    })
    void ranksMatchScipy(int n, double p, double conf, int lower, int upper) {
        assertThat(QuantileRanks.of(n, p, conf)).containsExactly(lower, upper);
    }

    @ParameterizedTest
    @CsvSource({"0.95, 0.95, 72", "0.9, 0.95, 36", "0.5, 0.95, 6", "0.5, 0.99, 8"})
    void minimumNForAnUpperLimit(double p, double conf, long n) {
        // ceil(ln(alpha/2) / ln p): ln(0.025)/ln(0.95) = 71.9; ln(0.025)/ln(0.9) = 35.0;
        // ln(0.025)/ln(0.5) = 5.32; ln(0.005)/ln(0.5) = 7.64
        assertThat(QuantileRanks.minimumN(p, conf)).isEqualTo(n);
    }
}
