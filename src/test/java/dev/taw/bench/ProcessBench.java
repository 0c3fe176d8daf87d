// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a user experiences, side by side with today's notebook: each run is a fresh process, as typed. In one
 * session, pair by pair (so the machine's noise hits every contender alike), it times
 * <ul>
 *   <li>{@code java -jar target/traffic-workbench.jar score FILE -o OUT} (its summary discarded) on N generated rows of the seed schema
 *       (CSV) and on N VPC flow records (gzip, custom v5), and the installed launcher of the app-image on the CSV;</li>
 *   <li>the notebook pipeline on the same CSV with pandas + scikit-learn and with polars + scikit-learn, in a
 *       virtual environment made here with today's versions ({@code python3 -m venv}, {@code pip install
 *       scikit-learn pandas polars}), their versions printed;</li>
 * </ul>
 * and prints min/median/max wall time and peak memory (the kernel's maximum resident set, by {@code /usr/bin/time}
 * where it is installed), then each peer's median over ours, and pair by pair.
 *
 * <p>Before each timed run the disks are synced, untimed ({@code sync}, as hyperfine's {@code --prepare}): each
 * contender writes a few hundred megabytes, and what the one before left in memory was otherwise written out during
 * the next one's run. The workbench forces its output to disk as it writes it (a file it writes is whole or absent),
 * and waited for that writeback: a flow-record run right after another program had left 300 MB unwritten took
 * 0.27-0.30 s longer than after a sync (three pairs); the notebooks leave theirs to the system, as any program may.
 *
 * <p>Run: {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=dev.taw.bench.ProcessBench} (args: rows, repetitions).
 */
public final class ProcessBench {
    private ProcessBench() { }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int reps = args.length > 1 ? Math.max(3, Integer.parseInt(args[1])) : 5;
        Path jar = Path.of("target", "traffic-workbench.jar").toAbsolutePath();
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        Path dir = Files.createDirectories(Path.of("target", "bench").toAbsolutePath());
        Path csv = dir.resolve("traffic-" + rows + ".csv"), flows = dir.resolve("flows-" + rows + ".log.gz");
        if (!Files.exists(csv)) new TrafficGenerator(2024, rows).write(csv, rows);
        if (!Files.exists(flows)) FlowBench.write(flows, rows, 5);
        Path python = venv(dir.resolve("venv"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf(Locale.ROOT, "%s; %d cores; %s (%,d rows, %.0f MB) and %s (%,d records, %.0f MB gzip)%n", new java.util.Date(),
                Runtime.getRuntime().availableProcessors(), csv.getFileName(), rows, Files.size(csv) / 1e6, flows.getFileName(), rows, Files.size(flows) / 1e6);
        System.out.println("workbench: " + output(List.of(java, "-jar", jar.toString(), "--version")).strip() + " on Java " + output(List.of(java, "-version")).lines()
                .findFirst().orElse("?"));
        System.out.println("peers: " + output(List.of(python.toString(), "-c", "import sys, sklearn, pandas, polars, numpy; print('Python', sys.version.split()[0], "
                + "'scikit-learn', sklearn.__version__, 'pandas', pandas.__version__, 'polars', polars.__version__, 'numpy', numpy.__version__)")).strip());
        Path scripts = Path.of("src", "test", "python").toAbsolutePath();
        Map<String, List<String>> contenders = new LinkedHashMap<>();
        contenders.put("workbench score, CSV", List.of(java, "-jar", jar.toString(), "score", csv.toString(), "-o", dir.resolve("out-taw.csv").toString()));
        Path launcher = Path.of("target", "dist", "traffic-workbench", "bin", "traffic-workbench").toAbsolutePath();
        if (Files.isExecutable(launcher)) { // the app-image a plain package builds: what the .deb installs
            contenders.put("installed launcher score, CSV", List.of(launcher.toString(), "score", csv.toString(), "-o", dir.resolve("out-launcher.csv").toString()));
        }
        contenders.put("pandas + scikit-learn, CSV", List.of(python.toString(), scripts.resolve("notebook_pipeline.py").toString(), csv.toString(),
                dir.resolve("out-pandas.csv").toString()));
        contenders.put("polars + scikit-learn, CSV", List.of(python.toString(), scripts.resolve("notebook_polars.py").toString(), csv.toString(),
                dir.resolve("out-polars.csv").toString()));
        contenders.put("workbench score, VPC flow gzip", List.of(java, "-jar", jar.toString(), "score", flows.toString(), "-o", dir.resolve("out-flows.csv").toString()));
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> runs.put(k, new ArrayList<>()));
        for (int rep = 1; rep <= reps; rep++) {
            for (Map.Entry<String, List<String>> c : contenders.entrySet()) {
                settle();
                double[] r = time(c.getValue());
                runs.get(c.getKey()).add(r);
                System.out.printf(Locale.ROOT, "  rep %d  %-32s %6.2f s  %6.0f MB%n", rep, c.getKey(), r[0], r[1]);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-32s %22s %24s%n", "fresh process, " + reps + " runs", "wall min / median / max", "peak RSS min / median / max");
        for (Map.Entry<String, List<double[]>> e : runs.entrySet()) {
            double[] wall = e.getValue().stream().mapToDouble(r -> r[0]).toArray(), rss = e.getValue().stream().mapToDouble(r -> r[1]).toArray();
            System.out.printf(Locale.ROOT, "%-32s %6.2f / %6.2f / %6.2f s %7.0f / %5.0f / %5.0f MB%n", e.getKey(), Spread.min(wall), Spread.median(wall),
                    Spread.max(wall), Spread.min(rss), Spread.median(rss), Spread.max(rss));
        }
        List<double[]> ours = runs.get("workbench score, CSV");
        for (String peer : List.of("pandas + scikit-learn, CSV", "polars + scikit-learn, CSV")) {
            List<double[]> theirs = runs.get(peer);
            double[] pair = new double[reps];
            for (int i = 0; i < reps; i++) pair[i] = theirs.get(i)[0] / ours.get(i)[0];
            System.out.printf(Locale.ROOT, "%s takes %.1f× the workbench's median time (pair by pair: %.1f× to %.1f×, median %.1f×)%n", peer,
                    Spread.median(theirs.stream().mapToDouble(r -> r[0]).toArray()) / Spread.median(ours.stream().mapToDouble(r -> r[0]).toArray()),
                    Spread.min(pair), Spread.max(pair), Spread.median(pair));
        }
    }

    /** A virtual environment with today's scikit-learn, pandas and polars, made once under target/bench. */
    private static Path venv(Path dir) throws IOException, InterruptedException {
        Path python = dir.resolve("bin").resolve("python");
        if (!Files.exists(python)) {
            System.out.println("making " + dir + " (python3 -m venv; pip install scikit-learn pandas polars)");
            run(List.of("python3", "-m", "venv", dir.toString()));
            run(List.of(dir.resolve("bin").resolve("pip").toString(), "install", "-q", "--upgrade", "scikit-learn", "pandas", "polars"));
        }
        return python;
    }

    /** @return wall seconds and peak resident MB (NaN without /usr/bin/time) */
    private static double[] time(List<String> command) throws IOException, InterruptedException {
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        Path rss = Files.createTempFile("rss", ".txt");
        List<String> cmd = new ArrayList<>();
        if (gnuTime) cmd.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        cmd.addAll(command);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " failed");
        double wall = (System.nanoTime() - t0) / 1e9;
        double mb = gnuTime ? Long.parseLong(Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("0")) / 1024.0 : Double.NaN;
        Files.delete(rss);
        return new double[] {wall, mb};
    }

    /** Has the system write out what earlier runs left in memory (untimed), where there is a {@code sync} command. */
    private static void settle() throws IOException, InterruptedException {
        if (Files.isExecutable(Path.of("/bin/sync"))) run(List.of("/bin/sync"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed");
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return s;
    }
}
