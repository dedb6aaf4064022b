package io.github.cxmetrics.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScaleTest {
    private static final Locale NL = Locale.forLanguageTag("nl");

    @Test
    void standardNpsCategories() {
        NpsScale s = NpsScale.STANDARD;
        assertThat(IntStream.rangeClosed(0, 10).mapToObj(s::categoryOf)).containsExactly(
                NpsCategory.DETRACTOR, NpsCategory.DETRACTOR, NpsCategory.DETRACTOR, NpsCategory.DETRACTOR,
                NpsCategory.DETRACTOR, NpsCategory.DETRACTOR, NpsCategory.DETRACTOR, NpsCategory.PASSIVE,
                NpsCategory.PASSIVE, NpsCategory.PROMOTER, NpsCategory.PROMOTER);
        assertThat(s.toString()).isEqualTo("NPS[0..10]");
        assertThat(NpsScale.of(0, 10, 6, 8)).isSameAs(NpsScale.STANDARD);
    }

    @Test
    void customNpsBreaks() {
        NpsScale s = NpsScale.of(1, 5, 3, 4);
        assertThat(s.categoryOf(3)).isEqualTo(NpsCategory.DETRACTOR);
        assertThat(s.categoryOf(4)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(s.categoryOf(5)).isEqualTo(NpsCategory.PROMOTER);
        assertThat(s.toString()).isEqualTo("NPS[1..5; 1-3/4-4/5-5]");
        assertThatThrownBy(() -> NpsScale.of(0, 10, 10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..10");
        assertThatThrownBy(() -> NpsScale.of(5, 5, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csatDefaultTopBoxTable() {
        assertThat(CsatScale.of(1, 3).topBox()).isEqualTo(1);
        assertThat(CsatScale.of(1, 4).topBox()).isEqualTo(2);
        assertThat(CsatScale.of(1, 5).topBox()).isEqualTo(2);
        assertThat(CsatScale.of(1, 7).topBox()).isEqualTo(2);
        assertThat(CsatScale.of(1, 10).topBox()).isEqualTo(3);
        assertThat(CsatScale.of(0, 10).topBox()).isEqualTo(3);
        assertThat(CsatScale.of(1, 20).topBox()).isEqualTo(5);
        assertThat(CsatScale.of(1, 5)).isEqualTo(CsatScale.FIVE_POINT);
        assertThat(CsatScale.FIVE_POINT.isFavorable(4)).isTrue();
        assertThat(CsatScale.FIVE_POINT.isFavorable(3)).isFalse();
        assertThat(CsatScale.FIVE_POINT.isUnfavorable(2)).isTrue();
        assertThat(CsatScale.of(1, 10).satisfiedFrom()).isEqualTo(8);
    }

    @Test
    void csatTopBoxOverrideAndParse() {
        CsatScale top1 = CsatScale.FIVE_POINT.withTopBox(1);
        assertThat(top1.isFavorable(4)).isFalse();
        assertThat(top1.toString()).isEqualTo("CSAT[1..5; top-1]");
        assertThat(CsatScale.parse(top1.toString())).isEqualTo(top1);
        assertThat(CsatScale.parse("1-7")).isEqualTo(CsatScale.of(1, 7));
        assertThat(CsatScale.parse("CSAT[1..5]")).isEqualTo(CsatScale.FIVE_POINT);
        assertThatThrownBy(() -> CsatScale.FIVE_POINT.withTopBox(5)).hasMessageContaining("1 - 4");
        assertThatThrownBy(() -> CsatScale.parse("five")).hasMessageContaining("\"five\"");
    }

    @Test
    void cesDirectionIsPartOfTheScale() {
        assertThat(CesScale.AGREEMENT_7.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(IntStream.rangeClosed(1, 7).filter(CesScale.AGREEMENT_7::isFavorable)).containsExactly(5, 6, 7);
        assertThat(CesScale.EFFORT_5.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(IntStream.rangeClosed(1, 5).filter(CesScale.EFFORT_5::isFavorable)).containsExactly(1, 2);
        assertThat(IntStream.rangeClosed(1, 5).filter(CesScale.EFFORT_5::isUnfavorable)).containsExactly(4, 5);
        assertThat(CesScale.parse("1-5-effort")).isSameAs(CesScale.EFFORT_5);
        assertThat(CesScale.parse("1-7")).isSameAs(CesScale.AGREEMENT_7);
        assertThat(CesScale.parse(CesScale.EFFORT_5.toString())).isSameAs(CesScale.EFFORT_5);
        assertThat(CesScale.EFFORT_5).isNotEqualTo(CesScale.of(1, 5, Direction.HIGHER_IS_BETTER));
    }

    @Test
    void labelsInEnglishAndDutch() {
        assertThat(CsatScale.FIVE_POINT.label(1, NL)).isEqualTo("zeer ontevreden");
        assertThat(CsatScale.FIVE_POINT.label(5, NL)).isEqualTo("zeer tevreden");
        assertThat(CsatScale.FIVE_POINT.label(4, Locale.ENGLISH)).isEqualTo("satisfied");
        assertThat(CsatScale.FIVE_POINT.label(3, Locale.GERMAN)).isEqualTo("neutral");
        assertThat(NpsScale.STANDARD.label(0, NL)).isEqualTo("0 (zeer onwaarschijnlijk)");
        assertThat(NpsScale.STANDARD.label(7, Locale.ENGLISH)).isEqualTo("7");
        assertThat(CesScale.AGREEMENT_7.label(7, Locale.ENGLISH)).isEqualTo("strongly agree");
        assertThat(CesScale.AGREEMENT_7.label(1, NL)).isEqualTo("helemaal mee oneens");
        assertThat(CesScale.EFFORT_5.label(1, Locale.ENGLISH)).isEqualTo("very low effort");
        assertThat(CsatScale.of(1, 10).label(10, Locale.ENGLISH)).isEqualTo("10 (very satisfied)");
    }

    @Test
    void rejectionMessagesNameScaleRangeAndValue() {
        assertThatThrownBy(() -> NpsScale.STANDARD.requireValid(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for NPS[0..10] (valid values 0 - 10): 11");
        assertThatThrownBy(() -> CsatScale.FIVE_POINT.scoreOf(4.5))
                .hasMessage("Invalid value for CSAT[1..5] (valid values 1 - 5): 4.5");
        assertThatThrownBy(() -> CsatScale.FIVE_POINT.scoreOf(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> CesScale.AGREEMENT_7.parseScore(""))
                .hasMessage("Missing value for CES[1..7] (valid values 1 - 7): empty");
        assertThatThrownBy(() -> CesScale.AGREEMENT_7.parseScore("easy")).hasMessageContaining("\"easy\"");
        assertThatThrownBy(() -> NpsScale.STANDARD.parseScore("9.5")).hasMessageContaining("9.5");
        assertThatThrownBy(() -> NpsScale.STANDARD.label(-1, Locale.ENGLISH)).hasMessageContaining("-1");
        assertThat(NpsScale.STANDARD.parseScore(" 9 ")).isEqualTo(9);
        assertThat(NpsScale.STANDARD.parseScore("9.0")).isEqualTo(9);
        assertThat(CsatScale.FIVE_POINT.scoreOf(4.0)).isEqualTo(4);
    }
}
