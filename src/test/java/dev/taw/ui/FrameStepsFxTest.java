// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.ui.common.FrameSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Real pulses (Monocle's headless screen): how many frames a sequence of steps takes. */
@ExtendWith(ApplicationExtension.class)
class FrameStepsFxTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @Test
    void cheapStepsShareFramesOnceFramesAreOnTime() throws Exception {
        List<Long> frames = run(12, 0);
        // one frame for the first step (no frame before it to judge by), then up to four a frame (one a frame: 12)
        assertTrue(distinct(frames) <= 9, "12 cheap steps ran in " + distinct(frames) + " frames: " + frames);
        assertEquals(1, frames.stream().filter(f -> f.equals(frames.get(0))).count(), "the first frame runs one step");
    }

    @Test
    void slowStepsGetAFrameEach() throws Exception {
        List<Long> frames = run(4, 30); // 30 ms a step: over the budget, and each frame ends late
        assertEquals(4, distinct(frames), "each slow step in its own frame: " + frames);
    }

    @Test
    void aStepMadeAloneHasAFrameToItselfAmongCheapOnes() throws Exception {
        // steps 4 and 5 stand for a new file's table: quick to run, much to lay out afterwards
        List<Long> frames = run(12, 0, 4, 5);
        assertTrue(distinct(frames) <= 10, "cheap steps still share frames: " + frames);
        for (int alone : new int[] {4, 5}) {
            long f = frames.get(alone);
            assertEquals(1, frames.stream().filter(x -> x == f).count(), "step " + alone + " alone in its frame: " + frames);
        }
    }

    private static List<Long> run(int n, long millis) throws Exception {
        return run(n, millis, new int[0]);
    }

    /** Runs {@code n} steps of {@code millis} each, those at {@code alone} made alone; returns, per step, the pulse it ran in. */
    private static List<Long> run(int n, long millis, int... alone) throws Exception {
        List<Long> at = new ArrayList<>();
        AtomicLong pulse = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            AnimationTimer counter = new AnimationTimer() {
                @Override public void handle(long now) { pulse.incrementAndGet(); }
            };
            counter.start();
            FrameSteps steps = new FrameSteps();
            List<Runnable> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean last = i == n - 1;
                Runnable step = () -> {
                    at.add(pulse.get());
                    if (millis > 0) busy(millis);
                    if (last) {
                        counter.stop();
                        done.complete(null);
                    }
                };
                int index = i;
                list.add(java.util.Arrays.stream(alone).anyMatch(a -> a == index) ? FrameSteps.alone(step) : step);
            }
            steps.run(list);
        });
        done.get(30, TimeUnit.SECONDS);
        return at;
    }

    private static long distinct(List<Long> frames) {
        return frames.stream().distinct().count();
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
