// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** One-shot commands run in a child JVM with batch settings; what the analyst typed reaches it unchanged. */
class BatchJvmTest {
    @TempDir
    Path dir;

    @Test
    void onlyOneShotCommandsGoToAChild() {
        assertTrue(BatchJvm.wanted(new String[] {"score", "a.csv", "-o", "b.csv"}));
        assertTrue(BatchJvm.wanted(new String[] {"train", "a.csv", "--model", "m"}));
        assertTrue(BatchJvm.wanted(new String[] {"report", "job", "-o", "r.pdf"}));
        assertFalse(BatchJvm.wanted(new String[] {"watch", "in", "--model", "m", "--alerts", "a"}), "runs for days: the defaults suit it");
        assertFalse(BatchJvm.wanted(new String[] {"watch"}));
        assertFalse(BatchJvm.wanted(new String[] {"score", "--help"}));
        assertFalse(BatchJvm.wanted(new String[] {"--version"}));
    }

    @Test
    void theAnalystsOwnOptionsComeAfterOursAndAChosenCollectorKeepsOursOut() {
        assertEquals(List.of("/j/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0", "-Xmn400m", "-Dtaw.batch-jvm=child", "-Xmx4g", "-jar", "w.jar", "score", "x"),
                BatchJvm.command("/j/bin/java", List.of("-Xmx4g", "-jar", "w.jar", "score", "x"), false, 4L << 30));
        assertEquals(List.of("/j/bin/java", "-XX:TieredStopAtLevel=1", "-Dtaw.batch-jvm=child", "-XX:+UseG1GC", "-jar", "w.jar", "score", "x"),
                BatchJvm.command("/j/bin/java", List.of("-XX:+UseG1GC", "-jar", "w.jar", "score", "x"), false, 4L << 30), "two collectors would be refused, and the young generation's size is tuning for ours");
    }

    @Test
    @EnabledOnOs(OS.LINUX) // elsewhere the window stays in the launcher's process: a Dock or taskbar names and pins that process
    void theWindowGetsTheQuickCompilerAndKeepsItsCollector() {
        assertTrue(BatchJvm.wanted(new String[] {}), "the window");
        assertTrue(BatchJvm.wanted(new String[] {"a.csv"}), "the window with a file");
        assertFalse(BatchJvm.window(new String[] {"--version"}));
        assertFalse(BatchJvm.window(new String[] {"a.csv", "b.csv"}), "a usage error, said by this JVM");
        assertEquals(List.of("/j/bin/java", "-XX:TieredStopAtLevel=1", "-XX:MaxTenuringThreshold=0", "-Dtaw.batch-jvm=child", "-jar", "w.jar", "a.csv"),
                BatchJvm.command("/j/bin/java", List.of("-jar", "w.jar", "a.csv"), true, 4L << 30), "G1's short pauses suit a window");
        assertEquals(List.of("/j/bin/java", "-XX:TieredStopAtLevel=1", "-Dtaw.batch-jvm=child", "-XX:+UseZGC", "-jar", "w.jar"),
                BatchJvm.command("/j/bin/java", List.of("-XX:+UseZGC", "-jar", "w.jar"), true, 4L << 30), "the analyst's collector, tuned as they tune it");
    }

    @Test
    void aSmallHeapKeepsTheJvmsOwnYoungGeneration() {
        assertEquals(List.of("/j/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0", "-Dtaw.batch-jvm=child", "-Xmx64m", "-jar", "w.jar"),
                BatchJvm.command("/j/bin/java", List.of("-Xmx64m", "-jar", "w.jar"), false, 64L << 20), "64 MB would be all of it: the JVM warns and shrinks it");
        assertTrue(BatchJvm.command("/j/bin/java", List.of("-jar", "w.jar"), false, 512L << 20).contains("-Xmn128m"), "a quarter of a small heap");
        assertTrue(BatchJvm.command("/j/bin/java", List.of("-jar", "w.jar"), false, 1L << 30).contains("-Xmn256m"));
        assertTrue(BatchJvm.command("/j/bin/java", List.of("-jar", "w.jar"), false, 24L << 30).contains("-Xmn400m"), "at most 400 MB");
    }

    @Test
    void aCollectorChosenInAnArgumentFileCountsToo() throws Exception {
        Path args = dir.resolve("jvm.args");
        Files.writeString(args, "-Xmx2g\n  -XX:+UseSerialGC\n");
        assertTrue(BatchJvm.choosesCollector(List.of("@" + args, "-jar", "w.jar")));
        assertFalse(BatchJvm.choosesCollector(List.of("-Xmx2g", "-XX:-UseCompressedOops", "-jar", "w.jar")));
        assertFalse(BatchJvm.choosesCollector(List.of("@" + dir.resolve("missing.args"))), "the JVM reports a missing argument file itself");
    }

    /** A collector in JAVA_TOOL_OPTIONS reaches the child with the environment: ours would make two, and the child would not start. */
    @Test
    void aCollectorChosenInTheEnvironmentLeavesOursOut() throws Exception {
        Path out = dir.resolve("scored.csv");
        ProcessBuilder pb = launcherBuilder("score", TestData.seed().toString(), "-o", out.toString(), "--quiet");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said);
        assertFalse(said.contains("Multiple garbage collectors"), said);
        assertEquals(283, Files.readAllLines(out).size());
    }

    /** A real `java … dev.taw.Launcher score`: the work happens in a child with the batch options, and its output and status come back. */
    @Test
    @EnabledOnOs(OS.LINUX) // the child's arguments are read from /proc
    void scoreRunsInAChildWithTheBatchOptions() throws Exception {
        Path out = dir.resolve("scored.csv");
        Process p = launcher("-Dtaw.marker=kept", "-Xmx1g", "score", TestData.seed().toString(), "-o", out.toString(), "--top", "3");
        List<String> childArgs = new ArrayList<>();
        // a child seen before its exec still shows the launcher's own arguments (the JDK forks, then execs): look again
        // until one carries the child's mark
        while (p.isAlive() && childArgs.isEmpty()) {
            p.toHandle().descendants().map(BatchJvmTest::arguments).filter(a -> a.contains("-Dtaw.batch-jvm=child")).findFirst().ifPresent(childArgs::addAll);
            Thread.sleep(5);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("Wrote " + out), said);
        assertEquals(283, Files.readAllLines(out).size(), "the header and every row");
        assertTrue(childArgs.containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0", "-Dtaw.batch-jvm=child", "-Dtaw.marker=kept", "score")),
                childArgs.toString());
        assertTrue(childArgs.stream().anyMatch(a -> a.startsWith("-Xmn")), "a young generation for the 1 GB heap: " + childArgs);
        assertTrue(childArgs.indexOf("-XX:+UseParallelGC") < childArgs.indexOf("-Dtaw.marker=kept"), "the analyst's options after ours: theirs win");
    }

    /**
     * A real window (headless, through Monocle) opened by {@code dev.taw.Launcher FILE}: it runs in a child with the
     * quick compiler, stays up, and goes when the launcher is stopped.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theWindowRunsInAChildThatStopsWithTheLauncher() throws Exception {
        ProcessBuilder pb = launcherBuilder("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", TestData.seed().toString());
        pb.environment().put("DISPLAY", ":99"); // the launcher asks for one; Monocle's headless screen does not use it
        Process p = pb.start();
        ProcessHandle child = null;
        List<String> childArgs = List.of();
        for (long until = System.nanoTime() + 60_000_000_000L; p.isAlive() && child == null && System.nanoTime() < until; Thread.sleep(5)) {
            for (ProcessHandle h : p.toHandle().descendants().toList()) {
                List<String> a = arguments(h);
                if (a.contains("-Dtaw.batch-jvm=child")) {
                    child = h;
                    childArgs = a;
                }
            }
        }
        try {
            assertTrue(child != null, "no child JVM: " + (p.isAlive() ? "" : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
            assertTrue(childArgs.contains("-XX:TieredStopAtLevel=1"), childArgs.toString());
            assertFalse(childArgs.contains("-XX:+UseParallelGC"), "the window keeps the JVM's collector");
            assertTrue(childArgs.contains("-XX:MaxTenuringThreshold=0"), childArgs.toString());
            Thread.sleep(5000); // the window opens the file and scores it
            assertTrue(child.isAlive() && p.isAlive(), "the window is still up");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(child.onExit().get(30, TimeUnit.SECONDS) != null && !child.isAlive(), "stopping the launcher stops the window");
    }

    @Test
    void aUsageErrorInTheChildIsStillOneLineAndExitTwo() throws Exception {
        Process p = launcher("score", "--frobnicate");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue());
        assertEquals("traffic-workbench score: unknown option --frobnicate (see --help)", said.strip());
    }

    @Test
    void theOptionOffKeepsTheCommandInTheJvmStarted() throws Exception {
        Path out = dir.resolve("scored.csv");
        Process p = launcher("-Dtaw.batch-jvm=off", "score", TestData.seed().toString(), "-o", out.toString(), "--quiet");
        boolean child = false;
        while (p.isAlive()) {
            child |= p.toHandle().descendants().findAny().isPresent();
            Thread.sleep(5);
        }
        assertEquals(0, p.exitValue());
        assertFalse(child);
        assertTrue(Files.size(out) > 0);
    }

    /** A process's arguments from /proc: the JDK's own view of them gives up on a long class path. */
    private static List<String> arguments(ProcessHandle h) {
        try {
            String all = Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"), StandardCharsets.UTF_8);
            return List.of(all.split("\0"));
        } catch (java.io.IOException e) { // gone already, or not yet readable
            return List.of();
        }
    }

    private static Process launcher(String... args) throws java.io.IOException {
        return launcherBuilder(args).start();
    }

    /** {@code java [-D… -X…] -cp <the tests' class path> dev.taw.Launcher ARGS}, leading {@code -D} and {@code -X} arguments going to the JVM. */
    private static ProcessBuilder launcherBuilder(String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && (rest.get(0).startsWith("-D") || rest.get(0).startsWith("-X"))) c.add(rest.remove(0));
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        c.addAll(rest);
        return new ProcessBuilder(c).redirectErrorStream(true);
    }
}
