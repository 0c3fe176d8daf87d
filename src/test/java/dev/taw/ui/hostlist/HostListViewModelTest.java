// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.hostlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.cli.ScoreCommand;
import dev.taw.report.Paper;
import dev.taw.ui.common.Background;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosts-list window's state without a window: jobs run at once on the test's thread. */
class HostListViewModelTest {
    @TempDir Path tmp;
    final HostListViewModel vm = new HostListViewModel(Background.sameThread());
    final List<String> failures = new ArrayList<>();

    @Test
    void aListIsReadThenReportedAndAFileThatIsNoListIsSaidInOneLine() throws Exception {
        Path hosts = tmp.resolve("hosts.csv");
        assertEquals(0, new ScoreCommand(new PrintStream(OutputStream.nullOutputStream()), System.err).run(new String[] {"sample-data/vpc-flow-sample.log",
            "-o", tmp.resolve("s.csv").toString(), "--hosts", hosts.toString(), "-q"}));
        vm.open(hosts, failures::add);
        assertTrue(failures.isEmpty(), failures.toString());
        int n = Files.readAllLines(hosts).size() - 1;
        assertEquals(n, vm.listProperty().get().hosts().size());
        assertTrue(vm.statusProperty().get().startsWith(String.format("%,d hosts, ", n)), vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());

        Path pdf = tmp.resolve("r.pdf");
        List<Path> done = new ArrayList<>();
        vm.exportReport(pdf, Paper.A4, done::add, failures::add);
        assertEquals(List.of(pdf), done);
        assertTrue(Files.size(pdf) > 10_000);
        assertTrue(vm.statusProperty().get().startsWith("Wrote " + pdf), vm.statusProperty().get());

        vm.exportReport(hosts, Paper.A4, done::add, failures::add);
        assertEquals(1, failures.size(), "the list itself is never written over");
        assertTrue(failures.get(0).endsWith("No file was written."), failures.get(0));

        HostListViewModel other = new HostListViewModel(Background.sameThread());
        other.open(Path.of("sample-data", "waf-sample.log"), failures::add);
        assertNull(other.listProperty().get());
        assertTrue(failures.get(1).contains("not a hosts list of the workbench") && !failures.get(1).contains("\n"), failures.get(1));
    }
}
