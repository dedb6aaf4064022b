package io.github.cxmetrics.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sample sizes against hand-worked values. z values: z(0.95) = 1.959963984540054,
 * z(0.90) = 1.644853626951473, z(0.99) = 2.575829303548901, Φ⁻¹(0.8) = 0.841621233572914 (mpmath,
 * √2·erfinv at 40 digits). The unrounded n in each comment was computed with the same mpmath script
 * ({@code /tmp/design_vals.py} in the issue's work notes), independently of this code.
 */
class SampleSizeTest {

    @Nested
    class OneGroup {
        @Test
        void npsWorstCaseFivePointsAt95IsThe1537OfTheIssue() {
            // n0 = 1.959964² · 100² / 5² = 3.841459 · 10000 / 25 = 1536.5835 → 1537
            SampleSize s = SampleSize.forMargin(Spread.npsWorstCase(), 5, 0.95);
            assertThat(s.n()).isEqualTo(1537);
            assertThat(s.margin()).isEqualTo(5.0);
            assertThat(s.confidence()).isEqualTo(0.95);
            assertThat(s.population()).isEmpty();
            // achieved: 1.959964 · 100 / √1537 = 195.9964 / 39.20459 = 4.999323
            assertThat(s.achievedMargin()).isCloseTo(4.999323, within(1e-5)).isLessThanOrEqualTo(5.0);
        }

        @Test
        void csatTopBoxWorstCaseFivePointsAt95Is385() {
            // n0 = 3.841459 · 50² / 5² = 3.841459 · 100 = 384.1459 → 385
            assertThat(SampleSize.forMargin(Spread.shareWorstCase(), 5, 0.95).n()).isEqualTo(385);
            assertThat(SampleSize.forMargin(Spread.ofShare(0.5), 5, 0.95).n()).isEqualTo(385);
        }

        @Test
        void npsWithExpectedShares() {
            // pP = 0.5, pD = 0.2: var = 0.7 − 0.3² = 0.61; n0 = 3.841459 · 6100 / 25 = 937.316 → 938
            assertThat(SampleSize.forMargin(Spread.ofNps(0.5, 0.2), 5, 0.95).n()).isEqualTo(938);
            assertThat(Spread.ofNps(0.5, 0.2).variance()).isCloseTo(6100, within(1e-9));
        }

        @Test
        void otherConfidenceLevels() {
            // 90 %: 1.644854² · 10000 / 25 = 1082.217 → 1083; 99 %: 2.575829² · 400 = 2653.959 → 2654
            assertThat(SampleSize.forMargin(Spread.npsWorstCase(), 5, 0.90).n()).isEqualTo(1083);
            assertThat(SampleSize.forMargin(Spread.npsWorstCase(), 5, 0.99).n()).isEqualTo(2654);
        }

        @Test
        void csatShareOfEightyPercentThreePoints() {
            // p = 0.8: σ² = 10000 · 0.16 = 1600; n0 = 3.841459 · 1600 / 9 = 682.926 → 683
            assertThat(SampleSize.forMargin(Spread.ofShare(0.8), 3, 0.95).n()).isEqualTo(683);
        }

        @Test
        void meanWorstCaseAndExpectedSd() {
            // CES 1–7: σ = (7 − 1)/2 = 3; n0 = 3.841459 · 9 / 0.01 = 3457.313 → 3458
            assertThat(SampleSize.forMargin(Spread.worstCase(CesScale.AGREEMENT_7), 0.1, 0.95).n()).isEqualTo(3458);
            // CSAT 1–5: σ = 2; n0 = 3.841459 · 4 / 0.04 = 384.146 → 385 (same as the share: σ/m equal)
            assertThat(SampleSize.forMargin(Spread.worstCase(CsatScale.FIVE_POINT), 0.2, 0.95).n()).isEqualTo(385);
            // sd 1.2: n0 = 3.841459 · 1.44 / 0.01 = 553.170 → 554
            assertThat(SampleSize.forMargin(Spread.ofStandardDeviation(1.2), 0.1, 0.95).n()).isEqualTo(554);
        }

        @Test
        void finitePopulationCorrection() {
            // N = 10,000: n = 1536.5835 / (1 + 1535.5835/10000) = 1536.5835 / 1.15355835 = 1332.038 → 1333
            SampleSize s = SampleSize.forMargin(Spread.npsWorstCase(), 5, 0.95, 10_000);
            assertThat(s.n()).isEqualTo(1333);
            assertThat(s.population()).isEqualTo(OptionalLong.of(10_000));
            // a small base: N = 500: 1536.5835 / (1 + 1535.5835/500) = 1536.5835 / 4.071167 = 377.43 → 378
            assertThat(SampleSize.forMargin(Spread.npsWorstCase(), 5, 0.95, 500).n()).isEqualTo(378);
            // never more than N: N = 2 gives 1536.58 / (1 + 1535.58/2) = 1.9987 → 2
            assertThat(SampleSize.forMargin(Spread.npsWorstCase(), 5, 0.95, 2).n()).isEqualTo(2);
        }

        @Test
        void reverseMarginForGivenN() {
            // 1.959964 · 100 / √400 = 9.79982
            assertThat(SampleSize.forN(Spread.npsWorstCase(), 400, 0.95).margin()).isCloseTo(9.799820, within(1e-5));
            // 1.959964 · 50 / √1000 = 3.098975
            assertThat(SampleSize.forN(Spread.shareWorstCase(), 1000, 0.95).margin()).isCloseTo(3.098975,
                    within(1e-5));
            // with N = 5000: 1.959964 · 100 · √(4000 / (1000 · 4999)) = 5.544170
            SampleSize s = SampleSize.forN(Spread.npsWorstCase(), 1000, 0.95, 5000);
            assertThat(s.margin()).isCloseTo(5.544170, within(1e-5));
            assertThat(s.achievedMargin()).isEqualTo(s.margin());
            // the whole base answered: no sampling error
            assertThat(SampleSize.forN(Spread.npsWorstCase(), 5000, 0.95, 5000).margin()).isZero();
        }

        @Test
        void noSpreadNeedsOneResponse() {
            assertThat(SampleSize.forMargin(Spread.ofShare(1), 5, 0.95).n()).isEqualTo(1);
            assertThat(SampleSize.forMargin(Spread.ofNps(0, 0), 5, 0.95).n()).isEqualTo(1);
        }

        @Test
        void roundingNoiseDoesNotAddAResponse() {
            assertThat(SampleSize.roundUp(384.0000000001)).isEqualTo(384);
            assertThat(SampleSize.roundUp(384.00001)).isEqualTo(385);
            assertThat(SampleSize.roundUp(383.9999999999)).isEqualTo(384);
            assertThat(SampleSize.roundUp(0.2)).isEqualTo(1);
        }
    }

    @Nested
    class TwoGroups {
        @Test
        void npsPlusTenAtPower80WorstCase() {
            // (1.959964 + 0.841621)² = 2.801585² = 7.848880; · (100² + 100²) / 10² = 7.848880 · 200
            // = 1569.776 → 1570 per group
            GroupSampleSize g = GroupSampleSize.forDifference(Spread.npsWorstCase(), 10, 0.95, 0.8);
            assertThat(g.nPerGroup()).isEqualTo(1570);
            assertThat(g.difference()).isEqualTo(10.0);
            assertThat(g.power()).isEqualTo(0.8);
            assertThat(GroupSampleSize.forDifference(Spread.npsWorstCase(), -10, 0.95, 0.8).nPerGroup()).isEqualTo(1570);
        }

        @Test
        void npsPlusTenWithExpectedShares() {
            // var = 0.61 each: 7.848880 · 2 · 6100 / 100 = 957.563 → 958
            assertThat(GroupSampleSize.forDifference(Spread.ofNps(0.5, 0.2), 10, 0.95, 0.8).nPerGroup())
                    .isEqualTo(958);
            // group-specific spreads: 0.61 and 1 → 7.848880 · 16100 / 100 = 1263.67 → 1264
            assertThat(GroupSampleSize.forDifference(Spread.ofNps(0.5, 0.2), Spread.npsWorstCase(), 10, 0.95, 0.8)
                    .nPerGroup()).isEqualTo(1264);
        }

        @Test
        void meansAtPower80() {
            // sd 1.2, Δ 0.2: 7.848880 · 2 · 1.44 / 0.04 = 565.119 → 566
            assertThat(GroupSampleSize.forDifference(Spread.ofStandardDeviation(1.2), 0.2, 0.95, 0.8).nPerGroup())
                    .isEqualTo(566);
        }

        @Test
        void sharesPooledFleiss() {
            // p1 = 0.80, p2 = 0.85, p̄ = 0.825: [1.959964·√(2·0.825·0.175) + 0.841621·√(0.16 + 0.1275)]² / 0.05²
            // = [1.959964·0.537355 + 0.841621·0.536190]² / 0.0025 = [1.053196 + 0.451269]² / 0.0025
            // = 1.504465² / 0.0025 = 905.366 → 906 (the usual table value without continuity correction)
            GroupSampleSize g = GroupSampleSize.forShares(0.80, 0.85, 0.95, 0.8);
            assertThat(g.nPerGroup()).isEqualTo(906);
            assertThat(g.difference()).isCloseTo(5.0, within(1e-12));
            // from an expected share and a difference in percentage points: the same
            assertThat(GroupSampleSize.forDifference(Spread.ofShare(0.8), 5, 0.95, 0.8).nPerGroup()).isEqualTo(906);
            // worst case, p = 0.475 vs 0.525: 1568.596 → 1569
            assertThat(GroupSampleSize.forDifference(Spread.shareWorstCase(), 5, 0.95, 0.8).nPerGroup())
                    .isEqualTo(1569);
        }

        @Test
        void higherPowerNeedsMore() {
            // power 0.9: (1.959964 + 1.281552)² · 20000 / 100 = 10.507423 · 200 = 2101.48 → 2102
            assertThat(GroupSampleSize.forDifference(Spread.npsWorstCase(), 10, 0.95, 0.9).nPerGroup())
                    .isEqualTo(2102);
        }
    }

    @Nested
    class InvalidInput {
        @ParameterizedTest
        @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
        void margin(double margin) {
            assertThatThrownBy(() -> SampleSize.forMargin(Spread.npsWorstCase(), margin, 0.95))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid value for margin (valid values 0 < m < infinity): " + margin);
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
        void confidence(double c) {
            assertThatThrownBy(() -> SampleSize.forMargin(Spread.npsWorstCase(), 5, c))
                    .hasMessage("Invalid value for confidence (valid values 0 < c < 1): " + c);
            assertThatThrownBy(() -> SampleSize.forN(Spread.npsWorstCase(), 100, c))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GroupSampleSize.forDifference(Spread.npsWorstCase(), 10, c, 0.8))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
        void shares(double p) {
            assertThatThrownBy(() -> Spread.ofShare(p))
                    .hasMessage("Invalid value for expectedShare (valid values 0 - 1): " + p);
            assertThatThrownBy(() -> Spread.ofNps(p, 0.1))
                    .hasMessage("Invalid value for promotersShare (valid values 0 - 1): " + p);
            assertThatThrownBy(() -> Spread.ofNps(0.1, p))
                    .hasMessage("Invalid value for detractorsShare (valid values 0 - 1): " + p);
        }

        @Test
        void promotersAndDetractorsAboveOne() {
            assertThatThrownBy(() -> Spread.ofNps(0.7, 0.4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid value for promotersShare + detractorsShare (valid values 0 - 1): 0.7 + 0.4");
        }

        @ParameterizedTest
        @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
        void standardDeviation(double sd) {
            assertThatThrownBy(() -> Spread.ofStandardDeviation(sd))
                    .hasMessage("Invalid value for standardDeviation (valid values 0 <= sd < infinity): " + sd);
        }

        @Test
        void populationAndN() {
            assertThatThrownBy(() -> SampleSize.forMargin(Spread.npsWorstCase(), 5, 0.95, 1))
                    .hasMessage("Invalid value for population (valid values N >= 2): 1");
            assertThatThrownBy(() -> SampleSize.forN(Spread.npsWorstCase(), 0, 0.95))
                    .hasMessage("Invalid value for n (valid values n >= 1): 0");
            assertThatThrownBy(() -> SampleSize.forN(Spread.npsWorstCase(), 101, 0.95, 100))
                    .hasMessage("Invalid value for n (valid values 1 - population 100): 101");
            assertThatThrownBy(() -> SampleSize.forMargin(Spread.npsWorstCase(), 1e-9, 0.95))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n would exceed 2^53");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, 0.49, 1, Double.NaN})
        void power(double power) {
            assertThatThrownBy(() -> GroupSampleSize.forDifference(Spread.npsWorstCase(), 10, 0.95, power))
                    .hasMessage("Invalid value for power (valid values 0.5 <= power < 1): " + power);
            assertThatThrownBy(() -> GroupSampleSize.forShares(0.5, 0.6, 0.95, power))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, Double.NaN, Double.NEGATIVE_INFINITY})
        void difference(double d) {
            assertThatThrownBy(() -> GroupSampleSize.forDifference(Spread.npsWorstCase(), d, 0.95, 0.8))
                    .hasMessage("Invalid value for difference (valid values finite, not 0): " + d);
        }

        @Test
        void shareDifferenceLeavingZeroToOne() {
            assertThatThrownBy(() -> GroupSampleSize.forDifference(Spread.ofShare(0.9), 15, 0.95, 0.8))
                    .hasMessageStartingWith("Invalid value for difference (valid values with expected share 0.9:")
                    .hasMessageEndingWith("percentage points): 15.0");
            assertThatThrownBy(() -> GroupSampleSize.forDifference(Spread.shareWorstCase(), 120, 0.95, 0.8))
                    .hasMessage("Invalid value for difference (valid values -100 - 100 percentage points): 120.0");
            assertThatThrownBy(() -> GroupSampleSize.forShares(0.4, 0.4, 0.95, 0.8))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void mixedOrShareSpreadsForTwoSpreadForm() {
            assertThatThrownBy(() -> GroupSampleSize.forDifference(Spread.npsWorstCase(),
                    Spread.ofStandardDeviation(1), 10, 0.95, 0.8)).hasMessageStartingWith("Spread mismatch");
            assertThatThrownBy(() -> GroupSampleSize.forDifference(Spread.ofShare(0.5), Spread.ofShare(0.6), 10, 0.95,
                    0.8)).hasMessageStartingWith("Two shares are compared with forShares");
        }

        @Test
        void recordConstructorsCheckRanges() {
            assertThatThrownBy(() -> new SampleSize(0, 5, 0.95, Spread.npsWorstCase(), OptionalLong.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SampleSize(10, -1, 0.95, Spread.npsWorstCase(), OptionalLong.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new GroupSampleSize(0, 5, 0.95, 0.8, Spread.npsWorstCase(),
                    Spread.npsWorstCase())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SampleSize.forMargin(null, 5, 0.95)).isInstanceOf(NullPointerException.class);
        }
    }
}
