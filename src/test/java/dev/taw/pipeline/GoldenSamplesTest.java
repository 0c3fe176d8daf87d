// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.CategoryStat;
import dev.taw.analysis.Explanation;
import dev.taw.analysis.Findings;
import dev.taw.analysis.IpStat;
import dev.taw.analysis.TimeBucket;
import dev.taw.features.FeatureSet;
import dev.taw.io.FlowView;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what every sample file gives with the default settings: the scores bit for bit, the labels, the host
 * ranking with its reasons, the findings and the top rows' explanations. A refactoring must leave this text
 * unchanged; a change meant to alter results regenerates it ({@code -Dgolden.update=true}) and the diff shows what moved.
 */
class GoldenSamplesTest {
    static Stream<Path> samples() {
        return Stream.of(Path.of("sample-data/web-traffic-sample.csv"), Path.of("sample-data/vpc-flow-sample.log"),
                Path.of("sample-data/alb-access-sample.log"), Path.of("sample-data/waf-sample.log"),
                Path.of("sample-data/cloudfront-sample.log"), TestData.seed());
    }

    /** Flow logs record by record here (the view the pins were first taken in); the connections view has a pin of its own. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void resultsAreUnchanged(Path file) throws IOException {
        check(file, FlowView.RECORDS, file.getFileName() + ".txt");
    }

    @org.junit.jupiter.api.Test
    void theFlowSampleAsConnectionsIsUnchanged() throws IOException {
        check(Path.of("sample-data/vpc-flow-sample.log"), FlowView.CONNECTIONS, "vpc-flow-sample.log.connections.txt");
    }

    private static void check(Path file, FlowView view, String name) throws IOException {
        String actual = fingerprint(file, view);
        Path golden = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) Files.writeString(golden, actual, StandardCharsets.UTF_8);
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
    }

    static String fingerprint(Path file, FlowView view) {
        AnalysisPipeline p = new AnalysisPipeline().withFlows(view);
        ImportResult imported = p.importFile(file, ProgressListener.NONE, CancelToken.NEVER);
        Analysis a = p.analyze(imported, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        double c = ForestSettings.DEFAULT_CONTAMINATION;
        Findings f = a.findings(c, List.of());
        StringBuilder s = new StringBuilder();
        s.append("rows ").append(a.table().rowCount()).append('\n');
        s.append("features ").append(a.matrix().features()).append('\n');
        s.append("left out ").append(a.matrix().leftOut()).append('\n');
        s.append("scores ").append(digest(a.scores())).append('\n');
        s.append("labels ").append(digest(a.labels(c))).append('\n');
        s.append("cut-off ").append(Double.doubleToRawLongBits(a.cutOff(c))).append('\n');
        s.append("host features ").append(a.hostScores() == null ? "none" : a.hostScores().features()).append('\n');
        s.append("rows ").append(f.rows()).append(" suspicious ").append(f.suspicious()).append('\n');
        for (IpStat ip : f.hosts().subList(0, Math.min(25, f.hosts().size()))) {
            s.append("ip ").append(ip.ip()).append(' ').append(ip.country()).append(' ').append(ip.rows()).append(' ').append(ip.suspicious())
                    .append(' ').append(Double.doubleToRawLongBits(ip.maxScore())).append(' ').append(ip.bytesIn()).append(' ').append(ip.bytesOut())
                    .append(' ').append(Double.doubleToRawLongBits(ip.hostScore())).append(" | ").append(a.explainHost(ip)).append('\n');
        }
        s.append("hosts ").append(f.hosts().size()).append(" host labels ")
                .append(a.hostScores() == null ? "none" : digest(a.hostScores().labels(ForestSettings.DEFAULT_HOST_CONTAMINATION))).append('\n');
        stats(s, "country", f.countries());
        stats(s, "protocol", f.protocols());
        stats(s, "port", f.ports());
        stats(s, "response", f.responseCodes());
        s.append("time field ").append(f.timeField()).append('\n');
        for (TimeBucket b : f.timeline()) s.append("bucket ").append(b).append('\n');
        s.append("histogram ").append(f.scores().min()).append(' ').append(f.scores().max()).append(' ')
                .append(Arrays.toString(f.scores().normal())).append(Arrays.toString(f.scores().suspicious())).append('\n');
        var b = f.bytes();
        s.append("bytes ").append(b.bins()).append(' ').append(b.maxLog()).append(' ').append(Arrays.hashCode(b.normalGrid())).append(' ')
                .append(Arrays.hashCode(b.suspiciousGrid())).append(' ').append(Arrays.hashCode(b.pointRows())).append('\n');
        for (int row : a.topRows(10, null)) {
            Explanation e = a.explain(row);
            s.append("top ").append(row).append(' ').append(Double.doubleToRawLongBits(e.score()));
            for (Explanation.Reason r : e.reasons()) s.append(" | ").append(r.feature()).append(": ").append(Double.doubleToRawLongBits(r.scoreDrop())).append(" ").append(r.text());
            s.append('\n');
        }
        return s.toString();
    }

    private static void stats(StringBuilder s, String what, List<CategoryStat> list) {
        for (CategoryStat c : list) s.append(what).append(' ').append(c.value()).append(' ').append(c.rows()).append(' ').append(c.suspicious()).append('\n');
    }

    private static String digest(double[] v) {
        byte[] b = new byte[v.length * 8];
        for (int i = 0; i < v.length; i++) {
            long bits = Double.doubleToRawLongBits(v[i]);
            for (int k = 0; k < 8; k++) b[i * 8 + k] = (byte) (bits >>> (8 * k));
        }
        return sha(b);
    }

    private static String digest(byte[] v) { return sha(v); }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
