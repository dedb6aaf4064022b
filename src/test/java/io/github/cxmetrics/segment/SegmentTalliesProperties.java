package io.github.cxmetrics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SegmentTalliesProperties {
    record Row(String channel, String region, int score) {
    }

    static List<Row> rows(long seed, int count) {
        Random r = new Random(seed);
        String[] ch = {"phone", "chat", "mail"};
        String[] rg = {"north", "south"};
        return IntStream.range(0, count).mapToObj(i -> new Row(ch[r.nextInt(3)], rg[r.nextInt(2)], r.nextInt(11)))
                .collect(Collectors.toList());
    }

    @Property(tries = 100)
    void anySplitCombinedInAnyOrderGivesTheSameTallies(@ForAll long seed, @ForAll @IntRange(max = 300) int count,
            @ForAll @IntRange(min = 0, max = 300) int cut) {
        List<Row> all = rows(seed, count);
        int k = Math.min(cut, all.size());
        SegmentTallies<SegmentKey> left = new SegmentTallies<>(NpsScale.STANDARD);
        SegmentTallies<SegmentKey> right = new SegmentTallies<>(NpsScale.STANDARD);
        all.subList(0, k).forEach(x -> left.add(SegmentKey.of(x.channel(), x.region()), x.score()));
        all.subList(k, all.size()).forEach(x -> right.add(SegmentKey.of(x.channel(), x.region()), x.score()));
        Map<SegmentKey, Tally> whole = all.stream().collect(SegmentTallies.collector(NpsScale.STANDARD,
                x -> SegmentKey.of(x.channel(), x.region()), Row::score));
        Map<SegmentKey, Tally> lr = left.combine(right).snapshot();
        assertThat(lr).isEqualTo(whole);
        // and against a direct count per key
        for (Map.Entry<SegmentKey, Tally> e : whole.entrySet()) {
            long[] counts = new long[11];
            all.stream().filter(x -> SegmentKey.of(x.channel(), x.region()).equals(e.getKey()))
                    .forEach(x -> counts[x.score()]++);
            assertThat(e.getValue()).isEqualTo(Tally.of(NpsScale.STANDARD, counts));
        }
        List<Row> shuffled = new java.util.ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed + 1));
        Map<String, Tally> parallel = shuffled.parallelStream().collect(SegmentTallies.collector(NpsScale.STANDARD,
                Row::channel, Row::score));
        Map<String, Tally> sequential = all.stream().collect(SegmentTallies.collector(NpsScale.STANDARD, Row::channel,
                Row::score));
        assertThat(parallel).isEqualTo(sequential);
        assertThat(List.copyOf(sequential.keySet())).isSorted();
    }

    @Property(tries = 20)
    void aFailedMergeChangesNothing(@ForAll long seed) {
        SegmentTallies<String> a = new SegmentTallies<>(NpsScale.STANDARD);
        rows(seed, 50).forEach(x -> a.add(x.channel(), x.score()));
        Map<String, Tally> before = a.snapshot();
        SegmentTallies<String> other = new SegmentTallies<String>(CsatScale.FIVE_POINT).add("phone", 5);
        assertThatThrownBy(() -> a.combine(other)).hasMessage("Scale mismatch: NPS[0..10] / CSAT[1..5]");
        assertThatThrownBy(() -> a.add("phone", 11)).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.snapshot()).isEqualTo(before);
        assertThat(a.combine(a).snapshot().values().stream().mapToLong(Tally::n).sum())
                .isEqualTo(2 * before.values().stream().mapToLong(Tally::n).sum());
    }
}
