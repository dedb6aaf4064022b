package io.github.cxmetrics.internal;

/**
 * Argument checks and their messages that several packages share, so that each message is built
 * in one place. Not exported: users see the exceptions, never this class.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Returns the confidence level if it lies strictly between 0 and 1. Written so that NaN fails.
     *
     * @throws IllegalArgumentException for 0, 1, values outside, and NaN:
     *     {@code Invalid value for confidence (valid values 0 < c < 1): 1.5}
     */
    public static double confidence(double confidence) {
        if (confidence > 0 && confidence < 1) {
            return confidence;
        }
        throw new IllegalArgumentException("Invalid value for confidence (valid values 0 < c < 1): " + confidence);
    }

    /**
     * Throws unless the two scales (or other scale-like values) are equal.
     *
     * @throws IllegalArgumentException {@link #scaleMismatch(Object, Object)} if they differ
     */
    public static void sameScale(Object a, Object b) {
        if (!a.equals(b)) {
            throw scaleMismatch(a, b);
        }
    }

    /**
     * The one message for two scales that cannot be combined or compared:
     * {@code Scale mismatch: CSAT[1..5] / CSAT[1..7]}. The first is the receiver's (or the
     * expected) scale, the second the other one.
     */
    public static IllegalArgumentException scaleMismatch(Object expected, Object actual) {
        return new IllegalArgumentException("Scale mismatch: " + expected + " / " + actual);
    }

    /**
     * The same message when a scale of a given kind was needed and another came:
     * {@code Scale mismatch: an NPS scale / CSAT[1..5]}.
     *
     * @param kind the needed kind as {@code Scale.kind()} spells it: {@code NPS}, {@code CSAT} or
     *     {@code CES}
     */
    public static IllegalArgumentException scaleKindMismatch(String kind, Object actual) {
        String article = kind.startsWith("N") ? "an " : "a "; // "an NPS" (en-pee-ess), "a CSAT", "a CES"
        return scaleMismatch(article + kind + " scale", actual);
    }
}
