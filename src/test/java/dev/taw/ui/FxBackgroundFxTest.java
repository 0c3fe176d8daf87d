// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.ui.common.FxBackground;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A real JavaFX task on the real FX thread: what of a job's progress reaches the window. */
@ExtendWith(ApplicationExtension.class)
class FxBackgroundFxTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @Test
    void progressReachesTheWindowAFewTimesASecondWithEveryStageAndTheEnd() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<String> done = new CompletableFuture<>();
        new FxBackground().start("test", (progress, cancel) -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(450);
            int i = 0;
            while (System.nanoTime() < end) progress.onProgress("Scoring", i++, 1_000_000_000L); // as fast as a scoring loop reports
            progress.onProgress("Writing", 0, 10);
            progress.onProgress("Writing", 10, 10);
            Thread.sleep(200); // the last updates reach the FX thread before the job ends
            return "ok";
        }, (stage, fraction) -> seen.add(stage + " " + fraction), done::complete, done::completeExceptionally, () -> done.complete("cancelled"));
        assertEquals("ok", done.get(30, TimeUnit.SECONDS));
        long scoring = seen.stream().filter(s -> s.startsWith("Scoring")).count();
        // 450 ms at most ten a second: five or six (a busy machine can coalesce further, never add)
        assertTrue(scoring >= 1 && scoring <= 7, "updates of one stage: " + seen);
        assertTrue(seen.contains("Writing 1.0"), "the end of a stage always shows: " + seen);
    }
}
