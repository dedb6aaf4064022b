package io.github.cxmetrics.io;

import io.github.cxmetrics.internal.PercentEncoding;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The exact, versioned, one-line text form of a tally: what {@link TallyStore} writes, one line per
 * tally, and what it reads back. {@code parse(format(t))} equals {@code t}; for weighted tallies that
 * includes every exact sum of weights and of squared weights, bit for bit.
 *
 * <pre>
 * cxtally/1 NPS[0..10] n=100 counts=2,1,1,1,2,3,6,10,14,20,40
 * cxtally/1 key=2025-W03|phone CSAT[1..5] n=90 counts=5,10,15,30,30
 * cxwtally/1 key=2025-W03|email CES[1..7] n=3 counts=0,0,0,1,0,0,2 sumw=0,0,0,0.5,0,0,3.25 sumw2=0,0,0,0.25,0,0,5.3125
 * </pre>
 *
 * <p>Fields, separated by one space, in this order (the full grammar is in {@code docs/tally-format.md}):
 * <ol>
 *   <li>the version tag: {@code cxtally/1} (a {@link Tally}) or {@code cxwtally/1} (a {@link WeightedTally});</li>
 *   <li>optionally {@code key=} and a key: the UTF-8 bytes of the key, with every byte outside
 *       {@code !}…{@code ~} and every {@code %} written {@code %XX} (upper-case hex);</li>
 *   <li>the scale as its {@code toString()} prints it: {@code NPS[0..10]},
 *       {@code NPS[1..5; 1-3/4-4/5-5]}, {@code CSAT[1..5]}, {@code CSAT[1..5; top-3]},
 *       {@code CES[1..7]}, {@code CES[1..5 effort]};</li>
 *   <li>{@code n=} the number of responses, which must equal the sum of the counts;</li>
 *   <li>{@code counts=} one count per point from the scale's min to its max, comma-separated;</li>
 *   <li>weighted only: {@code sumw=} and {@code sumw2=}, the exact sums of weights and of squared
 *       weights per point, as plain decimals ({@link BigDecimal#toPlainString()} after removing
 *       trailing zeros: {@code 0}, {@code 3.25}; a double such as 0.1 is written with all 55 of
 *       its digits). Every such sum is a multiple of 2<sup>−232</sup> below 2<sup>279</sup>, so the
 *       decimal has at most 85 integer and 232 fraction digits and is exact.</li>
 * </ol>
 *
 * <p>Reading is strict: numbers are canonical (no sign, no leading zeros, no exponent), the scale is
 * written exactly as its {@code toString()}, and nothing may follow the last field. The sums per
 * point must also be consistent with some set of weights: 0 for a point without responses, and
 * {@code Σw² ≤ (Σw)² ≤ c·Σw²} for a point with {@code c} responses (Cauchy–Schwarz), which catches
 * most corrupted digits. Every violation throws {@link IllegalArgumentException} naming the field,
 * what was expected and what was found; a value is either fully read or not at all.
 *
 * <p>Stateless; all methods are thread-safe.
 *
 * @since 0.1.0
 */
public final class TallyFormat {
    /** The format version written and read by this class: 1. */
    public static final int VERSION = 1;

    static final String TALLY_TAG = "cxtally/";
    static final String WEIGHTED_TAG = "cxwtally/";

    private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern EXACT_SUM = Pattern.compile("(0|[1-9][0-9]{0,84})(\\.[0-9]{0,231}[1-9])?");
    private static final Pattern VERSION_NUMBER = Pattern.compile("[0-9]{1,9}");

    private TallyFormat() {
    }

    /** The line of a tally without key, e.g. {@code cxtally/1 CSAT[1..5] n=3 counts=0,0,1,1,1}. */
    public static String format(Tally tally) {
        return format(null, tally);
    }

    /**
     * The line of a tally with a key, or without one if {@code key} is null.
     *
     * @throws IllegalArgumentException if the key is empty
     */
    public static String format(String key, Tally tally) {
        Objects.requireNonNull(tally, "tally");
        StringBuilder sb = head(TALLY_TAG, key, tally.scale(), tally.n());
        appendCounts(sb, tally.counts());
        return sb.toString();
    }

    /** The line of a weighted tally without key. */
    public static String format(WeightedTally tally) {
        return format(null, tally);
    }

    /**
     * The line of a weighted tally with a key, or without one if {@code key} is null.
     *
     * @throws IllegalArgumentException if the key is empty
     */
    public static String format(String key, WeightedTally tally) {
        Objects.requireNonNull(tally, "tally");
        Scale scale = tally.scale();
        StringBuilder sb = head(WEIGHTED_TAG, key, scale, tally.n());
        appendCounts(sb, tally.counts());
        sb.append(" sumw=");
        for (int s = scale.min(); s <= scale.max(); s++) {
            sb.append(s == scale.min() ? "" : ",").append(plain(tally.sumOfWeightsExact(s)));
        }
        sb.append(" sumw2=");
        for (int s = scale.min(); s <= scale.max(); s++) {
            sb.append(s == scale.min() ? "" : ",").append(plain(tally.sumOfSquaredWeightsExact(s)));
        }
        return sb.toString();
    }

    /**
     * Reads a {@code cxtally/1} line.
     *
     * @throws IllegalArgumentException if the line is not a valid unweighted tally line (a weighted
     *     line included), naming what is wrong
     */
    public static Tally parseTally(CharSequence line) {
        Parsed p = parse(line);
        if (p.weighted != null) {
            throw new IllegalArgumentException("Invalid tally line (expected " + TALLY_TAG + VERSION
                    + ", found a weighted tally " + WEIGHTED_TAG + VERSION + ")");
        }
        return p.tally;
    }

    /**
     * Reads a {@code cxwtally/1} line.
     *
     * @throws IllegalArgumentException if the line is not a valid weighted tally line (an
     *     unweighted line included), naming what is wrong
     */
    public static WeightedTally parseWeightedTally(CharSequence line) {
        Parsed p = parse(line);
        if (p.tally != null) {
            throw new IllegalArgumentException("Invalid tally line (expected " + WEIGHTED_TAG + VERSION
                    + ", found an unweighted tally " + TALLY_TAG + VERSION + ")");
        }
        return p.weighted;
    }

    /** One parsed line: a key (or null) and exactly one of tally and weighted. */
    static final class Parsed {
        final String key;
        final Tally tally;
        final WeightedTally weighted;

        Parsed(String key, Tally tally, WeightedTally weighted) {
            this.key = key;
            this.tally = tally;
            this.weighted = weighted;
        }

        Scale scale() {
            return tally != null ? tally.scale() : weighted.scale();
        }
    }

    static Parsed parse(CharSequence line) {
        Objects.requireNonNull(line, "line");
        Cursor c = new Cursor(line.toString());
        Head head = c.readHead();
        Scale scale = c.readScale();
        long n = c.readLong("n");
        long[] counts = c.readCounts(scale);
        long sum = 0;
        for (long count : counts) {
            sum = addOrFail(sum, count);
        }
        if (sum != n) {
            throw new IllegalArgumentException("Invalid n (expected the sum of the counts, " + sum + "): " + n);
        }
        if (!head.weighted) {
            c.requireEnd();
            return new Parsed(head.key, Tally.of(scale, counts), null);
        }
        BigDecimal[] sumW = c.readSums("sumw", scale);
        BigDecimal[] sumW2 = c.readSums("sumw2", scale);
        c.requireEnd();
        for (int i = 0; i < counts.length; i++) {
            checkConsistent(scale.min() + i, counts[i], sumW[i], sumW2[i]);
        }
        return new Parsed(head.key, null, WeightedTally.of(scale, counts, sumW, sumW2));
    }

    private static long addOrFail(long sum, long count) {
        try {
            return Math.addExact(sum, count);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("Invalid counts (their sum exceeds " + Long.MAX_VALUE + ")", overflow);
        }
    }

    /** Σw² ≤ (Σw)² ≤ c·Σw² for weights ≥ 0 (Cauchy–Schwarz); both sums 0 without responses. */
    static void checkConsistent(int score, long count, BigDecimal w, BigDecimal w2) {
        if (count == 0) {
            if (w.signum() != 0 || w2.signum() != 0) {
                throw new IllegalArgumentException("Invalid weight sums for score " + score
                        + " (expected 0 for a point without responses): sumw=" + plain(w) + ", sumw2=" + plain(w2));
            }
            return;
        }
        BigDecimal squareOfSum = w.multiply(w);
        if (w2.compareTo(squareOfSum) > 0 || squareOfSum.compareTo(w2.multiply(BigDecimal.valueOf(count))) > 0) {
            throw new IllegalArgumentException("Invalid weight sums for score " + score + " (expected sumw2 <= sumw^2 <= "
                    + count + " * sumw2 for " + count + " responses): sumw=" + plain(w) + ", sumw2=" + plain(w2));
        }
    }

    private static StringBuilder head(String tag, String key, Scale scale, long n) {
        StringBuilder sb = new StringBuilder(64).append(tag).append(VERSION);
        if (key != null) {
            sb.append(" key=").append(encodeKey(key));
        }
        return sb.append(' ').append(scale).append(" n=").append(n);
    }

    private static void appendCounts(StringBuilder sb, long[] counts) {
        sb.append(" counts=");
        for (int i = 0; i < counts.length; i++) {
            sb.append(i == 0 ? "" : ",").append(counts[i]);
        }
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * The key with its UTF-8 bytes outside {@code !}…{@code ~} and every {@code %} percent-encoded.
     *
     * @throws IllegalArgumentException if the key is empty or not valid UTF-16 (a lone surrogate)
     */
    static String encodeKey(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Invalid key (valid values: non-empty text): \"\"");
        }
        ByteBuffer bytes;
        try {
            bytes = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(key));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Invalid key (not valid Unicode text): " + key, e);
        }
        byte[] utf8 = new byte[bytes.remaining()];
        bytes.get(utf8);
        return PercentEncoding.encode(utf8, false);
    }

    static String decodeKey(String encoded) {
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("Invalid key (valid values: non-empty text): \"\"");
        }
        try {
            return PercentEncoding.decode(encoded, true);
        } catch (PercentEncoding.Malformed e) {
            String what = switch (e.problem()) {
                case BAD_ESCAPE -> "expected %XX with two upper-case hex digits at character " + e.position();
                case UNENCODED_CHARACTER -> "unencoded character U+"
                        + String.format("%04X", (int) encoded.charAt(e.position() - 1)) + " at character " + e.position();
                case NOT_UTF8 -> "its bytes are not UTF-8";
            };
            throw new IllegalArgumentException("Invalid key (" + what + "): " + encoded, e.problem()
                    == PercentEncoding.Problem.NOT_UTF8 ? e.getCause() : null);
        }
    }

    /** The tag and key of a line. */
    static final class Head {
        final boolean weighted;
        final String key;

        Head(boolean weighted, String key) {
            this.weighted = weighted;
            this.key = key;
        }
    }

    /** A left-to-right reader of one line; every failure names the field and what was found. */
    static final class Cursor {
        private final String line;
        private int pos;

        Cursor(String line) {
            this.line = line;
        }

        Head readHead() {
            String tag = token();
            boolean weighted;
            String version;
            if (tag.startsWith(TALLY_TAG)) {
                weighted = false;
                version = tag.substring(TALLY_TAG.length());
            } else if (tag.startsWith(WEIGHTED_TAG)) {
                weighted = true;
                version = tag.substring(WEIGHTED_TAG.length());
            } else {
                throw new IllegalArgumentException("Invalid tally line (expected " + TALLY_TAG + VERSION + " or "
                        + WEIGHTED_TAG + VERSION + " at the start): " + abbreviate(line));
            }
            if (!VERSION_TEXT.equals(version)) {
                if (VERSION_NUMBER.matcher(version).matches()) {
                    throw new IllegalArgumentException("Unsupported tally format version " + version
                            + " (this library reads version " + VERSION + "): " + tag);
                }
                throw new IllegalArgumentException("Invalid tally format version (expected a number): " + tag);
            }
            String key = null;
            if (line.startsWith("key=", pos)) {
                pos += "key=".length();
                key = decodeKey(token());
            }
            return new Head(weighted, key);
        }

        private static final String VERSION_TEXT = Integer.toString(VERSION);

        Scale readScale() {
            int end = line.indexOf(']', pos);
            if (end < 0) {
                throw new IllegalArgumentException("Invalid scale (expected NPS[..], CSAT[..] or CES[..]): "
                        + abbreviate(line.substring(pos)));
            }
            Scale scale = Scale.parse(line.substring(pos, end + 1));
            pos = end + 1;
            expectSpace("n");
            return scale;
        }

        long readLong(String field) {
            String value = field(field);
            if (!COUNT.matcher(value).matches()) {
                throw new IllegalArgumentException("Invalid " + field
                        + " (expected a whole number 0 - 9223372036854775807 without sign or leading zeros): "
                        + abbreviate(value));
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("Invalid " + field + " (valid values 0 - " + Long.MAX_VALUE + "): "
                        + value, tooLarge);
            }
        }

        long[] readCounts(Scale scale) {
            expectSpace("counts");
            String[] parts = list("counts", scale);
            long[] counts = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String v = parts[i];
                if (v.startsWith("-")) {
                    throw new IllegalArgumentException("Invalid count for score " + (scale.min() + i)
                            + " (valid values >= 0): " + abbreviate(v));
                }
                if (!COUNT.matcher(v).matches()) {
                    throw new IllegalArgumentException("Invalid count for score " + (scale.min() + i)
                            + " (expected a whole number without sign or leading zeros): " + abbreviate(v));
                }
                try {
                    counts[i] = Long.parseLong(v);
                } catch (NumberFormatException tooLarge) {
                    throw new IllegalArgumentException("Invalid count for score " + (scale.min() + i)
                            + " (valid values 0 - " + Long.MAX_VALUE + "): " + v, tooLarge);
                }
            }
            return counts;
        }

        BigDecimal[] readSums(String field, Scale scale) {
            expectSpace(field);
            String[] parts = list(field, scale);
            BigDecimal[] sums = new BigDecimal[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (!EXACT_SUM.matcher(parts[i]).matches()) {
                    throw new IllegalArgumentException("Invalid " + field + " for score " + (scale.min() + i)
                            + " (expected a plain decimal >= 0 with at most 85 integer and 232 fraction digits,"
                            + " no trailing zeros): " + abbreviate(parts[i]));
                }
                sums[i] = new BigDecimal(parts[i]);
            }
            return sums;
        }

        private String[] list(String field, Scale scale) {
            String value = field(field);
            String[] parts = value.split(",", -1);
            if (parts.length != scale.points()) {
                throw new IllegalArgumentException("Invalid number of " + field + " for " + scale + " (expected "
                        + scale.points() + ", one per point " + scale.min() + ".." + scale.max() + "): " + parts.length);
            }
            return parts;
        }

        /** Reads {@code name=value} up to the next space or the end. */
        private String field(String name) {
            if (!line.startsWith(name + "=", pos)) {
                throw new IllegalArgumentException("Invalid tally line (expected " + name + "= at character "
                        + (pos + 1) + "): " + abbreviate(line.substring(pos)));
            }
            pos += name.length() + 1;
            int end = line.indexOf(' ', pos);
            String value = line.substring(pos, end < 0 ? line.length() : end);
            pos += value.length();
            return value;
        }

        private void expectSpace(String next) {
            if (pos >= line.length() || line.charAt(pos) != ' ') {
                throw new IllegalArgumentException("Invalid tally line (expected \" " + next + "=\" at character "
                        + (pos + 1) + "): " + abbreviate(line.substring(pos)));
            }
            pos++;
        }

        private String token() {
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                throw new IllegalArgumentException("Invalid tally line (truncated after character " + line.length()
                        + "): " + abbreviate(line));
            }
            String t = line.substring(pos, end);
            pos = end + 1;
            return t;
        }

        void requireEnd() {
            if (pos != line.length()) {
                throw new IllegalArgumentException("Invalid tally line (unexpected text at character " + (pos + 1)
                        + "): " + abbreviate(line.substring(pos)));
            }
        }
    }

    /** The text, cut to 80 characters for messages. */
    static String abbreviate(String text) {
        return text.length() <= 80 ? '"' + text + '"' : '"' + text.substring(0, 77) + "...\" ("
                + text.length() + " characters)";
    }
}
