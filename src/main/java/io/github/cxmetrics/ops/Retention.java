package io.github.cxmetrics.ops;

import io.github.cxmetrics.score.Proportion;

/**
 * Customer retention and churn over one period, each as a {@link Proportion} with its interval.
 *
 * <p>Definitions (the cohort definition used in subscription analytics):
 * <ul>
 *   <li>S = customers at the start of the period (the cohort);</li>
 *   <li>R = customers of that cohort who are still customers at the end;</li>
 *   <li>retention rate = R/S, churn rate = (S − R)/S = 1 − retention.</li>
 * </ul>
 * Customers acquired during the period are not in the cohort: they enter neither S nor R. From the
 * counts usually at hand, E customers at the end of which N were acquired during the period,
 * R = E − N: the "customer retention rate" (E − N)/S. Each rate is one binomial proportion over
 * the S cohort members, so its Wilson interval ({@link Proportion#interval(double)}) applies, and
 * the churn interval is the retention interval mirrored: [1 − upper, 1 − lower].
 *
 * <p>Get one with {@link #of(long, long)} or {@link #fromCounts(long, long, long)}. An empty
 * cohort (S = 0) is allowed; its rates then throw {@link IllegalStateException} when read.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Retention {
    private final long atStart;
    private final long retained;

    private Retention(long atStart, long retained) {
        this.atStart = atStart;
        this.retained = retained;
    }

    /**
     * The cohort of {@code atStart} customers of whom {@code retained} remain at the end.
     *
     * @throws IllegalArgumentException if a count is negative or retained exceeds atStart
     */
    public static Retention of(long atStart, long retained) {
        if (atStart < 0) {
            throw new IllegalArgumentException("Invalid value for customers at start (valid values >= 0): " + atStart);
        }
        if (retained < 0 || retained > atStart) {
            throw new IllegalArgumentException("Invalid value for retained customers (valid values 0 - " + atStart
                    + "): " + retained);
        }
        return new Retention(atStart, retained);
    }

    /**
     * From the customer counts at the start and end and the number acquired during the period:
     * retained = atEnd − acquired.
     *
     * @throws IllegalArgumentException if a count is negative, acquired exceeds atEnd, or
     *     atEnd − acquired exceeds atStart
     */
    public static Retention fromCounts(long atStart, long atEnd, long acquired) {
        if (atEnd < 0) {
            throw new IllegalArgumentException("Invalid value for customers at end (valid values >= 0): " + atEnd);
        }
        if (acquired < 0 || acquired > atEnd) {
            throw new IllegalArgumentException("Invalid value for customers acquired (valid values 0 - " + atEnd
                    + "): " + acquired);
        }
        return of(atStart, atEnd - acquired);
    }

    /** S, the customers at the start. */
    public long atStart() {
        return atStart;
    }

    /** R, the customers of the cohort still there at the end. */
    public long retained() {
        return retained;
    }

    /** S − R, the customers of the cohort lost. */
    public long churned() {
        return atStart - retained;
    }

    /** The retention rate R/S with its interval methods. */
    public Proportion retention() {
        return Proportion.of(retained, atStart);
    }

    /** The churn rate (S − R)/S with its interval methods. */
    public Proportion churn() {
        return Proportion.of(atStart - retained, atStart);
    }

    /** The cohort of both groups (e.g. two segments): counts add. */
    public Retention plus(Retention other) {
        return of(Math.addExact(atStart, other.atStart), Math.addExact(retained, other.retained));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Retention r && atStart == r.atStart && retained == r.retained;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(atStart) * 31 + Long.hashCode(retained);
    }

    @Override
    public String toString() {
        return "Retention[" + retained + "/" + atStart + "]";
    }
}
