package io.github.cxmetrics.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An input stream of UTF-8 bytes decoded from another encoding, so that {@link CsvReader}, which
 * reads UTF-8, reads UTF-16 or windows-1252 exports unchanged.
 *
 * <p>Malformed input and bytes the encoding leaves undefined (0x81, 0x8D, 0x8F, 0x90 and 0x9D in
 * windows-1252) become U+FFFD, so they never stop the reading; {@link ExportRow} reports a U+FFFD
 * in a column it reads as a bad value with its line and column. A byte order mark is kept as
 * U+FEFF, which the CSV reader skips at the start. Not thread-safe.
 */
final class Utf8Transcoder extends InputStream {
    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 8);
    private boolean eof;

    Utf8Transcoder(InputStream in, Charset charset) {
        this.in = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (eof && !chars.hasRemaining()) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private void refill() throws IOException {
        chars.compact();
        int read = eof ? -1 : in.read(chars);
        if (read < 0) {
            eof = true;
        }
        chars.flip();
        bytes.clear();
        encoder.encode(chars, bytes, eof);
        if (eof && !chars.hasRemaining()) {
            encoder.flush(bytes);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
