package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.ExactSum;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A mutable collection of survey responses, fed one respondent at a time, to read an immutable
 * {@link SurveyResult} from with {@link #snapshot()}.
 *
 * <p>Get one with {@code new SurveyAccumulator(survey)}. Feed a respondent as an answer array
 * ({@link Survey#MISSING} for no answer), as answers by question id, or as the text of the
 * export's cells ({@link #addText(Map)}). A respondent with off-scale answers is rejected whole
 * with {@link IllegalArgumentException}, and the accumulator is left as it was.
 *
 * <p>State: the count of each distinct answer pattern (one respondent's answers to all
 * questions), which is the sufficient statistic of everything in the result. Merging
 * ({@link #combine}) adds counts, so it is exact and order-free, and the result's sums are formed
 * in a canonical order of patterns: the result is {@code equals}, to the last bit, however the
 * respondents were ordered, split and merged. Memory grows with the number of distinct patterns,
 * at most the number of respondents and at most Π(points<sub>q</sub> + 1).
 *
 * <p><b>Weighted</b> ({@link #weighted(Survey)}): every respondent comes with a weight
 * ({@link #addWeighted(double, int...)}), and each pattern keeps, beside its count, the exact sums of its
 * respondents' weights and squared weights (as {@link io.github.cxmetrics.tally.WeightedTally}
 * does), so merging stays exact and order-free. A weighted and an unweighted accumulator do not mix.
 *
 * <p>Not thread-safe: use one per thread and combine them.
 *
 * @since 0.1.0
 */
public final class SurveyAccumulator {
    /** Cell texts that mean "not answered" (besides blank), compared ignoring case. */
    static final Set<String> NOT_ANSWERED = Set.of("n/a", "na", "no score", "not applicable", "-", "skipped");

    private final Survey survey;
    private final Map<AnswerPattern, long[]> patterns = new HashMap<>();
    /** Per pattern the exact Σw and Σw² of its respondents; null when unweighted. */
    private final Map<AnswerPattern, ExactSum[]> weights;
    private long respondents;

    /** An empty accumulator for the survey. */
    public SurveyAccumulator(Survey survey) {
        this(survey, false);
    }

    private SurveyAccumulator(Survey survey, boolean weighted) {
        this.survey = Objects.requireNonNull(survey, "survey");
        this.weights = weighted ? new HashMap<>() : null;
    }

    /**
     * An empty weighted accumulator for the survey: respondents are added with a weight
     * ({@link #addWeighted(double, int...)}, {@link #addText(Map, double)}).
     *
     * @since 0.1.0
     */
    public static SurveyAccumulator weighted(Survey survey) {
        return new SurveyAccumulator(survey, true);
    }

    /** Whether the respondents carry weights ({@link #weighted(Survey)}). */
    public boolean isWeighted() {
        return weights != null;
    }

    /** The survey. */
    public Survey survey() {
        return survey;
    }

    /** The number of respondents added so far (whether or not they count in the indices). */
    public long respondents() {
        return respondents;
    }

    /**
     * Adds one respondent's answers, one per question in survey order, {@link Survey#MISSING} for
     * a question not answered.
     *
     * @throws IllegalArgumentException if the length differs from the number of questions or an
     *     answer is off its question's scale
     */
    public SurveyAccumulator add(int... answers) {
        if (weights != null) {
            throw new IllegalStateException("This survey accumulator is weighted: add a respondent with a weight, "
                    + "addWeighted(weight, answers)");
        }
        int answered = survey.check(answers);
        long next = Math.incrementExact(respondents);
        patterns.computeIfAbsent(new AnswerPattern(answers.clone(), answered), k -> new long[1])[0]++;
        respondents = next;
        return this;
    }

    /**
     * Adds one respondent's answers with a weight (a weighted accumulator only).
     *
     * @throws IllegalArgumentException if the weight is not finite and ≥ 0 (as
     *     {@link io.github.cxmetrics.tally.WeightedTallyAccumulator#requireValidWeight}), the length
     *     differs from the number of questions or an answer is off its question's scale
     * @throws IllegalStateException if the accumulator is not weighted
     * @since 0.1.0
     */
    public SurveyAccumulator addWeighted(double weight, int... answers) {
        if (weights == null) {
            throw new IllegalStateException("This survey accumulator is not weighted: make it with "
                    + "SurveyAccumulator.weighted(survey) to add weights");
        }
        io.github.cxmetrics.tally.WeightedTallyAccumulator.requireValidWeight(weight);
        int answered = survey.check(answers);
        long next = Math.incrementExact(respondents);
        AnswerPattern pattern = new AnswerPattern(answers.clone(), answered);
        patterns.computeIfAbsent(pattern, k -> new long[1])[0]++;
        ExactSum[] w = weights.computeIfAbsent(pattern, k -> new ExactSum[] {new ExactSum(), new ExactSum()});
        w[0].add(weight);
        w[1].addSquare(weight);
        respondents = next;
        return this;
    }

    /**
     * Adds one respondent's answers by question id; absent ids and null values are not answered.
     *
     * @throws IllegalArgumentException for an unknown id or an off-scale answer
     */
    public SurveyAccumulator add(Map<String, Integer> answers) {
        return add(survey.toArray(answers));
    }

    /**
     * Adds one respondent from the text of the export's cells, by question id. Blank text and the
     * markers {@code n/a}, {@code na}, {@code no score}, {@code not applicable}, {@code -} and
     * {@code skipped} (any case) mean "not answered"; they never count as a score. Any other text
     * must be a whole number on the question's scale.
     *
     * @throws IllegalArgumentException for an unknown id or text that is neither a marker nor a
     *     score on the scale, naming the question and the text
     */
    public SurveyAccumulator addText(Map<String, ? extends CharSequence> answers) {
        return add(parseText(answers));
    }

    /**
     * Adds one respondent from the text of the export's cells, with a weight (a weighted
     * accumulator only); the text is read as by {@link #addText(Map)}.
     *
     * @throws IllegalArgumentException as {@link #addText(Map)} and {@link #addWeighted(double, int...)}
     * @throws IllegalStateException if the accumulator is not weighted
     * @since 0.1.0
     */
    public SurveyAccumulator addText(Map<String, ? extends CharSequence> answers, double weight) {
        return addWeighted(weight, parseText(answers));
    }

    private int[] parseText(Map<String, ? extends CharSequence> answers) {
        Objects.requireNonNull(answers, "answers");
        int[] a = new int[survey.size()];
        java.util.Arrays.fill(a, Survey.MISSING);
        for (Map.Entry<String, ? extends CharSequence> e : answers.entrySet()) {
            int i = survey.indexOf(e.getKey());
            CharSequence text = e.getValue();
            if (text == null || isNotAnswered(text)) {
                continue;
            }
            try {
                a[i] = survey.questions().get(i).scale().parseScore(text);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("Invalid answer to question " + e.getKey() + ": " + bad.getMessage(),
                        bad);
            }
        }
        return a;
    }

    static boolean isNotAnswered(CharSequence text) {
        String t = text.toString().strip();
        return t.isEmpty() || NOT_ANSWERED.contains(t.toLowerCase(Locale.ROOT));
    }

    /**
     * Adds every respondent of the other accumulator, which is left unchanged.
     *
     * @throws IllegalArgumentException if the surveys differ, or one is weighted and the other not;
     *     nothing changes then
     */
    public SurveyAccumulator combine(SurveyAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!survey.equals(other.survey)) {
            throw new IllegalArgumentException("Survey mismatch: the accumulators were made for different surveys");
        }
        requireSameWeighting(other.isWeighted());
        long next = Math.addExact(respondents, other.respondents);
        for (Map.Entry<AnswerPattern, long[]> e : Map.copyOf(other.patterns).entrySet()) {
            long add = e.getValue()[0];
            patterns.computeIfAbsent(e.getKey(), k -> new long[1])[0] += add;
        }
        if (weights != null) {
            for (Map.Entry<AnswerPattern, ExactSum[]> e : Map.copyOf(other.weights).entrySet()) {
                addWeights(e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
        }
        respondents = next;
        return this;
    }

    /**
     * A weighted copy of this weighted accumulator with every weight multiplied by a positive
     * factor (a raking cell's): the counts stay, each pattern's Σw becomes factor·Σw and its Σw²
     * factor²·Σw², rounded once as {@link io.github.cxmetrics.tally.WeightedTally#multipliedBy} does.
     *
     * @throws IllegalArgumentException if the factor is not positive and finite
     * @throws IllegalStateException if the accumulator is not weighted
     * @since 0.1.0
     */
    public SurveyAccumulator multipliedBy(double factor) {
        if (weights == null) {
            throw new IllegalStateException("This survey accumulator is not weighted: there are no weights to multiply");
        }
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for factor (valid values > 0, finite): " + factor);
        }
        SurveyAccumulator out = weighted(survey);
        out.respondents = respondents;
        patterns.forEach((k, v) -> out.patterns.put(k, new long[] {v[0]}));
        weights.forEach((k, v) -> out.weights.put(k, new ExactSum[] {v[0].times(factor), v[1].timesSquare(factor)}));
        return out;
    }

    private void requireSameWeighting(boolean otherWeighted) {
        if (otherWeighted != isWeighted()) {
            throw new IllegalArgumentException("Survey weighting mismatch: " + (isWeighted() ? "a weighted" : "an unweighted")
                    + " accumulator cannot take " + (otherWeighted ? "weighted" : "unweighted") + " respondents");
        }
    }

    private void addWeights(AnswerPattern pattern, ExactSum w, ExactSum w2) {
        ExactSum[] mine = weights.computeIfAbsent(pattern, k -> new ExactSum[] {new ExactSum(), new ExactSum()});
        mine[0].addAll(w);
        mine[1].addAll(w2);
    }

    /**
     * Adds every respondent of a result (for example one read back with {@link SurveyResult#parse}),
     * as if they had been added directly: exact, so a result stored and read back and merged gives
     * the same numbers as the respondents added to one accumulator.
     *
     * @throws IllegalArgumentException if the result is of another survey, or one is weighted and
     *     the other not; nothing changes then
     * @since 0.1.0
     */
    public SurveyAccumulator addAll(SurveyResult result) {
        Objects.requireNonNull(result, "result");
        if (!survey.equals(result.survey())) {
            throw new IllegalArgumentException("Survey mismatch: the result was made for a different survey");
        }
        requireSameWeighting(result.isWeighted());
        long next = Math.addExact(respondents, result.respondents());
        result.forEachAnswerPattern((pattern, count) -> patterns.computeIfAbsent(pattern, k -> new long[1])[0] += count);
        if (weights != null) {
            result.forEachPatternWeights(this::addWeights);
        }
        respondents = next;
        return this;
    }

    /** An immutable result of the respondents so far. */
    public SurveyResult snapshot() {
        Map<AnswerPattern, Long> copy = new HashMap<>();
        for (Map.Entry<AnswerPattern, long[]> e : patterns.entrySet()) {
            copy.put(e.getKey(), e.getValue()[0]);
        }
        Map<AnswerPattern, ExactSum[]> w = null;
        if (weights != null) {
            w = new HashMap<>();
            for (Map.Entry<AnswerPattern, ExactSum[]> e : weights.entrySet()) {
                w.put(e.getKey(), new ExactSum[] {e.getValue()[0].copy(), e.getValue()[1].copy()});
            }
        }
        return new SurveyResult(survey, copy, w, respondents);
    }

    @Override
    public String toString() {
        return "SurveyAccumulator[questions=" + survey.size() + ", respondents=" + respondents
                + (weights != null ? ", weighted" : "") + "]";
    }
}
