package io.github.cxmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TallyProperties {

    @Provide
    Arbitrary<int[]> npsScores() {
        return Arbitraries.integers().between(0, 10).array(int[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<double[]> weights() {
        return Arbitraries.doubles().between(0.01, 50).array(double[].class).ofSize(300);
    }

    private static Tally tally(int[] scores) {
        return new TallyAccumulator(NpsScale.STANDARD).addAll(scores).snapshot();
    }

    @Group
    class MergeLaws {
        @Property
        void plusIsCommutativeAndAssociativeWithEmptyIdentity(@ForAll("npsScores") int[] a,
                @ForAll("npsScores") int[] b, @ForAll("npsScores") int[] c) {
            Tally ta = tally(a);
            Tally tb = tally(b);
            Tally tc = tally(c);
            Tally empty = Tally.empty(NpsScale.STANDARD);
            assertThat(ta.plus(tb)).isEqualTo(tb.plus(ta));
            assertThat(ta.plus(tb).plus(tc)).isEqualTo(ta.plus(tb.plus(tc)));
            assertThat(ta.plus(empty)).isEqualTo(ta);
        }

        @Property
        void minusUndoesPlusAndRefusesWhatIsNotAPart(@ForAll("npsScores") int[] a, @ForAll("npsScores") int[] b) {
            Tally ta = tally(a);
            Tally tb = tally(b);
            assertThat(ta.plus(tb).minus(tb)).isEqualTo(ta);
            assertThat(ta.plus(tb).minus(ta)).isEqualTo(tb);
            assertThat(ta.minus(ta)).isEqualTo(Tally.empty(NpsScale.STANDARD));
            assertThat(ta.minus(Tally.empty(NpsScale.STANDARD))).isEqualTo(ta);
            if (tb.n() > 0) {
                assertThatThrownBy(() -> ta.minus(ta.plus(tb))).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("Invalid part (valid values: a tally of some of these responses): ");
            }
            assertThatThrownBy(() -> ta.minus(Tally.empty(io.github.cxmetrics.scale.CsatScale.FIVE_POINT)))
                    .hasMessageStartingWith("Scale mismatch");
        }

        @Property
        void weightedMinusUndoesPlusExactly(@ForAll("npsScores") int[] a, @ForAll("npsScores") int[] b,
                @ForAll("weights") double[] w) {
            WeightedTallyAccumulator x = new WeightedTallyAccumulator(NpsScale.STANDARD);
            WeightedTallyAccumulator y = new WeightedTallyAccumulator(NpsScale.STANDARD);
            for (int i = 0; i < a.length; i++) {
                x.add(a[i], w[i]);
            }
            for (int i = 0; i < b.length; i++) {
                y.add(b[i], w[w.length - 1 - i]);
            }
            WeightedTally wa = x.snapshot();
            WeightedTally wb = y.snapshot();
            assertThat(wa.plus(wb).minus(wb)).isEqualTo(wa);
            assertThat(wa.plus(wb).minus(wa)).isEqualTo(wb);
            assertThat(wa.minus(wa)).isEqualTo(new WeightedTallyAccumulator(NpsScale.STANDARD).snapshot());
            if (wb.n() > 0) {
                assertThatThrownBy(() -> wa.minus(wa.plus(wb))).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Property(tries = 200)
        void weightedMinusRefusesOtherWeightsOfTheSameCounts(@ForAll @IntRange(min = 0, max = 10) int score) {
            WeightedTally light = new WeightedTallyAccumulator(NpsScale.STANDARD).add(score, 1.0).snapshot();
            WeightedTally heavy = new WeightedTallyAccumulator(NpsScale.STANDARD).add(score, 2.0).snapshot();
            assertThatThrownBy(() -> light.minus(heavy)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> heavy.minus(light)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("weights of score " + score);
        }

        @Property
        void splitAndCombineEqualsOnePass(@ForAll("npsScores") int[] scores, @ForAll @IntRange(min = 0, max = 300) int cut) {
            int k = Math.min(cut, scores.length);
            TallyAccumulator left = new TallyAccumulator(NpsScale.STANDARD);
            TallyAccumulator right = new TallyAccumulator(NpsScale.STANDARD);
            for (int i = 0; i < scores.length; i++) {
                (i < k ? left : right).add(scores[i]);
            }
            assertThat(right.combine(left).snapshot()).isEqualTo(tally(scores));
        }

        @Property
        void permutationInvariance(@ForAll("npsScores") int[] scores, @ForAll long seed) {
            List<Integer> list = new ArrayList<>();
            for (int s : scores) {
                list.add(s);
            }
            Collections.shuffle(list, new Random(seed));
            Tally shuffled = list.stream().collect(Tally.toTally(NpsScale.STANDARD));
            assertThat(shuffled).isEqualTo(tally(scores));
        }

        @Property
        void parallelStreamEqualsSequential(@ForAll("npsScores") int[] scores) {
            List<Integer> list = new ArrayList<>();
            for (int s : scores) {
                list.add(s);
            }
            assertThat(list.parallelStream().collect(Tally.toTally(NpsScale.STANDARD)))
                    .isEqualTo(list.stream().collect(Tally.toTally(NpsScale.STANDARD)));
        }

        @Property
        void byteIntAndStreamPathsAgree(@ForAll("npsScores") int[] scores) {
            byte[] bytes = new byte[scores.length];
            for (int i = 0; i < scores.length; i++) {
                bytes[i] = (byte) scores[i];
            }
            Tally viaBytes = new TallyAccumulator(NpsScale.STANDARD).addAll(bytes).snapshot();
            Tally viaStream = new TallyAccumulator(NpsScale.STANDARD).addAll(java.util.Arrays.stream(scores)).snapshot();
            TallyAccumulator oneByOne = new TallyAccumulator(NpsScale.STANDARD);
            for (int s : scores) {
                oneByOne.add(s);
            }
            assertThat(viaBytes).isEqualTo(tally(scores)).isEqualTo(viaStream).isEqualTo(oneByOne.snapshot());
        }
    }

    @Group
    class Weighted {
        @Property
        void splitInAnyOrderIsExactlyEqual(@ForAll("npsScores") @Size(min = 1) int[] scores,
                @ForAll("weights") double[] w, @ForAll long seed) {
            WeightedTallyAccumulator whole = new WeightedTallyAccumulator(NpsScale.STANDARD);
            for (int i = 0; i < scores.length; i++) {
                whole.add(scores[i], w[i]);
            }
            Random r = new Random(seed);
            WeightedTallyAccumulator[] parts = new WeightedTallyAccumulator[4];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = new WeightedTallyAccumulator(NpsScale.STANDARD);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, r);
            for (int i : order) {
                parts[r.nextInt(parts.length)].add(scores[i], w[i]);
            }
            WeightedTally merged = parts[3].snapshot().plus(parts[1].snapshot()).plus(parts[0].snapshot()
                    .plus(parts[2].snapshot()));
            assertThat(merged).isEqualTo(whole.snapshot());
            assertThat(merged.sumOfWeights()).isEqualTo(whole.snapshot().sumOfWeights());
            assertThat(merged.sumOfSquaredWeights()).isEqualTo(whole.snapshot().sumOfSquaredWeights());
        }

        @Property
        void unitWeightsEqualUnweighted(@ForAll("npsScores") @Size(min = 1) int[] scores) {
            WeightedTallyAccumulator acc = new WeightedTallyAccumulator(NpsScale.STANDARD);
            for (int s : scores) {
                acc.add(s, 1.0);
            }
            WeightedTally w = acc.snapshot();
            assertThat(w.toTally()).isEqualTo(tally(scores));
            assertThat(w.effectiveN()).isEqualTo(scores.length);
            assertThat(w.designEffect()).isEqualTo(1.0);
            assertThat(w.sumOfWeights()).isEqualTo(scores.length);
        }

        @Property
        void sumsAreExactAgainstBigDecimal(@ForAll("npsScores") @Size(min = 1) int[] scores, @ForAll("weights") double[] w) {
            WeightedTallyAccumulator acc = new WeightedTallyAccumulator(NpsScale.STANDARD);
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            java.math.BigDecimal total2 = java.math.BigDecimal.ZERO;
            java.math.BigDecimal at9 = java.math.BigDecimal.ZERO;
            for (int i = 0; i < scores.length; i++) {
                acc.add(scores[i], w[i]);
                java.math.BigDecimal b = new java.math.BigDecimal(w[i]);
                total = total.add(b);
                total2 = total2.add(b.multiply(b));
                if (scores[i] == 9) {
                    at9 = at9.add(b);
                }
            }
            WeightedTally t = acc.snapshot();
            assertThat(t.sumOfWeights()).isEqualTo(total.doubleValue());
            assertThat(t.sumOfSquaredWeights()).isEqualTo(total2.doubleValue());
            assertThat(t.sumOfWeightsExact(9)).isEqualByComparingTo(at9);
            WeightedTally restored = WeightedTally.of(NpsScale.STANDARD, t.counts(), exact(t, false), exact(t, true));
            assertThat(restored).isEqualTo(t);
        }

        private java.math.BigDecimal[] exact(WeightedTally t, boolean squared) {
            java.math.BigDecimal[] out = new java.math.BigDecimal[11];
            for (int s = 0; s <= 10; s++) {
                out[s] = squared ? t.sumOfSquaredWeightsExact(s) : t.sumOfWeightsExact(s);
            }
            return out;
        }

        @Property
        void invalidWeightsAreRejected(@ForAll double weight) {
            WeightedTallyAccumulator acc = new WeightedTallyAccumulator(CsatScale.FIVE_POINT);
            boolean valid = weight == 0 || (weight >= 0x1p-64 && weight <= 0x1p64);
            if (valid) {
                acc.add(3, weight);
                assertThat(acc.n()).isEqualTo(1);
            } else {
                assertThatThrownBy(() -> acc.add(3, weight)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("weight").hasMessageContaining(Double.toString(weight));
                assertThat(acc.n()).isZero();
            }
        }
    }

    @Group
    class Overflow {
        @Property(tries = 50)
        void overflowThrowsInsteadOfWrapping(@ForAll @IntRange(min = 0, max = 4) int point) {
            Scale scale = CsatScale.FIVE_POINT;
            long[] counts = new long[5];
            counts[point] = Long.MAX_VALUE - 1;
            Tally big = Tally.of(scale, counts);
            TallyAccumulator acc = new TallyAccumulator(scale).addAll(big);
            acc.add(scale.min() + point);
            assertThatThrownBy(() -> acc.add(scale.min() + point)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> acc.add(scale.min() + (point + 1) % 5)).isInstanceOf(ArithmeticException.class);
            assertThat(acc.n()).isEqualTo(Long.MAX_VALUE);
            assertThatThrownBy(() -> big.plus(big)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> acc.add(scale.min(), 5)).isInstanceOf(ArithmeticException.class);
            assertThat(acc.n()).isEqualTo(Long.MAX_VALUE);
        }

        @Property(tries = 20)
        void negativeCountsAreRejected(@ForAll @IntRange(min = 0, max = 4) int point) {
            long[] counts = new long[5];
            counts[point] = -1;
            assertThatThrownBy(() -> Tally.of(CsatScale.FIVE_POINT, counts)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Property
    void badElementInBulkAddChangesNothing(@ForAll("npsScores") @Size(min = 1) int[] scores,
            @ForAll @IntRange(min = 0, max = 299) int at, @ForAll @IntRange(min = 11, max = 127) int bad) {
        int i = at % scores.length;
        scores[i] = bad;
        byte[] bytes = new byte[scores.length];
        for (int j = 0; j < scores.length; j++) {
            bytes[j] = (byte) scores[j];
        }
        TallyAccumulator acc = new TallyAccumulator(NpsScale.STANDARD);
        assertThatThrownBy(() -> acc.addAll(scores)).hasMessageContaining("index " + i).hasMessageContaining(": " + bad);
        assertThatThrownBy(() -> acc.addAll(bytes)).hasMessageContaining("index " + i).hasMessageContaining(": " + bad);
        assertThat(acc.isEmpty()).isTrue();
    }

    /**
     * The bulk paths (four-way unrolled, and for bytes counted in 256-entry tables and checked after)
     * against one {@link TallyAccumulator#add(int)} per score, on scales with negative, zero and
     * positive minimums and with scores that are mostly on the scale but may be anywhere in the byte
     * (or int) range: the same counts, or the same first bad index and value with nothing added.
     */
    @Property
    void bulkPathsMatchOneByOneOnAnyScaleAndAnyValue(@ForAll @IntRange(min = -130, max = 130) int min,
            @ForAll @IntRange(min = 2, max = 12) int points, @ForAll("mostlyOnScale") int[] offsets,
            @ForAll @IntRange(min = 0, max = 5) int from, @ForAll @IntRange(min = 0, max = 5) int cutEnd) {
        Scale scale = CsatScale.of(min, min + points - 1);
        int[] scores = new int[offsets.length];
        byte[] bytes = new byte[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            // offsets 0..999 give a score on the scale; any other int is used as the score itself
            scores[i] = offsets[i] >= 0 && offsets[i] < 1000 ? min + offsets[i] % points : offsets[i];
            bytes[i] = (byte) scores[i];
        }
        TallyAccumulator ints = new TallyAccumulator(scale);
        TallyAccumulator expectedInts = new TallyAccumulator(scale);
        String intError = oneByOne(expectedInts, scores, 0, scores.length);
        if (intError == null) {
            assertThat(ints.addAll(scores).snapshot()).isEqualTo(expectedInts.snapshot());
        } else {
            assertThatThrownBy(() -> ints.addAll(scores)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(intError);
            assertThat(ints.isEmpty()).isTrue();
        }
        int lo = Math.min(from, bytes.length);
        int hi = Math.max(lo, bytes.length - cutEnd);
        int[] asInts = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            asInts[i] = bytes[i];
        }
        TallyAccumulator viaBytes = new TallyAccumulator(scale);
        TallyAccumulator expectedBytes = new TallyAccumulator(scale);
        String byteError = oneByOne(expectedBytes, asInts, lo, hi);
        if (byteError == null) {
            assertThat(viaBytes.addAll(bytes, lo, hi).snapshot()).isEqualTo(expectedBytes.snapshot());
        } else {
            assertThatThrownBy(() -> viaBytes.addAll(bytes, lo, hi)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(byteError);
            assertThat(viaBytes.isEmpty()).isTrue();
        }
    }

    /** Adds scores[from, to) one at a time; null, or "index i (…): value" of the first rejected one. */
    private static String oneByOne(TallyAccumulator acc, int[] scores, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!acc.scale().contains(scores[i])) {
                return "index " + i + " (valid values " + acc.scale().min() + " - " + acc.scale().max() + "): "
                        + scores[i];
            }
            acc.add(scores[i]);
        }
        return null;
    }

    @Provide
    Arbitrary<int[]> mostlyOnScale() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.integers().between(0, 999)),
                Tuple.of(1, Arbitraries.integers()))
                .array(int[].class).ofMaxSize(64);
    }
}
