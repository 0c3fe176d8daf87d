// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.settings;

import dev.taw.features.Feature;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The settings pane: binds its controls to a {@link SettingsViewModel}; Run and Cancel are the window's. */
public final class SettingsController {
    /** What the pane needs from the window. */
    /** @param fixedFit true while a baseline is in use: its trees, seed and features are the model's, not the window's */
    public record Wiring(SettingsViewModel settings, Runnable run, Runnable cancel, ObservableBooleanValue busy, ObservableBooleanValue noData,
                        ObservableBooleanValue needsRun, Consumer<String> say, ObservableBooleanValue fixedFit) { }

    private final Wiring w;

    @FXML Slider contaminationSlider;
    @FXML TextField contaminationField, hostContaminationField, seedField;
    @FXML Spinner<Integer> treesSpinner;
    @FXML ChoiceBox<Long> windowChoice;
    @FXML VBox featureBox;
    @FXML Button runButton, cancelButton;
    @FXML Label needsRunLabel;

    public SettingsController(Wiring w) {
        this.w = w;
    }

    @FXML
    void initialize() {
        SettingsViewModel s = w.settings();
        contaminationSlider.setMin(SettingsViewModel.MIN_CONTAMINATION);
        contaminationSlider.setMax(SettingsViewModel.MAX_CONTAMINATION);
        contaminationSlider.setValue(s.contaminationProperty().get());
        contaminationSlider.valueProperty().addListener((o, a, b) -> s.slideContamination(b.doubleValue()));
        contaminationField.setText(SettingsViewModel.format(s.contaminationProperty().get()));
        s.contaminationProperty().addListener((o, a, b) -> {
            if (!contaminationField.isFocused()) contaminationField.setText(SettingsViewModel.format(b.doubleValue()));
            if (Math.abs(contaminationSlider.getValue() - b.doubleValue()) > 0.0005) contaminationSlider.setValue(b.doubleValue());
        });
        contaminationField.setOnAction(e -> applyContaminationField());
        contaminationField.focusedProperty().addListener((o, a, focused) -> { if (!focused) applyContaminationField(); });
        hostContaminationField.setText(SettingsViewModel.format(s.hostContaminationProperty().get()));
        s.hostContaminationProperty().addListener((o, a, b) -> {
            if (!hostContaminationField.isFocused()) hostContaminationField.setText(SettingsViewModel.format(b.doubleValue()));
        });
        hostContaminationField.setOnAction(e -> applyHostContaminationField());
        hostContaminationField.focusedProperty().addListener((o, a, focused) -> { if (!focused) applyHostContaminationField(); });
        treesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(SettingsViewModel.MIN_TREES, SettingsViewModel.MAX_TREES,
                s.treesProperty().get(), 10));
        treesSpinner.valueProperty().addListener((o, a, b) -> { if (b != null) s.treesProperty().set(b); });
        s.treesProperty().addListener((o, a, b) -> treesSpinner.getValueFactory().setValue(b.intValue()));
        windowChoice.getItems().setAll(SettingsViewModel.WINDOWS);
        windowChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Long v) { return v == null ? "" : SettingsViewModel.windowName(v); }
            @Override public Long fromString(String t) { return null; }
        });
        showWindow(s.contextWindowProperty().get());
        windowChoice.valueProperty().addListener((o, a, b) -> { if (b != null) s.contextWindowProperty().set(b); });
        s.contextWindowProperty().addListener((o, a, b) -> showWindow(b.longValue()));
        seedField.setText(Long.toString(s.seedProperty().get()));
        seedField.textProperty().addListener((o, a, b) -> mark(seedField, s.typeSeed(b)));
        s.seedProperty().addListener((o, a, b) -> { if (!seedField.isFocused()) seedField.setText(Long.toString(b.longValue())); });
        for (Feature f : Feature.values()) {
            CheckBox box = new CheckBox(f.label());
            box.setId("feature-" + f.name());
            box.setSelected(s.featuresProperty().get().contains(f));
            box.setTooltip(new Tooltip(f.description()));
            box.selectedProperty().addListener((o, a, on) -> s.featuresProperty().set(s.featuresProperty().get().with(f, on)));
            s.featuresProperty().addListener((o, a, set) -> box.setSelected(set.contains(f)));
            featureBox.getChildren().add(box);
        }
        runButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> w.busy().get() || w.noData().get(), w.busy(), w.noData()));
        cancelButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !w.busy().get(), w.busy()));
        var locked = javafx.beans.binding.Bindings.createBooleanBinding(() -> w.busy().get() || w.fixedFit().get(), w.busy(), w.fixedFit());
        treesSpinner.disableProperty().bind(locked);
        seedField.disableProperty().bind(locked);
        windowChoice.disableProperty().bind(locked);
        featureBox.disableProperty().bind(locked);
        needsRunLabel.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> w.needsRun().get(), w.needsRun()));
        needsRunLabel.managedProperty().bind(needsRunLabel.visibleProperty());
        contaminationSlider.setTooltip(new Tooltip("Share of rows to flag as suspicious; moving it re-labels instantly, no refit"));
        contaminationField.setTooltip(new Tooltip("Exact contamination, " + SettingsViewModel.format(SettingsViewModel.MIN_CONTAMINATION) + "–"
                + SettingsViewModel.format(SettingsViewModel.MAX_CONTAMINATION)));
        hostContaminationField.setTooltip(new Tooltip("Share of source hosts the host forest flags (host_label -1); re-labels instantly, no refit"));
        treesSpinner.setTooltip(new Tooltip("Number of isolation trees (" + SettingsViewModel.MIN_TREES + "–" + SettingsViewModel.MAX_TREES + "); needs a new run"));
        windowChoice.setTooltip(new Tooltip("A host is an address within one window of time (UTC-aligned): over a month of logs, a host that "
                + "scanned for one afternoon is judged on that day, not diluted by quiet weeks; needs a new run"));
        seedField.setTooltip(new Tooltip("Random seed: the same file, settings and seed give the same scores"));
        runButton.setTooltip(new Tooltip("Fit and score the Isolation Forest (Ctrl+R)"));
        cancelButton.setTooltip(new Tooltip("Stop the import or run; the previous results stay"));
    }

    /** A model's window may be one the pane does not list (the command line takes any): it is shown all the same. */
    private void showWindow(long millis) {
        if (!windowChoice.getItems().contains(millis)) windowChoice.getItems().add(millis);
        windowChoice.setValue(millis);
    }

    /** Applies what is typed in the contamination field (Run does too, so a value typed without Enter counts). */
    public void applyContaminationField() {
        mark(contaminationField, w.settings().typeContamination(contaminationField.getText()));
    }

    public void applyHostContaminationField() {
        mark(hostContaminationField, w.settings().typeHostContamination(hostContaminationField.getText()));
    }

    private void mark(TextField field, Optional<String> problem) {
        field.pseudoClassStateChanged(INVALID, problem.isPresent());
        problem.ifPresent(w.say());
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    @FXML void onRun() {
        applyContaminationField();
        applyHostContaminationField();
        w.run().run();
    }
    @FXML void onCancel() { w.cancel().run(); }
}
