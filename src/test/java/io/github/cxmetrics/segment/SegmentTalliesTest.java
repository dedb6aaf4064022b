package io.github.cxmetrics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Missing values in the group-by collectors: skipped on request, named otherwise. */
class SegmentTalliesTest {
    /** A response whose NPS question may not have been asked (nps null). */
    record Row(String channel, Integer nps) {
    }

    @Test
    void aNullScoreIsNamedNotABareNullPointerException() {
        List<Row> rows = List.of(new Row("phone", 9), new Row("chat", null));
        assertThatThrownBy(() -> rows.stream().collect(SegmentTallies.collector(NpsScale.STANDARD, Row::channel,
                Row::nps))).isInstanceOf(NullPointerException.class)
                .hasMessage("Null score: the score function threw NullPointerException for item Row[channel=chat, "
                        + "nps=null] (a null Integer unboxed?); to skip items whose question was not asked, use "
                        + "SegmentTallies.collectorSkippingMissing");
    }

    @Test
    void aNullKeyIsNamed() {
        List<Row> rows = List.of(new Row(null, 9));
        assertThatThrownBy(() -> rows.stream().collect(SegmentTallies.collector(NpsScale.STANDARD, Row::channel,
                Row::nps))).isInstanceOf(NullPointerException.class)
                .hasMessage("Null segment key: the key function returned null for item Row[channel=null, nps=9]");
        assertThatThrownBy(() -> rows.stream().collect(SegmentTallies.collectorSkippingMissing(NpsScale.STANDARD,
                Row::channel, Row::nps))).isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("Null segment key");
    }

    @Test
    void questionsNotAskedAreSkipped() {
        List<Row> rows = List.of(new Row("phone", 10), new Row("phone", null), new Row("phone", 3),
                new Row("chat", null), new Row(null, null));
        Map<String, Tally> m = rows.stream().collect(SegmentTallies.collectorSkippingMissing(NpsScale.STANDARD,
                Row::channel, Row::nps));
        // phone: one promoter (10), one detractor (3); chat answered nothing, so it has no tally
        assertThat(m).containsOnlyKeys("phone");
        assertThat(m.get("phone")).isEqualTo(Tally.of(NpsScale.STANDARD, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void skippingEqualsCollectingTheAnsweredOnlyInParallelToo() {
        Random r = new Random(13);
        List<Row> rows = new ArrayList<>();
        String[] ch = {"phone", "chat", "mail"};
        for (int i = 0; i < 5000; i++) {
            rows.add(new Row(ch[r.nextInt(3)], r.nextInt(4) == 0 ? null : r.nextInt(11)));
        }
        Map<String, Tally> answered = rows.stream().filter(x -> x.nps() != null)
                .collect(SegmentTallies.collector(NpsScale.STANDARD, Row::channel, Row::nps));
        assertThat(rows.parallelStream().collect(SegmentTallies.collectorSkippingMissing(NpsScale.STANDARD,
                Row::channel, Row::nps))).isEqualTo(answered);
        assertThat(answered.values().stream().mapToLong(Tally::n).sum())
                .isEqualTo(rows.stream().filter(x -> x.nps() != null).collect(Collectors.counting()));
    }
}
