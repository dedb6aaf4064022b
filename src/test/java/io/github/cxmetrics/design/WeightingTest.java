package io.github.cxmetrics.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeightingTest {

    static Map<String, String> r(String region, String channel) {
        return Map.of("region", region, "channel", channel);
    }

    static List<Map<String, String>> repeat(int times, Map<String, String> row) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            rows.add(row);
        }
        return rows;
    }

    static Map<String, Double> shares(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    /** north/phone 2, north/email 2, south/phone 1, south/email 3 (n = 8). */
    static List<Map<String, String>> twoByTwo() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.addAll(repeat(2, r("north", "phone")));
        rows.addAll(repeat(2, r("north", "email")));
        rows.addAll(repeat(1, r("south", "phone")));
        rows.addAll(repeat(3, r("south", "email")));
        return rows;
    }

    @Nested
    class RakingValues {
        @Test
        void twoByTwoToEvenMarginsMatchesTheClosedForm() {
            // IPF keeps the cross-product ratio of the table (Bishop, Fienberg & Holland 1975, Discrete Multivariate Analysis, ch. 3):
            // cell totals x (north/phone), 4 − x, 4 − x, x with x²/(4 − x)² = (2·3)/(2·1) = 3, so
            // x = 4√3/(1 + √3) = 2·(3 − √3). Per respondent: north/phone x/2 = 3 − √3, north/email
            // (4 − x)/2 = √3 − 1, south/phone 4 − x = 2√3 − 2, south/email x/3 = 2 − 2/√3.
            // deff = 8 − 4√3 and n_eff = 4 + 2√3 (numpy IPF gives the same to 1e-15).
            double s3 = Math.sqrt(3);
            WeightingResult w = Raking.builder()
                    .margin("region", shares("north", 0.5, "south", 0.5))
                    .margin("channel", shares("phone", 0.5, "email", 0.5))
                    .tolerance(1e-12).build().weights(twoByTwo());
            double[] expected = {3 - s3, 3 - s3, s3 - 1, s3 - 1, 2 * s3 - 2, 2 - 2 / s3, 2 - 2 / s3, 2 - 2 / s3};
            for (int i = 0; i < 8; i++) {
                assertThat(w.weight(i)).as("respondent %d", i).isCloseTo(expected[i], within(1e-11));
            }
            assertThat(w.method()).isEqualTo(WeightingMethod.RAKING);
            assertThat(w.method().label()).isEqualTo("raking");
            assertThat(w.converged()).isTrue();
            assertThat(w.iterations()).isBetween(2, 100);
            assertThat(w.maxDeviation()).isLessThanOrEqualTo(1e-12);
            assertThat(w.designEffect()).isCloseTo(8 - 4 * s3, within(1e-10));
            assertThat(w.effectiveN()).isCloseTo(4 + 2 * s3, within(1e-9));
            assertThat(w.minWeight()).isCloseTo(s3 - 1, within(1e-11));
            assertThat(w.maxWeight()).isCloseTo(2 * s3 - 2, within(1e-11));
            assertThat(w.size()).isEqualTo(8);
        }

        @Test
        void oneVariableIsPostStratification() {
            // n = 8, north 4, south 4 → targets 0.2 / 0.8: north 8·0.2/4 = 0.4, south 8·0.8/4 = 1.6
            PopulationMargin region = PopulationMargin.of("region", shares("north", 0.2, "south", 0.8));
            WeightingResult raked = Raking.builder().margin(region).build().weights(twoByTwo());
            WeightingResult post = PostStratification.of(region).weights(twoByTwo());
            double[] expected = {0.4, 0.4, 0.4, 0.4, 1.6, 1.6, 1.6, 1.6};
            assertThat(post.weights()).containsExactly(expected, within(1e-15));
            assertThat(raked.weights()).containsExactly(post.weights());
            assertThat(raked.iterations()).isEqualTo(1);
            assertThat(raked.converged()).isTrue();
            assertThat(post.method().label()).isEqualTo("post-stratification");
            // deff = 8·(4·0.16 + 4·2.56)/8² = 10.88/8 = 1.36; n_eff = 8/1.36 = 5.882353
            assertThat(post.designEffect()).isCloseTo(1.36, within(1e-12));
            assertThat(post.effectiveN()).isCloseTo(8 / 1.36, within(1e-12));
        }

        @Test
        void alreadyBalancedSampleGetsWeightOne() {
            WeightingResult w = Raking.builder()
                    .margin("region", shares("north", 0.5, "south", 0.5))
                    .margin("channel", shares("phone", 0.5, "email", 0.5))
                    .build().weights(List.of(r("north", "phone"), r("north", "email"), r("south", "phone"),
                            r("south", "email")));
            assertThat(w.weights()).containsExactly(new double[] {1, 1, 1, 1}, within(1e-12));
            assertThat(w.designEffect()).isCloseTo(1, within(1e-12));
            assertThat(w.iterations()).isEqualTo(1);
        }

        @Test
        void baseWeightsAreTheStart() {
            // post-stratification with base weights 1, 3 in north (B = 4) and 2, 2 in south (B = 4), targets
            // 0.5/0.5, n = 4: w = n·T·b/B = 4·0.5·b/4 = b/2 → 0.5, 1.5, 1, 1
            List<Map<String, String>> rows = List.of(r("north", "x"), r("north", "x"), r("south", "x"),
                    r("south", "x"));
            double[] base = {1, 3, 2, 2};
            PopulationMargin region = PopulationMargin.of("region", shares("north", 0.5, "south", 0.5));
            assertThat(PostStratification.of(region).weights(rows, base).weights())
                    .containsExactly(new double[] {0.5, 1.5, 1, 1}, within(1e-15));
            assertThat(Raking.builder().margin(region).build().weights(rows, base).weights())
                    .containsExactly(new double[] {0.5, 1.5, 1, 1}, within(1e-15));
            assertThat(base).containsExactly(1, 3, 2, 2);
        }

        @Test
        void columnsGiveTheSameWeightsAsRows() {
            List<Map<String, String>> rows = twoByTwo();
            Map<String, List<String>> columns = Map.of(
                    "region", rows.stream().map(m -> m.get("region")).toList(),
                    "channel", rows.stream().map(m -> m.get("channel")).toList());
            Raking raking = Raking.builder()
                    .margin("region", shares("north", 0.3, "south", 0.7))
                    .margin("channel", shares("phone", 0.6, "email", 0.4)).build();
            assertThat(raking.weightsOfColumns(columns)).isEqualTo(raking.weights(rows));
        }

        @Test
        void trimmingCapsAndReportsNonConvergenceWhenTheCapFightsTheTarget() {
            // 9 respondents in a, 1 in b, targets 0.5/0.5: post-stratified weights 10·0.5/9 = 0.5556 and
            // 10·0.5/1 = 5. Trimmed at 3 × mean: b capped at 3, the excess 2 spread over a: each
            // (10 − 3)/9 = 7/9. Every sweep undoes and redoes this, so the raking cannot converge; the
            // weighted share of b stays 3/10 = 0.3 against 0.5: deviation 0.2.
            List<Map<String, String>> rows = new ArrayList<>(repeat(9, Map.of("g", "a")));
            rows.add(Map.of("g", "b"));
            WeightingResult w = Raking.builder().margin("g", shares("a", 0.5, "b", 0.5)).trimAt(3).maxIterations(20)
                    .build().weights(rows);
            assertThat(w.converged()).isFalse();
            assertThat(w.iterations()).isEqualTo(20);
            assertThat(w.maxWeight()).isCloseTo(3, within(1e-12));
            assertThat(w.weight(0)).isCloseTo(7.0 / 9, within(1e-12));
            assertThat(w.maxDeviation()).isCloseTo(0.2, within(1e-12));
            assertThat(Arrays.stream(w.weights()).sum()).isCloseTo(10, within(1e-12));
        }

        @Test
        void trimmingThatTheTargetsAllowConverges() {
            // g = a for base weights 1 and 10, g = b for 1 and 1; targets 0.5 / 0.5, n = 4, cap 1.5 × mean.
            // Untrimmed: a gets 2 in proportion to the base, 2/11 and 20/11 = 1.82 > 1.5. The weights that
            // meet both the margins and the cap: a2 = 1.5 (capped), a1 = 2 − 1.5 = 0.5, b = 1, 1; raking and
            // trimming alternate towards them.
            List<Map<String, String>> rows = List.of(Map.of("g", "a"), Map.of("g", "a"), Map.of("g", "b"),
                    Map.of("g", "b"));
            WeightingResult w = Raking.builder().margin("g", shares("a", 0.5, "b", 0.5)).trimAt(1.5).tolerance(1e-12)
                    .build().weights(rows, new double[] {1, 10, 1, 1});
            assertThat(w.converged()).isTrue();
            assertThat(w.iterations()).isGreaterThan(1);
            assertThat(w.weights()).containsExactly(new double[] {0.5, 1.5, 1, 1}, within(1e-10));
            WeightingResult untrimmed = Raking.builder().margin("g", shares("a", 0.5, "b", 0.5)).build()
                    .weights(rows, new double[] {1, 10, 1, 1});
            assertThat(untrimmed.weights()).containsExactly(new double[] {2.0 / 11, 20.0 / 11, 1, 1}, within(1e-15));
            assertThat(untrimmed.designEffect()).isGreaterThan(w.designEffect());
        }

        @Test
        void trimToTheExactFixedPoint() {
            // mean 2.5 → [0.5, 0.5, 0.5, 0.5, 3] after normalising [1, 1, 1, 1, 6]; cap 2: the fifth is 2, the
            // other four share 5 − 2 = 3: 0.75 each (≤ 2, so one pass suffices)
            double[] w = {1, 1, 1, 1, 6};
            Weights.trim(w, 2);
            assertThat(w).containsExactly(new double[] {0.75, 0.75, 0.75, 0.75, 2}, within(1e-15));
            // [4, 4, 1, 1] → [1.6, 1.6, 0.4, 0.4]; cap 1.2: capping one gives a = (4 − 1.2)/2.4, the other 1.6
            // becomes 1.867 > 1.2, so both are capped: a = (4 − 2.4)/0.8 = 2 → [1.2, 1.2, 0.8, 0.8]
            double[] v = {4, 4, 1, 1};
            Weights.trim(v, 1.2);
            assertThat(v).containsExactly(new double[] {1.2, 1.2, 0.8, 0.8}, within(1e-15));
            // k = 1 makes every weight 1
            double[] u = {1, 2, 3};
            Weights.trim(u, 1);
            assertThat(u).containsExactly(new double[] {1, 1, 1}, within(1e-15));
        }

        @Test
        void weightsFeedTheWeightedTallies() {
            // post-stratify 3 promoters in north, 1 detractor in south to 0.5/0.5: promoters 4·0.5/3 = 2/3
            // each, the detractor 2: weighted NPS = (2 − 2)/4 = 0; n_eff = 16/(3·4/9 + 4) = 16/(16/3) = 3
            List<Map<String, String>> rows = List.of(r("north", "x"), r("north", "x"), r("north", "x"),
                    r("south", "x"));
            int[] scores = {10, 9, 10, 0};
            WeightingResult w = PostStratification.of(PopulationMargin.of("region", shares("north", 0.5, "south", 0.5)))
                    .weights(rows);
            WeightedTallyAccumulator acc = new WeightedTallyAccumulator(NpsScale.STANDARD);
            acc.addAll(scores, w.weights());
            Nps nps = Nps.of(acc.snapshot());
            assertThat(nps.score()).isCloseTo(0, within(1e-12));
            assertThat(nps.effectiveN()).isCloseTo(3, within(1e-12));
            assertThat(w.effectiveN()).isCloseTo(3, within(1e-12));
            assertThat(nps.n()).isEqualTo(4);
        }
    }

    @Nested
    class ResponseRateWeights {
        @Test
        void ratesAndInverseRateWeights() {
            // north: 20 invited, 4 responded (rate 0.2); south: 20 invited, 1 responded (0.05). n = 5,
            // I = 40: north 5·(20/40)/4 = 0.625, south 5·(20/40)/1 = 2.5. deff = 5·(4·0.390625 + 6.25)/25
            // = 1.5625, n_eff = 3.2.
            List<Map<String, String>> rows = new ArrayList<>(repeat(4, r("north", "x")));
            rows.add(1, r("south", "x"));
            Map<String, Long> invitations = new LinkedHashMap<>();
            invitations.put("north", 20L);
            invitations.put("south", 20L);
            ResponseRates rates = ResponseRates.of("region", invitations, rows);
            assertThat(rates.segments()).containsExactly(new ResponseRate("north", 20, 4),
                    new ResponseRate("south", 20, 1));
            assertThat(rates.bySegment().get("north").rate()).isEqualTo(0.2);
            assertThat(rates.bySegment().get("south").nonResponseRate()).isEqualTo(0.95);
            assertThat(rates.overall()).isEqualTo(new ResponseRate("(all)", 40, 5));
            assertThat(rates.overall().rate()).isEqualTo(0.125);
            WeightingResult w = rates.weights();
            assertThat(w.weights()).containsExactly(new double[] {0.625, 2.5, 0.625, 0.625, 0.625}, within(1e-15));
            assertThat(w.method().label()).isEqualTo("inverse-response-rate");
            assertThat(w.designEffect()).isCloseTo(1.5625, within(1e-12));
            assertThat(w.effectiveN()).isCloseTo(3.2, within(1e-12));
            assertThat(w.converged()).isTrue();
            assertThat(w.maxDeviation()).isLessThan(1e-15);
            // the same as post-stratification to the invitation shares
            assertThat(PostStratification.of(PopulationMargin.of("region", shares("north", 0.5, "south", 0.5))).weights(rows)
                    .weights()).containsExactly(w.weights(), within(1e-15));
        }

        @Test
        void errors() {
            List<Map<String, String>> rows = List.of(r("north", "x"), r("north", "x"), r("north", "x"));
            assertThatThrownBy(() -> ResponseRates.of("region", Map.of("north", 2L), rows))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid value for responses of region=north (valid values 0 - 2 invitations): 3");
            assertThatThrownBy(() -> ResponseRates.of("region", Map.of("south", 10L), rows))
                    .hasMessage("Invalid value for region at respondent index 0 (valid values the invited segments "
                            + "south): 'north'");
            assertThatThrownBy(() -> ResponseRates.of("region", Map.of("north", 0L), rows))
                    .hasMessage("Invalid value for invitations of region=north (valid values >= 1): 0");
            assertThatThrownBy(() -> ResponseRates.of("channel", Map.of("x", 10L), List.of(Map.of("region", "x"))))
                    .hasMessage("Missing value for channel at respondent index 0 (valid values x)");
            assertThatThrownBy(() -> ResponseRates.of("region", Map.of(), rows))
                    .isInstanceOf(IllegalArgumentException.class);
            Map<String, Long> inv = new LinkedHashMap<>();
            inv.put("north", 10L);
            inv.put("south", 10L);
            ResponseRates rates = ResponseRates.of("region", inv, rows);
            assertThat(rates.bySegment().get("south").rate()).isZero();
            assertThatThrownBy(rates::weights).hasMessage(
                    "Empty cell: no respondent in region=south (10 invitations, response rate 0)");
            assertThatThrownBy(() -> new ResponseRate("x", 5, 6)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Errors {
        Raking regionAndChannel = Raking.builder()
                .margin("region", shares("north", 0.5, "south", 0.5))
                .margin("channel", shares("phone", 0.2, "email", 0.8)).build();

        @Test
        void emptyCell() {
            assertThatThrownBy(() -> Raking.builder().margin("region", shares("north", 0.5, "south", 0.3, "east", 0.2))
                    .build().weights(twoByTwo()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Empty cell: no respondent has region=east (target share 0.2)");
            assertThatThrownBy(() -> regionAndChannel.weights(List.of()))
                    .hasMessageStartingWith("Empty cell: no respondent has region=north");
        }

        @Test
        void categoryNotInTarget() {
            List<Map<String, String>> rows = new ArrayList<>(twoByTwo());
            rows.add(r("west", "phone"));
            assertThatThrownBy(() -> regionAndChannel.weights(rows)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid value for region at respondent index 8 (valid values the target's categories "
                            + "north, south): 'west'");
        }

        @Test
        void missingValue() {
            List<Map<String, String>> rows = new ArrayList<>(twoByTwo());
            rows.add(Map.of("region", "north"));
            assertThatThrownBy(() -> regionAndChannel.weights(rows)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Missing value for channel at respondent index 8 (valid values phone, email)");
        }

        @Test
        void impossibleMargins() {
            // every northern respondent came by phone, but north is 50 % and phone 20 %
            List<Map<String, String>> rows = List.of(r("north", "phone"), r("north", "phone"), r("south", "phone"),
                    r("south", "email"));
            assertThatThrownBy(() -> regionAndChannel.weights(rows)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Impossible margins: every respondent with region=north has channel in [phone], whose "
                            + "target shares sum to 0.2, below the target share 0.5 of region=north");
        }

        @Test
        void badBaseWeights() {
            assertThatThrownBy(() -> regionAndChannel.weights(twoByTwo(), new double[3]))
                    .hasMessage("baseWeights and respondents differ in length: 3 / 8");
            double[] base = {1, 1, 1, 1, 1, 0, 1, 1};
            assertThatThrownBy(() -> regionAndChannel.weights(twoByTwo(), base))
                    .hasMessage("Invalid value for base weight at respondent index 5 (valid values 0 < w < infinity): 0.0");
        }

        @Test
        void columns() {
            assertThatThrownBy(() -> regionAndChannel.weightsOfColumns(Map.of("region", List.of("north"))))
                    .hasMessage("Missing column for channel (columns given: [region])");
            assertThatThrownBy(() -> regionAndChannel.weightsOfColumns(Map.of("region", List.of("north"), "channel",
                    List.of("phone", "email")))).hasMessage("Columns differ in length: region has 1, channel has 2");
        }

        @Test
        void settings() {
            assertThatThrownBy(() -> Raking.builder().build()).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> Raking.builder().tolerance(0))
                    .hasMessage("Invalid value for tolerance (valid values 0 < t < 1): 0.0");
            assertThatThrownBy(() -> Raking.builder().tolerance(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Raking.builder().maxIterations(0))
                    .hasMessage("Invalid value for maxIterations (valid values >= 1): 0");
            assertThatThrownBy(() -> Raking.builder().trimAt(0.5))
                    .hasMessage("Invalid value for trimAt (valid values 1 <= k < infinity): 0.5");
            assertThatThrownBy(() -> Raking.builder().margin("a", shares("x", 1)).margin("a", shares("y", 1)))
                    .hasMessage("Duplicate target for variable a");
            Raking raking = Raking.builder().margin("a", shares("x", 1)).trimAt(4).build();
            assertThat(raking.trimAt()).hasValue(4);
            assertThat(raking.tolerance()).isEqualTo(Raking.DEFAULT_TOLERANCE);
            assertThat(raking.maxIterations()).isEqualTo(Raking.DEFAULT_MAX_ITERATIONS);
        }
    }

    @Nested
    class Targets {
        @Test
        void parse() {
            PopulationMargin t = PopulationMargin.parse("region=north:0.2,south:0.3,east:0.5");
            assertThat(t.variable()).isEqualTo("region");
            assertThat(t.shares()).containsExactly(Map.entry("north", 0.2), Map.entry("south", 0.3),
                    Map.entry("east", 0.5));
            assertThat(t.toString()).isEqualTo("region=north:0.2,south:0.3,east:0.5");
            assertThat(PopulationMargin.parse(t.toString())).isEqualTo(t);
            assertThat(PopulationMargin.parse(" channel = web shop : .25 , phone:7.5e-1 ").shares())
                    .containsExactly(Map.entry("web shop", 0.25), Map.entry("phone", 0.75));
            assertThat(PopulationMargin.parse("time=09:00:0.5,17:00:0.5").shares()).containsOnlyKeys("09:00", "17:00");
        }

        @Test
        void parseErrors() {
            assertThatThrownBy(() -> PopulationMargin.parse("north:0.2,south:0.8")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid population margin (valid values variable=category:share,…): 'north:0.2,south:0.8'");
            assertThatThrownBy(() -> PopulationMargin.parse("=north:1"))
                    .hasMessage("Invalid population margin (valid values variable=category:share,…; the variable is blank): "
                            + "'=north:1'");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:0.2,south"))
                    .hasMessage("Invalid entry for region (valid values category:share): 'south' in "
                            + "'region=north:0.2,south'");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:0.5,,south:0.5"))
                    .hasMessageStartingWith("Invalid entry for region (valid values category:share): ''");
            assertThatThrownBy(() -> PopulationMargin.parse("region=:1"))
                    .hasMessageStartingWith("Invalid entry for region (valid values category:share; the category is "
                            + "blank)");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:20%,south:80%"))
                    .hasMessage("Invalid value for share of region=north (valid values a decimal number 0 < s <= 1): "
                            + "'20%'");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:NaN,south:1"))
                    .hasMessageStartingWith("Invalid value for share of region=north");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:0.5,north:0.5"))
                    .hasMessage("Duplicate category for region: north in 'region=north:0.5,north:0.5'");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:0.2,south:0.3"))
                    .hasMessage("Invalid shares for region (valid values shares summing to 1 within 1e-9): sum 0.5");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:20,south:80"))
                    .hasMessage("Invalid value for share of region=north (valid values 0 < s <= 1): 20.0");
            assertThatThrownBy(() -> PopulationMargin.parse("region=north:0,south:1"))
                    .hasMessage("Invalid value for share of region=north (valid values 0 < s <= 1): 0.0");
        }

        @Test
        void sharesSummingToOneWithinTolerance() {
            // 0.1 + 0.2 + 0.7 = 0.9999999999999999 in binary: accepted
            assertThat(PopulationMargin.of("v", shares("a", 0.1, "b", 0.2, "c", 0.7)).shares()).hasSize(3);
            assertThatThrownBy(() -> PopulationMargin.of("v", shares("a", 0.5, "b", 0.500000002)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PopulationMargin.of(" ", shares("a", 1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PopulationMargin.of("v", Map.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
