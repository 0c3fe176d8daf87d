// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.features.HostContext;
import dev.taw.model.ForestSettings;
import dev.taw.table.Matrix;
import dev.taw.model.TrainedForest;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Medians;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A second forest, over hosts instead of rows: one line per source IP with what it did across the whole
 * log — how many flows, how many ports and hosts it touched, how much of it was rejected or SYN-only, how
 * much it moved, how regular its timing was, and for web logs how many of its requests failed (4xx, 5xx),
 * how many distinct paths it asked for and whether a tool rather than a browser sent them. A port scan's four hundred near-identical rows hide each other
 * from a row forest; as one host that tried four hundred ports it is alone. The suspicious-IP list is
 * ranked by this score, and each host is explained in the same what-if way as rows.
 */
public final class HostScores {
    /** Fewer hosts than this and a host forest learns nothing about normal: rows alone rank the IPs. */
    public static final int MIN_HOSTS = 50;

    private final TextColumn ip;
    private final List<String> names;
    private final double[][] columns;   // [feature][host code]
    private final double[] typical;
    private final double[] score;       // per host code
    private final TrainedForest forest;
    private final String records;       // what a row is to the analyst: "flows" or "requests"

    private HostScores(TextColumn ip, List<String> names, double[][] columns, double[] typical, double[] score, TrainedForest forest, String records) {
        this.records = records;
        this.ip = ip;
        this.names = names;
        this.columns = columns;
        this.typical = typical;
        this.score = score;
        this.forest = forest;
    }

    /** @return the host scores, or null when the log has no source IP or too few hosts */
    public static HostScores fit(Table t, ForestSettings s, ProgressListener progress, CancelToken cancel) {
        TextColumn ip = t.text(Role.SRC_IP).orElse(null);
        if (ip == null || ip.distinctCount() - 1 < MIN_HOSTS) return null;
        int hosts = ip.distinctCount();
        int[] rows = new int[hosts];
        for (int r = 0; r < t.rowCount(); r++) rows[ip.code(r)]++;
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        add(names, cols, "flows", perHost(rows, r -> Math.log(Math.max(1, r))));
        t.column(Role.DST_PORT).ifPresent(c -> add(names, cols, "ports", log1p(HostContext.distinctPerIp(t, ip, c))));
        t.column(Role.DST_IP).ifPresent(c -> add(names, cols, "hosts", log1p(HostContext.distinctPerIp(t, ip, c))));
        t.column(Role.VERDICT).ifPresent(c -> add(names, cols, "rejected", share(t, ip, rows, r -> HostContext.denied(c.format(r)))));
        t.column(Role.RESPONSE_CODE).ifPresent(c -> {
            java.util.function.IntUnaryOperator status = httpStatus(c);
            add(names, cols, "4xx", share(t, ip, rows, r -> status.applyAsInt(r) / 100 == 4)); // refused, not found: brute force, stuffing
            add(names, cols, "5xx", share(t, ip, rows, r -> status.applyAsInt(r) / 100 == 5)); // errors a fuzzer or injection provokes
        });
        var path = firstOf(t, PATH_COLUMNS);
        var userAgent = firstOf(t, AGENT_COLUMNS);
        path.ifPresent(c -> add(names, cols, "paths", log1p(HostContext.distinctPerIp(t, ip, c)))); // directory brute force, scraping
        userAgent.filter(TextColumn.class::isInstance).map(TextColumn.class::cast).ifPresent(agent -> {
            String[] d = agent.dictionary();
            boolean[] tool = new boolean[d.length];
            for (int k = 0; k < d.length; k++) tool[k] = UserAgents.isTool(d[k]);
            add(names, cols, "tool agent", share(t, ip, rows, r -> tool[agent.code(r)]));
        });
        t.column("tcp-flags").filter(NumberColumn.class::isInstance).ifPresent(c -> add(names, cols, "syn-only", share(t, ip, rows, r -> !c.isMissing(r) && ((NumberColumn) c).get(r) == 2.0)));
        double[] in = sum(t, ip, Role.BYTES_IN), out = sum(t, ip, Role.BYTES_OUT);
        if (in != null) add(names, cols, "bytes in", log1p(in));
        if (out != null) add(names, cols, "bytes out", log1p(out));
        if (in != null && out != null) {
            double[] per = new double[hosts];
            for (int h = 0; h < hosts; h++) per[h] = Math.log1p((in[h] + out[h]) / Math.max(1, rows[h]));
            add(names, cols, "per flow", per);
        }
        Role tf = FindingsCalculator.timeField(t);
        if (tf != null) add(names, cols, "regularity", regularity(t.time(tf).orElseThrow(), ip));
        // constant host features tell the forest nothing
        for (int f = cols.size() - 1; f >= 0; f--) {
            double[] v = cols.get(f);
            boolean constant = true;
            for (int h = 2; h < hosts && constant; h++) constant = v[h] == v[1];
            if (constant) {
                cols.remove(f);
                names.remove(f);
            }
        }
        if (cols.isEmpty()) return null;
        // code 0 is the empty address: leave it out of the fit by fitting on codes 1..n-1
        double[][] fitColumns = new double[cols.size()][];
        for (int f = 0; f < cols.size(); f++) fitColumns[f] = Arrays.copyOfRange(cols.get(f), 1, hosts);
        Matrix m = new Matrix(fitColumns, hosts - 1);
        cancel.throwIfCancelled();
        progress.onProgress("Scoring hosts", 0, 1);
        TrainedForest forest = TrainedForest.fit(m, s, ProgressListener.NONE, cancel);
        double[] hostScore = forest.scoreAll(m, ProgressListener.NONE, cancel);
        double[] score = new double[hosts];
        System.arraycopy(hostScore, 0, score, 1, hosts - 1);
        double[] typical = new double[fitColumns.length];
        for (int f = 0; f < fitColumns.length; f++) typical[f] = Medians.of(fitColumns[f]);
        double[][] all = cols.toArray(double[][]::new);
        boolean web = path.isPresent() || userAgent.isPresent();
        return new HostScores(ip, List.copyOf(names), all, typical, score, forest, web ? "requests" : "flows");
    }

    /** The host score of an IP (by its dictionary code in the source-IP column). */
    public double score(int ipCode) { return score[ipCode]; }

    public List<String> features() { return names; }

    /** The host features whose typical value lowers the host's score most, in words. */
    public String explain(int ipCode) {
        double[] x = new double[columns.length];
        for (int f = 0; f < x.length; f++) x[f] = columns[f][ipCode];
        double base = forest.score(x);
        List<double[]> drops = new ArrayList<>();
        for (int f = 0; f < x.length; f++) {
            double keep = x[f];
            x[f] = typical[f];
            double drop = base - forest.score(x);
            x[f] = keep;
            if (drop >= 0.005) drops.add(new double[] {f, drop});
        }
        drops.sort(Comparator.comparingDouble((double[] d) -> d[1]).reversed());
        List<String> words = new ArrayList<>();
        for (double[] d : drops.subList(0, Math.min(3, drops.size()))) words.add(words((int) d[0], columns[(int) d[0]][ipCode], typical[(int) d[0]]));
        return words.isEmpty() ? "no single trait stands out" : String.join("; ", words);
    }

    private String words(int f, double v, double typ) {
        return switch (names.get(f)) {
            case "flows" -> String.format(Locale.ROOT, "%d %s (typical host: %d)", Math.round(Math.exp(v)), records, Math.round(Math.exp(typ)));
            case "ports" -> String.format(Locale.ROOT, "tried %d ports (typical %d)", Math.round(Math.expm1(v)), Math.round(Math.expm1(typ)));
            case "hosts" -> String.format(Locale.ROOT, "reached %d host(s) (typical %d)", Math.round(Math.expm1(v)), Math.round(Math.expm1(typ)));
            case "rejected" -> String.format(Locale.ROOT, "%s of its traffic denied (typical %s)", Formats.percent(v), Formats.percent(typ));
            case "syn-only" -> String.format(Locale.ROOT, "%s SYN-only flows (typical %s)", Formats.percent(v), Formats.percent(typ));
            case "bytes in" -> String.format(Locale.ROOT, "sent us %s (typical %s)", Formats.bytes(Math.expm1(v)), Formats.bytes(Math.expm1(typ)));
            case "bytes out" -> String.format(Locale.ROOT, "received %s from us (typical %s)", Formats.bytes(Math.expm1(v)), Formats.bytes(Math.expm1(typ)));
            case "per flow" -> String.format(Locale.ROOT, "%s per " + records.substring(0, records.length() - 1) + " (typical %s)", Formats.bytes(Math.expm1(v)), Formats.bytes(Math.expm1(typ)));
            case "4xx" -> String.format(Locale.ROOT, "%s of its requests refused or not found (4xx; typical %s)", Formats.percent(v), Formats.percent(typ));
            case "5xx" -> String.format(Locale.ROOT, "%s of its requests ended in server errors (5xx; typical %s)", Formats.percent(v), Formats.percent(typ));
            case "paths" -> String.format(Locale.ROOT, "asked for %d distinct paths (typical %d)", Math.round(Math.expm1(v)), Math.round(Math.expm1(typ)));
            case "tool agent" -> String.format(Locale.ROOT, "%s of its requests from a tool, not a browser (typical %s)", Formats.percent(v), Formats.percent(typ));
            case "regularity" -> String.format(Locale.ROOT, "%s timing (regularity %.2f, typical %.2f)", v > typ ? "clockwork" : "irregular", v, typ);
            default -> names.get(f);
        };
    }

    private static void add(List<String> names, List<double[]> cols, String name, double[] v) {
        names.add(name);
        cols.add(v);
    }

    private interface RowTest { boolean test(int row); }

    private static double[] perHost(int[] rows, java.util.function.IntToDoubleFunction f) {
        double[] v = new double[rows.length];
        for (int h = 0; h < rows.length; h++) v[h] = f.applyAsDouble(rows[h]);
        return v;
    }

    private static double[] share(Table t, TextColumn ip, int[] rows, RowTest test) {
        double[] hits = new double[rows.length];
        for (int r = 0; r < t.rowCount(); r++) if (test.test(r)) hits[ip.code(r)]++;
        for (int h = 0; h < rows.length; h++) hits[h] = rows[h] == 0 ? 0 : hits[h] / rows[h];
        return hits;
    }

    /** A request's path and user agent, as ALB and WAF (first) and CloudFront name them. */
    private static final List<String> PATH_COLUMNS = List.of("path", "uri", "cs-uri-stem");
    private static final List<String> AGENT_COLUMNS = List.of("user_agent", "cs(User-Agent)");

    private static java.util.Optional<dev.taw.table.Column> firstOf(Table t, List<String> names) {
        return names.stream().map(t::column).flatMap(java.util.Optional::stream).findFirst();
    }

    /** Each row's HTTP status as a number, or -1 (an action such as ACCEPT, or no value); parsed once per distinct text. */
    private static java.util.function.IntUnaryOperator httpStatus(dev.taw.table.Column c) {
        if (c instanceof NumberColumn n) return r -> n.isMissing(r) ? -1 : (int) n.get(r);
        if (c instanceof TextColumn tc) {
            String[] d = tc.dictionary();
            int[] byCode = new int[d.length];
            for (int k = 0; k < d.length; k++) byCode[k] = d[k].matches("[1-5]\\d\\d") ? Integer.parseInt(d[k]) : -1;
            return r -> byCode[tc.code(r)];
        }
        return r -> -1;
    }

    private static double[] sum(Table t, TextColumn ip, Role f) {
        NumberColumn c = t.number(f).orElse(null);
        if (c == null) return null;
        double[] s = new double[ip.distinctCount()];
        for (int r = 0; r < t.rowCount(); r++) s[ip.code(r)] += c.get(r);
        return s;
    }

    private static double[] log1p(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = Math.log1p(v[i]);
        return o;
    }

    /** 1 / (1 + coefficient of variation of the gaps between a host's distinct start times); 0 below 5 flows. */
    private static double[] regularity(TimeColumn time, TextColumn ip) {
        int n = time.size();
        long[] pairs = new long[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (time.isMissing(r)) continue;
            pairs[m++] = (long) ip.code(r) << 40 | (time.get(r) / 1000 & 0xFFFFFFFFFFL); // seconds fit in 40 bits until year 36812
        }
        long[] p = Arrays.copyOf(pairs, m);
        Arrays.parallelSort(p);
        double[] reg = new double[ip.distinctCount()];
        int i = 0;
        while (i < m) {
            int host = (int) (p[i] >>> 40);
            int j = i;
            while (j < m && (int) (p[j] >>> 40) == host) j++;
            List<Long> gaps = new ArrayList<>();
            for (int k = i + 1; k < j; k++) {
                long g = (p[k] & 0xFFFFFFFFFFL) - (p[k - 1] & 0xFFFFFFFFFFL);
                if (g > 0) gaps.add(g);
            }
            if (gaps.size() >= 4) {
                double mean = gaps.stream().mapToLong(Long::longValue).average().orElse(0);
                double var = gaps.stream().mapToDouble(g -> (g - mean) * (g - mean)).sum() / gaps.size();
                reg[host] = 1.0 / (1.0 + Math.sqrt(var) / mean);
            }
            i = j;
        }
        return reg;
    }
}
