// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic web traffic in the seed export's 16 columns plus a {@code scenario} column that says
 * which rows are injected attacks (the forest never sees it; it is there so an analyst can check the
 * result). Normal clients come from a weighted country mix and keep their own usual volume; the
 * injected incidents are an exfiltration (huge bytes_out to one outside host), a port scan (one-off
 * tiny sessions to odd ports), a password brute force (hundreds of small 401s from one IP) and a bulk
 * uploader like the seed's 4.7 MB-every-ten-minutes client. Deterministic for a given seed.
 *
 * <p>{@code java … dev.taw.bench.TrafficGenerator ROWS OUT.csv[.gz] [SEED]}
 */
public final class TrafficGenerator {
    static final String HEADER = "bytes_in,bytes_out,creation_time,end_time,src_ip,src_ip_country_code,protocol,response.code,"
            + "dst_port,dst_ip,rule_names,observation_name,source.meta,source.name,time,detection_types,scenario";
    private static final String[] COUNTRIES = {"US", "CA", "DE", "NL", "GB", "FR", "JP", "IN", "BR", "AU", "SE", "SG", "AT", "IL", "AE"};
    private static final double[] COUNTRY_WEIGHTS = {30, 12, 9, 7, 7, 6, 5, 5, 4, 3, 3, 3, 2, 2, 2};
    private static final String[] SERVERS = {"10.138.69.97", "10.138.69.98", "10.138.70.12"};
    private static final long START = Instant.parse("2024-04-25T23:00:00Z").getEpochSecond();
    private static final long WINDOW = 600;

    private final SplittableRandom random;
    private final int clients;
    private final double[] clientVolume;
    private final int[] clientCountry;

    public TrafficGenerator(long seed, int rows) {
        this.random = new SplittableRandom(seed);
        this.clients = Math.max(20, Math.min(50_000, rows / 20));
        this.clientVolume = new double[clients];
        this.clientCountry = new int[clients];
        for (int c = 0; c < clients; c++) {
            clientVolume[c] = Math.exp(8.5 + 1.2 * gaussian()); // median ~5 kB per ten minutes
            clientCountry[c] = weighted();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TrafficGenerator ROWS OUT.csv[.gz] [SEED]");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2024L;
        new TrafficGenerator(seed, rows).write(out, rows);
        System.out.println("wrote " + rows + " rows to " + out);
    }

    /** Writes {@code rows} rows; about 1 % of them are injected incidents. */
    public void write(Path out, int rows) throws IOException {
        OutputStream raw = Files.newOutputStream(out);
        if (out.toString().endsWith(".gz")) raw = new GZIPOutputStream(raw, 1 << 16);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(HEADER);
            w.write('\n');
            long windows = Math.max(36, rows / Math.max(1, clients / 3));
            int incidents = Math.max(40, rows / 100);
            int[] incidentAt = new int[incidents];
            for (int i = 0; i < incidents; i++) incidentAt[i] = (int) ((long) rows * (i + 1) / (incidents + 1));
            int next = 0;
            StringBuilder b = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                b.setLength(0);
                long window = START + (long) r * windows / rows * WINDOW;
                if (next < incidents && r == incidentAt[next]) {
                    incident(b, next++, window);
                } else {
                    normal(b, window);
                }
                w.append(b);
            }
        }
    }

    private void normal(StringBuilder b, long window) {
        int c = random.nextInt(clients);
        double in = clientVolume[c] * Math.exp(0.35 * gaussian());
        double out = in * (0.6 + 0.8 * random.nextDouble());
        boolean http = random.nextInt(20) == 0;
        int status = random.nextInt(50) == 0 ? 304 : random.nextInt(80) == 0 ? 404 : 200;
        row(b, in, out, window, window + WINDOW, clientIp(c), COUNTRIES[clientCountry[c]], http ? "HTTP" : "HTTPS", status,
                http ? 80 : 443, SERVERS[c % SERVERS.length], "normal");
    }

    /** Four incident kinds in turn, each from its own fixed outside host or range. */
    private void incident(StringBuilder b, int k, long window) {
        switch (k % 4) {
            case 0 -> row(b, 2_000 + random.nextInt(800), 45e6 * (1 + 0.1 * gaussian()), window, window + WINDOW,
                    "203.0.113.66", "RU", "HTTPS", 200, 443, SERVERS[0], "exfiltration");
            case 1 -> {
                int[] ports = {22, 23, 3389, 8080, 5432, 6379};
                row(b, 40 + random.nextInt(60), random.nextInt(3) * 40, window, window + 1 + random.nextInt(3),
                        "198.51.100." + (10 + random.nextInt(200)), random.nextBoolean() ? "CN" : "KP", "TCP", 0,
                        ports[random.nextInt(ports.length)], SERVERS[random.nextInt(SERVERS.length)], "port scan");
            }
            case 2 -> row(b, 900 + random.nextInt(60), 420 + random.nextInt(30), window, window + 40, "192.0.2.77", "BR", "HTTPS", 401,
                    443, SERVERS[1], "brute force");
            default -> row(b, 4.7e6 * (1 + 0.02 * gaussian()), 290e3 * (1 + 0.02 * gaussian()), window, window + WINDOW,
                    "155.91.45.242", "US", "HTTPS", 200, 443, SERVERS[0], "bulk upload");
        }
    }

    private static void row(StringBuilder b, double in, double out, long start, long end, String ip, String country, String protocol,
                            int status, int port, String server, String scenario) {
        b.append(Math.round(Math.max(0, in))).append(',').append(Math.round(Math.max(0, out))).append(',');
        iso(b, start).append(',');
        iso(b, end).append(',');
        b.append(ip).append(',').append(country).append(',').append(protocol).append(',').append(status).append(',').append(port).append(',')
                .append(server).append(",Suspicious Web Traffic,Adversary Infrastructure Interaction,AWS_VPC_Flow,prod_webserver,");
        iso(b, start).append(",waf_rule,").append(scenario).append('\n');
    }

    private static StringBuilder iso(StringBuilder b, long epochSecond) {
        return b.append(Instant.ofEpochSecond(epochSecond));
    }

    private String clientIp(int c) {
        return (11 + c / 65536 % 200) + "." + (c / 256 % 256) + "." + (c % 256) + "." + (1 + c * 7 % 250);
    }

    private int weighted() {
        double total = 0;
        for (double w : COUNTRY_WEIGHTS) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < COUNTRY_WEIGHTS.length; i++) {
            x -= COUNTRY_WEIGHTS[i];
            if (x < 0) return i;
        }
        return COUNTRY_WEIGHTS.length - 1;
    }

    private double gaussian() {
        // Box–Muller on the generator's own stream, so output depends on the seed alone
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
