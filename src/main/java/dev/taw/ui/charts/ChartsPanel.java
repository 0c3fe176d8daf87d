// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.charts;

import dev.taw.analysis.Findings;
import dev.taw.analysis.Formats;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowFilter;
import dev.taw.table.Role;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * The linked charts of the findings: counts, bytes in/out, score distribution, countries, time, and
 * protocol/port/status breakdowns. Every click turns into a {@link RowFilter} handed to {@code onFilter};
 * the window applies it to all views.
 */
public final class ChartsPanel {
    private final BarChart<String, Number> counts = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final XYChart.Series<String, Number> countSeries = new XYChart.Series<>();
    private final BytesScatter bytes = new BytesScatter();
    private final ScoreHistogramView scores = new ScoreHistogramView();
    private final CategoryBars countries = new CategoryBars("Suspicious rows by source country", "src_ip_country_code");
    private final TimelineView timeline = new TimelineView();
    private final CategoryBars protocols = new CategoryBars("By protocol", "protocol");
    private final CategoryBars ports = new CategoryBars("By destination port", "dst_port");
    private final CategoryBars statuses = new CategoryBars("By response code", "response.code");
    private final TabPane breakdowns = new TabPane();
    private final Tab statusTab = new Tab("Response code", statuses);

    public ChartsPanel(GridPane grid, Consumer<RowFilter> onFilter) {
        counts.setTitle("Normal vs suspicious");
        counts.setAnimated(false);
        counts.setLegendVisible(false);
        counts.setId("counts-chart");
        counts.getYAxis().setLabel("rows");
        counts.getData().add(countSeries);
        bytes.setId("bytes-chart");
        scores.setId("score-chart");
        countries.setId("country-chart");
        timeline.setId("timeline-chart");
        protocols.setId("protocol-chart");
        ports.setId("port-chart");
        statuses.setId("status-chart");
        breakdowns.setId("breakdown-tabs");
        breakdowns.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        breakdowns.getTabs().addAll(new Tab("Protocol", protocols), new Tab("Port", ports), statusTab);
        grid.add(counts, 0, 0);
        grid.add(bytes, 1, 0);
        grid.add(scores, 2, 0);
        grid.add(countries, 0, 1);
        grid.add(timeline, 1, 1);
        grid.add(breakdowns, 2, 1);

        bytes.setOnSelect(onFilter::accept);
        countries.setOnSelect(v -> onFilter.accept(new RowFilter.Equals(Role.SRC_IP_COUNTRY_CODE, v)));
        protocols.setOnSelect(v -> onFilter.accept(new RowFilter.Equals(Role.PROTOCOL, v)));
        ports.setOnSelect(v -> onFilter.accept(new RowFilter.Equals(Role.DST_PORT, v)));
        statuses.setOnSelect(v -> onFilter.accept(new RowFilter.Equals(outcome, v)));
        timeline.setOnSelect(b -> onFilter.accept(new RowFilter.TimeRange(timeField, b.startMillis(), b.startMillis() + b.widthMillis())));
        this.onFilter = onFilter;
    }

    private final Consumer<RowFilter> onFilter;
    /** The column the outcome chart shows and filters by: the verdict where the log has one, else the HTTP status. */
    private Role outcome = Role.RESPONSE_CODE;
    /** The column the timeline buckets, so a clicked bucket filters on the same one. */
    private Role timeField = Role.TIME;

    /** The updates for one investigation, one per view, to be run on successive frames. */
    public List<Runnable> updates(Investigation inv) {
        Findings f = inv.findings();
        Role tf = dev.taw.table.Role.timeOf(inv.analysis().table());
        if (tf != null) timeField = tf;
        return List.of(
                () -> {
                    countSeries.getData().setAll(List.of(new XYChart.Data<>("normal (1)", f.normal()), new XYChart.Data<>("suspicious (-1)", f.suspicious())));
                    hookCount(countSeries.getData().get(0), false, f);
                    hookCount(countSeries.getData().get(1), true, f);
                },
                () -> bytes.show(f.bytes()),
                () -> scores.show(f.scores()),
                () -> countries.show(f.countries(), selected(inv, Role.SRC_IP_COUNTRY_CODE)),
                () -> timeline.show(f.timeline()),
                () -> protocols.show(f.protocols(), selected(inv, Role.PROTOCOL)),
                () -> ports.show(f.ports(), selected(inv, Role.DST_PORT)),
                () -> {
                    // flow logs and WAF logs have a verdict (ACCEPT/REJECT, ALLOW/BLOCK) where HTTP logs have a status
                    Role role = Role.outcomeOf(inv.analysis().table());
                    outcome = role == null ? Role.RESPONSE_CODE : role;
                    String column = inv.analysis().table().column(outcome).map(c -> c.name()).orElse(outcome.header());
                    statusTab.setText(outcome == Role.VERDICT ? "Verdict" : "Response code");
                    statuses.setTitle(outcome == Role.VERDICT ? "By verdict (" + column + ")" : "By response code");
                    statuses.getXAxis().setLabel(column);
                    statuses.show(f.responseCodes(), selected(inv, outcome));
                });
    }

    private void hookCount(XYChart.Data<String, Number> d, boolean suspicious, Findings f) {
        Runnable apply = () -> {
            d.getNode().getStyleClass().addAll(suspicious ? "default-color1" : "default-color0", suspicious ? "count-suspicious" : "count-normal");
            Tooltip.install(d.getNode(), new Tooltip(String.format("%s %s rows (%s)", Formats.count(d.getYValue().longValue()),
                    suspicious ? "suspicious" : "normal", Formats.percent(suspicious ? f.suspiciousRate() : 1 - f.suspiciousRate()))));
            d.getNode().setOnMouseClicked(e -> onFilter.accept(new RowFilter.Label(suspicious)));
            d.getNode().setId(suspicious ? "bar-suspicious" : "bar-normal");
        };
        if (d.getNode() != null) apply.run();
        else d.nodeProperty().addListener((o, a, b) -> { if (b != null) apply.run(); });
    }

    private static String selected(Investigation inv, Role field) {
        return inv.filters().stream().filter(x -> x instanceof RowFilter.Equals e && e.field() == field)
                .map(x -> ((RowFilter.Equals) x).value()).findFirst().orElse(null);
    }

    public BarChart<String, Number> counts() { return counts; }
    public CategoryBars countries() { return countries; }
    public TimelineView timeline() { return timeline; }
    public BytesScatter bytes() { return bytes; }
    public ScoreHistogramView scores() { return scores; }
    public CategoryBars protocols() { return protocols; }
    public CategoryBars ports() { return ports; }
    public CategoryBars statuses() { return statuses; }

    /** Sum of the counts chart's bars. */
    public long countsTotal() {
        return countSeries.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum();
    }
}
