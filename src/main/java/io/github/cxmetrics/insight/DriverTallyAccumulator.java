package io.github.cxmetrics.insight;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The mutable accumulator of a {@link DriverTally}: feed complete answers with
 * {@link #add(double, double...)}, merge with {@link #addAll}, and take an immutable
 * {@link #snapshot()}. The sums are exact (integers in {@code long}s while they fit, every other
 * value as the exact binary value of the double in a {@link BigDecimal}), so any split and merge of
 * the same answers gives an equal tally. Not thread-safe; merge one accumulator per thread.
 *
 * @since 0.1.0
 */
public final class DriverTallyAccumulator {
    private final String outcome;
    private final List<String> drivers;
    private final int size;
    private long n;
    /** Per variable (outcome first): the sum, as a long part and an exact overflow part. */
    private final long[] sums;
    private final BigDecimal[] bigSums;
    /** Upper triangle of the cross products, row-major, long part and exact part. */
    private final long[] products;
    private final BigDecimal[] bigProducts;

    /**
     * An empty accumulator for an outcome and its drivers.
     *
     * @throws IllegalArgumentException if there is no driver, a name is blank, or a name repeats
     */
    public DriverTallyAccumulator(String outcome, List<String> drivers) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.drivers = List.copyOf(drivers);
        DriverTally.checkNames(outcome, this.drivers);
        this.size = drivers.size() + 1;
        this.sums = new long[size];
        this.bigSums = new BigDecimal[size];
        this.products = new long[size * (size + 1) / 2];
        this.bigProducts = new BigDecimal[products.length];
        Arrays.fill(bigSums, BigDecimal.ZERO);
        Arrays.fill(bigProducts, BigDecimal.ZERO);
    }

    /**
     * Adds one respondent's answers: the outcome and one value per driver, in the order of the
     * drivers.
     *
     * @throws IllegalArgumentException if the number of driver values is wrong or a value is not
     *     finite (nothing is added)
     */
    public DriverTallyAccumulator add(double outcomeValue, double... driverValues) {
        return addRepeated(1, outcomeValue, driverValues);
    }

    /**
     * Adds {@code count} respondents with the same answers, as if each had been added.
     *
     * @throws IllegalArgumentException if count is negative, the number of driver values is wrong
     *     or a value is not finite (nothing is added)
     */
    public DriverTallyAccumulator addRepeated(long count, double outcomeValue, double... driverValues) {
        if (count < 0) {
            throw new IllegalArgumentException("Invalid value for count (valid values >= 0): " + count);
        }
        if (driverValues.length != size - 1) {
            throw new IllegalArgumentException("Invalid number of driver values (valid values " + (size - 1)
                    + ", one per driver " + drivers + "): " + driverValues.length);
        }
        double[] x = new double[size];
        x[0] = outcomeValue;
        System.arraycopy(driverValues, 0, x, 1, size - 1);
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("Invalid value for " + name(i) + " (valid values finite numbers): "
                        + x[i]);
            }
        }
        n += count;
        int k = 0;
        for (int i = 0; i < size; i++) {
            addTo(sums, bigSums, i, x[i], 1, count);
            for (int j = i; j < size; j++) {
                addTo(products, bigProducts, k++, x[i], x[j], count);
            }
        }
        return this;
    }

    /** Adds count · a · b exactly to cell k: in the long while a and b are small integers and it fits. */
    private static void addTo(long[] longs, BigDecimal[] bigs, int k, double a, double b, long count) {
        if (isSmallInteger(a) && isSmallInteger(b)) {
            long p = (long) a * (long) b;
            long high = Math.multiplyHigh(p, count);
            long pc = p * count;
            if ((high == 0 && pc >= 0) || (high == -1 && pc < 0)) {
                long s = longs[k] + pc;
                if (((longs[k] ^ s) & (pc ^ s)) >= 0) {
                    longs[k] = s;
                    return;
                }
            }
        }
        bigs[k] = bigs[k].add(new BigDecimal(a).multiply(new BigDecimal(b)).multiply(BigDecimal.valueOf(count)));
    }

    private static boolean isSmallInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) <= 1 << 30;
    }

    /**
     * Adds every answer of another accumulator, as if they had been added here.
     *
     * @throws IllegalArgumentException if the outcome or drivers differ (nothing is added)
     */
    public DriverTallyAccumulator addAll(DriverTallyAccumulator other) {
        return addAll(other.snapshot());
    }

    /**
     * Adds every answer of a tally, as if they had been added here.
     *
     * @throws IllegalArgumentException if the outcome or drivers differ (nothing is added)
     */
    public DriverTallyAccumulator addAll(DriverTally other) {
        if (!other.outcome().equals(outcome) || !other.drivers().equals(drivers)) {
            throw new IllegalArgumentException("Driver mismatch: " + outcome + " ~ " + drivers + " / "
                    + other.outcome() + " ~ " + other.drivers());
        }
        n += other.n();
        for (int i = 0; i < size; i++) {
            bigSums[i] = bigSums[i].add(other.sum(i));
        }
        for (int k = 0; k < products.length; k++) {
            bigProducts[k] = bigProducts[k].add(other.product(k));
        }
        return this;
    }

    /** The answers so far, as an immutable tally. */
    public DriverTally snapshot() {
        BigDecimal[] s = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            s[i] = bigSums[i].add(BigDecimal.valueOf(sums[i]));
        }
        BigDecimal[] p = new BigDecimal[products.length];
        for (int k = 0; k < products.length; k++) {
            p[k] = bigProducts[k].add(BigDecimal.valueOf(products[k]));
        }
        return new DriverTally(outcome, drivers, n, s, p);
    }

    private String name(int i) {
        return i == 0 ? "outcome " + outcome : "driver " + drivers.get(i - 1);
    }
}
