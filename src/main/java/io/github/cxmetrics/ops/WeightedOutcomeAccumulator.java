package io.github.cxmetrics.ops;

import io.github.cxmetrics.internal.ExactSum;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mutable weighted count of yes/no outcomes per contact, such as first-contact resolution, read
 * as a weighted {@link Proportion}: estimate Σw<sub>yes</sub>/Σw, interval from Kish's effective
 * n (Σw)²/Σw² (Kish 1965, <i>Survey Sampling</i>, §11.7), as for the weighted CSAT share.
 *
 * <p>Get one with {@code new WeightedOutcomeAccumulator()}; add outcomes with
 * {@link #add(boolean, double)}. Weights as for {@link WeightedTallyAccumulator}: 0 or in
 * [2^-64, 2^64]; the sums are kept exactly, so {@link #combine} is exact and order-free. The
 * unweighted counts are kept too ({@link #n()}, {@link #successes()}).
 *
 * <p>Not thread-safe: use one per thread and combine them.
 *
 * @since 0.1.0
 */
public final class WeightedOutcomeAccumulator {
    private static final String TAG = "cxwoutcome/1";
    private static final String DECIMAL = "(0|[1-9][0-9]*(?:\\.[0-9]*[1-9])?|0\\.[0-9]*[1-9])";
    private static final Pattern LINE = Pattern.compile("cxwoutcome/1 yes=(0|[1-9][0-9]{0,18}) n=(0|[1-9][0-9]{0,18})"
            + " yesw=" + DECIMAL + " sumw=" + DECIMAL + " sumw2=" + DECIMAL);

    private long yes;
    private long n;
    private final ExactSum yesW = new ExactSum();
    private final ExactSum sumW = new ExactSum();
    private final ExactSum sumW2 = new ExactSum();

    /** An empty accumulator. */
    public WeightedOutcomeAccumulator() {
    }

    /**
     * Adds one outcome with its weight.
     *
     * @throws IllegalArgumentException if the weight is invalid; nothing changes then
     * @throws ArithmeticException if the count would overflow
     */
    public WeightedOutcomeAccumulator add(boolean outcome, double weight) {
        WeightedTallyAccumulator.requireValidWeight(weight);
        long next = Math.incrementExact(n);
        if (outcome) {
            yes++;
            yesW.add(weight);
        }
        n = next;
        sumW.add(weight);
        sumW2.addSquare(weight);
        return this;
    }

    /** The number of outcomes added (unweighted). */
    public long n() {
        return n;
    }

    /** The number of yes outcomes (unweighted). */
    public long successes() {
        return yes;
    }

    /**
     * Adds the outcomes of the other accumulator, which is left unchanged.
     *
     * @throws ArithmeticException if a count would overflow; nothing changes then
     */
    public WeightedOutcomeAccumulator combine(WeightedOutcomeAccumulator other) {
        Objects.requireNonNull(other, "other");
        long nextN = Math.addExact(n, other.n);
        yes += other.yes;
        n = nextN;
        yesW.addAll(other.yesW);
        sumW.addAll(other.sumW);
        sumW2.addAll(other.sumW2);
        return this;
    }

    /**
     * A new accumulator of the same outcomes with every weight multiplied by a positive factor, each
     * exact sum rounded once to a multiple of 2^-232 (as {@code WeightedTally.multipliedBy}).
     *
     * @throws IllegalArgumentException if the factor is not positive and finite
     */
    public WeightedOutcomeAccumulator multipliedBy(double factor) {
        WeightedOutcomeAccumulator out = new WeightedOutcomeAccumulator();
        out.yes = yes;
        out.n = n;
        out.yesW.addAll(yesW.times(factor));
        out.sumW.addAll(sumW.times(factor));
        out.sumW2.addAll(sumW2.timesSquare(factor));
        return out;
    }

    /** The weighted share of yes outcomes (Kish's effective n for its interval). */
    public Proportion snapshot() {
        return Proportion.ofWeights(yes, n, yesW.toDouble(), sumW.toDouble(), sumW2.toDouble());
    }

    /**
     * The exact one-line text form, read back by {@link #parse(CharSequence)}:
     * {@code cxwoutcome/1 yes=3 n=4 yesw=2.5 sumw=3.5 sumw2=3.75}, sums as plain decimals.
     */
    public String format() {
        return TAG + " yes=" + yes + " n=" + n + " yesw=" + plain(yesW) + " sumw=" + plain(sumW) + " sumw2="
                + plain(sumW2);
    }

    /**
     * Reads the text form of {@link #format()}.
     *
     * @throws IllegalArgumentException if the text is not a valid version-1 line, or its numbers
     *     cannot come from one set of outcomes (yes &gt; n, yesw &gt; sumw, weight without outcomes,
     *     sumw² outside [sumw²/n, sumw²]): {@code Invalid weighted outcome line (…): line}
     */
    public static WeightedOutcomeAccumulator parse(CharSequence text) {
        String line = Objects.requireNonNull(text, "text").toString();
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw invalid("expected " + TAG + " yes= n= yesw= sumw= sumw2=, canonical numbers", line);
        }
        WeightedOutcomeAccumulator a = new WeightedOutcomeAccumulator();
        try {
            a.yes = Long.parseLong(m.group(1));
            a.n = Long.parseLong(m.group(2));
            a.yesW.addAll(ExactSum.of(new BigDecimal(m.group(3))));
            a.sumW.addAll(ExactSum.of(new BigDecimal(m.group(4))));
            a.sumW2.addAll(ExactSum.of(new BigDecimal(m.group(5))));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), line);
        }
        BigDecimal w = a.sumW.toBigDecimal();
        BigDecimal w2 = a.sumW2.toBigDecimal();
        BigDecimal square = w.multiply(w);
        if (a.yes > a.n || a.yesW.toBigDecimal().compareTo(w) > 0 || (a.yes == 0 && !a.yesW.isZero())
                || w2.compareTo(square) > 0 || square.compareTo(w2.multiply(BigDecimal.valueOf(a.n))) > 0) {
            throw invalid("counts and sums inconsistent (need yes <= n, yesw <= sumw, sumw2 <= sumw^2 <= n*sumw2)",
                    line);
        }
        return a;
    }

    private static String plain(ExactSum sum) {
        BigDecimal v = sum.toBigDecimal();
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static IllegalArgumentException invalid(String what, String line) {
        String shown = line.length() <= 80 ? line : line.substring(0, 77) + "...";
        return new IllegalArgumentException("Invalid weighted outcome line (" + what + "): " + shown);
    }

    @Override
    public String toString() {
        return "WeightedOutcomeAccumulator[" + yes + "/" + n + ", Σw=" + sumW.toDouble() + "]";
    }
}
