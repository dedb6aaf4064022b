package io.github.cxmetrics.survey;

import java.util.Arrays;

/** One respondent's answers (Survey.MISSING for none), as a map key with value semantics and a canonical order. */
final class AnswerPattern implements Comparable<AnswerPattern> {
    final int[] answers;
    final int answered;
    private final int hash;

    AnswerPattern(int[] answers, int answered) {
        this.answers = answers;
        this.answered = answered;
        this.hash = Arrays.hashCode(answers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerPattern p && Arrays.equals(answers, p.answers);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(AnswerPattern o) {
        return Arrays.compare(answers, o.answers);
    }
}
