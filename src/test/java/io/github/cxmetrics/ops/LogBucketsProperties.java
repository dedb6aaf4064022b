package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/**
 * The table lookup of {@link LogBuckets#index(long)} gives exactly the bucket of the log formula
 * {@link LogBuckets#indexByLog(long)}, and histograms built through it equal histograms built
 * bucket by bucket from the log formula.
 */
class LogBucketsProperties {
    /** Below about 3.3317e-4 there are more than 65 536 buckets: no tables. */
    static final double FINEST_WITH_TABLES = 0.0003332;
    static final double COARSEST_WITHOUT_TABLES = 0.0003331;

    private static final Map<Double, LogBuckets> OWN_TABLES = new ConcurrentHashMap<>();

    /**
     * An instance with tables of its own (when the accuracy allows), so that the tests do not
     * depend on what other tests put in the shared cache.
     */
    static LogBuckets withOwnTables(double accuracy) {
        return OWN_TABLES.computeIfAbsent(accuracy, LogBuckets::unshared);
    }

    @Provide
    Arbitrary<Double> accuracies() {
        return Arbitraries.of(0.000001, COARSEST_WITHOUT_TABLES, FINEST_WITH_TABLES, 0.001, 0.005, 0.01, 0.02, 0.05,
                0.1, 0.25, 0.5);
    }

    /** Nanoseconds ≥ 1 over the whole range, with weight on the bounds where an index can go wrong. */
    @Provide
    Arbitrary<Tuple2<Double, Long>> accuracyAndNanos() {
        return accuracies().flatMap(a -> {
            LogBuckets b = withOwnTables(a);
            return nanosNearBounds(b, 0, b.indexByLog(Long.MAX_VALUE)).map(x -> Tuple.of(a, x));
        });
    }

    /**
     * Times in the buckets from .. to (inclusive), clamped to them: just around each bucket bound
     * upperBound(i) (its floor ± 3, and the longs of the doubles next to it), around γ<sup>i</sup>
     * computed another way ({@code Math.pow}), around the first doubles of the lookup ranges (2^e·(1 +
     * j/2048), which include those of every M ≤ 11), around powers of two, 1 and {@code Long.MAX_VALUE},
     * and some spread uniformly and log-uniformly.
     */
    static Arbitrary<Long> nanosNearBounds(LogBuckets b, int from, int to) {
        long lo = from == 0 ? 1 : Math.max(1, (long) Math.floor(b.upperBound(from - 1)) + 1);
        // (a window of tiny buckets may hold no whole nanosecond; then it is widened to lo)
        long hi = to == b.indexByLog(Long.MAX_VALUE) ? Long.MAX_VALUE
                : Math.max(lo, (long) Math.floor(b.upperBound(to)));
        double gamma = (1 + b.relativeAccuracy) / (1 - b.relativeAccuracy);
        Arbitrary<Integer> bucket = Arbitraries.integers().between(from, to);
        Arbitrary<Integer> delta = Arbitraries.integers().between(-3, 3);
        Arbitrary<Long> nearBound = Combinators.combine(bucket, delta).as((i, d) -> plus(floor(b.upperBound(i)), d));
        Arbitrary<Long> nextToBound = Combinators.combine(bucket, Arbitraries.integers().between(-1, 1))
                .as((i, d) -> {
                    double v = b.upperBound(i);
                    return floor(d < 0 ? Math.nextDown(v) : d > 0 ? Math.nextUp(v) : v);
                });
        Arbitrary<Long> nearPower = Combinators.combine(bucket, delta)
                .as((i, d) -> plus(floor(Math.pow(gamma, i)), d));
        Arbitrary<Long> nearRangeStart = Combinators.combine(Arbitraries.integers().between(0, 62),
                Arbitraries.integers().between(0, 2047), delta)
                .as((e, j, d) -> plus(floor(Math.scalb(1 + j / 2048.0, e)), d));
        Arbitrary<Long> nearPowerOfTwo = Combinators.combine(Arbitraries.integers().between(0, 62), delta)
                .as((e, d) -> plus(1L << e, d));
        Arbitrary<Long> extremes = Arbitraries.of(1L, 2L, 3L, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 512,
                Long.MAX_VALUE - 513, (1L << 53) + 1, 60_000_000_000L, 7_200_000_000_000L);
        Arbitrary<Long> uniform = Arbitraries.longs().between(lo, hi);
        Arbitrary<Long> logUniform = Arbitraries.doubles().between(0, 1).ofScale(9)
                .map(u -> floor(Math.exp(u * Math.log(hi))));
        return Arbitraries.frequencyOf(Tuple.of(4, nearBound), Tuple.of(3, nextToBound), Tuple.of(2, nearPower),
                Tuple.of(2, nearRangeStart), Tuple.of(1, nearPowerOfTwo), Tuple.of(1, extremes), Tuple.of(1, uniform),
                Tuple.of(1, logUniform)).map(x -> Math.max(lo, Math.min(hi, x)));
    }

    /** ⌊v⌋ as a long ≥ 1 (saturating at {@code Long.MAX_VALUE}). */
    private static long floor(double v) {
        return Math.max(1, (long) Math.floor(v));
    }

    private static long plus(long x, int d) {
        return d > 0 && x > Long.MAX_VALUE - d ? Long.MAX_VALUE : Math.max(1, x + d);
    }

    @Group
    class SameBucketAsTheLogFormula {
        @Property(tries = 3000)
        void atEdgeHeavyTimes(@ForAll("accuracyAndNanos") Tuple2<Double, Long> accuracyAndNanos) {
            LogBuckets b = withOwnTables(accuracyAndNanos.get1());
            long nanos = accuracyAndNanos.get2();
            Statistics.label("tables").collect(b.upperBounds != null);
            assertThat(b.upperBounds != null).isEqualTo(b.relativeAccuracy >= FINEST_WITH_TABLES);
            Statistics.label("nanos").collect(nanos == 1 ? "1" : nanos == Long.MAX_VALUE ? "Long.MAX_VALUE" : "other");
            assertThat(b.index(nanos)).as("nanos %d at accuracy %s", nanos, b.relativeAccuracy)
                    .isEqualTo(b.indexByLog(nanos));
            Statistics.label("tables").coverage(c -> {
                c.check(true).count(k -> k >= 100);
                c.check(false).count(k -> k >= 100);
            });
            Statistics.label("nanos").coverage(c -> {
                c.check("1").count(k -> k >= 5);
                c.check("Long.MAX_VALUE").count(k -> k >= 5);
            });
        }

        @Provide
        Arbitrary<Tuple2<LogBuckets, List<Long>>> anyAccuracyWithTimes() {
            return Arbitraries.doubles().between(FINEST_WITH_TABLES, 0.5).ofScale(9).flatMap(a -> {
                // tables of its own: any number of accuracies can be tried without filling the shared cache
                LogBuckets b = LogBuckets.unshared(a);
                return nanosNearBounds(b, 0, b.indexByLog(Long.MAX_VALUE)).list().ofSize(100)
                        .map(times -> Tuple.of(b, times));
            });
        }

        @Property(tries = 300)
        void atAnyAccuracyWithTables(@ForAll("anyAccuracyWithTimes") Tuple2<LogBuckets, List<Long>> accuracyAndTimes) {
            LogBuckets b = accuracyAndTimes.get1();
            assertThat(b.upperBounds).isNotNull();
            for (long nanos : accuracyAndTimes.get2()) {
                assertThat(b.index(nanos)).as("nanos %d at accuracy %s", nanos, b.relativeAccuracy)
                        .isEqualTo(b.indexByLog(nanos));
            }
        }

        /**
         * Every bucket bound (its floor − 1 … + 1 and the doubles next to it) and every first double of a
         * lookup range for M ≤ 11 (± 1) of five accuracies with tables, the finest of them included.
         */
        @Example
        void atEveryBoundAndEveryRangeStart() {
            for (double accuracy : new double[] {0.5, 0.1, 0.01, 0.001, FINEST_WITH_TABLES}) {
                LogBuckets b = LogBuckets.unshared(accuracy);
                assertThat(b.upperBounds).isNotNull();
                int checked = 0;
                for (int i = 0; i < b.upperBounds.length; i++) {
                    double v = b.upperBounds[i];
                    long f = floor(v);
                    for (long x : new long[] {f - 1, f, plus(f, 1), floor(Math.nextDown(v)), floor(Math.nextUp(v))}) {
                        checked += sameIndex(b, Math.max(1, x));
                    }
                }
                for (int e = 0; e <= 62; e++) {
                    for (int j = 0; j < 2048; j++) {
                        long f = floor(Math.scalb(1 + j / 2048.0, e));
                        checked += sameIndex(b, Math.max(1, f - 1)) + sameIndex(b, f) + sameIndex(b, plus(f, 1));
                    }
                }
                assertThat(checked).isEqualTo(5 * b.upperBounds.length + 3 * 63 * 2048);
            }
        }

        private int sameIndex(LogBuckets b, long nanos) {
            int byLog = b.indexByLog(nanos);
            int byTable = b.index(nanos);
            if (byTable != byLog) {
                throw new AssertionError("nanos " + nanos + " at accuracy " + b.relativeAccuracy + ": table "
                        + byTable + ", log " + byLog);
            }
            return 1;
        }
    }

    @Group
    class LookupTables {
        @Example
        void holdTheSameDoublesAsUpperBound() {
            for (double accuracy : new double[] {0.5, 0.01, FINEST_WITH_TABLES}) {
                LogBuckets b = LogBuckets.unshared(accuracy);
                for (int i = 0; i < b.upperBounds.length; i++) {
                    assertThat(Double.doubleToRawLongBits(b.upperBounds[i]))
                            .isEqualTo(Double.doubleToRawLongBits(b.upperBound(i)));
                }
                // the last bucket is the one of Long.MAX_VALUE ns: its bound is at least 2^63
                assertThat(b.upperBounds.length - 1).isEqualTo(b.indexByLog(Long.MAX_VALUE));
                assertThat(b.upperBounds[b.upperBounds.length - 1]).isGreaterThanOrEqualTo(0x1p63);
            }
        }

        @Example
        void existUpTo65536Buckets() {
            assertThat(LogBuckets.unshared(FINEST_WITH_TABLES).upperBounds).hasSizeLessThanOrEqualTo(65_536);
            assertThat(LogBuckets.unshared(COARSEST_WITHOUT_TABLES).upperBounds).isNull();
            assertThat(new LogBuckets(COARSEST_WITHOUT_TABLES).upperBounds).isNull();
            assertThat(new LogBuckets(0.000001).upperBounds).isNull();
            assertThat(LogBuckets.unshared(0.01).upperBounds).hasSize(2185);
            assertThat(LogBuckets.unshared(0.5).upperBounds).hasSize(41);
        }

        @Example
        void areSharedBetweenInstancesOfOneAccuracy() {
            double[] defaultTable = new LogBuckets(ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY).upperBounds;
            assertThat(defaultTable).isNotNull();
            assertThat(new LogBuckets(0.01).upperBounds).isSameAs(defaultTable);
            assertThat(LogBuckets.unshared(0.01).upperBounds).isNotSameAs(defaultTable).isEqualTo(defaultTable);
        }

        @Example
        void areKeptForAtMostTheCapacityAndTheOthersStillGetTheSameBuckets() {
            LogBuckets.TableCache cache = new LogBuckets.TableCache(3);
            List<LogBuckets> made = new ArrayList<>();
            for (double accuracy : new double[] {0.3, 0.01, 0.3, 0.02, 0.04, 0.01, 0.000001, 0.05}) {
                LogBuckets b = new LogBuckets(accuracy, cache);
                made.add(b);
                for (long nanos : new long[] {1, 2, 1000, 60_000_000_000L, Long.MAX_VALUE}) {
                    assertThat(b.index(nanos)).isEqualTo(b.indexByLog(nanos));
                }
            }
            assertThat(cache.size()).isEqualTo(3);
            assertThat(made.get(2).upperBounds).isSameAs(made.get(0).upperBounds).isNotNull();
            assertThat(made.get(5).upperBounds).isSameAs(made.get(1).upperBounds).isNotNull();
            assertThat(made.get(3).upperBounds).isNotNull();
            // full: 0.04 and 0.05 get none; 0.000001 has too many buckets for tables anyway
            assertThat(made.get(4).upperBounds).isNull();
            assertThat(made.get(6).upperBounds).isNull();
            assertThat(made.get(7).upperBounds).isNull();
        }

        @Example
        void areBuiltOnceWhenManyThreadsAskAtOnce() throws Exception {
            LogBuckets.TableCache cache = new LogBuckets.TableCache(1);
            List<Thread> threads = new ArrayList<>();
            double[][] seen = new double[8][];
            for (int t = 0; t < seen.length; t++) {
                int slot = t;
                threads.add(new Thread(() -> seen[slot] = new LogBuckets(0.001, cache).upperBounds));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(seen[0]).isNotNull();
            for (double[] s : seen) {
                assertThat(s).isSameAs(seen[0]);
            }
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    @Group
    class Histograms {
        /** A list of times for one accuracy: zeros and edge-heavy times within a window of at most 3000 buckets. */
        @Provide
        Arbitrary<Tuple2<Double, long[]>> accuracyAndTimes() {
            return accuracies().flatMap(a -> {
                LogBuckets b = withOwnTables(a);
                int last = b.indexByLog(Long.MAX_VALUE);
                int width = Math.min(last, 3000);
                return Arbitraries.integers().between(0, last - width).flatMap(from -> {
                    Arbitrary<Long> time = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)),
                            Tuple.of(9, nanosNearBounds(b, from, from + width)));
                    return time.list().ofMaxSize(300)
                            .map(l -> Tuple.of(a, l.stream().mapToLong(Long::longValue).toArray()));
                });
            });
        }

        @Property(tries = 500)
        void equalHistogramsBuiltBucketByBucketWithTheLogFormula(
                @ForAll("accuracyAndTimes") Tuple2<Double, long[]> accuracyAndTimes) {
            double accuracy = accuracyAndTimes.get1();
            long[] times = accuracyAndTimes.get2();
            long target = 7_200_000_000_000L;
            ResponseTimeHistogramAccumulator acc = new ResponseTimeHistogramAccumulator(accuracy, Duration.ofNanos(target));
            int overflowed = 0;
            for (long t : times) {
                try {
                    acc.add(Duration.ofNanos(t));
                } catch (ArithmeticException e) {
                    overflowed++; // Σx² beyond 2^127: rejected, and nothing may have changed
                }
            }
            Statistics.label("an add overflowed").collect(overflowed > 0);
            HistogramState byLog = byLogFormula(times, accuracy, target);
            ResponseTimeHistogram h = acc.snapshot();
            // the accumulator went through the shared tables wherever the accuracy allows them
            assertThat(h.state().buckets.upperBounds != null).isEqualTo(accuracy >= FINEST_WITH_TABLES);
            assertThat(h.state().sameAs(byLog)).isTrue();
            assertThat(h).isEqualTo(new ResponseTimeHistogram(byLog.copy()));
            assertThat(h.format()).isEqualTo(new ResponseTimeHistogram(byLog.copy()).format());
            assertThat(h.n()).isEqualTo(times.length - overflowed);
        }

        /** The state the old {@code add} built: buckets from {@link LogBuckets#indexByLog}, one exact array. */
        private HistogramState byLogFormula(long[] times, double accuracy, long target) {
            HistogramState s = new HistogramState(accuracy, target);
            List<Integer> buckets = new ArrayList<>();
            for (long t : times) {
                try {
                    s.sums.add(t); // changes nothing when it throws
                } catch (ArithmeticException e) {
                    continue;
                }
                if (t == 0) {
                    s.zeroCount++;
                } else {
                    buckets.add(s.buckets.indexByLog(t));
                }
                s.min = Math.min(s.min, t);
                s.max = Math.max(s.max, t);
                s.within += t <= target ? 1 : 0;
            }
            if (!buckets.isEmpty()) {
                int lo = buckets.stream().mapToInt(Integer::intValue).min().getAsInt();
                int hi = buckets.stream().mapToInt(Integer::intValue).max().getAsInt();
                long[] counts = new long[hi - lo + 1];
                for (int i : buckets) {
                    counts[i - lo]++;
                }
                s.setDense(lo, counts);
            }
            return s;
        }
    }
}
