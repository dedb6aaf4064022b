package io.github.cxmetrics.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A loop over indexes run by a few threads: the calling thread and up to {@code threads − 1}
 * daemon threads of its own, which end before it returns, whether it returns or throws. Each index
 * is run once; a body that writes only its own index's slot of an array gives the same array for
 * any number of threads. Used for the summaries of many groups (issue 16), which are independent
 * of each other once the scan's tallies are complete.
 */
public final class Parallel {
    /** Below this many indexes a loop runs on the calling thread only: starting threads costs more. */
    public static final int MIN_INDEXES = 2_048;
    /** The indexes a thread claims at a time. */
    private static final int BLOCK = 256;

    private Parallel() {
    }

    /**
     * Runs {@code body} for every index in {@code [0, n)}, in parallel when there are at least
     * {@link #MIN_INDEXES} of them and more than one thread.
     *
     * @param n the number of indexes, ≥ 0
     * @param threads the most threads, the calling one included; ≥ 1
     * @param name the threads' names, followed by {@code -1}, {@code -2}, …
     * @param body the work of one index; it must not depend on the order of the indexes
     * @throws RuntimeException or {@link Error}: the first a body threw (the other threads stop
     *     claiming indexes then)
     */
    public static void forEach(int n, int threads, String name, IntConsumer body) {
        check(n, threads);
        run(n < MIN_INDEXES ? 1 : Math.min(threads, (n + BLOCK - 1) / BLOCK), BLOCK, n, name, body);
    }

    /**
     * Runs {@code body} for every index in {@code [0, n)}, each index a task of its own, on up to
     * {@code threads} threads whatever {@code n} is: for a few large tasks (the parts of a merge),
     * where {@link #forEach} would run them one after the other.
     *
     * @param n the number of tasks, ≥ 0
     * @param threads the most threads, the calling one included; ≥ 1
     * @param name the threads' names, followed by {@code -1}, {@code -2}, …
     * @param body the work of one task; it must not depend on the order of the tasks
     * @throws RuntimeException or {@link Error}: the first a body threw (the other threads stop
     *     claiming tasks then)
     */
    public static void tasks(int n, int threads, String name, IntConsumer body) {
        check(n, threads);
        run(Math.min(threads, n), 1, n, name, body);
    }

    private static void check(int n, int threads) {
        if (n < 0 || threads < 1) {
            throw new IllegalArgumentException("Invalid loop: " + n + " indexes, " + threads + " threads");
        }
    }

    /** Runs the indexes on {@code workers} threads (the calling one included), claiming {@code block} at a time. */
    private static void run(int workers, int block, int n, String name, IntConsumer body) {
        if (workers <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Throwable[] failures = new Throwable[workers];
        Thread[] helpers = new Thread[workers - 1];
        for (int w = 1; w < workers; w++) {
            int index = w;
            helpers[w - 1] = new Thread(() -> claim(n, block, next, stop, body, failures, index), name + "-" + w);
            helpers[w - 1].setDaemon(true);
            helpers[w - 1].start();
        }
        claim(n, block, next, stop, body, failures, 0);
        for (Thread t : helpers) {
            join(t);
        }
        for (Throwable t : failures) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t != null) {
                throw (Error) t; // a body is an IntConsumer: nothing else can be thrown
            }
        }
    }

    /**
     * Waits for a thread to end, even when interrupted meanwhile (the interrupt is kept for the
     * caller): threads of the library end before the call that started them returns.
     */
    public static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void claim(int n, int block, AtomicInteger next, AtomicBoolean stop, IntConsumer body,
            Throwable[] failures, int worker) {
        try {
            for (int from = next.getAndAdd(block); from < n && !stop.get(); from = next.getAndAdd(block)) {
                for (int i = from, to = Math.min(n, from + block); i < to; i++) {
                    body.accept(i);
                }
            }
        } catch (RuntimeException | Error e) {
            failures[worker] = e;
            stop.set(true);
        }
    }
}
