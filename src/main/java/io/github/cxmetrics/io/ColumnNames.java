package io.github.cxmetrics.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds an export's columns by name: case-insensitively after trimming, with the names that
 * survey tools give the score and timestamp columns. Immutable.
 *
 * <p>Score columns, compared with case, spaces, {@code _} and {@code -} ignored: {@code nps},
 * {@code nps_score}, {@code csat}, {@code csat_score}, {@code ces}, {@code ces_score}; and a
 * Qualtrics column {@code Qn} that has a sibling {@code Qn_NPS_GROUP} is the NPS. The timestamp
 * column, the first present of {@link #TIMESTAMP_NAMES} compared the same way.
 *
 * <p>A duplicate name is an error only when that name is looked up.
 */
final class ColumnNames {
    /** The timestamp columns looked for, in order, when none is chosen. */
    static final List<String> TIMESTAMP_NAMES = List.of("submitted_at", "RecordedDate", "EndDate", "End Date",
            "Submit Date (UTC)", "Submitted At", "Date Submitted", "Timestamp", "Tijdstempel", "created_at", "date", "datum");

    private final List<String> names;
    private final long headerLine;

    ColumnNames(List<String> names, long headerLine) {
        this.names = names;
        this.headerLine = headerLine;
    }

    static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The name with case, spaces, {@code _}, {@code -} and brackets removed. */
    static String compact(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-()]", "");
    }

    /**
     * Returns the 0-based index of the column of this name, or -1.
     *
     * @throws CsvFormatException if two columns have this name
     */
    int find(String name) {
        return unique(indexes(name, false), name);
    }

    /**
     * Returns the index of a column the user chose.
     *
     * @param purpose what it is for, such as {@code CSAT}, for the message
     * @param option  the option that chose it, for the message
     * @throws IllegalArgumentException if there is no such column, with the nearest name
     */
    int require(String name, String purpose, String option) {
        int i = find(name);
        if (i >= 0) {
            return i;
        }
        String nearest = nearest(name);
        throw new IllegalArgumentException("Missing required column \"" + name + "\" for " + purpose + " (" + option
                + ") in header " + names + (nearest == null ? "" : "; did you mean \"" + nearest + "\"?"));
    }

    /** The score column of a scale kind ({@code NPS}, {@code CSAT}, {@code CES}) by its usual names, or -1. */
    int score(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        List<Integer> exact = indexes(k, false);
        if (!exact.isEmpty()) {
            return unique(exact, k); // the plain name wins over nps_score and the like
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String c = compact(names.get(i));
            if (c.equals(k) || c.equals(k + "score")) {
                found.add(i);
            }
        }
        if (found.isEmpty() && k.equals("nps")) {
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i).strip();
                if (n.matches("(?i)Q\\d+") && !indexes(n + "_NPS_GROUP", false).isEmpty()) {
                    found.add(i);
                }
            }
        }
        if (found.size() > 1 && normalize(names.get(found.get(0))).equals(normalize(names.get(found.get(1))))) {
            unique(found, names.get(found.get(1)));
        }
        if (found.size() > 1) {
            throw new CsvFormatException(headerLine, found.get(1) + 1, "two columns could hold " + kind + ": \""
                    + names.get(found.get(0)) + "\" and \"" + names.get(found.get(1)) + "\"; choose one with --column "
                    + k + "=NAME");
        }
        return found.isEmpty() ? -1 : found.get(0);
    }

    /** The timestamp column by the names of {@link #TIMESTAMP_NAMES}, or -1. */
    int timestamp() {
        for (String candidate : TIMESTAMP_NAMES) {
            List<Integer> found = indexes(candidate, true);
            if (!found.isEmpty()) {
                return unique(found, names.get(found.get(0)));
            }
        }
        return -1;
    }

    private List<Integer> indexes(String name, boolean compacted) {
        String wanted = compacted ? compact(name) : normalize(name);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = compacted ? compact(names.get(i)) : normalize(names.get(i));
            if (n.equals(wanted)) {
                found.add(i);
            }
        }
        return found;
    }

    private int unique(List<Integer> found, String name) {
        if (found.size() > 1) {
            throw new CsvFormatException(headerLine, found.get(1) + 1, "duplicate column name \"" + name.strip()
                    + "\" (columns " + (found.get(0) + 1) + " and " + (found.get(1) + 1) + ")");
        }
        return found.isEmpty() ? -1 : found.get(0);
    }

    /** The name closest to {@code name}, as {@link CsvHeader#closest(String)}, or null. */
    private String nearest(String name) {
        return CsvHeader.nearest(names, name);
    }
}
