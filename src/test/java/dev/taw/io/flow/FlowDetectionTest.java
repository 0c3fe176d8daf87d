// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.HostScores;
import dev.taw.analysis.IpStat;
import dev.taw.bench.FlowLogGenerator;
import dev.taw.features.FeatureSet;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Detection per outside host on generated, labelled flow logs: seven incidents (port scan, SSH brute
 * force, SYN flood, database probes, network sweep, exfiltration, C2 beacon) among 400 web clients and
 * 300 hosts of background noise. Measured over seeds 1–5 when written: AUC 1.000 and all seven incidents
 * ranked 1–7 every time; the bars below leave room for the forest's randomness, not for a miss.
 */
public class FlowDetectionTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "generator and forest seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void incidentHostsRankFarAheadOfBackgroundNoise(long seed) throws IOException {
        FlowLogGenerator g = new FlowLogGenerator(seed);
        Path log = tmp.resolve("flows-" + seed + ".log");
        g.write(log);
        AnalysisPipeline p = new AnalysisPipeline();
        Analysis a = p.analyze(p.importFile(log, ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(),
                ForestSettings.defaults().withSeed(seed), ProgressListener.NONE, CancelToken.NEVER);
        HostScores hosts = a.hostScores();
        assertNotNull(hosts, "700 outside hosts: host scoring is on");
        TextColumn ip = a.table().text(Role.SRC_IP).orElseThrow();
        List<Double> bad = new ArrayList<>(), good = new ArrayList<>();
        for (int c = 1; c < ip.distinctCount(); c++) {
            String addr = ip.dictionary()[c];
            if (addr.startsWith("10.")) continue; // our own servers are not outside hosts
            (g.attackers().containsKey(addr) ? bad : good).add(hosts.score(c));
        }
        double auc = auc(bad, good);
        List<String> top = a.findings(0.05, List.of()).hosts().stream().limit(g.attackers().size()).map(IpStat::ip).toList();
        long hits = top.stream().filter(g.attackers()::containsKey).count();
        System.out.printf("seed %d: host AUC %.4f, precision@%d %.2f%n", seed, auc, top.size(), (double) hits / top.size());
        assertTrue(auc >= 0.99, "AUC " + auc);
        assertTrue(hits >= 6, "precision@7: " + hits + "/7, top " + top + " vs " + g.attackers());
        for (IpStat s : a.findings(0.05, List.of()).hosts().subList(0, 3)) assertTrue(!a.explainHost(s).isEmpty(), "explained: " + s);
        Map<String, String> kinds = g.attackers();
        assertEquals(7, kinds.size());
    }

    /** Share of (incident, other) pairs where the incident host scores higher; ties count half. */
    public static double auc(List<Double> bad, List<Double> good) {
        double wins = 0;
        for (double b : bad) for (double o : good) wins += b > o ? 1 : b == o ? 0.5 : 0;
        return wins / ((double) bad.size() * good.size());
    }
}
