// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.table;

import dev.taw.analysis.Formats;
import dev.taw.analysis.IpStat;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/**
 * Every source host, one row each: its judgement, rows, volume and when it was seen. Numbers sort as
 * numbers; a click or Enter selects the host. Virtualised: fifty thousand hosts cost only the rows on screen.
 */
public final class HostTable extends TableView<IpStat> {
    private Consumer<IpStat> onSelect = ip -> { };
    private Function<IpStat, String> why = ip -> "";
    private final TableColumn<IpStat, Double> window = number("window start", s -> s.window(), v -> time(v), 150);

    public HostTable() {
        setId("ip-table");
        // only a click or Enter selects: selection changes caused by new items must not add filters
        setRowFactory(t -> {
            TableRow<IpStat> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) onSelect.accept(row.getItem());
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) onSelect.accept(getSelectionModel().getSelectedItem());
        });
        setPlaceholder(new Label("No source hosts in view"));
        getColumns().add(text("src_ip", IpStat::ip, 140));
        window.setId("host-window");
        window.setVisible(false);
        getColumns().add(window);
        getColumns().add(text("country", IpStat::country, 60));
        getColumns().add(number("host score", IpStat::hostScore, v -> Double.isNaN(v) ? "" : Formats.score(v), 75));
        getColumns().add(text("host label", s -> s.hostLabel() < 0 ? "suspicious" : s.hostLabel() > 0 ? "normal" : "", 75));
        getColumns().add(number("rows", s -> s.rows(), v -> Formats.count(v.longValue()), 70));
        getColumns().add(number("suspicious", s -> s.suspicious(), v -> Formats.count(v.longValue()), 75));
        getColumns().add(number("max score", IpStat::maxScore, Formats::score, 70));
        getColumns().add(number("bytes in", IpStat::bytesIn, Formats::bytes, 80));
        getColumns().add(number("bytes out", IpStat::bytesOut, Formats::bytes, 80));
        getColumns().add(number("first seen", s -> s.firstSeen(), v -> time(v), 150));
        getColumns().add(number("last seen", s -> s.lastSeen(), v -> time(v), 150));
        TableColumn<IpStat, String> reasons = text("why this host", s -> why.apply(s), 420);
        reasons.setSortable(false); // sorting by it would make every host's reasons on the FX thread
        getColumns().add(reasons);
        // the analyst scrolls sideways rather than read "0…" in squeezed columns
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /** With a context window a host is an address within a window: the window's start is shown beside the address. */
    public void setWindowed(boolean windowed) {
        window.setVisible(windowed);
    }

    public void setOnSelect(Consumer<IpStat> onSelect) {
        this.onSelect = onSelect;
    }

    /** Where a host's reasons come from: made for the rows on screen only, and kept. */
    public void setWhy(Function<IpStat, String> why) {
        this.why = why;
    }

    private static String time(Double millis) {
        return millis == (double) IpStat.NEVER ? "" : Instant.ofEpochMilli(millis.longValue()).toString();
    }

    private static TableColumn<IpStat, String> text(String name, Function<IpStat, String> f, double width) {
        TableColumn<IpStat, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A column that sorts by the number and shows it formatted; a missing number (NaN) sorts last. */
    private static TableColumn<IpStat, Double> number(String name, ToDoubleFunction<IpStat> f, Function<Double, String> format, double width) {
        TableColumn<IpStat, Double> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(cd.getValue())));
        c.setComparator((a, b) -> Double.isNaN(a) ? (Double.isNaN(b) ? 0 : 1) : Double.isNaN(b) ? -1 : Double.compare(a, b));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(width);
        return c;
    }
}
