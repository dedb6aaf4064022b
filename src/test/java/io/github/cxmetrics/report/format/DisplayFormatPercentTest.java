package io.github.cxmetrics.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Confidence levels and their complements print as people write them. */
class DisplayFormatPercentTest {
    @Test
    void levelsAndComplements() {
        assertThat(DisplayFormat.percent(0.95)).isEqualTo("95 %");
        assertThat(DisplayFormat.percent(0.995)).isEqualTo("99.5 %");
        assertThat(DisplayFormat.percent(1 - 0.95)).isEqualTo("5 %"); // 0.050000000000000044
        assertThat(DisplayFormat.percent(1 - 0.9)).isEqualTo("10 %");
        assertThat(DisplayFormat.percent(0.8)).isEqualTo("80 %");
    }
}
