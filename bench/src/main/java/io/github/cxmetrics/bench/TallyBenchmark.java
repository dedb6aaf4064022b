package io.github.cxmetrics.bench;

import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tallying NPS scores (0-10) from an array: the hand-written histogram loop against
 * {@link TallyAccumulator#addAll(byte[])} / {@link TallyAccumulator#addAll(int...)}, and the two
 * stream paths (boxed {@code Collector} and primitive {@code IntStream}), side by side in one class
 * and one run, single-threaded. One operation is one response, so the scores read as
 * responses per second.
 *
 * <p>The scores follow the shape of real exports (most answers 8-10, a long tail of detractors),
 * drawn like {@code GenResponses}: round(7.9 + 2.1 N(0,1)) clamped to 0..10. Skewed data is the
 * hard case for a histogram loop (repeated increments of the same counter); {@code uniform} is the
 * easy one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class TallyBenchmark {
    static final int N = 1 << 20;

    @Param({"skewed", "uniform"})
    public String distribution;

    byte[] bytes;
    int[] ints;
    List<Integer> boxed;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        bytes = new byte[N];
        ints = new int[N];
        for (int i = 0; i < N; i++) {
            int score = "uniform".equals(distribution) ? rnd.nextInt(11)
                    : (int) Math.max(0, Math.min(10, Math.round(7.9 + 2.1 * gaussian(rnd))));
            bytes[i] = (byte) score;
            ints[i] = score;
        }
        boxed = new ArrayList<>(N);
        for (int score : ints) {
            boxed.add(score);
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** The anchor: {@code counts[b[i]]++} over the bytes, no validation. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long[] handLoopBytes() {
        byte[] b = bytes;
        long[] counts = new long[11];
        for (int i = 0; i < b.length; i++) {
            counts[b[i]]++;
        }
        return counts;
    }

    /** The anchor over an {@code int[]}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long[] handLoopInts() {
        int[] s = ints;
        long[] counts = new long[11];
        for (int i = 0; i < s.length; i++) {
            counts[s[i]]++;
        }
        return counts;
    }

    /** The library: validates every score (an off-scale one throws with its index, nothing added). */
    @Benchmark
    @OperationsPerInvocation(N)
    public TallyAccumulator addAllBytes() {
        return new TallyAccumulator(NpsScale.STANDARD).addAll(bytes);
    }

    /** The library over an {@code int[]}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public TallyAccumulator addAllInts() {
        return new TallyAccumulator(NpsScale.STANDARD).addAll(ints);
    }

    /** The boxed stream path: a {@code List<Integer>} collected with {@link Tally#toTally}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Tally boxedCollector() {
        return boxed.stream().collect(Tally.toTally(NpsScale.STANDARD));
    }

    /** The primitive stream path: {@link Tally#of(io.github.cxmetrics.scale.Scale, IntStream)}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Tally intStream() {
        return Tally.of(NpsScale.STANDARD, IntStream.of(ints));
    }
}
