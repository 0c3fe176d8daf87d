// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.ui.common.UserSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window's dialogs and outputs: skipped lines, exports of a view, row detail, country database, About, screenshots. */
class WorkbenchOutputsFxTest extends WindowFxTest {
    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    @Test
    void skippedLinesAreListedInADialog() throws Exception {
        dialogs.nextOpen = TestData.resource("import/bad-rows.csv");
        clickOn("#runButton");
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
        assertEquals(1, dialogs.skipped.size());
        var area = lookup("#skipped-dialog .text-area").queryAs(javafx.scene.control.TextArea.class);
        assertTrue(area.getText().contains("bad-rows.csv:3: column 'bytes_in': NOT_A_NUMBER"), area.getText());
        assertTrue(fx(() -> w.viewModel().statusProperty().get()).startsWith("3 rows · 4 skipped · 1 imputed"));
        interact(() -> area.getScene().getWindow().hide());
    }

    @Test
    void aFolderWithANoteInItOpensWithTheWarningListed() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("logs"));
        Files.copy(TestData.seed(), folder.resolve("export.csv"));
        Files.writeString(folder.resolve("README.md"), "# What these logs are\n");
        dialogs.nextOpen = folder;
        clickOn("#runButton");
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        waitIdle();
        assertEquals(1, dialogs.skipped.size());
        var area = lookup("#skipped-dialog .text-area").queryAs(javafx.scene.control.TextArea.class);
        assertTrue(area.getText().startsWith("warning: 1 file(s) are not traffic logs and were skipped: README.md"), area.getText());
        var header = lookup("#skipped-dialog .header-panel .label").queryAs(javafx.scene.control.Label.class);
        assertEquals("All 282 lines in logs were imported; one thing to know:", header.getText());
        interact(() -> area.getScene().getWindow().hide());
    }

    @Test
    void exportsTheReportAndTheScoredCsvFromTheWindow() throws Exception {
        openSeedWithShortcut();
        assertPdfSays(exportPdf("report.pdf"), "15 of 282");
        dialogs.nextSave = tmp.resolve("scored.csv");
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(dialogs.nextSave));
        assertEquals(283, Files.readAllLines(dialogs.nextSave).size());
    }

    @Test
    void anExportOverTheOpenFileIsRefusedAndTheFileStaysAsItWas() throws Exception {
        Path copy = Files.copy(TestData.seed(), tmp.resolve("mine.csv"));
        byte[] before = Files.readAllBytes(copy);
        dialogs.nextOpen = copy;
        clickOn("#runButton");
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
        dialogs.nextSave = copy;
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).contains("it is the input file; the input is never overwritten"), dialogs.errors.toString());
        assertTrue(Files.isRegularFile(copy) && java.util.Arrays.equals(before, Files.readAllBytes(copy)));
        interact(() -> lookup("#error-dialog").query().getScene().getWindow().hide());
    }

    @Test
    void aFilteredViewExportsTheRowsInViewInBothFilesAndTheCommandLineWritesTheSameBytes() throws Exception {
        openSeedWithShortcut();
        var c = w.controller();
        clickIpRow(1);
        assertEquals(28, investigation().findings().rows(), "155.91.45.242 has 28 rows");
        dialogs.nextSave = tmp.resolve("view.csv");
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(dialogs.nextSave));
        waitIdle();
        assertEquals(29, Files.readAllLines(dialogs.nextSave).size(), "header + the 28 rows in view");
        assertEquals("Wrote " + dialogs.nextSave + ": 28 of 282 rows (view: src_ip = 155.91.45.242)", fx(() -> w.viewModel().statusProperty().get()));
        Path csv = dialogs.nextSave;
        assertPdfSays(exportPdf("view.pdf"), "src_ip = 155.91.45.242");
        // the command line, asked for the same view, writes the same bytes
        Path cli = tmp.resolve("cli.csv");
        int status = new dev.taw.cli.ScoreCommand(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), System.err)
                .run(new String[] {TestData.seed().toString(), "-o", cli.toString(), "--where", "src_ip=155.91.45.242", "-q"});
        assertEquals(0, status);
        assertEquals(-1L, Files.mismatch(csv, cli));
    }

    @Test
    void selectingARowExplainsIt() throws Exception {
        openSeedWithShortcut();
        interact(() -> w.controller().rowTable().getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !((javafx.scene.control.TextArea) w.scene().lookup("#detailText")).getText().isEmpty()));
        String detail = fx(() -> ((javafx.scene.control.TextArea) w.scene().lookup("#detailText")).getText());
        assertTrue(detail.startsWith("SUSPICIOUS (-1)   score 0.656"), detail);
        assertTrue(detail.contains("Why it looks suspicious"), detail);
        assertTrue(detail.contains("src_ip: 65.49.1.72"), detail);
    }

    @Test
    void anAnalystsCountryDatabaseIsUsedForFilesWithoutCountries() throws Exception {
        Path own = Files.copy(TestData.shared().resolve("geoip").resolve("geo-whois-asn-country.mmdb"), tmp.resolve("my-country.mmdb"));
        dialogs.nextOpen = own;
        clickOn("#runButton");
        clickOn("Analysis").clickOn("Country Database (GeoIP)…");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = Files.readAllLines(TestData.seed()).stream().map(l -> l.replaceFirst("^(([^,]*,){5})[^,]*,", "$1")).toList();
        dialogs.nextOpen = Files.write(tmp.resolve("no-country.csv"), lines);
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
        String label = fx(() -> ((javafx.scene.control.Label) w.scene().lookup("#countryLabel")).getText());
        assertTrue(label.contains("my-country.mmdb") && label.contains("built 2026-06-17"), label);
        assertEquals(282L, (long) fx(() -> w.controller().charts().countries().shownTotal()), "every row has a country");
        assertEquals(own.toAbsolutePath(), new UserSettings(prefs).countryDatabase(), "remembered");
    }

    @Test
    void helpAboutShowsTheVersionAndTheLicences() throws Exception {
        clickOn("Help").clickOn("About Traffic Anomaly Workbench");
        WaitForAsyncUtils.waitForFxEvents();
        var area = lookup("#about-dialog .text-area").queryAs(javafx.scene.control.TextArea.class);
        String text = area.getText();
        assertTrue(text.startsWith("Traffic Anomaly Workbench " + dev.taw.Version.get()), text);
        for (String licence : List.of("Smile 3.1.1 (Isolation Forest) — GPL-3.0", "ControlsFX 11.2.4 — BSD-3-Clause", "Apache PDFBox 3.0.8",
                "OpenJFX 21 — GPL-2.0 with Classpath Exception", "GNU General Public License v3.0 or later",
                "© Number Resource Organization (nro.net)")) {
            assertTrue(text.contains(licence), licence);
        }
        interact(() -> area.getScene().getWindow().hide());
    }

    @Test
    void savesScreenshotsOfTheMainViews() throws Exception {
        dialogs.nextOpen = TestData.seed();
        clickOn("#runButton");
        Screenshots.save(w.scene(), Path.of("target", "screenshots", "empty-state.png"));
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
        Path shot = Screenshots.save(w.scene(), Path.of("target", "screenshots", "main-window.png"));
        assertTrue(Files.size(shot) > 20_000, "a real picture, not a blank one");
        clickOn("#bar-suspicious-rows-by-source-country-NL");
        waitIdle();
        Screenshots.save(w.scene(), Path.of("target", "screenshots", "filtered-by-country.png"));
        File f = shot.toFile();
        assertTrue(f.exists());
    }

    /** File ▸ Export PDF Report (Ctrl+E) to {@code name} in the test's folder; waits for the file. */
    private Path exportPdf(String name) throws Exception {
        dialogs.nextSave = tmp.resolve(name);
        push(KeyCode.CONTROL, KeyCode.E);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(dialogs.nextSave));
        return dialogs.nextSave;
    }

    private static void assertPdfSays(Path pdf, String words) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(words), text.substring(0, 400));
        }
    }
}
