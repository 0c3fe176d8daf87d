// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.cli.TrainCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against S3 as a cluster meets it: raw VPC logs in AWS's key layout under {@code s3a://}, a day window,
 * the output written back to the bucket, through S3Proxy (an in-memory S3 server in a JVM of its own). Its
 * hosts.csv equals the same job's on the same files read from a local folder. Opt-in ({@code -Ps3}): hadoop-aws
 * brings a 612 MB SDK.
 */
@EnabledIfSystemProperty(named = "s3proxy.jar", matches = ".+")
class S3JobTest {
    static final int PORT = 18089;
    static final String ENDPOINT = "http://127.0.0.1:" + PORT, BUCKET = "taw-logs";
    @TempDir static Path tmp;
    static Process s3proxy;

    @BeforeAll
    static void start() throws Exception {
        Path conf = tmp.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n", "s3proxy.endpoint=" + ENDPOINT, "s3proxy.authorization=none", "jclouds.provider=transient",
                "jclouds.identity=local", "jclouds.credential=local", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        s3proxy = new ProcessBuilder(java, "-cp", System.getProperty("s3proxy.jar"), "org.gaul.s3proxy.Main", "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("s3proxy.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest bucket = HttpRequest.newBuilder(URI.create(ENDPOINT + "/" + BUCKET)).PUT(HttpRequest.BodyPublishers.noBody()).build();
        for (int i = 0; ; i++) {
            try {
                assertEquals(200, http.send(bucket, HttpResponse.BodyHandlers.discarding()).statusCode(), "bucket made");
                break;
            } catch (java.net.ConnectException e) {
                if (i > 100 || !s3proxy.isAlive()) throw new IllegalStateException("S3Proxy did not start: " + Files.readString(tmp.resolve("s3proxy.log")), e);
                Thread.sleep(200);
            }
        }
        Configuration h = SparkTests.session().sparkContext().hadoopConfiguration();
        h.set("fs.s3a.endpoint", ENDPOINT);
        h.set("fs.s3a.path.style.access", "true");
        h.set("fs.s3a.connection.ssl.enabled", "false");
        h.set("fs.s3a.access.key", "local");
        h.set("fs.s3a.secret.key", "local");
        h.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        h.set("fs.s3a.endpoint.region", "us-east-1");
    }

    @AfterAll
    static void stop() {
        if (s3proxy != null) s3proxy.destroy();
    }

    @Test
    void rawLogsInABucketScoreAsTheSameFilesOnDisk() throws IOException {
        // two days of the VPC sample in AWS's layout, gzip, and a third day outside the window
        List<String> lines = Files.readAllLines(Path.of("sample-data", "vpc-flow-sample.log"));
        Path local = tmp.resolve("logs");
        String prefix = "AWSLogs/111122223333/vpcflowlogs/us-east-1/";
        List<String> body = lines.subList(1, lines.size());
        String[] days = {"2024/04/26", "2024/04/27", "2024/04/28"};
        for (int d = 0; d < days.length; d++) {
            Path f = local.resolve(prefix + days[d] + "/111122223333_vpcflowlogs_us-east-1_fl-1_" + days[d].replace("/", "") + "T0000Z_" + d + ".log.gz");
            Files.createDirectories(f.getParent());
            List<String> part = new ArrayList<>(List.of(lines.get(0)));
            part.addAll(body.subList(d * body.size() / 3, (d + 1) * body.size() / 3));
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
                out.write((String.join("\n", part) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Configuration h = SparkTests.session().sparkContext().hadoopConfiguration();
        FileSystem s3 = new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/").getFileSystem(h);
        s3.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.resolve("AWSLogs").toUri()), new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/AWSLogs"));

        Path model = tmp.resolve("vpc.model");
        assertEquals(0, new TrainCommand(new PrintStream(OutputStream.nullOutputStream()), System.err).run(new String[] {"sample-data/vpc-flow-sample.log",
            "--model", model.toString(), "-q"}));
        s3.copyFromLocalFile(new org.apache.hadoop.fs.Path(model.toUri()), new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/models/vpc.model"));

        String[] window = {"--from", "2024-04-26", "--to", "2024-04-27", "--partitions", "3"};
        JobSummary fromS3 = ScoreJob.run(SparkTests.session(), JobOptions.parse(concat(new String[] {"s3a://" + BUCKET + "/AWSLogs/", "--output",
            "s3a://" + BUCKET + "/out/", "--model", "s3a://" + BUCKET + "/models/vpc.model"}, window)));
        Path onDisk = tmp.resolve("out-local");
        JobSummary fromDisk = ScoreJob.run(SparkTests.session(), JobOptions.parse(concat(new String[] {local.resolve("AWSLogs").toString(), "--output",
            onDisk.toString(), "--model", model.toString()}, window)));
        assertEquals(2, fromS3.listing().files().size(), "the day outside the window is not read");
        assertEquals(1, fromS3.listing().outsideWindow());
        assertEquals(fromDisk.records(), fromS3.records());

        Path back = tmp.resolve("out-s3");
        s3.copyToLocalFile(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/out"), new org.apache.hadoop.fs.Path(back.toUri()));
        assertEquals(Files.readAllLines(onDisk.resolve("hosts.csv")), Files.readAllLines(back.resolve("hosts.csv")), "the same hosts, line for line");
        assertTrue(Files.readString(back.resolve("report.txt")).startsWith("Read 2 files (1 outside the window not read)"));
        assertTrue(Files.isRegularFile(back.resolve("vpc.model")));
        assertEquals(SparkTests.session().read().parquet(onDisk.resolve("records").toString()).count(),
                SparkTests.session().read().parquet("s3a://" + BUCKET + "/out/records").count());
        try (var names = Files.walk(back)) {
            assertTrue(names.noneMatch(p -> p.getFileName().toString().startsWith("_writing-")), "no half-written file left in the bucket");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
