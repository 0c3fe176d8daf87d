// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.IpStat;
import dev.taw.analysis.RowFilter;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An empty byte count is filled for the forest, never counted as traffic: sums, the bytes filter and the chart leave it out. */
class MissingIsNotANumberTest {
    @TempDir
    Path tmp;

    @Test
    void anImputedByteCountIsNotTraffic() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestData.seed()));
        String ip = "155.91.45.242"; // the heavy client: 28 rows
        int blanked = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains("," + ip + ",") && blanked < 5) {
                lines.set(i, lines.get(i).replaceFirst("^\\d+", ""));
                blanked++;
            }
        }
        Path f = Files.write(tmp.resolve("gaps.csv"), lines);
        AnalysisPipeline p = new AnalysisPipeline();
        ImportResult imported = p.importFile(f, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(5, imported.report().imputedCount());
        Analysis a = p.analyze(imported, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        var in = a.table().number(dev.taw.table.Role.BYTES_IN).orElseThrow();
        double observed = 0;
        var ipColumn = a.table().text(dev.taw.table.Role.SRC_IP).orElseThrow();
        for (int r = 0; r < a.table().rowCount(); r++) if (ipColumn.format(r).equals(ip) && !in.isMissing(r)) observed += in.get(r);
        IpStat stat = a.findings(0.05, List.of(new RowFilter.Equals(dev.taw.table.Role.SRC_IP, ip))).hosts().get(0);
        assertEquals(observed, stat.bytesIn(), "the sum of what the file says, not of imputed medians");
        long inBox = RowFilter.view(a.table(), a.labels(0.05), List.of(new RowFilter.BytesBox(0, 1e15, 0, 1e15))).cardinality();
        assertEquals(a.table().rowCount() - 5, inBox, "a row without a byte count is in no box of the bytes chart");
        assertTrue(a.findings(0.05, List.of()).bytes().pointCount() <= a.table().rowCount() - 5);
    }

    @Test
    void aFlowLogsTrafficPathIsACategoryNotAnImputedNumber() throws IOException {
        String header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status traffic-path";
        Path f = Files.write(tmp.resolve("flows.log"), List.of(header,
                "5 1 eni-1 203.0.113.45 10.0.1.20 51544 443 6 12 4380 1714086000 1714086060 ACCEPT OK -",
                "5 1 eni-1 10.0.1.20 203.0.113.45 443 51544 6 12 4380 1714086000 1714086060 ACCEPT OK 8"));
        ImportResult r = new AnalysisPipeline().withFlows(dev.taw.io.FlowView.RECORDS).importFile(f, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(0, r.report().imputedCount(), r.report().imputedByColumn().toString());
        assertEquals("8", r.table().column("traffic-path").orElseThrow().format(1));
    }
}
