// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.table;

import dev.taw.analysis.Formats;
import dev.taw.analysis.IpStat;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Top suspicious source IPs: rows, suspicious rows, highest score and volume; a click selects the IP. */
public final class IpTable extends TableView<IpStat> {

    private java.util.function.Consumer<IpStat> onSelect = ip -> { };

    public IpTable() {
        setId("ip-table");
        // only a click or Enter selects: selection changes caused by new items must not add filters
        setRowFactory(t -> {
            javafx.scene.control.TableRow<IpStat> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) onSelect.accept(row.getItem());
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                onSelect.accept(getSelectionModel().getSelectedItem());
            }
        });
        setPlaceholder(new javafx.scene.control.Label("No suspicious source IPs"));
        getColumns().add(col("src_ip", IpStat::ip, 140));
        getColumns().add(col("country", IpStat::country, 70));
        getColumns().add(number("rows", IpStat::rows));
        getColumns().add(number("suspicious", IpStat::suspicious));
        getColumns().add(col("max score", s -> Formats.score(s.maxScore()), 80));
        getColumns().add(col("bytes in", s -> Formats.bytes(s.bytesIn()), 90));
        getColumns().add(col("bytes out", s -> Formats.bytes(s.bytesOut()), 90));
        getColumns().add(col("host score", s -> Double.isNaN(s.hostScore()) ? "" : Formats.score(s.hostScore()), 80));
        getColumns().add(col("why this host", IpStat::why, 420));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    public void setOnSelect(java.util.function.Consumer<IpStat> onSelect) {
        this.onSelect = onSelect;
    }

    public void show(List<IpStat> ips) {
        setItems(FXCollections.observableArrayList(ips));
    }

    private static TableColumn<IpStat, String> col(String name, Function<IpStat, String> f, double width) {
        TableColumn<IpStat, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<IpStat, Long> number(String name, java.util.function.ToLongFunction<IpStat> f) {
        TableColumn<IpStat, Long> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.applyAsLong(cd.getValue())));
        c.setPrefWidth(80);
        return c;
    }
}
