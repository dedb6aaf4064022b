package io.github.cxmetrics.insight;

import io.github.cxmetrics.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap,
 * ch. 13) for the importances and ranks of a {@link KeyDrivers} analysis: the respondents are
 * resampled with replacement {@code replicates} times, with a seeded generator so a run can be
 * repeated, and each resample is analysed again. The interval of a statistic is the
 * (1 − c)/2 and (1 + c)/2 quantiles of its resampled values (type 7, linear between order
 * statistics). This is what relaimpo's {@code boot.relimp} does for LMG with its percentile method.
 *
 * <p>A resample in which a driver has no spread or the drivers are collinear has no analysis; it is
 * left out and counted ({@link #degenerate()}), and the intervals are over the others. Immutable
 * and thread-safe.
 *
 * @since 0.1.0
 */
public final class DriverBootstrap {
    private final int replicates;
    private final int degenerate;
    private final long seed;
    private final double confidence;
    private final double[][] lmg;
    private final double[][] weight;
    private final double[][] rank;

    private DriverBootstrap(int replicates, int degenerate, long seed, double confidence, double[][] lmg,
            double[][] weight, double[][] rank) {
        this.replicates = replicates;
        this.degenerate = degenerate;
        this.seed = seed;
        this.confidence = confidence;
        this.lmg = lmg;
        this.weight = weight;
        this.rank = rank;
    }

    /**
     * Bootstraps the analysis of complete answers, each row the outcome followed by the drivers.
     *
     * @throws IllegalArgumentException if replicates is not in 10..100,000, the confidence is not in
     *     (0, 1), a row has the wrong length, or fewer than half of the resamples can be analysed
     */
    public static DriverBootstrap of(String outcome, List<String> drivers, List<double[]> rows, int replicates,
            long seed, double confidence) {
        long[] ones = new long[rows.size()];
        Arrays.fill(ones, 1);
        return of(outcome, drivers, rows, ones, replicates, seed, confidence);
    }

    /**
     * Bootstraps the analysis of distinct answer rows, each given {@code counts[i]} times (such as a
     * survey's answer patterns): the same as listing every respondent, with resampling cost in the
     * number of respondents and the analysis in the number of distinct rows.
     *
     * @throws IllegalArgumentException as {@link #of(String, List, List, int, long, double)}, or if
     *     the counts do not match the rows or one is negative
     */
    public static DriverBootstrap of(String outcome, List<String> drivers, List<double[]> rows, long[] counts,
            int replicates, long seed, double confidence) {
        Objects.requireNonNull(rows, "rows");
        if (counts.length != rows.size()) {
            throw new IllegalArgumentException("Invalid number of counts (valid values " + rows.size()
                    + ", one per row): " + counts.length);
        }
        long[] cumulative = new long[counts.length];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("Invalid count (valid values >= 0): " + counts[i]);
            }
            total += counts[i];
            cumulative[i] = total;
        }
        if (replicates < 10 || replicates > 100_000) {
            throw new IllegalArgumentException("Invalid value for replicates (valid values 10 - 100000): " + replicates);
        }
        Checks.confidence(confidence);
        int p = drivers.size();
        double[][] data = rows.toArray(new double[0][]);
        for (double[] row : data) {
            if (row.length != p + 1) {
                throw new IllegalArgumentException("Invalid row length (valid values " + (p + 1)
                        + ": the outcome and one value per driver): " + row.length);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] lmg = new double[p][replicates];
        double[][] weight = new double[p][replicates];
        double[][] rank = new double[p][replicates];
        int done = 0;
        int degenerate = 0;
        long[] drawn = new long[data.length];
        for (int b = 0; b < replicates; b++) {
            Arrays.fill(drawn, 0);
            for (long i = 0; i < total; i++) {
                int at = Arrays.binarySearch(cumulative, random.nextLong(total) + 1);
                drawn[at < 0 ? -at - 1 : firstOf(cumulative, at)]++;
            }
            DriverTallyAccumulator acc = new DriverTallyAccumulator(outcome, drivers);
            for (int r = 0; r < data.length; r++) {
                if (drawn[r] > 0) {
                    acc.addRepeated(drawn[r], data[r][0], Arrays.copyOfRange(data[r], 1, data[r].length));
                }
            }
            KeyDrivers k;
            try {
                k = KeyDrivers.of(acc.snapshot());
            } catch (IllegalArgumentException | IllegalStateException e) {
                degenerate++;
                continue;
            }
            for (int j = 0; j < p; j++) {
                Driver d = k.drivers().get(j);
                lmg[j][done] = d.lmg();
                weight[j][done] = d.relativeWeight();
                rank[j][done] = d.rank();
            }
            done++;
        }
        if (done < replicates / 2.0) {
            throw new IllegalArgumentException("Too few analysable resamples (valid values: at least half of "
                    + replicates + "): " + done + "; the drivers are nearly constant or collinear in this data");
        }
        for (int j = 0; j < p; j++) {
            lmg[j] = sorted(lmg[j], done);
            weight[j] = sorted(weight[j], done);
            rank[j] = sorted(rank[j], done);
        }
        return new DriverBootstrap(replicates, degenerate, seed, confidence, lmg, weight, rank);
    }

    /** The first index holding the same cumulative value (rows with count 0 share it with the row before). */
    private static int firstOf(long[] cumulative, int at) {
        int i = at;
        while (i > 0 && cumulative[i - 1] == cumulative[at]) {
            i--;
        }
        return i;
    }

    private static double[] sorted(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return v;
    }

    /** The type-7 quantile of sorted values (Hyndman &amp; Fan 1996). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private double[] interval(double[] sorted) {
        if (Double.isNaN(sorted[0])) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {quantile(sorted, (1 - confidence) / 2), quantile(sorted, (1 + confidence) / 2)};
    }

    /** The interval of driver j's LMG share ({@code [lower, upper]}; NaN when LMG is not computed). */
    public double[] lmgInterval(int driver) {
        return interval(lmg[driver]);
    }

    /** The interval of driver j's relative weight ({@code [lower, upper]}). */
    public double[] relativeWeightInterval(int driver) {
        return interval(weight[driver]);
    }

    /** The interval of driver j's rank ({@code [lower, upper]}, 1 the most important). */
    public double[] rankInterval(int driver) {
        return interval(rank[driver]);
    }

    /** The resamples asked for. */
    public int replicates() {
        return replicates;
    }

    /** The resamples that had no analysis (left out). */
    public int degenerate() {
        return degenerate;
    }

    /** The seed of the resampling. */
    public long seed() {
        return seed;
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return confidence;
    }
}
