package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code cxmetrics compare … --bayes}: the posterior probability that a is better than b. */
class CompareBayesTest {

    @Test
    void csatIsExactEvanMillersExample() throws IOException {
        // 45 of 50 satisfied against 40 of 50, uniform priors: 0.9139 (evanmiller.org; R integrate 0.913912137645)
        JsonNode j = MainTest.run("compare", "csat", "--a-counts", "2,3,0,25,20", "--b-counts", "5,5,0,20,20",
                "--bayes", "--format", "json").json();
        assertThat(j.get("probabilityABetter").asDouble()).isCloseTo(0.913912137645, within(1e-10));
        assertThat(j.get("probabilityMethod").asText()).isEqualTo("exact-beta");
        assertThat(j.has("probabilityStandardError")).isFalse();
        assertThat(j.get("pValue").asDouble()).isGreaterThan(0.05); // the frequentist verdict is unchanged
    }

    @Test
    void npsAndCesAreMonteCarloWithTheirStandardError() throws IOException {
        // NPS a: 50 promoters, 30 passives, 20 detractors; b: 40, 35, 25. R (4e6 Dirichlet draws): 0.908060
        JsonNode nps = MainTest.run("compare", "nps", "--a-counts", "20,0,0,0,0,0,0,30,0,50,0", "--b-counts",
                "25,0,0,0,0,0,0,35,0,40,0", "--bayes", "--format", "json").json();
        double se = nps.get("probabilityStandardError").asDouble();
        assertThat(se).isGreaterThan(0).isLessThan(0.0012);
        assertThat(nps.get("probabilityABetter").asDouble()).isCloseTo(0.908060, within(4 * se + 0.0006));
        assertThat(nps.get("probabilityDraws").asLong()).isEqualTo(200_000);
        // CES on the effort scale: lower is better, so a with the lower mean is better
        JsonNode ces = MainTest.run("compare", "ces", "--ces-scale", "1-5-effort", "--a-counts", "10,10,5,3,2",
                "--b-counts", "3,5,8,8,6", "--bayes", "--format", "json").json();
        assertThat(ces.get("difference").asDouble()).isNegative();
        assertThat(ces.get("probabilityABetter").asDouble()).isGreaterThan(0.99);
    }

    @Test
    void withoutBayesNothingIsAdded() throws IOException {
        JsonNode j = MainTest.run("compare", "csat", "--a-counts", "2,3,0,25,20", "--b-counts", "5,5,0,20,20",
                "--format", "json").json();
        assertThat(j.has("probabilityABetter")).isFalse();
        assertThat(MainTest.run("compare", "--help").out()).contains("--bayes");
    }
}
