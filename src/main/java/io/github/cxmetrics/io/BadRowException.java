package io.github.cxmetrics.io;

/**
 * A row of the input that cannot be used, with where it is: {@code line 1234, column nps: "11" is
 * not on the NPS scale 0..10}. Thrown by a report that fails at a bad row ({@code --on-bad-row fail}, the default).
 *
 * @since 0.1.0
 */
public final class BadRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final String column;
    private final String reason;

    /**
     * A bad row.
     *
     * @param line the 1-based line where the row starts (the header is line 1)
     * @param column the column's name, or null when the problem is the whole row
     * @param reason what is wrong, with the value
     */
    public BadRowException(long line, String column, String reason) {
        super("line " + line + (column == null ? "" : ", column " + column) + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The 1-based line where the row starts. */
    public long line() {
        return line;
    }

    /** The column's name, or null when the whole row is wrong (e.g. its number of fields). */
    public String column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
