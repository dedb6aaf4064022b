package io.github.cxmetrics.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The column names of a CSV file, with a lookup by name.
 *
 * <p>Get one with {@link #read(CsvReader)} right after opening the reader, or {@link #of(List, long)}
 * for names found otherwise (an export's header rows). Quoted names are unquoted as any field is.
 * Indexes are 0-based, as for {@link CsvReader#field(int)}.
 *
 * <p>A lookup matches the exact name first; else the one name that is equal after trimming and
 * ignoring case ({@code " NPS "} finds {@code nps}). Empty names are allowed, may repeat, and
 * cannot be looked up. A name that occurs twice is an error only when it is looked up, so a
 * duplicated column that nobody reads never stops a file.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CsvHeader {
    private final String[] names;
    private final long line;
    /** Exact name to its columns; lists of more than one are duplicates. */
    private final Map<String, List<Integer>> exact = new HashMap<>();
    /** Trimmed lower-case name to its columns. */
    private final Map<String, List<Integer>> folded = new HashMap<>();

    private CsvHeader(String[] names, long line) {
        this.names = names;
        this.line = line;
        for (int i = 0; i < names.length; i++) {
            if (!names[i].isEmpty()) {
                exact.computeIfAbsent(names[i], k -> new ArrayList<>(1)).add(i);
                folded.computeIfAbsent(fold(names[i]), k -> new ArrayList<>(1)).add(i);
            }
        }
    }

    /**
     * Reads the next record of a reader, normally its first, as the header.
     *
     * @param reader a reader positioned before the header
     * @return the header
     * @throws IOException        if reading fails
     * @throws CsvFormatException if there is no record ({@code line 1: empty file: no header row}),
     *                            or if the record is not valid CSV or UTF-8
     * @throws NullPointerException if {@code reader} is null
     */
    public static CsvHeader read(CsvReader reader) throws IOException {
        Objects.requireNonNull(reader, "reader");
        if (!reader.next()) {
            throw new CsvFormatException(Math.max(1, reader.line()), 0, "empty file: no header row");
        }
        String[] names = new String[reader.fieldCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = reader.field(i);
        }
        return new CsvHeader(names, reader.line());
    }

    /**
     * A header of these names.
     *
     * @param names the names in file order, at least one
     * @param line  the 1-based line the header is on, for messages
     * @throws IllegalArgumentException if there are no names or the line is not positive
     * @throws NullPointerException     if a name is null
     */
    public static CsvHeader of(List<String> names, long line) {
        if (names.isEmpty() || line < 1) {
            throw new IllegalArgumentException("Invalid header (at least one name, line >= 1): " + names
                    + " on line " + line);
        }
        String[] copy = names.toArray(new String[0]);
        for (String n : copy) {
            Objects.requireNonNull(n, "name");
        }
        return new CsvHeader(copy, line);
    }

    /**
     * Returns the number of columns.
     *
     * @return the number of names, at least 1
     */
    public int size() {
        return names.length;
    }

    /**
     * Returns the name of a column.
     *
     * @param column the 0-based index
     * @return the name, possibly empty
     * @throws IndexOutOfBoundsException if {@code column} is not in {@code [0, size())}
     */
    public String name(int column) {
        return names[Objects.checkIndex(column, names.length)];
    }

    /**
     * Returns the names in file order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /**
     * Returns the index of a column, or -1 if there is none of that name.
     *
     * @param name the name: exact, or equal after trimming and ignoring case
     * @return the 0-based index, or -1
     * @throws CsvFormatException   if two columns have the name
     *                              ({@code line 1, column 5: duplicate column name "nps" (columns 2 and 5)})
     * @throws NullPointerException if {@code name} is null
     */
    public int indexOf(String name) {
        List<Integer> found = exact.get(Objects.requireNonNull(name, "name"));
        if (found == null) {
            found = folded.get(fold(name));
        }
        if (found == null) {
            return -1;
        }
        if (found.size() > 1) {
            throw new CsvFormatException(line, found.get(1) + 1, "duplicate column name \"" + names[found.get(1)]
                    + "\" (columns " + (found.get(0) + 1) + " and " + (found.get(1) + 1) + ")");
        }
        return found.get(0);
    }

    /**
     * Returns the index of a column that must exist.
     *
     * @param name the name, matched as by {@link #indexOf(String)}
     * @return the 0-based index
     * @throws IllegalArgumentException if there is no such column:
     *                                  {@code No column "nsp" in header [id, nps, csat]; did you mean "nps"?}
     * @throws CsvFormatException       if two columns have the name
     * @throws NullPointerException     if {@code name} is null
     */
    public int require(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("No column \"" + name + "\" in header " + names()
                    + closest(name).map(c -> "; did you mean \"" + c + "\"?").orElse(""));
        }
        return i;
    }

    /**
     * The name most like one that is not in the header, for a "did you mean": one that contains it
     * or is contained in it, else the nearest by edit distance (Levenshtein) when at most a third of
     * its length (at least 2) apart.
     *
     * @param name a name, usually one that {@link #indexOf(String)} did not find
     * @return the closest name, trimmed, or empty when none is close
     */
    public Optional<String> closest(String name) {
        return Optional.ofNullable(nearest(names(), name));
    }

    /** See {@link #closest(String)}; null when none is close. */
    static String nearest(List<String> names, String name) {
        String wanted = fold(name);
        String best = null;
        int bestDistance = Math.max(2, wanted.length() / 3) + 1;
        for (String n : names) {
            String candidate = fold(n);
            if (candidate.isEmpty()) {
                continue;
            }
            int d = candidate.contains(wanted) || wanted.contains(candidate) ? 1 : distance(wanted, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = n.strip();
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the names in the form {@code CsvHeader[id, nps, csat]}.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "CsvHeader" + names();
    }
}
