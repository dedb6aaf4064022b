package io.github.cxmetrics.internal;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A streaming writer of one JSON document (RFC 8259) to an {@link Appendable}, such as a
 * {@link java.io.Writer} or a {@link StringBuilder}.
 *
 * <p>Get one with {@link #compact(Appendable)} or {@link #pretty(Appendable)} (two-space indent,
 * one member or element per line, {@code "name": value}). Calls chain:
 * <pre>{@code
 * JsonWriter json = JsonWriter.pretty(out);
 * json.beginObject()
 *         .name("n").value(800)
 *         .name("score").value(12.5)
 *         .name("tags").beginArray().value("weekly").nullValue().endArray()
 *     .endObject();
 * }</pre>
 * A writer is not thread-safe. It writes straight through to the {@code Appendable}; wrap a
 * stream in a buffered, UTF-8 {@code Writer}.
 *
 * <p>Output rules:
 * <ul>
 * <li>Strings: {@code "} and {@code \} are escaped, control characters U+0000 to U+001F become
 *     {@code \b \f \n \r \t} or {@code \}{@code u00XX}, an unpaired surrogate becomes
 *     {@code \}{@code uXXXX} (so the output stays encodable), every other character is written as
 *     it is.
 * <li>Doubles are written with {@link Double#toString(double)}, such as {@code 12.0},
 *     {@code 0.1} or {@code 1.0E-5}, which is valid JSON and reads back as exactly the same
 *     double. NaN and the infinities have no JSON form and are rejected.
 * <li>{@code null} strings are written as JSON {@code null}.
 * <li>Names within an object are not checked for duplicates.
 * </ul>
 *
 * <p>Misuse throws {@link IllegalStateException} before anything is written, with the path of the
 * current position such as {@code $.overall.nps}: a value inside an object without
 * {@link #name(String)} first, a name outside an object or twice in a row, an end that does not
 * match its begin, or a second top-level value. Errors of the {@code Appendable} propagate as
 * {@link IOException}.
 *
 * <p>Internal: the report's JSON format and the command line's calculators write with it; it is
 * not part of the public API (users read the report's JSON, they do not write it with this class).
 */
public final class JsonWriter implements Closeable, Flushable {
    private static final int OBJECT = 1;
    private static final int ARRAY = 2;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Appendable out;
    private final boolean pretty;

    /** Kind of each open container, outermost first. */
    private int[] kinds = new int[16];
    /** Number of members or elements written so far in each open container. */
    private int[] sizes = new int[16];
    /** The name of the member being written in each open object, for paths in messages. */
    private String[] names = new String[16];
    private int depth;
    private boolean pendingName;
    private boolean complete;

    private JsonWriter(Appendable out, boolean pretty) {
        this.out = Objects.requireNonNull(out, "out");
        this.pretty = pretty;
    }

    /**
     * Returns a writer that writes without any whitespace.
     *
     * @param out where to write
     * @return a writer
     * @throws NullPointerException if {@code out} is null
     */
    public static JsonWriter compact(Appendable out) {
        return new JsonWriter(out, false);
    }

    /**
     * Returns a writer that indents by two spaces and puts each member and element on its own
     * line; empty containers are written as {@code {}} and {@code []}. No newline follows the
     * document.
     *
     * @param out where to write
     * @return a writer
     * @throws NullPointerException if {@code out} is null
     */
    public static JsonWriter pretty(Appendable out) {
        return new JsonWriter(out, true);
    }

    /**
     * Begins an object, as a value.
     *
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if a value is not allowed here
     */
    public JsonWriter beginObject() throws IOException {
        return open(OBJECT, '{');
    }

    /**
     * Ends the innermost object.
     *
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if the innermost container is not an object, or a name awaits its value
     */
    public JsonWriter endObject() throws IOException {
        return close(OBJECT, '}');
    }

    /**
     * Begins an array, as a value.
     *
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if a value is not allowed here
     */
    public JsonWriter beginArray() throws IOException {
        return open(ARRAY, '[');
    }

    /**
     * Ends the innermost array.
     *
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if the innermost container is not an array
     */
    public JsonWriter endArray() throws IOException {
        return close(ARRAY, ']');
    }

    /**
     * Writes the name of the next member of the innermost object.
     *
     * @param name the member name, any string
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if not directly inside an object, or a name awaits its value
     * @throws NullPointerException  if {@code name} is null
     */
    public JsonWriter name(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (depth == 0 || kinds[depth - 1] != OBJECT) {
            throw new IllegalStateException("name(\"" + name + "\") outside an object, at " + path());
        }
        if (pendingName) {
            throw new IllegalStateException("name(\"" + name + "\") after name(\"" + names[depth - 1]
                    + "\") without a value, at " + path());
        }
        separate();
        names[depth - 1] = name;
        pendingName = true;
        writeString(name);
        out.append(pretty ? ": " : ":");
        return this;
    }

    /**
     * Writes a string value, or {@code null}.
     *
     * @param value the string, or null for JSON {@code null}
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if a value is not allowed here
     */
    public JsonWriter value(String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        writeString(value);
        return afterValue();
    }

    /**
     * Writes an integer value.
     *
     * @param value the number
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if a value is not allowed here
     */
    public JsonWriter value(long value) throws IOException {
        beforeValue();
        out.append(Long.toString(value));
        return afterValue();
    }

    /**
     * Writes a finite double value, unrounded, as {@link Double#toString(double)} does.
     *
     * @param value the number
     * @return this writer
     * @throws IOException              if the output fails
     * @throws IllegalArgumentException if {@code value} is NaN or infinite:
     *                                  {@code Non-finite value NaN at $.overall.nps.score (JSON has no NaN or Infinity)}
     * @throws IllegalStateException    if a value is not allowed here
     */
    public JsonWriter value(double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Non-finite value " + value + " at " + path() + " (JSON has no NaN or Infinity)");
        }
        beforeValue();
        out.append(Double.toString(value));
        return afterValue();
    }

    /**
     * Writes {@code true} or {@code false}.
     *
     * @param value the boolean
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if a value is not allowed here
     */
    public JsonWriter value(boolean value) throws IOException {
        beforeValue();
        out.append(value ? "true" : "false");
        return afterValue();
    }

    /**
     * Writes {@code null}.
     *
     * @return this writer
     * @throws IOException           if the output fails
     * @throws IllegalStateException if a value is not allowed here
     */
    public JsonWriter nullValue() throws IOException {
        beforeValue();
        out.append("null");
        return afterValue();
    }

    /**
     * Flushes the output if it is {@link Flushable}.
     *
     * @throws IOException if the output fails
     */
    @Override
    public void flush() throws IOException {
        if (out instanceof Flushable) {
            ((Flushable) out).flush();
        }
    }

    /**
     * Checks that the document is complete, then closes the output if it is {@link Closeable}.
     *
     * @throws IOException           if the output fails
     * @throws IllegalStateException if no value was written or a container is still open;
     *                               the output is closed all the same
     */
    @Override
    public void close() throws IOException {
        try {
            if (!complete) {
                throw new IllegalStateException("Incomplete JSON document: "
                        + (depth == 0 ? "nothing written" : depth + " container(s) open at " + path()));
            }
        } finally {
            if (out instanceof Closeable) {
                ((Closeable) out).close();
            }
        }
    }

    private JsonWriter open(int kind, char bracket) throws IOException {
        beforeValue();
        pendingName = false;
        if (depth == kinds.length) {
            kinds = Arrays.copyOf(kinds, 2 * depth);
            sizes = Arrays.copyOf(sizes, 2 * depth);
            names = Arrays.copyOf(names, 2 * depth);
        }
        kinds[depth] = kind;
        sizes[depth] = 0;
        names[depth] = null;
        depth++;
        out.append(bracket);
        return this;
    }

    private JsonWriter close(int kind, char bracket) throws IOException {
        String what = kind == OBJECT ? "endObject()" : "endArray()";
        if (depth == 0 || kinds[depth - 1] != kind) {
            throw new IllegalStateException(what + " without a matching begin, at " + path());
        }
        if (pendingName) {
            throw new IllegalStateException(what + " after name(\"" + names[depth - 1] + "\") without a value, at " + path());
        }
        depth--;
        if (pretty && sizes[depth] > 0) {
            newline();
        }
        out.append(bracket);
        return afterValue();
    }

    private void beforeValue() throws IOException {
        if (complete) {
            throw new IllegalStateException("JSON document already complete: a second top-level value");
        }
        if (depth == 0) {
            return;
        }
        if (kinds[depth - 1] == OBJECT) {
            if (!pendingName) {
                throw new IllegalStateException("Value inside an object without name() first, at " + path());
            }
        } else {
            separate();
        }
    }

    private void separate() throws IOException {
        if (sizes[depth - 1] > 0) {
            out.append(',');
        }
        if (pretty) {
            newline();
        }
    }

    private JsonWriter afterValue() {
        if (depth == 0) {
            complete = true;
        } else {
            sizes[depth - 1]++;
            pendingName = false;
        }
        return this;
    }

    private void newline() throws IOException {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /** The position in JSONPath-like form: {@code $}, {@code $.trend[3].nps}, {@code $["a b"]}. */
    private String path() {
        StringBuilder path = new StringBuilder("$");
        for (int i = 0; i < depth; i++) {
            if (kinds[i] == ARRAY) {
                path.append('[').append(sizes[i]).append(']');
            } else if (names[i] != null && (i < depth - 1 || pendingName)) {
                path.append('.').append(names[i]);
            }
        }
        return path.toString();
    }

    private void writeString(String s) throws IOException {
        out.append('"');
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String escape;
            if (c == '"') {
                escape = "\\\"";
            } else if (c == '\\') {
                escape = "\\\\";
            } else if (c < 0x20) {
                escape = controlEscape(c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                escape = unicodeEscape(c);
            } else {
                continue;
            }
            out.append(s, run, i).append(escape);
            run = i + 1;
        }
        out.append(s, run, n).append('"');
    }

    private static String controlEscape(char c) {
        switch (c) {
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return unicodeEscape(c);
        }
    }

    private static String unicodeEscape(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 0xF], HEX[(c >> 4) & 0xF], HEX[c & 0xF]});
    }
}
