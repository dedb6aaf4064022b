package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SurveyResult#format()}, {@link SurveyResult#parse} and {@link SurveyAccumulator#addAll}: exact and mergeable. */
class SurveyResultFormatTest {
    private static final Survey SURVEY = Survey.parse("min-answered 2\nq1 csat 1-5 weight=2\nq2 ces 1-7\n"
            + "q3 nps 0-10\n");

    private static int[] answers(SplittableRandom r) {
        return new int[] {r.nextInt(4) == 0 ? Survey.MISSING : 1 + r.nextInt(5),
            r.nextInt(4) == 0 ? Survey.MISSING : 1 + r.nextInt(7), r.nextInt(3) == 0 ? Survey.MISSING : r.nextInt(11)};
    }

    @Test
    void theTextFormReadsBackEqualAndSplitsMergeExactly() {
        SplittableRandom r = new SplittableRandom(3);
        SurveyAccumulator whole = new SurveyAccumulator(SURVEY);
        SurveyAccumulator a = new SurveyAccumulator(SURVEY);
        SurveyAccumulator b = new SurveyAccumulator(SURVEY);
        for (int i = 0; i < 500; i++) {
            int[] x = answers(r);
            whole.add(x);
            (i % 3 == 0 ? a : b).add(x);
        }
        SurveyResult expected = whole.snapshot();
        String text = expected.format();
        assertThat(text).startsWith("cxkto/1 respondents=500 patterns=x:");
        assertThat(SurveyResult.parse(SURVEY, text)).isEqualTo(expected);
        assertThat(SurveyResult.parse(SURVEY, text).format()).isEqualTo(text);
        SurveyAccumulator merged = new SurveyAccumulator(SURVEY).addAll(SurveyResult.parse(SURVEY, a.snapshot().format()))
                .addAll(SurveyResult.parse(SURVEY, b.snapshot().format()));
        SurveyResult m = merged.snapshot();
        assertThat(m).isEqualTo(expected);
        assertThat(m.index().estimate()).isEqualTo(expected.index().estimate());
        assertThat(m.acsiIndex().standardError()).isEqualTo(expected.acsiIndex().standardError());
        assertThat(new SurveyAccumulator(SURVEY).snapshot().format()).isEqualTo("cxkto/1 respondents=0 patterns=none");
        assertThat(SurveyResult.parse(SURVEY, "cxkto/1 respondents=0 patterns=none").respondents()).isZero();
    }

    @Test
    void invalidTextIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> SurveyResult.parse(SURVEY, "cxkto/2 respondents=1 patterns=1:1:1*1"))
                .hasMessageStartingWith("Invalid survey tallies (expected \"cxkto/1 respondents=");
        assertThatThrownBy(() -> SurveyResult.parse(SURVEY, "cxkto/1 respondents=2 patterns=1:1:1*1"))
                .hasMessage("Invalid respondents (expected the sum of the pattern counts, 1): 2");
        assertThatThrownBy(() -> SurveyResult.parse(SURVEY, "cxkto/1 respondents=1 patterns=6:1:1*1"))
                .hasMessage("Invalid value for question q1 CSAT[1..5] (valid values 1 - 5): 6");
        assertThatThrownBy(() -> SurveyResult.parse(SURVEY, "cxkto/1 respondents=1 patterns=1:1*1"))
                .hasMessage("Invalid number of answers (expected 3, one per question): 2");
        assertThatThrownBy(() -> SurveyResult.parse(SURVEY, "cxkto/1 respondents=2 patterns=2:1:1*1,1:1:1*1"))
                .hasMessageContaining("patterns must be listed once each, in ascending order");
        assertThatThrownBy(() -> SurveyResult.parse(SURVEY, "cxkto/1 respondents=0 patterns=1:1:1*0"))
                .hasMessage("Invalid pattern count (valid values >= 1): 0");
        assertThatThrownBy(() -> new SurveyAccumulator(SURVEY).addAll(new SurveyAccumulator(
                Survey.parse("q1 csat 1-5\n")).snapshot())).hasMessageContaining("Survey mismatch");
    }
}
