// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job jar as a cluster runs it: spark-submit's own entry point, Spark's jars and ours, nothing else
 * on the class path. What it writes is what the installed command line writes for the same file and model.
 */
class SparkJobJarIT {
    static final Path JAR = Path.of("target", "traffic-workbench-spark.jar");
    static final Path APP = Path.of("target", "traffic-workbench.jar");

    @TempDir
    Path tmp;

    record Run(int status, String out) { }

    private static Run java(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    private static Run submit(String... jobArgs) throws IOException, InterruptedException {
        String cp = JAR + java.io.File.pathSeparator + Files.readString(Path.of("target", "spark-classpath.txt")).strip();
        List<String> args = new ArrayList<>(List.of("-cp", cp, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1", "--class", "dev.taw.spark.ScoreJob", JAR.toString()));
        args.addAll(List.of(jobArgs));
        return java(args);
    }

    @Test
    void theJarCarriesTheCoreAndSmileAndNothingOfTheWindow() throws IOException {
        try (ZipFile z = new ZipFile(JAR.toFile())) {
            List<String> names = z.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertTrue(names.contains("dev/taw/spark/ScoreJob.class"));
            assertTrue(names.contains("dev/taw/pipeline/LogParts.class"));
            assertTrue(names.stream().anyMatch(n -> n.startsWith("smile/anomaly/")), "Smile's forest");
            assertTrue(names.contains("dev/taw/geo/geo-whois-asn-country.mmdb"), "the bundled country database");
            List<String> foreign = names.stream().filter(n -> n.startsWith("javafx/") || n.startsWith("org/controlsfx/") || n.startsWith("org/apache/pdfbox/")
                    || n.startsWith("dev/taw/ui/") || n.startsWith("org/apache/spark/") || n.startsWith("scala/") || n.startsWith("com/fasterxml/")
                    || n.startsWith("org/slf4j/") || n.endsWith(".SF")).toList();
            assertEquals(List.of(), foreign);
        }
        try (ZipFile z = new ZipFile(APP.toFile())) {
            assertTrue(z.stream().noneMatch(e -> e.getName().startsWith("dev/taw/spark/")), "the desktop's jar has no Spark job in it");
        }
    }

    @Test
    void spark_submitScoresAnAlbLogAsTheCommandLineDoes() throws Exception {
        Path log = Path.of("sample-data", "alb-access-sample.log").toAbsolutePath(), model = tmp.resolve("alb.model");
        Run train = java(List.of("-jar", APP.toString(), "train", log.toString(), "--model", model.toString(), "-q"));
        assertEquals(0, train.status(), train.out());
        Path cliHosts = tmp.resolve("cli-hosts.csv");
        Run cli = java(List.of("-jar", APP.toString(), "score", log.toString(), "--model", model.toString(), "-o", tmp.resolve("cli.csv").toString(),
                "--hosts", cliHosts.toString(), "-q"));
        assertEquals(0, cli.status(), cli.out());
        Path out = tmp.resolve("job");
        Run job = submit(log.toString(), "--output", out.toString(), "--model", model.toString());
        assertEquals(0, job.status(), job.out());
        assertTrue(job.out().contains("Read 1 files (0 outside the window not read): 3,801 records, 3,801 imported, 0 bad lines skipped"), job.out());
        List<String> want = Files.readAllLines(cliHosts), got = Files.readAllLines(out.resolve("hosts.csv"));
        assertEquals(want.get(0), got.get(0));
        assertEquals(want.stream().skip(1).map(l -> l.substring(l.indexOf(',') + 1)).sorted().toList(),
                got.stream().skip(1).map(l -> l.substring(l.indexOf(',') + 1)).sorted().toList(), "every host, its score, traits and reasons");
        assertTrue(Files.exists(out.resolve("alb.model")), "the model used is kept with the output");
        assertTrue(Files.isDirectory(out.resolve("records")));
    }

    @Test
    void mistakesAreOneLineAndNeverAStackTrace() throws Exception {
        Run usage = submit("x.log");
        assertEquals(2, usage.status(), usage.out());
        assertTrue(usage.out().contains("--output OUT is required: the folder the job writes (--help for usage)"), usage.out());
        Path notALog = Files.writeString(tmp.resolve("notes.txt"), "a shopping list\n");
        Run bad = submit(notALog.toString(), "--output", tmp.resolve("o").toString(), "--sample-rows", "100");
        assertEquals(1, bad.status(), bad.out());
        assertTrue(bad.out().contains("traffic-workbench: none of the 1 files is a traffic log; first: notes.txt ("), bad.out());
        assertTrue(!bad.out().contains("\tat dev.taw"), "no stack trace of ours: " + bad.out());
    }
}
