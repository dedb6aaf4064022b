package io.github.cxmetrics.bench;

import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Adding response times to a {@link ResponseTimeHistogramAccumulator} at the default 1 % accuracy,
 * single-threaded; one operation is one time, so results read as ns per time.
 *
 * <ul>
 *   <li>{@code indexByLog} and {@code indexByTable}: the bucket index alone, the old formula
 *       against the lookup tables that replaced it, side by side in one run (both from
 *       {@link LogBucketsCopy}, since the library's {@code LogBuckets} is package-private);</li>
 *   <li>{@code addMinutes}: the library's whole add, as the report calls it (1 % accuracy, a 2 h
 *       target, one accumulator per 65 536 times). Which library it measures is the one first on
 *       the class path: run it once with the jar before the change and once with the jar after
 *       (see {@code docs/performance.md}); the setup prints which jar was loaded.</li>
 * </ul>
 *
 * <p>The times follow {@code GenResponses}: exp(3.6 − 0.25·mood + 0.9·N(0,1)) minutes with mood ~
 * N(0, 1.6²), six times longer on one channel in five, rounded to 0.1 minute (so some are zero).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class HistogramBenchmark {
    static final int N = 1 << 16;
    static final Duration TARGET = Duration.ofHours(2);

    double[] minutes;
    long[] nanos;
    LogBucketsCopy buckets;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        minutes = new double[N];
        nanos = new long[N];
        for (int i = 0; i < N; i++) {
            double mood = 1.6 * gaussian(rnd);
            double m = Math.exp(3.6 - mood * 0.25 + gaussian(rnd) * 0.9) * (rnd.nextInt(5) == 1 ? 6 : 1);
            minutes[i] = Math.round(m * 10) / 10.0;
            nanos[i] = Math.round(minutes[i] * 60_000_000_000L);
        }
        buckets = new LogBucketsCopy(ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY);
        checkSameBucketsAsTheLibrary();
        System.out.println("library: "
                + ResponseTimeHistogramAccumulator.class.getProtectionDomain().getCodeSource().getLocation());
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Both copies must give, over the data, the bucket counts of the library's own text form. */
    private void checkSameBucketsAsTheLibrary() {
        ResponseTimeHistogramAccumulator acc = addAll();
        Matcher m = Pattern.compile(" offset=(\\d+) counts=([0-9,]*) ").matcher(acc.snapshot().format());
        if (!m.find()) {
            throw new IllegalStateException("no offset/counts in " + acc.snapshot().format());
        }
        int offset = Integer.parseInt(m.group(1));
        long[] expected = Arrays.stream(m.group(2).split(",")).mapToLong(Long::parseLong).toArray();
        long[] byLog = new long[expected.length];
        long[] byTable = new long[expected.length];
        for (long x : nanos) {
            if (x > 0) {
                byLog[buckets.indexByLog(x) - offset]++;
                byTable[buckets.index(x) - offset]++;
            }
        }
        if (!Arrays.equals(byLog, expected) || !Arrays.equals(byTable, expected)) {
            throw new IllegalStateException("LogBucketsCopy and the library disagree on the buckets");
        }
    }

    private ResponseTimeHistogramAccumulator addAll() {
        ResponseTimeHistogramAccumulator acc = new ResponseTimeHistogramAccumulator(
                ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, TARGET);
        for (double m : minutes) {
            acc.addMinutes(m);
        }
        return acc;
    }

    /** The old index: {@code Math.log} and at least two {@code Math.exp} per time. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long indexByLog() {
        long sum = 0;
        for (long x : nanos) {
            if (x > 0) {
                sum += buckets.indexByLog(x);
            }
        }
        return sum;
    }

    /** The new index: two table reads and about one comparison per time. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long indexByTable() {
        long sum = 0;
        for (long x : nanos) {
            if (x > 0) {
                sum += buckets.index(x);
            }
        }
        return sum;
    }

    /** The library's whole add, minutes to nanoseconds, sums, min, max, target count and bucket. */
    @Benchmark
    @OperationsPerInvocation(N)
    public ResponseTimeHistogramAccumulator addMinutes() {
        return addAll();
    }
}
