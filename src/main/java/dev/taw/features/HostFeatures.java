// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.table.Column;
import dev.taw.table.Medians;
import dev.taw.table.NumberColumn;
import dev.taw.table.RadixSort;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * Computes the {@link HostMatrix} of a log: each {@link HostFeature} the log's columns can feed, for every
 * source host, constant ones left out (they tell the forest nothing). Pure function of the table.
 */
public final class HostFeatures {
    /** A request's path and user agent, as ALB and WAF (first) and CloudFront name them. */
    static final List<String> PATH_COLUMNS = List.of("path", "uri", "cs-uri-stem");
    static final List<String> AGENT_COLUMNS = List.of("user_agent", "cs(User-Agent)");

    private HostFeatures() { }

    /** @return the matrix, or null when no host feature varies */
    public static HostMatrix build(IpProfile profile) {
        Map<HostFeature, double[]> cols = computeAll(profile);
        int hosts = profile.hosts().distinctCount();
        cols.values().removeIf(v -> isConstant(v, hosts));
        if (cols.isEmpty()) return null;
        List<HostFeature> used = new ArrayList<>(cols.keySet());
        double[][] columns = cols.values().toArray(double[][]::new);
        double[] typical = new double[columns.length];
        for (int f = 0; f < columns.length; f++) typical[f] = Medians.of(Arrays.copyOfRange(columns[f], 1, hosts));
        return new HostMatrix(profile.hosts(), used, columns, typical, records(profile.table()));
    }

    /**
     * The hosts of a new log measured as a baseline measured its own: its host features in its order (a constant
     * one kept) and its typical values.
     *
     * @throws IllegalArgumentException naming a host feature this log has no column for
     */
    public static HostMatrix build(IpProfile profile, HostReference ref) {
        Map<HostFeature, double[]> cols = computeAll(profile);
        double[][] columns = new double[ref.features().size()][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = cols.get(ref.features().get(f));
            if (columns[f] == null) {
                throw new IllegalArgumentException("the baseline's host trait '" + ref.features().get(f).label() + "' cannot be measured in this file (a column it needs is missing)");
            }
        }
        return new HostMatrix(profile.hosts(), ref.features(), columns, ref.typical().clone(), ref.records());
    }

    /** What a model keeps of a log's host features: see {@link HostReference}. */
    public static HostReference reference(HostMatrix m) {
        Ranges r = new Ranges(m.columns(), 1);
        return new HostReference(m.features(), m.typical().clone(), r.low, r.high, m.records());
    }

    private static String records(Table t) {
        return firstOf(t, PATH_COLUMNS).isPresent() || firstOf(t, AGENT_COLUMNS).isPresent() ? "requests" : "flows";
    }

    /** Every host feature this log's columns can feed, constant or not. */
    private static Map<HostFeature, double[]> computeAll(IpProfile profile) {
        Table t = profile.table();
        HostKeys ip = profile.hosts();
        int hosts = ip.distinctCount();
        int[] rows = new int[hosts];
        for (int r = 0; r < t.rowCount(); r++) rows[ip.code(r)]++;
        Map<HostFeature, double[]> cols = new EnumMap<>(HostFeature.class);
        cols.put(HostFeature.RECORDS, perHost(rows, r -> Math.log(Math.max(1, r))));
        t.column(Role.DST_PORT).ifPresent(c -> cols.put(HostFeature.PORTS, log1p(profile.distinctPerIp(c))));
        t.column(Role.DST_IP).ifPresent(c -> cols.put(HostFeature.HOSTS, log1p(profile.distinctPerIp(c))));
        t.column(Role.VERDICT).ifPresent(c -> {
            boolean[] denied = IpProfile.deniedRows(c);
            cols.put(HostFeature.DENIED, share(t, ip, rows, r -> denied[r]));
        });
        t.column(Role.RESPONSE_CODE).ifPresent(c -> {
            IntUnaryOperator status = httpStatus(c);
            cols.put(HostFeature.STATUS_4XX, share(t, ip, rows, r -> status.applyAsInt(r) / 100 == 4));
            cols.put(HostFeature.STATUS_5XX, share(t, ip, rows, r -> status.applyAsInt(r) / 100 == 5));
        });
        Optional<Column> path = firstOf(t, PATH_COLUMNS), userAgent = firstOf(t, AGENT_COLUMNS);
        path.ifPresent(c -> cols.put(HostFeature.PATHS, log1p(profile.distinctPerIp(c))));
        userAgent.filter(TextColumn.class::isInstance).map(TextColumn.class::cast).ifPresent(agent -> {
            String[] d = agent.dictionary();
            boolean[] tool = new boolean[d.length];
            for (int k = 0; k < d.length; k++) tool[k] = UserAgents.isTool(d[k]);
            cols.put(HostFeature.TOOL_AGENT, share(t, ip, rows, r -> tool[agent.code(r)]));
        });
        t.column("tcp-flags").filter(NumberColumn.class::isInstance).map(NumberColumn.class::cast)
                .ifPresent(c -> cols.put(HostFeature.SYN_ONLY, share(t, ip, rows, r -> !c.isMissing(r) && c.get(r) == 2.0)));
        double[] in = sumPerHost(t, ip, Role.BYTES_IN), out = sumPerHost(t, ip, Role.BYTES_OUT);
        if (in != null) cols.put(HostFeature.BYTES_IN, log1p(in));
        if (out != null) cols.put(HostFeature.BYTES_OUT, log1p(out));
        if (in != null && out != null) {
            double[] per = new double[hosts];
            for (int h = 0; h < hosts; h++) per[h] = Math.log1p((in[h] + out[h]) / Math.max(1, rows[h]));
            cols.put(HostFeature.PER_RECORD, per);
        }
        Role time = Role.timeOf(t);
        if (time != null) cols.put(HostFeature.REGULARITY, regularity(t.time(time).orElseThrow(), ip));
        return cols;
    }

    /** Constant over the real hosts (codes 1 …; code 0 is the empty address). */
    private static boolean isConstant(double[] v, int hosts) {
        for (int h = 2; h < hosts; h++) if (v[h] != v[1]) return false;
        return true;
    }

    private interface RowTest { boolean test(int row); }

    private static double[] perHost(int[] rows, IntToDoubleFunction f) {
        double[] v = new double[rows.length];
        for (int h = 0; h < rows.length; h++) v[h] = f.applyAsDouble(rows[h]);
        return v;
    }

    private static double[] share(Table t, HostKeys ip, int[] rows, RowTest test) {
        double[] hits = new double[rows.length];
        for (int r = 0; r < t.rowCount(); r++) if (test.test(r)) hits[ip.code(r)]++;
        for (int h = 0; h < rows.length; h++) hits[h] = rows[h] == 0 ? 0 : hits[h] / rows[h];
        return hits;
    }

    static Optional<Column> firstOf(Table t, List<String> names) {
        return names.stream().map(t::column).flatMap(Optional::stream).findFirst();
    }

    /** Each row's HTTP status as a number, or -1 (no value, or not a status); parsed once per distinct text. */
    private static IntUnaryOperator httpStatus(Column c) {
        if (c instanceof NumberColumn n) return r -> n.isMissing(r) ? -1 : (int) n.get(r);
        if (c instanceof TextColumn tc) {
            String[] d = tc.dictionary();
            int[] byCode = new int[d.length];
            for (int k = 0; k < d.length; k++) byCode[k] = d[k].matches("[1-5]\\d\\d") ? Integer.parseInt(d[k]) : -1;
            return r -> byCode[tc.code(r)];
        }
        return r -> -1;
    }

    /**
     * A numeric column summed per source host (by the address's code), leaving out missing cells: an imputed
     * median is not traffic. Null when the table has no such column.
     */
    public static double[] sumPerHost(Table t, HostKeys ip, Role f) {
        NumberColumn c = t.number(f).orElse(null);
        if (c == null) return null;
        double[] s = new double[ip.distinctCount()];
        for (int r = 0; r < t.rowCount(); r++) if (!c.isMissing(r)) s[ip.code(r)] += c.get(r);
        return s;
    }

    private static double[] log1p(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = Math.log1p(v[i]);
        return o;
    }

    /**
     * 1 / (1 + coefficient of variation of the gaps between a host's distinct start times); 0 below 5 rows. The gaps are
     * added up in place, not boxed into a list and streamed twice (80 ms of a million rows' 115 ms of host features
     * under the quick compiler), in the same order and the same arithmetic as the streams did, so to the same bits: the
     * mean as {@code LongStream.average} makes it, the squared deviations as {@code DoubleStream.sum} adds them
     * (compensated, its plain sum kept for an infinite total).
     */
    static double[] regularity(TimeColumn time, HostKeys ip) {
        long[] p = startSeconds(time, ip);
        int m = p.length;
        double[] reg = new double[ip.distinctCount()];
        int i = 0;
        while (i < m) {
            int host = (int) (p[i] >>> 40);
            int j = i;
            while (j < m && (int) (p[j] >>> 40) == host) j++;
            int gaps = 0;
            long total = 0;
            for (int k = i + 1; k < j; k++) {
                long g = gap(p, k);
                if (g > 0) {
                    gaps++;
                    total += g;
                }
            }
            if (gaps >= 4) {
                double mean = (double) total / gaps;
                double sum = 0, compensation = 0, simple = 0;
                for (int k = i + 1; k < j; k++) {
                    long g = gap(p, k);
                    if (g <= 0) continue;
                    double d = (g - mean) * (g - mean);
                    double t = d - compensation, next = sum + t;
                    compensation = (next - sum) - t;
                    sum = next;
                    simple += d;
                }
                double squares = sum - compensation;
                if (Double.isNaN(squares) && Double.isInfinite(simple)) squares = simple;
                reg[host] = 1.0 / (1.0 + Math.sqrt(squares / gaps) / mean);
            }
            i = j;
        }
        return reg;
    }

    /**
     * Each row's host and start second, as one key per row with a time ({@code host << 40 | second}), sorted: a host's
     * start times together, in order.
     */
    static long[] startSeconds(TimeColumn time, HostKeys ip) {
        int n = time.size();
        long[] pairs = new long[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (time.isMissing(r)) continue;
            pairs[m++] = (long) ip.code(r) << 40 | (time.get(r) / 1000 & 0xFFFFFFFFFFL); // seconds fit in 40 bits until year 36812
        }
        long[] p = Arrays.copyOf(pairs, m);
        RadixSort.sort(p); // non-negative keys; on one core, faster than a parallel sort on both, which the row features need
        return p;
    }

    /** Seconds between the start time at {@code k} and the one before (both of one host, sorted). */
    private static long gap(long[] p, int k) {
        return (p[k] & 0xFFFFFFFFFFL) - (p[k - 1] & 0xFFFFFFFFFFL);
    }
}
