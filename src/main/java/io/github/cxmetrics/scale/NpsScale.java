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
 *
 * @since 0.1.0
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

    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile(
            "NPS\\[(-?\\d{1,9})\\.\\.(-?\\d{1,9}); (-?\\d{1,9})-(-?\\d{1,9})/(-?\\d{1,9})-(-?\\d{1,9})"
                    + "/(-?\\d{1,9})-(-?\\d{1,9})\\]");

    /**
     * Parses what {@link #toString()} prints: {@code "NPS[0..10]"} (also {@code "0-10"} and
     * {@code "0..10"}) for the standard scale, and {@code "NPS[1..5; 1-3/4-4/5-5]"} (detractors,
     * passives, promoters; empty passives are written {@code 4-3}) for custom breaks. A range without
     * breaks other than 0..10 has no default categories and is rejected.
     *
     * @throws IllegalArgumentException if the text is not such a scale, or its three groups do not
     *     tile the range as {@link #of(int, int, int, int)} requires
     * @throws NullPointerException if text is null
     */
    public static NpsScale parse(String text) {
        java.util.Objects.requireNonNull(text, "text");
        java.util.regex.Matcher m = BREAKS.matcher(text.strip());
        if (m.matches()) {
            int[] v = new int[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = Integer.parseInt(m.group(i + 1));
            }
            // groups min-d / (d+1)-p / (p+1)-max must follow each other without gap or overlap
            if (v[2] != v[0] || v[4] != (long) v[3] + 1 || v[6] != (long) v[5] + 1 || v[7] != v[1]) {
                throw new IllegalArgumentException("Invalid NPS scale (groups must tile " + v[0] + ".." + v[1]
                        + " as min-d/(d+1)-p/(p+1)-max): \"" + text + "\"");
            }
            return of(v[0], v[1], v[3], v[5]);
        }
        int[] range = Ranges.parse("NPS scale", text, "NPS");
        if (range[0] != 0 || range[1] != 10) {
            throw new IllegalArgumentException("Invalid NPS scale (only 0..10 has default categories; give the"
                    + " breaks as NPS[min..max; min-d/(d+1)-p/(p+1)-max]): \"" + text + "\"");
        }
        return STANDARD;
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
