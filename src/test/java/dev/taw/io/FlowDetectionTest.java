// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.analysis.Findings;
import dev.taw.analysis.IpStat;
import dev.taw.bench.FlowLogGenerator;
import dev.taw.features.Feature;
import dev.taw.features.FeatureSet;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.Analysis;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.pipeline.CancelToken;
import dev.taw.pipeline.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection on a generated, labelled flow log. Today's row-level forest with the per-host flow features
 * ranks the brute-force, database-probe, beacon and exfiltration hosts first; the port scan, the SYN flood
 * and the sweep are hidden by their own volume and need host-level scoring (issue 7, still open).
 */
class FlowDetectionTest {
    @TempDir
    Path tmp;

    @Test
    void theFirstSuspiciousHostsAreIncidentsNotBackgroundNoise() throws IOException {
        FlowLogGenerator g = new FlowLogGenerator(7);
        Path log = tmp.resolve("flows.log");
        g.write(log);
        AnalysisPipeline p = new AnalysisPipeline();
        Analysis a = p.analyze(p.importFile(log, ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(), ForestSettings.defaults(),
                ProgressListener.NONE, CancelToken.NEVER);
        assertTrue(a.matrix().features().containsAll(List.of(Feature.REJECT_SHARE, Feature.PORT_BREADTH, Feature.HOST_BREADTH,
                Feature.SYN_ONLY_SHARE)), "flow logs switch the per-host features on: " + a.matrix().features());
        Findings f = a.findings(0.05, List.of());
        List<String> top = f.topIps().stream().limit(4).map(IpStat::ip).toList();
        assertTrue(g.attackers().keySet().containsAll(top), "top hosts " + top + " vs incidents " + g.attackers());
        assertEquals(11_194, a.table().rowCount());
    }
}
