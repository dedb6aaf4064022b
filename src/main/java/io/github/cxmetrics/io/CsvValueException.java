package io.github.cxmetrics.io;

import java.util.Objects;

/**
 * A well-formed CSV field whose text is not the kind of value the caller asked for, such as
 * {@code 4.5} read by {@link CsvReader#smallInt(int)}.
 *
 * <p>The message names the place and shows the raw text, shortened if it is long:
 * {@code line 12, column 6: not an integer: "4.5"}. Structure errors are the superclass,
 * {@link CsvFormatException}; a value error leaves the reader usable, so a caller may count the
 * row as rejected and continue with {@link CsvReader#next()}.
 *
 * <p>Instances are immutable.
 *
 * @since 0.1.0
 */
public final class CsvValueException extends CsvFormatException {
    private static final long serialVersionUID = 1L;

    /** Longest raw text, in characters, that a message quotes in full. */
    private static final int MAX_SHOWN = 60;

    private final String rawValue;

    /**
     * Creates an exception for a field whose text is not a value of the expected kind.
     *
     * @param line     the 1-based physical line on which the field starts
     * @param column   the 1-based field index
     * @param expected what was expected, for example {@code not an integer}
     * @param rawValue the field's text
     * @throws IllegalArgumentException if {@code line < 1} or {@code column < 0}
     * @throws NullPointerException     if {@code expected} or {@code rawValue} is null
     */
    CsvValueException(long line, int column, String expected, String rawValue) {
        super(line, column, Objects.requireNonNull(expected, "expected") + ": " + quote(Objects.requireNonNull(rawValue, "rawValue")));
        this.rawValue = rawValue;
    }

    private static String quote(String raw) {
        if (raw.length() <= MAX_SHOWN) {
            return '"' + raw + '"';
        }
        int end = Character.isHighSurrogate(raw.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
        return '"' + raw.substring(0, end) + "\"... (" + raw.length() + " characters)";
    }

    /**
     * Returns the field's full text, as decoded from the input.
     *
     * @return the raw value, never null
     */
    public String rawValue() {
        return rawValue;
    }
}
