// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.table;

import dev.taw.analysis.Investigation;
import dev.taw.analysis.IpStat;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The host tab: every source host in view, ranked by host score, narrowed by address or country and to the
 * suspicious ones, sortable by any number, and exported whole as the hosts CSV.
 */
public final class HostsPane extends VBox {
    private final HostTable table = new HostTable();
    private final TextField search = new TextField();
    private final CheckBox suspiciousOnly = new CheckBox("Suspicious hosts only");
    private final Label count = new Label();
    private final Button export = new Button("Export Hosts CSV…");
    private FilteredList<IpStat> shown = new FilteredList<>(FXCollections.observableArrayList());

    public HostsPane() {
        setId("hosts-pane");
        search.setId("host-search");
        search.setPromptText("Address or country contains…");
        search.setTooltip(new Tooltip("Narrow the list to hosts whose address or country contains this text"));
        suspiciousOnly.setId("host-suspicious-only");
        export.setId("host-export");
        count.setId("host-count");
        HBox bar = new HBox(8, search, suspiciousOnly, count, export);
        HBox.setHgrow(search, Priority.SOMETIMES);
        bar.setPadding(new Insets(4));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
        search.textProperty().addListener((o, a, b) -> narrow());
        suspiciousOnly.selectedProperty().addListener((o, a, b) -> narrow());
    }

    public HostTable table() { return table; }

    public Button exportButton() { return export; }

    /** Shows the hosts of a new investigation, keeping the analyst's search and sort. */
    public void show(Investigation inv) {
        show(inv.findings().hosts(), inv.analysis()::explainHost, inv.analysis().windowedHosts());
    }

    /**
     * Shows ranked hosts whose reasons come from {@code why} (a run's, made for the rows on screen, or a hosts list's
     * own words); with {@code windowed}, each host's window start beside its address.
     */
    public void show(java.util.List<IpStat> hosts, java.util.function.Function<IpStat, String> why, boolean windowed) {
        table.setWhy(why);
        table.setWindowed(windowed);
        shown = new FilteredList<>(FXCollections.observableArrayList(hosts));
        SortedList<IpStat> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        narrow();
    }

    private void narrow() {
        String q = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        boolean onlySuspicious = suspiciousOnly.isSelected();
        // nothing to narrow by: no predicate at all, which a new list already has, so showing a new run's hosts does not
        // test each of them (tens of thousands, 15-20 ms of a frame) to keep them all
        shown.setPredicate(q.isEmpty() && !onlySuspicious ? null : h -> (!onlySuspicious || h.hostLabel() < 0)
                && (q.isEmpty() || h.ip().toLowerCase(Locale.ROOT).contains(q) || h.country().toLowerCase(Locale.ROOT).contains(q)));
        int all = shown.getSource().size();
        count.setText(shown.size() == all ? String.format(Locale.ROOT, "%,d hosts", all) : String.format(Locale.ROOT, "%,d of %,d hosts", shown.size(), all));
    }
}
