// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.HostScores;
import dev.taw.bench.FlowLogGenerator;
import dev.taw.bench.WebLogGenerator;
import dev.taw.cli.ScoreCommand;
import dev.taw.features.FeatureSet;
import dev.taw.io.flow.FlowDetectionTest;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hosts as results, read back from the files a SIEM or spreadsheet would get: {@code --hosts} lists every
 * source host, ranked, and the scored CSV carries each row's host score and label. Detection is measured
 * on both files, on the flow-log and the web-log generators, for several seeds.
 */
class HostsExportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"vpc,1", "vpc,2", "vpc,3", "alb,1", "alb,2", "alb,3", "waf,1", "waf,2", "waf,3", "cloudfront,1", "cloudfront,2"})
    void incidentHostsLeadBothTheHostsCsvAndTheScoredCsvsHostScore(String format, long seed) throws IOException {
        Path log = tmp.resolve(format + "-" + seed + ".log");
        Map<String, String> attackers;
        if (format.equals("vpc")) {
            FlowLogGenerator g = new FlowLogGenerator(seed);
            g.write(log);
            attackers = g.attackers();
        } else {
            WebLogGenerator g = new WebLogGenerator(seed);
            if (format.equals("alb")) g.writeAlb(log);
            else if (format.equals("waf")) g.writeWaf(log);
            else g.writeCloudFront(log);
            attackers = format.equals("waf") ? WebLogGenerator.wafAttackers() : WebLogGenerator.albAttackers();
        }
        Path scored = tmp.resolve("scored.csv"), hosts = tmp.resolve("hosts.csv");
        assertEquals(0, cli(log.toString(), "-o", scored.toString(), "--hosts", hosts.toString(), "--seed", Long.toString(seed), "-q"));

        List<CSVRecord> h = read(hosts);
        CSVRecord header = h.get(0);
        assertEquals(dev.taw.hostlist.HostList.LEADING, header.toList().subList(0, dev.taw.hostlist.HostList.LEADING.size()));
        assertEquals("why", header.get(header.size() - 1));
        Map<String, Double> fromHosts = new HashMap<>();
        List<String> ranked = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 1; i < h.size(); i++) {
            CSVRecord r = h.get(i);
            assertEquals(Integer.toString(i), r.get("rank"));
            double s = Double.parseDouble(r.get("host_score"));
            assertTrue(s <= previous, "ranked by host score at line " + i);
            previous = s;
            fromHosts.put(r.get("src_ip"), s);
            ranked.add(r.get("src_ip"));
            assertFalse(r.get("why").isEmpty(), "every host has its reasons in words");
        }
        assertEquals(fromHosts.size(), h.size() - 1, "one line per host");

        Map<String, Double> fromRows = new HashMap<>();
        List<CSVRecord> rows = read(scored);
        List<String> names = rows.get(0).toList();
        int ipAt = names.contains("src_ip") ? names.indexOf("src_ip") : names.indexOf("c-ip"), scoreAt = names.indexOf("host_score");
        for (CSVRecord r : rows.subList(1, rows.size())) {
            Double was = fromRows.put(r.get(ipAt), Double.parseDouble(r.get(scoreAt)));
            assertTrue(was == null || was == Double.parseDouble(r.get(scoreAt)), "one host, one score");
        }
        assertEquals(fromHosts, fromRows, "the scored CSV's host_score is the hosts CSV's, for every source host");

        double aucHosts = auc(fromHosts, attackers), aucRows = auc(fromRows, attackers);
        long hits = ranked.subList(0, attackers.size()).stream().filter(attackers::containsKey).count();
        System.out.printf("%s seed %d: host AUC from --hosts %.4f, from host_score %.4f, precision@%d %.2f%n", format, seed, aucHosts, aucRows,
                attackers.size(), (double) hits / attackers.size());
        assertTrue(aucHosts >= 0.99, "AUC " + aucHosts);
        assertEquals(aucHosts, aucRows);
        assertTrue(hits >= attackers.size() - 1, "precision@k: top " + ranked.subList(0, attackers.size()) + " vs " + attackers.keySet());
    }

    @Test
    void hostLabelsFollowTheHostContaminationAndMatchInBothFiles() throws IOException {
        Path log = tmp.resolve("flows.log");
        new FlowLogGenerator(7).write(log);
        for (double c : new double[] {0.01, 0.1}) {
            Path scored = tmp.resolve("s.csv"), hosts = tmp.resolve("h.csv");
            assertEquals(0, cli(log.toString(), "-o", scored.toString(), "--hosts", hosts.toString(), "--host-contamination", Double.toString(c), "-q"));
            List<CSVRecord> h = read(hosts);
            Map<String, String> label = new HashMap<>();
            long flagged = 0;
            for (CSVRecord r : h.subList(1, h.size())) {
                label.put(r.get("src_ip"), r.get("host_label"));
                if (r.get("host_label").equals("-1")) flagged++;
            }
            long expected = (long) Math.ceil(c * label.size() - 1e-9);
            assertTrue(flagged >= expected && flagged <= expected + 2, c + ": " + flagged + " of " + label.size() + " hosts flagged, expected " + expected);
            List<CSVRecord> rows = read(scored);
            int ipAt = rows.get(0).toList().indexOf("src_ip"), labelAt = rows.get(0).toList().indexOf("host_label");
            for (CSVRecord r : rows.subList(1, rows.size())) assertEquals(label.get(r.get(ipAt)), r.get(labelAt));
        }
    }

    @Test
    void theBatchReasonsAreTheOneByOneReasonsWordForWord() throws IOException {
        for (Path sample : List.of(Path.of("sample-data", "vpc-flow-sample.log"), Path.of("sample-data", "alb-access-sample.log"))) {
            AnalysisPipeline p = new AnalysisPipeline();
            var imported = p.importFile(sample, ProgressListener.NONE, CancelToken.NEVER);
            Analysis one = p.analyze(imported, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
            Analysis all = p.analyze(imported, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
            HostScores a = one.hostScores(), b = all.hostScores();
            b.explainAll();
            int n = one.table().text(dev.taw.table.Role.SRC_IP).orElseThrow().distinctCount();
            Set<String> distinct = new HashSet<>();
            for (int c = 1; c < n; c++) {
                assertEquals(a.explain(c), b.explain(c), sample + " host " + c);
                distinct.add(a.explain(c));
            }
            assertTrue(distinct.size() > 10, "the reasons differ between hosts: " + distinct.size());
        }
    }

    @Test
    void aFileWithTooFewHostsStillListsThemAllWithoutAHostScore() throws IOException {
        Path scored = tmp.resolve("s.csv"), hosts = tmp.resolve("h.csv");
        assertEquals(0, cli(TestData.seed().toString(), "-o", scored.toString(), "--hosts", hosts.toString(), "-q"));
        List<CSVRecord> h = read(hosts);
        assertEquals(29, h.size(), "a header and the seed's 28 source hosts");
        assertEquals(dev.taw.hostlist.HostList.LEADING.size() + 1, h.get(0).size(), "no host features without a host forest");
        assertEquals("", h.get(1).get("host_score"));
        assertEquals("", h.get(1).get("host_label"));
        assertTrue(Long.parseLong(h.get(1).get("suspicious_rows")) >= Long.parseLong(h.get(2).get("suspicious_rows")), "ranked by suspicious rows");
        assertTrue(h.get(1).get("first_seen").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), h.get(1).get("first_seen"));
    }

    @Test
    void theHostsFileIsRefusedOverTheInputOrAnotherOutput() throws IOException {
        Path input = tmp.resolve("in.csv");
        Files.copy(TestData.seed(), input);
        byte[] before = Files.readAllBytes(input);
        assertEquals(1, cli(input.toString(), "-o", tmp.resolve("s.csv").toString(), "--hosts", input.toString()));
        assertEquals(2, cli(input.toString(), "-o", tmp.resolve("s.csv").toString(), "--hosts", tmp.resolve("s.csv").toString()));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)), "the input is untouched");
        assertFalse(Files.exists(tmp.resolve("s.csv")), "a refused run writes nothing");
    }

    private static double auc(Map<String, Double> score, Map<String, String> attackers) {
        List<Double> bad = new ArrayList<>(), good = new ArrayList<>();
        score.forEach((ip, s) -> {
            if (!ip.startsWith("10.")) (attackers.containsKey(ip) ? bad : good).add(s); // our own servers are not outside hosts
        });
        assertEquals(attackers.size(), bad.size(), "every incident host is listed");
        return FlowDetectionTest.auc(bad, good);
    }

    private static int cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        return new ScoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv); CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            List<CSVRecord> all = p.getRecords();
            // header lookup by name for the hosts file
            try (Reader r2 = Files.newBufferedReader(csv);
                 CSVParser named = CSVParser.builder().setReader(r2).setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(false).get()).get()) {
                List<CSVRecord> withNames = named.getRecords();
                List<CSVRecord> out = new ArrayList<>(List.of(all.get(0)));
                out.addAll(withNames);
                return out;
            }
        }
    }
}
