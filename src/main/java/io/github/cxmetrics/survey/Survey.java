package io.github.cxmetrics.survey;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A multi-question satisfaction survey (KTO): its questions, each with a scale and a weight, and
 * the rule for how many answers a respondent needs to count in the indices.
 *
 * <p>Get one from {@link #builder()} or {@link #parse(String)} of the text format (one question a
 * line, documented in {@code docs/kto.md}):
 * <pre>
 * # KTO helpdesk 2025
 * min-answered 4
 * q1 csat 1-5 weight=2
 * q2 csat 1-5
 * q3 ces 1-7
 * q4 ces 1-5-effort
 * q5 nps 0-10 weight=0.5
 * </pre>
 * Kinds: {@code csat MIN-MAX} (optionally {@code top=K} for the top box), {@code ces MIN-MAX}
 * (agreement, higher is better) or {@code ces MIN-MAX-effort} (lower is better), and
 * {@code nps 0-10}. {@code weight=W} defaults to 1. {@code #} starts a comment. {@link #toString()}
 * prints this format, and {@code parse} reads it back to an equal survey.
 *
 * <p>Weights: w<sub>q</sub> &gt; 0 are relative; {@link #normalizedWeight(int)} is
 * w<sub>q</sub>/Σw. Missing answers: an answer may be missing ({@link #MISSING} in an answer
 * array); a respondent counts in the indices only with at least {@link #minAnswered()} answers,
 * by default all questions (no respondent is scored on a subset unless the survey says so).
 *
 * <p>Immutable and thread-safe; a value type.
 *
 * @since 0.1.0
 */
public final class Survey {
    /** The marker of a missing answer in an answer array. */
    public static final int MISSING = Integer.MIN_VALUE;

    private final List<Question> questions;
    private final Map<String, Integer> positions;
    private final int minAnswered;
    private final double[] normalized;

    private Survey(List<Question> questions, int minAnswered) {
        this.questions = List.copyOf(questions);
        this.positions = new HashMap<>();
        double total = 0;
        for (int i = 0; i < questions.size(); i++) {
            positions.put(questions.get(i).id(), i);
            total += questions.get(i).weight();
        }
        this.normalized = new double[questions.size()];
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = questions.get(i).weight() / total;
        }
        this.minAnswered = minAnswered;
    }

    /** A builder; questions keep the order in which they are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The questions in order. */
    public List<Question> questions() {
        return questions;
    }

    /** The number of questions. */
    public int size() {
        return questions.size();
    }

    /** The minimum number of answered questions for a respondent to count in the indices. */
    public int minAnswered() {
        return minAnswered;
    }

    /**
     * The position of the question with this id.
     *
     * @throws IllegalArgumentException if there is no such question
     */
    public int indexOf(String id) {
        Integer i = positions.get(Objects.requireNonNull(id, "id"));
        if (i == null) {
            throw new IllegalArgumentException("Unknown question id (valid values " + positions.keySet() + "): \""
                    + id + "\"");
        }
        return i;
    }

    /** The question with this id. */
    public Question question(String id) {
        return questions.get(indexOf(id));
    }

    /**
     * The weight of question i divided by the sum of all weights.
     *
     * @throws IndexOutOfBoundsException if i is not a position
     */
    public double normalizedWeight(int i) {
        Objects.checkIndex(i, normalized.length);
        return normalized[i];
    }

    /**
     * Checks an answer array (one entry per question, {@link #MISSING} for no answer) and returns
     * the number of answers.
     *
     * @throws IllegalArgumentException if the length differs from the number of questions or an
     *     answer is off its question's scale
     */
    int check(int[] answers) {
        Objects.requireNonNull(answers, "answers");
        if (answers.length != questions.size()) {
            throw new IllegalArgumentException("Invalid number of answers (expected " + questions.size()
                    + ", one per question): " + answers.length);
        }
        int answered = 0;
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != MISSING) {
                Scale s = questions.get(i).scale();
                if (!s.contains(answers[i])) {
                    throw new IllegalArgumentException("Invalid value for question " + questions.get(i).id() + " "
                            + s + " (valid values " + s.min() + " - " + s.max() + "): " + answers[i]);
                }
                answered++;
            }
        }
        return answered;
    }

    /**
     * Converts answers by question id to an answer array; absent ids and null values are missing.
     *
     * @throws IllegalArgumentException for an unknown id or an off-scale answer
     */
    public int[] toArray(Map<String, Integer> answers) {
        Objects.requireNonNull(answers, "answers");
        int[] a = new int[questions.size()];
        java.util.Arrays.fill(a, MISSING);
        for (Map.Entry<String, Integer> e : answers.entrySet()) {
            int i = indexOf(e.getKey());
            if (e.getValue() != null) {
                if (e.getValue() == MISSING) {
                    throw new IllegalArgumentException("Invalid value for question " + e.getKey()
                            + " (use null for a missing answer): " + MISSING);
                }
                a[i] = e.getValue();
            }
        }
        check(a);
        return a;
    }

    /**
     * One respondent's index on 0–100: the weighted mean of the rescaled answers over the
     * answered questions, Σ<sub>answered</sub> w<sub>q</sub>·r<sub>q</sub> /
     * Σ<sub>answered</sub> w<sub>q</sub>, with r<sub>q</sub> from {@link Question#rescaled(int)};
     * empty if fewer than {@link #minAnswered()} questions were answered.
     *
     * @throws IllegalArgumentException if the array does not fit the survey
     */
    public OptionalDouble respondentIndex(int[] answers) {
        int answered = check(answers);
        if (answered < minAnswered || answered == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(index(answers));
    }

    /** The respondent index of answers by question id, as {@link #respondentIndex(int[])}. */
    public OptionalDouble respondentIndex(Map<String, Integer> answers) {
        return respondentIndex(toArray(answers));
    }

    /** Weighted mean of rescaled answers over answered questions; answers already checked, ≥ 1 answered. */
    double index(int[] answers) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != MISSING) {
                double w = questions.get(i).weight();
                sum += w * questions.get(i).rescaled(answers[i]);
                weights += w;
            }
        }
        return Math.min(100, Math.max(0, sum / weights));
    }

    /**
     * Reads the text format described in the class comment.
     *
     * @throws IllegalArgumentException naming the line and what was expected, for a malformed
     *     line, an unknown kind, a duplicate id, no questions, or a min-answered outside
     *     1..questions
     */
    public static Survey parse(String text) {
        Objects.requireNonNull(text, "text");
        Builder b = builder();
        Integer min = null;
        String[] lines = text.split("\\R", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] tok = body.split("\\s+");
            try {
                if (tok[0].equals("min-answered")) {
                    if (tok.length != 2 || min != null) {
                        throw new IllegalArgumentException("expected one line \"min-answered K\"");
                    }
                    min = parseInt(tok[1], "min-answered");
                    continue;
                }
                if (tok.length < 3) {
                    throw new IllegalArgumentException("expected \"ID KIND MIN-MAX [weight=W] [top=K]\"");
                }
                double weight = 1;
                Integer top = null;
                for (int t = 3; t < tok.length; t++) {
                    if (tok[t].startsWith("weight=")) {
                        weight = parseWeight(tok[t].substring(7));
                    } else if (tok[t].startsWith("top=")) {
                        top = parseInt(tok[t].substring(4), "top");
                    } else {
                        throw new IllegalArgumentException("unknown option \"" + tok[t]
                                + "\" (valid options weight=W, top=K)");
                    }
                }
                b.question(tok[0], scaleOf(tok[1], tok[2], top), weight);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid survey definition at line " + (ln + 1) + ": "
                        + e.getMessage() + ": \"" + line.strip() + "\"", e);
            }
        }
        if (min != null) {
            b.minAnswered(min);
        }
        return b.build();
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for " + what + " (valid values whole numbers): \"" + s
                    + "\"");
        }
    }

    private static double parseWeight(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for weight (valid values > 0): \"" + s + "\"");
        }
    }

    private static Scale scaleOf(String kind, String range, Integer top) {
        if (top != null && !kind.equals("csat")) {
            throw new IllegalArgumentException("top=K applies to csat questions only");
        }
        switch (kind) {
            case "csat": {
                CsatScale s = CsatScale.parse(range);
                return top == null ? s : s.withTopBox(top);
            }
            case "ces":
                if (!range.matches("-?\\d+-\\d+(-effort)?")) {
                    throw new IllegalArgumentException("Invalid CES scale (expected MIN-MAX or MIN-MAX-effort): \""
                            + range + "\"");
                }
                return CesScale.parse(range);
            case "nps":
                if (!range.equals("0-10")) {
                    throw new IllegalArgumentException("Invalid NPS scale (valid values 0-10): \"" + range + "\"");
                }
                return NpsScale.STANDARD;
            default:
                throw new IllegalArgumentException("Unknown question kind (valid values csat, ces, nps): \"" + kind
                        + "\"");
        }
    }

    private static String format(Question q) {
        Scale s = q.scale();
        StringBuilder sb = new StringBuilder(q.id()).append(' ').append(s.kind().toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(s.min()).append('-').append(s.max());
        if (s instanceof CesScale && s.direction() == Direction.LOWER_IS_BETTER) {
            sb.append("-effort");
        }
        if (s instanceof CsatScale c && !c.equals(CsatScale.of(c.min(), c.max()))) {
            sb.append(" top=").append(c.topBox());
        }
        return sb.append(" weight=").append(BigDecimal.valueOf(q.weight()).stripTrailingZeros().toPlainString())
                .toString();
    }

    /** Whether the text format can express this survey (standard NPS only, CES with box ⌊points/2⌋). */
    private static void requireExpressible(Question q) {
        if (q.scale() instanceof NpsScale n && !n.equals(NpsScale.STANDARD)) {
            throw new IllegalArgumentException("Invalid scale for question " + q.id()
                    + " (valid NPS scales in a survey: NPS[0..10]): " + n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Survey s && minAnswered == s.minAnswered && questions.equals(s.questions);
    }

    @Override
    public int hashCode() {
        return questions.hashCode() * 31 + minAnswered;
    }

    /** The text format read by {@link #parse(String)}: a min-answered line, then one line per question. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("min-answered ").append(minAnswered).append('\n');
        for (Question q : questions) {
            sb.append(format(q)).append('\n');
        }
        return sb.toString();
    }

    /**
     * A builder of a {@link Survey}. Not thread-safe; {@link #build()} may be called more than
     * once.
     */
    public static final class Builder {
        private final List<Question> questions = new ArrayList<>();
        private Integer minAnswered;

        private Builder() {
        }

        /**
         * Adds a question with weight 1.
         *
         * @throws IllegalArgumentException as {@link #question(String, Scale, double)}
         */
        public Builder question(String id, Scale scale) {
            return question(id, scale, 1);
        }

        /**
         * Adds a question.
         *
         * @throws IllegalArgumentException if the id is not a word, is already used, the weight is
         *     not finite and positive, or the scale is an NPS scale with custom breaks (a survey's
         *     NPS question is the standard 0–10)
         */
        public Builder question(String id, Scale scale, double weight) {
            Question q = new Question(id, scale, weight);
            requireExpressible(q);
            for (Question other : questions) {
                if (other.id().equals(id)) {
                    throw new IllegalArgumentException("Duplicate question id: \"" + id + "\"");
                }
            }
            questions.add(q);
            return this;
        }

        /**
         * Sets the minimum number of answered questions for a respondent to count in the indices
         * (default: all questions).
         *
         * @throws IllegalArgumentException at {@link #build()} if it is not in 1..questions
         */
        public Builder minAnswered(int k) {
            this.minAnswered = k;
            return this;
        }

        /**
         * The survey.
         *
         * @throws IllegalArgumentException if there are no questions or min-answered is not in
         *     1..questions
         */
        public Survey build() {
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("Invalid survey (valid surveys have at least one question): none");
            }
            int min = minAnswered == null ? questions.size() : minAnswered;
            if (min < 1 || min > questions.size()) {
                throw new IllegalArgumentException("Invalid value for min-answered (valid values 1 - "
                        + questions.size() + "): " + min);
            }
            return new Survey(questions, min);
        }
    }
}
