// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.shell;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowFilter;
import dev.taw.baseline.Baseline;
import dev.taw.features.FeatureSet;
import dev.taw.io.FlowView;
import dev.taw.io.ImportResult;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.ui.common.Background;
import dev.taw.ui.common.FxBackground;
import dev.taw.ui.common.LatestWins;
import dev.taw.ui.settings.SettingsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's observable state and the actions on it. Holds no JavaFX nodes: controllers bind to it.
 * Import and run are background jobs with progress and cancel; contamination and filters re-derive the
 * {@link Investigation} latest-wins without refitting.
 */
public final class WorkbenchViewModel {
    private AnalysisPipeline pipeline = new AnalysisPipeline();
    private final Background background;
    private final LatestWins recompute;
    private final SettingsViewModel settings = new SettingsViewModel();
    private final ObservableList<RowFilter> filters = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImportResult> imported = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Investigation> investigation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsRun = new ReadOnlyBooleanWrapper();
    private final StringProperty status = new SimpleStringProperty("Drop a traffic log or a folder here, or File ▸ Open");
    private final StringProperty stage = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty recomputing = new SimpleBooleanProperty();
    private int fits;
    private final ObjectProperty<FlowView> flows = new SimpleObjectProperty<>(FlowView.CONNECTIONS);
    private final ReadOnlyObjectWrapper<Baseline> baseline = new ReadOnlyObjectWrapper<>();
    private String baselineName;

    private Background.Running running;
    private Consumer<Throwable> onImportFailed = t -> { };
    private Consumer<ImportResult> onImported = r -> { };

    /** The window's: jobs on daemon threads, results on the FX thread. */
    public WorkbenchViewModel() {
        this(new FxBackground());
    }

    /** @param background where jobs run and results land ({@link Background#sameThread()} in tests) */
    public WorkbenchViewModel(Background background) {
        this.background = background;
        this.recompute = background.latestWins(60);
        settings.contaminationProperty().addListener((o, a, b) -> refresh(true));
        settings.hostContaminationProperty().addListener((o, a, b) -> refresh(true));
        filters.addListener((javafx.collections.ListChangeListener<RowFilter>) c -> refresh(true));
        settings.treesProperty().addListener((o, a, b) -> settingsChanged());
        settings.seedProperty().addListener((o, a, b) -> settingsChanged());
        settings.contextWindowProperty().addListener((o, a, b) -> settingsChanged());
        settings.featuresProperty().addListener((o, a, b) -> settingsChanged());
    }

    public SettingsViewModel settingsModel() { return settings; }
    public Background background() { return background; }
    public DoubleProperty contaminationProperty() { return settings.contaminationProperty(); }
    public DoubleProperty hostContaminationProperty() { return settings.hostContaminationProperty(); }
    public IntegerProperty treesProperty() { return settings.treesProperty(); }
    public LongProperty seedProperty() { return settings.seedProperty(); }
    public ObjectProperty<FeatureSet> featuresProperty() { return settings.featuresProperty(); }
    public ObservableList<RowFilter> filters() { return filters; }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ImportResult> importedProperty() { return imported.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Analysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Investigation> investigationProperty() { return investigation.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The baseline every run is judged by (File ▸ Load Model), or null: each run fits on its own file. */
    public ReadOnlyObjectProperty<Baseline> baselineProperty() { return baseline.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty needsRunProperty() { return needsRun.getReadOnlyProperty(); }
    public StringProperty statusProperty() { return status; }
    public StringProperty stageProperty() { return stage; }
    public DoubleProperty progressProperty() { return progress; }
    public BooleanProperty recomputingProperty() { return recomputing; }

    /** How many forests were fitted so far: moving contamination must not add one. */
    public int fitCount() { return fits; }

    public void setOnImportFailed(Consumer<Throwable> c) { onImportFailed = c; }
    public void setOnImported(Consumer<ImportResult> c) { onImported = c; }

    public ForestSettings settings() {
        return settings.settings();
    }

    /**
     * Uses the analyst's own MaxMind database (null: the bundled one) for files opened from now on.
     * @throws IllegalArgumentException when the file is not a MaxMind database
     */
    public void useCountryDatabase(Path mmdb) {
        if (mmdb == null) {
            pipeline = new AnalysisPipeline();
        } else {
            pipeline = AnalysisPipeline.withCountryDatabase(mmdb);
        }
        pipeline = pipeline.withBaseline(baseline.get(), baselineName);
    }

    /**
     * File ▸ Load Model: reads the model in the background, then judges every run by it (the open file at once):
     * its features, forests and cut-offs; the contamination fields take the baseline's values.
     */
    public void loadModel(Path model, Consumer<Throwable> onFailed) {
        if (busy.get()) return;
        start("Loading model " + model.getFileName(), (p, c) -> AnalysisPipeline.loadModel(model), b -> {
            finishJob();
            baselineName = model.getFileName().toString();
            baseline.set(b);
            pipeline = pipeline.withBaseline(b, baselineName);
            boolean reread = flows.get() != b.trained().flows() && isFlowLogOpen();
            flows.set(b.trained().flows());
            settings.contaminationProperty().set(b.trained().settings().contamination());
            settings.hostContaminationProperty().set(b.trained().settings().hostContamination());
            settings.contextWindowProperty().set(b.trained().settings().contextWindow());
            status.set("Judging by the baseline " + baselineName + ", " + b.describe());
            if (reread) open(file.get());
            else if (imported.get() != null) run();
        }, error -> {
            finishJob();
            onFailed.accept(error);
        }, () -> {
            finishJob();
            status.set("Loading the model cancelled");
        });
    }

    /** Analysis ▸ Stop Using the Model: runs fit on their own file again. */
    public void stopUsingModel() {
        if (baseline.get() == null || busy.get()) return;
        baseline.set(null);
        baselineName = null;
        pipeline = pipeline.withBaseline(null, null);
        if (imported.get() != null) run();
    }

    /**
     * File ▸ Save Model: the baseline of the current run (fitted on its own file), written in the background.
     *
     * @param done called on the FX thread with the status line, or the failure
     */
    public void saveModel(Path target, Consumer<String> done, Consumer<Throwable> onFailed) {
        Analysis a = analysis.get();
        if (a == null || busy.get()) return;
        AnalysisPipeline p = pipeline;
        String from = file.get() == null ? "?" : file.get().getFileName().toString();
        start("Saving model " + target.getFileName(), (pr, c) -> p.saveModel(a, from, target), b -> {
            finishJob();
            String said = "Saved the model " + target.getFileName() + ": " + b.describe();
            status.set(said);
            done.accept(said);
        }, error -> {
            finishJob();
            onFailed.accept(error);
        }, () -> {
            finishJob();
            status.set("Saving the model cancelled; nothing was written");
        });
    }

    /** Flow logs as connections (the default) or as records; changing it re-opens the file in the new view. */
    public ObjectProperty<FlowView> flowsProperty() { return flows; }

    /** Switches the flow view and re-opens the current file when it is a flow log (other formats are the same in both). */
    public void showFlowsAs(FlowView view) {
        if (flows.get() == view) return;
        flows.set(view);
        if (isFlowLogOpen()) open(file.get());
    }

    /** A flow log is open: switching between connections and records means reading it again. */
    private boolean isFlowLogOpen() {
        ImportResult r = imported.get();
        return r != null && file.get() != null && r.report().format().contains("VPC flow");
    }

    /** Imports {@code path} in the background, then runs the forest with the current settings. */
    public void open(Path path) {
        if (busy.get()) cancel();
        AnalysisPipeline importer = pipeline.withFlows(flows.get());
        start("Importing " + path.getFileName(),
                (p, c) -> importer.importFile(path, p, c),
                result -> {
                    finishJob();
                    file.set(path);
                    recompute.invalidate();
                    investigation.set(null);
                    analysis.set(null);
                    filters.clear();
                    imported.set(result);
                    status.set(result.report().oneLine());
                    onImported.accept(result);
                    run();
                },
                error -> {
                    finishJob();
                    status.set(imported.get() == null ? "Could not open " + path.getFileName() : imported.get().report().oneLine());
                    onImportFailed.accept(error);
                },
                () -> {
                    finishJob();
                    status.set("Import cancelled; " + (imported.get() == null ? "nothing was loaded" : "the previous data is unchanged"));
                });
    }

    /** Fits and scores in the background with the current settings. */
    public void run() {
        ImportResult data = imported.get();
        if (data == null || busy.get()) return;
        ForestSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        FeatureSet f = settings.featuresProperty().get();
        start("Running Isolation Forest",
                (p, c) -> pipeline.analyze(data, f, s, p, c),
                result -> {
                    finishJob();
                    fits++;
                    analysis.set(result);
                    needsRun.set(false);
                    refresh(false);
                },
                error -> {
                    finishJob();
                    status.set("Run failed: " + error.getMessage());
                },
                () -> {
                    finishJob();
                    status.set("Run cancelled; " + (analysis.get() == null ? "no results yet" : "showing the previous results"));
                });
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    /** Starts one of the window's jobs: busy until it ends, its progress on the status bar. */
    private <T> void start(String title, Background.Job<T> job, Consumer<T> onDone, Consumer<Throwable> onFailed, Runnable onCancelled) {
        busy.set(true);
        running = background.start(title, job, (s, fraction) -> {
            stage.set(s == null ? "" : s);
            progress.set(fraction);
        }, onDone, onFailed, onCancelled);
        if (!busy.get()) running = null; // it ran at once (tests)
    }

    private void finishJob() {
        progress.set(0);
        stage.set("");
        running = null;
        busy.set(false);
    }

    private void settingsChanged() {
        if (analysis.get() != null) {
            needsRun.set(true);
            status.set("Settings changed: press Run (Ctrl+R) to refit");
        }
    }

    /**
     * Re-derives the investigation from stored scores: contamination and filters never refit.
     *
     * @param quiet wait for a slider or a run of clicks to settle first; not after a Run, whose results are final
     */
    private void refresh(boolean quiet) {
        Analysis a = analysis.get();
        if (a == null) return;
        double c = settings.contaminationProperty().get();
        double hc = settings.hostContaminationProperty().get();
        List<RowFilter> f = List.copyOf(filters);
        recomputing.set(true);
        java.util.function.Supplier<Investigation> work = () -> Investigation.of(a, c, hc, f);
        java.util.function.Consumer<Investigation> apply = inv -> {
            recomputing.set(false);
            if (analysis.get() != a) return;
            investigation.set(inv);
            var fi = inv.findings();
            String against = a.against() == null ? "" : "against " + a.against().name() + " · ";
            status.set(String.format("%s%s · %,d in view · %,d suspicious (%.1f %%) at contamination %s%s", against,
                    imported.get().report().oneLine(), fi.rows(), fi.suspicious(), 100 * fi.suspiciousRate(),
                    dev.taw.analysis.Formats.score(c).replaceAll("0+$", ""), f.isEmpty() ? "" : " · " + f.size() + " filter(s)"));
        };
        java.util.function.Consumer<Throwable> failed = error -> {
            recomputing.set(false);
            status.set("Could not update the view: " + error.getMessage() + " — the charts still show the previous view");
        };
        if (quiet) recompute.submit(work, apply, failed); else recompute.submitAtOnce(work, apply, failed);
    }

    /** Adds a filter unless the same one is active; a second click on the same bar removes it. */
    public void toggleFilter(RowFilter f) {
        if (!filters.remove(f)) filters.add(f);
    }

    public boolean isIdle() {
        return !busy.get() && recompute.isIdle() && !recomputing.get();
    }
}
