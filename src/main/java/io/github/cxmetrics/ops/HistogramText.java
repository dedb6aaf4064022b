package io.github.cxmetrics.ops;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact one-line text form of a {@link ResponseTimeHistogram}, read back by
 * {@link ResponseTimeHistogram#parse(CharSequence)}:
 *
 * <pre>
 * cxhist/1 accuracy=0.01 target=7200000000000 n=3 zero=1 offset=2100 counts=1,0,1 sum=5400000000000 sumsq=... min=0 max=3600000000000 within=3
 * </pre>
 *
 * <p>Every field is the state itself (times in nanoseconds): the relative accuracy
 * ({@code Double.toString}), the target ({@code none} or nanoseconds), n, the count of zero times,
 * the index of the first bucket and the counts from it (first and last non-zero; empty without
 * positive times), the exact sums Σx and Σx² as decimal integers, min and max ({@code none} when
 * n = 0) and the count within the target. Reading checks that the fields can come from one set of
 * times: n = zero + Σ counts, the buckets of min and max are the first and last bucket, min = 0
 * exactly when there are zero times, n·min ≤ Σx ≤ n·max, (Σx)² ≤ n·Σx², within ≤ n (0 without a
 * target).
 */
final class HistogramText {
    static final String TAG = "cxhist/1";
    private static final Pattern LINE = Pattern.compile("cxhist/1 accuracy=(\\S+) target=(none|0|[1-9][0-9]{0,18})"
            + " n=(0|[1-9][0-9]{0,18}) zero=(0|[1-9][0-9]{0,18}) offset=(-?[1-9][0-9]{0,9}|0) counts=([0-9,]*+)"
            + " sum=(0|[1-9][0-9]{0,38}) sumsq=(0|[1-9][0-9]{0,38})"
            + " min=(none|0|[1-9][0-9]{0,18}) max=(none|0|[1-9][0-9]{0,18}) within=(0|[1-9][0-9]{0,18})");
    private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(127);

    private HistogramText() {
    }

    static String format(HistogramState state) {
        HistogramState s = state.denseCopy();
        StringBuilder sb = new StringBuilder(64 + 4 * s.counts.length).append(TAG)
                .append(" accuracy=").append(s.buckets.relativeAccuracy)
                .append(" target=").append(s.target == HistogramState.NO_TARGET ? "none" : Long.toString(s.target))
                .append(" n=").append(s.n()).append(" zero=").append(s.zeroCount)
                .append(" offset=").append(s.offset).append(" counts=");
        for (int i = 0; i < s.counts.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s.counts[i]);
        }
        boolean empty = s.n() == 0;
        return sb.append(" sum=").append(s.sums.sum()).append(" sumsq=").append(s.sums.sumOfSquares())
                .append(" min=").append(empty ? "none" : Long.toString(s.min))
                .append(" max=").append(empty ? "none" : Long.toString(s.max))
                .append(" within=").append(s.within).toString();
    }

    static HistogramState parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            if (!line.startsWith("cxhist/")) {
                throw invalid("expected " + TAG + " at the start", line);
            }
            if (!line.startsWith(TAG + " ")) {
                throw invalid("unsupported version, this library reads " + TAG, line);
            }
            throw invalid("expected accuracy= target= n= zero= offset= counts= sum= sumsq= min= max= within=, "
                    + "canonical numbers", line);
        }
        double accuracy;
        try {
            accuracy = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw invalid("accuracy is not a number", line);
        }
        if (!(accuracy >= 0.000001 && accuracy <= 0.5) || !Double.toString(accuracy).equals(m.group(1))) {
            throw invalid("accuracy must be a canonical number in [0.000001, 0.5]", line);
        }
        long target = m.group(2).equals("none") ? HistogramState.NO_TARGET : parseLong(m.group(2), line);
        HistogramState s = new HistogramState(accuracy, target);
        long n = parseLong(m.group(3), line);
        s.zeroCount = parseLong(m.group(4), line);
        int offset = parseInt(m.group(5), line);
        long[] countValues = new long[0];
        String counts = m.group(6);
        if (!counts.isEmpty()) {
            String[] parts = counts.split(",", -1);
            countValues = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (!COUNT.matcher(parts[i]).matches()) {
                    throw invalid("count " + (i + 1) + " is not a canonical number >= 0", line);
                }
                countValues[i] = parseLong(parts[i], line);
            }
        }
        s.setDense(offset, countValues);
        BigInteger sum = new BigInteger(m.group(7));
        BigInteger sumsq = new BigInteger(m.group(8));
        if (sum.compareTo(LIMIT) >= 0 || sumsq.compareTo(LIMIT) >= 0) {
            throw invalid("sum and sumsq must be below 2^127", line);
        }
        s.sums.set(n, sum, sumsq);
        s.within = parseLong(m.group(11), line);
        checkConsistent(s, m.group(9), m.group(10), line);
        return s;
    }

    private static void checkConsistent(HistogramState s, String minText, String maxText, String line) {
        long n = s.n();
        long total = s.zeroCount;
        for (long c : s.counts) {
            total = addOrFail(total, c, line);
        }
        if (total != n) {
            throw invalid("n must be zero + the sum of the counts, " + total, line);
        }
        if (n == 0) {
            if (!minText.equals("none") || !maxText.equals("none") || s.within != 0 || s.counts.length != 0
                    || s.offset != 0 || s.sums.sum().signum() != 0 || s.sums.sumOfSquares().signum() != 0) {
                throw invalid("an empty histogram has offset=0 counts= sum=0 sumsq=0 min=none max=none within=0",
                        line);
            }
            return;
        }
        if (minText.equals("none") || maxText.equals("none")) {
            throw invalid("min and max are numbers when n > 0", line);
        }
        s.min = parseLong(minText, line);
        s.max = parseLong(maxText, line);
        if (s.min > s.max || (s.min == 0) != (s.zeroCount > 0)) {
            throw invalid("min <= max, and min = 0 exactly when there are zero times", line);
        }
        if (s.counts.length == 0) {
            if (s.max != 0 || s.offset != 0) {
                throw invalid("without positive times max = 0 and offset = 0", line);
            }
        } else {
            if (s.offset < 0) {
                throw invalid("offset must be >= 0 (bucket of 1 ns)", line);
            }
            if (s.counts[0] == 0 || s.counts[s.counts.length - 1] == 0) {
                throw invalid("the first and last bucket counts must not be 0", line);
            }
            long last = (long) s.offset + s.counts.length - 1;
            if (s.max == 0 || s.buckets.index(s.max) != last
                    || (s.zeroCount == 0 && s.buckets.index(s.min) != s.offset)) {
                throw invalid("min and max must fall in the first and last bucket", line);
            }
        }
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger sum = s.sums.sum();
        if (sum.compareTo(bn.multiply(BigInteger.valueOf(s.min))) < 0
                || sum.compareTo(bn.multiply(BigInteger.valueOf(s.max))) > 0
                || sum.pow(2).compareTo(bn.multiply(s.sums.sumOfSquares())) > 0) {
            throw invalid("sums inconsistent with n, min and max (need n*min <= sum <= n*max, sum^2 <= n*sumsq)",
                    line);
        }
        if (s.within > n || (s.target == HistogramState.NO_TARGET && s.within != 0)) {
            throw invalid("within must be at most n, and 0 without a target", line);
        }
    }

    private static long addOrFail(long a, long b, String line) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw invalid("counts add up beyond " + Long.MAX_VALUE, line);
        }
    }

    private static long parseLong(String text, String line) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid("number out of range: " + text, line);
        }
    }

    private static int parseInt(String text, String line) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid("offset out of range: " + text, line);
        }
    }

    private static IllegalArgumentException invalid(String what, String line) {
        String shown = line.length() <= 80 ? line : line.substring(0, 77) + "...";
        return new IllegalArgumentException("Invalid histogram line (" + what + "): " + shown);
    }
}
