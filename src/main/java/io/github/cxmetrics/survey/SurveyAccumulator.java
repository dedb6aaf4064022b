package io.github.cxmetrics.survey;

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
 * <p>Not thread-safe: use one per thread and combine them.
 *
 * @since 0.1.0
 */
public final class SurveyAccumulator {
    /** Cell texts that mean "not answered" (besides blank), compared ignoring case. */
    static final Set<String> NOT_ANSWERED = Set.of("n/a", "na", "no score", "not applicable", "-", "skipped");

    private final Survey survey;
    private final Map<AnswerPattern, long[]> patterns = new HashMap<>();
    private long respondents;

    /** An empty accumulator for the survey. */
    public SurveyAccumulator(Survey survey) {
        this.survey = Objects.requireNonNull(survey, "survey");
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
        int answered = survey.check(answers);
        long next = Math.incrementExact(respondents);
        patterns.computeIfAbsent(new AnswerPattern(answers.clone(), answered), k -> new long[1])[0]++;
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
        return add(a);
    }

    static boolean isNotAnswered(CharSequence text) {
        String t = text.toString().strip();
        return t.isEmpty() || NOT_ANSWERED.contains(t.toLowerCase(Locale.ROOT));
    }

    /**
     * Adds every respondent of the other accumulator, which is left unchanged.
     *
     * @throws IllegalArgumentException if the surveys differ; nothing changes then
     */
    public SurveyAccumulator combine(SurveyAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!survey.equals(other.survey)) {
            throw new IllegalArgumentException("Survey mismatch: the accumulators were made for different surveys");
        }
        long next = Math.addExact(respondents, other.respondents);
        for (Map.Entry<AnswerPattern, long[]> e : Map.copyOf(other.patterns).entrySet()) {
            long add = e.getValue()[0];
            patterns.computeIfAbsent(e.getKey(), k -> new long[1])[0] += add;
        }
        respondents = next;
        return this;
    }

    /**
     * Adds every respondent of a result (for example one read back with {@link SurveyResult#parse}),
     * as if they had been added directly: exact, so a result stored and read back and merged gives
     * the same numbers as the respondents added to one accumulator.
     *
     * @throws IllegalArgumentException if the result is of another survey; nothing changes then
     * @since 0.1.0
     */
    public SurveyAccumulator addAll(SurveyResult result) {
        Objects.requireNonNull(result, "result");
        if (!survey.equals(result.survey())) {
            throw new IllegalArgumentException("Survey mismatch: the result was made for a different survey");
        }
        long next = Math.addExact(respondents, result.respondents());
        result.forEachAnswerPattern((pattern, count) -> patterns.computeIfAbsent(pattern, k -> new long[1])[0] += count);
        respondents = next;
        return this;
    }

    /** An immutable result of the respondents so far. */
    public SurveyResult snapshot() {
        Map<AnswerPattern, Long> copy = new HashMap<>();
        for (Map.Entry<AnswerPattern, long[]> e : patterns.entrySet()) {
            copy.put(e.getKey(), e.getValue()[0]);
        }
        return new SurveyResult(survey, copy, respondents);
    }

    @Override
    public String toString() {
        return "SurveyAccumulator[questions=" + survey.size() + ", respondents=" + respondents + "]";
    }
}
