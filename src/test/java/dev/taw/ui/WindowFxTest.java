// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Investigation;
import dev.taw.ui.common.UserSettings;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle), set up for a test: a fresh stage, test dialogs, preferences of its own. */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class WindowFxTest extends FxRobot {
    protected WorkbenchApp.Loaded w;
    protected TestDialogs dialogs;
    protected Preferences prefs;

    @TempDir
    protected Path tmp;

    /** Each test class's {@code @Start} calls this (TestFX looks for {@code @Start} on the test class itself). */
    protected void startWindow(Stage stage) throws Exception {
        dialogs = new TestDialogs();
        prefs = Preferences.userRoot().node("dev/taw/test-" + UUID.randomUUID());
        w = WorkbenchApp.load(dialogs, new UserSettings(prefs));
        stage.setScene(w.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    protected <T> T fx(Supplier<T> s) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.orTimeout(30, TimeUnit.SECONDS).join();
    }

    protected void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> w.controller().isSettled() && w.viewModel().investigationProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected Investigation investigation() {
        return fx(() -> w.viewModel().investigationProperty().get());
    }

    protected void openSeedWithShortcut() throws Exception {
        dialogs.nextOpen = TestData.seed();
        clickOn("#runButton"); // focus the window; Run is disabled before data, so this does nothing
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
    }

    /** Clicks row {@code index} of the suspicious-IP table (its tab first), then waits for every view. */
    protected void clickIpRow(int index) throws Exception {
        clickOn(lookup(".tab-label").match(l -> ((javafx.scene.control.Labeled) l).getText().startsWith("Source hosts")).queryAs(javafx.scene.Node.class));
        clickOn(fx(() -> w.controller().ipTable().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null && r.getIndex() == index).findFirst().orElseThrow()));
        waitIdle();
    }
}
