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
 * Writes a labelled VPC Flow Log (custom v5-style header with tcp-flags and flow-direction) of one hour on
 * 20 servers: web clients (a request and a reply record per connection), the internet's background noise
 * (one-off SYN probes from hundreds of addresses, rejected) and seven incidents, each from its own outside
 * host: a port scan, SSH brute force, a SYN flood, database-port probes, a network sweep, data exfiltration
 * and a command-and-control beacon. {@link #attackers()} names the incident hosts for scoring the result.
 * All outside hosts, noise and incidents alike, have made-up public addresses, so their country cannot
 * give the incidents away.
 */
public final class FlowLogGenerator {
    static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action "
            + "log-status tcp-flags flow-direction";
    private static final long START = 1714086000L;
    private final SplittableRandom random;
    private final Map<String, String> attackers = new LinkedHashMap<>();
    private StringBuilder out;

    public FlowLogGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Outside address → incident, for the file last written. */
    public Map<String, String> attackers() {
        return attackers;
    }

    public void write(Path file) throws IOException {
        out = new StringBuilder(HEADER).append('\n');
        attackers.clear();
        for (int c = 0; c < 400; c++) webClient(outside(11, c), 3 + random.nextInt(18));
        int[] noisePorts = {23, 445, 3389, 8080, 5900, 1433, 8443, 81, 2323, 5060};
        for (int n = 0; n < 300; n++) {
            String ip = outside(12, n);
            for (int k = 0, m = 1 + random.nextInt(2); k < m; k++) {
                flow(ip, server(), 40000 + random.nextInt(20000), noisePorts[random.nextInt(noisePorts.length)], 1, 40 + random.nextInt(20), t(),
                        "REJECT", 2, "ingress");
            }
        }
        incident("port scan", outside(14, 1), ip -> {
            String target = server();
            for (int p = 1; p <= 400; p++) flow(ip, target, 51000, p, 1, 44, t(), "REJECT", 2, "ingress");
        });
        incident("ssh brute force", outside(14, 2), ip -> {
            for (int k = 0; k < 250; k++) flow(ip, "10.0.1.10", 30000 + k, 22, 12 + random.nextInt(6), 3000 + random.nextInt(1500), t(), "ACCEPT", 27, "ingress");
        });
        incident("syn flood", outside(14, 3), ip -> {
            for (int k = 0; k < 600; k++) flow(ip, "10.0.1.11", 1024 + random.nextInt(60000), 443, 1, 40 + random.nextInt(20), t(), "ACCEPT", 2, "ingress");
        });
        incident("database probes", outside(14, 4), ip -> {
            int[] db = {3306, 5432, 1433, 6379, 27017, 9200};
            for (int k = 0; k < 60; k++) flow(ip, server(), 50000 + k, db[k % db.length], 1, 60, t(), "REJECT", 2, "ingress");
        });
        incident("network sweep", outside(14, 5), ip -> {
            for (int h = 0; h < 200; h++) flow(ip, "10.0." + (2 + h / 250) + "." + (1 + h % 250), 45000, 22, 1, 44, t(), "REJECT", 2, "ingress");
        });
        incident("exfiltration", outside(14, 6), ip -> {
            for (int k = 0; k < 3; k++) flow("10.0.1.15", ip, 50100 + k, 443, 200_000, 250_000_000L + random.nextInt(100_000_000), t(), "ACCEPT", 19, "egress");
        });
        incident("c2 beacon", outside(14, 7), ip -> {
            for (int k = 0; k < 60; k++) {
                long at = START + 60L * k;
                flow("10.0.1.20", ip, 40000 + k, 8443, 3, 310 + random.nextInt(20), at, "ACCEPT", 19, "egress");
            }
        });
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private void incident(String kind, String ip, java.util.function.Consumer<String> flows) {
        attackers.put(ip, kind);
        flows.accept(ip);
    }

    private void webClient(String ip, int connections) {
        for (int k = 0; k < connections; k++) {
            String srv = server();
            long at = t();
            int port = 32768 + random.nextInt(28000);
            flow(ip, srv, port, 443, 6 + random.nextInt(15), 600 + random.nextInt(4000), at, "ACCEPT", 27, "ingress");
            flow(srv, ip, 443, port, 8 + random.nextInt(30), 2000 + random.nextInt(60000), at, "ACCEPT", 27, "egress");
        }
    }

    private void flow(String src, String dst, int sport, int dport, int packets, long bytes, long start, String action, int flags, String dir) {
        out.append("5 111122223333 eni-0a1b2c3d4e5f60718 ").append(src).append(' ').append(dst).append(' ').append(sport).append(' ')
                .append(dport).append(" 6 ").append(packets).append(' ').append(bytes).append(' ').append(start).append(' ')
                .append(start + random.nextInt(30)).append(' ').append(action).append(" OK ").append(flags).append(' ').append(dir).append('\n');
    }

    private String server() {
        return "10.0.1." + (10 + random.nextInt(20));
    }

    private long t() {
        return START + random.nextInt(3600);
    }

    /** Made-up public addresses: first octet {@code a}, spread by {@code n}. */
    private static String outside(int a, int n) {
        return a + "." + (n / 250 % 250 + 1) + "." + (n % 250 + 1) + "." + (7 + n % 200);
    }

    public static void main(String[] args) throws IOException {
        FlowLogGenerator g = new FlowLogGenerator(args.length > 1 ? Long.parseLong(args[1]) : 7);
        g.write(Path.of(args[0]));
        System.out.println("wrote " + args[0] + "; incidents: " + g.attackers());
    }
}
