// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Recomputation driven by sliders and clicks: each request replaces the pending one, waits a short quiet
 * period, runs off the UI thread, and its result is applied only if no newer request came in meanwhile.
 * So dragging the contamination slider never queues up stale work and the last position always wins. A
 * recomputation that fails reaches {@code onFailed} on the UI thread: the window says so instead of
 * quietly showing stale results.
 */
public final class LatestWins {
    private final ScheduledExecutorService executor;
    private final Consumer<Runnable> ui;
    private final AtomicLong generation = new AtomicLong();
    private final long quietMillis;
    private ScheduledFuture<?> pending;

    /** @param ui runs a step on the UI thread */
    public LatestWins(long quietMillis, Consumer<Runnable> ui) {
        this.quietMillis = quietMillis;
        this.ui = ui;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workbench-recompute");
            t.setDaemon(true);
            return t;
        });
    }

    private LatestWins() {
        this.quietMillis = 0;
        this.ui = Runnable::run;
        this.executor = null;
    }

    /** Runs each request at once on the caller's thread: for tests. */
    public static LatestWins immediate() {
        return new LatestWins();
    }

    /** Call on the UI thread. {@code apply} (or {@code onFailed}) runs on the UI thread for the latest request only. */
    public <T> void submit(Supplier<T> work, Consumer<T> apply, Consumer<Throwable> onFailed) {
        submit(quietMillis, work, apply, onFailed);
    }

    /**
     * The same without the quiet period: for a request that follows a finished job (a file opened, a Run), not a
     * slider still moving; a Run of a million rows otherwise waited 60 ms for nothing before its charts were made.
     */
    public <T> void submitAtOnce(Supplier<T> work, Consumer<T> apply, Consumer<Throwable> onFailed) {
        submit(0, work, apply, onFailed);
    }

    private synchronized <T> void submit(long delayMillis, Supplier<T> work, Consumer<T> apply, Consumer<Throwable> onFailed) {
        long mine = generation.incrementAndGet();
        Runnable step = () -> {
            if (generation.get() != mine) return;
            try {
                T result = work.get();
                ui.accept(() -> {
                    if (generation.get() == mine) apply.accept(result);
                });
            } catch (RuntimeException | Error e) {
                ui.accept(() -> {
                    if (generation.get() == mine) onFailed.accept(e);
                });
            }
        };
        if (executor == null) {
            step.run();
            return;
        }
        if (pending != null) pending.cancel(false);
        pending = executor.schedule(step, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Drops any pending request (e.g. when new data replaces the old). */
    public void invalidate() {
        generation.incrementAndGet();
    }

    /** True while a request has not been applied yet; tests wait on it. */
    public boolean isIdle() {
        ScheduledFuture<?> p = pending;
        return p == null || p.isDone();
    }
}
