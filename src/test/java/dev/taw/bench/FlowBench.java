// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import dev.taw.analysis.FindingsCalculator;
import dev.taw.analysis.HostScores;
import dev.taw.cli.ScoreCommand;
import dev.taw.export.ScoredCsvWriter;
import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;
import dev.taw.pipeline.AnalysisPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Issue 7's speed target: N VPC flow records (gzip, the 29-field custom v5 format with a header line) from
 * file to scored output. Each round times the stages through the same {@link AnalysisPipeline} the CLI
 * uses — import (gunzip, parse, orient, GeoIP), features, forest fit and score, host forest, write,
 * findings — and then the whole {@code score} command in the same JVM. Run with the README's command.
 */
public final class FlowBench {
    static final String V5 = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status "
            + "vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id "
            + "pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path";

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("taw-flow-bench");
        Path input = dir.resolve("flows.log.gz");
        Path output = dir.resolve("scored.csv");
        write(input, records, 5);
        System.out.printf(Locale.ROOT, "records %,d, gzip %.1f MB, %d cores, max heap %d MB, Java %s%n", records, Files.size(input) / 1e6,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        System.out.println("round   import  features  fit+score  hosts   write  findings   total   score-command (ms)   heap MB: max used, max live after GC");
        for (int round = 1; round <= rounds; round++) {
            System.gc();
            PipelineBench.HeapProbe probe = PipelineBench.HeapProbe.begin();
            long t0 = System.nanoTime();
            ImportResult imported = new AnalysisPipeline().importFile(input, ProgressListener.NONE, CancelToken.NEVER);
            long t1 = System.nanoTime();
            FeatureMatrix x = new FeatureBuilder().build(imported.table(), FeatureSet.all());
            long t2 = System.nanoTime();
            ForestSettings s = ForestSettings.defaults();
            double[] scores = TrainedForest.fit(x.matrix(), s, ProgressListener.NONE, CancelToken.NEVER).scoreAll(x.matrix(), ProgressListener.NONE, CancelToken.NEVER);
            long t3 = System.nanoTime();
            HostScores hosts = HostScores.fit(dev.taw.features.IpProfile.of(imported.table()), s, ProgressListener.NONE, CancelToken.NEVER);
            long t4 = System.nanoTime();
            Threshold threshold = new Threshold(scores);
            double cutOff = threshold.cutOff(s.contamination());
            byte[] labels = Threshold.labels(scores, cutOff);
            new ScoredCsvWriter().write(output, imported.table(), scores, labels, ProgressListener.NONE, CancelToken.NEVER);
            long t5 = System.nanoTime();
            BitSet all = new BitSet();
            all.set(0, scores.length);
            new FindingsCalculator().compute(imported.table(), scores, labels, cutOff, all, hosts,
                    hosts == null ? null : hosts.labels(dev.taw.model.ForestSettings.DEFAULT_HOST_CONTAMINATION), null);
            long t6 = System.nanoTime();
            imported = null;
            x = null;
            System.gc();
            long t7 = System.nanoTime();
            int code = new ScoreCommand(new PrintStream(OutputStream.nullOutputStream()), System.err)
                    .run(new String[] {input.toString(), "--output", output.toString(), "-q"});
            long t8 = System.nanoTime();
            if (code != 0) throw new IllegalStateException("score exited with " + code);
            System.out.printf(Locale.ROOT, "%5d %8d %9d %10d %6d %7d %9d %7d %15d %25d %8s%n", round, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5),
                    ms(t5, t6), ms(t0, t6), ms(t7, t8), probe.finish() >> 20, probe.liveMb());
        }
        // the same number of records as 300 five-minute files in date folders: per-file overhead must not dominate
        Path folder = dir.resolve("AWSLogs");
        int files = 300;
        for (int f = 0; f < files; f++) {
            Path day = Files.createDirectories(folder.resolve("2024/04/" + (25 + f / 100)));
            write(day.resolve(String.format(Locale.ROOT, "111122223333_vpcflowlogs_us-east-1_fl-0abc_%03d.log.gz", f)), records / files, 100 + f);
        }
        AnalysisPipeline pipeline = new AnalysisPipeline();
        for (int round = 1; round <= rounds; round++) {
            System.gc();
            long t0 = System.nanoTime();
            ImportResult one = pipeline.importFile(input, ProgressListener.NONE, CancelToken.NEVER);
            long t1 = System.nanoTime();
            ImportResult many = pipeline.importFile(folder, ProgressListener.NONE, CancelToken.NEVER);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "import, round %d: one file %d ms (%,d records), a folder of %d files %d ms (%,d records): %.2f×%n", round,
                    ms(t0, t1), one.table().rowCount(), files, ms(t1, t2), many.table().rowCount(), (double) (t2 - t1) / (t1 - t0));
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static long ms(long a, long b) {
        return (b - a) / 1_000_000;
    }

    /**
     * A day's worth of flow records on 200 servers behind one ENI set: request and reply records of web
     * clients from 50,000 outside addresses, background probes, and a port scan. Deterministic.
     */
    public static void write(Path file, int records, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        long start = 1714086000L;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 20);
            buf.writeBytes((V5 + "\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder(400);
            for (int i = 0; i < records; i++) {
                int client = r.nextInt(50_000);
                String outside = (20 + client % 180) + "." + (client / 180 % 250 + 1) + "." + (client % 97 + 1) + "." + (client % 251 + 2);
                String server = "10.0." + (1 + client % 4) + "." + (10 + r.nextInt(200));
                boolean probe = i % 50 == 0, scan = i % 1000 == 1;
                boolean ingress = probe || scan || r.nextBoolean();
                int dport = scan ? 1 + (i / 1000) % 1024 : probe ? 23 : 443;
                int sport = 32768 + r.nextInt(28000);
                long packets = probe || scan ? 1 : 3 + r.nextInt(40);
                long bytes = probe || scan ? 44 : packets * (60 + r.nextInt(1400));
                long t = start + r.nextInt(86_400);
                String action = probe || scan ? "REJECT" : "ACCEPT";
                String src = ingress ? outside : server, dst = ingress ? server : outside;
                line.setLength(0);
                line.append("5 123456789012 eni-0a1b2c3d4e5f6").append(client % 8).append(' ')
                        .append(src).append(' ').append(dst).append(' ')
                        .append(ingress ? sport : dport).append(' ').append(ingress ? dport : sport).append(" 6 ")
                        .append(packets).append(' ').append(bytes).append(' ').append(t).append(' ').append(t + r.nextInt(60)).append(' ')
                        .append(action).append(" OK vpc-0f1e2d3c subnet-0a0b0c0d").append(client % 4).append(" i-0123456789abcdef").append(client % 4)
                        .append(' ').append(probe || scan ? 2 : 19).append(" IPv4 ").append(src).append(' ').append(dst)
                        .append(" us-east-1 use1-az").append(1 + client % 4).append(" - - - - ")
                        .append(ingress ? "ingress" : "egress").append(' ').append(ingress ? "-" : "8").append('\n');
                buf.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
                if (buf.size() > (1 << 20) - 1024) {
                    buf.writeTo(out);
                    buf.reset();
                }
            }
            buf.writeTo(out);
        }
    }
}
