package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import org.junit.jupiter.api.Test;

/** The built-in label vocabularies, for wordings found in real exports. */
class ScoreLabelsTest {

    /**
     * SurveyMonkey's 5-point agreement question words the inner points "Somewhat disagree" and
     * "Somewhat agree" (seen in the real export surveymonkey-fivethirtyeight-sleeping-alone.csv).
     */
    @Test
    void fivePointAgreementInSurveyMonkeysWording() {
        assertThat(ScoreLabels.scoreOf("Strongly disagree", CsatScale.FIVE_POINT)).hasValue(1);
        assertThat(ScoreLabels.scoreOf("Somewhat disagree", CsatScale.FIVE_POINT)).hasValue(2);
        assertThat(ScoreLabels.scoreOf("Neither agree nor disagree", CsatScale.FIVE_POINT)).hasValue(3);
        assertThat(ScoreLabels.scoreOf("Somewhat Agree", CsatScale.FIVE_POINT)).hasValue(4);
        assertThat(ScoreLabels.scoreOf("Strongly agree", CsatScale.FIVE_POINT)).hasValue(5);
    }

    /** On the 7-point agreement scale the same words keep their 7-point places. */
    @Test
    void sevenPointAgreementIsUnchanged() {
        assertThat(ScoreLabels.scoreOf("Somewhat disagree", CesScale.AGREEMENT_7)).hasValue(3);
        assertThat(ScoreLabels.scoreOf("Somewhat agree", CesScale.AGREEMENT_7)).hasValue(5);
        assertThat(ScoreLabels.scoreOf("Agree", CesScale.AGREEMENT_7)).hasValue(6);
    }
}
