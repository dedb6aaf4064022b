package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ParallelTest {

    /** Every index runs exactly once, whatever the number of indexes and threads. */
    @Property(tries = 60)
    void everyIndexRunsOnce(@ForAll @IntRange(min = 0, max = 20_000) int n, @ForAll @IntRange(min = 1, max = 8) int threads) {
        assertEachRunsOnce(n, body -> Parallel.forEach(n, threads, "test", body));
    }

    private static void assertEachRunsOnce(int n, java.util.function.Consumer<java.util.function.IntConsumer> loop) {
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        loop.accept(runs::incrementAndGet);
        for (int i = 0; i < n; i++) {
            assertThat(runs.get(i)).as("index %d", i).isEqualTo(1);
        }
    }

    @Example
    void manyIndexesRunOnSeveralNamedThreadsAndFewOnTheCallingOne() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        Parallel.forEach(100_000, 4, "cxmetrics-test", i -> {
            names.add(Thread.currentThread().getName());
            if (i % 1000 == 0) {
                Thread.yield(); // give the helpers a chance to claim blocks
            }
        });
        assertThat(names).contains(Thread.currentThread().getName());
        assertThat(names).allMatch(n -> n.equals(Thread.currentThread().getName()) || n.matches("cxmetrics-test-[123]"));
        Set<String> few = ConcurrentHashMap.newKeySet();
        Parallel.forEach(Parallel.MIN_INDEXES - 1, 4, "cxmetrics-test", i -> few.add(Thread.currentThread().getName()));
        assertThat(few).containsExactly(Thread.currentThread().getName());
    }

    @Example
    void aFailureIsThrownToTheCallerAndTheHelpersEnd() {
        assertThatThrownBy(() -> Parallel.forEach(50_000, 3, "cxmetrics-fail", i -> {
            if (i == 31_337) {
                throw new IllegalStateException("index " + i);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("index 31337");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("cxmetrics-fail"));
        assertThatThrownBy(() -> Parallel.forEach(10, 0, "x", i -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 threads");
        assertThatThrownBy(() -> Parallel.forEach(-1, 2, "x", i -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 indexes");
    }

    /** Each task runs once, whatever the number of tasks and threads. */
    @Property(tries = 30)
    void everyTaskRunsOnce(@ForAll @IntRange(min = 0, max = 50) int n, @ForAll @IntRange(min = 1, max = 8) int threads) {
        assertEachRunsOnce(n, body -> Parallel.tasks(n, threads, "test", body));
    }

    @Example
    void twoTasksRunAtOnceOnTwoThreads() throws Exception {
        java.util.concurrent.CyclicBarrier both = new java.util.concurrent.CyclicBarrier(2);
        Set<String> names = ConcurrentHashMap.newKeySet();
        Parallel.tasks(2, 2, "cxmetrics-task", i -> {
            names.add(Thread.currentThread().getName());
            try {
                both.await(10, java.util.concurrent.TimeUnit.SECONDS); // one thread alone would time out here
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(names).containsExactlyInAnyOrder(Thread.currentThread().getName(), "cxmetrics-task-1");
        assertThatThrownBy(() -> Parallel.tasks(3, 2, "cxmetrics-fail", i -> {
            if (i == 2) {
                throw new IllegalStateException("task " + i);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 2");
        assertThatThrownBy(() -> Parallel.tasks(-1, 2, "x", i -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 indexes");
    }
}
