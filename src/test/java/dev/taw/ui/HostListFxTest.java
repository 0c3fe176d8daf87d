// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.analysis.IpStat;
import dev.taw.cli.ScoreCommand;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Spark job's output folder opened in the desktop: its hosts in a window of their own, with their windows and
 * reasons, searched, and made into a PDF report read back. The folder holds what the job writes: hosts.csv (here
 * made by the CLI's --hosts, which the job's equals line for line; see ScoreJobTest), report.txt and the model.
 */
class HostListFxTest extends WindowFxTest {
    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    private Path jobOutput() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("job-out"));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, new ScoreCommand(quiet, System.err).run(new String[] {"sample-data/alb-access-sample.log", "-o", tmp.resolve("s.csv").toString(),
            "--hosts", out.resolve("hosts.csv").toString(), "--context-window", "10m", "-q"}));
        Files.writeString(out.resolve("report.txt"), "Read 1 files (0 outside the window not read): 3,801 records, 3,801 imported, 0 bad lines skipped\n"
                + "Scored 3,801 records in 2 parts against alb.model\n\nFirst bad lines (file:line: what was wrong):\n");
        Files.createDirectories(out.resolve("records"));
        return out;
    }

    private Scene hostListScene() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> Window.getWindows().stream()
                .anyMatch(x -> x instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Hosts: "))));
        return fx(() -> Window.getWindows().stream().filter(x -> x instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Hosts: "))
                .findFirst().orElseThrow().getScene());
    }

    @Test
    void aJobsOutputFolderOpensAsItsHostsAndMakesAReport() throws Exception {
        Path out = jobOutput();
        List<String> lines = Files.readAllLines(out.resolve("hosts.csv"));
        dialogs.nextOpen = out;
        interact(() -> w.controller().onOpenFolder()); // File ▸ Open Folder on a job's output: the hosts window, not an import
        Scene scene = hostListScene();
        @SuppressWarnings("unchecked")
        TableView<IpStat> table = (TableView<IpStat>) fx(() -> scene.lookup("#ip-table"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == lines.size() - 1);
        assertEquals(lines.get(1).split(",")[1], fx(() -> table.getItems().get(0).ip()), "ranked as the file ranks them");
        assertTrue(fx(() -> table.getColumns().stream().anyMatch(c -> c.getText().equals("window start") && c.isVisible())), "the window beside the address");
        String summary = fx(() -> ((Label) scene.lookup("#hostlist-summary")).getText());
        assertTrue(summary.startsWith(String.format("%,d hosts (address and context window)", lines.size() - 1)), summary);
        assertEquals(null, fx(() -> w.viewModel().fileProperty().get()), "the main window imported nothing");

        interact(() -> ((TextField) scene.lookup("#host-search")).setText("11.1.1."));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> table.getItems().stream().allMatch(h -> h.ip().contains("11.1.1."))));
        interact(() -> ((TextField) scene.lookup("#host-search")).clear());
        Screenshots.save(scene, Path.of("target", "screenshots", "job-hosts.png"));

        Path pdf = tmp.resolve("job-report.pdf");
        dialogs.nextSave = pdf;
        interact(() -> ((javafx.scene.control.Button) scene.lookup("#hostlist-report")).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(pdf) && fx(() -> scene.lookup("#hostlist-cancel").isDisabled()));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Host report"), text);
            assertTrue(text.contains("What the job did") && text.contains("3,801 records"), text);
            assertTrue(text.contains(lines.get(1).split(",")[1] + " @ 2024-04-25 23:"), "the top host, named with its window: " + text);
            assertTrue(text.contains("Why these hosts stand out"));
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aBadLineIsNamedAndSkippedAndAFolderThatIsNoJobsIsRefused() throws Exception {
        Path out = jobOutput();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(out.resolve("hosts.csv")));
        String[] cells = lines.get(2).split(",", -1);
        cells[4] = "abc";
        lines.set(2, String.join(",", cells));
        Files.write(out.resolve("hosts.csv"), lines);
        dialogs.nextOpen = out;
        interact(() -> w.controller().onOpenJobOutput());
        Scene scene = hostListScene();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> ((Label) scene.lookup("#hostlist-status")).getText()).contains("could not be read"));
        String status = fx(() -> ((Label) scene.lookup("#hostlist-status")).getText());
        assertTrue(status.contains("1 lines could not be read (first: hosts.csv:3:5 (host_score): not a number 'abc')"), status);

        dialogs.nextOpen = Path.of("sample-data").toAbsolutePath();
        interact(() -> w.controller().onOpenJobOutput());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("has no hosts.csv and report.txt"), dialogs.errors.toString());
    }
}
