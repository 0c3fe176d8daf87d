// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.CategoryStat;
import dev.taw.analysis.Explanation;
import dev.taw.analysis.Findings;
import dev.taw.analysis.IpStat;
import dev.taw.analysis.RowFilter;
import dev.taw.analysis.TimeBucket;
import dev.taw.features.Feature;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.table.Role;
import dev.taw.table.TextColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole pipeline on the real seed export: sensible results out of the box. */
class SeedAnalysisTest {
    static final String HEAVY_CLIENT = "155.91.45.242"; // sends ~4.7 MB every ten minutes, up to 25 MB
    static final Set<String> SCANNERS = Set.of("65.49.1.72", "65.49.1.69", "192.241.205.18", "192.241.230.19"); // tiny sessions
    static ImportResult imported;
    static Analysis analysis;

    @BeforeAll
    static void run() {
        AnalysisPipeline p = new AnalysisPipeline();
        imported = p.importFile(TestData.seed(), ProgressListener.NONE, CancelToken.NEVER);
        analysis = p.analyze(imported, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
    }

    @Test
    void constantColumnsAreLeftOutOfTheModel() {
        assertEquals(List.of(Feature.BYTES_IN, Feature.BYTES_OUT, Feature.OUT_IN_RATIO, Feature.COUNTRY_RARITY, Feature.IP_RECORDS,
                Feature.IP_VOLUME_DEVIATION), analysis.matrix().features());
        assertEquals("same value in every row", analysis.matrix().leftOut().get(Feature.DST_PORT));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 1, 2, 3, 4})
    void theObviousOutliersComeFirst(long seed) {
        Analysis a = new AnalysisPipeline().analyze(imported, FeatureSet.all(), ForestSettings.defaults().withSeed(seed),
                ProgressListener.NONE, CancelToken.NEVER);
        Findings f = a.findings(0.05, List.of());
        List<String> flaggedIps = f.hosts().stream().filter(ip -> ip.suspicious() > 0).map(IpStat::ip).toList();
        assertTrue(flaggedIps.contains(HEAVY_CLIENT), "heavy client flagged: " + flaggedIps);
        assertTrue(flaggedIps.containsAll(Set.of("65.49.1.72", "192.241.205.18")), "one-off scanner sessions flagged: " + flaggedIps);
        // the ten highest-scoring rows are all scanner sessions or the heavy client's biggest transfers
        TextColumn ip = a.table().text(Role.SRC_IP).orElseThrow();
        Set<String> topTen = a.topRows(10, null).stream().map(ip::format).collect(Collectors.toSet());
        Set<String> expected = new java.util.HashSet<>(SCANNERS);
        expected.add(HEAVY_CLIENT);
        expected.add("165.225.240.79"); // NL client uploading ~2 MB with almost nothing back
        expected.add("165.225.209.4"); // its one 1.4 kB row among 26 kB ones
        assertTrue(expected.containsAll(topTen), "top ten rows: " + topTen);
    }

    @Test
    void findingsAddUpToTheRowCount() {
        Findings f = analysis.findings(0.05, List.of());
        assertEquals(282, f.rows());
        assertEquals(15, f.suspicious(), "⌈0.05 · 282⌉ = 15");
        assertEquals(282, f.countries().stream().mapToLong(CategoryStat::rows).sum());
        assertEquals(15, f.countries().stream().mapToLong(CategoryStat::suspicious).sum());
        assertEquals(List.of("HTTPS"), f.protocols().stream().map(CategoryStat::value).toList());
        assertEquals(282, f.timeline().stream().mapToLong(TimeBucket::rows).sum());
        assertEquals(15, f.timeline().stream().mapToLong(TimeBucket::suspicious).sum());
        assertEquals(600_000L, f.timeline().get(0).widthMillis(), "about 11 hours in 10-minute buckets");
        assertEquals(282, Arrays.stream(f.scores().normal()).sum() + Arrays.stream(f.scores().suspicious()).sum());
        assertEquals(15, Arrays.stream(f.scores().suspicious()).sum());
        assertEquals(282, Arrays.stream(f.bytes().normalGrid()).sum() + Arrays.stream(f.bytes().suspiciousGrid()).sum());
        assertEquals(282, f.bytes().pointCount(), "small files plot every row");
        assertEquals(28, f.hosts().size(), "every source host, not a top 25");
    }

    @Test
    void contaminationRelabelsFromStoredScoresWithoutARefit() {
        double[] before = analysis.scores();
        var forest = analysis.forest();
        assertEquals(29, analysis.findings(0.1, List.of()).suspicious(), "⌈0.1 · 282⌉ = 29");
        assertEquals(3, analysis.findings(0.01, List.of()).suspicious());
        assertSame(before, analysis.scores());
        assertSame(forest, analysis.forest());
    }

    @Test
    void filtersNarrowEveryBreakdown() {
        Findings nl = analysis.findings(0.05, List.of(new RowFilter.Equals(Role.SRC_IP_COUNTRY_CODE, "NL")));
        assertEquals(18, nl.rows());
        assertEquals(List.of("NL"), nl.countries().stream().map(CategoryStat::value).toList());
        assertEquals(List.of("165.225.240.79"), nl.hosts().stream().map(IpStat::ip).toList());
        assertEquals(18, nl.timeline().stream().mapToLong(TimeBucket::rows).sum());
        Findings susNl = analysis.findings(0.05, List.of(new RowFilter.Equals(Role.SRC_IP_COUNTRY_CODE, "NL"), new RowFilter.Label(true)));
        assertEquals(susNl.rows(), susNl.suspicious());
        assertEquals(nl.suspicious(), susNl.rows());
        Findings box = analysis.findings(0.05, List.of(new RowFilter.BytesBox(0, 100, 0, 1000)));
        assertEquals(Set.of("65.49.1.72", "192.241.205.18", "192.241.230.19"),
                box.hosts().stream().map(IpStat::ip).collect(Collectors.toSet()));
        Findings port = analysis.findings(0.05, List.of(new RowFilter.Equals(Role.DST_PORT, "443")));
        assertEquals(282, port.rows());
    }

    @Test
    void explanationsSayWhichFeaturesDroveTheScore() {
        int scanner = analysis.topRows(1, null).get(0);
        Explanation e = analysis.explain(scanner);
        assertEquals(analysis.scores()[scanner], e.score(), 0.0);
        assertTrue(!e.reasons().isEmpty());
        assertTrue(e.reasons().stream().anyMatch(r -> r.feature() == Feature.BYTES_IN || r.feature() == Feature.BYTES_OUT), e.summary());
        assertTrue(e.summary().contains("the typical row"), e.summary());
        for (int i = 1; i < e.reasons().size(); i++) assertTrue(e.reasons().get(i - 1).scoreDrop() >= e.reasons().get(i).scoreDrop());
    }

    @Test
    void sameSettingsSameScoresAndFeatureChoiceMatters() {
        Analysis again = new AnalysisPipeline().analyze(imported, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        assertArrayEquals(analysis.scores(), again.scores(), 0.0);
        Analysis fewer = new AnalysisPipeline().analyze(imported, FeatureSet.all().with(Feature.COUNTRY_RARITY, false),
                ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        assertEquals("switched off", fewer.matrix().leftOut().get(Feature.COUNTRY_RARITY));
        assertNotEquals(analysis.scores()[0], fewer.scores()[0]);
    }
}
