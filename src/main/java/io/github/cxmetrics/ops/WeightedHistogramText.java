package io.github.cxmetrics.ops;

import io.github.cxmetrics.internal.ExactSum;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact one-line text form of the weights of a {@link WeightedResponseTimeHistogram}:
 *
 * <pre>
 * cxwhist/1 zero=0 buckets=1335:2.5,1400:1 sumw=3.5 sumw2=7.25 sumwx=12600000000000 within=3.5
 * </pre>
 *
 * <p>{@code zero} is Σw of the zero times, {@code buckets} the Σw of each bucket with weight (its
 * index, a colon, the sum; in increasing index order), then Σw, Σw², Σw·x (x in nanoseconds) and
 * Σw of the times within the target; every sum a plain decimal (no exponent, no trailing zeros),
 * exactly the stored sum. Reading checks that the weights fit the counts: no weight in a bucket
 * without times, Σw the sum of the bucket weights, the weight within the target at most Σw (0
 * without a target), (Σw)² ≤ n·Σw² and Σw² ≤ (Σw)².
 */
final class WeightedHistogramText {
    static final String TAG = "cxwhist/1";
    private static final String DECIMAL = "(0|[1-9][0-9]*(?:\\.[0-9]*[1-9])?|0\\.[0-9]*[1-9])";
    private static final Pattern LINE = Pattern.compile("cxwhist/1 zero=" + DECIMAL + " buckets=(\\S*)"
            + " sumw=" + DECIMAL + " sumw2=" + DECIMAL + " sumwx=" + DECIMAL + " within=" + DECIMAL);
    private static final Pattern BUCKET = Pattern.compile("(0|[1-9][0-9]{0,9}):" + DECIMAL);

    private WeightedHistogramText() {
    }

    static String format(WeightedHistogramState s) {
        StringBuilder sb = new StringBuilder(TAG).append(" zero=");
        ExactSum zero = s.bucketWeights.get(WeightedHistogramState.ZERO);
        sb.append(zero == null ? "0" : plain(zero));
        sb.append(" buckets=");
        boolean first = true;
        for (Map.Entry<Integer, ExactSum> e : s.bucketWeights.entrySet()) {
            if (e.getKey() == WeightedHistogramState.ZERO || e.getValue().isZero()) {
                continue;
            }
            sb.append(first ? "" : ",").append(e.getKey()).append(':').append(plain(e.getValue()));
            first = false;
        }
        return sb.append(" sumw=").append(plain(s.sumW)).append(" sumw2=").append(plain(s.sumW2))
                .append(" sumwx=").append(plain(s.sumWX)).append(" within=").append(plain(s.withinW)).toString();
    }

    private static String plain(ExactSum sum) {
        BigDecimal v = sum.toBigDecimal();
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    static WeightedHistogramState parse(HistogramState counts, String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            if (!line.startsWith(TAG + " ")) {
                throw invalid("expected " + TAG + " at the start", line);
            }
            throw invalid("expected zero= buckets= sumw= sumw2= sumwx= within=, canonical plain decimals", line);
        }
        WeightedHistogramState s = new WeightedHistogramState(counts);
        ExactSum total = new ExactSum();
        ExactSum zero = sum(m.group(1), line);
        if (!zero.isZero()) {
            if (counts.zeroCount == 0) {
                throw invalid("weight of zero times without zero times", line);
            }
            s.bucketWeights.put(WeightedHistogramState.ZERO, zero);
            total.addAll(zero);
        }
        String buckets = m.group(2);
        int previous = -1;
        if (!buckets.isEmpty()) {
            for (String part : buckets.split(",", -1)) {
                Matcher b = BUCKET.matcher(part);
                if (!b.matches()) {
                    throw invalid("bucket \"" + part + "\" is not INDEX:SUM", line);
                }
                int index = Integer.parseInt(b.group(1));
                ExactSum w = sum(b.group(2), line);
                if (index <= previous || w.isZero() || counts.countOf(index) == 0) {
                    throw invalid("bucket " + index + ": weight only in increasing buckets with times", line);
                }
                previous = index;
                s.bucketWeights.put(index, w);
                total.addAll(w);
            }
        }
        s.sumW.addAll(sum(m.group(3), line));
        s.sumW2.addAll(sum(m.group(4), line));
        s.sumWX.addAll(sum(m.group(5), line));
        s.withinW.addAll(sum(m.group(6), line));
        if (!total.equals(s.sumW)) {
            throw invalid("sumw must be the sum of the bucket weights", line);
        }
        BigDecimal w = s.sumW.toBigDecimal();
        BigDecimal w2 = s.sumW2.toBigDecimal();
        BigDecimal square = w.multiply(w);
        if (w2.compareTo(square) > 0 || square.compareTo(w2.multiply(BigDecimal.valueOf(counts.n()))) > 0) {
            throw invalid("sums inconsistent with n (need sumw2 <= sumw^2 <= n*sumw2)", line);
        }
        if (s.withinW.toBigDecimal().compareTo(w) > 0
                || (counts.target == HistogramState.NO_TARGET && !s.withinW.isZero())) {
            throw invalid("within must be at most sumw, and 0 without a target", line);
        }
        return s;
    }

    private static ExactSum sum(String text, String line) {
        try {
            return ExactSum.of(new BigDecimal(text));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), line);
        }
    }

    private static IllegalArgumentException invalid(String what, String line) {
        String shown = line.length() <= 80 ? line : line.substring(0, 77) + "...";
        return new IllegalArgumentException("Invalid weighted histogram line (" + what + "): " + shown);
    }
}
