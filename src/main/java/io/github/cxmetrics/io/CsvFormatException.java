package io.github.cxmetrics.io;

/**
 * Input that is not valid CSV, or a value in it that is not what the caller asked for, with the
 * place where it was found.
 *
 * <p>{@link #line()} is the 1-based physical line (lines are counted by line feeds; the header is
 * line 1) on which the offending field starts, or for an error after a closing quote, the line of
 * the offending character. {@link #column()} is the 1-based field index within the record, as a
 * spreadsheet counts columns, or {@code 0} when the error concerns no single field (for example an
 * empty file). The message reads {@code line 1234, column 3: unterminated quoted field}, or
 * {@code line 1: empty file: no header row} when the column is 0; {@link #reason()} is the part
 * after the location.
 *
 * <p>Note the two numberings: the reader's accessors take a 0-based field index
 * ({@code field(0)} is the first field), while {@code column()} here is 1-based, so a failure in
 * {@code field(2)} reports column 3.
 *
 * <p>Instances are immutable. This is an unchecked exception so that accessors such as
 * {@link CsvReader#field(int)} need no {@code throws} clause; {@link CsvReader#next()} declares it
 * beside {@link java.io.IOException}. The readers of this package throw it; its constructor is
 * package-private, so callers catch it but do not create or extend it.
 *
 * @since 0.1.0
 */
public class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final int column;
    private final String reason;

    /**
     * Creates an exception for a problem at a place in a CSV input.
     *
     * @param line   the 1-based physical line, at least 1
     * @param column the 1-based field index, or 0 when no single field is concerned
     * @param reason what is wrong, without the location, for example {@code unterminated quoted field}
     * @throws IllegalArgumentException if {@code line < 1} or {@code column < 0}
     * @throws NullPointerException     if {@code reason} is null
     */
    CsvFormatException(long line, int column, String reason) {
        super(location(line, column) + java.util.Objects.requireNonNull(reason, "reason"));
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String location(long line, int column) {
        if (line < 1) {
            throw new IllegalArgumentException("Invalid value for line (valid values 1 - " + Long.MAX_VALUE + "): " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("Invalid value for column (valid values 0 - " + Integer.MAX_VALUE + "): " + column);
        }
        return column == 0 ? "line " + line + ": " : "line " + line + ", column " + column + ": ";
    }

    /**
     * Returns the 1-based physical line on which the problem was found.
     *
     * @return the line, at least 1
     */
    public long line() {
        return line;
    }

    /**
     * Returns the 1-based field index of the problem, or 0 when it concerns no single field.
     *
     * @return the column, at least 0
     */
    public int column() {
        return column;
    }

    /**
     * Returns what is wrong, without the location prefix of {@link #getMessage()}.
     *
     * @return the reason, for example {@code unterminated quoted field}
     */
    public String reason() {
        return reason;
    }
}
