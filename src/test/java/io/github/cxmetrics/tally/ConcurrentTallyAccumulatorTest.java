package io.github.cxmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Single-threaded behaviour, validation and overflow of the concurrent accumulator. */
class ConcurrentTallyAccumulatorTest {

    @Test
    void countsLikeATallyAccumulator() {
        ConcurrentTallyAccumulator acc = new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT);
        assertThat(acc.snapshot()).isEqualTo(Tally.empty(CsatScale.FIVE_POINT));
        acc.add(1).add(5).add(5).add(3, 4).add(2, 0);
        // 1 once, 3 four times, 5 twice
        assertThat(acc.snapshot()).isEqualTo(Tally.of(CsatScale.FIVE_POINT, 1, 0, 4, 0, 2));
        assertThat(acc.snapshot().n()).isEqualTo(7);
        assertThat(acc.scale()).isEqualTo(CsatScale.FIVE_POINT);
    }

    @Test
    void stripesAreAPowerOfTwo() {
        assertThat(new ConcurrentTallyAccumulator(NpsScale.STANDARD, 1).stripes()).isEqualTo(1);
        assertThat(new ConcurrentTallyAccumulator(NpsScale.STANDARD, 3).stripes()).isEqualTo(4);
        assertThat(new ConcurrentTallyAccumulator(NpsScale.STANDARD, 4).stripes()).isEqualTo(4);
        assertThat(new ConcurrentTallyAccumulator(NpsScale.STANDARD, 256).stripes()).isEqualTo(256);
        int cpus = Runtime.getRuntime().availableProcessors();
        assertThat(new ConcurrentTallyAccumulator(NpsScale.STANDARD).stripes())
                .isGreaterThanOrEqualTo(2 * cpus).isLessThan(4 * cpus);
        assertThat(new ConcurrentTallyAccumulator(NpsScale.STANDARD, 2).toString())
                .isEqualTo("ConcurrentTallyAccumulator[NPS[0..10], 2 stripes]");
    }

    @Test
    void rejectsBadArgumentsWithoutChangingAnything() {
        ConcurrentTallyAccumulator acc = new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, 2).add(4);
        assertThatThrownBy(() -> acc.add(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for CSAT[1..5] (valid values 1 - 5): 6");
        assertThatThrownBy(() -> acc.add(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for CSAT[1..5] (valid values 1 - 5): 0");
        assertThatThrownBy(() -> acc.add(4, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for times (valid values >= 0): -1");
        assertThat(acc.snapshot()).isEqualTo(Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 1, 0));
        assertThatThrownBy(() -> new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for stripes (valid values 1 - 256): 0");
        assertThatThrownBy(() -> new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, 257))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value for stripes (valid values 1 - 256): 257");
        assertThatThrownBy(() -> new ConcurrentTallyAccumulator(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("scale");
    }

    @Test
    void overflowThrowsAndChangesNothing() {
        ConcurrentTallyAccumulator acc = new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, 1);
        acc.add(5, Long.MAX_VALUE - 1).add(5);
        assertThat(acc.snapshot().count(5)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> acc.add(5)).isInstanceOf(ArithmeticException.class)
                .hasMessage("Count overflow for score 5 of CSAT[1..5]: 9223372036854775807 + 1 exceeds "
                        + "9223372036854775807");
        acc.add(5, 0);
        assertThat(acc.snapshot().count(5)).isEqualTo(Long.MAX_VALUE);
        // a second point makes the total overflow: the snapshot refuses rather than wrap
        acc.add(1);
        assertThatThrownBy(acc::snapshot).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void overflowAcrossStripesIsCaughtBySnapshot() throws InterruptedException {
        ConcurrentTallyAccumulator acc = new ConcurrentTallyAccumulator(CsatScale.FIVE_POINT, 256);
        acc.add(2, Long.MAX_VALUE);
        // another thread almost surely lands on another of 256 stripes; either way the sum overflows
        Thread t = new Thread(() -> {
            try {
                acc.add(2, 1);
            } catch (ArithmeticException sameStripe) {
                acc.add(3, Long.MAX_VALUE);
            }
        });
        t.start();
        t.join();
        assertThatThrownBy(acc::snapshot).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void everyCompletedAddIsInEveryLaterSnapshot() throws InterruptedException {
        // Each writer adds a score, then publishes how many it has added; a reader that sees the
        // published number must find at least that many in a snapshot taken afterwards, and a
        // snapshot's n always equals the sum of its counts.
        ConcurrentTallyAccumulator acc = new ConcurrentTallyAccumulator(NpsScale.STANDARD, 4);
        int writers = 4;
        int perWriter = 50_000;
        java.util.concurrent.atomic.AtomicLongArray published = new java.util.concurrent.atomic.AtomicLongArray(writers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 1; i <= perWriter; i++) {
                    acc.add(id);
                    published.set(id, i);
                }
            }));
        }
        Thread reader = new Thread(() -> {
            await(start);
            for (int r = 0; r < 2_000; r++) {
                long[] seen = new long[writers];
                for (int w = 0; w < writers; w++) {
                    seen[w] = published.get(w);
                }
                Tally snap = acc.snapshot();
                long sum = 0;
                for (long c : snap.counts()) {
                    sum += c;
                }
                for (int w = 0; w < writers; w++) {
                    if (snap.count(w) < seen[w] || snap.count(w) > perWriter) {
                        failed.set(true);
                    }
                }
                if (sum != snap.n()) {
                    failed.set(true);
                }
            }
        });
        threads.add(reader);
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failed).isFalse();
        long[] expected = new long[11];
        for (int w = 0; w < writers; w++) {
            expected[w] = perWriter;
        }
        assertThat(acc.snapshot()).isEqualTo(Tally.of(NpsScale.STANDARD, expected));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
