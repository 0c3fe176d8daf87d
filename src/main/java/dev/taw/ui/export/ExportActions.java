// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.export;

import dev.taw.analysis.Investigation;
import dev.taw.pipeline.Exports;
import dev.taw.report.Paper;
import dev.taw.ui.common.Dialogs;
import dev.taw.ui.shell.MainWindowController;
import dev.taw.ui.shell.WorkbenchViewModel;
import java.awt.Desktop;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** File ▸ Export: the PDF report and the scored CSV of the view, chosen in a dialog and written in the background. */
public final class ExportActions implements MainWindowController.Exporting {
    private final Dialogs dialogs;

    public ExportActions(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public void pdf(Window owner, Investigation inv, WorkbenchViewModel vm) {
        String name = vm.fileProperty().get().getFileName().toString().replaceAll("(\\.csv)?(\\.gz)?$", "") + "-report.pdf";
        dialogs.chooseFileToSave(owner, name, "PDF report", "pdf").ifPresent(target -> write(owner, inv, vm, target, done -> notifyDone(owner, done)));
    }

    /** Writes the report of {@code inv} to {@code target} in the background; {@code done} runs on the FX thread. */
    public void write(Window owner, Investigation inv, WorkbenchViewModel vm, Path target, Consumer<Path> done) {
        String source = vm.fileProperty().get().getFileName().toString();
        Paper paper = Paper.forCountry(Locale.getDefault().getCountry());
        vm.statusProperty().set("Writing report " + target.getFileName() + "…");
        vm.background().start("Writing " + target.getFileName(), (p, c) -> Exports.report(inv, source, paper, target, p, c), (s, f) -> { }, written -> {
            vm.statusProperty().set(written.sentence());
            done.accept(written.file());
        }, err -> dialogs.error(owner, "Report not written", err.getMessage() + "\nNo file was written."),
                () -> vm.statusProperty().set("Report cancelled; nothing was written"));
    }

    /** File ▸ Export Scored CSV: the rows in view with the whole file's scores, in the background. */
    @Override
    public void csv(Window owner, Investigation inv, WorkbenchViewModel vm) {
        chooseCsv(owner, vm, "-scored.csv", "Scored CSV").ifPresent(target -> writeCsv(owner, inv, vm, target));
    }

    public void writeCsv(Window owner, Investigation inv, WorkbenchViewModel vm, Path target) {
        exportCsv(owner, vm, target, (p, c) -> Exports.scoredCsv(inv, target, p, c));
    }

    /** File ▸ Export Hosts CSV: every source host in view, ranked, in the background. */
    @Override
    public void hosts(Window owner, Investigation inv, WorkbenchViewModel vm) {
        chooseCsv(owner, vm, "-hosts.csv", "Hosts CSV").ifPresent(target -> writeHosts(owner, inv, vm, target));
    }

    public void writeHosts(Window owner, Investigation inv, WorkbenchViewModel vm, Path target) {
        exportCsv(owner, vm, target, (p, c) -> Exports.hostsCsv(inv, target, c));
    }

    private java.util.Optional<Path> chooseCsv(Window owner, WorkbenchViewModel vm, String suffix, String what) {
        String name = vm.fileProperty().get().getFileName().toString().replaceAll("(\\.csv)?(\\.gz)?$", "") + suffix;
        return dialogs.chooseFileToSave(owner, name, what, "csv");
    }

    private void exportCsv(Window owner, WorkbenchViewModel vm, Path target, dev.taw.ui.common.Background.Job<Exports.Written> job) {
        vm.background().start("Exporting " + target.getFileName(), job, (s, f) -> { }, done -> vm.statusProperty().set(done.sentence()),
                err -> dialogs.error(owner, "Export failed", err.getMessage() + "\nNo file was written."),
                () -> vm.statusProperty().set("Export cancelled; nothing was written"));
    }

    private void notifyDone(Window owner, Path file) {
        if (owner == null || !owner.isShowing()) return;
        Notifications n = Notifications.create().title("Report saved").text(file.getFileName() + "\nClick to open it.")
                .hideAfter(Duration.seconds(8)).owner(owner)
                .onAction(e -> openExternally(file));
        n.showInformation();
    }

    private void openExternally(Path file) {
        // AWT's Desktop must not run on the FX thread
        new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported()) Desktop.getDesktop().open(file.toFile());
            } catch (Exception e) {
                Platform.runLater(() -> dialogs.error(null, "Could not open the report", e.getMessage()));
            }
        }, "open-report").start();
    }
}
