// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes small labelled ALB access, WAF and CloudFront logs for {@code sample-data/}: ordinary shoppers and the
 * internet's background noise (one-off probes for /.env or /wp-login.php from a hundred addresses, with
 * tool user agents), plus a directory brute force (many 404s from one host), credential stuffing (401s on
 * /login from one host), an SQL-injection scanner (sqlmap, blocked by the WAF) and, in the ALB log, a
 * scraper walking the whole catalogue. {@link #albAttackers()} names the incident hosts. Deterministic
 * for a seed.
 * <p>{@code java … dev.taw.bench.WebLogGenerator OUT_DIR [SEED]}
 */
public final class WebLogGenerator {
    private static final long START = 1714086000L;
    private static final String[] PAGES = {"/", "/products", "/products/42", "/cart", "/api/cart", "/static/app.js", "/static/site.css", "/search?q=shoes"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"};
    private final SplittableRandom random;

    public WebLogGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        WebLogGenerator g = new WebLogGenerator(args.length > 1 ? Long.parseLong(args[1]) : 11);
        g.writeAlb(dir.resolve("alb-access-sample.log"));
        g.writeWaf(dir.resolve("waf-sample.log"));
        g.writeCloudFront(dir.resolve("cloudfront-sample.log"));
        new FlowLogGenerator(7).write(dir.resolve("vpc-flow-sample.log"));
        System.out.println("wrote the ALB, WAF, CloudFront and VPC flow samples to " + dir);
    }

    /** The incident hosts of {@link #writeAlb}, address → incident. */
    public static java.util.Map<String, String> albAttackers() {
        return java.util.Map.of("45.155.205.233", "directory brute force", "185.220.101.45", "credential stuffing",
                "193.32.162.10", "sql injection", "5.188.62.140", "scraping");
    }

    /** The incident hosts of {@link #writeWaf}, address → incident. */
    public static java.util.Map<String, String> wafAttackers() {
        return java.util.Map.of("45.155.205.233", "admin brute force (CAPTCHA)", "185.220.101.45", "credential stuffing (rate limit)",
                "193.32.162.10", "sql injection");
    }

    public void writeAlb(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) alb(b, shopper(), PAGES[random.nextInt(PAGES.length)], random.nextInt(40) == 0 ? 304 : 200,
                AGENTS[random.nextInt(AGENTS.length)], "forward");
        String[] probes = {"/.env", "/wp-login.php", "/.git/config", "/phpinfo.php", "/admin/", "/"};
        String[] probeAgents = {"curl/8.5.0", "Mozilla/5.0 zgrab/0.x", "python-requests/2.28.1", "-", "Go-http-client/1.1"};
        for (int n = 0; n < 100; n++) { // background noise: every public address gets these
            String ip = "91." + (1 + n / 50) + "." + (n % 50 + 1) + "." + (20 + n % 200);
            for (int k = 0, m = 1 + random.nextInt(2); k < m; k++) {
                String path = probes[random.nextInt(probes.length)];
                alb(b, ip, path, path.equals("/") ? 200 : 404, probeAgents[random.nextInt(probeAgents.length)], "forward");
            }
        }
        for (int i = 0; i < 400; i++) alb(b, "5.188.62.140", "/products/" + (1000 + i), 200, "Scrapy/2.11.0 (+https://scrapy.org)", "forward");
        for (int i = 0; i < 150; i++) alb(b, "45.155.205.233", "/" + word() + (random.nextBoolean() ? ".php" : "/"), 404, "gobuster/3.6", "forward");
        for (int i = 0; i < 80; i++) alb(b, "185.220.101.45", "/login", 401, "python-requests/2.31.0", "forward");
        for (int i = 0; i < 25; i++) alb(b, "193.32.162.10", "/login.php?id=1%27%20OR%201=1--", 403, "sqlmap/1.8#stable (https://sqlmap.org)", "waf");
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    public void writeWaf(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1500; i++) waf(b, shopper(), "ALLOW", "Default_Action", PAGES[random.nextInt(PAGES.length)], AGENTS[random.nextInt(AGENTS.length)], "");
        for (int i = 0; i < 25; i++) waf(b, "193.32.162.10", "BLOCK", "AWS-AWSManagedRulesSQLiRuleSet", "/login.php", "sqlmap/1.8#stable (https://sqlmap.org)",
                "awswaf:managed:aws:sql-database:SQLi_QueryArguments");
        for (int i = 0; i < 60; i++) waf(b, "185.220.101.45", "BLOCK", "rate-limit-per-ip", "/login", "python-requests/2.31.0", "");
        for (int i = 0; i < 40; i++) waf(b, "45.155.205.233", "CAPTCHA", "captcha-admin", "/admin/", "gobuster/3.6", "");
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /** A CloudFront standard log of the same shop: shoppers, background probes and the ALB log's four incidents. */
    public void writeCloudFront(Path file) throws IOException {
        StringBuilder b = new StringBuilder("#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
                + "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes "
                + "time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status "
                + "fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end\n");
        for (int i = 0; i < 2000; i++) cloudFront(b, shopper(), PAGES[random.nextInt(PAGES.length)], 200, AGENTS[random.nextInt(AGENTS.length)]);
        String[] probes = {"/.env", "/wp-login.php", "/.git/config", "/phpinfo.php"};
        for (int n = 0; n < 80; n++) {
            cloudFront(b, "91." + (1 + n / 50) + "." + (n % 50 + 1) + "." + (20 + n % 200), probes[random.nextInt(probes.length)], 404,
                    random.nextBoolean() ? "curl/8.5.0" : "-");
        }
        for (int i = 0; i < 150; i++) cloudFront(b, "45.155.205.233", "/" + word() + (random.nextBoolean() ? ".php" : "/"), 404, "gobuster/3.6");
        for (int i = 0; i < 80; i++) cloudFront(b, "185.220.101.45", "/login", 401, "python-requests/2.31.0");
        for (int i = 0; i < 25; i++) cloudFront(b, "193.32.162.10", "/login.php?id=1%27%20OR%201=1--", 403, "sqlmap/1.8#stable (https://sqlmap.org)");
        for (int i = 0; i < 400; i++) cloudFront(b, "5.188.62.140", "/products/" + (1000 + i), 200, "Scrapy/2.11.0 (+https://scrapy.org)");
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    private void cloudFront(StringBuilder b, String client, String pathAndQuery, int status, String agent) {
        Instant t = Instant.ofEpochSecond(START + random.nextInt(3600));
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), query = q < 0 ? "-" : pathAndQuery.substring(q + 1);
        int out = status == 200 ? 2000 + random.nextInt(40000) : 200 + random.nextInt(300), in = 300 + random.nextInt(600);
        String result = status == 200 ? (random.nextBoolean() ? "Hit" : "Miss") : "Error";
        String[] cells = {t.toString().substring(0, 10), t.toString().substring(11, 19), random.nextBoolean() ? "IAD89-P1" : "FRA56-P3",
            Integer.toString(out), client, path.equals("/login") ? "POST" : "GET", "d111111abcdef8.cloudfront.net", path, Integer.toString(status), "-",
            agent.replace(" ", "%20"), query, "-", result, Long.toHexString(random.nextLong()) + "==", "shop.example.com", "https", Integer.toString(in),
            String.format(java.util.Locale.ROOT, "%.3f", 0.001 + random.nextInt(200) / 1000.0), "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", result,
            "HTTP/2.0", "-", "-", Integer.toString(1024 + random.nextInt(60000)), "0.001", result, "text/html", Integer.toString(out), "-", "-"};
        b.append(String.join("\t", cells)).append('\n');
    }

    private void alb(StringBuilder b, String client, String path, int status, String agent, String actions) {
        Instant t = Instant.ofEpochSecond(START + random.nextInt(3600), random.nextInt(1_000_000) * 1000L);
        boolean forwarded = actions.equals("forward");
        int in = 300 + random.nextInt(600), out = status == 200 ? 2000 + random.nextInt(40000) : 200 + random.nextInt(300);
        b.append("https ").append(t).append(" app/shop-alb/5f2c1a9e7b3d4c60 ").append(client).append(':').append(1024 + random.nextInt(60000))
                .append(forwarded ? " 10.0.1." + (20 + random.nextInt(4)) + ":8080 0.001 " + (0.005 + random.nextInt(90) / 1000.0) + " 0.000 " : " - -1 -1 -1 ")
                .append(status).append(forwarded ? " " + status : " -").append(' ').append(in).append(' ').append(out)
                .append(" \"").append(path.startsWith("/login") && status != 403 ? "POST" : "GET").append(" https://shop.example.com:443").append(path)
                .append(" HTTP/1.1\" \"").append(agent.replace("\"", "\\\"")).append("\" TLS_AES_128_GCM_SHA256 TLSv1.3 ")
                .append(forwarded ? "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/shop/0a1b2c3d4e5f6071" : "-")
                .append(" \"Root=1-").append(Long.toHexString(random.nextLong())).append("\" \"shop.example.com\" \"session-reused\" ")
                .append(forwarded ? 3 : 0).append(' ').append(t.minusMillis(20)).append(" \"").append(actions).append("\" \"-\" \"-\" \"-\" \"-\" \"-\" \"-\"\n");
    }

    private void waf(StringBuilder b, String client, String action, String rule, String uri, String agent, String label) {
        long ts = (START + random.nextInt(3600)) * 1000L + random.nextInt(1000);
        b.append("{\"timestamp\":").append(ts).append(",\"formatVersion\":1,\"webaclId\":\"arn:aws:wafv2:us-east-1:111122223333:regional/webacl/shop-acl/0b1c2d3e\",")
                .append("\"terminatingRuleId\":\"").append(rule).append("\",\"terminatingRuleType\":\"")
                .append(rule.startsWith("AWS-") ? "MANAGED_RULE_GROUP" : rule.startsWith("rate") ? "RATE_BASED" : "REGULAR")
                .append("\",\"action\":\"").append(action).append("\",\"httpSourceName\":\"ALB\",\"ruleGroupList\":[],\"rateBasedRuleList\":[],")
                .append("\"nonTerminatingMatchingRules\":[],\"httpRequest\":{\"clientIp\":\"").append(client).append("\",\"country\":\"-\",\"headers\":[")
                .append("{\"name\":\"Host\",\"value\":\"shop.example.com\"},{\"name\":\"User-Agent\",\"value\":\"").append(agent)
                .append("\"}],\"uri\":\"").append(uri).append("\",\"args\":\"\",\"httpVersion\":\"HTTP/1.1\",\"httpMethod\":\"GET\",\"requestId\":\"")
                .append(Long.toHexString(random.nextLong())).append("\"}")
                .append(label.isEmpty() ? "" : ",\"labels\":[{\"name\":\"" + label + "\"}]").append("}\n");
    }

    private String shopper() {
        int c = random.nextInt(300);
        return "11." + (1 + c / 250) + "." + (c % 250 + 1) + "." + (10 + c % 90);
    }

    private String word() {
        String[] w = {"admin", "backup", "old", "test", "wp-admin", "config", "db", "phpmyadmin", "api", "dev", "private", "uploads"};
        return w[random.nextInt(w.length)] + random.nextInt(50);
    }
}
