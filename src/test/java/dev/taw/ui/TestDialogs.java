// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import dev.taw.io.ImportReport;
import dev.taw.ui.common.Dialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Native file choosers cannot open without a desktop, so the test answers them with prepared paths;
 * error and skipped-line dialogs are the real JavaFX alerts, recorded as well.
 */
final class TestDialogs implements Dialogs {
    private final Dialogs real = new Dialogs.Native();
    Path nextOpen;
    Path nextSave;
    final List<String> errors = new ArrayList<>();
    final List<ImportReport> skipped = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(Window owner, Path initialDir) {
        return Optional.ofNullable(nextOpen);
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, String suggestedName, String description, String extension) {
        return Optional.ofNullable(nextSave);
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, Path initialDir) {
        return Optional.ofNullable(nextOpen);
    }

    @Override
    public void error(Window owner, String title, String message) {
        errors.add(title + ": " + message);
        real.error(owner, title, message);
    }

    @Override
    public void skippedLines(Window owner, ImportReport report) {
        skipped.add(report);
        real.skippedLines(owner, report);
    }
}
