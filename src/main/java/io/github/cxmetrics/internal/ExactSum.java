package io.github.cxmetrics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An exact, order-independent sum of non-negative doubles in a bounded range, as a fixed-point
 * number of 32-bit digits ("superaccumulator"). Any order or grouping of the same additions gives
 * the same digits, so sums of weights compare with {@code equals} however the responses were split
 * and merged.
 *
 * <p>Range: each addend is 0 or a double whose set bits all lie in [2^-232, 2^192); totals stay
 * below 2^279. Weights in [2^-64, 2^64] and their exact squares (split into two doubles with
 * {@link Math#fma}) satisfy this. Not thread-safe.
 *
 * <p>Shared by the weighted tallies ({@code tally}) and the weighted operational accumulators
 * ({@code ops}); not exported.
 */
public final class ExactSum {
    /** Weight of digit 0 is 2^-OFFSET. */
    public static final int OFFSET = 232;
    private static final int DIGITS = 16;
    private static final long MASK = 0xFFFF_FFFFL;
    private static final int NORMALIZE_EVERY = 1 << 29;

    private final long[] digits;
    private int pending;

    public ExactSum() {
        this.digits = new long[DIGITS];
    }

    private ExactSum(long[] digits) {
        this.digits = digits;
    }

    /** Whether {@code x} can be added exactly (finite, and its bits within the range). */
    public static boolean fits(double x) {
        if (x == 0) {
            return true;
        }
        if (!Double.isFinite(x)) {
            return false;
        }
        double a = Math.abs(x);
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52);
        long mant = bits & 0x000F_FFFF_FFFF_FFFFL;
        if (biased == 0) {
            return false;
        }
        mant |= 1L << 52;
        int e = biased - 1075 + Long.numberOfTrailingZeros(mant);
        return e >= -OFFSET && Math.getExponent(a) < 192;
    }

    /** Adds x, which may be negative (the low part of a square), and must {@link #fits fit}. */
    public void add(double x) {
        if (x == 0) {
            return;
        }
        long bits = Double.doubleToRawLongBits(x);
        boolean negative = bits < 0;
        int biased = (int) ((bits >>> 52) & 0x7FF);
        long mant = (bits & 0x000F_FFFF_FFFF_FFFFL) | (1L << 52);
        int tz = Long.numberOfTrailingZeros(mant);
        mant >>>= tz;
        int pos = biased - 1075 + tz + OFFSET;
        int digit = pos >>> 5;
        int shift = pos & 31;
        long lo = (mant & MASK) << shift;
        long hi = (mant >>> 32) << shift;
        long d0 = lo & MASK;
        long d1 = (lo >>> 32) + (hi & MASK);
        long d2 = hi >>> 32;
        if (negative) {
            d0 = -d0;
            d1 = -d1;
            d2 = -d2;
        }
        digits[digit] += d0;
        digits[digit + 1] += d1;
        if (d2 != 0) {
            digits[digit + 2] += d2;
        }
        if (++pending >= NORMALIZE_EVERY) {
            normalize();
        }
    }

    /** Adds w and w² exactly: w² as the rounded square plus its exact rounding error. */
    public void addSquare(double w) {
        double hi = w * w;
        add(hi);
        add(Math.fma(w, w, -hi));
    }

    /**
     * Adds a·b exactly: the rounded product plus its exact rounding error ({@link Math#fma}). Both
     * parts must {@link #fits fit}: for a weight in [2^-64, 2^64] and a whole number of
     * nanoseconds below 2^53 they do.
     */
    public void addProduct(double a, double b) {
        double hi = a * b;
        add(hi);
        add(Math.fma(a, b, -hi));
    }

    /**
     * This sum times a positive factor, rounded once to the nearest multiple of 2^-232 (ties to
     * even), as a new sum; this one does not change. Exact when the product is such a multiple.
     *
     * @throws IllegalArgumentException if the factor is not positive and finite
     * @throws ArithmeticException if the product is at or above 2^279
     */
    public ExactSum times(double factor) {
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for factor (valid values > 0, finite): " + factor);
        }
        return scaledBy(new BigDecimal(factor));
    }

    /**
     * This sum times the square of a positive factor (the exact square, not the rounded one),
     * rounded once as {@link #times(double)}.
     *
     * @throws IllegalArgumentException if the factor is not positive and finite
     * @throws ArithmeticException if the product is at or above 2^279
     */
    public ExactSum timesSquare(double factor) {
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for factor (valid values > 0, finite): " + factor);
        }
        BigDecimal f = new BigDecimal(factor);
        return scaledBy(f.multiply(f));
    }

    private ExactSum scaledBy(BigDecimal factor) {
        BigDecimal product = toBigDecimal().multiply(factor);
        BigDecimal grid = new BigDecimal(BigInteger.ONE.shiftLeft(OFFSET));
        BigInteger unscaled = product.multiply(grid).setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
        if (unscaled.bitLength() > DIGITS * 32 - 1) {
            throw new ArithmeticException("sum of weights out of range (at or above 2^279)");
        }
        long[] d = new long[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            d[i] = unscaled.shiftRight(32 * i).longValue() & MASK;
        }
        return new ExactSum(d);
    }

    public void addAll(ExactSum other) {
        normalize();
        other.normalize();
        for (int i = 0; i < DIGITS; i++) {
            digits[i] += other.digits[i];
        }
        normalize();
    }

    /**
     * This sum less another, exactly, as a new sum; neither changes.
     *
     * @return the difference, or null when it would be negative
     */
    public ExactSum minus(ExactSum other) {
        normalize();
        other.normalize();
        long[] d = new long[DIGITS];
        long carry = 0;
        for (int i = 0; i < DIGITS; i++) {
            long v = digits[i] - other.digits[i] + carry;
            d[i] = v & MASK;
            carry = v >> 32;
        }
        return carry != 0 ? null : new ExactSum(d);
    }

    /** Carries so that every digit is in [0, 2^32); the sum is non-negative by construction. */
    public void normalize() {
        long carry = 0;
        for (int i = 0; i < DIGITS; i++) {
            long v = digits[i] + carry;
            digits[i] = v & MASK;
            carry = v >> 32;
        }
        if (carry != 0) {
            throw new ArithmeticException("sum of weights out of range (negative or at or above 2^279)");
        }
        pending = 0;
    }

    public ExactSum copy() {
        normalize();
        return new ExactSum(digits.clone());
    }

    public boolean isZero() {
        normalize();
        for (long d : digits) {
            if (d != 0) {
                return false;
            }
        }
        return true;
    }

    public BigInteger unscaled() {
        normalize();
        BigInteger v = BigInteger.ZERO;
        for (int i = DIGITS - 1; i >= 0; i--) {
            v = v.shiftLeft(32).or(BigInteger.valueOf(digits[i]));
        }
        return v;
    }

    /** The sum rounded once to the nearest double. */
    public double toDouble() {
        return Math.scalb(unscaled().doubleValue(), -OFFSET);
    }

    /** The exact sum. */
    public BigDecimal toBigDecimal() {
        return new BigDecimal(unscaled()).divide(new BigDecimal(BigInteger.ONE.shiftLeft(OFFSET)));
    }

    /** The exact sum given as a decimal, which must be a non-negative multiple of 2^-232 below 2^279. */
    public static ExactSum of(BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("Invalid sum of weights (valid values >= 0): " + value);
        }
        BigDecimal scaled = value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(OFFSET)));
        BigInteger unscaled;
        try {
            unscaled = scaled.toBigIntegerExact();
        } catch (ArithmeticException notMultiple) {
            throw new IllegalArgumentException("Invalid sum of weights (not a multiple of 2^-232): " + value);
        }
        if (unscaled.bitLength() > DIGITS * 32 - 1) {
            throw new IllegalArgumentException("Invalid sum of weights (valid values < 2^279): " + value);
        }
        long[] d = new long[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            d[i] = unscaled.shiftRight(32 * i).longValue() & MASK;
        }
        return new ExactSum(d);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExactSum other)) {
            return false;
        }
        normalize();
        other.normalize();
        return Arrays.equals(digits, other.digits);
    }

    @Override
    public int hashCode() {
        normalize();
        return Arrays.hashCode(digits);
    }
}
