// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.IpStat;
import dev.taw.cli.ScoreCommand;
import dev.taw.cli.TrainCommand;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ContextWindow;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TimeColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --context-window}: a host is an address within one UTC window. A model keeps its window, a log scored by
 * it is counted the same way, and a window's rows score the same whether the log around them is there or not,
 * which is what lets the Spark job and the desktop agree on any cut of a month of logs.
 */
class ContextWindowTest {
    static final Path ALB = Path.of("sample-data", "alb-access-sample.log");
    static final long TEN_MINUTES = 600_000L;
    @TempDir static Path tmp;
    static Path model;

    @BeforeAll
    static void train() {
        model = tmp.resolve("alb-10m.model");
        assertEquals(0, new TrainCommand(quiet(), System.err).run(new String[] {ALB.toString(), "--model", model.toString(), "--context-window", "10m", "-q"}));
    }

    private static PrintStream quiet() {
        return new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static Analysis score(Path log) {
        AnalysisPipeline p = new AnalysisPipeline().withBaseline(AnalysisPipeline.loadModel(model), "alb-10m.model");
        ImportResult imported = p.importFile(log, ProgressListener.NONE, new CancelToken());
        return p.analyze(imported, null, p.baseline().settings(null, null), ProgressListener.NONE, new CancelToken());
    }

    @Test
    void theModelKeepsItsWindowAndAWindowsRowsScoreAsInTheWholeLog() throws IOException {
        assertEquals(TEN_MINUTES, AnalysisPipeline.loadModel(model).trained().settings().contextWindow());
        Analysis whole = score(ALB);
        assertTrue(whole.ipProfile().hosts().windowed());
        Table t = whole.table();
        TimeColumn time = t.time(Role.timeOf(t)).orElseThrow();
        List<String> lines = Files.readAllLines(ALB);
        Map<String, Double> rowScore = new HashMap<>(), hostScore = new HashMap<>();
        List<String> third = new ArrayList<>();
        long wanted = -1;
        for (int r = 0; r < t.rowCount(); r++) {
            long w = ContextWindow.index(time.get(r), TEN_MINUTES);
            if (wanted < 0 && r > t.rowCount() / 3) wanted = w;
        }
        for (int r = 0; r < t.rowCount(); r++) {
            if (ContextWindow.index(time.get(r), TEN_MINUTES) != wanted) continue;
            String line = lines.get(t.sourceLines()[r] - 1);
            third.add(line);
            rowScore.put(line, whole.scores()[r]);
            hostScore.put(line, whole.hostScores().score(whole.ipProfile().hosts().code(r)));
        }
        assertTrue(third.size() > 100 && third.size() < t.rowCount() / 2, third.size() + " rows in one ten-minute window");
        Path alone = tmp.resolve("one-window.log");
        Files.write(alone, third);
        Analysis part = score(alone);
        Table pt = part.table();
        List<String> partLines = Files.readAllLines(alone);
        for (int r = 0; r < pt.rowCount(); r++) {
            String line = partLines.get(pt.sourceLines()[r] - 1);
            assertEquals(rowScore.get(line), part.scores()[r], "row score of line " + pt.sourceLines()[r]);
            assertEquals(hostScore.get(line), part.hostScores().score(part.ipProfile().hosts().code(r)), "host score of line " + pt.sourceLines()[r]);
        }
    }

    @Test
    void theHostsListHasOneHostPerAddressAndWindowWithItsStart() throws IOException {
        Path scored = tmp.resolve("scored.csv"), hosts = tmp.resolve("hosts.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new ScoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(new String[] {ALB.toString(), "-o",
                scored.toString(), "--hosts", hosts.toString(), "--context-window", "10m"}));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("within each UTC window of 10m"), said);
        assertTrue(said.contains(" @ 2024-04-25 23:"), "hosts are named with their window: " + said);
        List<String> h = Files.readAllLines(hosts);
        List<String> header = List.of(h.get(0).split(","));
        assertEquals(List.of("rank", "src_ip", "window_start", "country"), header.subList(0, 4));
        Set<String> addresses = new HashSet<>(), keys = new HashSet<>();
        Map<String, String> scoreOf = new HashMap<>();
        for (String line : h.subList(1, h.size())) {
            String[] c = line.split(",");
            assertTrue(c[2].matches("2024-04-25T23:[0-5]0:00Z"), "a window starts on a ten-minute mark: " + c[2]);
            assertTrue(keys.add(c[1] + " " + c[2]), "one line per address and window");
            addresses.add(c[1]);
            scoreOf.put(c[1] + " " + c[2], c[4]);
        }
        assertTrue(keys.size() > addresses.size(), keys.size() + " hosts from " + addresses.size() + " addresses: some were seen in two windows");

        // the scored CSV's host_score is the score of the row's address in the row's window
        Analysis a = score(ALB); // the model was trained on the same file with the same window: the same numbers
        List<String> rows = Files.readAllLines(scored);
        List<String> cols = List.of(rows.get(0).split(","));
        int hostScore = cols.indexOf("host_score");
        assertTrue(hostScore > 0);
        int checked = 0;
        for (int r = 0; r < a.table().rowCount(); r += 97) {
            int host = a.ipProfile().hosts().code(r);
            String key = a.ipProfile().hosts().address(host) + " " + dev.taw.export.TableCsvWriter.time(a.ipProfile().hosts().windowStart(host));
            String[] cells = rows.get(r + 1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            assertEquals(scoreOf.get(key), cells[hostScore], "row " + r);
            checked++;
        }
        assertTrue(checked > 30);
    }

    @Test
    void aModelsWindowIsNotTheCommandLinesToChange() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ScoreCommand(quiet(), new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {ALB.toString(), "--model", model.toString(),
                "-o", tmp.resolve("x.csv").toString(), "--context-window", "1d"});
        String said = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(2, code);
        assertTrue(said.contains("--context-window") && said.contains("model"), said);
        assertFalse(said.contains("\n"), said);
        err.reset();
        assertEquals(2, new ScoreCommand(quiet(), new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {ALB.toString(),
                "-o", tmp.resolve("y.csv").toString(), "--context-window", "1 week"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("30m, 1h, 1d, 7d"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("y.csv")));
    }

    @Test
    void aHostSeenInTwoWindowsIsTwoHostsOfTheSameAddress() {
        Analysis a = score(ALB);
        Map<String, Integer> windows = new HashMap<>();
        for (IpStat s : dev.taw.analysis.Investigation.of(a, 0.05, List.of()).findings().hosts()) {
            assertTrue(s.window() != IpStat.NEVER && s.window() % TEN_MINUTES == 0);
            assertTrue(s.firstSeen() >= s.window() && s.lastSeen() < s.window() + TEN_MINUTES, "its rows lie in its window: " + s);
            windows.merge(s.ip(), 1, Integer::sum);
        }
        assertTrue(windows.values().stream().anyMatch(n -> n > 1));
    }
}
