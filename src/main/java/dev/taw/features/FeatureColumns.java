// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.table.Column;
import dev.taw.table.Medians;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.Map;

/**
 * One row feature's numbers for every row of a table ({@link #compute}): one pass over the rows per feature, by
 * value or by distinct value where that is the same, and the per-host numbers once per host. The byte counts' logs
 * are shared by the three features made of them ({@link ByteLogs}).
 */
final class FeatureColumns {
    private FeatureColumns() { }

    static Role rarityColumn(Feature f) {
        return switch (f) {
            case PROTOCOL_RARITY -> Role.PROTOCOL;
            case COUNTRY_RARITY -> Role.SRC_IP_COUNTRY_CODE;
            case PORT_RARITY -> Role.DST_PORT;
            case RULE_RARITY -> Role.RULE_NAMES;
            default -> throw new IllegalArgumentException(f + " is not a rarity");
        };
    }

    /** A row's value of a non-text rarity column as the share tables spell it (a port as a number's text). */
    static String key(Feature f, Column c, int r) {
        if (f == Feature.PORT_RARITY && c instanceof NumberColumn n) return Double.toString(n.get(r));
        return c.format(r);
    }

    /** Each row's share of its value in the baseline; a value the baseline never saw has share 0. */
    private static void baselineShare(Feature f, Table t, Shares shares, double[] v) {
        Column c = t.column(rarityColumn(f)).orElseThrow();
        if (c instanceof TextColumn tc) {
            String[] d = tc.dictionary();
            double[] byCode = new double[d.length];
            for (int k = 0; k < d.length; k++) byCode[k] = shares.share(d[k]);
            int[] codes = tc.codes();
            for (int i = 0; i < v.length; i++) v[i] = byCode[codes[i]];
            return;
        }
        Map<String, Double> seen = new java.util.HashMap<>();
        for (int i = 0; i < v.length; i++) v[i] = seen.computeIfAbsent(key(f, c, i), shares::share);
    }

    static double[] rawDuration(Table t) {
        TimeColumn start = t.time(Role.CREATION_TIME).orElseThrow();
        TimeColumn end = t.time(Role.END_TIME).orElseThrow();
        double[] v = new double[t.rowCount()];
        for (int i = 0; i < v.length; i++) v[i] = start.isMissing(i) || end.isMissing(i) ? Double.NaN : (end.get(i) - start.get(i)) / 1000.0;
        return v;
    }

    /**
     * The logs of the byte counts, taken once for the three features made of them (bytes in, bytes out and their
     * ratio: a million logs each). The features are computed side by side, so each log is made under its own lock.
     */
    static final class ByteLogs {
        private final Table t;
        private final Object inLock = new Object(), outLock = new Object();
        private double[] in, out;

        ByteLogs(Table t) { this.t = t; }

        double[] in() {
            synchronized (inLock) {
                if (in == null) in = logs(numbers(t, Role.BYTES_IN));
                return in;
            }
        }

        double[] out() {
            synchronized (outLock) {
                if (out == null) out = logs(numbers(t, Role.BYTES_OUT));
                return out;
            }
        }

        private static double[] logs(double[] bytes) {
            double[] v = new double[bytes.length];
            for (int i = 0; i < v.length; i++) v[i] = log1p(bytes[i]);
            return v;
        }
    }

    /**
     * @param ref  the baseline the rarities and the missing-length fill come from; null: from this table
     * @param logs the byte counts' logs, shared by the features of one matrix
     */
    static double[] compute(Feature f, Table t, IpProfile ip, RowReference ref, ByteLogs logs) {
        int n = t.rowCount();
        if (ref != null && RowReference.isRarity(f)) {
            double[] v = new double[n];
            baselineShare(f, t, ref.shares().get(f), v);
            return v;
        }
        if (f == Feature.BYTES_IN) return logs.in();
        if (f == Feature.BYTES_OUT) return logs.out();
        double[] v = new double[n];
        switch (f) {
            case BYTES_IN, BYTES_OUT -> throw new AssertionError(f); // returned above
            case OUT_IN_RATIO -> {
                double[] in = logs.in(), out = logs.out();
                for (int i = 0; i < n; i++) v[i] = out[i] - in[i];
            }
            case DURATION -> {
                v = rawDuration(t);
                if (ref != null) {
                    for (int i = 0; i < n; i++) if (Double.isNaN(v[i])) v[i] = ref.durationFill();
                } else {
                    fillMissingWithMedian(v);
                }
            }
            case DST_PORT -> System.arraycopy(numbers(t, Role.DST_PORT), 0, v, 0, n);
            case STATUS_CLASS -> statusClasses(t.column(Role.RESPONSE_CODE).orElseThrow(), v);
            case PROTOCOL_RARITY -> share(text(t, Role.PROTOCOL), v);
            case COUNTRY_RARITY -> share(text(t, Role.SRC_IP_COUNTRY_CODE), v);
            case IP_RECORDS -> {
                int[] rows = ip.rowsPerHost(), codes = ip.hosts().codes();
                double[] perHost = new double[rows.length]; // a log per host, not per row
                for (int h = 0; h < rows.length; h++) perHost[h] = Math.log(rows[h]);
                for (int i = 0; i < n; i++) v[i] = perHost[codes[i]];
            }
            case IP_VOLUME_DEVIATION -> {
                for (int i = 0; i < n; i++) v[i] = ip.volume(i) - ip.usualVolumeOf(i);
            }
            case REJECT_SHARE -> {
                v = shareByIp(ip.hosts(), IpProfile.deniedRows(t.column(Role.VERDICT).orElseThrow()));
            }
            case PORT_BREADTH -> v = breadth(t, ip, Role.DST_PORT);
            case HOST_BREADTH -> v = breadth(t, ip, Role.DST_IP);
            case SYN_ONLY_SHARE -> {
                NumberColumn flags = (NumberColumn) t.column("tcp-flags").filter(NumberColumn.class::isInstance).orElse(null);
                if (flags != null) { // no tcp-flags column: all zero, left out as constant
                    boolean[] flag = new boolean[n];
                    for (int r = 0; r < n; r++) flag[r] = !flags.isMissing(r) && flags.get(r) == 2.0;
                    v = shareByIp(ip.hosts(), flag);
                }
            }
            case RULE_RARITY -> {
                Column rules = t.column(Role.RULE_NAMES).orElseThrow();
                if (rules instanceof TextColumn tc) {
                    share(tc, v);
                } else {
                    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
                    for (int i = 0; i < n; i++) counts.merge(rules.format(i), 1, Integer::sum);
                    for (int i = 0; i < n; i++) v[i] = (double) counts.get(rules.format(i)) / n;
                }
            }
            case PORT_RARITY -> {
                double[] port = numbers(t, Role.DST_PORT);
                int[] counts = new int[65536]; // ports are 0-65535; anything else is counted apart
                java.util.Map<Double, Integer> other = new java.util.HashMap<>();
                for (double p : port) {
                    if (p >= 0 && p < 65536 && p == Math.rint(p)) counts[(int) p]++;
                    else other.merge(p, 1, Integer::sum);
                }
                for (int i = 0; i < n; i++) {
                    double p = port[i];
                    int c = p >= 0 && p < 65536 && p == Math.rint(p) ? counts[(int) p] : other.get(p);
                    v[i] = (double) c / n;
                }
            }
        }
        return v;
    }

    /** log(1 + number of distinct values of {@code other} seen with this row's src_ip). */
    private static double[] breadth(Table t, IpProfile ip, Role other) {
        double[] perIp = ip.distinctPerIp(t.column(other).orElseThrow());
        double[] logs = new double[perIp.length]; // a log per host, not per row
        for (int h = 0; h < logs.length; h++) logs[h] = Math.log1p(perIp[h]);
        int[] codes = ip.hosts().codes();
        double[] v = new double[t.rowCount()];
        for (int r = 0; r < v.length; r++) v[r] = logs[codes[r]];
        return v;
    }

    /** Each row gets the share of its src_ip's rows that are flagged. */
    private static double[] shareByIp(HostKeys ip, boolean[] flag) {
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

    static double log1p(double x) {
        return Math.log1p(Math.max(0.0, x));
    }

    /**
     * Each row's {@link #statusClass} of the column's text, worked out from a number's value or once per distinct
     * text, instead of from a String made for every row.
     */
    private static void statusClasses(Column c, double[] v) {
        if (c instanceof NumberColumn nc) {
            double[] x = nc.values();
            boolean anyMissing = nc.missingCount() > 0;
            for (int i = 0; i < v.length; i++) v[i] = anyMissing && nc.isMissing(i) ? 0.0 : statusClass(x[i]);
        } else if (c instanceof TextColumn tc) {
            String[] d = tc.dictionary();
            double[] byCode = new double[d.length];
            for (int k = 0; k < d.length; k++) byCode[k] = statusClass(d[k]);
            int[] codes = tc.codes();
            for (int i = 0; i < v.length; i++) v[i] = byCode[codes[i]];
        } else {
            for (int i = 0; i < v.length; i++) v[i] = statusClass(c.format(i));
        }
    }

    /**
     * {@link #statusClass(String)} of a number's text ({@link NumberColumn#formatNumber}): a three-digit code is a
     * whole number from 100 to 999 (a fraction's or a large number's text always has a point or an exponent).
     */
    static double statusClass(double code) {
        return code == Math.rint(code) && code >= 100 && code <= 999 ? (int) code / 100 : 0.0;
    }

    /** 2xx → 2, 4xx → 4; anything that is not a three-digit code → 0. */
    static double statusClass(String code) {
        String s = code.strip();
        if (s.length() == 3 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(1)) && Character.isDigit(s.charAt(2))) {
            return s.charAt(0) - '0';
        }
        return 0.0;
    }

    private static double[] numbers(Table t, Role f) {
        Column c = t.column(f).orElseThrow();
        if (c instanceof NumberColumn nc) return nc.values();
        throw new IllegalStateException(f.header() + " is not numeric");
    }

    private static TextColumn text(Table t, Role f) {
        return t.text(f).orElseThrow(() -> new IllegalStateException(f.header() + " is not text"));
    }

    private static void share(TextColumn c, double[] v) {
        int n = c.size();
        long[] counts = new long[c.distinctCount()];
        int[] codes = c.codes();
        for (int code : codes) counts[code]++;
        for (int i = 0; i < n; i++) v[i] = (double) counts[codes[i]] / n;
    }

    private static void fillMissingWithMedian(double[] v) {
        double med = Medians.of(v);
        for (int i = 0; i < v.length; i++) if (Double.isNaN(v[i])) v[i] = Double.isNaN(med) ? 0.0 : med;
    }
}
