package io.github.cxmetrics.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NpsScale#parse(String)} reads back what {@link NpsScale#toString()} writes. */
class NpsScaleParseTest {

    @Test
    void standardForms() {
        assertThat(NpsScale.parse("NPS[0..10]")).isSameAs(NpsScale.STANDARD);
        assertThat(NpsScale.parse(" 0-10 ")).isSameAs(NpsScale.STANDARD);
        assertThat(NpsScale.parse("0..10")).isSameAs(NpsScale.STANDARD);
        assertThat(NpsScale.parse("NPS[0..10; 0-6/7-8/9-10]")).isSameAs(NpsScale.STANDARD);
    }

    @Test
    void customBreaks() {
        NpsScale s = NpsScale.parse("NPS[1..5; 1-3/4-4/5-5]");
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(5);
        assertThat(s.detractorsUpTo()).isEqualTo(3);
        assertThat(s.passivesUpTo()).isEqualTo(4);
        // empty passives: 4-3
        NpsScale noPassives = NpsScale.parse("NPS[1..5; 1-3/4-3/4-5]");
        assertThat(noPassives).isEqualTo(NpsScale.of(1, 5, 3, 3));
        assertThat(NpsScale.parse("NPS[-5..5; -5--1/0-2/3-5]")).isEqualTo(NpsScale.of(-5, 5, -1, 2));
        for (NpsScale x : new NpsScale[] {s, noPassives, NpsScale.of(0, 10, 4, 8), NpsScale.of(-3, 3, -3, 2)}) {
            assertThat(NpsScale.parse(x.toString())).isEqualTo(x);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NPS[1..5; 1-2/4-4/5-5]", "NPS[1..5; 2-3/4-4/5-5]", "NPS[1..5; 1-3/4-4/6-5]",
        "NPS[1..5; 1-3/4-4/5-6]", "NPS[1..5; 1-3/3-4/5-5]"})
    void rejectsGroupsThatDoNotTileTheRange(String text) {
        assertThatThrownBy(() -> NpsScale.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid NPS scale (groups must tile 1..5 as min-d/(d+1)-p/(p+1)-max): \"");
    }

    @Test
    void rejectsOtherText() {
        assertThatThrownBy(() -> NpsScale.parse("1-5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid NPS scale (only 0..10 has default categories; give the breaks as"
                        + " NPS[min..max; min-d/(d+1)-p/(p+1)-max]): \"1-5\"");
        assertThatThrownBy(() -> NpsScale.parse("NPS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid NPS scale (expected min-max, e.g. 1-5): \"NPS\"");
        // promoters must not be empty: breaks 1-4/5-5/6-5 ask for passivesUpTo = max
        assertThatThrownBy(() -> NpsScale.parse("NPS[1..5; 1-4/5-5/6-5]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid NPS breaks for 1..5 (need 1 <= detractorsUpTo <= passivesUpTo < 5): 4, 5");
        assertThatThrownBy(() -> NpsScale.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
