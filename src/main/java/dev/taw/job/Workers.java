// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.job;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The core's threads: one pool of daemon workers, as many as there are cores, for work cut into independent
 * tasks (files of a folder, chunks of rows to format), and single named threads for work that runs beside the
 * caller (gunzip ahead of the parser, the scored CSV while the hosts are scored). A pool task never waits for
 * another pool task, so the pool cannot starve itself; whatever waits for pool tasks runs on the caller's
 * thread or on a thread of its own.
 */
public final class Workers {
    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CORES, r -> daemon("worker-" + COUNT.incrementAndGet(), r));

    private Workers() { }

    /** How many tasks run at once. */
    public static int cores() { return CORES; }

    /** A daemon thread (not started): a worker never keeps the process alive after the command is done. */
    public static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs {@code work} on a thread of its own, beside the caller. */
    public static <T> Future<T> aside(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        daemon(name, task).start();
        return task;
    }

    /**
     * Runs {@code work} for every index in {@code [0, count)} on the caller's thread and on the common pool's, each
     * taking the next index whenever it is free, so that all of them finish together: the parallel stream it
     * replaced cut the work into four fixed parts up front, and when another job held a core for part of the time
     * (the host forest beside the rows' scoring) one core stood idle for the last tenth of a second. The first
     * failure is rethrown here, unwrapped, once every index taken has ended; after it the rest are skipped.
     */
    public static void shareOut(int count, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(count);
        Runnable take = () -> {
            for (int i; (i = next.getAndIncrement()) < count; ) {
                try {
                    if (failed.get() == null) work.accept(i);
                } catch (Throwable t) {
                    failed.compareAndSet(null, t);
                } finally {
                    ended.countDown();
                }
            }
        };
        int helpers = Math.min(count, ForkJoinPool.getCommonPoolParallelism() + 1) - 1;
        for (int h = 0; h < helpers; h++) ForkJoinPool.commonPool().execute(take);
        take.run();
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.compareAndSet(null, new java.util.concurrent.CancellationException("interrupted"));
            next.set(count);
        }
        Throwable t = failed.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    /** A finished task's value, or its failure as if it had run on this thread. */
    @FunctionalInterface
    public interface Result<T> {
        T get() throws IOException;
    }

    /** Receives the tasks' results in task order. */
    @FunctionalInterface
    public interface Take<T> {
        void take(int index, Result<T> result) throws IOException;
    }

    /**
     * Runs tasks {@code 0 … count-1} on the pool, at most {@code window} at a time, and hands their results to
     * {@code take} in task order on the caller's thread: memory stays bounded however many tasks there are,
     * and the output is the same as one thread's. A failure reaches {@code take} through {@link Result#get};
     * if {@code take} throws, the tasks still running are cancelled.
     */
    public static <T> void inOrder(int count, int window, IntFunction<Callable<T>> task, CancelToken cancel, Take<T> take) throws IOException {
        ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            for (int i = 0; i < count; i++) {
                while (next < count && inFlight.size() < Math.max(1, window)) inFlight.add(POOL.submit(task.apply(next++)));
                cancel.throwIfCancelled();
                Future<T> f = inFlight.poll();
                take.take(i, () -> get(f));
            }
        } finally {
            for (Future<T> f : inFlight) f.cancel(true);
        }
    }

    /**
     * Waits for {@code f}, work beside the caller that reads and writes no file; its failure is rethrown unwrapped, as
     * if it had been the caller's.
     */
    public static <T> T join(Future<T> f) {
        try {
            return get(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // the work does no I/O: never
        }
    }

    /** Waits for {@code f}; its failure is rethrown unwrapped (an I/O error stays one). */
    public static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        }
    }
}
