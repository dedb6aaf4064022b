package io.github.cxmetrics.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Kinds and the seven-point CSAT labels. */
class ScaleKindTest {
    @Test
    void kinds() {
        assertThat(NpsScale.STANDARD.kind()).isEqualTo("NPS");
        assertThat(CsatScale.FIVE_POINT.kind()).isEqualTo("CSAT");
        assertThat(CesScale.AGREEMENT_7.kind()).isEqualTo("CES");
    }

    @Test
    void sevenPointCsatLabels() {
        CsatScale seven = CsatScale.of(1, 7);
        assertThat(seven.label(1, Locale.ENGLISH)).isEqualTo("very dissatisfied");
        assertThat(seven.label(4, Locale.ENGLISH)).isEqualTo("neutral");
        assertThat(seven.label(7, Locale.forLanguageTag("nl"))).isEqualTo("zeer tevreden");
    }

    @Test
    void rangeLimitIsInclusive() {
        // 0..1000 has exactly 1001 points: accepted; 0..1001 is one too many
        assertThat(CsatScale.of(0, 1000).points()).isEqualTo(1001);
        assertThatThrownBy(() -> CsatScale.of(0, 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wholeNumbersWrittenAsDecimalsAtBothEnds() {
        assertThat(CsatScale.FIVE_POINT.parseScore("5.0")).isEqualTo(5);
        assertThat(CsatScale.FIVE_POINT.parseScore("1.0")).isEqualTo(1);
        assertThatThrownBy(() -> CsatScale.FIVE_POINT.parseScore("5.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsatScale.FIVE_POINT.parseScore("0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsatScale.FIVE_POINT.parseScore("6.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distinctScalesHashDifferently() {
        java.util.List<Scale> scales = java.util.List.of(NpsScale.STANDARD, NpsScale.of(0, 10, 5, 8),
                NpsScale.of(1, 5, 3, 4), CsatScale.FIVE_POINT, CsatScale.FIVE_POINT.withTopBox(3), CsatScale.of(1, 7),
                CesScale.AGREEMENT_7, CesScale.EFFORT_5, CesScale.of(1, 7, Direction.LOWER_IS_BETTER));
        assertThat(scales.stream().map(Object::hashCode).distinct().count()).isEqualTo(scales.size());
    }
}
