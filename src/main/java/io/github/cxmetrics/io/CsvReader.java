package io.github.cxmetrics.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A streaming reader of RFC 4180 CSV in UTF-8, one record at a time, that works on the raw bytes
 * and makes a {@code String} only when asked for one.
 *
 * <p>Get one with {@link #open(Path, char)} or {@link #of(InputStream, char)}, then call
 * {@link #next()} until it returns {@code false}; after each successful {@code next()} the
 * accessors describe the current record. A reader is not thread-safe. Memory is one buffer of
 * 1 MiB, grown only for a record that does not fit, so it does not depend on the number of rows.
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(file, ',')) {
 *     CsvHeader header = CsvHeader.read(csv);
 *     int nps = header.require("nps");
 *     while (csv.next()) {
 *         if (nps < csv.fieldCount() && !csv.isEmpty(nps)) {
 *             counts[csv.smallInt(nps)]++;
 *         }
 *     }
 * }
 * }</pre>
 *
 * <h2>Dialect</h2>
 * RFC 4180 (<a href="https://www.rfc-editor.org/rfc/rfc4180">https://www.rfc-editor.org/rfc/rfc4180</a>)
 * with a configurable delimiter:
 * <ul>
 * <li>A field that starts with {@code "} is quoted: it ends at the next {@code "} that is not
 *     doubled, {@code ""} stands for one {@code "}, and the delimiter, CR and LF are data inside
 *     it. After the closing quote only the delimiter, a line end or the end of input may follow.
 * <li>A record ends with LF or CRLF; the last record may lack it. A CR outside quotes that is not
 *     followed by LF is an error (a file with old Mac line endings is rejected rather than read as
 *     one long record); a CR directly before the end of input ends the record.
 * <li>An empty line is a record with one empty field. A line end directly before the end of
 *     input does not start another record.
 * <li>A leading UTF-8 byte order mark is skipped. Fields are decoded as UTF-8 by
 *     {@link #field(int)}; the other accessors work on the bytes and never decode.
 * <li>One leniency: a {@code "} inside an unquoted field (as in {@code 5" screen}) is kept as
 *     data, as spreadsheets and most readers do; RFC 4180 forbids it but its meaning is clear.
 *     Spaces around fields are data.
 * <li>Records may have different numbers of fields: {@link #fieldCount()} reports each record's
 *     count, and the caller decides whether a ragged row is an error.
 * </ul>
 *
 * <h2>Errors</h2>
 * A malformed input makes {@link #next()} throw {@link CsvFormatException} naming the line and
 * the 1-based column; after that the reader is failed and every further {@code next()} throws the
 * same exception. Reasons:
 * <ul>
 * <li>{@code unterminated quoted field} (line and column of the opening quote);
 * <li>{@code unexpected character 'x' after closing quote} (or {@code byte 0xC3} for a
 *     non-printable or non-ASCII byte);
 * <li>{@code carriage return not followed by line feed outside quotes (records must end with LF or CRLF)};
 * <li>{@code field longer than 67108864 bytes}, {@code record longer than 134217728 bytes},
 *     {@code record has more than 1048576 fields}: the bounds that keep memory finite.
 * </ul>
 * Accessors throw {@link CsvFormatException} for invalid UTF-8 ({@link #field(int)}) and
 * {@link CsvValueException} for a value of the wrong kind ({@link #smallInt(int)}); those leave the
 * reader usable. Field indexes out of range throw {@link IndexOutOfBoundsException}.
 *
 * @since 0.1.0
 */
public final class CsvReader implements Closeable {
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    static final int MAX_FIELD_BYTES = 64 << 20;
    static final int MAX_RECORD_BYTES = 128 << 20;
    static final int MAX_FIELDS = 1 << 20;

    private static final byte QUOTE = '"';
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    /** Consecutive zero-length reads tolerated from a misbehaving stream before giving up. */
    private static final int MAX_EMPTY_READS = 100;

    private final InputStream in;
    private final byte delimiter;
    private final int maxFieldBytes;
    private final int maxRecordBytes;
    private final int maxFields;

    private byte[] buf;
    /** First byte not yet parsed (between records: the start of the next record). */
    private int pos;
    /** End of the valid bytes in {@link #buf}. */
    private int limit;
    private boolean started;
    private boolean eof;
    private boolean closed;
    private CsvFormatException failure;
    private long streamBytes;
    /** Physical line of {@link #pos} (between records). */
    private long line = 1;
    /** How far {@link #fill} moved the buffer contents to the left on its last call. */
    private int shifted;

    private int recordStart;
    private long recordLine;
    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private long[] lines = new long[32];

    private CharsetDecoder decoder;

    CsvReader(InputStream in, char delimiter, int bufferSize, int maxFieldBytes, int maxRecordBytes, int maxFields) {
        this.in = Objects.requireNonNull(in, "in");
        this.delimiter = checkDelimiter(delimiter);
        if (!(bufferSize >= 4 && maxFieldBytes >= 1 && maxRecordBytes >= bufferSize && maxRecordBytes >= maxFieldBytes && maxFields >= 1)) {
            throw new IllegalArgumentException("Invalid limits: buffer " + bufferSize + ", field " + maxFieldBytes
                    + ", record " + maxRecordBytes + ", fields " + maxFields);
        }
        this.buf = new byte[bufferSize];
        this.maxFieldBytes = maxFieldBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.maxFields = maxFields;
    }

    private static byte checkDelimiter(char delimiter) {
        if (delimiter < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n') {
            return (byte) delimiter;
        }
        throw new IllegalArgumentException("Invalid delimiter (valid: an ASCII character other than '\"', CR and LF): U+"
                + String.format("%04X", (int) delimiter));
    }

    /**
     * Opens a file for reading.
     *
     * @param file      the CSV file, UTF-8 with or without a byte order mark
     * @param delimiter the field separator: {@code ','}, {@code ';'}, {@code '\t'} or another
     *                  ASCII character other than {@code "}, CR and LF
     * @return a reader positioned before the first record; close it when done
     * @throws IOException              if the file cannot be opened
     * @throws IllegalArgumentException if the delimiter is not allowed
     */
    public static CsvReader open(Path file, char delimiter) throws IOException {
        checkDelimiter(delimiter);
        return of(Files.newInputStream(Objects.requireNonNull(file, "file")), delimiter);
    }

    /**
     * Wraps a stream. The reader buffers by itself, so the stream need not be buffered; closing the
     * reader closes the stream.
     *
     * @param in        the UTF-8 input, with or without a byte order mark
     * @param delimiter the field separator, as for {@link #open(Path, char)}
     * @return a reader positioned before the first record
     * @throws IllegalArgumentException if the delimiter is not allowed
     * @throws NullPointerException     if {@code in} is null
     */
    public static CsvReader of(InputStream in, char delimiter) {
        return new CsvReader(in, delimiter, DEFAULT_BUFFER_SIZE, MAX_FIELD_BYTES, MAX_RECORD_BYTES, MAX_FIELDS);
    }

    /**
     * Wraps a stream in another encoding: its text is decoded and read as UTF-8 would be. Bytes the
     * encoding leaves undefined and malformed sequences become U+FFFD, so they never stop the
     * reading; a reader of a column decides whether a U+FFFD in it is an error. A byte order mark
     * is skipped at the start.
     *
     * @param in        the input; closing the reader closes it
     * @param delimiter the field separator, as for {@link #open(Path, char)}
     * @param charset   the input's encoding; UTF-8 reads the bytes as {@link #of(InputStream, char)}
     * @return a reader positioned before the first record
     * @throws IllegalArgumentException if the delimiter is not allowed
     * @throws NullPointerException     if an argument is null
     */
    public static CsvReader of(InputStream in, char delimiter, Charset charset) {
        Objects.requireNonNull(in, "in");
        if (Objects.requireNonNull(charset, "charset").equals(StandardCharsets.UTF_8)) {
            return of(in, delimiter);
        }
        checkDelimiter(delimiter);
        return of(new Utf8Transcoder(in, charset), delimiter);
    }

    /**
     * Advances to the next record.
     *
     * @return {@code true} if there is a current record, {@code false} at the end of input
     * @throws IOException         if reading the input fails
     * @throws CsvFormatException  if the input is not valid CSV; the reader is then failed
     * @throws IllegalStateException if the reader is closed
     */
    public boolean next() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("CsvReader is closed");
        }
        try {
            if (!started) {
                start();
            }
            return parseRecord();
        } catch (CsvFormatException e) {
            failure = e;
            count = 0;
            throw e;
        }
    }

    private void start() throws IOException {
        started = true;
        recordStart = 0;
        while (limit < 3 && fill(0, 1)) {
            // a stream may deliver fewer bytes than asked for
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    private boolean parseRecord() throws IOException {
        count = 0;
        int p = pos;
        recordStart = p;
        recordLine = line;
        if (p == limit) {
            boolean more = fill(0, line);
            p -= shifted;
            if (!more) {
                pos = p;
                return false;
            }
        }
        byte[] b = buf;
        int lim = limit;
        final byte d = delimiter;
        long ln = line;
        for (;;) {
            // invariant: p < lim, at the first byte of a field
            long fieldLine = ln;
            int fs = p;
            int fe;
            if (b[p] == QUOTE) {
                fs = ++p;
                int w = p;
                for (;;) {
                    if (p == lim) {
                        boolean more = fill(w - fs, fieldLine);
                        int s = shifted;
                        p -= s;
                        w -= s;
                        fs -= s;
                        b = buf;
                        lim = limit;
                        if (!more) {
                            throw new CsvFormatException(fieldLine, count + 1, "unterminated quoted field");
                        }
                    }
                    byte c = b[p++];
                    if (c == QUOTE) {
                        if (p == lim) {
                            boolean more = fill(w - fs, fieldLine);
                            int s = shifted;
                            p -= s;
                            w -= s;
                            fs -= s;
                            b = buf;
                            lim = limit;
                            if (!more) {
                                break;
                            }
                        }
                        if (b[p] != QUOTE) {
                            break;
                        }
                        p++;
                    } else if (c == LF) {
                        ln++;
                    }
                    b[w++] = c;
                }
                fe = w;
            } else {
                for (;;) {
                    while (p < lim) {
                        byte c = b[p];
                        if (c == d || c == LF || c == CR) {
                            break;
                        }
                        p++;
                    }
                    if (p < lim) {
                        break;
                    }
                    boolean more = fill(p - fs, fieldLine);
                    int s = shifted;
                    p -= s;
                    fs -= s;
                    b = buf;
                    lim = limit;
                    if (!more) {
                        break;
                    }
                }
                fe = p;
            }
            addField(fs, fe, fieldLine);
            // p is after the field: at a delimiter, a line end, another byte after a closing quote, or the end of input
            if (p == lim) {
                boolean more = fill(0, ln);
                p -= shifted;
                b = buf;
                lim = limit;
                if (!more) {
                    break;
                }
            }
            byte c = b[p];
            if (c == d) {
                p++;
                if (p == lim) {
                    boolean more = fill(0, ln);
                    p -= shifted;
                    b = buf;
                    lim = limit;
                    if (!more) {
                        addField(p, p, ln);
                        break;
                    }
                }
                continue;
            }
            if (c == LF) {
                p++;
                ln++;
                break;
            }
            if (c == CR) {
                if (p + 1 == lim) {
                    boolean more = fill(0, ln);
                    p -= shifted;
                    b = buf;
                    lim = limit;
                    if (!more) {
                        p++;
                        break;
                    }
                }
                if (b[p + 1] == LF) {
                    p += 2;
                    ln++;
                    break;
                }
                throw new CsvFormatException(ln, count,
                        "carriage return not followed by line feed outside quotes (records must end with LF or CRLF)");
            }
            throw new CsvFormatException(ln, count, "unexpected " + describe(c) + " after closing quote");
        }
        pos = p;
        line = ln;
        return true;
    }

    private static String describe(byte c) {
        if (c >= 0x20 && c < 0x7F) {
            return "character '" + (char) c + "'";
        }
        return String.format("byte 0x%02X", c & 0xFF);
    }

    private void addField(int start, int end, long fieldLine) {
        int n = count;
        if (end - start > maxFieldBytes) {
            throw fieldTooLong(fieldLine, n + 1);
        }
        if (n == maxFields) {
            throw new CsvFormatException(recordLine, n + 1, "record has more than " + maxFields + " fields");
        }
        if (n == starts.length) {
            int size = (int) Math.min(maxFields, 2L * n);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            lines = Arrays.copyOf(lines, size);
        }
        starts[n] = start;
        ends[n] = end;
        lines[n] = fieldLine;
        count = n + 1;
    }

    private CsvFormatException fieldTooLong(long fieldLine, int column) {
        return new CsvFormatException(fieldLine, column, "field longer than " + maxFieldBytes + " bytes");
    }

    /**
     * Reads more input after {@link #limit}, first moving the current record to the start of the
     * buffer, or growing the buffer, when there is no room. Sets {@link #shifted} to how far the
     * contents moved left; the caller subtracts it from its positions.
     *
     * @param fieldLength the length so far of the field being scanned, checked against the limit
     * @param fieldLine   the line where that field starts, for the error message
     * @return whether any byte was read; {@code false} at the end of input
     */
    private boolean fill(int fieldLength, long fieldLine) throws IOException {
        shifted = 0;
        if (fieldLength > maxFieldBytes) {
            throw fieldTooLong(fieldLine, count + 1);
        }
        if (eof) {
            return false;
        }
        if (limit == buf.length) {
            if (recordStart == 0) {
                if (buf.length >= maxRecordBytes) {
                    throw new CsvFormatException(recordLine, count + 1, "record longer than " + maxRecordBytes + " bytes");
                }
                buf = Arrays.copyOf(buf, (int) Math.min(maxRecordBytes, 2L * buf.length));
            } else {
                int s = recordStart;
                System.arraycopy(buf, s, buf, 0, limit - s);
                for (int i = 0; i < count; i++) {
                    starts[i] -= s;
                    ends[i] -= s;
                }
                limit -= s;
                pos -= Math.min(pos, s);
                recordStart = 0;
                shifted = s;
            }
        }
        for (int attempt = 0; attempt < MAX_EMPTY_READS; attempt++) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                return false;
            }
            if (r > 0) {
                limit += r;
                streamBytes += r;
                return true;
            }
        }
        throw new IOException("InputStream.read returned 0 bytes " + MAX_EMPTY_READS + " times in a row");
    }

    /**
     * Returns the number of fields in the current record: at least 1 for a record (an empty line
     * is one empty field), 0 before the first record and after the end. Records need not have the
     * same count; checking that is the caller's job.
     *
     * @return the field count
     */
    public int fieldCount() {
        return count;
    }

    /**
     * Returns whether a field is empty: nothing between delimiters, or {@code ""}.
     *
     * @param field the 0-based field index
     * @return {@code true} if the field has no bytes
     * @throws IndexOutOfBoundsException if {@code field} is not in {@code [0, fieldCount())}
     */
    public boolean isEmpty(int field) {
        Objects.checkIndex(field, count);
        return starts[field] == ends[field];
    }

    /**
     * Returns the length of a field in bytes, after removing the quotes of a quoted field.
     *
     * @param field the 0-based field index
     * @return the length in UTF-8 bytes
     * @throws IndexOutOfBoundsException if {@code field} is not in {@code [0, fieldCount())}
     */
    public int fieldLength(int field) {
        Objects.checkIndex(field, count);
        return ends[field] - starts[field];
    }

    /**
     * Decodes a field as UTF-8 text.
     *
     * @param field the 0-based field index
     * @return the field's text, {@code ""} if empty
     * @throws IndexOutOfBoundsException if {@code field} is not in {@code [0, fieldCount())}
     * @throws CsvFormatException        if the field is not valid UTF-8; the message gives the byte
     *                                   and its offset within the field
     */
    public String field(int field) {
        Objects.checkIndex(field, count);
        int s = starts[field];
        int len = ends[field] - s;
        String text = new String(buf, s, len, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            checkUtf8(field, s, len);
        }
        return text;
    }

    private void checkUtf8(int field, int start, int length) {
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        ByteBuffer bytes = ByteBuffer.wrap(buf, start, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            throw new CsvFormatException(lines[field], field + 1, String.format(
                    "invalid UTF-8: byte 0x%02X at offset %d of the field", buf[at] & 0xFF, at - start));
        }
    }

    /**
     * Parses a field as a decimal {@code int} without allocating: an optional {@code +} or
     * {@code -} followed by ASCII digits, nothing else (no spaces, no decimal point).
     *
     * @param field the 0-based field index
     * @return the value
     * @throws IndexOutOfBoundsException if {@code field} is not in {@code [0, fieldCount())}
     * @throws CsvValueException         if the field is empty or not an integer ({@code not an integer: "4.5"}),
     *                                   or outside the {@code int} range
     *                                   ({@code integer out of range [-2147483648, 2147483647]: "3000000000"})
     */
    public int smallInt(int field) {
        Objects.checkIndex(field, count);
        byte[] b = buf;
        int p = starts[field];
        int e = ends[field];
        boolean negative = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        if (p == e) {
            throw valueError(field, "not an integer");
        }
        long value = 0;
        for (; p < e; p++) {
            int digit = b[p] - '0';
            if (digit < 0 || digit > 9) {
                throw valueError(field, "not an integer");
            }
            value = value * 10 + digit;
            if (value > 1L << 31) {
                break;
            }
        }
        for (; p < e; p++) {
            if (b[p] < '0' || b[p] > '9') {
                throw valueError(field, "not an integer");
            }
        }
        if (negative) {
            value = -value;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw valueError(field, "integer out of range [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
        }
        return (int) value;
    }

    private CsvValueException valueError(int field, String expected) {
        String raw = new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
        return new CsvValueException(lines[field], field + 1, expected, raw);
    }

    /**
     * Returns whether a field's bytes equal the given UTF-8 bytes, without allocating.
     *
     * @param field the 0-based field index
     * @param utf8  the bytes to compare with, such as {@code "phone".getBytes(UTF_8)}
     * @return {@code true} if the field has exactly these bytes
     * @throws IndexOutOfBoundsException if {@code field} is not in {@code [0, fieldCount())}
     * @throws NullPointerException      if {@code utf8} is null
     */
    public boolean fieldEquals(int field, byte[] utf8) {
        Objects.checkIndex(field, count);
        int s = starts[field];
        int e = ends[field];
        return e - s == utf8.length && Arrays.equals(buf, s, e, utf8, 0, utf8.length);
    }

    /**
     * Returns a hash of a field's bytes without allocating: the same value as
     * {@link Arrays#hashCode(byte[])} of {@link #fieldBytes(int)}, so that a table of interned keys
     * can hash its stored {@code byte[]} keys the same way and confirm a hit with
     * {@link #fieldEquals(int, byte[])}.
     *
     * @param field the 0-based field index
     * @return the hash
     * @throws IndexOutOfBoundsException if {@code field} is not in {@code [0, fieldCount())}
     */
    public int hash(int field) {
        Objects.checkIndex(field, count);
        byte[] b = buf;
        int h = 1;
        for (int i = starts[field], e = ends[field]; i < e; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    /**
     * Returns a copy of a field's bytes (UTF-8, quotes removed), for example to store a new key.
     *
     * @param field the 0-based field index
     * @return a new array
     * @throws IndexOutOfBoundsException if {@code field} is not in {@code [0, fieldCount())}
     */
    public byte[] fieldBytes(int field) {
        Objects.checkIndex(field, count);
        return Arrays.copyOfRange(buf, starts[field], ends[field]);
    }

    /**
     * Returns the 1-based physical line on which the current record starts; the first record
     * (usually the header) is on line 1. Lines are counted by line feeds, including those inside
     * quoted fields, so after a record that spans three lines the next record starts three lines
     * further. Before the first record it is 0.
     *
     * @return the line number
     */
    public long line() {
        return recordLine;
    }

    /**
     * Returns the number of input bytes consumed up to the end of the current record, including a
     * byte order mark and the record's line end: a measure of progress through the input.
     *
     * @return the byte count, 0 before the first record
     */
    public long bytesRead() {
        return streamBytes - (limit - pos);
    }

    /**
     * Closes the underlying stream. Further calls to {@link #next()} throw
     * {@link IllegalStateException}; closing twice has no effect.
     *
     * @throws IOException if closing the stream fails
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
