// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.shell;

import dev.taw.analysis.RowFilter;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;

/** The active filters as chips above the charts: one per filter, its × removes it. */
final class FilterChips {
    static final String STYLE = "chip";

    private final Pane pane;
    private final ObservableList<RowFilter> filters;

    FilterChips(Pane pane, ObservableList<RowFilter> filters) {
        this.pane = pane;
        this.filters = filters;
        filters.addListener((ListChangeListener<RowFilter>) c -> render());
        render();
    }

    private void render() {
        pane.getChildren().clear();
        for (RowFilter f : filters) {
            Button chip = new Button(f.describe() + "  ×");
            chip.setMnemonicParsing(false);
            chip.getStyleClass().add(STYLE);
            chip.setTooltip(new Tooltip("Remove this filter"));
            chip.setOnAction(e -> filters.remove(f));
            pane.getChildren().add(chip);
        }
    }
}
