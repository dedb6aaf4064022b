package io.github.cxmetrics.bench;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.ProportionInterval;
import java.util.concurrent.TimeUnit;
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
 * The cost of one confidence interval, in nanoseconds per call: NPS adjusted Wald and Tango, CSAT
 * Wilson and Clopper-Pearson, at 95 %. Each operation cycles through {@value #CASES} count vectors
 * (n from 10 to about 5000, like the groups of a weekly report) so nothing is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class IntervalBenchmark {
    static final int CASES = 64;

    final double[] promoters = new double[CASES];
    final double[] passives = new double[CASES];
    final double[] detractors = new double[CASES];
    final double[] successes = new double[CASES];
    final double[] trials = new double[CASES];
    double confidence;

    @Setup
    public void setUp() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < CASES; i++) {
            int n = 10 + rnd.nextInt(5000);
            int p = rnd.nextInt(n + 1);
            int d = rnd.nextInt(n - p + 1);
            promoters[i] = p;
            detractors[i] = d;
            passives[i] = n - p - d;
            trials[i] = n;
            successes[i] = rnd.nextInt(n + 1);
        }
        confidence = 0.95;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public double npsAdjustedWald() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            Interval ci = NpsInterval.ADJUSTED_WALD.of(promoters[i], passives[i], detractors[i], confidence);
            sum += ci.lower() + ci.upper();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public double npsTango() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            Interval ci = NpsInterval.TANGO.of(promoters[i], passives[i], detractors[i], confidence);
            sum += ci.lower() + ci.upper();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public double proportionWilson() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            Interval ci = ProportionInterval.WILSON.of(successes[i], trials[i], confidence);
            sum += ci.lower() + ci.upper();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public double proportionClopperPearson() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            Interval ci = ProportionInterval.CLOPPER_PEARSON.of(successes[i], trials[i], confidence);
            sum += ci.lower() + ci.upper();
        }
        return sum;
    }
}
