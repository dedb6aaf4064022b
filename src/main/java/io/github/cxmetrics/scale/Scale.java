package io.github.cxmetrics.scale;

import java.util.Locale;

/**
 * A bounded integer answer scale: the NPS 0–10 question, a CSAT rating or a CES agreement or effort
 * item. A scale knows its range, which end is better, which points form its favourable box
 * (promoters, satisfied, easy) and how to label each point.
 *
 * <p>Get one from the implementations' constants and factories: {@link NpsScale#STANDARD},
 * {@link CsatScale#FIVE_POINT}, {@link CsatScale#of(int, int)}, {@link CesScale#AGREEMENT_7},
 * {@link CesScale#EFFORT_5}. All scales are immutable, thread-safe value types: two scales are
 * {@code equals} when they have the same kind, range and rules.
 *
 * <p>Every method that takes a score validates it: a score outside {@code [min, max]} throws
 * {@link IllegalArgumentException} with a message that names the scale, the valid range and the
 * value, e.g. {@code Invalid value for NPS[0..10] (valid values 0 - 10): 11}.
 *
 * @since 0.1.0
 */
public sealed interface Scale permits NpsScale, CsatScale, CesScale {

    /**
     * Reads back what a scale's {@link Object#toString() toString()} prints, exactly:
     * {@code NPS[0..10]}, {@code NPS[1..5; 1-3/4-4/5-5]} (custom breaks: detractors, passives,
     * promoters), {@code CSAT[1..5]}, {@code CSAT[1..5; top-1]} (another top box),
     * {@code CES[1..7]} (agreement, higher is better), {@code CES[1..5 effort]} (effort, lower is
     * better). {@code Scale.parse(s.toString()).equals(s)} for every scale {@code s}.
     *
     * <p>Strict: only the form {@code toString} prints is accepted (no surrounding blanks, no
     * default top box written out). The kind-specific parsers ({@link NpsScale#parse},
     * {@link CsatScale#parse}, {@link CesScale#parse}) also read the short forms a user types,
     * such as {@code 1-5}.
     *
     * @throws IllegalArgumentException if the text is not a scale's canonical form, e.g.
     *     {@code Invalid scale (expected NPS[..], CSAT[..] or CES[..]): "KTO[0..10]"} or
     *     {@code Invalid scale (expected its canonical form CSAT[1..5]): CSAT[1..5; top-2]}
     * @throws NullPointerException if text is null
     */
    static Scale parse(String text) {
        return Scales.parseScale(text);
    }

    /** The kind of scale: {@code "NPS"}, {@code "CSAT"} or {@code "CES"}. */
    String kind();

    /** The lowest valid score. */
    int min();

    /** The highest valid score. */
    int max();

    /** The number of points, {@code max − min + 1}. */
    default int points() {
        return max() - min() + 1;
    }

    /** Whether a higher score is a better experience (false only for the CES effort scale). */
    Direction direction();

    /**
     * Whether {@code score} lies in the favourable box of this scale: promoters for NPS, satisfied
     * (top-box) for CSAT, easy (or low effort) for CES.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    boolean isFavorable(int score);

    /**
     * Whether {@code score} lies in the unfavourable box: detractors for NPS, the bottom box of
     * the same size as the top box for CSAT and CES.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    boolean isUnfavorable(int score);

    /** Whether {@code score} is a valid point of this scale. */
    default boolean contains(int score) {
        return score >= min() && score <= max();
    }

    /**
     * Returns {@code score} if it is on this scale.
     *
     * @throws IllegalArgumentException naming the scale, its range and the value otherwise
     */
    default int requireValid(int score) {
        if (score >= min() && score <= max()) {
            return score;
        }
        throw Scales.outOfRange(this, Integer.toString(score));
    }

    /**
     * The score with the given value, which must be a whole number on the scale: {@code 4.0}
     * gives 4, while {@code 4.5}, {@code NaN} and infinities are rejected.
     *
     * @throws IllegalArgumentException if the value is not an integer on the scale
     */
    default int scoreOf(double value) {
        if (value == Math.rint(value) && value >= min() && value <= max()) {
            return (int) value;
        }
        throw Scales.outOfRange(this, Double.toString(value));
    }

    /**
     * Parses a score written as a decimal integer ({@code "9"}, {@code " 9 "}, {@code "+9"}; a
     * whole number written {@code "9.0"} is accepted too).
     *
     * @throws IllegalArgumentException if the text is empty (a missing score), not a whole
     *     number, or not on the scale
     * @throws NullPointerException if text is null
     */
    default int parseScore(CharSequence text) {
        return Scales.parse(this, text);
    }

    /**
     * The label of a point in the given language: English ({@code en}) and Dutch ({@code nl}) are
     * built in; any other language falls back to English. Points without a verbal anchor are
     * labelled with their number.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    String label(int score, Locale locale);

    /** The offset of a score in count arrays: {@code score − min}. */
    default int indexOf(int score) {
        return requireValid(score) - min();
    }
}
