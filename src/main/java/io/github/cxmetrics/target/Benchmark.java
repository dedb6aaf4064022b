package io.github.cxmetrics.target;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.trend.Metric;
import java.util.Objects;

/**
 * A score against an external value such as an industry-average NPS of 32: above, below, or not
 * distinguishable, with the difference, its interval and the p-value of the one-sample test
 * ({@link Metric#versus(Tally, double, double)}: NPS adjusted-Wald z, CSAT score z with Wilson
 * interval, CES one-sample t).
 *
 * <p>Get one with {@link #of(Metric, Tally, double, double)}. "Above" means a higher number, which
 * is worse for CES on a lower-is-better effort scale. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Benchmark {
    private final Metric metric;
    private final double value;
    private final double score;
    private final long n;
    private final Comparison comparison;

    private Benchmark(Metric metric, double value, double score, long n, Comparison comparison) {
        this.metric = metric;
        this.value = value;
        this.score = score;
        this.n = n;
        this.comparison = comparison;
    }

    /**
     * Compares the tally's score with the value.
     *
     * @param value the benchmark in display units: NPS points, CSAT percent (65 for 65 %), CES
     *     scale points
     * @throws IllegalArgumentException if the value lies outside the metric's range (CSAT: not
     *     strictly between 0 and 100, or looks like a fraction, 0 &lt; v ≤ 1, refused with the
     *     message {@link Target} gives), the scale does not fit the metric, or the confidence is not
     *     in (0, 1)
     * @throws IllegalStateException if the tally has too few responses (see {@link Metric#hasInterval})
     */
    public static Benchmark of(Metric metric, Tally tally, double value, double confidence) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tally, "tally");
        Comparison c = metric.versus(tally, value, confidence);
        return new Benchmark(metric, value, metric.score(tally), tally.n(), c);
    }

    /**
     * Compares a weighted tally's score with the value ({@link Metric#versus(WeightedTally, double,
     * double)}: Kish's effective n where the test needs an n); {@link #n()} is the number of
     * responses.
     *
     * @throws IllegalArgumentException as {@link #of(Metric, Tally, double, double)}
     * @throws IllegalStateException if the tally has too few responses
     * @since 0.1.0
     */
    public static Benchmark of(Metric metric, WeightedTally tally, double value, double confidence) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tally, "tally");
        Comparison c = metric.versus(tally, value, confidence);
        return new Benchmark(metric, value, metric.score(tally), tally.n(), c);
    }

    /** The metric. */
    public Metric metric() {
        return metric;
    }

    /** The benchmark value, in display units. */
    public double value() {
        return value;
    }

    /** The score, in display units. */
    public double score() {
        return score;
    }

    /** The number of responses. */
    public long n() {
        return n;
    }

    /** Score − value with its interval, test statistic and two-sided p-value. */
    public Comparison comparison() {
        return comparison;
    }

    /** The two-sided p-value. */
    public double pValue() {
        return comparison.pValue();
    }

    /** ABOVE or BELOW when p &lt; 1 − confidence (by the sign of the difference), else NOT_DISTINGUISHABLE. */
    public BenchmarkVerdict verdict() {
        if (!comparison.isSignificant()) {
            return BenchmarkVerdict.NOT_DISTINGUISHABLE;
        }
        return comparison.testedDifference() > 0 ? BenchmarkVerdict.ABOVE : BenchmarkVerdict.BELOW;
    }

    @Override
    public String toString() {
        return "Benchmark[" + metric.key() + " " + score + " vs " + value + ": " + verdict() + ", p=" + pValue() + "]";
    }
}
