package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The exact text form of a {@link ResponseTimeHistogram} ({@code format}/{@code parse}), used by
 * the report's stored tallies: every state comes back equal, and text that no set of times can
 * give is refused.
 */
class ResponseTimeHistogramTextProperties {
    @Provide
    Arbitrary<long[]> nanos() {
        return new ResponseTimeHistogramProperties().nanos();
    }

    @Provide
    Arbitrary<Double> accuracies() {
        return new ResponseTimeHistogramProperties().accuracies();
    }

    @Property(tries = 300)
    void parseOfFormatGivesTheSameHistogram(@ForAll("nanos") long[] times, @ForAll("accuracies") double accuracy,
            @ForAll boolean withTarget) {
        ResponseTimeHistogramAccumulator acc = withTarget
                ? new ResponseTimeHistogramAccumulator(accuracy, Duration.ofHours(2))
                : new ResponseTimeHistogramAccumulator(accuracy);
        for (long t : times) {
            acc.add(Duration.ofNanos(t));
        }
        ResponseTimeHistogram h = acc.snapshot();
        String text = h.format();
        ResponseTimeHistogram back = ResponseTimeHistogram.parse(text);
        assertThat(back).isEqualTo(h);
        assertThat(back.format()).isEqualTo(text);
        if (!h.isEmpty()) {
            assertThat(back.mean()).isEqualTo(h.mean());
            assertThat(back.p95()).isEqualTo(h.p95());
            assertThat(back.min()).isEqualTo(h.min());
            assertThat(back.max()).isEqualTo(h.max());
        }
        // and it still merges with a histogram made the usual way
        assertThat(back.plus(h).n()).isEqualTo(2L * times.length);
    }

    /**
     * Times 0 and 60 s at 1 % accuracy with a 2 h target: γ = 1.01/0.99, 60 s = 6·10¹⁰ ns is in
     * bucket ⌈ln(6·10¹⁰)/ln γ⌉ = ⌈1240.84⌉ = 1241 (python3 math.log); Σx = 6·10¹⁰,
     * Σx² = 3.6·10²¹; both within the target.
     */
    @Example
    void handWorkedLine() {
        ResponseTimeHistogram h = new ResponseTimeHistogramAccumulator(0.01, Duration.ofHours(2))
                .add(Duration.ZERO).add(Duration.ofSeconds(60)).snapshot();
        String line = "cxhist/1 accuracy=0.01 target=7200000000000 n=2 zero=1 offset=1241 counts=1 sum=60000000000 "
                + "sumsq=3600000000000000000000 min=0 max=60000000000 within=2";
        assertThat(h.format()).isEqualTo(line);
        assertThat(ResponseTimeHistogram.parse(line)).isEqualTo(h);
        assertThat(new ResponseTimeHistogramAccumulator().snapshot().format()).isEqualTo("cxhist/1 accuracy=0.01 "
                + "target=none n=0 zero=0 offset=0 counts= sum=0 sumsq=0 min=none max=none within=0");
    }

    @Example
    void linesThatNoSetOfTimesGivesAreRefused() {
        String good = "cxhist/1 accuracy=0.01 target=7200000000000 n=2 zero=1 offset=1241 counts=1 sum=60000000000 "
                + "sumsq=3600000000000000000000 min=0 max=60000000000 within=2";
        String[][] cases = {
            {"cxhist/2 ", "unsupported version"},
            {" n=2 ", "n must be zero + the sum of the counts"},
            {" offset=1241 ", "min and max must fall in the first and last bucket"},
            {" counts=1 ", "n must be zero + the sum of the counts"},
            {" sum=60000000000 ", "sums inconsistent"},
            {" sumsq=3600000000000000000000 ", "sums inconsistent"},
            {" min=0 ", "min <= max, and min = 0 exactly when there are zero times"},
            {" max=60000000000 ", "min and max must fall in the first and last bucket"},
            {" within=2", "within must be at most n"},
            {" accuracy=0.01 ", "accuracy must be a canonical number"},
            {" target=7200000000000 ", "expected accuracy="},
        };
        String[] replacements = {"cxhist/2 ", " n=3 ", " offset=1240 ", " counts=2 ", " sum=120000000001 ",
            " sumsq=1 ", " min=5 ", " max=90000000000 ", " within=3", " accuracy=0.010 ", " target=-1 "};
        for (int i = 0; i < cases.length; i++) {
            String bad = good.replace(cases[i][0].equals("cxhist/2 ") ? "cxhist/1 " : cases[i][0], replacements[i]);
            assertThat(bad).as(cases[i][0]).isNotEqualTo(good);
            String expected = cases[i][1];
            assertThatThrownBy(() -> ResponseTimeHistogram.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid histogram line (").hasMessageContaining(expected);
        }
        assertThatThrownBy(() -> ResponseTimeHistogram.parse(good + " extra"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseTimeHistogram.parse("cxhist/1 accuracy=0.01 target=none n=1 zero=0 "
                + "offset=1241 counts=1 sum=60000000000 sumsq=3600000000000000000000 min=60000000000 "
                + "max=60000000000 within=1")).hasMessageContaining("within must be at most n, and 0 without a target");
    }
}
