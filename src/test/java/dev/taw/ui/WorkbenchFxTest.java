// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.TimeBucket;
import dev.taw.bench.TrafficGenerator;
import dev.taw.table.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle), driven as an analyst would: keys, clicks, a drop. */
class WorkbenchFxTest extends WindowFxTest {
    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    @Test
    void openingTheSeedByTheOpenActionShowsEveryChartWithTheRightTotals() throws Exception {
        openSeedWithShortcut();
        var c = w.controller();
        assertEquals(282L, (long) fx(() -> c.charts().countsTotal()));
        assertEquals(15L, fx(() -> c.charts().counts().getData().get(0).getData().get(1).getYValue().longValue()));
        assertEquals(282L, (long) fx(() -> c.charts().countries().shownTotal()), "7 countries, all shown");
        assertEquals(282L, (long) fx(() -> c.charts().timeline().buckets().stream().mapToLong(TimeBucket::rows).sum()));
        assertEquals(15L, (long) fx(() -> c.charts().timeline().buckets().stream().mapToLong(TimeBucket::suspicious).sum()));
        assertEquals(282L, (long) fx(() -> java.util.Arrays.stream(c.charts().scores().histogram().normal()).sum()
                + java.util.Arrays.stream(c.charts().scores().histogram().suspicious()).sum()));
        assertEquals(282L, (long) fx(() -> c.charts().protocols().shownTotal()));
        assertEquals(282, (int) fx(() -> c.charts().bytes().view().pointCount()));
        assertEquals(282, (int) fx(() -> c.rowTable().getItems().size()));
        assertEquals("165.225.240.79", fx(() -> c.ipTable().getItems().get(0).ip()));
        assertTrue(fx(() -> w.viewModel().statusProperty().get()).startsWith("282 rows · 0 skipped · 9 constant columns ignored"));
        assertFalse(fx(() -> lookup(".empty-state").query().isVisible()), "the empty state is gone");
    }

    @Test
    void anOpenedFileIsRememberedInOpenRecent() throws Exception {
        openSeedWithShortcut();
        Path seed = TestData.seed().toAbsolutePath();
        // written off the FX thread, then shown: wait for the menu rather than for the run
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> recentItems().stream().anyMatch(t -> t.startsWith(seed.getFileName() + "  —  "))));
        assertEquals(List.of(seed), new dev.taw.ui.common.UserSettings(prefs).recentFiles(), "kept in the preferences");
        assertFalse(fx(() -> recentMenu().isDisable()));
    }

    private javafx.scene.control.Menu recentMenu() {
        javafx.scene.control.MenuBar bar = lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof javafx.scene.control.Menu m && m.getText().replace("_", "").equals("Open Recent"))
                .map(i -> (javafx.scene.control.Menu) i).findFirst().orElseThrow();
    }

    private List<String> recentItems() {
        return recentMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText).toList();
    }

    @Test
    void aFileDroppedOnTheWindowOpens() throws Exception {
        Path copy = Files.copy(TestData.seed(), tmp.resolve("dropped.csv"));
        Node root = w.root();
        Boolean completed = fx(() -> {
            // the drag a file manager starts: a dragboard offering COPY of one file, built as the toolkit builds it
            Dragboard db = com.sun.javafx.scene.input.DragboardHelper.createDragboard(new DragSource());
            com.sun.javafx.scene.input.DragboardHelper.setDataAccessRestriction(db, false);
            db.setContent(Map.of(DataFormat.FILES, List.of(copy.toFile())));
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, db, 400, 300, 400, 300, TransferMode.COPY, null, null, null);
            Event.fireEvent(root, over);
            DragEvent drop = new DragEvent(DragEvent.DRAG_DROPPED, db, 400, 300, 400, 300, TransferMode.COPY, null, null, null);
            Event.fireEvent(root, drop);
            return over.isAccepted();
        });
        assertTrue(completed, "the window accepts a dragged file");
        waitIdle();
        assertEquals(copy, fx(() -> w.viewModel().fileProperty().get()));
        assertEquals(282, investigation().findings().rows());
    }

    /** The toolkit side of a drag from outside the application: holds the offered content, offers COPY. */
    private static final class DragSource implements com.sun.javafx.tk.TKClipboard {
        private final java.util.Map<DataFormat, Object> content = new java.util.HashMap<>();

        @Override public void setSecurityContext(java.security.AccessControlContext ctx) { }
        @Override public java.util.Set<DataFormat> getContentTypes() { return content.keySet(); }

        @SafeVarargs
        @Override public final boolean putContent(javafx.util.Pair<DataFormat, Object>... items) {
            content.clear();
            for (var p : items) content.put(p.getKey(), p.getValue());
            return true;
        }

        @Override public Object getContent(DataFormat f) { return content.get(f); }
        @Override public boolean hasContent(DataFormat f) { return content.containsKey(f); }
        @Override public java.util.Set<TransferMode> getTransferModes() { return java.util.EnumSet.of(TransferMode.COPY); }
        @Override public void setDragView(javafx.scene.image.Image image) { }
        @Override public void setDragViewOffsetX(double x) { }
        @Override public void setDragViewOffsetY(double y) { }
        @Override public javafx.scene.image.Image getDragView() { return null; }
        @Override public double getDragViewOffsetX() { return 0; }
        @Override public double getDragViewOffsetY() { return 0; }
    }

    @Test
    void aFolderOfLogsOpensFromTheMenu() throws Exception {
        Path day = Files.createDirectories(tmp.resolve("logs/2024/04/25"));
        Files.copy(TestData.resource("vpc/default-v2-with-header.log"), day.resolve("a.log"));
        Files.copy(TestData.seed(), tmp.resolve("logs/export.csv"));
        dialogs.nextOpen = tmp.resolve("logs");
        clickOn("#runButton");
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        waitIdle();
        assertEquals(286, investigation().findings().rows());
        assertTrue(fx(() -> w.viewModel().statusProperty().get()).startsWith("286 rows"), fx(() -> w.viewModel().statusProperty().get()));
    }

    @Test
    void aBarsTooltipGivesThatBarsCounts() throws Exception {
        openSeedWithShortcut();
        moveTo("#bar-suspicious-rows-by-source-country-NL");
        assertTrue(tooltipShown().startsWith("NL\n18 rows, "), tooltipShown());
        String other = fx(() -> ((javafx.scene.chart.CategoryAxis) w.controller().charts().countries().getXAxis()).getCategories().stream()
                .filter(v -> !v.equals("NL")).findFirst().orElseThrow());
        long rows = investigation().findings().countries().stream().filter(x -> x.value().equals(other)).findFirst().orElseThrow().rows();
        moveTo("#bar-suspicious-rows-by-source-country-" + other);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tooltipShown().startsWith(other + "\n"));
        assertTrue(tooltipShown().startsWith(other + "\n" + dev.taw.analysis.Formats.count(rows) + " rows, "), tooltipShown());
    }

    /** The text of the tooltip on screen, once one is. */
    private String tooltipShown() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(x -> x instanceof javafx.scene.control.Tooltip t && t.isShowing())));
        return fx(() -> javafx.stage.Window.getWindows().stream().filter(x -> x instanceof javafx.scene.control.Tooltip t && t.isShowing())
                .map(x -> ((javafx.scene.control.Tooltip) x).getText()).findFirst().orElse(""));
    }

    @Test
    void clickingACountryFiltersTheTableAndEveryOtherChart() throws Exception {
        openSeedWithShortcut();
        clickOn("#bar-suspicious-rows-by-source-country-NL");
        waitIdle();
        var c = w.controller();
        Investigation inv = investigation();
        assertEquals(18, inv.findings().rows());
        var country = inv.analysis().table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow();
        assertTrue(fx(() -> c.rowTable().getItems().stream().allMatch(r -> country.format(r).equals("NL"))));
        assertEquals(18, (int) fx(() -> c.rowTable().getItems().size()));
        assertEquals(List.of("165.225.240.79"), fx(() -> c.ipTable().getItems().stream().map(i -> i.ip()).toList()));
        assertEquals(18L, (long) fx(() -> c.charts().countsTotal()));
        assertEquals(18L, (long) fx(() -> c.charts().timeline().buckets().stream().mapToLong(TimeBucket::rows).sum()));
        assertEquals(18L, (long) fx(() -> c.charts().countries().shownTotal()));
        assertEquals(1, (int) fx(() -> lookup(".chip").queryAll().size()), "the filter shows as a chip");
        assertEquals("src_ip_country_code = NL  ×", fx(() -> lookup(".chip").queryButton().getText()));
        assertFalse(fx(() -> lookup(".chip").queryButton().isMnemonicParsing()), "the underscores of column names must show");
        push(KeyCode.ESCAPE);
        waitIdle();
        assertEquals(282, investigation().findings().rows(), "Esc clears the filters");
        assertEquals(0, (int) fx(() -> lookup(".chip").queryAll().size()));
    }

    @Test
    void selectingAnIpATimeBucketOrARegionOfTheBytesChartFiltersEverything() throws Exception {
        openSeedWithShortcut();
        var c = w.controller();
        // an IP in the suspicious-IP table
        clickIpRow(1);
        assertEquals(28, investigation().findings().rows(), "155.91.45.242 has 28 rows");
        assertEquals(List.of("155.91.45.242"), fx(() -> c.ipTable().getItems().stream().map(i -> i.ip()).toList()));
        push(KeyCode.ESCAPE);
        waitIdle();
        // a bucket of the timeline: click the middle of the first bar
        var timeline = c.charts().timeline();
        TimeBucket first = fx(() -> timeline.buckets().get(0));
        javafx.geometry.Point2D p = fx(() -> timeline.localToScreen(timeline.centreOf(0), timeline.getHeight() - 60));
        clickOn(p);
        waitIdle();
        assertEquals(first.rows(), investigation().findings().rows());
        assertTrue(investigation().filters().get(0).describe().startsWith("time in 2024-04-25T23:00:00Z"), investigation().filters().toString());
        push(KeyCode.ESCAPE);
        waitIdle();
        // a rectangle on the bytes chart around the tiny sessions (bytes_in and bytes_out under ~1 kB)
        var bytes = c.charts().bytes();
        javafx.geometry.Point2D from = fx(() -> bytes.localToScreen(63, bytes.getHeight() - 41));
        var box = fx(() -> bytes.box(63, bytes.getHeight() - 41, 63 + (bytes.getWidth() - 78) * 3.0 / bytes.view().maxLog(),
                bytes.getHeight() - 41 - (bytes.getHeight() - 71) * 3.0 / bytes.view().maxLog()));
        javafx.geometry.Point2D to = fx(() -> bytes.localToScreen(63 + (bytes.getWidth() - 78) * 3.0 / bytes.view().maxLog(),
                bytes.getHeight() - 41 - (bytes.getHeight() - 71) * 3.0 / bytes.view().maxLog()));
        drag(from).dropTo(to);
        waitIdle();
        assertTrue(investigation().filters().get(0) instanceof dev.taw.analysis.RowFilter.BytesBox, investigation().filters().toString());
        long expected = java.util.stream.IntStream.range(0, 282).filter(r -> {
            double in = investigation().analysis().table().number(Role.BYTES_IN).orElseThrow().get(r);
            double out = investigation().analysis().table().number(Role.BYTES_OUT).orElseThrow().get(r);
            return in <= box.maxIn() && out <= box.maxOut();
        }).count();
        assertEquals(expected, investigation().findings().rows());
        assertTrue(expected >= 3 && expected < 20, "the tiny sessions: " + expected);
    }

    @Test
    void clickingAColumnHeaderSortsTheRows() throws Exception {
        openSeedWithShortcut();
        var table = w.controller().rowTable();
        var in = investigation().analysis().table().number(Role.BYTES_IN).orElseThrow();
        javafx.scene.Node header = fx(() -> table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                        && "bytes_in".equals(h.getTableColumn().getText()))
                .findFirst().orElseThrow());
        clickOn(header);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> in.get(table.getItems().get(0)) == 40.0));
        List<Integer> rows = fx(() -> List.copyOf(table.getItems()));
        for (int i = 1; i < rows.size(); i++) assertTrue(in.get(rows.get(i - 1)) <= in.get(rows.get(i)), "ascending at " + i);
        assertEquals(282, rows.size());
    }

    @Test
    void aFileWithTheSameColumnsKeepsTheColumnsAndTheirWidthsAndShowsItsOwnCells() throws Exception {
        openSeedWithShortcut();
        var table = w.controller().rowTable();
        List<javafx.scene.control.TableColumn<Integer, ?>> before = fx(() -> List.copyOf(table.getColumns()));
        var bytesIn = before.stream().filter(col -> "bytes_in".equals(col.getText())).findFirst().orElseThrow();
        interact(() -> bytesIn.setPrefWidth(333));
        List<String> lines = Files.readAllLines(TestData.seed());
        Path lastRows = tmp.resolve("last-rows.csv"); // another day's export: the same columns, other rows
        Files.write(lastRows, java.util.stream.Stream.concat(lines.stream().limit(1), lines.stream().skip(lines.size() - 150)).toList());
        dialogs.nextOpen = lastRows;
        push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> w.controller().isSettled() && w.viewModel().investigationProperty().get() != null
                && w.viewModel().investigationProperty().get().analysis().table().rowCount() == 150));
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.TableColumn<Integer, ?>> after = fx(() -> List.copyOf(table.getColumns()));
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) assertSame(before.get(i), after.get(i), "column " + before.get(i).getText() + " kept");
        assertEquals(333.0, fx(bytesIn::getPrefWidth), "the width the analyst gave it");
        var in = investigation().analysis().table().number(Role.BYTES_IN).orElseThrow();
        var lineNumbers = investigation().analysis().table().sourceLines();
        for (int i = 0; i < 20; i++) { // the cells read the new file, not the one whose columns they are
            int at = i;
            int row = fx(() -> table.getItems().get(at));
            assertEquals(in.format(row), fx(() -> bytesIn.getCellData(at)), "bytes_in of item " + i);
            assertEquals(Integer.toString(lineNumbers[row]), fx(() -> before.get(0).getCellData(at)), "line of item " + i);
        }
        // a log of another kind gets its own columns
        dialogs.nextOpen = Path.of("sample-data/vpc-flow-sample.log");
        push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> w.controller().isSettled() && w.viewModel().investigationProperty().get() != null
                && w.viewModel().investigationProperty().get().analysis().table().rowCount() != 150));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> table.getColumns().contains(bytesIn)), "the CSV's columns are gone");
        var flowTable = investigation().analysis().table();
        assertEquals(flowTable.columns().size() + 3, (int) fx(() -> table.getColumns().size()), "line, score, label, then the log's own");
        int first = fx(() -> table.getItems().get(0));
        assertEquals(flowTable.columns().get(0).format(first), fx(() -> table.getColumns().get(3).getCellData(0)));
    }

    @Test
    void suspiciousRowsAreShadedAndARowRelabelledNormalLosesItsShade() throws Exception {
        openSeedWithShortcut();
        interact(() -> ((javafx.scene.control.Slider) w.scene().lookup("#contaminationSlider")).setValue(0.02));
        waitIdle();
        assertEquals(6, investigation().findings().suspicious());
        assertEquals(Map.of(true, 6L), shading(true), "the six most suspicious rows, first in the table, shaded");
        assertTrue(shading(false).getOrDefault(false, 0L) >= 3, "the normal rows below them are not");
        interact(() -> ((javafx.scene.control.Slider) w.scene().lookup("#contaminationSlider")).setValue(0.1));
        waitIdle();
        assertEquals(29, investigation().findings().suspicious());
        assertFalse(shading(true).containsKey(false), "every row on screen is suspicious now, and shaded");
        interact(() -> ((javafx.scene.control.Slider) w.scene().lookup("#contaminationSlider")).setValue(0.02));
        waitIdle();
        assertEquals(Map.of(true, 6L), shading(true), "rows relabelled normal lose the shade");
    }

    /**
     * The visible rows of the row table whose label is suspicious ({@code suspicious} true) or normal, counted by whether
     * each is drawn in the suspicious shade; every row's state must agree with its label and its fill with its state.
     */
    private Map<Boolean, Long> shading(boolean suspicious) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        byte[] labels = investigation().labels();
        var shade = javafx.scene.paint.Color.web("#fff1e6");
        List<Object[]> rows = fx(() -> w.controller().rowTable().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty() && r.isVisible() && r.getItem() != null)
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .map(r -> new Object[] {r.getItem(), r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("suspicious")),
                        r.getBackground().getFills().get(r.getBackground().getFills().size() - 1).getFill(),
                        r.lookupAll(".table-cell").stream().map(c -> (javafx.scene.control.TableCell<?, ?>) c)
                                .filter(c -> c.getTableColumn() != null && "label".equals(c.getTableColumn().getText())).findFirst().orElseThrow().getText()})
                .toList());
        assertFalse(rows.isEmpty(), "rows on screen");
        Map<Boolean, Long> counts = new java.util.HashMap<>();
        for (Object[] r : rows) {
            boolean isSuspicious = labels[(Integer) r[0]] < 0;
            assertEquals(isSuspicious, r[1], "row " + r[0] + " marked as its label says");
            boolean shaded = shade.equals(r[2]);
            assertEquals(r[1], shaded, "row " + r[0] + " drawn as it is marked: " + r[2]);
            assertEquals(isSuspicious ? "-1 suspicious" : "1 normal", r[3], "row " + r[0] + "'s label cell");
            if (isSuspicious == suspicious) counts.merge(shaded, 1L, Long::sum);
        }
        return counts;
    }

    @Test
    void movingContaminationRelabelsWithoutARefit() throws Exception {
        openSeedWithShortcut();
        Analysis before = fx(() -> w.viewModel().analysisProperty().get());
        int fits = fx(() -> w.viewModel().fitCount());
        doubleClickOn("#contaminationField").write("0.1").push(KeyCode.ENTER);
        waitIdle();
        assertEquals(29, investigation().findings().suspicious());
        assertEquals(0.1, investigation().contamination(), 1e-12);
        assertSame(before, fx(() -> w.viewModel().analysisProperty().get()));
        assertEquals(fits, (int) fx(() -> w.viewModel().fitCount()));
        interact(() -> w.scene().lookup("#contaminationSlider").getClass()); // still there
        interact(() -> ((javafx.scene.control.Slider) w.scene().lookup("#contaminationSlider")).setValue(0.02));
        waitIdle();
        assertEquals(6, investigation().findings().suspicious(), "⌈0.02 · 282⌉");
        assertEquals(fits, (int) fx(() -> w.viewModel().fitCount()));
    }

    @Test
    void cancellingLeavesTheWindowUsableAndThePreviousDataInPlace() throws Exception {
        openSeedWithShortcut();
        Path big = tmp.resolve("big.csv.gz");
        new TrafficGenerator(7, 600_000).write(big, 600_000);
        dialogs.nextOpen = big;
        push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> w.viewModel().busyProperty().get()));
        clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !w.viewModel().busyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TestData.seed(), fx(() -> w.viewModel().fileProperty().get()), "the seed is still the open file");
        assertEquals(282, investigation().findings().rows());
        assertTrue(fx(() -> w.viewModel().statusProperty().get()).contains("cancelled"), fx(() -> w.viewModel().statusProperty().get()));
        assertFalse(fx(() -> lookup("#runButton").query().isDisabled()), "Run is available again");
        clickOn("#runButton");
        waitIdle();
        assertEquals(282, investigation().findings().rows());
    }

    @Test
    void aBadFileGivesAClearErrorAndThePreviousDataStays() throws Exception {
        openSeedWithShortcut();
        Path bad = tmp.resolve("capture.csv");
        Files.write(bad, new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0, 0});
        dialogs.nextOpen = bad;
        push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = lookup("#error-dialog").queryAs(DialogPane.class);
        assertNotNull(pane);
        assertTrue(pane.getContentText().contains("capture.csv: not a text file"), pane.getContentText());
        assertTrue(pane.getContentText().contains("unchanged"), pane.getContentText());
        assertEquals(TestData.seed(), fx(() -> w.viewModel().fileProperty().get()));
        assertEquals(282, investigation().findings().rows());
        interact(() -> pane.getScene().getWindow().hide());
    }
}
