// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.hostlist;

import dev.taw.hostlist.HostList;
import dev.taw.report.Paper;
import dev.taw.ui.common.Dialogs;
import dev.taw.ui.table.HostsPane;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/** Wires the hosts-list window to its {@link HostListViewModel}; the table is the main window's host table. */
public final class HostListController {
    private final HostListViewModel vm;
    private final Dialogs dialogs;

    @FXML BorderPane root;
    @FXML Label sourceLabel, summaryLabel, statusLabel;
    @FXML HostsPane hosts;
    @FXML TitledPane jobPane;
    @FXML TextArea jobText;
    @FXML Button reportButton, cancelButton;
    @FXML ProgressBar progressBar;

    public HostListController(HostListViewModel vm, Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    @FXML
    void initialize() {
        hosts.exportButton().setVisible(false); // the list is a file already: its report is what this window makes
        hosts.exportButton().setManaged(false);
        vm.listProperty().addListener((o, a, l) -> show(l));
        statusLabel.textProperty().bind(vm.statusProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.busyProperty());
        reportButton.disableProperty().bind(vm.busyProperty().or(vm.listProperty().isNull()));
        cancelButton.disableProperty().bind(vm.busyProperty().not());
        jobPane.setVisible(false);
        jobPane.setManaged(false);
    }

    private void show(HostList l) {
        sourceLabel.setText(l.source());
        summaryLabel.setText(HostListViewModel.summary(l) + (l.model() == null ? "" : " · model " + l.model().getFileName()));
        hosts.show(l.hosts(), l::whyOf, l.windowed());
        boolean job = !l.job().isEmpty();
        jobPane.setVisible(job);
        jobPane.setManaged(job);
        jobText.setText(String.join("\n", l.job()));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    void onReport() {
        HostList l = vm.listProperty().get();
        if (l == null) return;
        String name = l.csv().toAbsolutePath().getParent().getFileName() + "-hosts-report.pdf";
        dialogs.chooseFileToSave(window(), name, "PDF report", "pdf").ifPresent(target -> vm.exportReport(target,
                Paper.forCountry(Locale.getDefault().getCountry()), done -> { }, why -> dialogs.error(window(), "Report not written", why)));
    }

    @FXML void onCancel() { vm.cancel(); }
}
