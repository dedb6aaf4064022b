package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ResponseTimeHistogramProperties {

    /** Nanosecond durations: zeros, tiny values, minutes to weeks, and repeated values. */
    @Provide
    Arbitrary<long[]> nanos() {
        Arbitrary<Long> logUniform = Arbitraries.doubles().between(0, 35.6).ofScale(6)
                .map(x -> (long) Math.floor(Math.exp(x)));
        Arbitrary<Long> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 100)),
                net.jqwik.api.Tuple.of(8, logUniform),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(7_200_000_000_000L)));
        return value.list().ofMinSize(1).ofMaxSize(400).map(l -> l.stream().mapToLong(Long::longValue).toArray());
    }

    @Provide
    Arbitrary<long[]> wideOrNarrow() {
        // log-uniform over 10 to 60 minutes: about 90 buckets at 1 %, filled by a few hundred times
        Arbitrary<long[]> narrow = Arbitraries.doubles().between(27.13, 28.91).ofScale(6)
                .withDistribution(net.jqwik.api.RandomDistribution.uniform()).map(x -> (long) Math.exp(x))
                .list().ofMinSize(1).ofMaxSize(2000)
                .withSizeDistribution(net.jqwik.api.RandomDistribution.uniform())
                .map(l -> l.stream().mapToLong(Long::longValue).toArray());
        return Arbitraries.oneOf(nanos(), narrow);
    }

    @Provide
    Arbitrary<Double> accuracies() {
        return Arbitraries.of(0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5);
    }

    /** Hyndman & Fan 7 computed here independently, in minutes. */
    private static double exactQuantile(long[] values, double p) {
        long[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        double x = lo + 1 < s.length ? s[lo] + (h - lo) * ((double) s[lo + 1] - s[lo]) : s[s.length - 1];
        return x / 60e9;
    }

    private static ResponseTimeHistogram histogram(long[] values, double accuracy, Duration target) {
        ResponseTimeHistogramAccumulator acc = new ResponseTimeHistogramAccumulator(accuracy, target);
        for (long v : values) {
            acc.add(Duration.ofNanos(v));
        }
        return acc.snapshot();
    }

    @Group
    class ErrorBound {
        @Property(tries = 300)
        void quantilesAreWithinTheStatedRelativeError(@ForAll("nanos") long[] values,
                @ForAll("accuracies") double accuracy, @ForAll @DoubleRange(min = 0, max = 1) double p) {
            ResponseTimeHistogram h = histogram(values, accuracy, Duration.ofHours(2));
            double exact = exactQuantile(values, p);
            double estimate = h.quantile(p);
            // the bound alpha * Q, plus floating-point rounding of exp/log (relative 1e-12 is ample)
            assertThat(Math.abs(estimate - exact)).isLessThanOrEqualTo(accuracy * exact * (1 + 1e-9) + 1e-12 * exact);
        }

        @Property(tries = 200)
        void namedQuantilesToo(@ForAll("nanos") long[] values) {
            ResponseTimeHistogram h = histogram(values, 0.01, Duration.ofHours(2));
            for (double[] pq : new double[][] {{0.5, h.median()}, {0.9, h.p90()}, {0.95, h.p95()}}) {
                double exact = exactQuantile(values, pq[0]);
                assertThat(Math.abs(pq[1] - exact)).isLessThanOrEqualTo(0.01 * exact * (1 + 1e-9));
            }
        }

        @Property(tries = 200)
        void exactParts(@ForAll("nanos") long[] values) {
            ResponseTimeHistogram h = histogram(values, 0.05, Duration.ofHours(2));
            long within = Arrays.stream(values).filter(v -> v <= 7_200_000_000_000L).count();
            assertThat(h.n()).isEqualTo(values.length);
            assertThat(h.withinTarget().successes()).isEqualTo(within);
            assertThat(h.min()).isEqualTo(Arrays.stream(values).min().getAsLong() / 60e9);
            assertThat(h.max()).isEqualTo(Arrays.stream(values).max().getAsLong() / 60e9);
            // the exact mean, independently with BigInteger
            java.math.BigInteger sum = java.math.BigInteger.ZERO;
            for (long v : values) {
                sum = sum.add(java.math.BigInteger.valueOf(v));
            }
            double mean = new java.math.BigDecimal(sum).divide(java.math.BigDecimal.valueOf(60e9 * values.length),
                    java.math.MathContext.DECIMAL128).doubleValue();
            assertThat(h.mean()).isEqualTo(mean);
        }
    }

    @Group
    class MergeLaws {
        @Property(tries = 200)
        void splitAndCombineEqualsOnePassInAnyOrder(@ForAll("nanos") long[] values,
                @ForAll @IntRange(min = 0, max = 400) int cut, @ForAll long seed) {
            int k = Math.min(cut, values.length);
            List<Long> shuffled = new ArrayList<>();
            for (long v : values) {
                shuffled.add(v);
            }
            Collections.shuffle(shuffled, new Random(seed));
            ResponseTimeHistogramAccumulator left = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2));
            ResponseTimeHistogramAccumulator right = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2));
            for (int i = 0; i < shuffled.size(); i++) {
                (i < k ? left : right).add(Duration.ofNanos(shuffled.get(i)));
            }
            ResponseTimeHistogram onePass = histogram(values, 0.01, Duration.ofHours(2));
            assertThat(right.combine(left).snapshot()).isEqualTo(onePass);
            assertThat(left.snapshot().plus(histogram(new long[0], 0.01, Duration.ofHours(2))))
                    .isEqualTo(left.snapshot());
            assertThat(right.snapshot().quantile(0.9)).isEqualTo(onePass.quantile(0.9));
        }
    }

    /**
     * Small histograms are sparse ({@link HistogramState#SPARSE_ALWAYS}) and turn dense when that
     * stops paying, by adding or by merging: whatever the path, the state equals the dense reference
     * built bucket by bucket, its text is the same, and so are its quantiles. Times over a wide range
     * stay sparse; many times of 10 to 60 minutes turn dense.
     */
    @Property(tries = 300)
    void sparseAndDenseFormsAgree(@ForAll("wideOrNarrow") long[] values,
            @ForAll @IntRange(min = 1, max = 40) int parts, @ForAll long seed) {
        Random random = new Random(seed);
        List<ResponseTimeHistogramAccumulator> pieces = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            pieces.add(new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2)));
        }
        for (long v : values) {
            pieces.get(random.nextInt(parts)).add(Duration.ofNanos(v));
        }
        // merged in a random order into an empty one, so sparse meets sparse and dense meets sparse
        Collections.shuffle(pieces, random);
        ResponseTimeHistogramAccumulator merged = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2));
        for (ResponseTimeHistogramAccumulator piece : pieces) {
            merged.combine(piece);
        }
        HistogramState reference = new HistogramState(0.01, Duration.ofHours(2).toNanos());
        java.util.TreeMap<Integer, Long> buckets = new java.util.TreeMap<>();
        for (long v : values) {
            reference.sums.add(v);
            if (v == 0) {
                reference.zeroCount++;
            } else {
                buckets.merge(reference.buckets.index(v), 1L, Long::sum);
            }
            reference.min = Math.min(reference.min, v);
            reference.max = Math.max(reference.max, v);
            reference.within += v <= Duration.ofHours(2).toNanos() ? 1 : 0;
        }
        if (!buckets.isEmpty()) {
            long[] counts = new long[buckets.lastKey() - buckets.firstKey() + 1];
            buckets.forEach((b, c) -> counts[b - buckets.firstKey()] = c);
            reference.setDense(buckets.firstKey(), counts);
        }
        ResponseTimeHistogram expected = new ResponseTimeHistogram(reference.copy());
        ResponseTimeHistogram actual = merged.snapshot();
        net.jqwik.api.statistics.Statistics.label("form").collect(actual.state().isSparse() ? "sparse" : "dense");
        net.jqwik.api.statistics.Statistics.label("form").coverage(c -> {
            c.check("sparse").count(n -> n > 10);
            c.check("dense").count(n -> n > 10);
        });
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.format()).isEqualTo(expected.format());
        assertThat(actual.bucketCount()).isEqualTo(buckets.size());
        assertThat(actual.quantile(0.9)).isEqualTo(expected.quantile(0.9));
        assertThat(actual.quantile(0.1)).isEqualTo(expected.quantile(0.1));
        assertThat(ResponseTimeHistogram.parse(actual.format())).isEqualTo(actual);
        assertThat(histogram(values, 0.01, Duration.ofHours(2))).isEqualTo(expected);
    }

    /**
     * {@link ResponseTimeHistogramAccumulator#addMinutes(double[], int, int)} (the scan's batches,
     * sorted and merged into a sparse histogram from its end) gives the histogram of adding the same
     * times one by one, whatever the batch sizes, mixed with single adds, in either form.
     */
    @Property(tries = 300)
    void batchesAddLikeOneByOne(@ForAll("wideOrNarrow") long[] values, @ForAll @IntRange(min = 1, max = 70) int most,
            @ForAll long seed) {
        Random random = new Random(seed);
        double[] minutes = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            minutes[i] = values[i] / 60e9;
        }
        ResponseTimeHistogramAccumulator oneByOne = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2));
        for (double m : minutes) {
            oneByOne.addMinutes(m);
        }
        ResponseTimeHistogramAccumulator batched = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2));
        for (int i = 0; i < minutes.length; ) {
            int size = 1 + random.nextInt(most);
            if (random.nextInt(4) == 0) {
                batched.addMinutes(minutes[i++]);
                continue;
            }
            int to = Math.min(minutes.length, i + size);
            batched.addMinutes(minutes, i, to);
            i = to;
        }
        ResponseTimeHistogram expected = oneByOne.snapshot();
        ResponseTimeHistogram actual = batched.snapshot();
        net.jqwik.api.statistics.Statistics.label("form").collect(actual.state().isSparse() ? "sparse" : "dense");
        net.jqwik.api.statistics.Statistics.label("form").coverage(c -> {
            c.check("sparse").count(n -> n > 10);
            c.check("dense").count(n -> n > 10);
        });
        assertThat(actual.state().isSparse()).isEqualTo(expected.state().isSparse());
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.format()).isEqualTo(expected.format());
        assertThat(actual.quantile(0.5)).isEqualTo(expected.quantile(0.5));
    }

    @Example
    void aBatchWithABadTimeAddsNothingAndNamesIt() {
        ResponseTimeHistogramAccumulator a = new ResponseTimeHistogramAccumulator().addMinutes(30);
        ResponseTimeHistogram before = a.snapshot();
        assertThatThrownBy(() -> a.addMinutes(new double[] {5, 12, -3, 40}, 0, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3.0")
                .hasMessageContaining("valid values 0 - ");
        assertThatThrownBy(() -> a.addMinutes(new double[] {5, Double.NaN}, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> a.addMinutes(new double[] {5, 6}, 1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(a.snapshot()).isEqualTo(before);
        assertThat(a.addMinutes(new double[] {5, 6, 7}, 1, 1).snapshot()).isEqualTo(before);
    }

    @Example
    void mismatchedMergesAreRejectedBeforeAnyChange() {
        ResponseTimeHistogramAccumulator a = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2))
                .addMinutes(30);
        ResponseTimeHistogramAccumulator b = new ResponseTimeHistogramAccumulator(0.02, Duration.ofHours(2))
                .addMinutes(10);
        ResponseTimeHistogramAccumulator c = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(4))
                .addMinutes(10);
        ResponseTimeHistogram before = a.snapshot();
        assertThatThrownBy(() -> a.combine(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Relative accuracy mismatch: 0.01 / 0.02");
        assertThatThrownBy(() -> a.combine(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Target mismatch: PT2H / PT4H");
        assertThat(a.snapshot()).isEqualTo(before);
    }

    @Example
    void badInputAndEmptyData() {
        assertThatThrownBy(() -> new ResponseTimeHistogramAccumulator(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for relative accuracy (valid values 0.000001 - 0.5): 0.0");
        assertThatThrownBy(() -> new ResponseTimeHistogramAccumulator(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        ResponseTimeHistogramAccumulator acc = new ResponseTimeHistogramAccumulator();
        assertThatThrownBy(() -> acc.addMinutes(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.addMinutes(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.add(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        ResponseTimeHistogram empty = acc.snapshot();
        assertThat(empty.n()).isZero();
        assertThatThrownBy(empty::median).isInstanceOf(IllegalStateException.class).hasMessageContaining("n = 0");
        assertThatThrownBy(empty::withinTarget).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No target");
        ResponseTimeHistogram emptyWithTarget = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2))
                .snapshot();
        assertThatThrownBy(emptyWithTarget::withinTarget).isInstanceOf(IllegalStateException.class)
                .hasMessage("The share within target of no response times is undefined (n = 0)");
    }

    @Example
    void workedExample() {
        // 1 % accuracy: gamma = 1.01/0.99. A single 120-minute time is returned exactly (clamped to
        // the exact min = max); two times 60 and 120 minutes: the median interpolates the bucket
        // representatives, each within 1 % of its time, so it lies in [89.1, 90.9].
        ResponseTimeHistogram one = new ResponseTimeHistogramAccumulator().addMinutes(120).snapshot();
        assertThat(one.p90()).isEqualTo(120.0);
        ResponseTimeHistogram two = new ResponseTimeHistogramAccumulator(0.01, Duration.ofMinutes(60))
                .addMinutes(60).addMinutes(120).snapshot();
        assertThat(two.median()).isBetween(89.1, 90.9);
        assertThat(two.mean()).isEqualTo(90.0);
        assertThat(two.withinTarget().successes()).isEqualTo(1);
        assertThat(two.target()).isEqualTo(Duration.ofHours(1));
        // 1 second to 1 year at 1 %: ln(365 * 86400) / ln(1.01 / 0.99) = 863.3 buckets
        ResponseTimeHistogramAccumulator wide = new ResponseTimeHistogramAccumulator();
        for (double m = 1.0 / 60; m <= 365 * 1440; m *= 1.001) {
            wide.addMinutes(m);
        }
        assertThat(wide.snapshot().bucketCount()).isBetween(862, 865);
    }
}
