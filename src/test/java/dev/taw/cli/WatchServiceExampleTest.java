// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The systemd unit in installer/ runs a command line this workbench accepts, and stops as the watch expects. */
class WatchServiceExampleTest {
    @Test
    void theUnitsCommandParsesAndItsStopIsTheWatchs() throws Exception {
        List<String> unit = Files.readAllLines(Path.of("installer", "linux", "traffic-workbench-watch.service"));
        String exec = unit.stream().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow().substring("ExecStart=".length());
        String[] words = exec.split("\\s+");
        assertEquals("/opt/traffic-workbench/bin/traffic-workbench", words[0], "the .deb's launcher");
        assertEquals("watch", words[1]);
        WatchCommand.Options o = WatchCommand.Options.parse(Arrays.copyOfRange(words, 2, words.length));
        assertEquals(Path.of("/var/lib/traffic-workbench/alerts/alerts.jsonl.state"), o.state(), "the state goes beside the alerts");
        assertTrue(unit.contains("ReadWritePaths=" + o.alerts().getParent()), "the service may write where its alerts and state go");
        assertEquals(Duration.ofSeconds(30), o.interval());
        assertTrue(unit.contains("SuccessExitStatus=143"), "a stop by SIGTERM exits 143 after the hook saved the state: a success");
    }
}
