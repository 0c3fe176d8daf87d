// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taw.baseline.Baseline;
import dev.taw.bench.SecondFlowGenerator;
import dev.taw.cli.TrainCommand;
import dev.taw.io.LogFormat;
import dev.taw.pipeline.AnalysisPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * What the watch tests share, made once per test JVM: a baseline trained on a clean day of the second generator's
 * flow logs, a port-scan day (gzip) and a clean day, and the ways to start a watch on them.
 */
final class WatchFixture {
    static Path model;
    static Baseline baseline;
    static byte[] scanDay, cleanDay;
    static String attacker;

    private WatchFixture() { }

    static synchronized void ensure() throws IOException {
        if (model != null) return;
        Path dir = Files.createTempDirectory("taw-watch-baseline");
        Path day1 = dir.resolve("day1.log");
        new SecondFlowGenerator(1).write(day1, 0, Set.of());
        Path m = dir.resolve("day1.model");
        int status = new TrainCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {day1.toString(), "--model", m.toString(), "-q"});
        assertEquals(0, status);
        baseline = AnalysisPipeline.loadModel(m);
        SecondFlowGenerator g = new SecondFlowGenerator(2);
        Path scan = dir.resolve("scan.log");
        g.write(scan, 1, Set.of("port scan"));
        attacker = g.attackers().keySet().iterator().next();
        scanDay = gzip(Files.readAllBytes(scan));
        Path clean = dir.resolve("clean.log");
        new SecondFlowGenerator(3).write(clean, 2, Set.of());
        cleanDay = Files.readAllBytes(clean);
        for (Path p : List.of(day1, scan, clean)) Files.delete(p);
        m.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        model = m;
    }

    /** The clean day's lines, header first. */
    static String[] cleanLines() {
        return new String(cleanDay, StandardCharsets.US_ASCII).split("\n");
    }

    /** A single pass runs on the test's clock (so its alerts compare byte for byte); a live watch on the real one. */
    static FolderWatch watch(Path root, Path alerts, Duration interval, Duration settle, boolean once, java.util.function.Consumer<String> l) {
        FolderWatch.Settings s = settings(root, alerts, interval, settle, once, false, once);
        return once ? new FolderWatch(pipeline(), baseline, "day1.model", s, l::accept, () -> 1_800_000_000_000L)
                : new FolderWatch(pipeline(), baseline, "day1.model", s, l::accept);
    }

    static FolderWatch.Settings settings(Path root, Path alerts, Duration interval, Duration settle, boolean once, boolean skip, boolean rows) {
        return new FolderWatch.Settings(root, alerts, alerts.resolveSibling(alerts.getFileName() + ".state"), LogFormat.AUTO, interval, settle,
                Duration.ofMinutes(5), rows, skip, once, null, null);
    }

    static AnalysisPipeline pipeline() {
        return new AnalysisPipeline().withBaseline(baseline, "day1.model");
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        }
        return o.toByteArray();
    }

    static void await(List<String> said, Predicate<String> what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            if (said.stream().anyMatch(what)) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the watch never said it; it said:\n" + String.join("\n", said));
    }

    /** The watch running on a thread of its own, as a service runs it; a failure to write is said, for the test to see. */
    static Thread running(FolderWatch w, List<String> said) {
        Thread t = new Thread(() -> {
            try {
                w.run();
            } catch (IOException e) {
                said.add("FAILED " + e);
            }
        }, "watch");
        t.start();
        return t;
    }
}
