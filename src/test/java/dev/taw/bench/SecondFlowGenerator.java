// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A second, independent labelled flow log, written to check that detection was not fitted to
 * {@link FlowLogGenerator}: a day instead of an hour, other address ranges, a different traffic model and the
 * same seven incident kinds done slowly and spread out. Normal traffic here is harder: clients' connection
 * counts are heavy-tailed (a few legitimate clients make hundreds of connections), twenty monitoring hosts poll
 * every minute like clockwork, thousands of one-off internet probes arrive (most rejected, some let in), and
 * accepted connections are logged both ways (request and reply records). The incidents are slow: an SSH
 * brute force of one attempt every few minutes for twelve hours, a port scan spread over six hours, a sweep
 * over two hours, a beacon every five minutes all day.
 */
public final class SecondFlowGenerator {
    static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action "
            + "log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr flow-direction";
    private static final long START = 1717200000L; // 2024-06-01, a day
    private static final long DAY = 86_400L;
    private final SplittableRandom random;
    private final Map<String, String> attackers = new LinkedHashMap<>();
    private StringBuilder out;
    private long start = START;
    private java.util.Set<String> only;

    public SecondFlowGenerator(long seed) {
        this.random = new SplittableRandom(seed * 7919 + 13);
    }

    public Map<String, String> attackers() {
        return attackers;
    }

    public void write(Path file) throws IOException {
        write(file, 0, null);
    }

    /**
     * One day of traffic: {@code day} days after the first, with only the incidents named in {@code incidents}
     * (null: all of them; empty: a clean day). The clients and monitoring hosts are the same every day.
     */
    public void write(Path file, int day, java.util.Set<String> incidents) throws IOException {
        this.start = START + day * DAY;
        this.only = incidents;
        out = new StringBuilder(HEADER).append('\n');
        attackers.clear();
        for (int c = 0; c < 1200; c++) { // heavy-tailed clients: most make a few connections, some hundreds
            String ip = outside(81, c);
            int n = (int) Math.min(400, Math.floor(2 / Math.pow(1 - random.nextDouble(), 0.9)));
            for (int k = 0; k < n; k++) connection(ip, server(), 1024 + random.nextInt(64000), random.nextInt(10) < 8 ? 443 : 80,
                    start + random.nextLong(DAY), 5 + random.nextInt(40), 600 + random.nextInt(3000), 2000 + (long) (80000 * random.nextDouble() * random.nextDouble()));
        }
        for (int m = 0; m < 20; m++) { // monitoring: a health check every minute, all day
            String ip = outside(82, m);
            String target = server();
            for (long at = start + random.nextInt(60); at < start + DAY; at += 60) connection(ip, target, 1024 + random.nextInt(64000), 443, at, 6, 500, 1200);
        }
        int[] probePorts = {22, 23, 80, 443, 445, 1433, 3306, 3389, 5900, 6379, 8080, 8443, 9200, 11211};
        for (int p = 0; p < 3000; p++) { // the internet's background: one or two probes per address
            String ip = outside(83 + p / 250, p % 250);
            for (int k = 0, n = 1 + (random.nextInt(4) == 0 ? 1 : 0); k < n; k++) {
                int port = probePorts[random.nextInt(probePorts.length)];
                long at = start + random.nextLong(DAY);
                if (port == 443 || port == 80) connection(ip, server(), 1024 + random.nextInt(64000), port, at, 3, 200 + random.nextInt(300), 300 + random.nextInt(800));
                else record(ip, server(), 1024 + random.nextInt(64000), port, 1, 40 + random.nextInt(24), at, at, "REJECT", 2, "ingress");
            }
        }
        for (int k = 0; k < 3000; k++) { // east-west traffic inside the VPC
            long at = start + random.nextLong(DAY);
            record(server(), "10.8.9." + (1 + random.nextInt(5)), 30000 + random.nextInt(30000), 5432, 10, 4000 + random.nextInt(9000), at, at + 2, "ACCEPT", 27, "egress");
        }
        incident("port scan", outside(99, 1), ip -> {
            for (int p = 0; p < 120; p++) {
                long at = start + 3600 + (long) p * 180 + random.nextInt(60);
                record(ip, "10.8.1." + (1 + p % 3), 40000 + random.nextInt(2000), 1 + random.nextInt(10000), 1, 44, at, at, "REJECT", 2, "ingress");
            }
        });
        incident("ssh brute force", outside(99, 2), ip -> {
            for (long at = start + 20000; at < start + 20000 + 12 * 3600; at += 120 + random.nextInt(120)) {
                connection(ip, "10.8.1.10", 1024 + random.nextInt(64000), 22, at, 1 + random.nextInt(3), 1800 + random.nextInt(600), 2400 + random.nextInt(800));
            }
        });
        incident("syn flood", outside(99, 3), ip -> {
            for (int k = 0; k < 2000; k++) {
                long at = start + 50000 + random.nextInt(300);
                record(ip, "10.8.1.11", 1024 + random.nextInt(64000), 443, 1, 40, at, at, "ACCEPT", 2, "ingress");
            }
        });
        incident("database probes", outside(99, 4), ip -> {
            int[] db = {3306, 5432, 1433, 6379, 27017};
            for (int s = 0; s < 8; s++) for (int d : db) {
                long at = start + 30000 + random.nextInt(7200);
                record(ip, "10.8.1." + (20 + s), 40000 + random.nextInt(20000), d, 1, 60, at, at, "REJECT", 2, "ingress");
            }
        });
        incident("network sweep", outside(99, 5), ip -> {
            for (int h = 0; h < 150; h++) {
                long at = start + 60000 + h * 48L;
                record(ip, "10.8." + (3 + h / 200) + "." + (1 + h % 200), 52000, 445, 1, 44, at, at, "REJECT", 2, "ingress");
            }
        });
        incident("exfiltration", outside(99, 6), ip -> {
            for (int k = 0; k < 2; k++) {
                long at = start + 7200 + k * 1800L;
                record("10.8.1.15", ip, 50100 + k, 443, 500_000, 700_000_000L + random.nextInt(100_000_000), at, at + 1700, "ACCEPT", 19, "egress");
                record(ip, "10.8.1.15", 443, 50100 + k, 20_000, 1_200_000, at, at + 1700, "ACCEPT", 19, "ingress");
            }
        });
        incident("c2 beacon", outside(99, 7), ip -> {
            for (long at = start + 100; at < start + DAY; at += 300 + random.nextInt(11) - 5) {
                int port = 1024 + random.nextInt(64000);
                record("10.8.1.30", ip, port, 443, 3, 200 + random.nextInt(16), at, at + 1, "ACCEPT", 27, "egress");
                record(ip, "10.8.1.30", 443, port, 3, 180 + random.nextInt(16), at, at + 1, "ACCEPT", 27, "ingress");
            }
        });
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private void incident(String kind, String ip, java.util.function.Consumer<String> records) {
        if (only != null && !only.contains(kind)) return;
        attackers.put(ip, kind);
        records.accept(ip);
    }

    /** An accepted TCP connection from an outside client: its request record and its reply record. */
    private void connection(String client, String server, int clientPort, int port, long at, int packets, long bytesIn, long bytesOut) {
        long end = at + random.nextInt(30);
        record(client, server, clientPort, port, packets, bytesIn, at, end, "ACCEPT", 27, "ingress");
        record(server, client, port, clientPort, packets + random.nextInt(3), bytesOut, at, end, "ACCEPT", 19, "egress");
    }

    private void record(String src, String dst, int sp, int dp, long packets, long bytes, long start, long end, String action, int flags, String dir) {
        out.append("5 222233334444 eni-0b1c2d3e4f5a6b7c8 ").append(src).append(' ').append(dst).append(' ').append(sp).append(' ').append(dp)
                .append(" 6 ").append(packets).append(' ').append(bytes).append(' ').append(start).append(' ').append(end).append(' ').append(action)
                .append(" OK vpc-0aa11bb22cc33dd44 subnet-0ee55ff66aa77bb88 i-0123abcd4567ef890 ").append(flags).append(" IPv4 ").append(src).append(' ')
                .append(dst).append(' ').append(dir).append('\n');
    }

    private String server() {
        return "10.8.1." + (1 + random.nextInt(30));
    }

    /** Made-up public addresses in ranges neither generator otherwise uses. */
    private static String outside(int a, int n) {
        return a + "." + (40 + n / 250) + "." + (n % 250 + 1) + "." + (7 + n % 200);
    }
}
