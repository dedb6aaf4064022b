package io.github.cxmetrics.survey;

import static io.github.cxmetrics.survey.Survey.MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.StudentT;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A five-question KTO, hand-worked. Expected values: the arithmetic in the comments, and
 * src/test/resources/io/github/cxmetrics/survey/kto_reference.py (numpy 2.4: respondent indices, their mean and standard
 * error with ddof = 1, and the linearisation variance of the item-level indices) for the standard
 * errors; run it with python3.
 */
class SurveyTest {
    static final String KTO = """
            # KTO helpdesk
            q1 csat 1-5 weight=2   # overall satisfaction counts double
            q2 csat 1-5
            q3 ces 1-7
            q4 ces 1-5-effort
            q5 nps 0-10
            """;

    static final Survey SURVEY = Survey.parse(KTO);

    // Rescaled 0–100 (q4 is an effort scale: 1 is best):
    // R1 5,4,7,1,10 → 100, 75, 100, 100, 100 → (2·100 + 75 + 100 + 100 + 100)/6 = 575/6 = 95.8333
    // R2 3,3,4,3,6  → 50, 50, 50, 50, 60     → (100 + 50 + 50 + 50 + 60)/6     = 310/6 = 51.6667
    // R3 1,2,1,5,0  → 0, 25, 0, 0, 0         → 25/6                             = 4.1667
    // R4 4,5,6,2,9  → 75, 100, 83.33, 75, 90 → (150 + 100 + 83.33 + 75 + 90)/6  = 83.0556
    static final int[][] COMPLETE = {{5, 4, 7, 1, 10}, {3, 3, 4, 3, 6}, {1, 2, 1, 5, 0}, {4, 5, 6, 2, 9}};

    private static SurveyResult result(Survey survey, int[]... rows) {
        SurveyAccumulator acc = new SurveyAccumulator(survey);
        for (int[] r : rows) {
            acc.add(r);
        }
        return acc.snapshot();
    }

    @Test
    void definitionFromText() {
        assertThat(SURVEY.size()).isEqualTo(5);
        assertThat(SURVEY.minAnswered()).isEqualTo(5);
        assertThat(SURVEY.question("q1")).isEqualTo(new Question("q1", CsatScale.FIVE_POINT, 2));
        assertThat(SURVEY.question("q3").scale()).isEqualTo(CesScale.AGREEMENT_7);
        assertThat(SURVEY.question("q4").scale()).isEqualTo(CesScale.EFFORT_5);
        assertThat(SURVEY.question("q5").scale()).isEqualTo(NpsScale.STANDARD);
        // weights 2, 1, 1, 1, 1 → 2/6, 1/6, ...
        assertThat(SURVEY.normalizedWeight(0)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(SURVEY.normalizedWeight(4)).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(Survey.parse(SURVEY.toString())).isEqualTo(SURVEY);
        Survey custom = Survey.builder().question("a", CsatScale.of(1, 10).withTopBox(2), 1.5)
                .question("b", CesScale.of(1, 7, io.github.cxmetrics.scale.Direction.LOWER_IS_BETTER))
                .minAnswered(1).build();
        assertThat(custom.toString()).isEqualTo("min-answered 1\na csat 1-10 top=2 weight=1.5\nb ces 1-7-effort weight=1\n");
        assertThat(Survey.parse(custom.toString())).isEqualTo(custom);
    }

    @Test
    void definitionErrorsNameTheLine() {
        assertThatThrownBy(() -> Survey.parse("q1 csat 1-5\nq2 smiley 1-3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("Unknown question kind").hasMessageContaining("smiley");
        assertThatThrownBy(() -> Survey.parse("q1 csat 1-5 weight=0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1").hasMessageContaining("valid values > 0, finite");
        assertThatThrownBy(() -> Survey.parse("q1 csat 1-5 weight=NaN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Survey.parse("q1 csat 1-5\nq1 ces 1-7")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate question id");
        assertThatThrownBy(() -> Survey.parse("q1 nps 1-10")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-10");
        assertThatThrownBy(() -> Survey.parse("q1 ces 1-7 top=2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("csat questions only");
        assertThatThrownBy(() -> Survey.parse("q1 csat 1-5 colour=red")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Survey.parse("min-answered 3\nq1 csat 1-5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for min-answered (valid values 1 - 1): 3");
        assertThatThrownBy(() -> Survey.parse("# nothing\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one question");
        assertThatThrownBy(() -> Survey.builder().question("q 1", CsatScale.FIVE_POINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("question id");
        assertThatThrownBy(() -> Survey.builder().question("q", NpsScale.of(1, 5, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NPS[0..10]");
    }

    @Test
    void respondentIndices() {
        assertThat(SURVEY.respondentIndex(COMPLETE[0]).getAsDouble()).isCloseTo(575.0 / 6, within(1e-12));
        assertThat(SURVEY.respondentIndex(COMPLETE[1]).getAsDouble()).isCloseTo(310.0 / 6, within(1e-12));
        assertThat(SURVEY.respondentIndex(COMPLETE[2]).getAsDouble()).isCloseTo(25.0 / 6, within(1e-12));
        assertThat(SURVEY.respondentIndex(COMPLETE[3]).getAsDouble()).isCloseTo(83.05555555555556, within(1e-12));
        // default min-answered = all questions: one skip → no index
        assertThat(SURVEY.respondentIndex(new int[] {5, MISSING, 7, 1, 10})).isEmpty();
        Map<String, Integer> byId = new HashMap<>();
        byId.put("q1", 5);
        byId.put("q2", 4);
        byId.put("q3", 7);
        byId.put("q4", 1);
        byId.put("q5", 10);
        assertThat(SURVEY.respondentIndex(byId)).isEqualTo(SURVEY.respondentIndex(COMPLETE[0]));
    }

    @Test
    void groupIndicesWithCompleteAnswers() {
        SurveyResult r = result(SURVEY, COMPLETE);
        IndexScore index = r.index();
        // (95.8333 + 51.6667 + 4.1667 + 83.0556)/4 = 58.6806; se (numpy, ddof=1) 20.403080324509705
        assertThat(index.n()).isEqualTo(4);
        assertThat(index.estimate()).isCloseTo(58.68055555555556, within(1e-10));
        assertThat(index.standardError()).isCloseTo(20.403080324509705, within(1e-10));
        assertThat(index.degreesOfFreedom()).isEqualTo(3);
        Interval ci = index.interval(0.8);
        double half = StudentT.criticalValue(0.8, 3) * 20.403080324509705;
        assertThat(ci.lower()).isCloseTo(58.68055555555556 - half, within(1e-9));
        assertThat(ci.upper()).isCloseTo(58.68055555555556 + half, within(1e-9));

        // net per question: q1 5,3,1,4 → 2 top, 1 bottom → 25; q2, q3, q4 likewise 25; q5 10,6,0,9 →
        // 2 promoters, 2 detractors → 0. Weighted: 25·(2 + 1 + 1 + 1)/6 + 0 = 20.8333
        IndexScore net = r.netIndex();
        assertThat(net.estimate()).isCloseTo(20.833333333333333, within(1e-10));
        assertThat(net.standardError()).isCloseTo(48.769582961331764, within(1e-9));
        // ACSI-style equals the respondent index when every question is answered
        assertThat(r.acsiIndex().estimate()).isCloseTo(index.estimate(), within(1e-10));
        assertThat(r.acsiIndex().standardError()).isCloseTo(index.standardError(), within(1e-9));
    }

    @Test
    void missingAnswersPolicy() {
        Survey lenient = Survey.parse("min-answered 3\n" + KTO);
        // R5 answers q1, q4, q5: index (2·100 + 100 + 100)/4 = 100, eligible with 3 answers.
        // R6 answers q1 only: not eligible; its answer still counts in q1's tally.
        SurveyResult r = result(lenient, COMPLETE[0], COMPLETE[1], COMPLETE[2], COMPLETE[3],
                new int[] {5, MISSING, MISSING, 1, 10}, new int[] {2, MISSING, MISSING, MISSING, MISSING});
        assertThat(r.respondents()).isEqualTo(6);
        assertThat(r.eligibleRespondents()).isEqualTo(5);
        assertThat(r.tally("q1").n()).isEqualTo(6);
        assertThat(r.tally("q2").n()).isEqualTo(4);
        assertThat(r.completionRate("q2").toString()).isEqualTo("Proportion[4/6]");
        assertThat(r.completionRate("q1").estimate()).isEqualTo(1.0);
        // per-question scores come from the core: q1 1,2,3,4,5,5 → satisfied 3 of 6
        assertThat(Csat.of(r.tally("q1")).satisfiedShare().successes()).isEqualTo(3);
        assertThat(Nps.of(r.tally("q5")).n()).isEqualTo(5);
        // numpy (kto_reference.py): index 66.94444444444444, se 17.834328459601114, df 4
        assertThat(r.index().estimate()).isCloseTo(66.94444444444444, within(1e-10));
        assertThat(r.index().standardError()).isCloseTo(17.834328459601114, within(1e-9));
        assertThat(r.index().degreesOfFreedom()).isEqualTo(4);
        // item level over the 5 eligible, linearisation variance (kto_reference.py, numpy): net 31.6667
        // (se 42.26856922637013), ACSI 64.3056 (se 17.887148649395062), df = N − 1 = 4.
        // By hand, ACSI: item means over eligible answerers q1 (100+50+0+75+100)/5 = 65, q2 62.5,
        // q3 58.33, q4 65, q5 70 → (2·65 + 62.5 + 58.33 + 65 + 70)/6 = 64.3056
        assertThat(r.netIndex().estimate()).isCloseTo(31.66666666666666, within(1e-10));
        assertThat(r.netIndex().standardError()).isCloseTo(42.26856922637013, within(1e-9));
        assertThat(r.acsiIndex().estimate()).isCloseTo(64.30555555555556, within(1e-10));
        assertThat(r.acsiIndex().standardError()).isCloseTo(17.887148649395062, within(1e-9));
        assertThat(r.acsiIndex().degreesOfFreedom()).isEqualTo(4);
    }

    @Test
    void notAnsweredMarkersNeverEnterN() {
        SurveyAccumulator acc = new SurveyAccumulator(Survey.parse("min-answered 1\n" + KTO));
        Map<String, String> row = new HashMap<>();
        row.put("q1", "4");
        row.put("q2", "");
        row.put("q3", "N/A");
        row.put("q4", "no score");
        row.put("q5", " - ");
        acc.addText(row);
        row.put("q2", "skipped");
        row.put("q3", "not applicable");
        row.put("q5", "   ");
        acc.addText(row);
        SurveyResult r = acc.snapshot();
        assertThat(r.tally("q1").n()).isEqualTo(2);
        for (String q : new String[] {"q2", "q3", "q4", "q5"}) {
            assertThat(r.tally(q).n()).as(q).isZero();
            assertThat(r.completionRate(q).successes()).as(q).isZero();
        }
        assertThat(r.completionRate("q2").n()).isEqualTo(2);
        Map<String, String> bad = Map.of("q1", "4.5");
        assertThatThrownBy(() -> acc.addText(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("question q1").hasMessageContaining("4.5");
        assertThatThrownBy(() -> acc.addText(Map.of("q1", "unknown"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.addText(Map.of("q9", "4"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown question id");
        assertThat(acc.respondents()).isEqualTo(2);
    }

    @Test
    void rejectedRespondentsChangeNothing() {
        SurveyAccumulator acc = new SurveyAccumulator(SURVEY).add(COMPLETE[0]);
        assertThatThrownBy(() -> acc.add(6, 4, 7, 1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for question q1 CSAT[1..5] (valid values 1 - 5): 6");
        assertThatThrownBy(() -> acc.add(5, 4, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid number of answers (expected 5, one per question): 3");
        assertThatThrownBy(() -> acc.combine(new SurveyAccumulator(Survey.parse("q1 csat 1-5"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Survey mismatch");
        assertThat(acc.snapshot()).isEqualTo(result(SURVEY, COMPLETE[0]));
    }

    @Test
    void emptyAndTinyGroups() {
        SurveyResult none = result(SURVEY);
        assertThat(none.index().isEmpty()).isTrue();
        assertThatThrownBy(() -> none.index().estimate()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("n = 0");
        assertThatThrownBy(() -> none.netIndex().estimate()).isInstanceOf(IllegalStateException.class);
        SurveyResult one = result(SURVEY, COMPLETE[0]);
        assertThat(one.index().estimate()).isCloseTo(575.0 / 6, within(1e-12));
        assertThat(one.index().hasSpread()).isFalse();
        assertThatThrownBy(() -> one.index().interval(0.95)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> one.acsiIndex().standardError()).isInstanceOf(IllegalStateException.class);
        // all identical: zero-width interval, inside the range
        SurveyResult same = result(SURVEY, COMPLETE[0], COMPLETE[0]);
        assertThat(same.index().interval(0.95).width()).isZero();
        // intervals are cut to the index range: two respondents at 100 and 95.83
        Interval top = result(SURVEY, COMPLETE[0], new int[] {5, 5, 7, 1, 10}).index().interval(0.95);
        assertThat(top.upper()).isEqualTo(100.0);
    }
}
