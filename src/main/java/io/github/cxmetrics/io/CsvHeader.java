package io.github.cxmetrics.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The column names of a CSV file, read from its first record, with a lookup by name.
 *
 * <p>Get one with {@link #read(CsvReader)} right after opening the reader. Names are matched
 * exactly (case and spaces count); quoted names are unquoted as any field is. Empty names are
 * allowed, may repeat, and cannot be looked up. Indexes are 0-based, as for
 * {@link CsvReader#field(int)}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CsvHeader {
    private final String[] names;
    private final Map<String, Integer> index;

    private CsvHeader(String[] names, Map<String, Integer> index) {
        this.names = names;
        this.index = index;
    }

    /**
     * Reads the next record of a reader, normally its first, as the header.
     *
     * @param reader a reader positioned before the header
     * @return the header
     * @throws IOException        if reading fails
     * @throws CsvFormatException if there is no record ({@code line 1: empty file: no header row}),
     *                            if the record is not valid CSV or UTF-8, or if a non-empty name
     *                            occurs twice ({@code line 1, column 5: duplicate column name "nps" (columns 2 and 5)})
     * @throws NullPointerException if {@code reader} is null
     */
    public static CsvHeader read(CsvReader reader) throws IOException {
        Objects.requireNonNull(reader, "reader");
        if (!reader.next()) {
            throw new CsvFormatException(Math.max(1, reader.line()), 0, "empty file: no header row");
        }
        int n = reader.fieldCount();
        String[] names = new String[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            names[i] = reader.field(i);
            if (names[i].isEmpty()) {
                continue;
            }
            Integer earlier = index.putIfAbsent(names[i], i);
            if (earlier != null) {
                throw new CsvFormatException(reader.line(), i + 1, "duplicate column name \"" + names[i]
                        + "\" (columns " + (earlier + 1) + " and " + (i + 1) + ")");
            }
        }
        return new CsvHeader(names, index);
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
     * @param name the exact name
     * @return the 0-based index, or -1
     * @throws NullPointerException if {@code name} is null
     */
    public int indexOf(String name) {
        Integer i = index.get(Objects.requireNonNull(name, "name"));
        return i == null ? -1 : i;
    }

    /**
     * Returns the index of a column that must exist.
     *
     * @param name the exact name
     * @return the 0-based index
     * @throws IllegalArgumentException if there is no such column:
     *                                  {@code No column "nps" in header [id, csat]}
     * @throws NullPointerException     if {@code name} is null
     */
    public int require(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("No column \"" + name + "\" in header " + names());
        }
        return i;
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
