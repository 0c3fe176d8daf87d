// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import dev.taw.export.ScoredCsvWriter;
import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportResult;
import dev.taw.io.csv.CsvImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.model.TrainedForest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times each stage on N generated rows of the seed schema: import, features, fit, score, write, plus
 * the end-to-end wall time and the peak heap. Run it with the README's command (which sets -Xmx1g, so
 * finishing at all proves the 1 GB bound). Several rounds: the first is cold (JIT), later ones warm.
 */
public final class PipelineBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("taw-bench");
        Path input = dir.resolve("traffic.csv");
        Path output = dir.resolve("scored.csv");
        new TrafficGenerator(2024, rows).write(input, rows);
        System.out.printf(Locale.ROOT, "rows %,d, file %.1f MB, %d cores, max heap %d MB, Java %s%n", rows, Files.size(input) / 1e6,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        System.out.println("round   import  features     fit   score   write   total   (ms)   heap MB: max used, max live after GC");
        for (int round = 1; round <= rounds; round++) {
            System.gc();
            HeapProbe probe = HeapProbe.begin();
            long t0 = System.nanoTime();
            ImportResult imported = new CsvImporter().read(input);
            long t1 = System.nanoTime();
            FeatureMatrix x = new FeatureBuilder().build(imported.table(), FeatureSet.all());
            long t2 = System.nanoTime();
            ForestSettings s = ForestSettings.defaults();
            TrainedForest forest = TrainedForest.fit(x.matrix(), s, ProgressListener.NONE, CancelToken.NEVER);
            long t3 = System.nanoTime();
            double[] scores = forest.scoreAll(x.matrix(), ProgressListener.NONE, CancelToken.NEVER);
            long t4 = System.nanoTime();
            byte[] labels = dev.taw.model.Threshold.labels(scores, new dev.taw.model.Threshold(scores).cutOff(s.contamination()));
            new ScoredCsvWriter().write(output, imported.table(), scores, labels, ProgressListener.NONE, CancelToken.NEVER);
            long t5 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%5d %8d %9d %7d %7d %7d %7d %22d %8s%n", round, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5),
                    ms(t0, t5), probe.finish() >> 20, probe.liveMb());
        }
        Files.deleteIfExists(input);
        Files.deleteIfExists(output);
        Files.deleteIfExists(dir);
    }

    private static long ms(long a, long b) {
        return (b - a) / 1_000_000;
    }

    /**
     * Watches the heap while a round runs: the most ever in use, sampled every 2 ms (garbage included, so
     * with a fixed heap it approaches the cap), and the most still in use right after a collection, from
     * the collectors' own notifications (the working set the 1 GB bound is really about).
     */
    static final class HeapProbe extends Thread {
        private volatile boolean running = true;
        private volatile long max;
        private final java.util.concurrent.atomic.AtomicLong maxLive = new java.util.concurrent.atomic.AtomicLong();
        private final List<Runnable> unregister = new java.util.ArrayList<>();

        static HeapProbe begin() {
            HeapProbe p = new HeapProbe();
            p.setDaemon(true);
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!(gc instanceof javax.management.NotificationEmitter emitter)) continue;
                javax.management.NotificationListener l = (n, hb) -> {
                    if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    p.maxLive.accumulateAndGet(after, Math::max);
                };
                emitter.addNotificationListener(l, null, null);
                p.unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(l);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
            p.start();
            return p;
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream().anyMatch(m -> m.getName().equals(pool) && m.getType() == java.lang.management.MemoryType.HEAP);
        }

        @Override public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join();
            unregister.forEach(Runnable::run);
            return max;
        }

        /** After {@link #finish}: the most heap in use right after a collection during the round, in MB ("-": no collection ran). */
        String liveMb() {
            return maxLive.get() == 0 ? "-" : Long.toString(maxLive.get() >> 20);
        }
    }
}
