// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.shell;

import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowFilter;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.ui.charts.ChartsPanel;
import dev.taw.ui.common.Dialogs;
import dev.taw.ui.common.UserSettings;
import dev.taw.ui.hostlist.HostListWindow;
import dev.taw.ui.table.HostTable;
import dev.taw.ui.table.HostsPane;
import dev.taw.ui.table.RowTable;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;

/** Wires the main window to the {@link WorkbenchViewModel}; handlers delegate, views render. */
public final class MainWindowController {
    private final WorkbenchViewModel vm;
    private final Dialogs dialogs;
    private final UserSettings settings;
    private final Supplier<Path> sampleFile;
    private final Exporting exports;

    @FXML BorderPane root;
    @FXML Menu recentMenu;
    @FXML javafx.scene.control.CheckMenuItem connectionsItem;
    @FXML MenuItem exportPdfItem, exportCsvItem, exportHostsItem, runItem, cancelItem, clearFiltersItem, skippedItem, openItem, sampleItem;
    @FXML FlowPane chips;
    @FXML Button clearFiltersButton, emptyOpenButton, emptySampleButton;
    @FXML VBox emptyState;
    @FXML Label fileLabel, summaryLabel, countryLabel, emptyFormats;
    @FXML MenuItem geoItem, bundledGeoItem, openFolderItem, saveModelItem, loadModelItem, stopModelItem;
    @FXML GridPane chartGrid;
    @FXML Tab rowsTab, ipsTab;
    @FXML TextArea detailText;
    @FXML StatusBar statusBar;

    private ChartsPanel charts;
    private final dev.taw.ui.common.FrameSteps frames = new dev.taw.ui.common.FrameSteps();
    /** The table whose rows the views last showed: a new one (a file opened) is laid out a view a frame. */
    private dev.taw.table.Table shownTable;
    private final RowTable rows;
    private FilterChips filterChips;
    private final HostsPane hosts = new HostsPane();

    /** What File ▸ Export does; the export view plugs in here. */
    public interface Exporting {
        void pdf(Window owner, Investigation investigation, WorkbenchViewModel vm);

        void csv(Window owner, Investigation investigation, WorkbenchViewModel vm);

        void hosts(Window owner, Investigation investigation, WorkbenchViewModel vm);
    }

    public MainWindowController(WorkbenchViewModel vm, Dialogs dialogs, UserSettings settings, Supplier<Path> sampleFile, Exporting exports) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.settings = settings;
        this.sampleFile = sampleFile;
        this.exports = exports;
        this.rows = new RowTable(vm.background());
    }

    @FXML
    void initialize() {
        charts = new ChartsPanel(chartGrid, vm::toggleFilter);
        inSceneWhileShown(rowsTab, rows);
        inSceneWhileShown(ipsTab, hosts);
        loadSettings();
        bindState();
        filterChips = new FilterChips(chips, vm.filters());
        emptyFormats.setText("Reads the " + dev.taw.io.LogFormat.listInWords() + " — plain or gzip, one file or a whole folder (File ▸ Open, Ctrl+O)");
        wireDragAndDrop();
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !vm.filters().isEmpty()) {
                vm.filters().clear();
                e.consume();
            }
        });
        hosts.table().setOnSelect(ip -> vm.toggleFilter(new RowFilter.Equals(dev.taw.table.Role.SRC_IP, ip.ip())));
        hosts.exportButton().setOnAction(e -> onExportHosts());
        hosts.exportButton().disableProperty().bind(vm.busyProperty().or(vm.investigationProperty().isNull()));
        rows.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showDetail(row));
        vm.setOnImportFailed(this::importFailed);
        vm.setOnImported(this::imported);
        refreshRecent();
        clearFiltersButton.setTooltip(new Tooltip("Remove every filter (Esc)"));
        emptyOpenButton.setTooltip(new Tooltip("Open a traffic log or a folder of them (Ctrl+O)"));
        emptySampleButton.setTooltip(new Tooltip("5,000 generated rows with injected incidents"));
        applyCountryDatabase(settings.countryDatabase());
    }

    /**
     * Gives {@code tab} its content only while it is the tab shown. A TabPane lays out and styles the content of every
     * tab, shown or not, each time it changes: the hosts table, hidden behind the rows, made and styled its rows for a new
     * file in a frame of 60-90 ms (2 cores) and changed them again at every Run. Out of the scene, a table takes its new
     * items at no cost, and lays out what is on screen when its tab is chosen.
     */
    private static void inSceneWhileShown(Tab tab, javafx.scene.Node content) {
        tab.setContent(tab.isSelected() ? content : null);
        tab.selectedProperty().addListener((o, was, shown) -> tab.setContent(shown ? content : null));
    }

    private void loadSettings() {
        vm.contaminationProperty().set(settings.contamination());
        vm.hostContaminationProperty().set(settings.hostContamination());
        vm.treesProperty().set(settings.trees());
        vm.seedProperty().set(settings.seed());
        vm.featuresProperty().set(settings.features());
    }

    private void bindState() {
        var busy = vm.busyProperty();
        var noData = vm.importedProperty().isNull();
        var noResult = vm.investigationProperty().isNull();
        runItem.disableProperty().bind(busy.or(noData));
        cancelItem.disableProperty().bind(busy.not());
        openItem.disableProperty().bind(busy);
        openFolderItem.disableProperty().bind(busy);
        exportCsvItem.disableProperty().bind(busy.or(noResult));
        exportPdfItem.disableProperty().bind(busy.or(noResult));
        exportHostsItem.disableProperty().bind(busy.or(noResult));
        skippedItem.disableProperty().bind(noData);
        var baseline = vm.baselineProperty();
        connectionsItem.disableProperty().bind(busy.or(baseline.isNotNull())); // a baseline reads flow logs in its own view
        vm.flowsProperty().addListener((o, a, v) -> connectionsItem.setSelected(v == dev.taw.io.FlowView.CONNECTIONS));
        // a model is made from a run fitted on its own file, not from one judged by another model
        saveModelItem.disableProperty().bind(busy.or(noResult).or(baseline.isNotNull()));
        loadModelItem.disableProperty().bind(busy);
        stopModelItem.disableProperty().bind(busy.or(baseline.isNull()));
        clearFiltersButton.disableProperty().bind(Bindings.isEmpty(vm.filters()));
        clearFiltersItem.disableProperty().bind(Bindings.isEmpty(vm.filters()));
        emptyState.visibleProperty().bind(noData.and(busy.not()));
        statusBar.textProperty().bind(Bindings.when(busy).then(Bindings.concat(vm.stageProperty(), "…")).otherwise(vm.statusProperty()));
        statusBar.progressProperty().bind(Bindings.when(busy).then(vm.progressProperty()).otherwise(0.0));
        vm.investigationProperty().addListener((o, a, inv) -> { if (inv != null) show(inv); });
        vm.fileProperty().addListener((o, a, f) -> fileLabel.setText(f == null ? "No file" : f.toString()));
    }

    private void show(Investigation inv) {
        List<Runnable> steps = new java.util.ArrayList<>();
        // a new file's row columns, the rows, then the hosts, each in a frame of its own: laid out together for the
        // first time, they held one frame 150 ms (a Run of the same file changes what they show, quick to lay out)
        java.util.function.UnaryOperator<Runnable> newFile = shownTable == inv.analysis().table() ? r -> r : dev.taw.ui.common.FrameSteps::alone;
        shownTable = inv.analysis().table();
        steps.add(newFile.apply(() -> rows.prepare(inv.analysis().table())));
        steps.add(newFile.apply(() -> rows.show(inv)));
        steps.add(newFile.apply(() -> {
            hosts.show(inv);
            ipsTab.setText(String.format(Locale.ROOT, "Source hosts (%,d)", inv.findings().hosts().size()));
            var against = inv.analysis().against();
            summaryLabel.setText(String.format(Locale.ROOT, "%,d rows in view, %,d suspicious; cut-off score %.3f%s",
                    inv.findings().rows(), inv.findings().suspicious(), inv.findings().cutOff(), against == null ? ""
                            : " · judged by the baseline " + against.name() + (against.drift().isEmpty() ? "" : " — warning: " + against.drift().get(0)
                            + (against.drift().size() > 1 ? " (and " + (against.drift().size() - 1) + " more)" : ""))));
            summaryLabel.setTooltip(against == null ? null : new Tooltip(against.name() + ", " + against.description()
                    + (against.drift().isEmpty() ? "" : "\n" + String.join("\n", against.drift()))));
        }));
        steps.addAll(charts.updates(inv));
        frames.run(steps);
        double c = vm.contaminationProperty().get();
        double hc = vm.hostContaminationProperty().get();
        int t = vm.treesProperty().get();
        long s = vm.seedProperty().get();
        FeatureSet f = vm.featuresProperty().get();
        vm.background().compute(() -> { // preferences write to disk: not on the FX thread
            settings.save(c, hc, t, s, f);
            return settings;
        }, u -> { }, e -> vm.statusProperty().set("Settings not saved: " + e.getMessage()));
    }

    private void showDetail(Integer row) {
        Investigation inv = vm.investigationProperty().get();
        if (row == null || inv == null) {
            detailText.clear();
            return;
        }
        vm.background().compute(() -> RowDetail.describe(inv, row), detailText::setText, e -> detailText.setText("Could not describe the row: " + e.getMessage()));
    }

    private void wireDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !vm.busyProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!root.getStyleClass().contains("drag-over")) root.getStyleClass().add("drag-over");
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.getStyleClass().remove("drag-over"));
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && filesDropped(e.getDragboard().getFiles());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** The drop target's decision: one file or one folder opens; several items say why not. */
    boolean filesDropped(List<File> files) {
        root.getStyleClass().remove("drag-over");
        if (files.size() != 1) {
            dialogs.error(window(), "Drop one file or folder", "Drop a single log file or one folder of logs (got " + files.size() + " items).");
            return false;
        }
        open(files.get(0).toPath());
        return true;
    }

    /** Opens a log in this window, or a hosts list (a Spark job's output folder, a --hosts file) in a window of its own. */
    public void open(Path path) {
        settings.setLastDirectory(path.toAbsolutePath().getParent());
        if (!HostListWindow.openIfHostList(window(), path, vm.background(), dialogs)) vm.open(path);
    }

    private void applyCountryDatabase(Path mmdb) {
        try {
            vm.useCountryDatabase(mmdb);
            countryLabel.setText("Countries for rows without one: " + (mmdb == null ? "bundled registry database (© NRO, CC BY 4.0)" : mmdb.getFileName()));
        } catch (IllegalArgumentException e) {
            dialogs.error(window(), "Not a country database", e.getMessage());
        }
    }

    private void imported(ImportResult r) {
        if (r.report().countrySource() != null) countryLabel.setText("Countries: " + r.report().countrySource());
        Path file = vm.fileProperty().get();
        // preferences are written to disk, and the first write loads an XML writer: 100 ms of one frame when done here
        vm.background().compute(() -> {
            settings.addRecent(file);
            return settings.recentFiles();
        }, this::showRecent, e -> { });
        if (r.report().skippedCount() > 0 || !r.report().warnings().isEmpty()) dialogs.skippedLines(window(), r.report());
    }

    private void importFailed(Throwable t) {
        String msg = t instanceof ImportException ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
        dialogs.error(window(), "Could not open the file", msg + (vm.importedProperty().get() != null ? "\n\nThe data already open is unchanged." : ""));
    }

    private void refreshRecent() {
        showRecent(settings.recentFiles());
    }

    private void showRecent(List<Path> files) {
        recentMenu.getItems().clear();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML void onOpen() { dialogs.chooseFileToOpen(window(), settings.lastDirectory()).ifPresent(this::open); }
    @FXML public void onOpenFolder() { dialogs.chooseFolder(window(), settings.lastDirectory()).ifPresent(this::open); }
    /** File ▸ Open Job Output: a Spark job's output folder (or any folder holding a hosts.csv and report.txt). */
    @FXML public void onOpenJobOutput() {
        dialogs.chooseFolder(window(), settings.lastDirectory()).ifPresent(p -> {
            if (!HostListWindow.openIfHostList(window(), p, vm.background(), dialogs)) dialogs.error(window(), "Not a job's output", p
                    + " has no hosts.csv and report.txt: choose the folder the Spark job wrote (its --output).");
        });
    }
    @FXML void onOpenSample() { open(sampleFile.get()); }
    @FXML void onRun() { vm.run(); }
    @FXML void onCancel() { vm.cancel(); }
    @FXML void onClearFilters() { vm.filters().clear(); }
    @FXML void onQuit() { Platform.exit(); }

    @FXML
    void onShowSkipped() {
        if (vm.importedProperty().get() != null) dialogs.skippedLines(window(), vm.importedProperty().get().report());
    }

    @FXML
    void onChooseCountryDatabase() {
        dialogs.chooseFileToOpen(window(), settings.lastDirectory()).ifPresent(p -> {
            try {
                vm.useCountryDatabase(p);
                settings.setCountryDatabase(p);
                countryLabel.setText("Countries for rows without one: " + p.getFileName() + " (applies to files opened from now on)");
            } catch (IllegalArgumentException e) {
                dialogs.error(window(), "Not a country database", e.getMessage());
            }
        });
    }

    @FXML
    void onBundledCountryDatabase() {
        settings.setCountryDatabase(null);
        applyCountryDatabase(null);
    }

    @FXML
    void onAbout() {
        AboutDialog.show(window());
    }

    @FXML
    void onExportPdf() {
        Investigation inv = vm.investigationProperty().get();
        if (inv != null) exports.pdf(window(), inv, vm);
    }

    @FXML
    void onExportCsv() {
        Investigation inv = vm.investigationProperty().get();
        if (inv != null) exports.csv(window(), inv, vm);
    }

    @FXML
    void onFlowView() {
        vm.showFlowsAs(connectionsItem.isSelected() ? dev.taw.io.FlowView.CONNECTIONS : dev.taw.io.FlowView.RECORDS);
    }

    @FXML
    void onSaveModel() {
        if (vm.analysisProperty().get() == null) return;
        String name = vm.fileProperty().get().getFileName().toString().replaceAll("(\\.csv|\\.log|\\.json)?(\\.gz)?$", "") + ".model";
        dialogs.chooseFileToSave(window(), name, "Baseline model", "model").ifPresent(target -> vm.saveModel(target, said -> { },
                e -> dialogs.error(window(), "Model not saved", e.getMessage() + "\nNo file was written.")));
    }

    @FXML
    void onLoadModel() {
        dialogs.chooseFileToOpen(window(), settings.lastDirectory()).ifPresent(p -> vm.loadModel(p,
                e -> dialogs.error(window(), "Cannot use this model", e.getMessage())));
    }

    @FXML
    void onStopModel() {
        vm.stopUsingModel();
    }

    @FXML
    void onExportHosts() {
        Investigation inv = vm.investigationProperty().get();
        if (inv != null) exports.hosts(window(), inv, vm);
    }

    /** True when no job, recomputation or view update is pending: what the window shows is final. */
    public boolean isSettled() {
        return vm.isIdle() && frames.isDone();
    }

    public RowTable rowTable() { return rows; }
    public HostTable ipTable() { return hosts.table(); }

    public HostsPane hostsPane() { return hosts; }

    public Tab hostsTab() { return ipsTab; }
    public ChartsPanel charts() { return charts; }
}
