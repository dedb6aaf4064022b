package io.github.cxmetrics.insight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The sufficient statistics of a key driver analysis: the number of complete answers n, and the
 * exact sums Σx and cross products Σxy of the outcome and every driver. Correlations, R² and every
 * importance of {@link KeyDrivers} follow from these alone, so tallies of separate exports (or
 * days, or shards) merge exactly into the tally of all of them.
 *
 * <p>Get one from a {@link DriverTallyAccumulator}. Immutable and thread-safe, a value type whose
 * {@code equals} compares the exact sums.
 *
 * @since 0.1.0
 */
public final class DriverTally {
    private static final MathContext MC = MathContext.DECIMAL128;
    private final String outcome;
    private final List<String> drivers;
    private final long n;
    private final BigDecimal[] sums;
    private final BigDecimal[] products;

    DriverTally(String outcome, List<String> drivers, long n, BigDecimal[] sums, BigDecimal[] products) {
        this.outcome = outcome;
        this.drivers = drivers;
        this.n = n;
        this.sums = sums;
        this.products = products;
    }

    /**
     * The tally of a KTO survey's respondents who answered the outcome question and every other
     * question (complete cases), from the survey's answer patterns: the outcome is a question id,
     * the drivers are the other questions in survey order. Exact, so a survey from stored tallies
     * gives the tally of the raw file.
     *
     * @throws IllegalArgumentException if the outcome is not a question of the survey, or the
     *     survey has no other question
     */
    public static DriverTally ofSurvey(io.github.cxmetrics.survey.SurveyResult result, String outcome) {
        Objects.requireNonNull(result, "result");
        List<io.github.cxmetrics.survey.Question> questions = result.survey().questions();
        List<String> ids = questions.stream().map(io.github.cxmetrics.survey.Question::id).toList();
        int o = ids.indexOf(outcome);
        if (o < 0) {
            throw new IllegalArgumentException("Invalid outcome (valid values: a question of the survey, " + ids + "): "
                    + outcome);
        }
        List<String> drivers = new java.util.ArrayList<>(ids);
        drivers.remove(o);
        DriverTallyAccumulator acc = new DriverTallyAccumulator(outcome, drivers);
        result.forEachPattern((answers, count) -> {
            double[] x = new double[answers.length - 1];
            for (int q = 0, j = 0; q < answers.length; q++) {
                if (answers[q] == io.github.cxmetrics.survey.Survey.MISSING) {
                    return;
                }
                if (q != o) {
                    x[j++] = answers[q];
                }
            }
            acc.addRepeated(count, answers[o], x);
        });
        return acc.snapshot();
    }

    static void checkNames(String outcome, List<String> drivers) {
        if (drivers.isEmpty()) {
            throw new IllegalArgumentException("Invalid drivers (valid values: at least one driver): none");
        }
        Set<String> seen = new HashSet<>();
        seen.add(outcome);
        if (outcome.isBlank()) {
            throw new IllegalArgumentException("Invalid outcome (valid values: a non-blank name): \"" + outcome + "\"");
        }
        for (String d : drivers) {
            Objects.requireNonNull(d, "driver");
            if (d.isBlank() || !seen.add(d)) {
                throw new IllegalArgumentException("Invalid driver (valid values: non-blank names, each once and not "
                        + "the outcome): \"" + d + "\"");
            }
        }
    }

    /** The outcome's name. */
    public String outcome() {
        return outcome;
    }

    /** The drivers' names, in order. */
    public List<String> drivers() {
        return drivers;
    }

    /** The number of complete answers. */
    public long n() {
        return n;
    }

    BigDecimal sum(int variable) {
        return sums[variable];
    }

    BigDecimal product(int k) {
        return products[k];
    }

    private BigDecimal product(int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        int size = sums.length;
        // row a of the upper triangle starts after rows 0..a-1, of lengths size, size-1, ...
        int start = a * size - a * (a - 1) / 2;
        return products[start + (b - a)];
    }

    /**
     * The mean of a variable (0 the outcome, 1… the drivers in order).
     *
     * @throws IllegalStateException if there are no answers
     */
    double mean(int variable) {
        requireAnswers(1);
        return sums[variable].divide(BigDecimal.valueOf(n), MC).doubleValue();
    }

    /**
     * The sample covariance of two variables (n − 1 in the denominator), from the exact sums:
     * (n Σxy − Σx Σy) / (n (n − 1)), rounded once.
     */
    double covariance(int i, int j) {
        requireAnswers(2);
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal num = bn.multiply(product(i, j)).subtract(sums[i].multiply(sums[j]));
        return num.divide(bn.multiply(BigDecimal.valueOf(n - 1)), MC).doubleValue();
    }

    void requireAnswers(long least) {
        if (n < least) {
            throw new IllegalStateException("Not enough complete answers for a driver analysis of " + outcome
                    + " (valid values n >= " + least + "): " + n);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DriverTally t) || n != t.n || !outcome.equals(t.outcome) || !drivers.equals(t.drivers)) {
            return false;
        }
        for (int i = 0; i < sums.length; i++) {
            if (sums[i].compareTo(t.sums[i]) != 0) {
                return false;
            }
        }
        for (int k = 0; k < products.length; k++) {
            if (products[k].compareTo(t.products[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(outcome, drivers, n);
        for (BigDecimal s : sums) {
            h = 31 * h + Double.hashCode(s.doubleValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "DriverTally[" + outcome + " ~ " + String.join(" + ", drivers) + ", n=" + n + "]";
    }
}
