// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import dev.taw.ui.WorkbenchApp;
import dev.taw.ui.common.Dialogs;
import dev.taw.ui.common.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The window with N generated rows: time from opening the file to every chart drawn, time from pressing
 * Run to every chart drawn, and the longest gap between two FX pulses meanwhile (an AnimationTimer asks
 * for a pulse every frame, so a gap is time the FX thread was busy). Headless (Monocle) unless
 * -Dbench.display=gtk is given and a DISPLAY exists. The window is shown and drawn before the first open (its first
 * frame is reported on its own line), as an analyst opens a file into a window already up.
 */
public final class WindowBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!"gtk".equals(System.getProperty("bench.display"))) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Path dir = Files.createTempDirectory("taw-window-bench");
        Path input = dir.resolve("traffic.csv");
        new TrafficGenerator(2024, rows).write(input, rows);
        System.out.printf(Locale.ROOT, "rows %,d, file %.1f MB, max heap %d MB%n", rows, Files.size(input) / 1e6, Runtime.getRuntime().maxMemory() >> 20);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Preferences prefs = Preferences.userRoot().node("dev/taw/bench-" + System.nanoTime());
        CompletableFuture<WorkbenchApp.Loaded> loaded = new CompletableFuture<>();
        long shown = System.nanoTime();
        Platform.runLater(() -> {
            try {
                WorkbenchApp.Loaded w = WorkbenchApp.load(new Dialogs.Native(), new UserSettings(prefs));
                Stage stage = new Stage();
                stage.setScene(w.scene());
                stage.setWidth(1280);
                stage.setHeight(800);
                stage.show();
                loaded.complete(w);
            } catch (Exception e) {
                loaded.completeExceptionally(e);
            }
        });
        WorkbenchApp.Loaded w = loaded.get();
        AtomicLong last = new AtomicLong(), maxGap = new AtomicLong();
        AnimationTimer probe = new AnimationTimer() {
            @Override public void handle(long now) {
                long prev = last.getAndSet(now);
                if (prev != 0) maxGap.accumulateAndGet(now - prev, Math::max);
            }
        };
        Platform.runLater(probe::start);
        Long watch = Long.getLong("bench.watch");
        if (watch != null) watchFxThread(last, watch);
        // the window is up before a file is opened, as when the analyst opens one: its own first frames (the whole
        // scene's first styling and layout) are timed apart from the open
        nextPulse();
        long firstFrame = nextPulse() - shown; // the second pulse starts once the first has been drawn
        Thread.sleep(500);
        System.out.printf(Locale.ROOT, "window: first frame %d ms after it was asked for; longest FX stall until the first open %d ms%n",
                firstFrame / 1_000_000, maxGap.get() / 1_000_000);
        System.out.println("round  open→charts ms  run→charts ms  longest FX stall ms (during open / during run)");
        long[] opens = new long[rounds], runs = new long[rounds], stalls = new long[rounds];
        for (int round = 1; round <= rounds; round++) {
            maxGap.set(0);
            last.set(0);
            long t0 = System.nanoTime();
            Platform.runLater(() -> w.viewModel().open(input));
            long open = waitForCharts(w, t0) - t0;
            long stallOpen = maxGap.getAndSet(0);
            long t1 = System.nanoTime();
            Platform.runLater(() -> {
                w.viewModel().seedProperty().set(w.viewModel().seedProperty().get() + 1);
                w.viewModel().run();
            });
            long run = waitForCharts(w, t1) - t1;
            long stallRun = maxGap.get();
            opens[round - 1] = open / 1_000_000;
            runs[round - 1] = run / 1_000_000;
            stalls[round - 1] = Math.max(stallOpen, stallRun) / 1_000_000;
            System.out.printf(Locale.ROOT, "%5d %15d %14d %20d (%d / %d)%n", round, opens[round - 1], runs[round - 1], stalls[round - 1],
                    stallOpen / 1_000_000, stallRun / 1_000_000);
        }
        // issue 15's targets, each against its own line: the first (cold) open, every Run, every round's longest stall
        System.out.printf(Locale.ROOT, "cold open %d ms (target 2,500)%s; Run min / median / max %s ms (target 1,000: %d of %d within); "
                        + "longest FX stall %d ms (target 100: %d of %d rounds over)%n", opens[0],
                rounds > 1 ? ", later opens " + Spread.of(java.util.Arrays.copyOfRange(opens, 1, rounds)) + " ms" : "", Spread.of(runs),
                java.util.Arrays.stream(runs).filter(r -> r <= 1000).count(), rounds, java.util.Arrays.stream(stalls).max().orElse(0),
                java.util.Arrays.stream(stalls).filter(x -> x > 100).count(), rounds);
        prefs.removeNode();
        Files.deleteIfExists(input);
        Files.deleteIfExists(dir);
        Platform.exit();
        System.exit(0);
    }

    /**
     * With {@code -Dbench.watch=MS}: a daemon thread that, every 7 ms while no pulse has come for {@code ms}, prints the
     * FX thread's stack (its JavaFX and workbench frames), to tell what holds a long frame: our code, styling or layout,
     * or the wait for the renderer. The stacks of one long frame come one after the other, the time since the last
     * pulse growing.
     */
    private static void watchFxThread(AtomicLong lastPulse, long ms) {
        Thread fx = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("JavaFX Application Thread") || t.getName().equals("Event Thread")) // Monocle's name for it
                .findFirst().orElseThrow();
        Thread dog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(7);
                } catch (InterruptedException e) {
                    return;
                }
                long since = System.nanoTime() - lastPulse.get();
                if (lastPulse.get() == 0 || since < ms * 1_000_000L) continue;
                StringBuilder b = new StringBuilder();
                int n = 0;
                for (StackTraceElement e : fx.getStackTrace()) {
                    String c = e.getClassName();
                    if (n < 4 || n < 14 && (c.startsWith("dev.taw") || c.startsWith("javafx.scene") || c.contains("Skin") || c.contains("css"))) {
                        b.append(" < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName());
                        n++;
                    }
                }
                System.out.printf(Locale.ROOT, "FX thread held %d ms:%s%n", since / 1_000_000, b);
            }
        }, "fx-watch");
        dog.setDaemon(true);
        dog.start();
    }

    /** Waits until a run newer than {@code since} is shown and one more pulse has rendered it. */
    private static long waitForCharts(WorkbenchApp.Loaded w, long since) throws Exception {
        while (true) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Platform.runLater(() -> done.complete(w.controller().isSettled() && w.viewModel().investigationProperty().get() != null
                    && shownAfter(w, since)));
            if (done.get(60, TimeUnit.SECONDS)) break;
            Thread.sleep(5);
        }
        return nextPulse();
    }

    /** When the next pulse after now has run (and so rendered what was asked before it). */
    private static long nextPulse() throws Exception {
        CompletableFuture<Long> pulse = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            @Override public void handle(long now) {
                stop();
                pulse.complete(System.nanoTime());
            }
        }.start());
        return pulse.get(30, TimeUnit.SECONDS);
    }

    /**
     * The investigation last seen shown, by identity (a record's own hash walks every finding, 10-20 ms of the FX thread
     * per call), and when it was first seen. Only the last: a map of every one seen kept every run's investigation, and
     * with it its table and scores, alive to the end, and from the fourth round on the window's collections worked
     * through gigabytes the window itself had let go (a 196-267 ms pause in the fourth or fifth round).
     */
    private static Object lastShown;
    private static long lastShownAt;

    /** Called on the FX thread only. */
    private static boolean shownAfter(WorkbenchApp.Loaded w, long since) {
        Object inv = w.viewModel().investigationProperty().get();
        if (inv != lastShown) {
            lastShown = inv;
            lastShownAt = System.nanoTime();
        }
        return lastShownAt >= since;
    }
}
