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
 * column (ports, hosts, paths) it touched. Each column is counted once, on first use; two columns can be counted
 * at once on two cores.
 */
public final class IpProfile {
    private final Table table;
    private final HostKeys hosts;
    private final Map<Column, double[]> distinct = new ConcurrentHashMap<>();
    private volatile Volumes volumes;
    private volatile Groups groups;
    private final Object hostMatrixLock = new Object();
    private HostMatrix hostMatrix;
    private boolean hostMatrixMade;

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

    /** Per row of {@code verdict}, whether it is {@link #denied}; a text column's values are read once each, not once per row. */
    public static boolean[] deniedRows(Column verdict) {
        int n = verdict.size();
        boolean[] flag = new boolean[n];
        if (verdict instanceof TextColumn tc) {
            String[] values = tc.dictionary();
            boolean[] deniedCode = new boolean[values.length];
            for (int k = 0; k < values.length; k++) deniedCode[k] = denied(values[k]);
            int[] codes = tc.codes();
            for (int r = 0; r < n; r++) flag[r] = deniedCode[codes[r]];
        } else {
            for (int r = 0; r < n; r++) flag[r] = denied(verdict.format(r));
        }
        return flag;
    }

    /** Rows of this row's IP. */
    public int rowsOf(int row) { return volumes().rowsPerIp[hosts.code(row)]; }

    /** log(1 + bytes_in + bytes_out) of the row. */
    public double volume(int row) { return volumes().volume[row]; }

    /** Median of {@link #volume} over this row's IP. */
    public double usualVolumeOf(int row) { return volumes().usual[hosts.code(row)]; }

    /**
     * Distinct values per host in linear time: the rows are visited host by host ({@link Groups}), and a value
     * counts when the host visiting it is not the last one that did. A value is its dictionary code, a number's
     * integer part, or a text's hash, each cut to 32 bits; values spread too widely for a stamp per value are
     * sorted within each host instead.
     */
    private double[] countDistinct(Column c) {
        int n = table.rowCount();
        int[] value = new int[n];
        for (int r = 0; r < n; r++) {
            long v = c instanceof TextColumn tc ? tc.code(r) : c instanceof NumberColumn nc ? (long) nc.get(r) : c.format(r).hashCode();
            value[r] = (int) v;
        }
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int v : value) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Groups g = groups();
        double[] d = new double[hosts.distinctCount()];
        if (n > 0 && (long) max - min < Math.max(1L << 16, 4L * n)) {
            int[] stamp = new int[max - min + 1];
            Arrays.fill(stamp, -1);
            for (int h = 0; h < d.length; h++) {
                int count = 0;
                for (int i = g.start[h]; i < g.start[h + 1]; i++) {
                    int k = value[g.order[i]] - min;
                    if (stamp[k] != h) {
                        stamp[k] = h;
                        count++;
                    }
                }
                d[h] = count;
            }
        } else {
            int[] scratch = new int[n];
            for (int h = 0; h < d.length; h++) {
                int a = g.start[h], b = g.start[h + 1];
                for (int i = a; i < b; i++) scratch[i] = value[g.order[i]];
                Arrays.sort(scratch, a, b);
                int count = 0;
                for (int i = a; i < b; i++) if (i == a || scratch[i] != scratch[i - 1]) count++;
                d[h] = count;
            }
        }
        return d;
    }

    /** Made once: the row features and the host forest ask for it at the same time, on two cores. */
    private Groups groups() {
        Groups g = groups;
        if (g != null) return g;
        synchronized (this) {
            if (groups == null) groups = new Groups(hosts);
            return groups;
        }
    }

    /** The rows host by host, each host's in file order: a counting sort by host code, made once and shared. */
    private static final class Groups {
        final int[] order;
        final int[] start; // host h's rows are order[start[h] .. start[h + 1])

        Groups(HostKeys ip) {
            int[] codes = ip.codes();
            int k = ip.distinctCount();
            start = new int[k + 1];
            for (int c : codes) start[c + 1]++;
            for (int c = 0; c < k; c++) start[c + 1] += start[c];
            int[] fill = Arrays.copyOf(start, k);
            order = new int[codes.length];
            for (int i = 0; i < codes.length; i++) order[fill[codes[i]]++] = i;
        }
    }

    private Volumes volumes() {
        Volumes v = volumes;
        if (v != null) return v;
        Groups g = groups();
        synchronized (this) {
            if (volumes == null) volumes = new Volumes(table, hosts, g);
            return volumes;
        }
    }

    /**
     * The host features over these hosts ({@link HostFeatures#build}), made once: each Run of the window fits a new
     * host forest on the same hosts, and making them was a third of the host forest's time. Null when there are none.
     */
    public HostMatrix hostMatrix() {
        // a lock of its own: on this profile's, the row features (which ask for the groups and volumes, made under
        // it) waited out the whole of the host features, a core idle for a tenth of a second of a file's first run
        synchronized (hostMatrixLock) {
            if (!hostMatrixMade) {
                hostMatrix = HostFeatures.build(this);
                hostMatrixMade = true;
            }
            return hostMatrix;
        }
    }

    /** Rows per host (index: the host's code). Shared: callers must not modify it. */
    public int[] rowsPerHost() { return volumes().rowsPerIp; }

    /** Rows per IP and the median volume of each IP's rows. */
    private static final class Volumes {
        final int[] rowsPerIp;
        final double[] volume;
        final double[] usual;

        Volumes(Table t, HostKeys ip, Groups g) {
            double[] in = t.number(Role.BYTES_IN).map(NumberColumn::values).orElse(new double[t.rowCount()]);
            double[] out = t.number(Role.BYTES_OUT).map(NumberColumn::values).orElse(new double[t.rowCount()]);
            int n = t.rowCount();
            int k = ip.distinctCount();
            int[] start = g.start;
            rowsPerIp = new int[k];
            for (int c = 0; c < k; c++) rowsPerIp[c] = start[c + 1] - start[c];
            volume = new double[n];
            for (int i = 0; i < n; i++) volume[i] = Math.log1p(Math.max(0, in[i]) + Math.max(0, out[i]));
            double[] grouped = new double[n];
            for (int i = 0; i < n; i++) grouped[i] = volume[g.order[i]];
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
