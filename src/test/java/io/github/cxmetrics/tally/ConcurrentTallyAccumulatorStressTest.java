package io.github.cxmetrics.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.NpsScale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Contention with a known total: 8 threads × 1,000,000 adds into one accumulator on the machine's
 * few cores, with fewer stripes than threads so that threads share stripes and their CAS loops
 * really collide. Every count must come out exact.
 */
class ConcurrentTallyAccumulatorStressTest {

    @Test
    @Timeout(120)
    void eightThreadsTimesAMillionAddsAreCountedExactly() throws Exception {
        int threads = 8;
        int perThread = 1_000_000;
        ConcurrentTallyAccumulator acc = new ConcurrentTallyAccumulator(NpsScale.STANDARD, 2);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    // thread t adds score (t + i) mod 11 for i = 0..perThread-1, one at a time, and
                    // every 1000th step a batch of 3 responses with score 10
                    for (int i = 0; i < perThread; i++) {
                        acc.add((id + i) % 11);
                        if (i % 1000 == 0) {
                            acc.add(10, 3);
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertThat(errors).isEmpty();
        // Expected counts by hand: 1,000,000 = 90,909 × 11 + 1, so in thread t each score gets 90,909
        // adds from i = 0..999,998 and the last add (i = 999,999 ≡ 0 mod 11) goes to score t. Threads
        // 0..7: scores 0..7 get 8 × 90,909 + 1 = 727,273; scores 8..10 get 8 × 90,909 = 727,272; score
        // 10 also gets 8 threads × 1000 batches × 3 = 24,000. Total 8,024,000.
        long[] expected = {727_273, 727_273, 727_273, 727_273, 727_273, 727_273, 727_273, 727_273, 727_272,
            727_272, 727_272 + 24_000};
        Tally total = acc.snapshot();
        assertThat(total.counts()).containsExactly(expected);
        assertThat(total.n()).isEqualTo(8L * 1_000_000 + 8L * 3000);
    }
}
