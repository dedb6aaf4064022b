package io.github.cxmetrics.report.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the parallel scan ({@link ParallelScan}) turns the bytes of a cell into text: UTF-8, checked,
 * or an ASCII-compatible single-byte encoding (windows-1252, ISO-8859-1, US-ASCII, the other
 * ISO-8859 and windows-125x pages) through a table of its 256 characters. Only such encodings have
 * the delimiter, quote, line ends, digits and letters of the scan at their ASCII bytes with one byte
 * per character, so that the scan can split and read rows as bytes.
 *
 * <p>A byte is decoded exactly as {@link io.github.cxmetrics.io.CsvReader#of(InputStream, char,
 * Charset)} decodes it (the JDK's decoder of the encoding, replacing what the encoding leaves
 * undefined, such as 0x81, 0x8D, 0x8F, 0x90 and 0x9D in windows-1252, by U+FFFD); the streaming
 * pass makes such a U+FFFD in a segment value a bad row, so {@link #decode} returns null for it and
 * the scan gives up. Immutable and thread-safe.
 */
final class ScanCharset {
    static final ScanCharset UTF_8 = new ScanCharset(StandardCharsets.UTF_8, null);

    private final Charset charset;
    /** The character of each byte, or null for UTF-8. */
    private final char[] chars;
    /** Whether the table holds only ASCII and Latin-1 characters, so that a String can be made from bytes. */
    private final boolean latin1;

    private ScanCharset(Charset charset, char[] chars) {
        this.charset = charset;
        this.chars = chars;
        boolean identity = chars != null;
        for (int b = 0; identity && b < 256; b++) {
            identity = chars[b] == b;
        }
        this.latin1 = identity;
    }

    /**
     * The scan's reading of an encoding, or null if the scan cannot read it (UTF-16, UTF-32,
     * multi-byte or stateful encodings, and single-byte ones that are not ASCII at the ASCII bytes,
     * such as EBCDIC).
     */
    static ScanCharset of(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return UTF_8;
        }
        if (!charset.canEncode()) {
            return null;
        }
        CharsetEncoder encoder = charset.newEncoder();
        CharsetDecoder decoder = charset.newDecoder();
        if (encoder.maxBytesPerChar() != 1.0f || decoder.maxCharsPerByte() != 1.0f) {
            return null;
        }
        char[] table = new char[256];
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
            String one = new String(all, b, 1, charset);
            if (one.length() != 1 || b < 0x80 && one.charAt(0) != b) {
                return null;
            }
            table[b] = one.charAt(0);
        }
        if (!new String(all, charset).equals(new String(table))) {
            return null; // not one character per byte when read in a run
        }
        return new ScanCharset(charset, table);
    }

    Charset charset() {
        return charset;
    }

    /** Whether the bytes are read as they are (UTF-8), not through a table. */
    boolean isUtf8() {
        return chars == null;
    }

    /**
     * The text of a cell's bytes, or null where the streaming pass would not read it as a segment
     * value: invalid UTF-8, or a byte the encoding leaves undefined.
     */
    String decode(byte[] b, int from, int to) {
        if (chars == null) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, from, to - from)).toString();
            } catch (CharacterCodingException invalid) {
                return null;
            }
        }
        if (latin1) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        char[] text = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = chars[b[i] & 0xFF];
            if (c == '\uFFFD') {
                return null;
            }
            text[i - from] = c;
        }
        return new String(text);
    }

    /**
     * The text of a cell's bytes for a parser that checks it (a timestamp in a form the byte
     * reader does not know): undefined bytes and invalid UTF-8 become U+FFFD.
     */
    String decodeLeniently(byte[] b, int from, int to) {
        return new String(b, from, to - from, charset);
    }

    /**
     * The file offset at which a reader of the file's text, decoded to UTF-8, has read
     * {@code utf8Bytes} bytes (where the data starts after the header rows), or -1 if no byte
     * boundary of the file falls there.
     *
     * @throws IOException if the file cannot be read
     */
    long fileOffset(Path file, long utf8Bytes) throws IOException {
        if (chars == null) {
            return utf8Bytes;
        }
        int[] length = new int[256];
        for (int b = 0; b < 256; b++) {
            char c = chars[b];
            length[b] = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        long decoded = 0;
        long offset = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0 && decoded < utf8Bytes; n = in.read(buf)) {
                for (int i = 0; i < n && decoded < utf8Bytes; i++) {
                    decoded += length[buf[i] & 0xFF];
                    offset++;
                }
            }
        }
        return decoded == utf8Bytes ? offset : -1;
    }
}
