// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.table;

import dev.taw.analysis.Formats;
import dev.taw.analysis.Investigation;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import dev.taw.ui.common.Background;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The rows in view, most suspicious first. Virtualized: the items are a view over an {@code int[]} of row
 * indices, so a million rows cost four megabytes, and cells are made only for visible rows. Clicking a
 * header sorts on a background thread and swaps the order in when done.
 */
public final class RowTable extends TableView<Integer> {
    /**
     * A suspicious row's state, {@code .table-row-cell:suspicious} in the style sheet. A pseudo-class and not a style
     * class: a row's style classes changed as it was given a new row restyled it and every cell in it from scratch
     * (the style sheet's selectors matched again), 50-60 ms of one frame for a Run's first rows on 2 cores, where a
     * pseudo-class only switches between styles already matched.
     */
    static final PseudoClass SUSPICIOUS = PseudoClass.getPseudoClass("suspicious");

    private Investigation investigation;
    /** Bumped with each investigation shown: a row keeps its item when a Run leaves it where it was, and asks again. */
    private final javafx.beans.property.LongProperty shownCount = new javafx.beans.property.SimpleLongProperty();
    /** The table whose columns are shown. */
    private Table columnsOf;
    private long sortGeneration;
    /** Set while new rows go in: TableView asks its sort policy again when the items change. */
    private boolean replacingRows;

    private final Background background;

    public RowTable(Background background) {
        this.background = background;
        setId("row-table");
        setPlaceholder(new javafx.scene.control.Label("No rows yet: open a file"));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setSortPolicy(t -> {
            if (!replacingRows) sortInBackground();
            return true;
        });
        setRowFactory(t -> new Row());
    }

    /**
     * Makes the columns of {@code t} when they are not those shown, with no rows yet: a frame before {@link #show},
     * so that a new file's headers and its first cells are not all laid out in one frame. A table with the same
     * columns as the one shown (the next day's log of the same kind) keeps them, with the widths and order the
     * analyst gave them, and the cells already made: a re-opened million-row file's first frame of rows took
     * 60-80 ms when every column was made anew.
     */
    public void prepare(Table t) {
        if (t == columnsOf) return;
        investigation = null;
        setRows(new int[0]);
        boolean same = columnsOf != null && sameColumns(columnsOf, t);
        columnsOf = t;
        if (!same) buildColumns(t);
    }

    /** The same names, each of the same kind, in the same order. */
    static boolean sameColumns(Table a, Table b) {
        if (a.columns().size() != b.columns().size()) return false;
        for (int i = 0; i < a.columns().size(); i++) {
            Column x = a.columns().get(i), y = b.columns().get(i);
            if (!x.name().equals(y.name()) || x.getClass() != y.getClass()) return false;
        }
        return true;
    }

    public void show(Investigation inv) {
        prepare(inv.analysis().table());
        investigation = inv;
        sortGeneration++;
        replacingRows = true;
        try {
            getSortOrder().clear();
        } finally {
            replacingRows = false;
        }
        setRows(inv.rowsByScore());
        shownCount.set(shownCount.get() + 1);
    }

    private void setRows(int[] rows) {
        replacingRows = true;
        try {
            setItems(FXCollections.observableList(new IntList(rows)));
        } finally {
            replacingRows = false;
        }
    }

    public Investigation investigation() { return investigation; }

    /**
     * A row, marked {@link #SUSPICIOUS} by the label of the row it shows. TableView gives a row (and its cells) a new
     * item only when the item differs, and a Run or a new contamination that leaves row 39 in the same place changes
     * its label and score but not its item: the row, and the cells of the columns a run makes ({@link RunCell}), then
     * ask again. Weakly, so rows the table lets go are not held by the table.
     */
    private final class Row extends TableRow<Integer> {
        private final ChangeListener<Number> relabel = (o, a, b) -> mark();

        Row() {
            shownCount.addListener(new WeakChangeListener<>(relabel));
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            mark();
        }

        private void mark() {
            Integer row = getItem();
            pseudoClassStateChanged(SUSPICIOUS, !isEmpty() && row != null && investigation != null && investigation.labels()[row] < 0);
        }
    }

    /** A cell of a column a run makes (score, label): it reads its text again when another run is shown. */
    private final class RunCell extends TableCell<Integer, String> {
        private final ChangeListener<Number> reread = (o, a, b) -> {
            if (!isEmpty() && getIndex() >= 0 && getTableColumn() != null) updateItem(getTableColumn().getCellData(getIndex()), false);
        };

        RunCell() {
            shownCount.addListener(new WeakChangeListener<>(reread));
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }
    }

    /** The columns of tables laid out as {@code t}: each reads the table shown when it is asked, not {@code t}. */
    private void buildColumns(Table t) {
        getColumns().clear();
        getColumns().add(column("line", LINE, r -> Integer.toString(columnsOf.sourceLines()[r])));
        for (TableColumn<Integer, String> fromRun : List.of(column("score", SCORE, r -> Formats.score(investigation.analysis().scores()[r])),
                column("label", LABEL, r -> investigation.labels()[r] < 0 ? "-1 suspicious" : "1 normal"))) {
            fromRun.setCellFactory(c -> new RunCell());
            getColumns().add(fromRun);
        }
        for (int i = 0; i < t.columns().size(); i++) {
            int at = i;
            String name = t.columns().get(i).name();
            TableColumn<Integer, String> col = column(name, at, r -> columnsOf.columns().get(at).format(r));
            col.setPrefWidth(Math.max(70, Math.min(220, name.length() * 9 + 20)));
            getColumns().add(col);
        }
    }

    /** What a column sorts by, kept as its user data: a column of the table, or one of these. */
    private static final int LINE = -1, SCORE = -2, LABEL = -3;

    /** The sort key of column {@code which} of {@code t} as {@code inv} sees it; text is ranked when asked, on the sorting thread. */
    private static IntToDoubleFunction key(int which, Table t, Investigation inv) {
        return switch (which) {
            case LINE -> r -> t.sourceLines()[r];
            case SCORE -> r -> inv.analysis().scores()[r];
            case LABEL -> r -> inv.labels()[r];
            default -> {
                Column c = t.columns().get(which);
                if (c instanceof NumberColumn nc) yield nc::get;
                if (c instanceof TimeColumn tc) yield r -> tc.get(r);
                yield textRank((TextColumn) c);
            }
        };
    }

    /** Sort key for text: the rank of each dictionary entry in alphabetical order. */
    private static IntToDoubleFunction textRank(TextColumn tc) {
        String[] dict = tc.dictionary();
        Integer[] order = new Integer[dict.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparing(i -> dict[i]));
        int[] rank = new int[dict.length];
        for (int i = 0; i < order.length; i++) rank[order[i]] = i;
        return r -> rank[tc.code(r)];
    }

    private TableColumn<Integer, String> column(String name, int key, java.util.function.IntFunction<String> text) {
        TableColumn<Integer, String> col = new TableColumn<>(name);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(text.apply(cd.getValue())));
        col.setUserData(key);
        col.setPrefWidth(90);
        return col;
    }

    /** Sorts the current rows by the first sort column off the FX thread; the newest request wins. */
    private void sortInBackground() {
        if (investigation == null || getSortOrder().isEmpty()) {
            if (investigation != null) setRows(investigation.rowsByScore());
            return;
        }
        TableColumn<Integer, ?> col = getSortOrder().get(0);
        int which = (Integer) col.getUserData();
        Table t = columnsOf;
        Investigation inv = investigation;
        boolean ascending = col.getSortType() == TableColumn.SortType.ASCENDING;
        int[] rows = inv.rowsByScore();
        long mine = ++sortGeneration;
        background.compute(() -> sorted(rows, key(which, t, inv), ascending), sorted -> {
            if (mine == sortGeneration) setRows(sorted);
        }, e -> { });
    }

    static int[] sorted(int[] rows, IntToDoubleFunction key, boolean ascending) {
        double[] k = new double[rows.length];
        Integer[] idx = new Integer[rows.length];
        for (int i = 0; i < rows.length; i++) {
            k[i] = key.applyAsDouble(rows[i]);
            idx[i] = i;
        }
        Comparator<Integer> c = Comparator.comparingDouble(i -> k[i]);
        Arrays.sort(idx, ascending ? c : c.reversed());
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = rows[idx[i]];
        return out;
    }

    /** A read-only list view of an int array. */
    static final class IntList extends AbstractList<Integer> {
        private final int[] a;

        IntList(int[] a) { this.a = a; }

        @Override public Integer get(int i) { return a[i]; }

        @Override public int size() { return a.length; }
    }
}
