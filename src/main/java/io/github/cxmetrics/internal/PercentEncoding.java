package io.github.cxmetrics.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of the stored files (tally keys, report-archive values): the UTF-8 bytes of
 * a text outside printable ASCII, and every {@code %}, written {@code %XX} with upper-case hex
 * digits (RFC 3986, section 2.1). Stateless.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Why a text could not be decoded; {@link Malformed#position()} is 1-based. */
    public enum Problem {
        /** A {@code %} not followed by two upper-case hex digits. */
        BAD_ESCAPE,
        /** A character that must have been encoded (outside {@code !}…{@code ~}, or a space where none is allowed). */
        UNENCODED_CHARACTER,
        /** The decoded bytes are not UTF-8. */
        NOT_UTF8
    }

    /** A text that is not percent-encoded; the caller words the message. */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final int position;

        Malformed(Problem problem, int position, Throwable cause) {
            super(problem + " at character " + position, cause);
            this.problem = problem;
            this.position = position;
        }

        /** What is wrong. */
        public Problem problem() {
            return problem;
        }

        /** The 1-based character position, 0 for {@link Problem#NOT_UTF8}. */
        public int position() {
            return position;
        }
    }

    private PercentEncoding() {
    }

    /**
     * The bytes outside {@code '!'} … {@code '~'} (and a space too unless {@code spaces}), and
     * every {@code %}, as {@code %XX}.
     */
    public static String encode(byte[] utf8, boolean spaces) {
        StringBuilder sb = new StringBuilder(utf8.length);
        for (byte value : utf8) {
            int b = value & 0xFF;
            if ((b > ' ' || (spaces && b == ' ')) && b < 0x7F && b != '%') {
                sb.append((char) b);
            } else {
                sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }

    /** {@link #encode(byte[], boolean)} of the text's UTF-8 form. */
    public static String encode(String text, boolean spaces) {
        return encode(text.getBytes(StandardCharsets.UTF_8), spaces);
    }

    /**
     * The text of an encoded form.
     *
     * @param strict refuse characters outside {@code '!'} … {@code '~'} that were not encoded
     * @throws Malformed naming the problem and where it is
     */
    public static String decode(String encoded, boolean strict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char ch = encoded.charAt(i);
            if (ch == '%') {
                int hi = i + 2 < encoded.length() ? hexDigit(encoded.charAt(i + 1)) : -1;
                int lo = hi >= 0 ? hexDigit(encoded.charAt(i + 2)) : -1;
                if (lo < 0) {
                    throw new Malformed(Problem.BAD_ESCAPE, i + 1, null);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (!strict || (ch > ' ' && ch < 0x7F)) {
                out.write(ch);
            } else {
                throw new Malformed(Problem.UNENCODED_CHARACTER, i + 1, null);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(Problem.NOT_UTF8, 0, e);
        }
    }

    private static int hexDigit(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        return ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
    }
}
