package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.score.Mean;
import io.github.cxmetrics.tally.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code intervals.json} (copied from {@code shared/reference}: values computed at 60
 * digits with mpmath 1.3.0, rounded once to double, cross-checked against scipy 1.17.1), at the
 * tolerances of its conventions: relative 1e-9 for closed forms, tighter 1e-12 for our iterative
 * methods (we claim full double precision, R NPS stops at 1e-7), absolute 1e-12 for p-values.
 */
class ReferenceVectorsTest {
    private static final double CLOSED = 1e-9;
    private static final double ITERATIVE = 1e-12;

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream("intervals.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<JsonNode> list = new ArrayList<>();
            root.get("cases").forEach(list::add);
            return list.stream();
        }
    }

    @Test
    void fileHasAllCases() throws IOException {
        assertThat(cases().count()).isEqualTo(57);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(JsonNode c) {
        String method = c.get("method").asText();
        JsonNode in = c.get("inputs");
        JsonNode ex = c.get("expected");
        switch (method) {
            case "nps_wald" -> nps(NpsInterval.WALD, NpsTest.WALD, in, ex, CLOSED);
            case "nps_adjusted_wald" -> nps(NpsInterval.ADJUSTED_WALD, NpsTest.ADJUSTED_WALD, in, ex, CLOSED);
            case "nps_tango_score" -> tango(in, ex);
            case "nps_diff_wald" -> npsDiff(NpsTest.WALD, in, ex);
            case "nps_diff_adjusted_wald" -> npsDiff(NpsTest.ADJUSTED_WALD, in, ex);
            case "wald" -> proportion(ProportionInterval.WALD, in, ex, CLOSED);
            case "wilson" -> proportion(ProportionInterval.WILSON, in, ex, CLOSED);
            case "agresti_coull" -> proportion(ProportionInterval.AGRESTI_COULL, in, ex, CLOSED);
            case "clopper_pearson" -> proportion(ProportionInterval.CLOPPER_PEARSON, in, ex, ITERATIVE);
            case "jeffreys" -> proportion(ProportionInterval.JEFFREYS, in, ex, ITERATIVE);
            case "wilson_cc" -> proportion(ProportionInterval.WILSON_CC, in, ex, CLOSED);
            case "mean_t_interval" -> meanT(in, ex);
            case "nps_trinomial_mean_t" -> trinomial(in, ex);
            case "welch_t" -> twoMeans(MeanTest.WELCH, in, ex);
            case "student_t_pooled" -> twoMeans(MeanTest.STUDENT, in, ex);
            default -> {
                assertThat(method).startsWith("two_proportion_z");
                twoProportions(in, ex);
            }
        }
    }

    private static void nps(NpsInterval interval, NpsTest test, JsonNode in, JsonNode ex, double tol) {
        double p = in.get("promoters").asDouble();
        double a = in.get("passives").asDouble();
        double d = in.get("detractors").asDouble();
        double conf = in.get("confidence").asDouble();
        Interval ci = interval.of(p, a, d, conf);
        String lowerKey = ex.has("lower_clipped") ? "lower_clipped" : "lower";
        String upperKey = ex.has("upper_clipped") ? "upper_clipped" : "upper";
        close(ci.lower(), ex.get(lowerKey), tol);
        close(ci.upper(), ex.get(upperKey), tol);
        close(ci.center(), ex.has("adjusted_center") ? ex.get("adjusted_center") : ex.get("score"), tol);
        // the unclipped limits too
        Interval raw = interval.unclipped(p, a, d, conf);
        close(raw.lower(), ex.get("lower"), tol);
        close(raw.upper(), ex.get("upper"), tol);
        close(NpsVariance.of(p + (interval == NpsInterval.WALD ? 0 : 0.75), a + (interval == NpsInterval.WALD ? 0 : 1.5),
                d + (interval == NpsInterval.WALD ? 0 : 0.75)), ex.get("variance_fraction_scale"), tol);
        close(Normal.criticalValue(conf), ex.get("z_crit"), 1e-15);
        if (ex.get("z_stat_vs_0").isNull()) {
            // undefined (SE 0 with a non-zero score), or 0/0 (all passives): documented policy
            if (ex.get("score").asDouble() != 0) {
                assertThatThrownBy(() -> test.compareToValue(p, a, d, 0, conf)).isInstanceOf(IllegalStateException.class);
            } else {
                Comparison c = test.compareToValue(p, a, d, 0, conf);
                assertThat(c.statistic()).isZero();
                assertThat(c.pValue()).isEqualTo(1.0);
            }
        } else {
            Comparison c = test.compareToValue(p, a, d, 0, conf);
            close(c.statistic(), ex.get("z_stat_vs_0"), tol);
            assertThat(c.pValue()).isCloseTo(ex.get("p_value_vs_0").asDouble(), within(1e-12));
            close(c.pValue(), ex.get("p_value_vs_0"), 1e-9);
            close(c.standardError(), ex.get("se"), tol);
        }
    }

    private static void tango(JsonNode in, JsonNode ex) {
        double p = in.get("promoters").asDouble();
        double a = in.get("passives").asDouble();
        double d = in.get("detractors").asDouble();
        double conf = in.get("confidence").asDouble();
        Interval ci = NpsInterval.TANGO.of(p, a, d, conf);
        close(ci.lower(), ex.get("lower"), ITERATIVE);
        close(ci.upper(), ex.get("upper"), ITERATIVE);
        close(ci.center(), ex.get("score"), CLOSED);
        if (!ex.get("z_stat_vs_0").isNull()) {
            close(NpsInterval.tangoStatistic(p, d, p + a + d, 0), ex.get("z_stat_vs_0"), CLOSED);
            close(Normal.twoSidedPValue(NpsInterval.tangoStatistic(p, d, p + a + d, 0)), ex.get("p_value_vs_0"), 1e-9);
        }
    }

    private static void npsDiff(NpsTest test, JsonNode in, JsonNode ex) {
        JsonNode g1 = in.get("group1");
        JsonNode g2 = in.get("group2");
        Comparison c = test.compare(g1.get("promoters").asDouble(), g1.get("passives").asDouble(),
                g1.get("detractors").asDouble(), g2.get("promoters").asDouble(), g2.get("passives").asDouble(),
                g2.get("detractors").asDouble(), in.get("confidence").asDouble());
        // difference: the plain difference of the raw scores (diff_raw); the adjusted-Wald test
        // and interval are built on the difference of the adjusted scores (diff)
        close(c.difference(), ex.get("diff_raw"), CLOSED);
        close(c.testedDifference(), ex.get("diff"), CLOSED);
        close(c.standardError(), ex.get("se_diff"), CLOSED);
        close(c.testStandardError(), ex.get("se_diff"), CLOSED);
        close(c.lower(), ex.get("lower"), CLOSED);
        close(c.upper(), ex.get("upper"), CLOSED);
        close(c.statistic(), ex.get("z_stat"), CLOSED);
        assertThat(c.pValue()).isCloseTo(ex.get("p_value").asDouble(), within(1e-12));
    }

    private static void proportion(ProportionInterval method, JsonNode in, JsonNode ex, double tol) {
        double x = in.get("successes_top2").asDouble();
        double n = in.get("n").asDouble();
        Interval ci = method.of(x, n, in.get("confidence").asDouble());
        close(ci.lower(), ex.get("lower_clipped"), tol);
        close(ci.upper(), ex.get("upper_clipped"), tol);
        close(ci.center(), ex.has("center") ? ex.get("center") : ex.get("estimate"), CLOSED);
        if (in.has("counts_1_to_5")) {
            // the same through the score layer: top-2 box of the 1..5 counts
            long[] counts = longs(in.get("counts_1_to_5"));
            Interval viaScore = io.github.cxmetrics.score.Csat.of(Tally.of(CsatScale.FIVE_POINT, counts))
                    .satisfiedShare().interval(in.get("confidence").asDouble(), method);
            assertThat(viaScore).isEqualTo(ci);
        }
    }

    private static void meanT(JsonNode in, JsonNode ex) {
        JsonNode countsNode = in.has("counts_1_to_5") ? in.get("counts_1_to_5") : in.get("counts_1_to_7");
        long[] counts = longs(countsNode);
        Mean mean = Mean.of(Tally.of(CsatScale.of(1, counts.length), counts));
        double conf = in.get("confidence").asDouble();
        assertThat(mean.n()).isEqualTo(in.get("n").asLong());
        close(mean.value(), ex.get("mean"), CLOSED);
        if (ex.get("sd").isNull()) {
            assertThat(mean.hasSpread()).isFalse();
            assertThatThrownBy(mean::standardDeviation).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(mean::standardError).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> mean.interval(conf)).isInstanceOf(IllegalStateException.class);
            return;
        }
        close(mean.standardDeviation(), ex.get("sd"), CLOSED);
        close(mean.standardError(), ex.get("se"), CLOSED);
        close(StudentT.criticalValue(conf, ex.get("df").asDouble()), ex.get("t_crit"), ITERATIVE);
        Interval ci = mean.interval(conf);
        // the library clips the t interval to the scale (docs/methods.md); the reference is raw
        double min = 1;
        double max = counts.length;
        close(ci.lower(), new com.fasterxml.jackson.databind.node.DoubleNode(
                Math.max(min, ex.get("lower").asDouble())), CLOSED);
        close(ci.upper(), new com.fasterxml.jackson.databind.node.DoubleNode(
                Math.min(max, ex.get("upper").asDouble())), CLOSED);
        if (ex.get("lower").asDouble() >= min && ex.get("upper").asDouble() <= max) {
            close(MeanInterval.studentT(mean.value(), mean.variance(), mean.n(), conf).lower(), ex.get("lower"), CLOSED);
        } else {
            Interval raw = MeanInterval.studentT(mean.value(), mean.variance(), mean.n(), conf);
            close(raw.lower(), ex.get("lower"), CLOSED);
            close(raw.upper(), ex.get("upper"), CLOSED);
        }
    }

    private static void trinomial(JsonNode in, JsonNode ex) {
        // detractor = -1, passive = 0, promoter = +1: the generic Mean on a -1..1 scale, times 100
        long[] counts = {in.get("detractors").asLong(), in.get("passives").asLong(), in.get("promoters").asLong()};
        Mean mean = Mean.of(Tally.of(CsatScale.of(-1, 1), counts));
        double conf = in.get("confidence").asDouble();
        close(100 * mean.value(), ex.get("mean"), CLOSED);
        close(100 * mean.standardDeviation(), ex.get("sd"), CLOSED);
        close(100 * mean.standardError(), ex.get("se"), CLOSED);
        Interval ci = mean.interval(conf);
        close(100 * ci.lower(), ex.get("lower"), CLOSED);
        close(100 * ci.upper(), ex.get("upper"), CLOSED);
    }

    private static void twoMeans(MeanTest test, JsonNode in, JsonNode ex) {
        long[] c1 = longs(in.get("group1_counts"));
        long[] c2 = longs(in.get("group2_counts"));
        CsatScale scale = CsatScale.of(1, c1.length);
        Mean m1 = Mean.of(Tally.of(scale, c1));
        Mean m2 = Mean.of(Tally.of(scale, c2));
        double conf = in.get("confidence").asDouble();
        close(m1.value(), ex.get("mean1"), CLOSED);
        close(m2.value(), ex.get("mean2"), CLOSED);
        close(m1.standardDeviation(), ex.get("sd1"), CLOSED);
        close(m2.standardDeviation(), ex.get("sd2"), CLOSED);
        Comparison c = io.github.cxmetrics.score.Comparisons.means(m1, m2, conf, test);
        close(c.difference(), ex.get("diff"), CLOSED);
        close(c.standardError(), ex.get("se"), CLOSED);
        close(c.degreesOfFreedom(), ex.get("df"), CLOSED);
        close(c.statistic(), ex.get("t_stat"), CLOSED);
        assertThat(c.pValue()).isCloseTo(ex.get("p_value").asDouble(), within(1e-12));
        close(c.pValue(), ex.get("p_value"), 1e-9);
        close(StudentT.criticalValue(conf, c.degreesOfFreedom()), ex.get("t_crit"), ITERATIVE);
        close(c.lower(), ex.get("lower"), CLOSED);
        close(c.upper(), ex.get("upper"), CLOSED);
    }

    private static void twoProportions(JsonNode in, JsonNode ex) {
        double x1 = in.get("x1").asDouble();
        double n1 = in.get("n1").asDouble();
        double x2 = in.get("x2").asDouble();
        double n2 = in.get("n2").asDouble();
        Comparison c = TwoProportions.compare(x1, n1, x2, n2, in.get("confidence").asDouble());
        close(c.difference(), ex.get("diff"), CLOSED);
        close(c.standardError(), ex.get("se_unpooled"), CLOSED);
        close(c.testedDifference(), ex.get("diff"), CLOSED);
        if (!ex.get("se_pooled").isNull()) {
            close(c.testStandardError(), ex.get("se_pooled"), CLOSED);
        }
        close(c.statistic(), ex.get("z_pooled"), CLOSED);
        assertThat(c.pValue()).isCloseTo(ex.get("p_pooled").asDouble(), within(1e-12));
        close(c.lower(), ex.get("lower_newcombe"), CLOSED);
        close(c.upper(), ex.get("upper_newcombe"), CLOSED);
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    /** Relative tolerance, absolute near zero. */
    static void close(double actual, JsonNode expected, double tol) {
        double e = expected.asDouble();
        double scale = Math.max(1, Math.abs(e));
        assertThat(actual).as("expected %s", e).isCloseTo(e, within(tol * scale));
    }

    @Test
    void invalidConfidenceIsRejectedEverywhere() {
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            List<Executable> calls = new ArrayList<>();
            for (NpsInterval m : NpsInterval.values()) {
                calls.add(() -> m.of(10, 5, 3, bad));
            }
            for (ProportionInterval m : ProportionInterval.values()) {
                calls.add(() -> m.of(3, 10, bad));
            }
            for (NpsTest t : NpsTest.values()) {
                calls.add(() -> t.compare(10, 5, 3, 4, 4, 4, bad));
            }
            for (MeanTest t : MeanTest.values()) {
                calls.add(() -> t.compare(4, 1, 10, 3, 1, 10, bad));
            }
            calls.add(() -> TwoProportions.compare(3, 10, 4, 10, bad));
            calls.add(() -> MeanInterval.studentT(4, 1, 10, bad));
            for (Executable call : calls) {
                assertThatThrownBy(call::execute).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("confidence").hasMessageContaining(String.valueOf(bad));
            }
        }
    }
}
