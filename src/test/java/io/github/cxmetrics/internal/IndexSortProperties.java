package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IndexSortProperties {

    /** The same order as a stable sort of boxed indexes by {@code Double.compare} of their keys. */
    @Property(tries = 300)
    void ordersLikeAStableBoxedSort(@ForAll("keys") List<Double> keys) {
        double[] k = keys.stream().mapToDouble(Double::doubleValue).toArray();
        Integer[] boxed = IntStream.range(0, k.length).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble(i -> k[i]));
        double[] before = k.clone();
        assertThat(IndexSort.ascending(k)).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        assertThat(k).as("keys unchanged").isEqualTo(before);
    }

    /** Few distinct keys (many ties), special values among them, and lengths across the merge widths. */
    @Provide
    Arbitrary<List<Double>> keys() {
        Arbitrary<Double> key = Arbitraries.oneOf(
                Arbitraries.of(0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                Arbitraries.integers().between(-3, 3).map(i -> i / 2.0),
                Arbitraries.doubles());
        return key.list().ofMaxSize(300);
    }

    @Example
    void largeArraysKeepTiesInIndexOrder() {
        int n = 100_003;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = (i * 7919L) % 10; // ten keys, each met 10,000 times in index order
        }
        int[] order = IndexSort.ascending(k);
        for (int j = 1; j < n; j++) {
            int a = order[j - 1];
            int b = order[j];
            assertThat(k[a] < k[b] || k[a] == k[b] && a < b).as("position %d: %d then %d", j, a, b).isTrue();
        }
        assertThat(IndexSort.ascending(new double[0])).isEmpty();
    }
}
