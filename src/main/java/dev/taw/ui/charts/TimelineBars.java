// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.charts;

import dev.taw.analysis.Formats;
import dev.taw.analysis.TimeBucket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** Rows per time bucket (the core picks the width), suspicious on top; clicking a bucket selects its range. */
public final class TimelineBars extends StackedBarChart<String, Number> {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private final XYChart.Series<String, Number> normal = new XYChart.Series<>();
    private final XYChart.Series<String, Number> suspicious = new XYChart.Series<>();
    private Consumer<TimeBucket> onSelect = b -> { };

    public TimelineBars() {
        super(new CategoryAxis(), new NumberAxis());
        setTitle("Anomalies over time (UTC)");
        getYAxis().setLabel("rows");
        setAnimated(false);
        setCategoryGap(0);
        normal.setName("normal");
        suspicious.setName("suspicious");
        getData().add(normal);
        getData().add(suspicious);
    }

    public void setOnSelect(Consumer<TimeBucket> onSelect) {
        this.onSelect = onSelect;
    }

    public void show(List<TimeBucket> buckets) {
        List<String> labels = buckets.stream().map(b -> SHORT.format(Instant.ofEpochMilli(b.startMillis()))).toList();
        ((CategoryAxis) getXAxis()).getCategories().setAll(labels);
        normal.getData().setAll(java.util.stream.IntStream.range(0, buckets.size())
                .mapToObj(i -> new XYChart.Data<String, Number>(labels.get(i), buckets.get(i).rows() - buckets.get(i).suspicious())).toList());
        suspicious.getData().setAll(java.util.stream.IntStream.range(0, buckets.size())
                .mapToObj(i -> new XYChart.Data<String, Number>(labels.get(i), buckets.get(i).suspicious())).toList());
        for (int i = 0; i < buckets.size(); i++) {
            TimeBucket b = buckets.get(i);
            String tip = String.format("%s – %s UTC%n%s rows, %s suspicious", Instant.ofEpochMilli(b.startMillis()),
                    DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(b.startMillis() + b.widthMillis())),
                    Formats.count(b.rows()), Formats.count(b.suspicious()));
            hook(normal.getData().get(i), b, tip);
            hook(suspicious.getData().get(i), b, tip);
        }
    }

    private void hook(XYChart.Data<String, Number> d, TimeBucket b, String tip) {
        Runnable apply = () -> {
            Tooltip t = new Tooltip(tip);
            t.setShowDelay(Duration.millis(150));
            Tooltip.install(d.getNode(), t);
            d.getNode().setOnMouseClicked(e -> onSelect.accept(b));
        };
        if (d.getNode() != null) apply.run();
        else d.nodeProperty().addListener((o, x, y) -> { if (y != null) apply.run(); });
    }

    public long shownTotal() {
        long t = 0;
        for (var s : getData()) for (var d : s.getData()) t += d.getYValue().longValue();
        return t;
    }
}
