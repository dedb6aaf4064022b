package io.github.cxmetrics.io;

import io.github.cxmetrics.internal.AtomicFiles;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A set of keyed tallies (weighted or not) with an exact, versioned file form: how tallies are
 * stored, for example one file per week with a key per segment and metric, and combined months
 * later without the raw data.
 *
 * <pre>
 * cxmetrics-tallies/1
 * cxtally/1 key=nps|2025-W03|phone NPS[0..10] n=100 counts=2,1,1,1,2,3,6,10,14,20,40
 * cxwtally/1 key=csat|2025-W03|phone CSAT[1..5] n=3 counts=0,0,1,1,1 sumw=0,0,1.5,2,0.5 sumw2=0,0,2.25,4,0.25
 * end tallies=2 crc32=f00327a7
 * </pre>
 *
 * <p>The first line is the file header {@code cxmetrics-tallies/1}; then one {@link TallyFormat}
 * line per tally, each with a key that is unique in the file; then the end line with the number of
 * tallies and the CRC-32 (ISO-HDLC, as {@code java.util.zip.CRC32} and Python's
 * {@code zlib.crc32}) of every preceding line, each followed by {@code \n}, as lower-case hex. Lines
 * end with {@code \n} ({@code \r\n} is accepted on reading); the file is ASCII. The format is
 * described completely in {@code docs/tally-format.md}.
 *
 * <p>Reading never half-reads: {@link #parse(CharSequence)}, {@link #read(Reader)},
 * {@link #read(Path)} and {@link #readDirectory(Path)} return every tally of the input or throw
 * {@link IllegalArgumentException} naming the source, the line and what is wrong: an unknown
 * version, a truncated or malformed line, a wrong number of counts, a negative count, counts that
 * do not add up to {@code n}, inconsistent weight sums, a duplicate key, a missing end line, a
 * wrong tally count or checksum, or text after the end line. Failures of the file system itself
 * are {@link IOException}s. {@link #write(Path)} replaces the file atomically where the file
 * system allows, so a reader never sees a half-written file.
 *
 * <p>Get one from {@link #builder()}, {@link #empty()} or by reading. Immutable and thread-safe; a
 * value type whose {@code equals} compares the keys and their tallies.
 *
 * @since 0.1.0
 */
public final class TallyStore {
    /** The file extension {@link #readDirectory(Path)} looks for: {@code .cxtally}. */
    public static final String FILE_EXTENSION = ".cxtally";

    static final String HEADER_TAG = "cxmetrics-tallies/";
    static final String HEADER = HEADER_TAG + TallyFormat.VERSION;
    private static final long MAX_FILE_BYTES = 1L << 30;
    private static final java.util.regex.Pattern END_LINE =
            java.util.regex.Pattern.compile("end tallies=(0|[1-9][0-9]{0,8}) crc32=([0-9a-f]{8})");
    private static final TallyStore EMPTY = new TallyStore(new LinkedHashMap<>());

    /** Key to {@link Tally} or {@link WeightedTally}, in insertion order. */
    private final Map<String, Object> entries;

    private TallyStore(LinkedHashMap<String, Object> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The store without tallies. */
    public static TallyStore empty() {
        return EMPTY;
    }

    /** A builder that collects keyed tallies in order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects keyed tallies for a {@link TallyStore}. Not thread-safe; every {@code put} checks
     * its arguments before changing anything.
     */
    public static final class Builder {
        private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a tally under a key.
         *
         * @throws IllegalArgumentException if the key is empty, is not valid Unicode, or is already used
         */
        public Builder put(String key, Tally tally) {
            return putEntry(key, Objects.requireNonNull(tally, "tally"));
        }

        /**
         * Adds a weighted tally under a key.
         *
         * @throws IllegalArgumentException if the key is empty, is not valid Unicode, or is already used
         */
        public Builder put(String key, WeightedTally tally) {
            return putEntry(key, Objects.requireNonNull(tally, "tally"));
        }

        private Builder putEntry(String key, Object tally) {
            Objects.requireNonNull(key, "key");
            TallyFormat.encodeKey(key);
            if (entries.containsKey(key)) {
                throw new IllegalArgumentException("Duplicate key (each key once per store): " + key);
            }
            entries.put(key, tally);
            return this;
        }

        /** The store of everything put so far. */
        public TallyStore build() {
            return entries.isEmpty() ? EMPTY : new TallyStore(new LinkedHashMap<>(entries));
        }
    }

    /** The number of tallies. */
    public int size() {
        return entries.size();
    }

    /** Whether there are no tallies. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The keys, in the order they were put or read. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** The unweighted tally under a key, if there is one. */
    public Optional<Tally> get(String key) {
        Object t = entries.get(Objects.requireNonNull(key, "key"));
        return t instanceof Tally tally ? Optional.of(tally) : Optional.empty();
    }

    /** The weighted tally under a key, if there is one. */
    public Optional<WeightedTally> weightedTally(String key) {
        Object t = entries.get(Objects.requireNonNull(key, "key"));
        return t instanceof WeightedTally tally ? Optional.of(tally) : Optional.empty();
    }

    /** The unweighted tallies by key, in order; an unmodifiable copy. */
    public Map<String, Tally> tallies() {
        Map<String, Tally> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (v instanceof Tally t) {
                out.put(k, t);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The weighted tallies by key, in order; an unmodifiable copy. */
    public Map<String, WeightedTally> weightedTallies() {
        Map<String, WeightedTally> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (v instanceof WeightedTally t) {
                out.put(k, t);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Both stores combined: a key in both gets the merged tally ({@link Tally#plus(Tally)},
     * {@link WeightedTally#plus(WeightedTally)}), exactly as if the responses had been tallied
     * together; other keys are kept. Keys of this store come first, then the new keys of the other.
     *
     * @throws IllegalArgumentException naming the key if a key holds a weighted tally in one store and
     *     an unweighted one in the other, or tallies on different scales
     * @throws ArithmeticException if a merged count overflows
     */
    public TallyStore plus(TallyStore other) {
        Objects.requireNonNull(other, "other");
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(entries);
        for (Map.Entry<String, Object> e : other.entries.entrySet()) {
            Object mine = out.get(e.getKey());
            out.put(e.getKey(), mine == null ? e.getValue() : merge(e.getKey(), mine, e.getValue()));
        }
        return new TallyStore(out);
    }

    private static Object merge(String key, Object a, Object b) {
        try {
            if (a instanceof Tally ta && b instanceof Tally tb) {
                return ta.plus(tb);
            }
            if (a instanceof WeightedTally wa && b instanceof WeightedTally wb) {
                return wa.plus(wb);
            }
        } catch (IllegalArgumentException mismatch) {
            throw new IllegalArgumentException("Cannot combine key " + key + ": " + mismatch.getMessage(), mismatch);
        }
        throw new IllegalArgumentException("Cannot combine key " + key
                + ": a weighted and an unweighted tally (each key must keep its kind)");
    }

    /** The file form: header, one line per tally, end line; every line ends with {@code \n}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        CRC32 crc = new CRC32();
        appendLine(sb, crc, HEADER);
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            appendLine(sb, crc, e.getValue() instanceof Tally t ? TallyFormat.format(e.getKey(), t)
                    : TallyFormat.format(e.getKey(), (WeightedTally) e.getValue()));
        }
        return sb.append(endLine(entries.size(), crc.getValue())).append('\n').toString();
    }

    private static void appendLine(StringBuilder sb, CRC32 crc, String line) {
        sb.append(line).append('\n');
        crc.update((line + '\n').getBytes(StandardCharsets.US_ASCII));
    }

    static String endLine(int count, long crc) {
        return "end tallies=" + count + " crc32=" + AtomicFiles.hex(crc);
    }

    /**
     * Writes the file form to a writer, which is not closed.
     *
     * @throws IOException if writing fails
     */
    public void writeTo(Writer out) throws IOException {
        out.write(format());
        out.flush();
    }

    /**
     * Writes the file form to a file, replacing it: the text goes to a temporary file in the same
     * folder, which is then moved over the target (atomically where the file system supports it).
     *
     * @throws IOException if writing or moving fails; the target is then left as it was
     */
    public void write(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        AtomicFiles.writeAscii(file, format());
    }

    /**
     * Reads the file form from text.
     *
     * @throws IllegalArgumentException naming the line and what is wrong, if the text is not a
     *     complete, valid tally file
     */
    public static TallyStore parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return parse("tally text", text.toString());
    }

    /**
     * Reads the file form from a reader, to its end; the reader is not closed.
     *
     * @throws IllegalArgumentException naming the line and what is wrong, if the text is not a
     *     complete, valid tally file
     * @throws IOException if reading fails
     */
    public static TallyStore read(Reader in) throws IOException {
        Objects.requireNonNull(in, "in");
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
            sb.append(buf, 0, r);
            if (sb.length() > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("tally text: too large (at most " + MAX_FILE_BYTES
                        + " characters)");
            }
        }
        return parse("tally text", sb.toString());
    }

    /**
     * Reads a tally file. The file must be ASCII (keys are percent-encoded) and at most 1 GiB.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong, if it is not a
     *     complete, valid tally file
     * @throws IOException if the file cannot be read
     */
    public static TallyStore read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + ": too large for a tally file (at most " + MAX_FILE_BYTES
                    + " bytes): " + size);
        }
        byte[] bytes = Files.readAllBytes(file);
        int line = 1;
        int column = 1;
        for (byte b : bytes) {
            if (b < 0) {
                throw new IllegalArgumentException(file + ", line " + line + ", column " + column
                        + ": non-ASCII byte 0x" + String.format("%02X", b & 0xFF)
                        + " (a tally file is ASCII; keys are percent-encoded)");
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.US_ASCII));
    }

    /**
     * Reads every {@code *.cxtally} file of a folder (not its subfolders), in file-name order, and
     * combines them with {@link #plus(TallyStore)}: a directory of weekly files becomes one store.
     *
     * @throws IllegalArgumentException if the folder has no such file, a file is invalid (naming
     *     it and the line), or two files cannot be combined (naming the file and key)
     * @throws IOException if the folder or a file cannot be read
     */
    public static TallyStore readDirectory(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory, "*" + FILE_EXTENSION)) {
            for (Path p : dir) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(directory + ": no *" + FILE_EXTENSION + " file to read");
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        TallyStore all = EMPTY;
        for (Path p : files) {
            TallyStore one = read(p);
            try {
                all = all.plus(one);
            } catch (IllegalArgumentException mismatch) {
                throw new IllegalArgumentException(p + ": " + mismatch.getMessage(), mismatch);
            }
        }
        return all;
    }

    static TallyStore parse(String source, String text) {
        List<String> lines = splitLines(source, text);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty (expected the header " + HEADER + ")");
        }
        String header = lines.get(0);
        if (!header.equals(HEADER)) {
            if (header.startsWith(HEADER_TAG) && header.substring(HEADER_TAG.length()).matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException(source + ", line 1: unsupported tally file version "
                        + header.substring(HEADER_TAG.length()) + " (this library reads version "
                        + TallyFormat.VERSION + ")");
            }
            throw new IllegalArgumentException(source + ", line 1: not a tally file (expected the header " + HEADER
                    + "): " + TallyFormat.abbreviate(header));
        }
        CRC32 crc = new CRC32();
        crc.update((header + '\n').getBytes(StandardCharsets.US_ASCII));
        LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
        Map<String, Integer> lineOfKey = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("end ") || line.equals("end")) {
                checkEnd(source, i + 1, line, entries.size(), crc.getValue());
                if (i != lines.size() - 1) {
                    throw new IllegalArgumentException(source + ", line " + (i + 2)
                            + ": text after the end line: " + TallyFormat.abbreviate(lines.get(i + 1)));
                }
                return new TallyStore(entries);
            }
            TallyFormat.Parsed parsed;
            try {
                parsed = TallyFormat.parse(line);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (parsed.key == null) {
                throw new IllegalArgumentException(source + ", line " + (i + 1)
                        + ": missing key (every tally in a file has key=...)");
            }
            Integer first = lineOfKey.putIfAbsent(parsed.key, i + 1);
            if (first != null) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": duplicate key " + parsed.key
                        + " (first on line " + first + ")");
            }
            entries.put(parsed.key, parsed.tally != null ? parsed.tally : parsed.weighted);
            crc.update((line + '\n').getBytes(StandardCharsets.US_ASCII));
        }
        throw new IllegalArgumentException(source + ": truncated (no end line after line " + lines.size()
                + "; expected \"end tallies=N crc32=XXXXXXXX\")");
    }

    private static void checkEnd(String source, int lineNumber, String line, int count, long crc) {
        java.util.regex.Matcher m = END_LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException(source + ", line " + lineNumber
                    + ": invalid end line (expected \"end tallies=N crc32=XXXXXXXX\", 8 lower-case hex digits): "
                    + TallyFormat.abbreviate(line));
        }
        long declared = Long.parseLong(m.group(1));
        if (declared != count) {
            throw new IllegalArgumentException(source + ", line " + lineNumber + ": the end line declares " + declared
                    + " tallies but the file has " + count + " (lines lost or added)");
        }
        String actual = AtomicFiles.hex(crc);
        if (!actual.equals(m.group(2))) {
            throw new IllegalArgumentException(source + ", line " + lineNumber + ": checksum mismatch (the end line"
                    + " declares crc32=" + m.group(2) + ", the content gives " + actual + "): the file is corrupted");
        }
    }

    /** Lines split at {@code \n}, each without a trailing {@code \r}; a final terminator adds no line. */
    private static List<String> splitLines(String source, String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            lines.add(line);
            start = nl < 0 ? text.length() : nl + 1;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch < ' ' || ch > '~') {
                    throw new IllegalArgumentException(source + ", line " + (i + 1) + ", column " + (c + 1)
                            + ": invalid character U+" + String.format("%04X", (int) ch)
                            + " (a tally file is printable ASCII; keys are percent-encoded)");
                }
            }
        }
        return lines;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TallyStore other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** For example {@code TallyStore[3 tallies: nps|2025-W03, csat|2025-W03, ces|2025-W03]}. */
    @Override
    public String toString() {
        return "TallyStore[" + entries.size() + " tallies: " + String.join(", ", entries.keySet()) + "]";
    }
}
