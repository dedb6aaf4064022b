package io.github.cxmetrics.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A user's mapping of the answer labels of one column to scores, for wording that the built-in
 * vocabularies of {@link ExportRow#score} do not know.
 *
 * <p>Get one with {@link #of(String, Map)} or {@link #parse(String)}. Labels match
 * case-insensitively after trimming. Immutable and thread-safe; {@link #toString()} is what
 * {@link #parse(String)} reads back.
 *
 * @since 0.1.0
 */
public final class LabelMapping {
    private final String column;
    private final Map<String, Integer> scores;

    private LabelMapping(String column, Map<String, Integer> scores) {
        this.column = column;
        this.scores = scores;
    }

    /**
     * A mapping for a column.
     *
     * @param column the column name (matched as columns are: case-insensitively after trimming)
     * @param scores label to score, in the order to show them; at least one
     * @return the mapping
     * @throws IllegalArgumentException if the column or a label is blank, if there is no label, or
     *                                  if two labels are equal ignoring case
     * @throws NullPointerException     if an argument, a label or a score is null
     */
    public static LabelMapping of(String column, Map<String, Integer> scores) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(scores, "scores");
        if (column.isBlank()) {
            throw new IllegalArgumentException("Invalid label mapping: empty column name");
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("Invalid label mapping for column \"" + column + "\": no labels");
        }
        Map<String, Integer> copy = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        scores.forEach((label, score) -> {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(score, "score");
            String key = key(label);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Invalid label mapping for column \"" + column + "\": empty label");
            }
            String earlier = seen.putIfAbsent(key, label);
            if (earlier != null) {
                throw new IllegalArgumentException("Invalid label mapping for column \"" + column
                        + "\": label \"" + label + "\" given twice");
            }
            copy.put(label.strip(), score);
        });
        return new LabelMapping(column.strip(), Collections.unmodifiableMap(copy));
    }

    /**
     * Parses {@code COLUMN=Label=1,Other label=2,...}: the column is everything before the first
     * {@code =} (so a column name may hold commas), pairs are separated by commas, and each pair
     * splits at its last {@code =} (so a label may hold {@code =}).
     *
     * @param text the mapping
     * @return the mapping
     * @throws IllegalArgumentException if there is no {@code =}, a pair has no {@code =}, or a score
     *                                  is not an integer: {@code Invalid label mapping (valid: COLUMN=Label=1,Other=2): X}
     * @throws NullPointerException     if {@code text} is null
     */
    public static LabelMapping parse(String text) {
        Objects.requireNonNull(text, "text");
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw invalid(text);
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String pair : text.substring(eq + 1).split(",", -1)) {
            int last = pair.lastIndexOf('=');
            if (last < 0) {
                throw invalid(text);
            }
            try {
                Integer earlier = scores.put(pair.substring(0, last), Integer.parseInt(pair.substring(last + 1).strip()));
                if (earlier != null) {
                    throw new IllegalArgumentException("Invalid label mapping: label \"" + pair.substring(0, last)
                            + "\" given twice: " + text);
                }
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
        }
        return of(text.substring(0, eq), scores);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("Invalid label mapping (valid: COLUMN=Label=1,Other=2): " + text);
    }

    static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    /** The column the mapping applies to. */
    public String column() {
        return column;
    }

    /** The labels and their scores, in the order given. */
    public Map<String, Integer> scores() {
        return scores;
    }

    /** The score of a label, matched case-insensitively after trimming. */
    OptionalInt scoreOf(String label) {
        String key = key(label);
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            if (key(e.getKey()).equals(key)) {
                return OptionalInt.of(e.getValue());
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMapping m && m.column.equals(column) && m.scores.equals(scores);
    }

    @Override
    public int hashCode() {
        return column.hashCode() * 31 + scores.hashCode();
    }

    /** Returns {@code COLUMN=Label=1,Other=2}, the form {@link #parse(String)} reads. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(column).append('=');
        String sep = "";
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return b.toString();
    }
}
