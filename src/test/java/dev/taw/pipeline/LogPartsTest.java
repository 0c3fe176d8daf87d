// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.analysis.Analysis;
import dev.taw.baseline.Baseline;
import dev.taw.geo.GeoIp;
import dev.taw.io.FlowView;
import dev.taw.io.ImportResult;
import dev.taw.io.TableUnion;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.Table;
import dev.taw.table.TableBytes;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log handled in parts, without Spark: cut by address pair, joined, cut by host, scored part by part, every row
 * gets the score the whole log gives it, for any number of parts; rows survive the trip through bytes exactly.
 */
class LogPartsTest {
    @TempDir Path tmp;

    @Test
    void rowsComeBackFromBytesExactly() {
        ImportResult alb = LogParts.read(Path.of("sample-data", "alb-access-sample.log"), "alb.log");
        Table t = alb.table();
        int[] rows = {17, 3, 3000, 0, 42, 1999};
        Table back = TableBytes.read(TableBytes.write(t, rows));
        assertEquals(t.columns().size(), back.columns().size());
        for (int c = 0; c < t.columns().size(); c++) {
            Column a = t.columns().get(c), b = back.columns().get(c);
            assertEquals(a.name(), b.name());
            assertEquals(a.getClass(), b.getClass());
            for (int i = 0; i < rows.length; i++) {
                assertEquals(a.format(rows[i]), b.format(i), a.name());
                assertEquals(a.isMissing(rows[i]), b.isMissing(i), a.name());
                if (a instanceof TimeColumn ta) assertEquals(ta.micros(rows[i]), ((TimeColumn) b).micros(i), "ALB's microseconds");
            }
        }
        t.roles().forEach((role, col) -> assertEquals(col.name(), back.roles().get(role).name(), role.name()));
        for (int i = 0; i < rows.length; i++) assertEquals(t.sourceLines()[rows[i]], back.sourceLines()[i]);
    }

    @Test
    void everyRowScoresAsInTheWholeLogHoweverTheLogIsCut() throws IOException {
        Path model = tmp.resolve("vpc.model");
        AnalysisPipeline desktop = new AnalysisPipeline();
        ImportResult whole = desktop.importFile(Path.of("sample-data", "vpc-flow-sample.log"), ProgressListener.NONE, new CancelToken());
        Analysis trained = desktop.analyze(whole, dev.taw.features.FeatureSet.all(), dev.taw.model.ForestSettings.defaults(), ProgressListener.NONE,
                new CancelToken());
        Baseline b = desktop.saveModel(trained, "vpc", model);
        Analysis judged = desktop.withBaseline(b, "vpc.model").analyze(whole, null, b.settings(null, null), ProgressListener.NONE, new CancelToken());
        Map<Integer, Double> want = new HashMap<>();
        for (int r = 0; r < judged.table().rowCount(); r++) want.put(judged.table().sourceLines()[r], judged.scores()[r]);

        ImportResult read = LogParts.read(Path.of("sample-data", "vpc-flow-sample.log"), "vpc-flow-sample.log");
        TableUnion.Layout layout = TableUnion.Layout.of(List.of(read.table()));
        for (int parts : new int[] {1, 3, 7}) {
            byte[][] byPair = LogParts.split(read.table(), LogParts.byAddressPair(read.table(), FlowView.CONNECTIONS, parts), parts);
            List<List<byte[]>> byHost = new ArrayList<>();
            for (int p = 0; p < parts; p++) byHost.add(new ArrayList<>());
            for (byte[] pair : byPair) {
                if (pair == null) continue;
                Table joined = LogParts.joinConnections(LogParts.union(List.of(pair), layout));
                byte[][] cut = LogParts.split(joined, LogParts.byHost(joined, parts), parts);
                for (int p = 0; p < parts; p++) if (cut[p] != null) byHost.get(p).add(0, cut[p]); // out of order on purpose
            }
            TableUnion.Layout scoring = LogParts.joinedLayout(layout, true);
            int seen = 0;
            for (List<byte[]> host : byHost) {
                if (host.isEmpty()) continue;
                LogParts.Scored s = LogParts.score(LogParts.union(host, scoring), b, "vpc.model", 0.05, 0.01, GeoIp.bundled());
                TextColumn file = (TextColumn) s.table().column(TableUnion.SOURCE_FILE).orElseThrow();
                for (int r = 0; r < s.table().rowCount(); r++) {
                    assertEquals("vpc-flow-sample.log", file.format(r));
                    Double w = want.get(s.table().sourceLines()[r]);
                    assertEquals(Double.doubleToRawLongBits(w), Double.doubleToRawLongBits(s.scores()[r]), parts + " parts, line " + s.table().sourceLines()[r]);
                    if (r > 0) assertTrue(s.table().sourceLines()[r - 1] < s.table().sourceLines()[r], "a part's rows are in file order");
                    seen++;
                }
            }
            assertEquals(judged.table().rowCount(), seen, parts + " parts: every connection once");
        }
    }

    /** With a context window, one busy address's windows go to several parts, and each window's rows to one. */
    @Test
    void withAWindowAnAddressIsCutByWindowAndEachWindowStaysWhole() {
        Table t = LogParts.read(Path.of("sample-data", "alb-access-sample.log"), "alb.log").table();
        long tenMinutes = 600_000L;
        int[] whole = LogParts.byHost(t, 7), windowed = LogParts.byHost(t, 7, tenMinutes);
        dev.taw.features.HostKeys keys = dev.taw.features.IpProfile.of(t, tenMinutes).hosts();
        var ip = t.text(dev.taw.table.Role.SRC_IP).orElseThrow();
        java.util.Map<Integer, Integer> partOfHost = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<Integer>> partsOfAddress = new java.util.HashMap<>();
        java.util.Map<String, Integer> partOfAddress = new java.util.HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            Integer before = partOfHost.putIfAbsent(keys.code(r), windowed[r]);
            assertTrue(before == null || before == windowed[r], "a host's window in one part");
            partsOfAddress.computeIfAbsent(ip.format(r), k -> new java.util.HashSet<>()).add(windowed[r]);
            Integer wholeBefore = partOfAddress.putIfAbsent(ip.format(r), whole[r]);
            assertTrue(wholeBefore == null || wholeBefore == whole[r], "over the whole log an address is in one part");
        }
        assertTrue(partsOfAddress.values().stream().anyMatch(p -> p.size() > 2), "a busy address's windows spread over parts");
    }

    @Test
    void theHostSampleIsTheSameForTheSameSeedAndAboutTheShareAsked() {
        int chosen = 0, again = 0;
        for (int i = 0; i < 10_000; i++) {
            String ip = "10." + (i / 256) + "." + (i % 256) + ".7";
            if (LogSample.chosen(ip, 0.2, 7)) chosen++;
            if (LogSample.chosen(ip, 0.2, 7) == LogSample.chosen(ip, 0.2, 7)) again++;
        }
        assertEquals(10_000, again);
        assertTrue(chosen > 1_800 && chosen < 2_200, chosen + " of 10,000 hosts at 0.2");
        assertTrue(Files.exists(Path.of("sample-data", "vpc-flow-sample.log")));
    }
}
