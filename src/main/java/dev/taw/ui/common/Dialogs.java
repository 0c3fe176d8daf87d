// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import dev.taw.io.ImportIssue;
import dev.taw.io.ImportReport;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The dialogs the window shows. An interface so view-models can be driven in tests where no native file
 * chooser exists; {@link Native} is the real thing.
 */
public interface Dialogs {

    Optional<Path> chooseFileToOpen(Window owner, Path initialDir);

    Optional<Path> chooseFileToSave(Window owner, String suggestedName, String description, String extension);

    /** A folder of logs (e.g. a synced S3 prefix). */
    Optional<Path> chooseFolder(Window owner, Path initialDir);

    /** Non-blocking error alert; the message names file, line and reason. */
    void error(Window owner, String title, String message);

    /** Lists skipped lines in a text area the analyst can select and copy. */
    void skippedLines(Window owner, ImportReport report);

    /** The import dialog's header: how many lines were skipped, or that none were and what else is worth knowing. */
    static String importHeader(ImportReport report) {
        if (report.skippedCount() > 0) {
            return String.format("%,d of %,d lines in %s were skipped; the rest were imported.", report.skippedCount(), report.rowsRead(), report.file());
        }
        int w = report.warnings().size();
        return String.format("All %,d lines in %s were imported; %s:", report.rowsRead(), report.file(), w == 1 ? "one thing to know" : w + " things to know");
    }

    /**
     * The import dialog's text: the import's warnings (a file of a folder that is no log, records with no traffic),
     * then each skipped line with its reason. A folder with a README in it gave a warning and no skipped line, and the
     * dialog showed an empty box.
     */
    static String importDetails(ImportReport report) {
        List<ImportIssue> issues = report.issues();
        List<String> lines = new java.util.ArrayList<>();
        for (String w : report.warnings()) lines.add("warning: " + w);
        for (ImportIssue i : issues) lines.add(i.toString());
        if (report.skippedCount() > issues.size()) lines.add("… and " + (report.skippedCount() - issues.size()) + " more");
        return String.join("\n", lines);
    }

    /** The native file choosers and JavaFX alerts. */
    final class Native implements Dialogs {
        @Override
        public Optional<Path> chooseFileToOpen(Window owner, Path initialDir) {
            FileChooser c = new FileChooser();
            c.setTitle("Open traffic log");
            c.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Traffic logs (*.csv, *.csv.gz, *.log, *.log.gz, *.gz)", "*.csv", "*.csv.gz", "*.CSV", "*.log",
                            "*.log.gz", "*.gz"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            if (initialDir != null && initialDir.toFile().isDirectory()) c.setInitialDirectory(initialDir.toFile());
            return Optional.ofNullable(c.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseFileToSave(Window owner, String suggestedName, String description, String extension) {
            FileChooser c = new FileChooser();
            c.setTitle("Save " + description);
            c.setInitialFileName(suggestedName);
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
            return Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseFolder(Window owner, Path initialDir) {
            javafx.stage.DirectoryChooser c = new javafx.stage.DirectoryChooser();
            c.setTitle("Open a folder of traffic logs");
            if (initialDir != null && initialDir.toFile().isDirectory()) c.setInitialDirectory(initialDir.toFile());
            return Optional.ofNullable(c.showDialog(owner)).map(File::toPath);
        }

        @Override
        public void error(Window owner, String title, String message) {
            Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
            a.initOwner(owner);
            a.setTitle(title);
            a.setHeaderText(title);
            a.getDialogPane().setId("error-dialog");
            a.show();
        }

        @Override
        public void skippedLines(Window owner, ImportReport report) {
            TextArea area = new TextArea(importDetails(report));
            area.setEditable(false);
            area.setWrapText(false);
            area.setPrefSize(820, 360);
            Alert a = new Alert(Alert.AlertType.WARNING, null, ButtonType.CLOSE);
            a.initOwner(owner);
            a.setTitle(report.skippedCount() > 0 ? "Skipped lines" : "Import warnings");
            a.setHeaderText(importHeader(report));
            a.getDialogPane().setContent(area);
            a.getDialogPane().setId("skipped-dialog");
            a.setResizable(true);
            a.show();
        }
    }
}
