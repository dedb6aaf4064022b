package io.github.cxmetrics.report.scan;

/**
 * The rows at the start of some bytes of a CSV file that begin anywhere in it, read as RFC 4180
 * rows of a given number of fields: the parallel scan ({@link ParallelScan}) uses it to guess
 * whether a chunk starts inside a quoted field. Of the two readings (the first byte inside quotes
 * or not), the wrong one inverts every quote, so that its first "line feed outside quotes" is one
 * inside a quoted field, or none: what follows is then rarely a row of the right form. A guess
 * only; the scan checks the chunks it reads with it. Not thread-safe.
 */
final class RowShape {
    /** Rows that are enough to tell the two readings apart. */
    static final int ENOUGH = 8;
    private static final int INCOMPLETE = -1;
    private static final int INVALID = -2;

    private final byte[] b;
    private final int n;
    private final boolean endOfInput;
    private final byte delimiter;
    private final int fields;

    /**
     * @param bytes      the bytes, from the position to guess for
     * @param length     how many of them there are
     * @param endOfInput whether the input ends after them
     * @param delimiter  the field delimiter, an ASCII byte
     * @param fields     the number of fields of a row
     */
    RowShape(byte[] bytes, int length, boolean endOfInput, byte delimiter, int fields) {
        this.b = bytes;
        this.n = length;
        this.endOfInput = endOfInput;
        this.delimiter = delimiter;
        this.fields = fields;
    }

    /**
     * The number of whole rows of the right form (up to {@link #ENOUGH}) after the first line feed
     * outside quotes, the first byte being inside quotes or not; -1 if there is no such line feed,
     * or the bytes after it are not such rows (a wrong number of fields, a quote inside an
     * unquoted field, text after a closing quote, a bare CR, an unterminated quote).
     */
    int rowsAfter(boolean inQuotes) {
        int p = 0;
        boolean in = inQuotes;
        while (true) {
            if (p == n) {
                return -1;
            }
            byte c = b[p++];
            if (c == '"') {
                in = !in;
            } else if (c == '\n' && !in) {
                break;
            }
        }
        int rows = 0;
        while (rows < ENOUGH && p < n) {
            int next = row(p);
            if (next == INVALID) {
                return -1;
            }
            if (next == INCOMPLETE) {
                break;
            }
            rows++;
            p = next;
        }
        return rows;
    }

    /** The position after the row at p, or {@link #INCOMPLETE} or {@link #INVALID}. */
    private int row(int p) {
        int f = 0;
        while (true) {
            if (p < n && b[p] == '"') {
                p++;
                while (true) {
                    while (p < n && b[p] != '"') {
                        p++;
                    }
                    if (p == n) {
                        return endOfInput ? INVALID : INCOMPLETE; // unterminated
                    }
                    if (p + 1 == n && !endOfInput) {
                        return INCOMPLETE; // doubled or closing?
                    }
                    if (p + 1 < n && b[p + 1] == '"') {
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
            } else {
                while (p < n && b[p] != delimiter && b[p] != '\n' && b[p] != '\r' && b[p] != '"') {
                    p++;
                }
                if (p < n && b[p] == '"') {
                    return INVALID;
                }
            }
            f++;
            if (p == n) {
                return !endOfInput ? INCOMPLETE : f == fields ? p : INVALID;
            }
            byte c = b[p];
            if (c == delimiter) {
                if (f == fields) {
                    return INVALID;
                }
                p++;
                continue;
            }
            if (c == '\n') {
                return f == fields ? p + 1 : INVALID;
            }
            if (c == '\r') {
                if (p + 1 == n) {
                    return !endOfInput ? INCOMPLETE : f == fields ? p + 1 : INVALID;
                }
                if (b[p + 1] == '\n') {
                    return f == fields ? p + 2 : INVALID;
                }
            }
            return INVALID;
        }
    }
}
