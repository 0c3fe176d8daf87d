// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void everyIndexRunsOnceAndTheCoresShareThem() {
        AtomicIntegerArray runs = new AtomicIntegerArray(500);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Workers.shareOut(500, i -> {
            runs.incrementAndGet(i);
            threads.add(Thread.currentThread());
            spin(200_000); // long enough that a helper gets some
        });
        for (int i = 0; i < 500; i++) assertEquals(1, runs.get(i), "index " + i);
        if (ForkJoinPool.getCommonPoolParallelism() > 0 && Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(threads.size() > 1, "the common pool helped: " + threads);
        }
    }

    @Test
    void aSlowPartDoesNotHoldTheOthersWork() {
        // index 0 takes 100 ms, the rest 1 ms each: whoever took it does little else, where a split fixed up front
        // would have given it half of them
        Assumptions.assumeTrue(ForkJoinPool.getCommonPoolParallelism() > 0 && Runtime.getRuntime().availableProcessors() > 1);
        java.util.Map<Thread, AtomicInteger> byThread = new ConcurrentHashMap<>();
        Thread[] slow = new Thread[1];
        Workers.shareOut(200, i -> {
            byThread.computeIfAbsent(Thread.currentThread(), t -> new AtomicInteger()).incrementAndGet();
            if (i == 0) slow[0] = Thread.currentThread();
            spin(i == 0 ? 100_000_000 : 1_000_000);
        });
        int total = byThread.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(200, total);
        assertTrue(byThread.get(slow[0]).get() < 100, "the thread with the slow part ran " + byThread.get(slow[0]) + " of 200");
    }

    @Test
    void theFirstFailureIsRethrownUnwrappedAndTheRestAreSkipped() {
        CancellationException stop = new CancellationException("cancelled");
        AtomicInteger ran = new AtomicInteger();
        CancellationException thrown = assertThrows(CancellationException.class, () -> Workers.shareOut(10_000, i -> {
            if (i == 3) throw stop;
            ran.incrementAndGet();
            spin(50_000);
        }));
        assertSame(stop, thrown);
        assertTrue(ran.get() < 10_000, "the indices after the failure were skipped: " + ran.get());
        assertThrows(StackOverflowError.class, () -> Workers.shareOut(4, i -> {
            if (i == 2) throw new StackOverflowError();
        }));
    }

    @Test
    void nothingToDoIsDone() {
        Workers.shareOut(0, i -> {
            throw new AssertionError("no index");
        });
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
