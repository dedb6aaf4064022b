package io.github.cxmetrics.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScaleProperties {

    @Provide
    Arbitrary<Scale> scales() {
        Arbitrary<Integer> mins = Arbitraries.integers().between(-5, 5);
        Arbitrary<Integer> lengths = Arbitraries.integers().between(2, 20);
        Arbitrary<Scale> csat = net.jqwik.api.Combinators.combine(mins, lengths).as((m, l) -> CsatScale.of(m, m + l - 1));
        Arbitrary<Scale> ces = net.jqwik.api.Combinators.combine(mins, lengths, Arbitraries.of(Direction.class))
                .as((m, l, d) -> CesScale.of(m, m + l - 1, d));
        Arbitrary<Scale> nps = net.jqwik.api.Combinators.combine(mins, lengths.filter(l -> l >= 3))
                .as((m, l) -> NpsScale.of(m, m + l - 1, m + l / 2 - 1, m + l - 2));
        return Arbitraries.oneOf(csat, ces, nps, Arbitraries.of(NpsScale.STANDARD, CsatScale.FIVE_POINT,
                CesScale.AGREEMENT_7, CesScale.EFFORT_5));
    }

    @Property
    void everyOffScaleScoreIsRejected(@ForAll("scales") Scale scale, @ForAll int score) {
        if (scale.contains(score)) {
            assertThat(scale.requireValid(score)).isEqualTo(score);
            assertThat(scale.parseScore(Integer.toString(score))).isEqualTo(score);
            assertThat(scale.label(score, Locale.ENGLISH)).isNotBlank();
        } else {
            assertThatThrownBy(() -> scale.requireValid(score)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(scale.toString()).hasMessageContaining(Integer.toString(score))
                    .hasMessageContaining(scale.min() + " - " + scale.max());
            assertThatThrownBy(() -> scale.parseScore(Integer.toString(score))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> scale.isFavorable(score)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void nonIntegerValuesAreRejected(@ForAll("scales") Scale scale, @ForAll double value) {
        if (value == Math.rint(value) && value >= scale.min() && value <= scale.max()) {
            assertThat(scale.scoreOf(value)).isEqualTo((int) value);
        } else {
            assertThatThrownBy(() -> scale.scoreOf(value)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(scale.toString());
        }
    }

    @Property
    void boxesAreDisjointAndOrdered(@ForAll("scales") Scale scale) {
        for (int s = scale.min(); s <= scale.max(); s++) {
            assertThat(scale.isFavorable(s) && scale.isUnfavorable(s)).isFalse();
        }
        boolean higher = scale.direction() == Direction.HIGHER_IS_BETTER;
        int best = higher ? scale.max() : scale.min();
        int worst = higher ? scale.min() : scale.max();
        assertThat(scale.isFavorable(best)).isTrue();
        assertThat(scale.isUnfavorable(worst)).isTrue();
    }

    @Property
    void toStringParsesBack(@ForAll("scales") Scale scale) {
        if (scale instanceof CsatScale csat) {
            assertThat(CsatScale.parse(csat.toString())).isEqualTo(csat);
        } else if (scale instanceof CesScale ces) {
            assertThat(CesScale.parse(ces.toString())).isEqualTo(ces);
        }
    }
}
