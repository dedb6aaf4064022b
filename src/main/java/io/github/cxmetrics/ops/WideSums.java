package io.github.cxmetrics.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Exact sums Σx and Σx² of non-negative {@code long} values (nanoseconds) in 128-bit two's
 * complement, so that any order or split of the same additions gives the same bits. Overflow (a
 * sum of squares beyond 2^127, about 1.7·10^38 ns², e.g. 2·10^10 durations of one day each) throws
 * {@link ArithmeticException} before anything changes. Not thread-safe.
 */
final class WideSums {
    private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);
    private long n;
    private long sumHi;
    private long sumLo;
    private long sqHi;
    private long sqLo;

    WideSums() {
    }

    WideSums(WideSums other) {
        this.n = other.n;
        this.sumHi = other.sumHi;
        this.sumLo = other.sumLo;
        this.sqHi = other.sqHi;
        this.sqLo = other.sqLo;
    }

    long n() {
        return n;
    }

    /** Adds x ≥ 0 (checked by the caller). */
    void add(long x) {
        long newN = Math.incrementExact(n);
        long lo = sumLo + x;
        long hi = Math.addExact(sumHi, Long.compareUnsigned(lo, sumLo) < 0 ? 1 : 0);
        long sq = x * x;
        long sqHigh = Math.multiplyHigh(x, x);
        long qlo = sqLo + sq;
        long qhi = Math.addExact(Math.addExact(sqHi, sqHigh), Long.compareUnsigned(qlo, sqLo) < 0 ? 1 : 0);
        n = newN;
        sumLo = lo;
        sumHi = hi;
        sqLo = qlo;
        sqHi = qhi;
    }

    void add(WideSums o) {
        long newN = Math.addExact(n, o.n);
        long lo = sumLo + o.sumLo;
        long hi = Math.addExact(Math.addExact(sumHi, o.sumHi), Long.compareUnsigned(lo, sumLo) < 0 ? 1 : 0);
        long qlo = sqLo + o.sqLo;
        long qhi = Math.addExact(Math.addExact(sqHi, o.sqHi), Long.compareUnsigned(qlo, sqLo) < 0 ? 1 : 0);
        n = newN;
        sumLo = lo;
        sumHi = hi;
        sqLo = qlo;
        sqHi = qhi;
    }

    /** Sets the state to another's. */
    void set(WideSums o) {
        n = o.n;
        sumHi = o.sumHi;
        sumLo = o.sumLo;
        sqHi = o.sqHi;
        sqLo = o.sqLo;
    }

    /** Sets the state to n values with the exact sums given, each in [0, 2^127) (checked by the caller). */
    void set(long count, BigInteger sum, BigInteger sumOfSquares) {
        n = count;
        sumHi = sum.shiftRight(64).longValue();
        sumLo = sum.longValue();
        sqHi = sumOfSquares.shiftRight(64).longValue();
        sqLo = sumOfSquares.longValue();
    }

    BigInteger sum() {
        return wide(sumHi, sumLo);
    }

    BigInteger sumOfSquares() {
        return wide(sqHi, sqLo);
    }

    private static BigInteger wide(long hi, long lo) {
        BigInteger low = new BigInteger(Long.toUnsignedString(lo));
        return BigInteger.valueOf(hi).shiftLeft(64).add(low);
    }

    /** The mean in minutes, correctly rounded from the exact sum; n must be positive. */
    double meanMinutes() {
        if (sumHi == 0 && sumLo >= 0 && sumLo <= EXACT && n <= EXACT / NANOS_PER_MINUTE_LONG) {
            // both operands are exact doubles, so one IEEE division is the correctly rounded quotient
            return sumLo / ((double) n * NANOS_PER_MINUTE_LONG);
        }
        return new BigDecimal(sum()).divide(NANOS_PER_MINUTE.multiply(BigDecimal.valueOf(n)), MathContext.DECIMAL128)
                .doubleValue();
    }

    /** 2^53: integers up to it are exact doubles. */
    private static final long EXACT = 1L << 53;
    private static final long NANOS_PER_MINUTE_LONG = 60_000_000_000L;

    /**
     * The sample variance in minutes², (nΣx² − (Σx)²)/(n(n − 1)), from exact integers; n must be at
     * least 2.
     */
    double varianceMinutes() {
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger num = bn.multiply(sumOfSquares()).subtract(sum().pow(2));
        BigDecimal den = new BigDecimal(bn.multiply(bn.subtract(BigInteger.ONE)))
                .multiply(NANOS_PER_MINUTE.pow(2));
        return new BigDecimal(num).divide(den, MathContext.DECIMAL128).doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WideSums w && n == w.n && sumHi == w.sumHi && sumLo == w.sumLo && sqHi == w.sqHi
                && sqLo == w.sqLo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + Long.hashCode(sumLo);
    }
}
