// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.settings;

import dev.taw.features.FeatureSet;
import dev.taw.model.ForestSettings;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the analyst sets before a run: contamination, trees, seed and features, within the limits
 * {@link ForestSettings} itself enforces (so the window and the command line accept the same values).
 * Typed text is checked here; the controller only shows the verdict.
 */
public final class SettingsViewModel {
    public static final double MIN_CONTAMINATION = ForestSettings.MIN_CONTAMINATION, MAX_CONTAMINATION = ForestSettings.MAX_CONTAMINATION;
    public static final int MIN_TREES = ForestSettings.MIN_TREES, MAX_TREES = ForestSettings.MAX_TREES;

    private final DoubleProperty contamination = new SimpleDoubleProperty(ForestSettings.DEFAULT_CONTAMINATION);
    private final DoubleProperty hostContamination = new SimpleDoubleProperty(ForestSettings.DEFAULT_HOST_CONTAMINATION);
    private final IntegerProperty trees = new SimpleIntegerProperty(ForestSettings.DEFAULT_TREES);
    private final LongProperty seed = new SimpleLongProperty(ForestSettings.DEFAULT_SEED);
    private final ObjectProperty<FeatureSet> features = new SimpleObjectProperty<>(FeatureSet.all());
    private final LongProperty contextWindow = new SimpleLongProperty(dev.taw.model.ContextWindow.WHOLE_LOG);

    /** The context windows the pane offers, in ms (the command line takes any from 1m to 366d). */
    public static final java.util.List<Long> WINDOWS = java.util.List.of(0L, 3_600_000L, 6 * 3_600_000L, 86_400_000L, 7 * 86_400_000L);

    public DoubleProperty contaminationProperty() { return contamination; }
    public DoubleProperty hostContaminationProperty() { return hostContamination; }
    public IntegerProperty treesProperty() { return trees; }
    public LongProperty seedProperty() { return seed; }
    public ObjectProperty<FeatureSet> featuresProperty() { return features; }
    /** How long a host's context is counted over, in ms; 0 for the whole log. A change needs a new run. */
    public LongProperty contextWindowProperty() { return contextWindow; }

    /** "Whole log", "1 day", "6 hours": a window as the pane names it. */
    public static String windowName(long millis) {
        if (millis == dev.taw.model.ContextWindow.WHOLE_LOG) return "Whole log";
        String t = dev.taw.model.ContextWindow.text(millis);
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        String unit = switch (t.charAt(t.length() - 1)) { case 'd' -> "day"; case 'h' -> "hour"; default -> "minute"; };
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** The forest's settings now; sample size and extension level are the defaults, as the CLI's are. */
    public ForestSettings settings() {
        return new ForestSettings(trees.get(), contamination.get(), seed.get(), ForestSettings.DEFAULT_SAMPLE_SIZE, 0, hostContamination.get(),
                contextWindow.get());
    }

    /** Applies typed contamination ("0.05" or "0,05"). @return the problem in words, or empty when applied */
    public Optional<String> typeContamination(String text) {
        return type(text, contamination, "Contamination");
    }

    /** Applies a typed host contamination: the share of source hosts flagged; re-labels hosts, no refit. */
    public Optional<String> typeHostContamination(String text) {
        return type(text, hostContamination, "Host contamination");
    }

    private static Optional<String> type(String text, DoubleProperty target, String what) {
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            if (!(v >= MIN_CONTAMINATION && v <= MAX_CONTAMINATION)) throw new NumberFormatException();
            target.set(v);
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(what + " must be a number between " + format(MIN_CONTAMINATION) + " and " + format(MAX_CONTAMINATION));
        }
    }

    /** Applies a slider position, rounded to what the field shows. */
    public void slideContamination(double v) {
        contamination.set(Math.max(MIN_CONTAMINATION, Math.min(MAX_CONTAMINATION, Math.round(v * 1000) / 1000.0)));
    }

    /** Applies a typed seed. @return the problem in words, or empty when applied */
    public Optional<String> typeSeed(String text) {
        try {
            seed.set(Long.parseLong(text.strip()));
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("The seed must be a whole number");
        }
    }

    /** "0.05", "0.0001": the shortest text for a contamination. */
    public static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
