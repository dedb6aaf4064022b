package io.github.cxmetrics.ops;

import io.github.cxmetrics.internal.ExactSum;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable state of a weighted response-time histogram: the unweighted {@link HistogramState}
 * (counts per bucket, n, min, max, the count within the target) and, exactly, the sum of weights per
 * bucket (zero times apart), Σw, Σw², Σw·x (x in nanoseconds) and the sum of weights within the
 * target. Every sum is an {@link ExactSum}, so merging is exact and order-free.
 */
final class WeightedHistogramState {
    /** Bucket index of zero times in {@link #bucketWeights}. */
    static final int ZERO = Integer.MIN_VALUE;
    private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);

    final HistogramState counts;
    /** Σw per bucket (zero times under {@link #ZERO}), only for buckets with responses. */
    final TreeMap<Integer, ExactSum> bucketWeights = new TreeMap<>();
    final ExactSum sumW = new ExactSum();
    final ExactSum sumW2 = new ExactSum();
    final ExactSum sumWX = new ExactSum();
    final ExactSum withinW = new ExactSum();

    WeightedHistogramState(HistogramState counts) {
        this.counts = counts;
    }

    WeightedHistogramState copy() {
        WeightedHistogramState c = new WeightedHistogramState(counts.copy());
        c.addSums(this);
        return c;
    }

    /** Adds one time in nanoseconds with its weight (checked by the caller). */
    void add(long nanos, double weight) {
        counts.add(nanos);
        int bucket = nanos == 0 ? ZERO : counts.buckets.index(nanos);
        bucketWeights.computeIfAbsent(bucket, b -> new ExactSum()).add(weight);
        sumW.add(weight);
        sumW2.addSquare(weight);
        sumWX.addProduct(weight, (double) nanos);
        if (counts.target != HistogramState.NO_TARGET && nanos <= counts.target) {
            withinW.add(weight);
        }
    }

    /** Adds another state; the caller has checked that accuracy and target agree. */
    void merge(WeightedHistogramState o) {
        counts.merge(o.counts);
        addSums(o);
    }

    private void addSums(WeightedHistogramState o) {
        for (Map.Entry<Integer, ExactSum> e : o.bucketWeights.entrySet()) {
            bucketWeights.computeIfAbsent(e.getKey(), b -> new ExactSum()).addAll(e.getValue());
        }
        sumW.addAll(o.sumW);
        sumW2.addAll(o.sumW2);
        sumWX.addAll(o.sumWX);
        withinW.addAll(o.withinW);
    }

    /** A copy with every weight multiplied by the factor (each sum rounded once, see ExactSum#times). */
    WeightedHistogramState times(double factor) {
        WeightedHistogramState c = new WeightedHistogramState(counts.copy());
        for (Map.Entry<Integer, ExactSum> e : bucketWeights.entrySet()) {
            c.bucketWeights.put(e.getKey(), e.getValue().times(factor));
        }
        c.sumW.addAll(sumW.times(factor));
        c.sumW2.addAll(sumW2.timesSquare(factor));
        c.sumWX.addAll(sumWX.times(factor));
        c.withinW.addAll(withinW.times(factor));
        return c;
    }

    /** The weighted mean in minutes, Σw·x/Σw, correctly rounded when both sums are exact doubles. */
    double meanMinutes() {
        double x = sumWX.toDouble();
        double w = sumW.toDouble();
        double den = w * 60_000_000_000.0;
        if (isExact(sumWX, x) && isExact(sumW, w) && Math.fma(w, 60_000_000_000.0, -den) == 0) {
            // both operands exact, so one IEEE division is the correctly rounded quotient (as WideSums)
            return x / den;
        }
        return sumWX.toBigDecimal().divide(NANOS_PER_MINUTE.multiply(sumW.toBigDecimal()), MathContext.DECIMAL128)
                .doubleValue();
    }

    private static boolean isExact(ExactSum sum, double value) {
        return Double.isFinite(value) && new BigDecimal(value).compareTo(sum.toBigDecimal()) == 0;
    }

    /**
     * The representative value (ns) of weighted rank k: the first bucket, zero times first, whose
     * cumulative weight C satisfies C·n &gt; k·W (each response counting w·n/W responses), clamped
     * to [min, max]. With all weights equal this is {@link HistogramState#valueAtRank(long)}.
     */
    double valueAtWeightedRank(long k) {
        BigDecimal n = BigDecimal.valueOf(counts.n());
        BigDecimal threshold = BigDecimal.valueOf(k).multiply(sumW.toBigDecimal());
        ExactSum cumulative = new ExactSum();
        for (Map.Entry<Integer, ExactSum> e : bucketWeights.entrySet()) {
            cumulative.addAll(e.getValue());
            if (cumulative.toBigDecimal().multiply(n).compareTo(threshold) > 0) {
                if (e.getKey() == ZERO) {
                    return 0;
                }
                double v = counts.buckets.representative(e.getKey());
                return Math.min(Math.max(v, counts.min), counts.max);
            }
        }
        // k = n − 1 with rounding at the top: the last bucket with weight
        for (Map.Entry<Integer, ExactSum> e : bucketWeights.descendingMap().entrySet()) {
            if (!e.getValue().isZero()) {
                return e.getKey() == ZERO ? 0
                        : Math.min(Math.max(counts.buckets.representative(e.getKey()), counts.min), counts.max);
            }
        }
        throw new IllegalStateException("no weight");
    }

    /**
     * The weighted variance of the times in minutes² about the exact weighted mean, from the
     * buckets' representative values: Σ_b W_b (r_b − mean)² / W (zero times at 0, each value
     * clamped to [min, max]). Every representative is within the histogram's relative accuracy of
     * its times.
     */
    double bucketVarianceMinutes(double meanMinutes) {
        double w = sumW.toDouble();
        double ss = 0;
        for (Map.Entry<Integer, ExactSum> e : bucketWeights.entrySet()) {
            double v = e.getKey() == ZERO ? 0 : Math.min(Math.max(counts.buckets.representative(e.getKey()),
                    counts.min), counts.max);
            double d = Durations.minutes(v) - meanMinutes;
            ss += e.getValue().toDouble() * d * d;
        }
        return ss / w;
    }

    boolean sameAs(WeightedHistogramState o) {
        return counts.sameAs(o.counts) && nonZero(bucketWeights).equals(nonZero(o.bucketWeights))
                && sumW.equals(o.sumW) && sumW2.equals(o.sumW2) && sumWX.equals(o.sumWX) && withinW.equals(o.withinW);
    }

    private static Map<Integer, BigInteger> nonZero(TreeMap<Integer, ExactSum> m) {
        Map<Integer, BigInteger> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (!v.isZero()) {
                out.put(k, v.unscaled());
            }
        });
        return out;
    }
}
