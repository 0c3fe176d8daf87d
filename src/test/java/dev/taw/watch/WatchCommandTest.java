// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch as a command and a process: SIGTERM to a real child JVM, refusals, and the command line's one-line errors. */
class WatchCommandTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void train() throws Exception {
        WatchFixture.ensure();
    }

    @Test
    void sigtermFinishesTheFileBeingScoredSavesTheStateAndARestartGoesOn() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("sigterm"));
        String[] day = new String(WatchFixture.cleanDay, StandardCharsets.US_ASCII).split("\n");
        for (int f = 0; f < 4; f++) {
            StringBuilder b = new StringBuilder(day[0]).append('\n');
            for (int i = 1 + f * 20_000; i <= (f + 1) * 20_000; i++) b.append(day[i]).append('\n');
            Files.writeString(root.resolve("part-" + f + ".log"), b);
        }
        Path alerts = tmp.resolve("sigterm.jsonl"), state = tmp.resolve("sigterm.jsonl.state");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.taw.Launcher", "watch", root.toString(), "--model", WatchFixture.model.toString(),
                "--alerts", alerts.toString(), "--interval", "200ms", "--settle", "0s");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> printed = new CopyOnWriteArrayList<>();
        Thread reading = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(printed::add));
        reading.start();
        WatchFixture.await(printed, l -> l.contains(" scored part-"));
        p.toHandle().destroy(); // SIGTERM, as systemctl stop sends it (Process.destroy would also close our end of its output)
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the watch did not stop");
        reading.join(10_000);
        printed.forEach(l -> System.out.println("watch process: " + l));
        assertEquals(143, p.exitValue(), "128 + SIGTERM, after the hooks ran");
        String last = printed.get(printed.size() - 1);
        assertTrue(last.matches("\\S+ stopped; [1-4] files scored in this run, state saved in .*"), last);
        int scored = Integer.parseInt(last.replaceAll(".* stopped; (\\d) files.*", "$1"));
        assertEquals(scored, printed.stream().filter(l -> l.contains(" scored part-")).count());
        WatchState st = WatchState.load(state, root);
        assertEquals(scored, st.size());
        assertEquals(Files.size(alerts), st.alertsLength(), "the state's alerts end is the file's: nothing half-written");
        // started again, a single pass does the rest and no more
        List<String> said = new ArrayList<>();
        assertEquals(4 - scored, WatchFixture.watch(root, alerts, Duration.ofMillis(10), Duration.ZERO, true, said::add).run(), String.join("\n", said));
        assertEquals(4, WatchState.load(state, root).size());
    }

    @Test
    void aStateThatIsNotOursOrAnotherFoldersAndASecondWatchOnTheSameAlertsAreRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("refuse")), other = Files.createDirectories(tmp.resolve("refuse-other"));
        Path alerts = tmp.resolve("refuse.jsonl");
        WatchFixture.watch(root, alerts, Duration.ofMillis(10), Duration.ZERO, true, l -> { }).run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WatchFixture.watch(other, alerts, Duration.ofMillis(10), Duration.ZERO, true, l -> { }).run());
        assertTrue(e.getMessage().contains("the state of a watch on " + root.toAbsolutePath()), e.getMessage());
        Path state = alerts.resolveSibling("refuse.jsonl.state");
        Files.writeString(state, "date,src_ip\n");
        e = assertThrows(IllegalArgumentException.class, () -> WatchFixture.watch(root, alerts, Duration.ofMillis(10), Duration.ZERO, true, l -> { }).run());
        assertEquals(state + ": not a watch state (not JSON, line 1); move it away to start afresh", e.getMessage());
        Files.delete(state);
        try (AlertLog held = AlertLog.open(alerts, 0)) {
            IllegalStateException busy = assertThrows(IllegalStateException.class, () -> WatchFixture.watch(root, alerts, Duration.ofMillis(10), Duration.ZERO, true, l -> { }).run());
            assertTrue(busy.getMessage().contains("another watch is writing these alerts"), busy.getMessage());
        }
    }

    @Test
    void theCommandLineSaysWhatIsWrongInOneLineAndRunsAPass() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("cli"));
        Path alerts = tmp.resolve("cli.jsonl");
        assertEquals("traffic-workbench watch: missing --model FILE, the baseline to judge by (train one with traffic-workbench train)",
                runWatch(2, root.toString(), "--alerts", alerts.toString()));
        assertEquals("traffic-workbench watch: --interval needs a duration such as 500ms, 10s, 5m or 1h (at most a week), got '5x'",
                runWatch(2, root.toString(), "--model", WatchFixture.model.toString(), "--alerts", alerts.toString(), "--interval", "5x"));
        assertEquals("traffic-workbench watch: " + WatchFixture.model + " is the model file; name another file to write",
                runWatch(2, root.toString(), "--model", WatchFixture.model.toString(), "--alerts", WatchFixture.model.toString()));
        Path notAModel = Files.writeString(tmp.resolve("not.model"), "date,src_ip\n");
        assertTrue(runWatch(1, root.toString(), "--model", notAModel.toString(), "--alerts", alerts.toString()).startsWith("traffic-workbench watch: " + notAModel + ": "));
        assertTrue(runWatch(1, tmp.resolve("nowhere").toString(), "--model", WatchFixture.model.toString(), "--alerts", alerts.toString(), "--once")
                .endsWith("nowhere: not a folder"));
        String[] day = new String(WatchFixture.cleanDay, StandardCharsets.US_ASCII).split("\n");
        Files.writeString(root.resolve("a.log"), String.join("\n", java.util.Arrays.copyOf(day, 3000)) + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = new dev.taw.cli.WatchCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {root.toString(), "--model", WatchFixture.model.toString(), "--alerts", alerts.toString(), "--once", "--settle", "0s", "--host-contamination", "0.001"});
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.matches("(?s)\\S+ watching .* one pass\n\\S+ scored a\\.log: 2,999 records as [0-9,]+ connections, .*, [0-9.]+ s\n\\S+ stopped; 1 files scored.*"), said);
        assertTrue(Files.exists(tmp.resolve("cli.jsonl.state")));
    }


    private static String runWatch(int expected, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new dev.taw.cli.WatchCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        String e = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(expected, status, e);
        assertFalse(e.contains("\n") || e.contains("Exception"), e);
        return e;
    }
}
