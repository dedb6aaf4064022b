package io.github.cxmetrics.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.statistics.Statistics;

class WeightingProperties {

    /**
     * A sample over 1 to 3 variables (v0, v1, v2) with 2 to 4 categories each, every cross cell
     * holding 1 to 30 respondents (so any positive targets can be met), shuffled, and random positive
     * target shares.
     */
    record Survey(List<Map<String, String>> rows, List<PopulationMargin> margins) {
        Raking raking(double tolerance) {
            Raking.Builder b = Raking.builder().tolerance(tolerance).maxIterations(10_000);
            margins.forEach(b::margin);
            return b.build();
        }
    }

    @Provide
    Arbitrary<Survey> surveys() {
        return Arbitraries.longs().map(seed -> {
            Random random = new Random(seed);
            int vars = 1 + random.nextInt(3);
            int[] cats = new int[vars];
            List<PopulationMargin> targets = new ArrayList<>();
            for (int v = 0; v < vars; v++) {
                cats[v] = 2 + random.nextInt(3);
                double[] raw = new double[cats[v]];
                double sum = 0;
                for (int c = 0; c < cats[v]; c++) {
                    raw[c] = 1 + random.nextInt(20);
                    sum += raw[c];
                }
                Map<String, Double> shares = new LinkedHashMap<>();
                for (int c = 0; c < cats[v]; c++) {
                    shares.put("c" + c, raw[c] / sum);
                }
                targets.add(PopulationMargin.of("v" + v, shares));
            }
            List<Map<String, String>> rows = new ArrayList<>();
            int cells = Arrays.stream(cats).reduce(1, (a, b) -> a * b);
            for (int cell = 0; cell < cells; cell++) {
                Map<String, String> row = new HashMap<>();
                int rest = cell;
                for (int v = 0; v < vars; v++) {
                    row.put("v" + v, "c" + rest % cats[v]);
                    rest /= cats[v];
                }
                int count = 1 + random.nextInt(30);
                for (int i = 0; i < count; i++) {
                    rows.add(row);
                }
            }
            Collections.shuffle(rows, random);
            return new Survey(rows, targets);
        });
    }

    /** The weighted share of each category of a target, computed here independently of the library. */
    static Map<String, Double> weightedShares(List<Map<String, String>> rows, double[] w, String variable) {
        Map<String, Double> sums = new HashMap<>();
        double total = 0;
        for (int i = 0; i < rows.size(); i++) {
            sums.merge(rows.get(i).get(variable), w[i], Double::sum);
            total += w[i];
        }
        double t = total;
        sums.replaceAll((k, v) -> v / t);
        return sums;
    }

    @Group
    class Raked {
        @Property
        void marginsMatchTheTargetsWithinTolerance(@ForAll("surveys") Survey s) {
            Statistics.label("variables").collect(s.margins().size());
            WeightingResult r = s.raking(1e-10).weights(s.rows());
            assertThat(r.converged()).isTrue();
            for (PopulationMargin t : s.margins()) {
                Map<String, Double> got = weightedShares(s.rows(), r.weights(), t.variable());
                t.shares().forEach((c, share) -> assertThat(got.get(c)).isCloseTo(share, within(1e-9)));
            }
        }

        @Property
        void weightsArePositiveAndSumToN(@ForAll("surveys") Survey s) {
            WeightingResult r = s.raking(1e-8).weights(s.rows());
            double sum = 0;
            for (double w : r.weights()) {
                assertThat(w).isPositive();
                sum += w;
            }
            assertThat(sum).isCloseTo(s.rows().size(), within(1e-9 * s.rows().size()));
            assertThat(r.designEffect()).isGreaterThanOrEqualTo(1 - 1e-12);
            assertThat(r.effectiveN()).isLessThanOrEqualTo(s.rows().size() * (1 + 1e-12));
            assertThat(r.effectiveN() * r.designEffect()).isCloseTo(s.rows().size(), within(1e-9));
            assertThat(r.minWeight()).isEqualTo(Arrays.stream(r.weights()).min().orElseThrow());
            assertThat(r.maxWeight()).isEqualTo(Arrays.stream(r.weights()).max().orElseThrow());
        }

        @Property
        void oneVariableEqualsPostStratification(@ForAll("surveys") Survey s) {
            PopulationMargin first = s.margins().get(0);
            WeightingResult raked = Raking.builder().margin(first).build().weights(s.rows());
            WeightingResult post = PostStratification.of(first).weights(s.rows());
            assertThat(raked.weights()).containsExactly(post.weights());
            assertThat(raked.iterations()).isEqualTo(1);
            // and both are n·T_c/n_c, counted here
            Map<String, Integer> counts = new HashMap<>();
            s.rows().forEach(row -> counts.merge(row.get(first.variable()), 1, Integer::sum));
            for (int i = 0; i < s.rows().size(); i++) {
                String c = s.rows().get(i).get(first.variable());
                double expected = s.rows().size() * first.shares().get(c) / counts.get(c);
                assertThat(post.weight(i)).isCloseTo(expected, within(1e-12 * expected));
            }
        }

        @Property
        void alreadyBalancedSamplesGetWeightOne(@ForAll("surveys") Survey s) {
            // targets = the sample's own shares
            Raking.Builder b = Raking.builder();
            for (PopulationMargin t : s.margins()) {
                Map<String, Double> own = new LinkedHashMap<>();
                Map<String, Integer> counts = new HashMap<>();
                s.rows().forEach(row -> counts.merge(row.get(t.variable()), 1, Integer::sum));
                t.shares().keySet().forEach(c -> own.put(c, counts.get(c) / (double) s.rows().size()));
                b.margin(t.variable(), own);
            }
            WeightingResult r = b.build().weights(s.rows());
            for (double w : r.weights()) {
                assertThat(w).isCloseTo(1, within(1e-12));
            }
            assertThat(r.iterations()).isEqualTo(1);
        }

        @Property
        void weightsFollowTheirRespondentsWhenReordered(@ForAll("surveys") Survey s) {
            List<Map<String, String>> reversed = new ArrayList<>(s.rows());
            Collections.reverse(reversed);
            double[] a = s.raking(1e-12).weights(s.rows()).weights();
            double[] b = s.raking(1e-12).weights(reversed).weights();
            for (int i = 0; i < a.length; i++) {
                assertThat(b[a.length - 1 - i]).isCloseTo(a[i], within(1e-9 * a[i]));
            }
        }

        @Property
        void trimmedWeightsStayUnderTheCapWithTheSumKept(@ForAll("surveys") Survey s,
                @ForAll @DoubleRange(min = 1, max = 4) @Scale(2) double k) {
            Raking.Builder b = Raking.builder().trimAt(k).maxIterations(50);
            s.margins().forEach(b::margin);
            WeightingResult r = b.build().weights(s.rows());
            Statistics.label("converged").collect(r.converged());
            double sum = Arrays.stream(r.weights()).sum();
            assertThat(sum).isCloseTo(s.rows().size(), within(1e-9 * s.rows().size()));
            assertThat(r.maxWeight()).isLessThanOrEqualTo(k * sum / s.rows().size() * (1 + 1e-12));
            assertThat(r.minWeight()).isPositive();
        }
    }

    @Group
    class InverseResponseRate {
        @Property
        void equalsPostStratificationToInvitationShares(@ForAll("surveys") Survey s) {
            PopulationMargin first = s.margins().get(0);
            Map<String, Integer> responses = new HashMap<>();
            s.rows().forEach(row -> responses.merge(row.get(first.variable()), 1, Integer::sum));
            Map<String, Long> invitations = new LinkedHashMap<>();
            Map<String, Double> invitationShares = new LinkedHashMap<>();
            long total = 0;
            for (String c : first.shares().keySet()) {
                long inv = responses.get(c) * (1 + Math.round(first.shares().get(c) * 50));
                invitations.put(c, inv);
                total += inv;
            }
            for (Map.Entry<String, Long> e : invitations.entrySet()) {
                invitationShares.put(e.getKey(), e.getValue() / (double) total);
            }
            ResponseRates rates = ResponseRates.of(first.variable(), invitations, s.rows());
            double[] irr = rates.weights().weights();
            double[] post = PostStratification.of(PopulationMargin.of(first.variable(), invitationShares)).weights(s.rows())
                    .weights();
            for (int i = 0; i < irr.length; i++) {
                assertThat(irr[i]).isCloseTo(post[i], within(1e-12 * post[i]));
            }
            // weight ∝ 1 / rate
            for (int i = 1; i < irr.length; i++) {
                double rate0 = rates.bySegment().get(s.rows().get(0).get(first.variable())).rate();
                double rateI = rates.bySegment().get(s.rows().get(i).get(first.variable())).rate();
                assertThat(irr[i] * rateI).isCloseTo(irr[0] * rate0, within(1e-12 * irr[0] * rate0));
            }
        }
    }

    @Group
    class Targets {
        @Property
        void toStringParsesBack(@ForAll("surveys") Survey s) {
            for (PopulationMargin t : s.margins()) {
                assertThat(PopulationMargin.parse(t.toString())).isEqualTo(t);
            }
        }
    }
}
