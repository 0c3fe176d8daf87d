// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.model.ContextWindow;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each source IP did across one log, worked out once per analysis and shared by the row features, the host
 * features and the explanations: its rows, the usual volume of its rows, and how many distinct values of a
 * column (ports, hosts, paths) it touched. Counting distinct values sorts a million pairs, so each column is
 * counted once, on first use; two columns can be counted at once on two cores.
 */
public final class IpProfile {
    private final Table table;
    private final HostKeys hosts;
    private final Map<Column, double[]> distinct = new ConcurrentHashMap<>();
    private volatile Volumes volumes;

    private IpProfile(Table table, HostKeys hosts) {
        this.table = table;
        this.hosts = hosts;
    }

    /** The profile of {@code t}'s source IPs over the whole log, or null when it has none. */
    public static IpProfile of(Table t) {
        return of(t, ContextWindow.WHOLE_LOG);
    }

    /**
     * The profile of {@code t}'s source hosts, each counted within its {@link ContextWindow} of {@code window} ms
     * (0: over the whole log; a log without a time is counted whole), or null when it has no source IP.
     */
    public static IpProfile of(Table t, long window) {
        Role time = Role.timeOf(t);
        TimeColumn clock = time == null ? null : t.time(time).orElseThrow();
        return t.text(Role.SRC_IP).map(ip -> new IpProfile(t, HostKeys.of(ip, clock, window))).orElse(null);
    }

    public Table table() { return table; }

    /** The hosts: source addresses, or addresses within context windows (host 0 is the empty address). */
    public HostKeys hosts() { return hosts; }

    /** Distinct values of {@code c} per host (index: the IP's code). Shared: callers must not modify it. */
    public double[] distinctPerIp(Column c) {
        double[] known = distinct.get(c);
        if (known != null) return known;
        double[] d = countDistinct(c); // outside any lock: two columns are counted at once on two cores
        distinct.putIfAbsent(c, d);
        return distinct.get(c);
    }

    /** Verdicts that deny a request or flow: a firewall's REJECT, a WAF's BLOCK, CAPTCHA or CHALLENGE. */
    public static boolean denied(String verdict) {
        return switch (verdict.toUpperCase(Locale.ROOT)) {
            case "REJECT", "BLOCK", "CAPTCHA", "CHALLENGE" -> true;
            default -> false;
        };
    }

    /** Rows of this row's IP. */
    public int rowsOf(int row) { return volumes().rowsPerIp[hosts.code(row)]; }

    /** log(1 + bytes_in + bytes_out) of the row. */
    public double volume(int row) { return volumes().volume[row]; }

    /** Median of {@link #volume} over this row's IP. */
    public double usualVolumeOf(int row) { return volumes().usual[hosts.code(row)]; }

    private double[] countDistinct(Column c) {
        int n = table.rowCount();
        long[] pairs = new long[n];
        for (int r = 0; r < n; r++) {
            long value = c instanceof TextColumn tc ? tc.code(r) : c instanceof NumberColumn nc ? (long) nc.get(r) : c.format(r).hashCode();
            pairs[r] = (long) hosts.code(r) << 32 | (value & 0xFFFFFFFFL);
        }
        Arrays.parallelSort(pairs);
        double[] d = new double[hosts.distinctCount()];
        for (int i = 0; i < n; i++) if (i == 0 || pairs[i] != pairs[i - 1]) d[(int) (pairs[i] >>> 32)]++;
        return d;
    }

    private Volumes volumes() {
        Volumes v = volumes;
        if (v == null) volumes = v = new Volumes(table, hosts);
        return v;
    }

    /** Rows per IP and the median volume of each IP's rows, by a counting sort of the rows by IP. */
    private static final class Volumes {
        final int[] rowsPerIp;
        final double[] volume;
        final double[] usual;

        Volumes(Table t, HostKeys ip) {
            double[] in = t.number(Role.BYTES_IN).map(NumberColumn::values).orElse(new double[t.rowCount()]);
            double[] out = t.number(Role.BYTES_OUT).map(NumberColumn::values).orElse(new double[t.rowCount()]);
            int n = t.rowCount();
            int[] codes = ip.codes();
            int k = ip.distinctCount();
            rowsPerIp = new int[k];
            for (int c : codes) rowsPerIp[c]++;
            volume = new double[n];
            for (int i = 0; i < n; i++) volume[i] = Math.log1p(Math.max(0, in[i]) + Math.max(0, out[i]));
            int[] start = new int[k + 1];
            for (int c = 0; c < k; c++) start[c + 1] = start[c] + rowsPerIp[c];
            int[] fill = Arrays.copyOf(start, k);
            double[] grouped = new double[n];
            for (int i = 0; i < n; i++) grouped[fill[codes[i]]++] = volume[i];
            usual = new double[k];
            for (int c = 0; c < k; c++) {
                int a = start[c], b = start[c + 1];
                if (a == b) continue;
                Arrays.sort(grouped, a, b);
                int len = b - a, mid = a + len / 2;
                usual[c] = len % 2 == 1 ? grouped[mid] : (grouped[mid - 1] + grouped[mid]) / 2.0;
            }
        }
    }
}
