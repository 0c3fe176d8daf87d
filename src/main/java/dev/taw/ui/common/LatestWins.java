// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Recomputation driven by sliders and clicks: each request replaces the pending one, waits a short quiet
 * period, runs off the FX thread, and its result is applied only if no newer request came in meanwhile.
 * So dragging the contamination slider never queues up stale work and the last position always wins.
 */
public final class LatestWins {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "workbench-recompute");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final long quietMillis;
    private ScheduledFuture<?> pending;

    public LatestWins(long quietMillis) {
        this.quietMillis = quietMillis;
    }

    /** Call on the FX thread. {@code apply} runs on the FX thread with the result of the latest request. */
    public synchronized <T> void submit(Supplier<T> work, Consumer<T> apply) {
        long mine = generation.incrementAndGet();
        if (pending != null) pending.cancel(false);
        pending = executor.schedule(() -> {
            if (generation.get() != mine) return;
            T result = work.get();
            Platform.runLater(() -> {
                if (generation.get() == mine) apply.accept(result);
            });
        }, quietMillis, TimeUnit.MILLISECONDS);
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
