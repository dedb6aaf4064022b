package io.github.cxmetrics.scale;

import java.util.Locale;

/**
 * The customer-satisfaction question, "How would you rate your overall experience with X?", on a
 * rating scale where higher is better, with a top box of "satisfied" points.
 *
 * <p>{@link #FIVE_POINT} is the usual 1–5 scale (1 very dissatisfied … 5 very satisfied) whose top
 * box is 4–5. {@link #of(int, int)} builds any {@code min..max} range with the default top box for
 * its length, and {@link #withTopBox(int)} overrides it:
 *
 * <table>
 *   <caption>Default top box by number of points</caption>
 *   <tr><th>points</th><th>top box</th><th>example</th></tr>
 *   <tr><td>2–3</td><td>top 1</td><td>1–3: 3</td></tr>
 *   <tr><td>4–7</td><td>top 2</td><td>1–5: 4–5; 1–7: 6–7</td></tr>
 *   <tr><td>8–11</td><td>top 3</td><td>1–10: 8–10; 0–10: 8–10</td></tr>
 *   <tr><td>12 and more</td><td>top ⌊points / 4⌋</td><td>1–20: 16–20</td></tr>
 * </table>
 *
 * <p>The bottom box ({@link #isUnfavorable(int)}) has the same size as the top box. Immutable and
 * thread-safe; a value type.
 *
 * @since 0.1.0
 */
public final class CsatScale implements Scale {

    /** The 1–5 scale with top-2 box (4 satisfied, 5 very satisfied). */
    public static final CsatScale FIVE_POINT = new CsatScale(1, 5, 2);

    private static final String[] EN5 = {"very dissatisfied", "dissatisfied", "neutral", "satisfied",
        "very satisfied"};
    private static final String[] NL5 = {"zeer ontevreden", "ontevreden", "neutraal", "tevreden", "zeer tevreden"};
    private static final String[] EN3 = {"dissatisfied", "neutral", "satisfied"};
    private static final String[] NL3 = {"ontevreden", "neutraal", "tevreden"};
    private static final String[] EN7 = {"very dissatisfied", "dissatisfied", "somewhat dissatisfied", "neutral",
        "somewhat satisfied", "satisfied", "very satisfied"};
    private static final String[] NL7 = {"zeer ontevreden", "ontevreden", "enigszins ontevreden", "neutraal",
        "enigszins tevreden", "tevreden", "zeer tevreden"};

    private final int min;
    private final int max;
    private final int topBox;

    private CsatScale(int min, int max, int topBox) {
        this.min = min;
        this.max = max;
        this.topBox = topBox;
    }

    /**
     * A CSAT scale on {@code min..max} with the default top box for its length (see the table in
     * the class comment).
     *
     * @throws IllegalArgumentException if {@code min >= max} or the range has more than 1001 points
     */
    public static CsatScale of(int min, int max) {
        Scales.checkRange("CSAT scale", min, max);
        return new CsatScale(min, max, defaultTopBox(max - min + 1));
    }

    /**
     * Parses {@code "1-5"} or {@code "1..5"} into a scale with the default top box; what
     * {@link #toString()} prints ({@code "CSAT[1..5]"}, {@code "CSAT[1..5; top-3]"}) is read back.
     *
     * @throws IllegalArgumentException if the text is not a range {@code min-max}
     */
    public static CsatScale parse(String text) {
        java.util.Objects.requireNonNull(text, "text");
        java.util.regex.Matcher top = TOP_BOX.matcher(text.strip());
        if (top.matches()) {
            int[] range = Ranges.parse("CSAT scale", top.group(1) + "]", "CSAT");
            return of(range[0], range[1]).withTopBox(Integer.parseInt(top.group(2)));
        }
        int[] range = Ranges.parse("CSAT scale", text, "CSAT");
        return of(range[0], range[1]);
    }

    private static final java.util.regex.Pattern TOP_BOX =
            java.util.regex.Pattern.compile("(CSAT\\[[^;]*); top-(\\d{1,4})\\]");

    /** The default top-box size for a scale with the given number of points. */
    static int defaultTopBox(int points) {
        if (points <= 3) {
            return 1;
        }
        if (points <= 7) {
            return 2;
        }
        if (points <= 11) {
            return 3;
        }
        return points / 4;
    }

    /**
     * The same range with a top box of the {@code k} highest points.
     *
     * @throws IllegalArgumentException if {@code k} is not in {@code 1..points-1}
     */
    public CsatScale withTopBox(int k) {
        if (!(k >= 1 && k < points())) {
            throw new IllegalArgumentException("Invalid value for top box of " + this + " (valid values 1 - "
                    + (points() - 1) + "): " + k);
        }
        return new CsatScale(min, max, k);
    }

    @Override
    public String kind() {
        return "CSAT";
    }

    @Override
    public int min() {
        return min;
    }

    @Override
    public int max() {
        return max;
    }

    /** The number of points in the top box. */
    public int topBox() {
        return topBox;
    }

    /** The lowest satisfied score ({@code max − topBox + 1}). */
    public int satisfiedFrom() {
        return max - topBox + 1;
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    /** Satisfied: the score is in the top box. */
    @Override
    public boolean isFavorable(int score) {
        return requireValid(score) > max - topBox;
    }

    /** Dissatisfied: the score is in the bottom box of the same size as the top box. */
    @Override
    public boolean isUnfavorable(int score) {
        return requireValid(score) < min + topBox;
    }

    @Override
    public String label(int score, Locale locale) {
        return switch (points()) {
            case 3 -> Scales.label(this, score, locale, EN3, NL3);
            case 7 -> Scales.label(this, score, locale, EN7, NL7);
            default -> Scales.label(this, score, locale, EN5, NL5);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsatScale other && min == other.min && max == other.max && topBox == other.topBox;
    }

    @Override
    public int hashCode() {
        return (min * 31 + max) * 31 + topBox + 7;
    }

    /** {@code CSAT[1..5]}, with {@code ; top-3} added when the top box is not the default. */
    @Override
    public String toString() {
        String range = "CSAT[" + min + ".." + max;
        return topBox == defaultTopBox(points()) ? range + "]" : range + "; top-" + topBox + "]";
    }
}
