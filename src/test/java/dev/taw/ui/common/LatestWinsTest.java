// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real executor and its quiet period; the "UI thread" is the caller of each step. */
class LatestWinsTest {
    @Test
    void aRequestAfterAJobRunsAtOnceWhileASliderWaitsForQuiet() throws Exception {
        LatestWins w = new LatestWins(60_000, Runnable::run);
        CompletableFuture<String> slider = new CompletableFuture<>();
        w.submit(() -> "slider", slider::complete, slider::completeExceptionally);
        Thread.sleep(300);
        assertNull(slider.getNow(null), "a slider's request waits for its quiet period");
        CompletableFuture<String> run = new CompletableFuture<>();
        long t0 = System.nanoTime();
        w.submitAtOnce(() -> "run", run::complete, run::completeExceptionally);
        assertEquals("run", run.get(10, TimeUnit.SECONDS));
        // well under the minute the quiet period would have taken, on a loaded machine too
        assertEquals(true, System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
        assertNull(slider.getNow(null), "the newer request replaced the waiting one");
    }

    @Test
    void theLatestRequestWinsEitherWay() throws Exception {
        LatestWins w = new LatestWins(200, Runnable::run);
        CompletableFuture<String> first = new CompletableFuture<>(), second = new CompletableFuture<>();
        w.submitAtOnce(() -> {
            try {
                Thread.sleep(300); // still working when the next request comes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }, first::complete, first::completeExceptionally);
        Thread.sleep(50);
        w.submit(() -> "second", second::complete, second::completeExceptionally);
        assertEquals("second", second.get(10, TimeUnit.SECONDS));
        Thread.sleep(400);
        assertNull(first.getNow(null), "a result overtaken by a newer request is not applied");
    }
}
