package io.github.cxmetrics.scale;

import java.util.Locale;

/**
 * The customer-effort question, with its direction as part of the scale.
 *
 * <ul>
 *   <li>{@link #AGREEMENT_7}, the default: "X made it easy to handle my issue", 1 strongly disagree
 *       … 7 strongly agree; higher is better and "easy" is 5–7 (Dixon, Toman &amp; DeLisi 2013,
 *       <i>The Effortless Experience</i>, CES 2.0).</li>
 *   <li>{@link #EFFORT_5}: the original "How much effort did you personally have to put forth?",
 *       1 very low … 5 very high effort; lower is better and "low effort" is 1–2 (Dixon, Freeman
 *       &amp; Toman 2010, Harvard Business Review 88(7/8)).</li>
 * </ul>
 *
 * <p>{@link #of(int, int, Direction)} builds other ranges; the favourable box is then the points
 * strictly on the good side of the midpoint ({@code ⌊points / 2⌋} points), and the unfavourable box
 * the same number of points at the other end. Immutable and thread-safe; a value type.
 *
 * @since 0.1.0
 */
public final class CesScale implements Scale {

    /** 1–7 agreement, higher is better, easy = 5–7. */
    public static final CesScale AGREEMENT_7 = new CesScale(1, 7, Direction.HIGHER_IS_BETTER);

    /** 1–5 effort, lower is better, low effort = 1–2. */
    public static final CesScale EFFORT_5 = new CesScale(1, 5, Direction.LOWER_IS_BETTER);

    private static final String[] EN7 = {"strongly disagree", "disagree", "somewhat disagree",
        "neither agree nor disagree", "somewhat agree", "agree", "strongly agree"};
    private static final String[] NL7 = {"helemaal mee oneens", "mee oneens", "enigszins mee oneens", "neutraal",
        "enigszins mee eens", "mee eens", "helemaal mee eens"};
    private static final String[] EN_EFFORT5 = {"very low effort", "low effort", "moderate effort", "high effort",
        "very high effort"};
    private static final String[] NL_EFFORT5 = {"zeer weinig moeite", "weinig moeite", "gemiddelde moeite",
        "veel moeite", "zeer veel moeite"};

    private final int min;
    private final int max;
    private final Direction direction;

    private CesScale(int min, int max, Direction direction) {
        this.min = min;
        this.max = max;
        this.direction = direction;
    }

    /**
     * A CES scale on {@code min..max} in the given direction.
     *
     * @throws IllegalArgumentException if {@code min >= max} or the range has more than 1001 points
     * @throws NullPointerException if direction is null
     */
    public static CesScale of(int min, int max, Direction direction) {
        Scales.checkRange("CES scale", min, max);
        java.util.Objects.requireNonNull(direction, "direction");
        CesScale scale = new CesScale(min, max, direction);
        if (scale.equals(AGREEMENT_7)) {
            return AGREEMENT_7;
        }
        return scale.equals(EFFORT_5) ? EFFORT_5 : scale;
    }

    /**
     * Parses {@code "1-7"} (agreement, higher is better) or {@code "1-5-effort"} (effort, lower is
     * better); {@code "1..7"} and {@link #toString()}'s form are accepted too.
     *
     * @throws IllegalArgumentException if the text is not such a range
     */
    public static CesScale parse(String text) {
        String t = text.strip();
        boolean effort = t.endsWith("-effort") || t.endsWith(" effort]");
        String range = t.replace("-effort", "").replace(" effort]", "]");
        int[] r = Ranges.parse("CES scale", range, "CES");
        return of(r[0], r[1], effort ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER);
    }

    @Override
    public String kind() {
        return "CES";
    }

    @Override
    public int min() {
        return min;
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    /** The number of points in the favourable (easy) box: {@code ⌊points / 2⌋}. */
    public int boxSize() {
        return points() / 2;
    }

    /** Easy (agreement scale: the top {@link #boxSize()} points) or low effort (effort scale: the bottom ones). */
    @Override
    public boolean isFavorable(int score) {
        requireValid(score);
        return direction == Direction.HIGHER_IS_BETTER ? score > max - boxSize() : score < min + boxSize();
    }

    /** Difficult, or high effort: the box of the same size at the bad end. */
    @Override
    public boolean isUnfavorable(int score) {
        requireValid(score);
        return direction == Direction.HIGHER_IS_BETTER ? score < min + boxSize() : score > max - boxSize();
    }

    @Override
    public String label(int score, Locale locale) {
        if (direction == Direction.LOWER_IS_BETTER) {
            return Scales.label(this, score, locale, EN_EFFORT5, NL_EFFORT5);
        }
        return Scales.label(this, score, locale, EN7, NL7);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CesScale other && min == other.min && max == other.max && direction == other.direction;
    }

    @Override
    public int hashCode() {
        return (min * 31 + max) * 31 + direction.hashCode();
    }

    /** {@code CES[1..7]} for agreement scales, {@code CES[1..5 effort]} for effort scales. */
    @Override
    public String toString() {
        return "CES[" + min + ".." + max + (direction == Direction.LOWER_IS_BETTER ? " effort]" : "]");
    }
}
