package io.github.cxmetrics.design;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The known population shares of one categorical variable, e.g. the customer base by region:
 * {@code region=north:0.2,south:0.3,east:0.5}. The weighting classes ({@link Raking},
 * {@link PostStratification}) make the weighted sample match these shares.
 *
 * <p>Get one with {@link #of(String, Map)} or {@link #parse(CharSequence)}; {@link #toString()}
 * writes the form that {@code parse} reads (when no category name contains a comma or starts or
 * ends with a space). The shares keep the order given.
 *
 * <p>Every share lies in (0, 1] and they sum to 1 within 10⁻⁹: a category that the population
 * does not have is left out, not given share 0. Immutable and thread-safe.
 *
 * @param variable the variable's name, e.g. {@code region}; not blank
 * @param shares the population share of each category as a fraction in (0, 1] (not percent: the
 *     shares of a distribution, summing to 1), in the order given; unmodifiable
 *
 * @since 0.1.0
 */
public record PopulationMargin(String variable, Map<String, Double> shares) {

    /** How far the shares may sum from 1. */
    static final double SUM_TOLERANCE = 1e-9;

    private static final Pattern DECIMAL = Pattern.compile("\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Checks and copies the shares.
     *
     * @throws IllegalArgumentException if the variable is blank, there are no categories, a
     *     category is blank, a share lies outside (0, 1] or is NaN, or the shares do not sum to 1
     *     within 10⁻⁹
     * @throws NullPointerException if the variable, the map, a category or a share is null
     */
    public PopulationMargin {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(shares, "shares");
        if (variable.isBlank()) {
            throw new IllegalArgumentException("Invalid value for variable (valid values a non-blank name): '"
                    + variable + "'");
        }
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("Invalid population margin for " + variable + " (valid values at least one "
                    + "category): no categories");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            String category = Objects.requireNonNull(e.getKey(), "category");
            double share = Objects.requireNonNull(e.getValue(), "share of " + variable + "=" + category);
            if (category.isBlank()) {
                throw new IllegalArgumentException("Invalid category for " + variable + " (valid values a non-blank "
                        + "name): '" + category + "'");
            }
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("Invalid value for share of " + variable + "=" + category
                        + " (valid values 0 < s <= 1): " + share);
            }
            copy.put(category, share);
            sum += share;
        }
        if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException("Invalid shares for " + variable + " (valid values shares summing to 1 "
                    + "within 1e-9): sum " + sum);
        }
        shares = Collections.unmodifiableMap(copy);
    }

    /**
     * The target with the given shares.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public static PopulationMargin of(String variable, Map<String, Double> shares) {
        return new PopulationMargin(variable, shares);
    }

    /**
     * Parses {@code variable=category:share,category:share,…}, e.g.
     * {@code region=north:0.2,south:0.3,east:0.5}, the value of the command line's {@code --rake}.
     * Spaces around names and numbers are ignored; the variable ends at the first {@code =} and each
     * category at its last {@code :}. Shares are decimal fractions ({@code 0.2}, {@code .2},
     * {@code 2e-1}), not percentages.
     *
     * @throws IllegalArgumentException naming the text and the problem: no {@code =}, a blank
     *     variable or category, an entry without {@code :}, a share that is not a decimal number,
     *     a repeated category, or shares that break the rules of the constructor
     * @throws NullPointerException if text is null
     */
    public static PopulationMargin parse(CharSequence text) {
        String s = Objects.requireNonNull(text, "text").toString();
        int eq = s.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("Invalid population margin (valid values variable=category:share,…): '" + s + "'");
        }
        String variable = s.substring(0, eq).trim();
        if (variable.isEmpty()) {
            throw new IllegalArgumentException("Invalid population margin (valid values variable=category:share,…; the variable "
                    + "is blank): '" + s + "'");
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String entry : s.substring(eq + 1).split(",", -1)) {
            int colon = entry.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Invalid entry for " + variable + " (valid values category:share): '"
                        + entry.trim() + "' in '" + s + "'");
            }
            String category = entry.substring(0, colon).trim();
            String number = entry.substring(colon + 1).trim();
            if (category.isEmpty()) {
                throw new IllegalArgumentException("Invalid entry for " + variable + " (valid values category:share; "
                        + "the category is blank): '" + entry.trim() + "' in '" + s + "'");
            }
            if (!DECIMAL.matcher(number).matches()) {
                throw new IllegalArgumentException("Invalid value for share of " + variable + "=" + category
                        + " (valid values a decimal number 0 < s <= 1): '" + number + "'");
            }
            if (shares.put(category, Double.parseDouble(number)) != null) {
                throw new IllegalArgumentException("Duplicate category for " + variable + ": " + category + " in '" + s
                        + "'");
            }
        }
        return new PopulationMargin(variable, shares);
    }

    /** The form {@link #parse(CharSequence)} reads, e.g. {@code region=north:0.2,south:0.3,east:0.5}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(variable).append('=');
        String sep = "";
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            b.append(sep).append(e.getKey()).append(':').append(e.getValue());
            sep = ",";
        }
        return b.toString();
    }
}
