package io.github.cxmetrics.internal;

import java.math.BigDecimal;

/**
 * The one rule for values given in percent (CSAT and every share, 0…100): a value that looks like a
 * fraction, 0 &lt; v ≤ 1, is refused, because {@code 0.9} was almost certainly meant as 90 % and
 * taking it as 0.9 % gives a silently wrong answer. Targets and benchmarks refuse it with the
 * message built here, so the rule reads the same wherever it applies.
 */
public final class PercentValues {
    private PercentValues() {
    }

    /** Whether the value looks like a fraction of 1: 0 &lt; v ≤ 1. */
    public static boolean looksLikeFraction(double value) {
        return value > 0 && value <= 1;
    }

    /**
     * Refuses a value that looks like a fraction.
     *
     * @param what what the value is, e.g. {@code csat target}
     * @return the value
     * @throws IllegalArgumentException {@code Invalid value for csat target (valid values 0 - 100,
     *     in percent; 0 < v <= 1 looks like a fraction): 0.9 (write 90 for 90 %)}
     */
    public static double requirePercent(String what, double value) {
        if (looksLikeFraction(value)) {
            throw new IllegalArgumentException(fractionMessage(what, value));
        }
        return value;
    }

    /** The message of {@link #requirePercent(String, double)}. */
    public static String fractionMessage(String what, double value) {
        String times100 = BigDecimal.valueOf(value).movePointRight(2).stripTrailingZeros().toPlainString();
        return "Invalid value for " + what + " (valid values 0 - 100, in percent; 0 < v <= 1 looks like a fraction): "
                + plain(value) + " (write " + times100 + " for " + times100 + " %)";
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
