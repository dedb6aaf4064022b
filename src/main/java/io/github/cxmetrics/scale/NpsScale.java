package io.github.cxmetrics.scale;

import java.util.Locale;

/**
 * The Net Promoter question, "How likely are you to recommend X to a friend or colleague?", with
 * its three categories.
 *
 * <p>{@link #STANDARD} is the 0–10 scale with detractors 0–6, passives 7–8 and promoters 9–10
 * (Reichheld 2003). {@link #of(int, int, int, int)} builds an NPS-style question on another range
 * with custom breaks, e.g. {@code NpsScale.of(1, 5, 3, 4)}: detractors 1–3, passives 4,
 * promoters 5. Immutable and thread-safe; a value type.
 */
public final class NpsScale implements Scale {

    /** The standard 0–10 scale: detractors 0–6, passives 7–8, promoters 9–10. */
    public static final NpsScale STANDARD = new NpsScale(0, 10, 6, 8);

    private static final String[] EN = {"not at all likely", "extremely likely"};
    private static final String[] NL = {"zeer onwaarschijnlijk", "zeer waarschijnlijk"};

    private final int min;
    private final int max;
    private final int detractorsUpTo;
    private final int passivesUpTo;

    private NpsScale(int min, int max, int detractorsUpTo, int passivesUpTo) {
        this.min = min;
        this.max = max;
        this.detractorsUpTo = detractorsUpTo;
        this.passivesUpTo = passivesUpTo;
    }

    /**
     * An NPS-style scale on {@code min..max}: scores up to {@code detractorsUpTo} are detractors,
     * scores above it up to {@code passivesUpTo} passives, and the rest promoters. Passives may be
     * empty ({@code passivesUpTo == detractorsUpTo}); detractors and promoters may not.
     *
     * @throws IllegalArgumentException if {@code min >= max}, the range has more than 1001 points,
     *     or the breaks do not satisfy {@code min <= detractorsUpTo <= passivesUpTo < max}
     */
    public static NpsScale of(int min, int max, int detractorsUpTo, int passivesUpTo) {
        Scales.checkRange("NPS scale", min, max);
        if (!(detractorsUpTo >= min && detractorsUpTo <= passivesUpTo && passivesUpTo < max)) {
            throw new IllegalArgumentException("Invalid NPS breaks for " + min + ".." + max
                    + " (need " + min + " <= detractorsUpTo <= passivesUpTo < " + max + "): "
                    + detractorsUpTo + ", " + passivesUpTo);
        }
        if (min == 0 && max == 10 && detractorsUpTo == 6 && passivesUpTo == 8) {
            return STANDARD;
        }
        return new NpsScale(min, max, detractorsUpTo, passivesUpTo);
    }

    @Override
    public String kind() {
        return "NPS";
    }

    @Override
    public int min() {
        return min;
    }

    @Override
    public int max() {
        return max;
    }

    /** The highest detractor score (6 on the standard scale). */
    public int detractorsUpTo() {
        return detractorsUpTo;
    }

    /** The highest passive score (8 on the standard scale). */
    public int passivesUpTo() {
        return passivesUpTo;
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    /**
     * The category of a score.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    public NpsCategory categoryOf(int score) {
        requireValid(score);
        if (score <= detractorsUpTo) {
            return NpsCategory.DETRACTOR;
        }
        return score <= passivesUpTo ? NpsCategory.PASSIVE : NpsCategory.PROMOTER;
    }

    /** Promoters. */
    @Override
    public boolean isFavorable(int score) {
        return categoryOf(score) == NpsCategory.PROMOTER;
    }

    /** Detractors. */
    @Override
    public boolean isUnfavorable(int score) {
        return categoryOf(score) == NpsCategory.DETRACTOR;
    }

    @Override
    public String label(int score, Locale locale) {
        return Scales.label(this, score, locale, EN, NL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpsScale other && min == other.min && max == other.max
                && detractorsUpTo == other.detractorsUpTo && passivesUpTo == other.passivesUpTo;
    }

    @Override
    public int hashCode() {
        return ((min * 31 + max) * 31 + detractorsUpTo) * 31 + passivesUpTo;
    }

    /** {@code NPS[0..10]} for the standard scale, {@code NPS[1..5; 1-3/4-4/5-5]} for custom breaks. */
    @Override
    public String toString() {
        if (this.equals(STANDARD)) {
            return "NPS[0..10]";
        }
        return "NPS[" + min + ".." + max + "; " + min + "-" + detractorsUpTo + "/" + (detractorsUpTo + 1) + "-"
                + passivesUpTo + "/" + (passivesUpTo + 1) + "-" + max + "]";
    }
}
