// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.cli.ScoreCommand;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Save Model and Load Model in a real window: the model saved after a run judges the next file without a
 * refit, the window names it, and its scores are the command line's {@code score --model} scores, to the bit.
 */
class BaselineFxTest extends WindowFxTest {
    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    private void fire(String text) {
        interact(() -> ((MenuBar) w.scene().lookup(".menu-bar")).getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> text.equals(i.getText())).findFirst().map(MenuItem.class::cast).orElseThrow().fire());
    }

    @Test
    void aModelSavedAfterARunJudgesTheNextFileAsTheCommandLineDoes() throws Exception {
        Path web = Path.of("sample-data", "web-traffic-sample.csv").toAbsolutePath();
        dialogs.nextOpen = web;
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
        int fitted = fx(() -> w.viewModel().fitCount());

        Path model = tmp.resolve("web.model");
        dialogs.nextSave = model;
        fire("Save _Model (Baseline)…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(model) && fx(() -> !w.viewModel().busyProperty().get()));
        assertTrue(fx(() -> w.viewModel().statusProperty().get()).startsWith("Saved the model web.model: trained "));

        dialogs.nextOpen = model;
        fire("_Load Model (Baseline)…");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> investigation() != null && investigation().analysis().against() != null);
        waitIdle();
        var inv = investigation();
        assertEquals("web.model", inv.analysis().against().name());
        assertEquals(fitted, (int) fx(() -> w.viewModel().fitCount()) - 1, "one run, judged by the model");
        String summary = fx(() -> ((Label) w.scene().lookup("#summaryLabel")).getText());
        assertTrue(summary.contains("judged by the baseline web.model"), summary);
        assertTrue(fx(() -> w.viewModel().statusProperty().get()).startsWith("against web.model · "), fx(() -> w.viewModel().statusProperty().get()));
        assertTrue(inv.analysis().explainHost(inv.findings().hosts().get(0)).contains("in the baseline:"), "hosts are told apart by the baseline");
        assertTrue(fx(() -> w.scene().lookup("#seedField").isDisabled() && w.scene().lookup("#featureBox").isDisabled()),
                "the fit settings are the model's while it is in use");
        Screenshots.save(w.scene(), Path.of("target", "screenshots", "baseline.png"));

        Path scored = tmp.resolve("cli.csv");
        int status = new ScoreCommand(new PrintStream(OutputStream.nullOutputStream()), System.err)
                .run(new String[] {web.toString(), "--model", model.toString(), "-o", scored.toString(), "-q"});
        assertEquals(0, status);
        List<String> lines = Files.readAllLines(scored);
        int col = List.of(lines.get(0).split(",")).indexOf("anomaly_score");
        double[] cli = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[col])).toArray();
        assertArrayEquals(cli, inv.analysis().scores(), "the window's scores are the command line's, to the bit");

        fire("Stop _Using the Model");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> investigation() != null && investigation().analysis().against() == null);
        assertNotNull(investigation());
        assertTrue(fx(() -> !w.scene().lookup("#seedField").isDisabled()), "the window's own settings again");
    }
}
