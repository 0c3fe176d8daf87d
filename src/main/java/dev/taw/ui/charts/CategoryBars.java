// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.charts;

import dev.taw.analysis.CategoryStat;
import dev.taw.analysis.Formats;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * Normal and suspicious rows per value of one column (country, protocol, port, status), stacked, at most
 * {@link #MAX_BARS} bars: the values with the most suspicious rows. Clicking a bar selects that value.
 */
public final class CategoryBars extends StackedBarChart<String, Number> {
    static final int MAX_BARS = 12;
    private final XYChart.Series<String, Number> normal = new XYChart.Series<>();
    private final XYChart.Series<String, Number> suspicious = new XYChart.Series<>();
    private Consumer<String> onSelect = v -> { };
    /**
     * One tooltip for every bar, given the bar's words as the pointer enters it: a tooltip is a popup window of its
     * own, and making 24 of them, with two regular expressions compiled per bar for its id, was most of the time of
     * showing twelve values (a Run's country chart 16-41 ms of one frame on a slow machine of 2 cores, 3-13 ms without).
     */
    private final Tooltip tooltip = new Tooltip();
    private static final Pattern NOT_WORD = Pattern.compile("\\W+");

    public CategoryBars(String title, String axisLabel) {
        super(new CategoryAxis(), new NumberAxis());
        setTitle(title);
        getXAxis().setLabel(axisLabel);
        getYAxis().setLabel("rows");
        setAnimated(false);
        setLegendVisible(true);
        normal.setName("normal");
        suspicious.setName("suspicious");
        getData().add(normal);
        getData().add(suspicious);
        getStyleClass().add("category-bars");
        tooltip.setShowDelay(Duration.millis(150));
    }

    public void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    /** Shows the stats; {@code selected} (may be null) is drawn highlighted. */
    public void show(List<CategoryStat> stats, String selected) {
        List<CategoryStat> shown = stats.subList(0, Math.min(MAX_BARS, stats.size()));
        ((CategoryAxis) getXAxis()).getCategories().setAll(shown.stream().map(CategoryStat::value).toList());
        normal.getData().setAll(shown.stream().map(s -> new XYChart.Data<String, Number>(s.value(), s.rows() - s.suspicious())).toList());
        suspicious.getData().setAll(shown.stream().map(s -> new XYChart.Data<String, Number>(s.value(), s.suspicious())).toList());
        String idPrefix = "bar-" + NOT_WORD.matcher(getTitle()).replaceAll("-").toLowerCase() + "-";
        for (int i = 0; i < shown.size(); i++) {
            CategoryStat s = shown.get(i);
            String tip = String.format("%s%n%s rows, %s suspicious (%s)", s.value(), Formats.count(s.rows()), Formats.count(s.suspicious()),
                    Formats.percent(s.rate()));
            String id = idPrefix + NOT_WORD.matcher(s.value()).replaceAll("_");
            decorate(normal.getData().get(i), s.value(), tip, id, s.value().equals(selected));
            decorate(suspicious.getData().get(i), s.value(), tip, id, s.value().equals(selected));
        }
    }

    private void decorate(XYChart.Data<String, Number> d, String value, String tip, String id, boolean selected) {
        Runnable apply = () -> {
            var node = d.getNode();
            if (node == null) return;
            Tooltip.install(node, tooltip);
            node.setOnMouseEntered(e -> tooltip.setText(tip));
            node.setOnMouseClicked(e -> onSelect.accept(value));
            node.getStyleClass().remove("selected-bar");
            if (selected) node.getStyleClass().add("selected-bar");
            node.setId(id);
        };
        if (d.getNode() != null) apply.run();
        else d.nodeProperty().addListener((o, a, b) -> apply.run());
    }

    /** Total of the shown bars (tests compare it with the findings). */
    public long shownTotal() {
        long t = 0;
        for (var s : getData()) for (var d : s.getData()) t += d.getYValue().longValue();
        return t;
    }
}
