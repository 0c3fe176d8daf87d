// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.analysis.IpStat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The host tab in a real window: every host, searched, sorted, re-labelled by host contamination, exported. */
class HostsFxTest extends WindowFxTest {
    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    @Test
    void everyHostIsListedSearchedSortedRelabelledAndExported() throws Exception {
        dialogs.nextOpen = Path.of("sample-data", "vpc-flow-sample.log").toAbsolutePath();
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
        var table = w.controller().ipTable();
        int all = investigation().findings().hosts().size();
        assertEquals(707, all, "the sample's source hosts");
        assertEquals(all, (int) fx(() -> table.getItems().size()), "every host, not a top 25");
        assertEquals("Source hosts (707)", fx(() -> w.controller().hostsTab().getText()));
        long flagged = investigation().findings().hosts().stream().filter(h -> h.hostLabel() < 0).count();
        assertEquals(8, flagged, "1 % of 706 hosts, rounded up");

        // a hidden tab's content is out of the scene (not laid out with every run), its table filled all the same
        assertNull(fx(() -> w.controller().hostsPane().getScene()), "the hosts behind the rows tab");
        assertSame(w.scene(), fx(() -> w.controller().rowTable().getScene()));
        clickOn(lookup(".tab-label").match(l -> ((javafx.scene.control.Labeled) l).getText().startsWith("Source hosts")).queryAs(javafx.scene.Node.class));
        assertSame(w.scene(), fx(() -> w.controller().hostsPane().getScene()), "the hosts in the scene once their tab is chosen");
        assertNull(fx(() -> w.controller().rowTable().getScene()), "and the rows out of it");
        interact(() -> ((TextField) w.scene().lookup("#host-search")).setText("JP"));
        WaitForAsyncUtils.waitForFxEvents();
        List<IpStat> shown = fx(() -> List.copyOf(table.getItems()));
        assertTrue(!shown.isEmpty() && shown.size() < all && shown.stream().allMatch(h -> h.country().contains("JP") || h.ip().contains("JP")),
                shown.size() + " shown, search " + fx(() -> ((TextField) w.scene().lookup("#host-search")).getText()));
        assertEquals(String.format("%,d of %,d hosts", shown.size(), all), fx(() -> ((Label) w.scene().lookup("#host-count")).getText()));
        interact(() -> ((TextField) w.scene().lookup("#host-search")).clear());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(w.scene(), Path.of("target", "screenshots", "hosts-tab.png"));
        clickOn("#host-suspicious-only");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(flagged, (long) fx(() -> table.getItems().size()));
        clickOn("#host-suspicious-only");

        // sorting by a number sorts as numbers: the host with the most rows first
        interact(() -> {
            TableColumn<IpStat, ?> rows = table.getColumns().stream().filter(c -> c.getText().equals("rows")).findFirst().orElseThrow();
            rows.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(rows));
        });
        WaitForAsyncUtils.waitForFxEvents();
        long most = investigation().findings().hosts().stream().mapToLong(IpStat::rows).max().orElseThrow();
        assertEquals(most, (long) fx(() -> table.getItems().get(0).rows()));
        interact(() -> table.getSortOrder().clear());

        // a different host contamination re-labels the hosts without a refit
        interact(() -> {
            TextField f = (TextField) w.scene().lookup("#hostContaminationField");
            f.setText("0.05");
            f.fireEvent(new javafx.event.ActionEvent());
        });
        waitIdle();
        assertEquals(0.05, investigation().hostContamination());
        assertEquals(36, investigation().findings().hosts().stream().filter(h -> h.hostLabel() < 0).count(), "5 % of 706, rounded up");

        dialogs.nextSave = tmp.resolve("hosts.csv");
        clickOn("#host-export");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(dialogs.nextSave));
        waitIdle();
        List<String> lines = Files.readAllLines(dialogs.nextSave);
        assertEquals(all + 1, lines.size(), "a header and every host in view");
        assertEquals("Wrote " + dialogs.nextSave + ": all 707 hosts", fx(() -> w.viewModel().statusProperty().get()));
        assertEquals(36, lines.stream().skip(1).filter(l -> l.split(",")[4].equals("-1")).count(), "labels at the window's host contamination");
    }

    @Test
    void flowLogsOpenAsConnectionsAndTheMenuSwitchesToRecords() throws Exception {
        dialogs.nextOpen = Path.of("sample-data", "vpc-flow-sample.log").toAbsolutePath();
        push(KeyCode.CONTROL, KeyCode.O);
        waitIdle();
        assertEquals(6609, investigation().findings().rows(), "11,194 records joined into 6,609 connections");
        var bytes = investigation().findings().bytes();
        assertTrue(bytes.pointCount() > 0);
        interact(() -> {
            var item = (javafx.scene.control.CheckMenuItem) ((javafx.scene.control.MenuBar) w.scene().lookup(".menu-bar")).getMenus().stream()
                    .flatMap(m -> m.getItems().stream()).filter(i -> "Flow Logs as C_onnections".equals(i.getText())).findFirst().orElseThrow();
            item.setSelected(false);
            item.fire();
        });
        waitIdle();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> investigation() != null && investigation().findings().rows() == 11_194);
        assertEquals(11_194, investigation().findings().rows(), "one row per record again");
    }
}
