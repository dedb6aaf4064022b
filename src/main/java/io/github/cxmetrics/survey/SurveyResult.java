package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.ExactSum;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a survey: per-question tallies (so every per-question score and interval comes
 * from the core: {@code Csat.of(result.tally("q1"))}), completion per question, and three
 * indices.
 *
 * <p>Get one from {@link SurveyAccumulator#snapshot()}. Notation: w<sub>q</sub> the normalised
 * weights, r<sub>iq</sub> respondent i's answer to question q rescaled to 0–100
 * ({@link Question#rescaled(int)}), s<sub>iq</sub> its net value +1/0/−1
 * ({@link Question#net(int)}).
 *
 * <p><b>Who counts where</b> (the missing-answer policy). A per-question tally and its
 * completion rate use every respondent who answered that question; a skipped question is left out
 * of that question only, never counted as a score. The three indices use the <i>eligible</i>
 * respondents: those with at least {@link Survey#minAnswered()} answers (by default every
 * question). Eligible respondents with some questions skipped count in the items they answered.
 *
 * <ul>
 *   <li>{@link #index()}, the KTO index: each eligible respondent's index
 *       I<sub>i</sub> = Σ<sub>answered</sub> w<sub>q</sub>r<sub>iq</sub> / Σ<sub>answered</sub>
 *       w<sub>q</sub> ({@link Survey#respondentIndex(int[])}), and their mean Ī. Respondents are
 *       independent draws, so Var(Ī) = σ²<sub>I</sub>/n and the interval is the Student t
 *       interval of the mean of the I<sub>i</sub>: s<sup>2</sup> with n − 1, df = n − 1. Because
 *       the index is formed per respondent first, the correlation between a respondent's answers
 *       is in σ²<sub>I</sub>; no covariance matrix is needed (Cochran 1977, <i>Sampling
 *       Techniques</i>, §2.)</li>
 *   <li>{@link #netIndex()}, Forrester-style: Σ<sub>q</sub> w<sub>q</sub>(%top<sub>q</sub> −
 *       %bottom<sub>q</sub>), −100…100, with top and bottom the scale's favourable and
 *       unfavourable boxes (top-2 and bottom-2 on 1–5; promoters and detractors on NPS). With equal
 *       weights this is the mean over questions of (%top − %bottom), the principle of Forrester's
 *       CX Index (Forrester Research, "The US Customer Experience Index", methodology); Forrester's
 *       own index also combines loyalty questions with its own weights, which are not
 *       reproduced.</li>
 *   <li>{@link #acsiIndex()}, ACSI-style: Σ<sub>q</sub> w<sub>q</sub>·(mean of r<sub>iq</sub> over
 *       the eligible respondents who answered q), 0–100: the index of item means with items
 *       rescaled to 0–100 as the ACSI does (Fornell et al. 1996, Journal of Marketing 60(4):7–18:
 *       ACSI = (E[ξ] − min ξ)/(max ξ − min ξ)·100, ξ = Σ w<sub>q</sub>x<sub>q</sub>). The ACSI
 *       estimates its weights per industry with PLS from three 10-point items (overall
 *       satisfaction, confirmation of expectations, comparison with the ideal); here the weights
 *       are the survey's, fixed by the user. With every eligible respondent answering every
 *       question it equals {@link #index()}.</li>
 * </ul>
 *
 * <p>Interval of the two item-level indices T = Σ<sub>q</sub> w<sub>q</sub>ȳ<sub>q</sub> (ȳ<sub>q</sub>
 * the mean of y = 100·s or y = r over the n<sub>q</sub> eligible respondents answering q), by
 * Taylor linearisation (Woodruff 1971, JASA 66:411–414; Wolter 2007, <i>Introduction to Variance
 * Estimation</i>, ch. 6): each item mean is a ratio of sums over respondents, so
 * T − τ ≈ Σ<sub>i</sub> u<sub>i</sub> with u<sub>i</sub> = Σ<sub>q answered by i</sub>
 * w<sub>q</sub>(y<sub>iq</sub> − ȳ<sub>q</sub>)/n<sub>q</sub>, and with N independent eligible
 * respondents Var(T) ≈ N/(N − 1)·Σ<sub>i</sub> u<sub>i</sub>², df = N − 1. The correlation between a
 * respondent's answers is inside u<sub>i</sub>; the estimate is a sum of squares, so never negative.
 * With complete answers u<sub>i</sub> = (I<sub>i</sub> − Ī)/N and this is exactly s²/N of
 * {@link #index()}: the item-level and respondent-level intervals agree. Treating item means over
 * different respondents this way assumes that which questions are skipped is unrelated to the
 * answers (missing completely at random). Questions that no eligible respondent answered are left
 * out and the remaining weights renormalised.
 *
 * <p><b>Weighted</b> (from {@link SurveyAccumulator#weighted}): each answer pattern counts with
 * its effective count c<sub>p</sub> = n<sub>eff</sub>·W<sub>p</sub>/W instead of its number of
 * respondents, W<sub>p</sub> the sum of its respondents' weights, W the sum over the eligible
 * respondents and n<sub>eff</sub> = W²/Σw² their Kish effective n, as the weighted scores do
 * (docs/methods.md): the indices are weighted means, and every formula above runs on the effective
 * counts, with N = n<sub>eff</sub> and df = n<sub>eff</sub> − 1 (n<sub>q</sub> the effective count
 * of the eligible respondents answering q). {@link IndexScore#n()} stays the number of eligible
 * respondents. With every weight 1 the results are the unweighted ones (to rounding). Eligible
 * respondents whose weights are all 0 give no index, as no respondents would. Per-question
 * tallies: {@link #tally(String)} counts respondents, {@link #weightedTally(String)} carries the
 * weights.
 *
 * <p>Immutable and thread-safe. Every sum is formed over answer patterns in a canonical order,
 * so equal data give bit-identical results however it was fed and merged.
 *
 * @since 0.1.0
 */
public final class SurveyResult {
    private final Survey survey;
    private final List<AnswerPattern> patterns;
    private final long[] counts;
    /** Per pattern (in {@link #patterns}' order) the exact Σw and Σw²; null when unweighted. */
    private final ExactSum[] sumW;
    private final ExactSum[] sumW2;
    private final long respondents;

    SurveyResult(Survey survey, Map<AnswerPattern, Long> byPattern, Map<AnswerPattern, ExactSum[]> weights,
            long respondents) {
        this.survey = survey;
        List<AnswerPattern> sorted = new ArrayList<>(byPattern.keySet());
        Collections.sort(sorted);
        this.patterns = List.copyOf(sorted);
        this.counts = new long[sorted.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = byPattern.get(sorted.get(i));
        }
        if (weights == null) {
            sumW = null;
            sumW2 = null;
        } else {
            sumW = new ExactSum[counts.length];
            sumW2 = new ExactSum[counts.length];
            for (int i = 0; i < counts.length; i++) {
                ExactSum[] w = weights.get(sorted.get(i));
                sumW[i] = w[0];
                sumW2[i] = w[1];
            }
        }
        this.respondents = respondents;
    }

    /** Whether the respondents carry weights (from {@link SurveyAccumulator#weighted}). */
    public boolean isWeighted() {
        return sumW != null;
    }

    /**
     * The effective number of eligible respondents: Kish's (Σw)²/Σw² when weighted (0 when their
     * weights are all 0), else {@link #eligibleRespondents()}.
     */
    public double effectiveN() {
        double[] c = effectiveCounts();
        double n = 0;
        for (int p = 0; c != null && p < c.length; p++) {
            if (eligible(patterns.get(p))) {
                n += c[p];
            }
        }
        return n;
    }

    /**
     * The count each pattern stands for in the indices: its respondents, or weighted its
     * effective count n_eff·W_p/W over the eligible patterns (ineligible ones 0); null when the
     * eligible respondents' weights are all 0.
     */
    private double[] effectiveCounts() {
        double[] c = new double[counts.length];
        if (sumW == null) {
            for (int p = 0; p < c.length; p++) {
                c[p] = counts[p];
            }
            return c;
        }
        ExactSum w = new ExactSum();
        ExactSum w2 = new ExactSum();
        for (int p = 0; p < c.length; p++) {
            if (eligible(patterns.get(p))) {
                w.addAll(sumW[p]);
                w2.addAll(sumW2[p]);
            }
        }
        double total = w.toDouble();
        if (total == 0) {
            return null;
        }
        double nEff = total * total / w2.toDouble();
        for (int p = 0; p < c.length; p++) {
            c[p] = eligible(patterns.get(p)) ? nEff * sumW[p].toDouble() / total : 0;
        }
        return c;
    }

    /** The survey. */
    public Survey survey() {
        return survey;
    }

    /** The number of respondents added, whatever they answered. */
    public long respondents() {
        return respondents;
    }

    /** The number of respondents with at least {@link Survey#minAnswered()} answers: the n of the indices. */
    public long eligibleRespondents() {
        long n = 0;
        for (int p = 0; p < counts.length; p++) {
            if (eligible(patterns.get(p))) {
                n += counts[p];
            }
        }
        return n;
    }

    private boolean eligible(AnswerPattern p) {
        return p.answered >= survey.minAnswered() && p.answered > 0;
    }

    /**
     * The tally of the answers to one question, over every respondent who answered it.
     *
     * @throws IllegalArgumentException if there is no such question
     */
    public Tally tally(String questionId) {
        int q = survey.indexOf(questionId);
        TallyAccumulator acc = new TallyAccumulator(survey.questions().get(q).scale());
        for (int p = 0; p < counts.length; p++) {
            int a = patterns.get(p).answers[q];
            if (a != Survey.MISSING) {
                acc.add(a, counts[p]);
            }
        }
        return acc.snapshot();
    }

    /**
     * The weighted tally of the answers to one question, over every respondent who answered it
     * (exact weight sums), for weighted scores: {@code Csat.of(result.weightedTally("q1"))}.
     *
     * @throws IllegalArgumentException if there is no such question
     * @throws IllegalStateException if the result is not weighted
     * @since 0.1.0
     */
    public WeightedTally weightedTally(String questionId) {
        int q = survey.indexOf(questionId);
        if (sumW == null) {
            throw new IllegalStateException("This survey result is not weighted: use tally(" + questionId + ")");
        }
        io.github.cxmetrics.scale.Scale scale = survey.questions().get(q).scale();
        int points = scale.points();
        long[] c = new long[points];
        ExactSum[] w = new ExactSum[points];
        ExactSum[] w2 = new ExactSum[points];
        for (int i = 0; i < points; i++) {
            w[i] = new ExactSum();
            w2[i] = new ExactSum();
        }
        for (int p = 0; p < counts.length; p++) {
            int a = patterns.get(p).answers[q];
            if (a != Survey.MISSING) {
                int i = a - scale.min();
                c[i] += counts[p];
                w[i].addAll(sumW[p]);
                w2[i].addAll(sumW2[p]);
            }
        }
        java.math.BigDecimal[] bw = new java.math.BigDecimal[points];
        java.math.BigDecimal[] bw2 = new java.math.BigDecimal[points];
        for (int i = 0; i < points; i++) {
            bw[i] = w[i].toBigDecimal();
            bw2[i] = w2[i].toBigDecimal();
        }
        return WeightedTally.of(scale, c, bw, bw2);
    }

    /**
     * The share of respondents who answered the question (item completion rate), with its
     * Wilson interval.
     *
     * @throws IllegalArgumentException if there is no such question
     */
    public Proportion completionRate(String questionId) {
        return Proportion.of(tally(questionId).n(), respondents);
    }

    /** The KTO index, 0–100: the mean of the eligible respondents' indices (see the class comment). */
    public IndexScore index() {
        long respondentsN = eligibleRespondents();
        double[] c = effectiveCounts();
        if (respondentsN == 0 || c == null) {
            return new IndexScore(0, Double.NaN, Double.NaN, Double.NaN, 0, 100);
        }
        double n = 0;
        double sum = 0;
        for (int p = 0; p < counts.length; p++) {
            AnswerPattern ap = patterns.get(p);
            if (eligible(ap)) {
                n += c[p];
                sum += c[p] * survey.index(ap.answers);
            }
        }
        double mean = sum / n;
        double ss = 0;
        for (int p = 0; p < counts.length; p++) {
            AnswerPattern ap = patterns.get(p);
            if (eligible(ap)) {
                double d = survey.index(ap.answers) - mean;
                ss += c[p] * d * d;
            }
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN;
        return new IndexScore(respondentsN, Math.min(100, Math.max(0, mean)), se, n - 1, 0, 100);
    }

    /** The Forrester-style net index, −100…100 (see the class comment). */
    public IndexScore netIndex() {
        return itemLevel(true);
    }

    /** The ACSI-style index of item means, 0–100 (see the class comment). */
    public IndexScore acsiIndex() {
        return itemLevel(false);
    }

    private double value(int q, int answer, boolean net) {
        Question question = survey.questions().get(q);
        return net ? 100.0 * question.net(answer) : question.rescaled(answer);
    }

    private IndexScore itemLevel(boolean net) {
        int k = survey.size();
        double[] nq = new double[k];
        double[] sum = new double[k];
        double eligibleN = 0;
        long respondentsN = eligibleRespondents();
        double[] c = effectiveCounts();
        double lowest = net ? -100 : 0;
        if (respondentsN == 0 || c == null) {
            return new IndexScore(0, Double.NaN, Double.NaN, Double.NaN, lowest, 100);
        }
        for (int p = 0; p < counts.length; p++) {
            AnswerPattern ap = patterns.get(p);
            if (!eligible(ap)) {
                continue;
            }
            eligibleN += c[p];
            for (int q = 0; q < k; q++) {
                if (ap.answers[q] != Survey.MISSING) {
                    nq[q] += c[p];
                    sum[q] += c[p] * value(q, ap.answers[q], net);
                }
            }
        }
        double totalWeight = 0;
        for (int q = 0; q < k; q++) {
            if (nq[q] > 0) {
                totalWeight += survey.questions().get(q).weight();
            }
        }
        double[] w = new double[k];
        double estimate = 0;
        for (int q = 0; q < k; q++) {
            if (nq[q] > 0) {
                w[q] = survey.questions().get(q).weight() / totalWeight;
                estimate += w[q] * (sum[q] / nq[q]);
            }
        }
        estimate = Math.min(100, Math.max(lowest, estimate));
        if (sumW == null ? eligibleN < 2 : !(eligibleN > 1)) {
            return new IndexScore(respondentsN, estimate, Double.NaN, Double.NaN, lowest, 100);
        }
        double[] mean = new double[k];
        for (int q = 0; q < k; q++) {
            mean[q] = nq[q] > 0 ? sum[q] / nq[q] : 0;
        }
        double squares = 0;
        for (int p = 0; p < counts.length; p++) {
            AnswerPattern ap = patterns.get(p);
            if (!eligible(ap)) {
                continue;
            }
            double u = 0;
            for (int q = 0; q < k; q++) {
                if (ap.answers[q] != Survey.MISSING) {
                    u += w[q] * (value(q, ap.answers[q], net) - mean[q]) / nq[q];
                }
            }
            squares += c[p] * u * u;
        }
        double variance = squares * eligibleN / (eligibleN - 1);
        return new IndexScore(respondentsN, estimate, Math.sqrt(variance), eligibleN - 1, lowest, 100);
    }

    /**
     * Gives every distinct answer pattern with its number of respondents, in the canonical order:
     * the answers in survey order, {@link Survey#MISSING} for a question not answered (a copy the
     * action may keep). The patterns are the sufficient statistic of the survey, so any analysis of
     * the respondents' joint answers (cross-tabulations, the key drivers of
     * {@code io.github.cxmetrics.insight.DriverTally#ofSurvey}) can be computed from them exactly.
     */
    public void forEachPattern(java.util.function.ObjLongConsumer<int[]> action) {
        Objects.requireNonNull(action, "action");
        for (int p = 0; p < patterns.size(); p++) {
            action.accept(patterns.get(p).answers.clone(), counts[p]);
        }
    }

    /** The version tag of {@link #format()}. */
    static final String FORMAT_TAG = "cxkto/1";
    /** The version tag of {@link #format()} of a weighted result. */
    static final String WEIGHTED_TAG = "cxkto/1w";

    /**
     * The exact serial form of this result, one line of printable ASCII that {@link #parse} reads
     * back to an equal result: {@code cxkto/1 respondents=5 patterns=1:x:9*2,5:4:10*3} — the
     * respondents, then every distinct answer pattern in canonical (ascending) order with its
     * count, the answers in question order separated by {@code :}, {@code x} for a question not
     * answered ({@code patterns=none} without respondents). Since the patterns are the sufficient
     * statistic of every per-question tally and index, a result read back gives bit-identical
     * numbers. The survey itself is not in the line: it is given to {@link #parse}. A weighted
     * result is tagged {@code cxkto/1w} and each pattern's count is followed by the exact sums of
     * its weights and squared weights as plain decimals: {@code 1:x:9*2*3.5*6.25}.
     *
     * @since 0.1.0
     */
    public String format() {
        StringBuilder sb = new StringBuilder(sumW == null ? FORMAT_TAG : WEIGHTED_TAG).append(" respondents=")
                .append(respondents)
                .append(" patterns=");
        if (patterns.isEmpty()) {
            return sb.append("none").toString();
        }
        for (int p = 0; p < patterns.size(); p++) {
            if (p > 0) {
                sb.append(',');
            }
            int[] answers = patterns.get(p).answers;
            for (int q = 0; q < answers.length; q++) {
                if (q > 0) {
                    sb.append(':');
                }
                sb.append(answers[q] == Survey.MISSING ? "x" : Integer.toString(answers[q]));
            }
            sb.append('*').append(counts[p]);
            if (sumW != null) {
                sb.append('*').append(plain(sumW[p].toBigDecimal())).append('*').append(plain(sumW2[p].toBigDecimal()));
            }
        }
        return sb.toString();
    }

    private static String plain(java.math.BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Reads the form {@link #format()} writes, for this survey.
     *
     * @throws IllegalArgumentException if the text is not that form (naming what is wrong: the
     *     version, a pattern with the wrong number of answers or an answer off its question's
     *     scale, a count below 1, patterns not in ascending order or repeated, respondents not the
     *     sum of the counts)
     * @since 0.1.0
     */
    public static SurveyResult parse(Survey survey, CharSequence text) {
        Objects.requireNonNull(survey, "survey");
        String t = Objects.requireNonNull(text, "text").toString();
        boolean weighted = t.startsWith(WEIGHTED_TAG + " ");
        String head = (weighted ? WEIGHTED_TAG : FORMAT_TAG) + " respondents=";
        if (!t.startsWith(head)) {
            throw new IllegalArgumentException("Invalid survey tallies (expected \"" + head + "N patterns=...\"): "
                    + shorten(t));
        }
        int space = t.indexOf(" patterns=", head.length());
        if (space < 0) {
            throw new IllegalArgumentException("Invalid survey tallies (expected \" patterns=\" after the "
                    + "respondents): " + shorten(t));
        }
        long respondents = count(t.substring(head.length(), space), "respondents");
        String list = t.substring(space + " patterns=".length());
        java.util.Map<AnswerPattern, Long> byPattern = new java.util.HashMap<>();
        java.util.Map<AnswerPattern, ExactSum[]> weights = weighted ? new java.util.HashMap<>() : null;
        AnswerPattern previous = null;
        long sum = 0;
        if (!list.equals("none")) {
            for (String entry : list.split(",", -1)) {
                String item = entry;
                ExactSum[] w = null;
                if (weighted) {
                    String[] parts = entry.split("\\*", -1);
                    if (parts.length != 4) {
                        throw new IllegalArgumentException("Invalid weighted survey pattern (expected "
                                + "ANSWERS*COUNT*SUM_OF_WEIGHTS*SUM_OF_SQUARED_WEIGHTS): " + shorten(entry));
                    }
                    item = parts[0] + "*" + parts[1];
                    w = new ExactSum[] {weightSum(parts[2], "sum of weights"), weightSum(parts[3],
                            "sum of squared weights")};
                }
                int star = item.lastIndexOf('*');
                if (star < 0) {
                    throw new IllegalArgumentException("Invalid survey pattern (expected ANSWERS*COUNT): "
                            + shorten(item));
                }
                String[] cells = item.substring(0, star).split(":", -1);
                int[] answers = new int[cells.length];
                for (int q = 0; q < cells.length; q++) {
                    if (cells[q].equals("x")) {
                        answers[q] = Survey.MISSING;
                    } else if (cells[q].matches("-?(0|[1-9][0-9]{0,8})")) {
                        answers[q] = Integer.parseInt(cells[q]);
                    } else {
                        throw new IllegalArgumentException("Invalid survey answer (an integer, or x for none): "
                                + shorten(cells[q]));
                    }
                }
                AnswerPattern pattern = new AnswerPattern(answers, survey.check(answers));
                long c = count(item.substring(star + 1), "pattern count");
                if (c < 1) {
                    throw new IllegalArgumentException("Invalid pattern count (valid values >= 1): " + c);
                }
                if (previous != null && previous.compareTo(pattern) >= 0) {
                    throw new IllegalArgumentException("Invalid survey tallies: patterns must be listed once each, "
                            + "in ascending order: " + shorten(item));
                }
                previous = pattern;
                byPattern.put(pattern, c);
                if (weights != null) {
                    weights.put(pattern, w);
                }
                sum = Math.addExact(sum, c);
            }
        }
        if (sum != respondents) {
            throw new IllegalArgumentException("Invalid respondents (expected the sum of the pattern counts, " + sum
                    + "): " + respondents);
        }
        return new SurveyResult(survey, byPattern, weights, respondents);
    }

    private static ExactSum weightSum(String text, String what) {
        if (!text.matches("(0|[1-9][0-9]{0,90})(\\.[0-9]{1,240})?")) {
            throw new IllegalArgumentException("Invalid " + what + " (a plain decimal >= 0): " + shorten(text));
        }
        try {
            return ExactSum.of(new java.math.BigDecimal(text));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("Invalid " + what + " (a plain decimal >= 0 on the exact sums' "
                    + "grid of 2^-232): " + shorten(text), e);
        }
    }

    private static long count(String text, String what) {
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("Invalid " + what + " (a count >= 0): " + shorten(text));
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + what + " (a count >= 0): " + shorten(text), e);
        }
    }

    private static String shorten(String text) {
        return "\"" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "\"";
    }

    /** What receives a pattern's exact weight sums. */
    interface PatternWeights {
        void accept(AnswerPattern pattern, ExactSum sumOfWeights, ExactSum sumOfSquaredWeights);
    }

    /** The distinct answer patterns and their weight sums (a weighted result), for {@link SurveyAccumulator#addAll}. */
    void forEachPatternWeights(PatternWeights action) {
        for (int p = 0; p < counts.length; p++) {
            action.accept(patterns.get(p), sumW[p], sumW2[p]);
        }
    }

    /** The distinct answer patterns and their counts, for {@link SurveyAccumulator#addAll}. */
    void forEachAnswerPattern(java.util.function.ObjLongConsumer<AnswerPattern> action) {
        for (int p = 0; p < counts.length; p++) {
            action.accept(patterns.get(p), counts[p]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurveyResult s && respondents == s.respondents && survey.equals(s.survey)
                && patterns.equals(s.patterns) && java.util.Arrays.equals(counts, s.counts)
                && java.util.Arrays.equals(sumW, s.sumW) && java.util.Arrays.equals(sumW2, s.sumW2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(survey, respondents, patterns.size());
    }

    @Override
    public String toString() {
        return "SurveyResult[questions=" + survey.size() + ", respondents=" + respondents + ", eligible="
                + eligibleRespondents() + (sumW != null ? ", weighted" : "") + "]";
    }
}
