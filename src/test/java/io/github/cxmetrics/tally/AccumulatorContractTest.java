package io.github.cxmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract every accumulator passes: empty, combine with empty, split-and-combine equals
 * one pass, parallel stream equals sequential, scale mismatch leaves both sides unchanged, bad
 * input changes nothing.
 */
class AccumulatorContractTest {

    /** The operations the contract needs, for each accumulator type. */
    interface Kind<A, T> {
        A create(Scale scale);

        void add(A acc, int score, double weight);

        void combine(A into, A other);

        T snapshot(A acc);

        long n(A acc);

        T empty(Scale scale);
    }

    static final Kind<TallyAccumulator, Tally> UNWEIGHTED = new Kind<>() {
        public TallyAccumulator create(Scale s) {
            return new TallyAccumulator(s);
        }

        public void add(TallyAccumulator a, int score, double w) {
            a.add(score);
        }

        public void combine(TallyAccumulator a, TallyAccumulator b) {
            a.combine(b);
        }

        public Tally snapshot(TallyAccumulator a) {
            return a.snapshot();
        }

        public long n(TallyAccumulator a) {
            return a.n();
        }

        public Tally empty(Scale s) {
            return Tally.empty(s);
        }

        @Override
        public String toString() {
            return "TallyAccumulator";
        }
    };

    static final Kind<WeightedTallyAccumulator, WeightedTally> WEIGHTED = new Kind<>() {
        public WeightedTallyAccumulator create(Scale s) {
            return new WeightedTallyAccumulator(s);
        }

        public void add(WeightedTallyAccumulator a, int score, double w) {
            a.add(score, w);
        }

        public void combine(WeightedTallyAccumulator a, WeightedTallyAccumulator b) {
            a.combine(b);
        }

        public WeightedTally snapshot(WeightedTallyAccumulator a) {
            return a.snapshot();
        }

        public long n(WeightedTallyAccumulator a) {
            return a.n();
        }

        public WeightedTally empty(Scale s) {
            return WeightedTally.empty(s);
        }

        @Override
        public String toString() {
            return "WeightedTallyAccumulator";
        }
    };

    static Stream<Kind<?, ?>> kinds() {
        return Stream.of(UNWEIGHTED, WEIGHTED);
    }

    private static final List<Scale> SCALES = List.of(NpsScale.STANDARD, CsatScale.FIVE_POINT, CsatScale.of(1, 10),
            CesScale.AGREEMENT_7, CesScale.EFFORT_5);

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <A, T> void emptyAccumulatorSnapshotsToEmpty(Kind<A, T> kind) {
        for (Scale scale : SCALES) {
            A acc = kind.create(scale);
            assertThat(kind.n(acc)).isZero();
            assertThat(kind.snapshot(acc)).isEqualTo(kind.empty(scale));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <A, T> void combiningWithEmptyChangesNothing(Kind<A, T> kind) {
        A acc = filled(kind, NpsScale.STANDARD, 500, 1);
        T before = kind.snapshot(acc);
        kind.combine(acc, kind.create(NpsScale.STANDARD));
        assertThat(kind.snapshot(acc)).isEqualTo(before);
        A empty = kind.create(NpsScale.STANDARD);
        kind.combine(empty, acc);
        assertThat(kind.snapshot(empty)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <A, T> void splitAndCombineEqualsOnePass(Kind<A, T> kind) {
        for (Scale scale : SCALES) {
            int[] scores = new int[2000];
            double[] weights = new double[scores.length];
            SplittableRandom r = new SplittableRandom(42);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = scale.min() + r.nextInt(scale.points());
                weights[i] = 0.1 + r.nextDouble() * 3;
            }
            A whole = kind.create(scale);
            for (int i = 0; i < scores.length; i++) {
                kind.add(whole, scores[i], weights[i]);
            }
            // three parts, combined in reverse order
            A[] parts = newParts(kind, scale, 3);
            for (int i = 0; i < scores.length; i++) {
                kind.add(parts[i * 7 % 3], scores[i], weights[i]);
            }
            kind.combine(parts[2], parts[1]);
            kind.combine(parts[2], parts[0]);
            assertThat(kind.snapshot(parts[2])).isEqualTo(kind.snapshot(whole));
            assertThat(kind.snapshot(parts[2]).hashCode()).isEqualTo(kind.snapshot(whole).hashCode());
        }
    }

    @SuppressWarnings("unchecked")
    private static <A, T> A[] newParts(Kind<A, T> kind, Scale scale, int k) {
        Object[] parts = new Object[k];
        for (int i = 0; i < k; i++) {
            parts[i] = kind.create(scale);
        }
        return (A[]) parts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <A, T> void scaleMismatchLeavesBothUnchanged(Kind<A, T> kind) {
        A a = filled(kind, CsatScale.FIVE_POINT, 100, 2);
        A b = filled(kind, CsatScale.of(1, 7), 100, 3);
        T beforeA = kind.snapshot(a);
        T beforeB = kind.snapshot(b);
        assertThatThrownBy(() -> kind.combine(a, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Scale mismatch: CSAT[1..5] / CSAT[1..7]");
        assertThat(kind.snapshot(a)).isEqualTo(beforeA);
        assertThat(kind.snapshot(b)).isEqualTo(beforeB);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <A, T> void badScoreChangesNothing(Kind<A, T> kind) {
        A acc = filled(kind, NpsScale.STANDARD, 50, 4);
        T before = kind.snapshot(acc);
        assertThatThrownBy(() -> kind.add(acc, 11, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NPS[0..10]").hasMessageContaining("11");
        assertThatThrownBy(() -> kind.add(acc, -1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kind.snapshot(acc)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <A, T> void snapshotIsIndependentOfLaterAdds(Kind<A, T> kind) {
        A acc = filled(kind, CesScale.AGREEMENT_7, 10, 5);
        T snap = kind.snapshot(acc);
        kind.add(acc, 7, 1.0);
        assertThat(kind.snapshot(acc)).isNotEqualTo(snap);
        assertThat(kind.n(acc)).isEqualTo(11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <A, T> void parallelCollectEqualsSequential(Kind<A, T> kind) {
        Scale scale = NpsScale.STANDARD;
        SplittableRandom r = new SplittableRandom(9);
        int[] scores = r.ints(20_000, 0, 11).toArray();
        Function<Boolean, T> collect = parallel -> {
            var stream = java.util.stream.IntStream.range(0, scores.length).boxed();
            if (parallel) {
                stream = stream.parallel();
            }
            A acc = stream.collect(() -> kind.create(scale),
                    (a, i) -> kind.add(a, scores[i], 1 + (i % 5) * 0.25), kind::combine);
            return kind.snapshot(acc);
        };
        assertThat(collect.apply(true)).isEqualTo(collect.apply(false));
    }

    private static <A, T> A filled(Kind<A, T> kind, Scale scale, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        A acc = kind.create(scale);
        for (int i = 0; i < count; i++) {
            kind.add(acc, scale.min() + r.nextInt(scale.points()), 0.5 + r.nextDouble());
        }
        return acc;
    }
}
