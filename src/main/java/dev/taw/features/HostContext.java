// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What each outside host did across the whole log: the share of its flows that were rejected, how many
 * distinct ports and hosts it touched, and the share of SYN-only flows. These are the signals of scans,
 * sweeps, probes and floods, which no single row shows.
 */
public final class HostContext {
    private HostContext() { }

    /** Verdicts that deny a request or flow: a firewall's REJECT, a WAF's BLOCK, CAPTCHA or CHALLENGE. */
    public static boolean denied(String verdict) {
        return switch (verdict.toUpperCase(java.util.Locale.ROOT)) {
            case "REJECT", "BLOCK", "CAPTCHA", "CHALLENGE" -> true;
            default -> false;
        };
    }

    /** Share of this row's src_ip rows whose verdict denied it. */
    static double[] rejectShare(Table t) {
        TextColumn ip = t.text(Role.SRC_IP).orElseThrow();
        Column verdict = t.column(Role.VERDICT).orElseThrow();
        boolean[] flag = new boolean[t.rowCount()];
        for (int r = 0; r < flag.length; r++) flag[r] = denied(verdict.format(r));
        return shareByIp(ip, flag);
    }

    /** Share of this row's src_ip flows with tcp-flags exactly 2 (SYN only); null when there is no tcp-flags column. */
    static double[] synOnlyShare(Table t) {
        NumberColumn flags = (NumberColumn) t.column("tcp-flags").filter(NumberColumn.class::isInstance).orElse(null);
        if (flags == null) return null;
        boolean[] flag = new boolean[t.rowCount()];
        for (int r = 0; r < flag.length; r++) flag[r] = !flags.isMissing(r) && flags.get(r) == 2.0;
        return shareByIp(t.text(Role.SRC_IP).orElseThrow(), flag);
    }

    /** log(1 + number of distinct values of {@code other} seen with this row's src_ip). */
    static double[] breadth(Table t, Role other) {
        TextColumn ip = t.text(Role.SRC_IP).orElseThrow();
        double[] perIp = distinctPerIp(t, ip, t.column(other).orElseThrow());
        double[] v = new double[t.rowCount()];
        for (int r = 0; r < v.length; r++) v[r] = Math.log1p(perIp[ip.code(r)]);
        return v;
    }

    /**
     * Distinct values per source IP, kept while the columns live: the row features (ports and hosts per IP) and
     * the host forest ask for the same counts, and each is a sort of a million pairs.
     */
    private static final Map<Column, Map<Column, double[]>> DISTINCT = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Distinct values of {@code c} per source IP (index: the IP's dictionary code), by sorting (ip, value) pairs.
     * The array is shared: callers must not modify it.
     */
    public static double[] distinctPerIp(Table t, TextColumn ip, Column c) {
        Map<Column, double[]> byIp = DISTINCT.computeIfAbsent(c, k -> new java.util.concurrent.ConcurrentHashMap<>());
        double[] known = byIp.get(ip);
        if (known != null) return known;
        double[] d = countDistinctPerIp(t, ip, c); // outside any lock: two columns are counted at once on two cores
        byIp.put(ip, d);
        return d;
    }

    private static double[] countDistinctPerIp(Table t, TextColumn ip, Column c) {
        int n = t.rowCount();
        long[] pairs = new long[n];
        for (int r = 0; r < n; r++) {
            long value = c instanceof TextColumn tc ? tc.code(r) : c instanceof NumberColumn nc ? (long) nc.get(r) : c.format(r).hashCode();
            pairs[r] = (long) ip.code(r) << 32 | (value & 0xFFFFFFFFL);
        }
        Arrays.parallelSort(pairs);
        double[] d = new double[ip.distinctCount()];
        for (int i = 0; i < n; i++) if (i == 0 || pairs[i] != pairs[i - 1]) d[(int) (pairs[i] >>> 32)]++;
        return d;
    }

    private static double[] shareByIp(TextColumn ip, boolean[] flag) {
        int[] rows = new int[ip.distinctCount()];
        int[] hits = new int[ip.distinctCount()];
        for (int r = 0; r < flag.length; r++) {
            rows[ip.code(r)]++;
            if (flag[r]) hits[ip.code(r)]++;
        }
        double[] v = new double[flag.length];
        for (int r = 0; r < flag.length; r++) v[r] = (double) hits[ip.code(r)] / rows[ip.code(r)];
        return v;
    }
}
