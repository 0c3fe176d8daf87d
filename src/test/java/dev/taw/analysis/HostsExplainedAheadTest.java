// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.bench.TrafficGenerator;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's host list shows its first screenful as soon as an investigation arrives: their reasons are made with
 * the investigation, off the FX thread, and the hosts further down only when they are asked for.
 */
class HostsExplainedAheadTest {
    @Test
    void theFirstHostsOfTheListAreExplainedWithTheInvestigation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("traffic.csv");
        new TrafficGenerator(7, 20_000).write(file, 20_000);
        AnalysisPipeline p = new AnalysisPipeline();
        ImportResult r = p.importFile(file, ProgressListener.NONE, CancelToken.NEVER);
        Analysis a = p.analyze(r, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        HostScores hosts = a.hostScores();
        assertNotNull(hosts, "enough hosts for a host forest");

        Investigation summary = Investigation.of(a, 0.05, 0.01, List.of(), Investigation.Scope.SUMMARY);
        List<IpStat> listed = summary.findings().hosts();
        assertTrue(listed.size() > Investigation.HOSTS_EXPLAINED_AHEAD + 10, listed.size() + " hosts");
        assertFalse(hosts.explained(listed.get(0).code()), "the command line's summary explains the ten it prints itself");

        Investigation all = Investigation.of(a, 0.05, 0.01, List.of());
        List<IpStat> shown = all.findings().hosts();
        for (IpStat h : shown.subList(0, Investigation.HOSTS_EXPLAINED_AHEAD)) assertTrue(hosts.explained(h.code()), h.ip());
        assertFalse(hosts.explained(shown.get(shown.size() - 1).code()), "the last host waits until it is shown");
    }
}
