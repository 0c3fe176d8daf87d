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
    void aSlowPartDoesNotHoldTheOthersWork() throws Exception {
        // index 0 waits until 150 of the other 199 are done: taken index by index, the rest go to whoever is free and it
        // ends at once; had the work been cut into fixed parts up front, the part holding index 0 would hold its other
        // indices too, and it would wait out the ten seconds
        Assumptions.assumeTrue(ForkJoinPool.getCommonPoolParallelism() > 0 && Runtime.getRuntime().availableProcessors() > 1);
        java.util.concurrent.CountDownLatch others = new java.util.concurrent.CountDownLatch(150);
        java.util.Map<Thread, AtomicInteger> byThread = new ConcurrentHashMap<>();
        Thread[] slow = new Thread[1];
        boolean[] released = new boolean[1];
        Workers.shareOut(200, i -> {
            byThread.computeIfAbsent(Thread.currentThread(), t -> new AtomicInteger()).incrementAndGet();
            if (i == 0) {
                slow[0] = Thread.currentThread();
                try {
                    released[0] = others.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                others.countDown();
            }
        });
        assertEquals(200, byThread.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(released[0], "the other indices were done while index 0 waited");
        assertTrue(byThread.get(slow[0]).get() <= 50, "the thread with the slow part ran " + byThread.get(slow[0]) + " of 200");
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
