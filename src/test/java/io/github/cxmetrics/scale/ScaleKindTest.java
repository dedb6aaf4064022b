package io.github.cxmetrics.scale;

import static org.assertj.core.api.Assertions.assertThat;

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
}
