package io.github.cxmetrics.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** {@code Scale.parse} reads back what every kind of scale prints, and nothing else. */
class ScaleParseProperties {

    /** Every kind: custom NPS breaks (empty passives too), CSAT with any top box, CES both ways. */
    @Provide
    Arbitrary<Scale> allScales() {
        Arbitrary<Integer> mins = Arbitraries.integers().between(-20, 20);
        Arbitrary<Integer> lengths = Arbitraries.integers().between(3, 30);
        Arbitrary<Scale> nps = Combinators.combine(mins, lengths, Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 1000)).as((m, l, a, b) -> {
                    int max = m + l - 1;
                    int d = m + a % (l - 1); // detractors m..d, at least one point, leaves a promoter
                    int p = d + b % (max - d); // passives d+1..p, possibly empty
                    return NpsScale.of(m, max, d, p);
                });
        Arbitrary<Scale> csat = Combinators.combine(mins, lengths, Arbitraries.integers().between(0, 1000))
                .as((m, l, k) -> CsatScale.of(m, m + l - 1).withTopBox(1 + k % (l - 1)));
        Arbitrary<Scale> ces = Combinators.combine(mins, lengths, Arbitraries.of(Direction.class))
                .as((m, l, dir) -> CesScale.of(m, m + l - 1, dir));
        return Arbitraries.oneOf(nps, csat, ces, Arbitraries.of(NpsScale.STANDARD, CsatScale.FIVE_POINT,
                CsatScale.FIVE_POINT.withTopBox(1), CesScale.AGREEMENT_7, CesScale.EFFORT_5));
    }

    @Property
    void parseReadsBackToString(@ForAll("allScales") Scale scale) {
        Statistics.label("kind").collect(scale.kind() + (scale.direction() == Direction.LOWER_IS_BETTER ? " lower" : ""));
        assertThat(Scale.parse(scale.toString())).isEqualTo(scale);
    }

    @Property
    void parseRejectsBlanksAroundTheForm(@ForAll("allScales") Scale scale) {
        assertThatThrownBy(() -> Scale.parse(" " + scale)).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void examplesAndMessages() {
        assertThat(Scale.parse("NPS[0..10]")).isEqualTo(NpsScale.STANDARD);
        assertThat(Scale.parse("NPS[1..5; 1-3/4-4/5-5]")).isEqualTo(NpsScale.of(1, 5, 3, 4));
        assertThat(Scale.parse("CSAT[1..5; top-1]")).isEqualTo(CsatScale.FIVE_POINT.withTopBox(1));
        assertThat(Scale.parse("CES[1..5 effort]")).isEqualTo(CesScale.EFFORT_5);
        assertThat(Scale.parse("CES[1..7]")).isEqualTo(CesScale.AGREEMENT_7);
        assertThatThrownBy(() -> Scale.parse("KTO[0..10]"))
                .hasMessage("Invalid scale (expected NPS[..], CSAT[..] or CES[..]): \"KTO[0..10]\"");
        assertThatThrownBy(() -> Scale.parse("CSAT[1..5; top-2]"))
                .hasMessage("Invalid scale (expected its canonical form CSAT[1..5]): CSAT[1..5; top-2]");
        assertThatThrownBy(() -> Scale.parse("CSAT[1-5]"))
                .hasMessage("Invalid scale (expected its canonical form CSAT[1..5]): CSAT[1-5]");
        assertThatThrownBy(() -> Scale.parse("1-5")).hasMessageStartingWith("Invalid scale (expected NPS[..]");
        assertThatThrownBy(() -> Scale.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
