// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import dev.taw.cli.TrainCommand;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark job's throughput in local mode (issue 17): {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=dev.taw.bench.SparkBench}.
 * A million gzip VPC flow records in 20 files under AWS's date layout, scored against a model by the packaged job
 * through spark-submit's entry point ({@code local[2]}, a fresh JVM each round), beside the desktop's {@code score
 * --hosts} on the same folder. The job times itself from its first step (session running) to its last write;
 * the rest of the process is start-up, reported apart. Records per second per core is records / job time / 2.
 */
public final class SparkBench {
    private static final Pattern JOB_SECONDS = Pattern.compile("hosts; ([0-9.]+) s");

    private SparkBench() { }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int files = 20;
        Path dir = Files.createTempDirectory("taw-spark-bench");
        Path logs = dir.resolve("logs");
        for (int f = 0; f < files; f++) {
            Path day = Files.createDirectories(logs.resolve("AWSLogs/111122223333/vpcflowlogs/us-east-1/2024/04/" + (25 + f / 10)));
            FlowBench.write(day.resolve(String.format(Locale.ROOT, "111122223333_vpcflowlogs_us-east-1_fl-0abc_202404%02dT%02d00Z_%03d.log.gz",
                    25 + f / 10, f % 10, f)), records / files, 100 + f);
        }
        Path train = dir.resolve("train.log.gz");
        FlowBench.write(train, 100_000, 7);
        Path model = dir.resolve("vpc.model");
        int trained = new TrainCommand(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {train.toString(), "--model", model.toString(), "-q"});
        if (trained != 0) throw new IllegalStateException("train exited with " + trained);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String sparkCp = "target/traffic-workbench-spark.jar" + File.pathSeparator + Files.readString(Path.of("target", "spark-classpath.txt")).strip();
        System.out.printf(Locale.ROOT, "Spark job, local[2], %,d VPC records in %d gzip files, %d rounds, fresh processes (java %s, %s cores)%n", records, files,
                rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        double[] wall = new double[rounds], job = new double[rounds], cli = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Path out = dir.resolve("out" + r);
            long t0 = System.nanoTime();
            String said = run(List.of(java, "-Xmx4g", "-cp", sparkCp, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                    "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1", "--class", "dev.taw.spark.ScoreJob",
                    "target/traffic-workbench-spark.jar", logs.toString(), "--output", out.toString(), "--model", model.toString()));
            wall[r] = (System.nanoTime() - t0) / 1e9;
            Matcher m = JOB_SECONDS.matcher(said);
            if (!m.find()) throw new IllegalStateException("no job time in: " + said);
            job[r] = Double.parseDouble(m.group(1));
            long t1 = System.nanoTime();
            run(List.of(java, "-jar", "target/traffic-workbench.jar", "score", logs.toString(), "--model", model.toString(), "-o",
                    dir.resolve("cli" + r + ".csv").toString(), "--hosts", dir.resolve("hosts" + r + ".csv").toString(), "-q"));
            cli[r] = (System.nanoTime() - t1) / 1e9;
            said.lines().filter(l -> l.startsWith("Steps: ")).forEach(l -> System.out.println("  " + l));
            System.out.printf(Locale.ROOT, "round %d: job process %.1f s (job %.1f s, start-up %.1f s), desktop CLI score --hosts %.1f s%n", r + 1, wall[r], job[r],
                    wall[r] - job[r], cli[r]);
            deleteAll(out);
        }
        double medJob = Spread.median(job);
        System.out.printf(Locale.ROOT, "job process min/median/max %.1f/%.1f/%.1f s; job alone %.1f/%.1f/%.1f s; start-up median %.1f s; CLI %.1f/%.1f/%.1f s%n",
                Spread.min(wall), Spread.median(wall), Spread.max(wall), Spread.min(job), medJob, Spread.max(job), Spread.median(wall) - medJob, Spread.min(cli), Spread.median(cli), Spread.max(cli));
        System.out.printf(Locale.ROOT, "throughput: %,.0f records per second per core (median job time, 2 cores)%n", records / medJob / 2);
        deleteAll(dir);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd.subList(0, 3)) + " … exited with " + p.exitValue() + ": " + out);
        return out;
    }

    private static void deleteAll(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) Files.deleteIfExists(p);
        }
    }
}
