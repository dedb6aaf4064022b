package io.github.cxmetrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.io.TallyFormat;
import io.github.cxmetrics.io.TallyStore;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanInterval;
import io.github.cxmetrics.stats.MeanTest;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.stats.NpsVariance;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.stats.TwoProportions;
import io.github.cxmetrics.tally.ConcurrentTallyAccumulator;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the catalogue in {@code docs/errors.md}: for each row, a matrix of invalid arguments through
 * every entry point the row names, asserting the documented exception type and message shape. A row
 * without cases, or cases without a row, fail the test, so the page and the code cannot drift apart.
 */
class ErrorCatalogueTest {

    // ---- the invalid-argument matrix ----------------------------------------------------------------

    /** Not in (0, 1): NaN, ±∞, 0, −0.0, negatives, 1, just above 1, beyond. */
    static final double[] BAD_CONFIDENCE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        -1, -Double.MIN_VALUE, 1, Math.nextUp(1.0), 1.5, 95, Double.MAX_VALUE, -Double.MAX_VALUE};
    /** Not a count: NaN, ±∞, negatives. */
    static final double[] BAD_COUNT = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1,
        -Double.MIN_VALUE, -Double.MAX_VALUE};
    /** Not a positive finite size. */
    static final double[] BAD_POSITIVE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        -1, -Double.MAX_VALUE};
    /** Not a size above 1. */
    static final double[] BAD_ABOVE_ONE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 0.5, 0,
        -1, -Double.MAX_VALUE};
    /** Not finite. */
    static final double[] NOT_FINITE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    /** Not a variance. */
    static final double[] BAD_VARIANCE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1,
        -Double.MIN_VALUE};
    /** Not a probability. */
    static final double[] BAD_P = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1,
        -Double.MIN_VALUE, Math.nextUp(1.0), 2, Double.MAX_VALUE};
    /** Not a weight: NaN, ±∞, negatives, positive but below 2^-64, above 2^64. */
    static final double[] BAD_WEIGHT = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, -0.5,
        -Double.MIN_VALUE, Double.MIN_VALUE, 0x1p-65, Math.nextDown(0x1p-64), Math.nextUp(0x1p64), 0x1p65,
        Double.MAX_VALUE};
    static final long[] BAD_TIMES = {-1, -2, Long.MIN_VALUE};

    static final List<Scale> SCALES = List.of(NpsScale.STANDARD, NpsScale.of(1, 5, 3, 4), NpsScale.of(-5, 5, -1, -1),
            CsatScale.FIVE_POINT, CsatScale.of(1, 7), CsatScale.of(0, 10).withTopBox(5), CesScale.AGREEMENT_7,
            CesScale.EFFORT_5, CesScale.of(-3, 3, Direction.HIGHER_IS_BETTER));

    static int[] badScores(Scale s) {
        return new int[] {Integer.MIN_VALUE, s.min() - 1000, s.min() - 1, s.max() + 1, s.max() + 1000,
            Integer.MAX_VALUE};
    }

    // ---- fixtures with data -------------------------------------------------------------------------

    static final Tally NPS_TALLY = Tally.of(NpsScale.STANDARD, 1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5);
    static final Tally CSAT_TALLY = Tally.of(CsatScale.FIVE_POINT, 1, 2, 3, 4, 5);
    static final Tally CES_TALLY = Tally.of(CesScale.AGREEMENT_7, 1, 0, 1, 0, 1, 0, 1);
    static final WeightedTally ZERO_WEIGHT_NPS = new WeightedTallyAccumulator(NpsScale.STANDARD).add(9, 0).add(3, 0)
            .snapshot();
    static final WeightedTally ZERO_WEIGHT_CSAT = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(5, 0)
            .snapshot();

    /** The cases of each catalogue row. */
    private static final Map<String, List<Executable>> CASES = new LinkedHashMap<>();

    private static void add(String id, Executable e) {
        CASES.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
    }

    static {
        scales();
        tallies();
        scores();
        stats();
        files();
    }

    private static void scales() {
        for (String text : new String[] {"", "1-5", "nps[0..10]", " NPS[0..10]", "KTO[0..10]", "Scale[1..5]"}) {
            add("S12", () -> Scale.parse(text));
        }
        for (String text : new String[] {"NPS[0-10]", "CSAT[1..5; top-2]", "CSAT[1..5] ", "CES[1..5-effort]"}) {
            add("S13", () -> Scale.parse(text));
        }
        for (Scale s : SCALES) {
            for (int score : badScores(s)) {
                add("S1", () -> s.requireValid(score));
                add("S1", () -> s.indexOf(score));
                add("S1", () -> s.isFavorable(score));
                add("S1", () -> s.isUnfavorable(score));
                add("S1", () -> s.label(score, Locale.ENGLISH));
                add("S1", () -> s.label(score, Locale.forLanguageTag("nl")));
                add("S1", () -> Tally.empty(s).count(score));
                add("S1", () -> WeightedTally.empty(s).count(score));
                add("S1", () -> new TallyAccumulator(s).add(score));
                add("S1", () -> new TallyAccumulator(s).add(score, 1));
                add("S1", () -> new WeightedTallyAccumulator(s).add(score, 1.0));
                add("S1", () -> new ConcurrentTallyAccumulator(s).add(score));
                add("S1", () -> new ConcurrentTallyAccumulator(s).add(score, 5));
                if (s instanceof NpsScale nps) {
                    add("S1", () -> nps.categoryOf(score));
                }
                add("S2", () -> s.scoreOf(score));
            }
            for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5,
                s.min() - 0.5, s.max() + 0.5, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE + s.min()}) {
                if (v != Math.rint(v) || !s.contains((int) v) || Double.isInfinite(v) || Math.abs(v) > 1e9) {
                    add("S2", () -> s.scoreOf(v));
                }
            }
            for (String blank : new String[] {"", " ", "\t\n "}) {
                add("S3", () -> s.parseScore(blank));
            }
            for (String text : new String[] {"abc", "4.5", "1e1", "0x5", "NaN", "Infinity", "-Infinity", "99999999999",
                "--1", Integer.toString(s.max() + 1), Integer.toString(s.min() - 1), s.max() + ".5"}) {
                add("S4", () -> s.parseScore(text));
            }
        }
        int[][] badRanges = {{5, 5}, {5, 1}, {0, 0}, {Integer.MAX_VALUE, Integer.MIN_VALUE}, {-1, -1}};
        for (int[] r : badRanges) {
            add("S5", () -> CsatScale.of(r[0], r[1]));
            add("S5", () -> CesScale.of(r[0], r[1], Direction.HIGHER_IS_BETTER));
            add("S5", () -> NpsScale.of(r[0], r[1], r[0], r[0]));
        }
        int[][] tooLong = {{0, 1001}, {1, 1002}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {-1_000_000, 1_000_000}};
        for (int[] r : tooLong) {
            add("S6", () -> CsatScale.of(r[0], r[1]));
            add("S6", () -> CesScale.of(r[0], r[1], Direction.LOWER_IS_BETTER));
            add("S6", () -> NpsScale.of(r[0], r[1], r[0], r[0]));
        }
        int[][] badBreaks = {{-1, 8}, {11, 11}, {10, 10}, {7, 6}, {6, 10}, {Integer.MIN_VALUE, 8}, {6, Integer.MAX_VALUE}};
        for (int[] b : badBreaks) {
            add("S7", () -> NpsScale.of(0, 10, b[0], b[1]));
        }
        for (int k : new int[] {Integer.MIN_VALUE, -1, 0, 5, 6, Integer.MAX_VALUE}) {
            add("S8", () -> CsatScale.FIVE_POINT.withTopBox(k));
        }
        for (String text : new String[] {"", "x", "1", "1-", "1-5-7", "CSAT[1..5", "1.5-5", "1-9999999999"}) {
            add("S9", () -> CsatScale.parse(text));
            add("S9", () -> CesScale.parse(text));
            add("S9", () -> NpsScale.parse(text));
        }
        for (String text : new String[] {"1-5", "NPS[1..5]", "0-9", "NPS[-10..10]"}) {
            add("S10", () -> NpsScale.parse(text));
        }
        for (String text : new String[] {"NPS[1..5; 1-2/4-4/5-5]", "NPS[0..10; 1-6/7-8/9-10]", "NPS[0..10; 0-6/7-8/9-11]"}) {
            add("S11", () -> NpsScale.parse(text));
        }
    }

    private static void tallies() {
        for (Scale s : SCALES) {
            for (int len : new int[] {0, s.points() - 1, s.points() + 1}) {
                add("T1", () -> Tally.of(s, new long[len]));
                add("T1", () -> WeightedTally.of(s, new long[len], zeros(s.points()), zeros(s.points())));
            }
            for (long bad : new long[] {-1, Long.MIN_VALUE}) {
                long[] counts = new long[s.points()];
                counts[s.points() - 1] = bad;
                add("T2", () -> Tally.of(s, counts));
                add("T2", () -> WeightedTally.of(s, counts, zeros(s.points()), zeros(s.points())));
            }
            for (long t : BAD_TIMES) {
                add("T7", () -> new TallyAccumulator(s).add(s.min(), t));
                add("T7", () -> new ConcurrentTallyAccumulator(s).add(s.max(), t));
            }
            for (int score : badScores(s)) {
                add("T8", () -> new TallyAccumulator(s).addAll(s.min(), s.max(), score));
                add("T8", () -> new WeightedTallyAccumulator(s).addAll(new int[] {s.min(), score}, new double[] {1, 1}));
                if (score >= Byte.MIN_VALUE && score <= Byte.MAX_VALUE) {
                    byte[] bytes = {(byte) s.min(), (byte) score};
                    add("T8", () -> new TallyAccumulator(s).addAll(bytes));
                    add("T8", () -> new TallyAccumulator(s).addAll(new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) score}, 7, 8));
                }
            }
            add("T6", () -> new TallyAccumulator(s).add((Integer) null));
            add("T6", () -> Stream.of(s.min(), null).collect(Tally.toTally(s)));
        }
        for (String text : new String[] {"", "Tally[]", "Tally[CSAT[1..5] 1, 2, 3, 4, 5]", "CSAT[1..5]: 1, 2, 3, 4, 5",
            "Tally[CSAT[1..5]: 1, 2, 3, 4, 5"}) {
            add("T22", () -> Tally.parse(text));
        }
        for (String text : new String[] {"Tally[CSAT[1..5]: 1, 2, 3, 4, -5]", "Tally[CSAT[1..5]: 01, 2, 3, 4, 5]",
            "Tally[CSAT[1..5]: 1,2, 3, 4, 5]", "Tally[CSAT[1..5]: 1, 2, 3, 4, 9223372036854775808]",
            "Tally[CSAT[1..5]: 1, 2, 3, 4, +5]", "Tally[CSAT[1..5]: 1, 2, 3, 4, ]"}) {
            add("T23", () -> Tally.parse(text));
        }
        add("T21", () -> Nps.of(-1, 0, 0));
        add("T21", () -> Nps.of(0, Long.MIN_VALUE, 0));
        add("T21", () -> Nps.of(0, 0, -5));
        add("T3", () -> Tally.of(CsatScale.FIVE_POINT, Long.MAX_VALUE, 1, 0, 0, 0));
        add("T3", () -> Nps.of(Long.MAX_VALUE, Long.MAX_VALUE, 0));
        Tally full = Tally.of(CsatScale.FIVE_POINT, Long.MAX_VALUE, 0, 0, 0, 0);
        add("T3", () -> full.plus(Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 0, 1)));
        add("T3", () -> new TallyAccumulator(CsatScale.FIVE_POINT).addAll(full).add(1));
        add("T3", () -> new TallyAccumulator(CsatScale.FIVE_POINT).addAll(full).add(2, 1));
        add("T3", () -> new TallyAccumulator(CsatScale.FIVE_POINT).addAll(full).addAll(1));
        add("T3", () -> new TallyAccumulator(CsatScale.FIVE_POINT).addAll(full)
                .combine(new TallyAccumulator(CsatScale.FIVE_POINT).add(3)));
        WeightedTally wfull = WeightedTally.of(CsatScale.FIVE_POINT, new long[] {Long.MAX_VALUE, 0, 0, 0, 0},
                zeros(5), zeros(5));
        add("T3", () -> new WeightedTallyAccumulator(CsatScale.FIVE_POINT).addAll(wfull).add(4, 1));
        add("T3", () -> new WeightedTallyAccumulator(CsatScale.FIVE_POINT).addAll(wfull)
                .combine(new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(1, 2)));
        Scale[][] mismatches = {{NpsScale.STANDARD, CesScale.AGREEMENT_7}, {CsatScale.FIVE_POINT, CsatScale.of(1, 7)},
            {CsatScale.FIVE_POINT, CsatScale.FIVE_POINT.withTopBox(1)}, {CesScale.AGREEMENT_7, CesScale.of(1, 7,
            Direction.LOWER_IS_BETTER)}, {NpsScale.STANDARD, NpsScale.of(0, 10, 5, 8)}};
        for (Scale[] m : mismatches) {
            add("T4", () -> Tally.empty(m[0]).plus(Tally.empty(m[1])));
            add("T4", () -> WeightedTally.empty(m[0]).plus(WeightedTally.empty(m[1])));
            add("T4", () -> new TallyAccumulator(m[0]).combine(new TallyAccumulator(m[1])));
            add("T4", () -> new TallyAccumulator(m[0]).addAll(Tally.empty(m[1])));
            add("T4", () -> new WeightedTallyAccumulator(m[0]).combine(new WeightedTallyAccumulator(m[1])));
            add("T4", () -> new WeightedTallyAccumulator(m[0]).addAll(WeightedTally.empty(m[1])));
        }
        add("T5", () -> CSAT_TALLY.countBetween(5, 1));
        add("T5", () -> CSAT_TALLY.countBetween(3, 2));
        for (double w : BAD_WEIGHT) {
            add("T9", () -> new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(3, w));
            add("T9", () -> WeightedTallyAccumulator.requireValidWeight(w));
            add("T10", () -> new WeightedTallyAccumulator(CsatScale.FIVE_POINT).addAll(new int[] {1, 2},
                    new double[] {1, w}));
        }
        add("T11", () -> new WeightedTallyAccumulator(CsatScale.FIVE_POINT).addAll(new int[] {1}, new double[0]));
        add("T11", () -> new WeightedTallyAccumulator(CsatScale.FIVE_POINT).addAll(new int[0], new double[] {1}));
        add("T12", () -> WeightedTally.of(CsatScale.FIVE_POINT, new long[5], zeros(4), zeros(5)));
        add("T12", () -> WeightedTally.of(CsatScale.FIVE_POINT, new long[5], zeros(5), zeros(6)));
        long[] one = {0, 0, 0, 0, 1};
        for (String bad : new String[] {"-1", "-0.5", "-1E-300"}) {
            add("T13", () -> WeightedTally.of(CsatScale.FIVE_POINT, one, sums(bad), sums("1")));
            add("T13", () -> WeightedTally.of(CsatScale.FIVE_POINT, one, sums("1"), sums(bad)));
        }
        for (String bad : new String[] {"0.1", "1E-300", "0.3333333333333333"}) {
            add("T14", () -> WeightedTally.of(CsatScale.FIVE_POINT, one, sums(bad), sums("1")));
        }
        String huge = new BigDecimal(BigInteger.ONE.shiftLeft(279)).toPlainString();
        add("T15", () -> WeightedTally.of(CsatScale.FIVE_POINT, one, sums(huge), sums("1")));
        add("T15", () -> WeightedTally.of(CsatScale.FIVE_POINT, one, sums("1"), sums("1E+100")));
        add("T16", () -> WeightedTally.of(CsatScale.FIVE_POINT, new long[5], sums("1"), sums("1")));
        add("T16", () -> WeightedTally.of(CsatScale.FIVE_POINT, new long[5], zeros(5), sums("0.5")));
        add("T17", () -> WeightedTally.empty(NpsScale.STANDARD).effectiveN());
        add("T17", () -> WeightedTally.empty(CsatScale.FIVE_POINT).designEffect());
        add("T18", ZERO_WEIGHT_NPS::effectiveN);
        add("T18", ZERO_WEIGHT_CSAT::designEffect);
        for (int stripes : new int[] {Integer.MIN_VALUE, -1, 0, 257, Integer.MAX_VALUE}) {
            add("T19", () -> new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, stripes));
        }
        add("T20", () -> new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, 1).add(2, Long.MAX_VALUE).add(2));
        add("T20", () -> new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, 1).add(2, 5).add(2, Long.MAX_VALUE));
    }

    private static void scores() {
        for (Tally wrong : new Tally[] {CSAT_TALLY, CES_TALLY}) {
            add("R1", () -> Nps.of(wrong));
        }
        for (Tally wrong : new Tally[] {NPS_TALLY, CES_TALLY}) {
            add("R1", () -> Csat.of(wrong));
        }
        for (Tally wrong : new Tally[] {NPS_TALLY, CSAT_TALLY}) {
            add("R1", () -> Ces.of(wrong));
        }
        add("R1", () -> Nps.of(WeightedTally.empty(CsatScale.FIVE_POINT)));
        add("R1", () -> Csat.of(WeightedTally.empty(CesScale.EFFORT_5)));
        add("R1", () -> Ces.of(WeightedTally.empty(NpsScale.STANDARD)));

        Nps emptyNps = Nps.of(Tally.empty(NpsScale.STANDARD));
        Csat emptyCsat = Csat.of(Tally.empty(CsatScale.FIVE_POINT));
        Ces emptyCes = Ces.of(Tally.empty(CesScale.AGREEMENT_7));
        Mean emptyMean = Mean.of(Tally.empty(CsatScale.FIVE_POINT));
        Nps nps = Nps.of(NPS_TALLY);
        Csat csat = Csat.of(CSAT_TALLY);
        Ces ces = Ces.of(CES_TALLY);
        Mean mean = Mean.of(CSAT_TALLY);
        for (Nps e : new Nps[] {emptyNps, Nps.of(ZERO_WEIGHT_NPS)}) {
            String id = e.isWeighted() ? "R3" : "R2";
            add(id, e::score);
            add(id, () -> e.share(io.github.cxmetrics.scale.NpsCategory.PROMOTER));
            add(id, e::variance);
            add(id, e::standardError);
            add(id, e::interval);
            add(id, () -> e.interval(0.9, NpsInterval.TANGO));
            add(id, () -> e.versusBenchmark(30, 0.95));
            add(id, () -> Comparisons.nps(e, nps, 0.95));
            add(id, () -> Comparisons.nps(nps, e, 0.95, NpsTest.WALD));
        }
        add("R2", emptyCsat::distribution);
        add("R2", emptyCes::score);
        add("R2", emptyCes::interval);
        add("R2", emptyMean::value);
        add("R2", emptyMean::variance);
        add("R2", emptyMean::standardError);
        add("R2", () -> emptyMean.interval(0.9));
        add("R2", () -> Comparisons.ces(emptyCes, ces, 0.95));
        add("R2", () -> Comparisons.csatMeans(csat, emptyCsat, 0.95));
        add("R2", () -> Comparisons.means(emptyMean, mean, 0.95, MeanTest.STUDENT));
        Csat zeroCsat = Csat.of(ZERO_WEIGHT_CSAT);
        add("R3", zeroCsat::score);
        add("R3", zeroCsat::distribution);
        add("R3", () -> zeroCsat.mean().value());
        add("R3", () -> zeroCsat.satisfiedShare().estimate());
        add("R3", () -> Proportion.favorable(ZERO_WEIGHT_NPS).interval());
        Proportion emptyShare = Proportion.of(0, 0);
        add("R4", emptyShare::estimate);
        add("R4", emptyShare::standardError);
        add("R4", emptyShare::interval);
        for (ProportionInterval m : ProportionInterval.values()) {
            add("R4", () -> emptyShare.interval(0.9, m));
            add("R4", () -> emptyCsat.interval(0.9, m));
        }
        add("R4", emptyCsat::score);
        add("R4", () -> emptyCsat.satisfiedShare().estimate());
        add("R4", () -> emptyCes.easyShare().interval());
        add("R4", () -> Proportion.topBox(Tally.empty(CsatScale.FIVE_POINT), 2).estimate());
        add("R4", () -> Comparisons.proportions(emptyShare, Proportion.of(1, 2), 0.95));
        add("R4", () -> Comparisons.csat(csat, emptyCsat, 0.95));
        Mean single = Mean.of(Tally.of(CsatScale.FIVE_POINT, 0, 0, 1, 0, 0));
        add("R5", single::variance);
        add("R5", single::standardDeviation);
        add("R5", single::standardError);
        add("R5", single::interval);
        add("R5", () -> Ces.of(Tally.of(CesScale.AGREEMENT_7, 0, 0, 0, 0, 0, 0, 1)).interval());
        add("R5", () -> Comparisons.means(single, mean, 0.95, MeanTest.WELCH));
        add("R5", () -> Comparisons.csatMeans(csat, Csat.of(Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 0, 1)), 0.95));
        Proportion share = Proportion.of(3, 10);
        Mean mean2 = Mean.of(Tally.of(CsatScale.FIVE_POINT, 5, 4, 3, 2, 1));
        for (double c : BAD_CONFIDENCE) {
            add("R6", () -> nps.interval(c));
            for (NpsInterval m : NpsInterval.values()) {
                add("R6", () -> nps.interval(c, m));
            }
            add("R6", () -> csat.interval(c));
            for (ProportionInterval m : ProportionInterval.values()) {
                add("R6", () -> csat.interval(c, m));
                add("R6", () -> share.interval(c, m));
            }
            add("R6", () -> ces.interval(c));
            add("R6", () -> mean.interval(c));
            add("R6", () -> share.interval(c));
            add("R6", () -> nps.versusBenchmark(0, c));
            add("R6", () -> Comparisons.nps(nps, nps, c));
            add("R6", () -> Comparisons.csat(csat, csat, c));
            add("R6", () -> Comparisons.csatMeans(csat, csat, c));
            add("R6", () -> Comparisons.ces(ces, ces, c));
            add("R6", () -> Comparisons.means(mean, mean2, c, MeanTest.WELCH));
            add("R6", () -> Comparisons.proportions(share, share, c));
        }
        for (long n : new long[] {-1, Long.MIN_VALUE}) {
            add("R7", () -> Proportion.of(0, n));
        }
        for (long[] xn : new long[][] {{-1, 5}, {6, 5}, {Long.MIN_VALUE, 5}, {Long.MAX_VALUE, 5}, {1, 0}}) {
            add("R8", () -> Proportion.of(xn[0], xn[1]));
        }
        for (int k : new int[] {Integer.MIN_VALUE, -1, 0, 6, Integer.MAX_VALUE}) {
            add("R9", () -> Proportion.topBox(CSAT_TALLY, k));
            add("R9", () -> Proportion.bottomBox(CSAT_TALLY, k));
        }
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -100.5, 101,
            Double.MAX_VALUE}) {
            add("R10", () -> nps.versusBenchmark(v, 0.95));
            for (NpsTest t : NpsTest.values()) {
                add("R10", () -> nps.versusBenchmark(v, 0.95, t));
                add("R10", () -> t.compareToValue(3, 2, 1, v, 0.95));
            }
        }
        add("R11", () -> Comparisons.nps(nps, Nps.of(Tally.of(NpsScale.of(1, 5, 3, 4), 1, 1, 1, 1, 1)), 0.95));
        add("R11", () -> Comparisons.csat(csat, Csat.of(Tally.of(CsatScale.of(1, 7), 1, 1, 1, 1, 1, 1, 1)), 0.95));
        add("R11", () -> Comparisons.csatMeans(csat, Csat.of(Tally.of(CsatScale.FIVE_POINT.withTopBox(3),
                1, 1, 1, 1, 1)), 0.95));
        add("R11", () -> Comparisons.ces(ces, Ces.of(Tally.of(CesScale.EFFORT_5, 1, 1, 1, 1, 1)), 0.95));
        add("R11", () -> Comparisons.means(mean, Mean.of(CES_TALLY), 0.95, MeanTest.WELCH));
    }

    private static void stats() {
        for (double c : BAD_CONFIDENCE) {
            add("I1", () -> Checks.confidence(c));
            for (NpsInterval m : NpsInterval.values()) {
                add("I1", () -> m.of(3, 2, 1, c));
            }
            for (ProportionInterval m : ProportionInterval.values()) {
                add("I1", () -> m.of(3, 10, c));
            }
            for (NpsTest t : NpsTest.values()) {
                add("I1", () -> t.compare(3, 2, 1, 1, 2, 3, c));
                add("I1", () -> t.compareToValue(3, 2, 1, 10, c));
            }
            for (MeanTest t : MeanTest.values()) {
                add("I1", () -> t.compare(3, 1, 10, 4, 1, 10, c));
            }
            add("I1", () -> MeanInterval.studentT(3, 1, 10, c));
            add("I1", () -> TwoProportions.compare(3, 10, 4, 10, c));
            add("I1", () -> new Interval(0, 0, 0, c));
            add("I1", () -> new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 0.5, c));
        }
        for (double bad : BAD_COUNT) {
            for (int which = 0; which < 3; which++) {
                double[] c = {3, 2, 1};
                c[which] = bad;
                for (NpsInterval m : NpsInterval.values()) {
                    add("I2", () -> m.of(c[0], c[1], c[2], 0.95));
                }
                for (NpsTest t : NpsTest.values()) {
                    add("I2", () -> t.compare(c[0], c[1], c[2], 1, 1, 1, 0.95));
                    add("I2", () -> t.compare(1, 1, 1, c[0], c[1], c[2], 0.95));
                    add("I2", () -> t.compareToValue(c[0], c[1], c[2], 0, 0.95));
                }
                add("I2", () -> NpsVariance.of(c[0], c[1], c[2]));
            }
        }
        for (double[] zero : new double[][] {{0, 0, 0}, {0.0, -0.0, 0}}) {
            for (NpsInterval m : NpsInterval.values()) {
                add("I3", () -> m.of(zero[0], zero[1], zero[2], 0.95));
            }
            for (NpsTest t : NpsTest.values()) {
                add("I3", () -> t.compare(zero[0], zero[1], zero[2], 1, 1, 1, 0.95));
                add("I3", () -> t.compareToValue(zero[0], zero[1], zero[2], 0, 0.95));
            }
            add("I3", () -> NpsVariance.of(zero[0], zero[1], zero[2]));
        }
        for (double n : BAD_POSITIVE) {
            for (ProportionInterval m : ProportionInterval.values()) {
                add("I4", () -> m.of(0, n, 0.95));
            }
            add("I4", () -> TwoProportions.compare(0, n, 1, 2, 0.95));
            add("I4", () -> TwoProportions.compare(1, 2, 0, n, 0.95));
        }
        for (double x : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -1,
            -Double.MIN_VALUE, Math.nextUp(10.0), 11}) {
            for (ProportionInterval m : ProportionInterval.values()) {
                add("I5", () -> m.of(x, 10, 0.95));
            }
            add("I5", () -> TwoProportions.compare(x, 10, 1, 2, 0.95));
            add("I5", () -> TwoProportions.compare(1, 2, x, 10, 0.95));
        }
        for (double v : NOT_FINITE) {
            add("I6", () -> MeanInterval.studentT(v, 1, 10, 0.95));
            for (MeanTest t : MeanTest.values()) {
                add("I9", () -> t.compare(v, 1, 10, 4, 1, 10, 0.95));
                add("I9", () -> t.compare(3, 1, 10, v, 1, 10, 0.95));
            }
        }
        for (double v : BAD_VARIANCE) {
            add("I7", () -> MeanInterval.studentT(3, v, 10, 0.95));
            for (MeanTest t : MeanTest.values()) {
                add("I10", () -> t.compare(3, v, 10, 4, 1, 10, 0.95));
                add("I10", () -> t.compare(3, 1, 10, 4, v, 10, 0.95));
            }
        }
        for (double n : BAD_ABOVE_ONE) {
            add("I8", () -> MeanInterval.studentT(3, 1, n, 0.95));
            for (MeanTest t : MeanTest.values()) {
                add("I11", () -> t.compare(3, 1, n, 4, 1, 10, 0.95));
                add("I11", () -> t.compare(3, 1, 10, 4, 1, n, 0.95));
            }
        }
        for (double p : BAD_P) {
            for (PValueAdjustment a : PValueAdjustment.values()) {
                add("I12", () -> a.adjust(0.01, p));
                add("I12", () -> a.adjust(p));
            }
            add("I13", () -> new Comparison(0, 0, 0, 0, 0, 0, 0, 1, p, 0.95));
            add("I13", () -> new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 0.5, 0.95).withPValue(p));
        }
        for (double a : BAD_CONFIDENCE) {
            add("I14", () -> new Comparison(0, 0, 0, 0, 0, 0, 0, 1, 0.5, 0.95).isSignificantAt(a));
        }
        double[][] badIntervals = {{Double.NaN, 0, 1}, {0, Double.NaN, 1}, {0, 1, Double.NaN}, {1, 0, 2}, {0, 2, 1},
            {2, 0, 1}, {Double.POSITIVE_INFINITY, 0, 1}};
        for (double[] b : badIntervals) {
            add("I15", () -> new Interval(b[1], b[0], b[2], 0.95));
        }
        for (double f : BAD_POSITIVE) {
            add("I16", () -> new Interval(0.5, 0.4, 0.6, 0.95).scaled(f));
        }
        for (MeanTest t : MeanTest.values()) {
            add("I17", () -> t.compare(3, 0, 10, 4, 0, 10, 0.95));
        }
        Mean threes = Mean.of(Tally.of(CsatScale.FIVE_POINT, 0, 0, 2, 0, 0));
        Mean fours = Mean.of(Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 2, 0));
        add("I17", () -> Comparisons.means(threes, fours, 0.95, MeanTest.WELCH));
        add("I17", () -> Comparisons.csatMeans(Csat.of(Tally.of(CsatScale.FIVE_POINT, 0, 0, 2, 0, 0)),
                Csat.of(Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 3, 0)), 0.95));
    }

    private static void files() {
        add("F1", () -> TallyFormat.parseTally("cxtally/2 CSAT[1..5] n=0 counts=0,0,0,0,0"));
        add("F1", () -> TallyFormat.parseWeightedTally("cxwtally/99 CSAT[1..5] n=0"));
        add("F2", () -> TallyFormat.parseTally("cxtally/1 CSAT[1..5] n=0 counts=0,0,0,-1,1"));
        add("F2", () -> TallyFormat.parseTally("cxtally/1 CSAT[1..5] n=0 counts=-9223372036854775808,0,0,0,0"));
        add("F3", () -> TallyFormat.parseTally("cxtally/1 CSAT[1..5] n=0 counts=0,0,0,0"));
        add("F3", () -> TallyFormat.parseTally("cxtally/1 NPS[0..10] n=0 counts=0"));
        add("F4", () -> TallyFormat.parseTally("cxtally/1 CSAT[1..5] n=1 counts=0,0,0,0,0"));
        add("F4", () -> TallyFormat.parseTally("cxtally/1 CSAT[1..5] n=9 counts=1,1,1,1,1"));
        add("F5", () -> TallyFormat.parseTally("cxtally/1 CSAT[1..5] n=1"));
        add("F5", () -> TallyFormat.parseWeightedTally("cxwtally/1 CSAT[1..5] n=1 counts=0,0,0,0,1"));
        add("F6", () -> TallyFormat.format("", Tally.empty(CsatScale.FIVE_POINT)));
        add("F6", () -> TallyStore.builder().put("", Tally.empty(CsatScale.FIVE_POINT)));
        add("F7", () -> TallyStore.parse("cxmetrics-tallies/1\nend tallies=1 crc32=2a0d8092\n"));
        add("F7", () -> TallyStore.parse("cxmetrics-tallies/1\nend tallies=0 crc32=2a0d8093\n"));
        add("F7", () -> TallyStore.parse("cxmetrics-tallies/9\n"));
        add("F9", () -> TallyStore.parse(""));
        add("F10", () -> TallyStore.parse("cxmetrics-tallies/1\n"));
        add("F10", () -> TallyStore.parse("cxmetrics-tallies/1\ncxtally/1 key=k CSAT[1..5] n=0 counts=0,0,0,0,0\n"));
        TallyStore a = TallyStore.builder().put("k", Tally.empty(CsatScale.FIVE_POINT)).build();
        TallyStore b = TallyStore.builder().put("k", WeightedTally.empty(CsatScale.FIVE_POINT)).build();
        TallyStore c = TallyStore.builder().put("k", Tally.empty(CsatScale.of(1, 7))).build();
        add("F8", () -> a.plus(b));
        add("F8", () -> a.plus(c));
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] z = new BigDecimal[n];
        java.util.Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    /** Five sums: 0, 0, 0, 0 and the given value (for a tally with its response at 5). */
    private static BigDecimal[] sums(String last) {
        BigDecimal[] z = zeros(5);
        z[4] = new BigDecimal(last);
        return z;
    }

    // ---- the catalogue ------------------------------------------------------------------------------

    record Row(String id, String exception, String shape) {
        Pattern pattern() {
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\{[^}]*\\}").matcher(shape);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(shape.substring(last, m.start()))).append(".*");
                last = m.end();
            }
            regex.append(Pattern.quote(shape.substring(last)));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }

    private static final Pattern ROW = Pattern.compile(
            "^\\| ([A-Z][0-9]+) \\|.*\\| (\\w+Exception) \\| `(.+)` \\|$");

    static List<Row> catalogue() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs", "errors.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(new Row(m.group(1), m.group(2), m.group(3)));
            } else {
                assertThat(line).as("a table row that does not parse").doesNotMatch("^\\| [A-Z][0-9]+ \\|.*");
            }
        }
        return rows;
    }

    static Stream<Arguments> rows() throws IOException {
        return catalogue().stream().map(r -> Arguments.of(r.id(), r));
    }

    @Test
    void everyRowHasCasesAndEveryCaseHasARow() throws IOException {
        List<String> ids = catalogue().stream().map(Row::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(60);
        assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowHoldsForEveryInvalidArgument(String id, Row row) {
        List<Executable> cases = CASES.get(id);
        assertThat(cases).as("cases for " + id).isNotEmpty();
        Pattern shape = row.pattern();
        Function<Throwable, String> name = t -> t.getClass().getSimpleName();
        for (int i = 0; i < cases.size(); i++) {
            Executable e = cases.get(i);
            int index = i;
            assertThatThrownBy(e::execute).as("%s case %d", id, index)
                    .satisfies(t -> assertThat(name.apply(t)).as("%s case %d: %s", id, index, t).isEqualTo(row.exception()))
                    .satisfies(t -> assertThat(t.getMessage()).as("%s case %d", id, index).matches(shape));
        }
    }
}
