package io.github.cxmetrics.design;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Normal;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How many responses one score needs for a margin of error, or the margin that a number of
 * responses gives: the survey-planning question "how many answers do we need for NPS ± 5?".
 *
 * <p>Get one with {@link #forMargin(Spread, double, double)} (the n for a margin) or
 * {@link #forN(Spread, long, double)} (the margin for an n), each also with a finite population.
 * The margin is a half-width in the metric's display units: NPS points, percentage points for a
 * share such as CSAT top-box, scale points for a mean.
 *
 * <p>Formula (Cochran 1977, Sampling Techniques, 3rd ed., Wiley, §4.4): with z = Φ⁻¹(1 − α/2) the
 * two-sided critical value at confidence 1 − α and σ the {@link Spread} of one response,
 * <pre>
 *   n₀ = z²·σ² / m²
 * </pre>
 * and with a finite population (customer base) of N the corrected
 * <pre>
 *   n = n₀ / (1 + (n₀ − 1)/N)
 * </pre>
 * (Cochran's form; it solves m = z·σ·√((N − n)/(n·(N − 1))), the margin under sampling without
 * replacement with the finite population correction (N − n)/(N − 1). It is used for every metric;
 * the form n₀/(1 + n₀/N), which Cochran gives for continuous data with σ defined over N − 1, differs
 * from it by less than one response before rounding.) n is rounded up to a
 * whole response and is at least 1; a value within a relative 10⁻⁹ of a whole number is taken as
 * that number, so that rounding noise in z² never adds a response. The reverse direction is
 * m = z·σ/√n, or with the population m = z·σ·√((N − n)/(n·(N − 1))).
 *
 * <p>Worked examples, 95 % (z = 1.959964): NPS worst case (σ = 100) ± 5 points needs
 * ⌈1.959964²·100²/5²⌉ = ⌈1536.58⌉ = 1537 responses; CSAT top-box with p = ½ (σ = 50) ± 5 percentage
 * points needs ⌈1.959964²·50²/5²⌉ = ⌈384.15⌉ = 385. From a customer base of N = 10,000 the NPS
 * case needs ⌈1536.58/(1 + 1535.58/10000)⌉ = ⌈1332.04⌉ = 1333.
 *
 * <p>The margin is that of the Wald (normal-approximation) interval; the library's default
 * intervals (adjusted Wald for NPS, Wilson for shares, Student t for means) have nearly the same
 * width at the sizes these formulas give.
 *
 * @param n the number of responses (a count): rounded up for {@code forMargin}, as given for {@code forN}
 * @param margin the margin of error, in display units (NPS points, percentage points, scale points): as requested for {@code forMargin} (the n reaches it or a
 *     smaller one, see {@link #achievedMargin()}), as computed for {@code forN}
 * @param confidence the confidence level of the margin, a probability in (0, 1)
 * @param spread the expected spread of one response
 * @param population the size N of the finite population sampled (a count), or empty for an infinite one
 *
 * @since 0.1.0
 */
public record SampleSize(long n, double margin, double confidence, Spread spread, OptionalLong population) {

    /** The largest n computed, 2^53: beyond it a long n no longer matches its double. */
    static final double MAX_N = 0x1p53;

    /**
     * Checks the ranges of the components (not that they are consistent with each other: use the
     * factories for that).
     *
     * @throws IllegalArgumentException if n &lt; 1, the margin is negative or not finite, the
     *     confidence is outside (0, 1), the population is below 2 or below n
     * @throws NullPointerException if spread or population is null
     */
    public SampleSize {
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(population, "population");
        if (n < 1) {
            throw new IllegalArgumentException("Invalid value for n (valid values n >= 1): " + n);
        }
        if (!(margin >= 0 && margin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for margin (valid values 0 <= m < infinity): " + margin);
        }
        Checks.confidence(confidence);
        if (population.isPresent()) {
            requirePopulation(population.getAsLong());
            if (n > population.getAsLong()) {
                throw new IllegalArgumentException("Invalid value for n (valid values 1 - population "
                        + population.getAsLong() + "): " + n);
            }
        }
    }

    /**
     * The number of responses needed for a margin of error at a confidence level, from an
     * infinite population: n = ⌈z²·σ²/m²⌉.
     *
     * @param spread the expected spread of one response
     * @param margin the half-width wanted, in display units (NPS points, percentage points, scale points)
     * @param confidence the confidence level, e.g. 0.95
     * @throws IllegalArgumentException if the margin is not positive and finite, the confidence is
     *     outside (0, 1), or n would exceed 2^53
     */
    public static SampleSize forMargin(Spread spread, double margin, double confidence) {
        Objects.requireNonNull(spread, "spread");
        double n0 = infiniteN(spread, requireMargin(margin), Checks.confidence(confidence));
        return new SampleSize(roundUp(n0), margin, confidence, spread, OptionalLong.empty());
    }

    /**
     * The number of responses needed for a margin of error at a confidence level, sampled without
     * replacement from a population (customer base) of N: n = ⌈n₀/(1 + (n₀ − 1)/N)⌉ with
     * n₀ = z²·σ²/m². Never more than N.
     *
     * @param population the population size N, at least 2
     * @throws IllegalArgumentException as {@link #forMargin(Spread, double, double)}, or if the
     *     population is below 2
     */
    public static SampleSize forMargin(Spread spread, double margin, double confidence, long population) {
        Objects.requireNonNull(spread, "spread");
        double n0 = infiniteN(spread, requireMargin(margin), Checks.confidence(confidence));
        requirePopulation(population);
        double n = n0 / (1 + (n0 - 1) / population);
        return new SampleSize(Math.min(roundUp(n), population), margin, confidence, spread,
                OptionalLong.of(population));
    }

    /**
     * The margin of error that n responses give at a confidence level, from an infinite
     * population: m = z·σ/√n.
     *
     * @throws IllegalArgumentException if n &lt; 1 or the confidence is outside (0, 1)
     */
    public static SampleSize forN(Spread spread, long n, double confidence) {
        Objects.requireNonNull(spread, "spread");
        requireN(n);
        double margin = marginOf(spread, n, Checks.confidence(confidence), OptionalLong.empty());
        return new SampleSize(n, margin, confidence, spread, OptionalLong.empty());
    }

    /**
     * The margin of error that n responses give at a confidence level, sampled without replacement
     * from a population of N: m = z·σ·√((N − n)/(n·(N − 1))); 0 when n = N.
     *
     * @throws IllegalArgumentException if n &lt; 1, the population is below 2 or below n, or the
     *     confidence is outside (0, 1)
     */
    public static SampleSize forN(Spread spread, long n, double confidence, long population) {
        Objects.requireNonNull(spread, "spread");
        requireN(n);
        requirePopulation(population);
        if (n > population) {
            throw new IllegalArgumentException("Invalid value for n (valid values 1 - population " + population + "): "
                    + n);
        }
        double margin = marginOf(spread, n, Checks.confidence(confidence), OptionalLong.of(population));
        return new SampleSize(n, margin, confidence, spread, OptionalLong.of(population));
    }

    /**
     * The margin of error that {@link #n()} responses actually give: equal to {@link #margin()}
     * for {@code forN}, at most {@link #margin()} for {@code forMargin} (n was rounded up).
     */
    public double achievedMargin() {
        return marginOf(spread, n, confidence, population);
    }

    static double infiniteN(Spread spread, double margin, double confidence) {
        double z = Normal.criticalValue(confidence);
        double n0 = z * z * spread.variance() / (margin * margin);
        if (!(n0 <= MAX_N)) {
            throw new IllegalArgumentException("Invalid value for margin (too small for " + spread + " at confidence "
                    + confidence + ": n would exceed 2^53): " + margin);
        }
        return n0;
    }

    private static double marginOf(Spread spread, long n, double confidence, OptionalLong population) {
        double z = Normal.criticalValue(confidence);
        double margin = z * spread.standardDeviation() / Math.sqrt(n);
        if (population.isPresent()) {
            double bigN = population.getAsLong();
            margin *= Math.sqrt((bigN - n) / (bigN - 1));
        }
        return margin;
    }

    /**
     * Rounds up to a whole number of responses, at least 1; a value within a relative 1e-9 of a
     * whole number is taken as that number.
     */
    static long roundUp(double x) {
        double nearest = Math.rint(x);
        double rounded = Math.abs(x - nearest) <= 1e-9 * nearest ? nearest : Math.ceil(x);
        return Math.max(1, (long) rounded);
    }

    static double requireMargin(double margin) {
        if (margin > 0 && margin < Double.POSITIVE_INFINITY) {
            return margin;
        }
        throw new IllegalArgumentException("Invalid value for margin (valid values 0 < m < infinity): " + margin);
    }

    private static void requireN(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("Invalid value for n (valid values n >= 1): " + n);
        }
    }

    private static void requirePopulation(long population) {
        if (population < 2) {
            throw new IllegalArgumentException("Invalid value for population (valid values N >= 2): " + population);
        }
    }
}
