package io.github.cxmetrics.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The encoding of an export and a stream of its text as UTF-8.
 *
 * <p>Decided in this order: an explicit choice; a byte order mark (UTF-8 {@code EF BB BF},
 * UTF-16LE {@code FF FE}, UTF-16BE {@code FE FF}); else UTF-8 if the whole input is valid UTF-8
 * (RFC 3629), else windows-1252, with a note. Immutable.
 *
 * @param charset the encoding the text is read in
 * @param bom     whether the input starts with a byte order mark
 * @param note    why the encoding was chosen when it was not explicit, BOM or valid UTF-8
 * @param valid   whether the whole input was checked to be valid in {@code charset} (only done
 *                for UTF-8), so that it can be read without transcoding
 */
record ExportEncoding(Charset charset, boolean bom, Optional<String> note, boolean valid) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The bytes checked when the whole file is not: 1 MiB. */
    static final int PREFIX_CHECK = 1 << 20;

    /**
     * @param wholeFile whether UTF-8 is decided on the whole input; else on its first
     *     {@link #PREFIX_CHECK} bytes, and a later invalid byte is the reader's to report
     */
    static ExportEncoding detect(ByteSource source, Optional<Charset> explicit, boolean wholeFile) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = source.open()) {
            n = in.readNBytes(head, 0, 3);
        }
        boolean utf8Bom = n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        boolean le = n >= 2 && head[0] == (byte) 0xFF && head[1] == (byte) 0xFE;
        boolean be = n >= 2 && head[0] == (byte) 0xFE && head[1] == (byte) 0xFF;
        if (explicit.isPresent()) {
            // UTF-8 chosen: the bytes are read as they are, so an invalid byte is the CSV reader's
            // error with its line and column rather than a U+FFFD
            boolean utf8 = explicit.get().equals(StandardCharsets.UTF_8) && !le && !be;
            return new ExportEncoding(explicit.get(), utf8Bom || le || be, Optional.empty(), utf8);
        }
        if (le) {
            return new ExportEncoding(StandardCharsets.UTF_16LE, true, Optional.empty(), false);
        }
        if (be) {
            return new ExportEncoding(StandardCharsets.UTF_16BE, true, Optional.empty(), false);
        }
        long invalidAt = firstInvalidUtf8(source, wholeFile ? Long.MAX_VALUE : PREFIX_CHECK);
        if (invalidAt < 0) {
            return new ExportEncoding(StandardCharsets.UTF_8, utf8Bom, Optional.empty(), true);
        }
        return new ExportEncoding(WINDOWS_1252, false, Optional.of("not valid UTF-8 (byte offset " + invalidAt
                + "); read as windows-1252"), false);
    }

    /**
     * Returns the offset of the first byte that is not valid UTF-8, or -1 if all are; with a limit,
     * only that many bytes are checked, and a sequence they cut off is not an error.
     */
    private static long firstInvalidUtf8(ByteSource source, long limit) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long read = 0;
        try (InputStream in = source.open()) {
            boolean eof = false;
            while (!eof) {
                int r = in.read(bytes.array(), bytes.position(), (int) Math.min(bytes.remaining(), limit - read));
                if (r <= 0 && read >= limit) {
                    return -1;
                }
                if (r < 0) {
                    eof = true;
                } else {
                    read += r;
                    bytes.position(bytes.position() + r);
                }
                bytes.flip();
                for (;;) {
                    int before = bytes.position();
                    CoderResult result = decoder.decode(bytes, chars, eof);
                    consumed += bytes.position() - before;
                    if (result.isError()) {
                        return consumed;
                    }
                    chars.clear();
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
            chars.clear();
            if (decoder.flush(chars).isError()) {
                return consumed;
            }
        }
        return -1;
    }

    /**
     * Opens the input as UTF-8 bytes: the file itself when it is valid UTF-8, else a transcoding
     * stream in which undecodable bytes are U+FFFD.
     */
    InputStream openUtf8(ByteSource source) throws IOException {
        InputStream in = source.open();
        if (valid) {
            return in;
        }
        Charset read = bom && (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE))
                ? StandardCharsets.UTF_16 : charset;
        return new Utf8Transcoder(in, read);
    }

    /** The name shown in the layout: {@code UTF-8}, {@code UTF-16LE}, {@code windows-1252}… */
    String displayName() {
        return charset.name() + (bom ? " (BOM)" : "");
    }
}
