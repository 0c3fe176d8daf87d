// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.RowFilter;
import dev.taw.features.Feature;
import dev.taw.table.Role;
import dev.taw.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's state and actions without a window: jobs run at once on the test's thread. */
class WorkbenchViewModelTest {
    @TempDir
    Path tmp;

    private final WorkbenchViewModel vm = new WorkbenchViewModel(Background.sameThread());

    @Test
    void openingAFileImportsItAndRunsTheForest() {
        vm.open(TestData.seed());
        assertEquals(TestData.seed(), vm.fileProperty().get());
        assertNotNull(vm.analysisProperty().get());
        assertEquals(282, vm.investigationProperty().get().findings().rows());
        assertEquals(15, vm.investigationProperty().get().findings().suspicious());
        assertEquals(1, vm.fitCount());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("282 rows · 0 skipped"), vm.statusProperty().get());
    }

    @Test
    void contaminationAndFiltersRelabelWithoutARefit() {
        vm.open(TestData.seed());
        Analysis fitted = vm.analysisProperty().get();
        vm.contaminationProperty().set(0.1);
        assertEquals(29, vm.investigationProperty().get().findings().suspicious());
        vm.toggleFilter(new RowFilter.Equals(Role.SRC_IP, "155.91.45.242"));
        assertEquals(28, vm.investigationProperty().get().findings().rows());
        vm.toggleFilter(new RowFilter.Equals(Role.SRC_IP, "155.91.45.242"));
        assertEquals(282, vm.investigationProperty().get().findings().rows(), "a second click removes the filter");
        assertSame(fitted, vm.analysisProperty().get());
        assertEquals(1, vm.fitCount());
    }

    @Test
    void changedForestSettingsAskForARunAndTheRunRefits() {
        vm.open(TestData.seed());
        vm.seedProperty().set(7);
        assertTrue(vm.needsRunProperty().get());
        assertEquals("Settings changed: press Run (Ctrl+R) to refit", vm.statusProperty().get());
        vm.featuresProperty().set(vm.featuresProperty().get().with(Feature.BYTES_IN, false));
        vm.run();
        assertFalse(vm.needsRunProperty().get());
        assertEquals(2, vm.fitCount());
        assertFalse(vm.analysisProperty().get().matrix().features().contains(Feature.BYTES_IN));
        assertEquals(7, vm.analysisProperty().get().settings().seed());
    }

    /** The settings pane's "Count each host within": a new run counts each address per window, as --context-window does. */
    @Test
    void aContextWindowAsksForARunAndMakesHostsPerWindow() {
        vm.open(java.nio.file.Path.of("sample-data", "vpc-flow-sample.log"));
        int addresses = vm.investigationProperty().get().findings().hosts().size();
        vm.settingsModel().contextWindowProperty().set(dev.taw.model.ContextWindow.parse("10m"));
        assertTrue(vm.needsRunProperty().get(), "other hosts: a new fit");
        vm.run();
        assertEquals(600_000L, vm.analysisProperty().get().settings().contextWindow());
        var hosts = vm.investigationProperty().get().findings().hosts();
        assertTrue(hosts.size() > addresses, hosts.size() + " hosts per window from " + addresses + " addresses");
        assertTrue(hosts.stream().allMatch(h -> h.window() % 600_000L == 0), "each host has its ten-minute window");
        assertEquals("10 minutes", dev.taw.ui.settings.SettingsViewModel.windowName(600_000L));
        assertEquals("Whole log", dev.taw.ui.settings.SettingsViewModel.windowName(0));
    }

    @Test
    void aFileThatCannotBeReadReachesTheUserAndKeepsWhatWasOpen() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        vm.setOnImportFailed(failures::add);
        vm.open(TestData.seed());
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "not,a,log\n1,2,3\n");
        vm.open(bad);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).getMessage().contains("bad.csv"), failures.get(0).getMessage());
        assertEquals(TestData.seed(), vm.fileProperty().get(), "the data already open is unchanged");
        assertEquals(282, vm.investigationProperty().get().findings().rows());
    }

    @Test
    void aFailingRecomputationIsSaidNotSwallowed() {
        vm.open(TestData.seed());
        vm.filters().add(new BrokenFilter());
        assertTrue(vm.statusProperty().get().startsWith("Could not update the view: broken on purpose"), vm.statusProperty().get());
        assertEquals(282, vm.investigationProperty().get().findings().rows(), "the previous view stays");
        assertTrue(vm.isIdle());
    }

    @Test
    void nothingRunsBeforeAFileIsOpen() {
        vm.run();
        assertNull(vm.analysisProperty().get());
        assertEquals(0, vm.fitCount());
    }

    /** A filter whose evaluation fails, as a bug in a new filter would. */
    private record BrokenFilter() implements RowFilter {
        @Override public String describe() { return "broken"; }
        @Override public void apply(dev.taw.table.Table table, byte[] labels, java.util.BitSet into) { throw new IllegalStateException("broken on purpose"); }
    }
}
