package io.github.cxmetrics.ops;

import io.github.cxmetrics.score.Proportion;
import java.util.Locale;
import java.util.Objects;

/**
 * A mutable count of yes/no outcomes per contact, such as first-contact resolution ("first time
 * right": was the issue resolved in the first contact?), to read as a {@link Proportion} with its
 * Wilson interval.
 *
 * <p>Get one with {@code new OutcomeAccumulator()}; feed booleans with {@link #add(boolean)} or
 * the text of an export column with {@link #add(CharSequence)}. Denominator policy: only contacts
 * with a yes or no enter n. An empty cell (unknown, not recorded) is counted in
 * {@link #skipped()} and never in n; any other text is rejected. Merging is
 * {@link #combine(OutcomeAccumulator)}: counts add exactly.
 *
 * <p>FCR = resolved on first contact / contacts with a known outcome. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class OutcomeAccumulator {
    private long yes;
    private long n;
    private long skipped;

    /** An empty accumulator. */
    public OutcomeAccumulator() {
    }

    /**
     * Adds one outcome.
     *
     * @throws ArithmeticException if the count would overflow
     */
    public OutcomeAccumulator add(boolean outcome) {
        long next = Math.incrementExact(n);
        if (outcome) {
            yes++;
        }
        n = next;
        return this;
    }

    /**
     * Adds one outcome written as text: {@code true/false}, {@code yes/no}, {@code y/n},
     * {@code 1/0} (any case, surrounding blanks ignored). Empty or blank text is a missing outcome:
     * it is counted in {@link #skipped()} and not in n.
     *
     * @return true if an outcome was added, false if it was missing
     * @throws IllegalArgumentException for any other text, naming it
     */
    public boolean add(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String t = text.toString().strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "" -> {
                skipped = Math.incrementExact(skipped);
                return false;
            }
            case "true", "yes", "y", "1" -> add(true);
            case "false", "no", "n", "0" -> add(false);
            default -> throw new IllegalArgumentException("Invalid value for outcome (valid values true/false, "
                    + "yes/no, y/n, 1/0, or empty for missing): \"" + text + "\"");
        }
        return true;
    }

    /** The number of outcomes (yes or no) added. */
    public long n() {
        return n;
    }

    /** The number of yes outcomes. */
    public long successes() {
        return yes;
    }

    /** The number of missing outcomes seen by {@link #add(CharSequence)}, never part of n. */
    public long skipped() {
        return skipped;
    }

    /**
     * Adds the counts of the other accumulator, which is left unchanged.
     *
     * @throws ArithmeticException if a count would overflow; nothing changes then
     */
    public OutcomeAccumulator combine(OutcomeAccumulator other) {
        Objects.requireNonNull(other, "other");
        long nextN = Math.addExact(n, other.n);
        long nextSkipped = Math.addExact(skipped, other.skipped);
        yes += other.yes;
        n = nextN;
        skipped = nextSkipped;
        return this;
    }

    /**
     * Adds the outcomes of a proportion, as if its successes had been added as yes and the rest
     * as no.
     *
     * @throws ArithmeticException if a count would overflow; nothing changes then
     */
    public OutcomeAccumulator addAll(Proportion outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        long nextN = Math.addExact(n, outcomes.n());
        yes += outcomes.successes();
        n = nextN;
        return this;
    }

    /** The share of yes outcomes among the known ones, as a {@link Proportion}. */
    public Proportion snapshot() {
        return Proportion.of(yes, n);
    }

    @Override
    public String toString() {
        return "OutcomeAccumulator[" + yes + "/" + n + ", skipped " + skipped + "]";
    }
}
