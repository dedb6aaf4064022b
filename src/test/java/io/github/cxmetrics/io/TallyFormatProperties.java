package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * restore(save(t)) equals t for random tallies, weighted tallies (with weights from 2^-64 to 2^64,
 * zero weights and non-dyadic decimals) and stores; and a mutated or truncated file is either
 * rejected with {@link IllegalArgumentException} or reads back as exactly the same store, never as a
 * different one.
 */
class TallyFormatProperties {

    @Provide
    Arbitrary<Scale> scales() {
        return Arbitraries.oneOf(
                Arbitraries.of(NpsScale.STANDARD, CsatScale.FIVE_POINT, CesScale.AGREEMENT_7, CesScale.EFFORT_5),
                Combinators.combine(Arbitraries.integers().between(-20, 20), Arbitraries.integers().between(1, 12))
                        .as((min, len) -> CsatScale.of(min, min + len)),
                Combinators.combine(Arbitraries.integers().between(-5, 5), Arbitraries.integers().between(2, 9),
                        Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100))
                        .as((min, len, a, b) -> {
                            int d = min + a % len;
                            int p = d + b % (min + len - d);
                            return NpsScale.of(min, min + len, d, p);
                        }),
                Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(2, 8),
                        Arbitraries.of(Direction.values())).as((min, len, dir) -> CesScale.of(min, min + len, dir)));
    }

    static Arbitrary<Double> weight() {
        return Arbitraries.oneOf(
                Arbitraries.just(0.0),
                Arbitraries.of(WeightedTallyAccumulator.MIN_POSITIVE_WEIGHT, WeightedTallyAccumulator.MAX_WEIGHT, 0.1,
                        1.0 / 3, 1.0),
                Arbitraries.doubles().between(0.001, 1000).ofScale(12),
                Combinators.combine(Arbitraries.doubles().between(1, 2).ofScale(15), Arbitraries.integers().between(-64, 63))
                        .as((m, e) -> Math.min(Math.scalb(m, e), WeightedTallyAccumulator.MAX_WEIGHT)));
    }

    @Provide
    Arbitrary<Tally> tallies() {
        return scales().flatMap(s -> Arbitraries.longs().between(0, 1_000_000_000_000L).array(long[].class)
                .ofSize(s.points()).map(c -> Tally.of(s, c)));
    }

    @Provide
    Arbitrary<WeightedTally> weightedTallies() {
        return scales().flatMap(s -> Combinators.combine(
                Arbitraries.integers().between(s.min(), s.max()).list().ofMaxSize(40),
                weight().list().ofSize(40)).as((scores, ws) -> {
                    WeightedTallyAccumulator acc = new WeightedTallyAccumulator(s);
                    for (int i = 0; i < scores.size(); i++) {
                        acc.add(scores.get(i), ws.get(i));
                    }
                    return acc.snapshot();
                }));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12)
                .filter(k -> k.codePoints().allMatch(Character::isValidCodePoint)
                        && !k.chars().anyMatch(ch -> Character.isSurrogate((char) ch)));
    }

    @Provide
    Arbitrary<TallyStore> stores() {
        return Combinators.combine(tallies().list().ofMaxSize(4), weightedTallies().list().ofMaxSize(3))
                .as((ts, ws) -> {
                    TallyStore.Builder b = TallyStore.builder();
                    for (int i = 0; i < ts.size(); i++) {
                        b.put("t" + i + "|w\u00e9ek " + i, ts.get(i));
                    }
                    for (int i = 0; i < ws.size(); i++) {
                        b.put("w" + i, ws.get(i));
                    }
                    return b.build();
                });
    }

    @Group
    class RoundTrip {
        @Property(tries = 300)
        void tallyLines(@ForAll("tallies") Tally t, @ForAll("keys") String key) {
            assertThat(TallyFormat.parseTally(TallyFormat.format(t))).isEqualTo(t);
            TallyFormat.Parsed p = TallyFormat.parse(TallyFormat.format(key, t));
            assertThat(p.key).isEqualTo(key);
            assertThat(p.tally).isEqualTo(t);
        }

        @Property(tries = 300)
        void weightedLinesKeepEveryBit(@ForAll("weightedTallies") WeightedTally w) {
            WeightedTally back = TallyFormat.parseWeightedTally(TallyFormat.format(w));
            assertThat(back).isEqualTo(w);
            for (int s = w.scale().min(); s <= w.scale().max(); s++) {
                assertThat(back.sumOfWeightsExact(s)).isEqualByComparingTo(w.sumOfWeightsExact(s));
                assertThat(back.sumOfSquaredWeightsExact(s)).isEqualByComparingTo(w.sumOfSquaredWeightsExact(s));
            }
            assertThat(Double.doubleToRawLongBits(back.sumOfWeights()))
                    .isEqualTo(Double.doubleToRawLongBits(w.sumOfWeights()));
            assertThat(Double.doubleToRawLongBits(back.sumOfSquaredWeights()))
                    .isEqualTo(Double.doubleToRawLongBits(w.sumOfSquaredWeights()));
            // writing again gives the same text: the form is canonical
            assertThat(TallyFormat.format(back)).isEqualTo(TallyFormat.format(w));
        }

        @Property(tries = 200)
        void stores(@ForAll("stores") TallyStore store) {
            String text = store.format();
            assertThat(TallyStore.parse(text)).isEqualTo(store);
            assertThat(TallyStore.parse(text).format()).isEqualTo(text);
        }

        @Property(tries = 100)
        void combiningStoredTalliesEqualsTallyingTogether(@ForAll("weightedTallies") WeightedTally a,
                @ForAll("weightedTallies") WeightedTally b) {
            if (!a.scale().equals(b.scale())) {
                return;
            }
            TallyStore sa = TallyStore.parse(TallyStore.builder().put("k", a).build().format());
            TallyStore sb = TallyStore.parse(TallyStore.builder().put("k", b).build().format());
            assertThat(sa.plus(sb).weightedTally("k")).contains(a.plus(b));
        }
    }

    @Group
    class NeverHalfRead {
        @Property(tries = 1000)
        void aMutatedFileIsRejectedOrUnchanged(@ForAll("stores") TallyStore store,
                @ForAll @IntRange(min = 0, max = 1_000_000) int where,
                @ForAll("mutations") Mutation mutation) {
            String text = store.format();
            String mutated = mutation.apply(text, where % (text.length() + 1));
            try {
                TallyStore back = TallyStore.parse(mutated);
                assertThat(back).as("a mutated file that reads must read as the original").isEqualTo(store);
            } catch (IllegalArgumentException rejected) {
                assertThat(rejected.getMessage()).startsWith("tally text");
            }
        }

        @Property(tries = 500)
        void aTruncatedFileIsRejectedOrComplete(@ForAll("stores") TallyStore store,
                @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
            String text = store.format();
            int at = cut % (text.length() + 1);
            try {
                TallyStore back = TallyStore.parse(text.substring(0, at));
                assertThat(back).isEqualTo(store);
                // only the final line end may be missing
                assertThat(at).isGreaterThanOrEqualTo(text.length() - 1);
            } catch (IllegalArgumentException rejected) {
                assertThat(at).isLessThan(text.length());
            }
        }
    }

    /** A one-character edit at a position. */
    interface Mutation {
        String apply(String text, int at);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.chars().ascii(),
                Arbitraries.of('0', '1', '9', ',', ' ', '=', '.', '\n', '\r', '%', '-', ']', '\u00e9'));
        return Arbitraries.oneOf(
                chars.map(c -> (text, at) -> text.substring(0, at) + c + text.substring(at)),
                chars.map(c -> (text, at) -> at == text.length() ? text + c
                        : text.substring(0, at) + c + text.substring(at + 1)),
                Arbitraries.just((text, at) -> at == text.length() ? text
                        : text.substring(0, at) + text.substring(at + 1)),
                Arbitraries.just((text, at) -> {
                    List<String> lines = new java.util.ArrayList<>(text.lines().toList());
                    int i = at % lines.size();
                    int j = (at / 7) % lines.size();
                    String tmp = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, tmp);
                    return String.join("\n", lines) + "\n";
                }));
    }
}
