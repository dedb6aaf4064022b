package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one-line tally form: hand-written lines, exact round trips, and every rejection. */
class TallyFormatTest {

    /** The example from the issue: 2+1+1+1+2+3+6+10+14+20+40 = 100 responses. */
    private static final String NPS_LINE = "cxtally/1 NPS[0..10] n=100 counts=2,1,1,1,2,3,6,10,14,20,40";

    /** CSAT 1..5: one response at 3 with weight 1.5, at 4 with 2, at 5 with 0.5; squares 2.25, 4, 0.25. */
    private static final String CSAT_WEIGHTED =
            "cxwtally/1 CSAT[1..5] n=3 counts=0,0,1,1,1 sumw=0,0,1.5,2,0.5 sumw2=0,0,2.25,4,0.25";

    @Test
    void writesTheDocumentedLine() {
        Tally t = Tally.of(NpsScale.STANDARD, 2, 1, 1, 1, 2, 3, 6, 10, 14, 20, 40);
        assertThat(TallyFormat.format(t)).isEqualTo(NPS_LINE);
        assertThat(TallyFormat.parseTally(NPS_LINE)).isEqualTo(t);
        assertThat(TallyFormat.format("2025-W03|phone", t))
                .isEqualTo("cxtally/1 key=2025-W03|phone NPS[0..10] n=100 counts=2,1,1,1,2,3,6,10,14,20,40");
    }

    @Test
    void writesExactWeightSums() {
        WeightedTally w = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(3, 1.5).add(4, 2).add(5, 0.5)
                .snapshot();
        assertThat(TallyFormat.format(w)).isEqualTo(CSAT_WEIGHTED);
        assertThat(TallyFormat.parseWeightedTally(CSAT_WEIGHTED)).isEqualTo(w);
    }

    @Test
    void keepsEveryDigitOfNonDyadicWeights() {
        // Python: Decimal(0.1) + Decimal(0.2) and Decimal(0.1)**2 + Decimal(0.2)**2 with prec=500: the
        // exact sums of the two doubles, not the double 0.30000000000000004.
        WeightedTally w = new WeightedTallyAccumulator(CesScale.AGREEMENT_7).add(7, 0.1).add(7, 0.2).snapshot();
        String line = TallyFormat.format(w);
        assertThat(line).endsWith(" sumw=0,0,0,0,0,0,0.3000000000000000166533453693773481063544750213623046875"
                + " sumw2=0,0,0,0,0,0,0.05000000000000000555111512312578285619255389143296980697823540679418548304"
                + "813185723105561919510364532470703125");
        WeightedTally back = TallyFormat.parseWeightedTally(line);
        assertThat(back).isEqualTo(w);
        assertThat(back.sumOfWeightsExact(7)).isEqualTo(w.sumOfWeightsExact(7));
        assertThat(Double.doubleToRawLongBits(back.sumOfSquaredWeights()))
                .isEqualTo(Double.doubleToRawLongBits(w.sumOfSquaredWeights()));
    }

    @Test
    void writesEveryScaleByItsToString() {
        assertThat(TallyFormat.format(Tally.of(NpsScale.of(1, 5, 3, 4), 1, 0, 0, 0, 2)))
                .isEqualTo("cxtally/1 NPS[1..5; 1-3/4-4/5-5] n=3 counts=1,0,0,0,2");
        assertThat(TallyFormat.format(Tally.of(CsatScale.FIVE_POINT.withTopBox(3), 0, 0, 0, 0, 1)))
                .isEqualTo("cxtally/1 CSAT[1..5; top-3] n=1 counts=0,0,0,0,1");
        assertThat(TallyFormat.format(Tally.empty(CesScale.EFFORT_5)))
                .isEqualTo("cxtally/1 CES[1..5 effort] n=0 counts=0,0,0,0,0");
        Tally negative = Tally.of(CesScale.of(-3, 3, Direction.HIGHER_IS_BETTER), 1, 2, 3, 4, 5, 6, 7);
        assertThat(TallyFormat.parseTally(TallyFormat.format(negative))).isEqualTo(negative);
        Tally nps = Tally.of(NpsScale.of(-5, 5, -1, -1), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9);
        assertThat(TallyFormat.format(nps)).contains("NPS[-5..5; -5--1/0--1/0-5]");
        assertThat(TallyFormat.parseTally(TallyFormat.format(nps))).isEqualTo(nps);
    }

    @Test
    void zeroWeightResponsesAreCountedWithoutWeight() {
        WeightedTally w = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(2, 0).add(2, 0).snapshot();
        String line = TallyFormat.format("k", w);
        assertThat(line).isEqualTo("cxwtally/1 key=k CSAT[1..5] n=2 counts=0,2,0,0,0 sumw=0,0,0,0,0 sumw2=0,0,0,0,0");
        assertThat(TallyFormat.parseWeightedTally(line)).isEqualTo(w);
    }

    @Test
    void largeWeightsAndCountsRoundTrip() {
        WeightedTally w = new WeightedTallyAccumulator(CsatScale.FIVE_POINT)
                .add(1, WeightedTallyAccumulator.MAX_WEIGHT).add(1, WeightedTallyAccumulator.MIN_POSITIVE_WEIGHT)
                .snapshot();
        String line = TallyFormat.format(w);
        // 2^64 + 2^-64 written out exactly: 18446744073709551616.0000000000000000000542101086242752217003726400434970855712890625
        assertThat(line).contains("sumw=18446744073709551616.0000000000000000000542101086242752217003726400434970855712890625,");
        assertThat(TallyFormat.parseWeightedTally(line)).isEqualTo(w);
        Tally huge = Tally.of(CsatScale.FIVE_POINT, Long.MAX_VALUE, 0, 0, 0, 0);
        assertThat(TallyFormat.parseTally(TallyFormat.format(huge))).isEqualTo(huge);
    }

    @Test
    void keysArePercentEncodedUtf8() {
        Tally t = Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 0, 1);
        // "é" is UTF-8 C3 A9; space 20; % 25; "€" E2 82 AC; tab 09
        String key = "week 3|caf\u00e9|100%|\u20ac\t";
        String line = TallyFormat.format(key, t);
        assertThat(line).startsWith("cxtally/1 key=week%203|caf%C3%A9|100%25|%E2%82%AC%09 CSAT[1..5] ");
        TallyFormat.Parsed p = TallyFormat.parse(line);
        assertThat(p.key).isEqualTo(key);
        assertThat(p.tally).isEqualTo(t);
        assertThat(TallyFormat.parse(TallyFormat.format(t)).key).isNull();
    }

    @Test
    void rejectsBadKeysOnWriting() {
        Tally t = Tally.empty(CsatScale.FIVE_POINT);
        assertThatThrownBy(() -> TallyFormat.format("", t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid key (valid values: non-empty text): \"\"");
        assertThatThrownBy(() -> TallyFormat.format("a\ud800b", t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid key (not valid Unicode text)");
    }

    @Test
    void rejectsTheWrongKind() {
        assertThatThrownBy(() -> TallyFormat.parseWeightedTally(NPS_LINE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid tally line (expected cxwtally/1, found an unweighted tally cxtally/1)");
        assertThatThrownBy(() -> TallyFormat.parseTally(CSAT_WEIGHTED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid tally line (expected cxtally/1, found a weighted tally cxwtally/1)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // line | message fragment
        "'' | Invalid tally line (truncated after character 0)",
        "cxtally/1 | Invalid tally line (truncated after character 9)",
        "cxtally/2 NPS[0..10] n=0 counts=0,0,0,0,0,0,0,0,0,0,0 | Unsupported tally format version 2 (this library reads version 1): cxtally/2",
        "cxwtally/17 CSAT[1..5] n=0 | Unsupported tally format version 17",
        "cxtally/x NPS[0..10] n=0 | Invalid tally format version (expected a number): cxtally/x",
        "tally/1 NPS[0..10] n=0 | Invalid tally line (expected cxtally/1 or cxwtally/1 at the start)",
        "cxtally/1 NPS[0..10 n=0 | Invalid scale (expected NPS[..], CSAT[..] or CES[..])",
        "cxtally/1 KTO[0..10] n=0 | Invalid scale (expected NPS[..], CSAT[..] or CES[..]): \"KTO[0..10]\"",
        "cxtally/1 NPS[1..5] n=0 counts=0,0,0,0,0 | Invalid NPS scale (only 0..10 has default categories",
        "cxtally/1 CSAT[1..5; top-2] n=0 counts=0,0,0,0,0 | Invalid scale (expected its canonical form CSAT[1..5]): CSAT[1..5; top-2]",
        "cxtally/1 CSAT[5..1] n=0 counts=0 | Invalid range for CSAT scale (min must be below max): 5..1",
        "cxtally/1 CSAT[1..5]n=0 counts=0,0,0,0,0 | expected \" n=\" at character 21",
        "cxtally/1 CSAT[1..5] counts=0,0,0,0,0 | expected n= at character 22",
        "cxtally/1 CSAT[1..5] n=-1 counts=0,0,0,0,0 | Invalid n (expected a whole number 0 - 9223372036854775807 without sign or leading zeros): \"-1\"",
        "cxtally/1 CSAT[1..5] n=01 counts=0,0,0,0,1 | Invalid n (expected a whole number",
        "cxtally/1 CSAT[1..5] n=9223372036854775808 counts=0,0,0,0,0 | Invalid n (valid values 0 - 9223372036854775807): 9223372036854775808",
        "cxtally/1 CSAT[1..5] n=1 | expected \" counts=\" at character 25",
        "cxtally/1 CSAT[1..5] n=1 sums=1 | expected counts= at character 26",
        "cxtally/1 CSAT[1..5] n=1 counts=0,0,0,1 | Invalid number of counts for CSAT[1..5] (expected 5, one per point 1..5): 4",
        "cxtally/1 CSAT[1..5] n=1 counts=0,0,0,0,0,1 | Invalid number of counts for CSAT[1..5] (expected 5, one per point 1..5): 6",
        "cxtally/1 CSAT[1..5] n=1 counts=0,0,0,0, | Invalid count for score 5 (expected a whole number without sign or leading zeros): \"\"",
        "cxtally/1 CSAT[1..5] n=1 counts=2,0,0,0,-1 | Invalid count for score 5 (valid values >= 0): \"-1\"",
        "cxtally/1 CSAT[1..5] n=1 counts=0,x,0,0,1 | Invalid count for score 2 (expected a whole number without sign or leading zeros): \"x\"",
        "cxtally/1 CSAT[1..5] n=1 counts=0,+1,0,0,0 | Invalid count for score 2 (expected a whole number",
        "cxtally/1 CSAT[1..5] n=1 counts=0,1e3,0,0,0 | Invalid count for score 2 (expected a whole number",
        "cxtally/1 CSAT[1..5] n=0 counts=0,0,0,0,9223372036854775808 | Invalid count for score 5 (valid values 0 - 9223372036854775807): 9223372036854775808",
        "cxtally/1 CSAT[1..5] n=2 counts=0,0,0,0,1 | Invalid n (expected the sum of the counts, 1): 2",
        "cxtally/1 CSAT[1..5] n=0 counts=9223372036854775807,1,0,0,0 | Invalid counts (their sum exceeds 9223372036854775807)",
        "'cxtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 ' | Invalid tally line (unexpected text at character 42): \" \"",
        "cxtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 x | Invalid tally line (unexpected text at character 42): \" x\"",
        "cxtally/1 key= CSAT[1..5] n=0 counts=0,0,0,0,0 | Invalid key (valid values: non-empty text): \"\"",
        "cxtally/1 key=a%2 CSAT[1..5] n=0 counts=0,0,0,0,0 | Invalid key (expected %XX with two upper-case hex digits at character 2): a%2",
        "cxtally/1 key=a%e9 CSAT[1..5] n=0 counts=0,0,0,0,0 | Invalid key (expected %XX with two upper-case hex digits at character 2): a%e9",
        "cxtally/1 key=%C3 CSAT[1..5] n=0 counts=0,0,0,0,0 | Invalid key (its bytes are not UTF-8): %C3",
        "cxtally/1 key=caf\u00e9 CSAT[1..5] n=0 counts=0,0,0,0,0 | Invalid key (unencoded character U+00E9 at character 4): caf\u00e9",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 | expected \" sumw=\" at character 43",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,1 | expected \" sumw2=\" at character 58",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,1 sumw2=0,0,0,0,1 | Invalid number of sumw for CSAT[1..5] (expected 5, one per point 1..5): 4",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,-1 sumw2=0,0,0,0,1 | Invalid sumw for score 5 (expected a plain decimal >= 0 with at most 85 integer and 232 fraction digits, no trailing zeros): \"-1\"",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,1.50 sumw2=0,0,0,0,2.25 | Invalid sumw for score 5 (expected a plain decimal",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,1e2 sumw2=0,0,0,0,1e4 | Invalid sumw for score 5 (expected a plain decimal",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,1 sumw2=0,0,0,0,NaN | Invalid sumw2 for score 5 (expected a plain decimal",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,1 sumw2=0,0,0,0,1 x | Invalid tally line (unexpected text at character 74)",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,1,1 sumw2=0,0,0,1,1 | Invalid weight sums for score 4 (expected 0 for a point without responses): sumw=1, sumw2=1",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,2 sumw2=0,0,0,0,3 | Invalid weight sums for score 5 (expected sumw2 <= sumw^2 <= 1 * sumw2 for 1 responses): sumw=2, sumw2=3",
        "cxwtally/1 CSAT[1..5] n=2 counts=0,0,0,0,2 sumw=0,0,0,0,2 sumw2=0,0,0,0,1 | Invalid weight sums for score 5 (expected sumw2 <= sumw^2 <= 2 * sumw2 for 2 responses): sumw=2, sumw2=1",
        "cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1 sumw=0,0,0,0,0.1 sumw2=0,0,0,0,0.01 | Invalid sum of weights (not a multiple of 2^-232): 0.1",
    })
    void rejectsMalformedLines(String line, String fragment) {
        assertThatThrownBy(() -> TallyFormat.parse(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment.strip());
    }

    @Test
    void abbreviatesLongInputInMessages() {
        String line = "cxtally/1 CSAT[1..5] n=1 counts=0,0,0,0," + "9".repeat(1_000_000);
        assertThatThrownBy(() -> TallyFormat.parse(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("...\" (1000000 characters)");
        assertThat(TallyFormat.abbreviate("x".repeat(80))).isEqualTo('"' + "x".repeat(80) + '"');
        assertThat(TallyFormat.abbreviate("x".repeat(81))).isEqualTo('"' + "x".repeat(77) + "...\" (81 characters)");
    }

    @Test
    void plainDecimalIsCanonical() {
        assertThat(TallyFormat.plain(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(TallyFormat.plain(new BigDecimal("1.500"))).isEqualTo("1.5");
        assertThat(TallyFormat.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void weightSumsAtTheirExtremesAreConsistent() {
        // One response of weight w has sumw = w, sumw2 = w^2: both Cauchy–Schwarz bounds are equalities.
        TallyFormat.checkConsistent(1, 1, new BigDecimal("1.5"), new BigDecimal("2.25"));
        // Two responses of weight 1: sumw2 = 2 <= sumw^2 = 4 = 2 * sumw2.
        TallyFormat.checkConsistent(1, 2, new BigDecimal("2"), new BigDecimal("2"));
        TallyFormat.checkConsistent(1, 3, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThatThrownBy(() -> TallyFormat.checkConsistent(1, 0, BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sumw=0, sumw2=1");
        assertThatThrownBy(() -> TallyFormat.checkConsistent(1, 2, new BigDecimal("2"), new BigDecimal("1.9")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
