// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a one-shot command ({@code score}, {@code train}, {@code report}) in a child JVM set up for a batch
 * job, as launchers of other JVM tools do: {@code java -jar} cannot carry JVM options, and the JVM's defaults
 * are made for long-running servers.
 *
 * <p>Why these options, measured on 1M-row files on 2 cores (fresh processes, side by side): the optimising
 * compiler spends 5 s of CPU in an 8 s run on methods that have mostly finished by the time their compiled
 * code arrives, so the quick compiler alone ({@code -XX:TieredStopAtLevel=1}) finishes first; the parallel
 * collector spends a second less in the kernel than G1 growing its heap. Together, against the JVM's defaults
 * on the same build: 0.80× the wall time of a CSV and 0.74× of a VPC flow log; see {@link #COLLECTOR} and {@link #young} for
 * the young generation's size. The window gets the quick compiler only ({@link #window}); {@code watch} runs
 * for days and keeps the defaults.
 *
 * <p>The analyst's own JVM options come after ours, so theirs win; one that picks a collector, on the line, in an
 * argument file or in {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS}, leaves ours
 * out (two collectors would be refused). {@code -Dtaw.batch-jvm=off} runs the command in the JVM started.
 */
final class BatchJvm {
    /** Set on the child (so it does not start one in turn), or by the analyst to keep the command in this JVM. */
    static final String PROPERTY = "taw.batch-jvm";
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * The collector, and its young generation held at a fixed size: left to grow, the young generation takes a third
     * of the heap, and every page of it is new memory the kernel clears at first touch (measured on a 1M-row CSV: 1.5 s
     * of kernel time against 0.58 s held at 64 MB). What outlives a young collection here is almost all columns being
     * built, which live to the end: {@code MaxTenuringThreshold=0} moves them to the old generation at once instead of
     * copying them between survivor spaces first (17 pauses instead of 40 on the CSV, 25 instead of 64 on flow
     * records, and less pause time in each of six pairs). See {@link #young} for the size. All three go when the
     * analyst picks a collector; the size also goes under a heap of {@link #YOUNG_FROM} (the analyst's {@code -Xmx},
     * which this JVM has too), where the JVM would shrink it with a warning.
     */
    static final String COLLECTOR = "-XX:+UseParallelGC", TENURE = "-XX:MaxTenuringThreshold=0";
    static final long YOUNG_FROM = 512L << 20;
    /** The young generation's size at most, and its share of the heap below that. */
    static final long YOUNG_MOST = 400L << 20;
    static final int YOUNG_SHARE = 4;

    /**
     * The young generation for a heap of {@code maxHeap} bytes: 400 MB, a quarter of a smaller heap. A flow log's
     * import keeps nearly every array it makes (the columns it is building), so each young collection copies what it
     * finds: at 64 MB a million records took 24 collections and 0.32 s of pauses, at 400 MB four and 0.24 s, with 0.3–0.6 s
     * less CPU. Side by side (fresh processes, 2 cores): 1M flow records 0.94–0.955× the time of 64 MB (10, 6 and 5
     * pairs; 256 MB 0.98×, 512 MB 0.97×), 923k records of the second generator (two-way, joined) 0.94×, 2M flow records
     * 0.97× (10 pairs, spread 0.93–1.18×), the 1M-row CSV the same (1.006×). Pages are touched only as they are used,
     * so a small file costs nothing more; a big one peaks higher (the CSV 0.67 GB instead of 0.44 GB, the flow records
     * 0.78 GB instead of 0.59 GB).
     */
    static String young(long maxHeap) {
        return "-Xmn" + (Math.min(YOUNG_MOST, maxHeap / YOUNG_SHARE) >> 20) + "m";
    }

    private static final Set<String> COMMANDS = Set.of("score", "train", "report");

    private BatchJvm() { }

    /**
     * True for a one-shot command, not asking for help, or for the window, in a JVM that is not already the child
     * or told to stay.
     */
    static boolean wanted(String[] args) {
        if (System.getProperty(PROPERTY) != null) return false;
        if (window(args)) return linux(); // a macOS Dock and a Windows taskbar would name, show and pin the child's java, not the app
        if (!COMMANDS.contains(args[0])) return false;
        for (String a : args) if (a.equals("-h") || a.equals("--help")) return false;
        return true;
    }

    /**
     * The window: no argument, or one that is no command or option (a log to open). It gets the quick compiler
     * alone too, and keeps the JVM's collector, whose short pauses suit a window: in the window benchmark
     * (1M rows, 2 cores, three runs each beside the JVM's defaults) the first, cold open to every chart drawn
     * took 4.8–6.3 s against 7.4–9.7 s, Run 1.6–2.3 s against 1.7–2.9 s, the longest FX stall 226–322 ms
     * against 314–633 ms. It gets {@link #TENURE} too: what outlives a young collection there is a file's columns
     * and its run's arrays, which live until the next file; copied from one survivor space to the other at each
     * pause, they made the pauses that held frames of a second or third million-row file 110–210 ms (2 rounds of
     * 10 in the benchmark, side by side; none of 10 with it, the longest 64 ms; first opens pair by pair the same,
     * median ratio 1.00, and Runs 0.98× the time).
     */
    static boolean window(String[] args) {
        return args.length == 0 || args.length == 1 && !args[0].startsWith("-") && !COMMANDS.contains(args[0]) && !args[0].equals("watch");
    }

    /**
     * The child's command line: this process's own, with the batch options first, when it was started by a
     * {@code java} command; else (the installed launcher) its runtime's {@code java} on the same class path and
     * heap limit. Null when neither can be made: the command then runs here.
     */
    static List<String> command(String[] args) {
        ProcessHandle.Info me = ProcessHandle.current().info();
        Optional<String> exe = me.command();
        Optional<List<String>> argv = me.arguments().map(List::of).or(BatchJvm::procArguments);
        boolean window = window(args);
        if (exe.isPresent() && argv.isPresent() && isJava(Path.of(exe.get()))) return command(exe.get(), argv.get(), window);
        Path java = Path.of(System.getProperty("java.home"), "bin", windows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) return null;
        List<String> line = new ArrayList<>(List.of("-Xmx" + Runtime.getRuntime().maxMemory(), "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()));
        line.addAll(List.of(args));
        return command(java.toString(), line, window);
    }

    /**
     * {@code java}, the options (for a one-shot command also the collector's, unless the analyst chose one), the
     * child's mark, then {@code rest}.
     */
    static List<String> command(String java, List<String> rest, boolean window) {
        return command(java, rest, window, Runtime.getRuntime().maxMemory());
    }

    /** The same for a child whose heap limit is {@code maxHeap} bytes. */
    static List<String> command(String java, List<String> rest, boolean window, long maxHeap) {
        List<String> c = new ArrayList<>();
        c.add(java);
        boolean analystsCollector = choosesCollector(rest) || choosesCollector(environmentOptions());
        c.addAll(OPTIONS);
        if (!analystsCollector) {
            if (!window) c.add(COLLECTOR);
            c.add(TENURE);
            if (!window && maxHeap >= YOUNG_FROM) c.add(young(maxHeap));
        }
        c.add("-D" + PROPERTY + "=child");
        c.addAll(rest);
        return c;
    }

    /**
     * Runs the child with this process's standard input, output and error, and waits for it. Stopping this
     * process stops the child too.
     *
     * @return the child's exit status
     * @throws IOException when the child cannot be started (the caller then runs the command itself)
     */
    static int run(List<String> command) throws IOException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) { // nothing here interrupts the main thread; wait on
            }
        }
    }

    /** True when the options pick a collector themselves, on the line or in an {@code @argfile} the line names. */
    static boolean choosesCollector(List<String> options) {
        for (String o : options) {
            if (o.startsWith("-XX:+Use") && o.endsWith("GC")) return true;
            if (o.startsWith("@") && o.length() > 1) {
                try {
                    if (choosesCollector(List.of(Files.readString(Path.of(o.substring(1))).trim().split("\\s+")))) return true;
                } catch (IOException | RuntimeException e) { // not a file we can read: the JVM will say so itself
                }
            }
        }
        return false;
    }

    /** The options the JVM also reads from the environment, which the child inherits with it. */
    private static List<String> environmentOptions() {
        List<String> all = new ArrayList<>();
        for (String name : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) all.addAll(List.of(v.trim().split("\\s+")));
        }
        return all;
    }

    /** This process's arguments from Linux's /proc, which the JDK gives up on when the class path is long. */
    private static Optional<List<String>> procArguments() {
        try {
            List<String> all = List.of(Files.readString(Path.of("/proc/self/cmdline"), java.nio.charset.StandardCharsets.UTF_8).split("\0"));
            return all.size() < 2 ? Optional.empty() : Optional.of(all.subList(1, all.size()));
        } catch (IOException | RuntimeException e) { // not Linux, or not readable
            return Optional.empty();
        }
    }

    private static boolean isJava(Path exe) {
        Path name = exe.getFileName();
        return name != null && (name.toString().equals("java") || name.toString().equals("java.exe"));
    }

    private static boolean linux() { return os().contains("linux"); }

    private static boolean windows() { return os().contains("win"); }

    private static String os() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    }
}
