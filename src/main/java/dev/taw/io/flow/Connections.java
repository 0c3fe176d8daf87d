// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

import dev.taw.io.ImportReport;
import dev.taw.io.ImportResult;
import dev.taw.table.Column;
import dev.taw.table.Growable;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flow records joined into connections. A record counts one direction: the request and the reply of one
 * connection are two records, with addresses and ports swapped, in the same or an adjacent capture window
 * (behind a NAT gateway on two interfaces; the oriented addresses use {@code pkt-srcaddr}/{@code pkt-dstaddr},
 * so they agree). Two records are one connection when they have the same two addresses, the same two ports
 * (either way round) and protocol, point opposite ways, and start within {@link #WINDOW_MILLIS} of each other;
 * among several candidates the nearest in time is taken. A record without a partner stays a one-way
 * connection, which is itself a signal: scans and floods get no replies.
 *
 * <p>A connection row keeps the fields of its inbound record (of its one record when one-way), with bytes each
 * way ({@code bytes_in} from the inbound record, {@code bytes_out} from the outbound), {@code packets} and
 * {@code bytes} summed, the earlier {@code start} and later {@code end}, {@code action} REJECT when either
 * direction was rejected, the two records' {@code tcp-flags} OR-ed, and three columns of its own:
 * {@code connection} ("two-way" or "one-way"), {@code records} (1 or 2) and {@code reply_line}, the partner's
 * line ({@code source_line} and the row's line are the first record's).
 */
public final class Connections {
    /** Capture windows are 60 s or 10 min long; a reply is logged in the same or the next one. */
    public static final long WINDOW_MILLIS = 600_000L;
    private static final List<String> NEEDED = List.of("srcport", "dstport", "protocol", "start", "direction");

    private Connections() { }

    /** True when the table is oriented flow records with what a join needs (ports, protocol, start, direction). */
    public static boolean applies(Table t) {
        if (t.text(Role.SRC_IP).isEmpty() || t.text(Role.DST_IP).isEmpty() || t.number(Role.BYTES_IN).isEmpty() || t.number(Role.BYTES_OUT).isEmpty()) {
            return false;
        }
        for (String c : NEEDED) if (t.column(c).isEmpty()) return false;
        return t.column("connection").isEmpty(); // joined already
    }

    /** The records joined into connections, or the import as it is when it is not a flow log. */
    public static ImportResult join(ImportResult imported) {
        Table t = imported.table();
        if (!applies(t)) return imported;
        int n = t.rowCount();
        boolean[] outbound = outbound(t);
        int[] partner = pair(t, outbound);
        // a connection's row is its inbound record, or its one record; in file order of that record
        Growable.Ints keep = new Growable.Ints();
        for (int r = 0; r < n; r++) if (partner[r] < 0 || !outbound[r]) keep.add(r);
        int[] rows = keep.toArray();
        int m = rows.length;
        int[] other = new int[m];
        int twoWay = 0;
        for (int i = 0; i < m; i++) {
            other[i] = partner[rows[i]];
            if (other[i] >= 0) twoWay++;
        }
        Map<Column, Column> joined = new IdentityHashMap<>();
        List<Column> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            Column j = twoWay == 0 ? c : join(c, rows, other); // nothing joined: every record is its own row, as it was
            joined.put(c, j);
            columns.add(j);
        }
        columns.add(connectionColumn(other));
        columns.add(recordsColumn(other));
        columns.add(replyLines(t, other));
        Map<Role, Column> roles = new java.util.EnumMap<>(Role.class);
        t.roles().forEach((role, c) -> roles.put(role, joined.get(c)));
        int[] lines = t.sourceLines() == null ? null : Arrays.stream(rows).map(r -> t.sourceLines()[r]).toArray();
        Table out = new Table(m, columns, roles, lines);
        ImportReport rep = imported.report();
        // a note, not a warning: a warning opens the skipped-lines dialog, and joining is what was asked for
        String format = rep.format() + String.format(Locale.ROOT, ", joined into connections: %,d two-way, %,d one-way", twoWay, m - twoWay);
        ImportReport report = new ImportReport(rep.file(), rep.rowsRead(), m, rep.skippedCount(), rep.issues(), rep.imputedByColumn(), rep.blankLines(),
                rep.missingOptionalColumns(), rep.extraColumns(), out.constantColumns(), rep.warnings(), rep.countrySource(), format);
        return new ImportResult(out, report, imported.source());
    }

    /** Per record, its partner record, or -1. */
    private static int[] pair(Table t, boolean[] outbound) {
        int n = t.rowCount();
        int[] partner = new int[n];
        Arrays.fill(partner, -1);
        int outward = 0;
        for (boolean o : outbound) if (o) outward++;
        if (outward == 0 || outward == n) return partner; // one direction only: nothing to pair
        long[] start = ((TimeColumn) t.column("start").orElseThrow()).values();
        boolean[] noStart = missing(t.column("start").orElseThrow());
        int[] group = groups(t, outbound);
        // candidate rows by group (a counting sort), then by start within a group
        int groups = 0;
        for (int g : group) groups = Math.max(groups, g + 1);
        int[] at = new int[groups + 1];
        for (int g : group) if (g >= 0) at[g + 1]++;
        for (int g = 0; g < groups; g++) at[g + 1] += at[g];
        int[] order = new int[at[groups]];
        int[] fill = Arrays.copyOf(at, groups);
        for (int r = 0; r < n; r++) if (group[r] >= 0) order[fill[group[r]]++] = r;
        for (int g = 0; g < groups; g++) {
            int from = at[g], to = at[g + 1];
            if (to - from < 2) continue;
            for (int i = from; i < to; i++) {
                int in = order[i];
                if (outbound[in] || noStart[in]) continue;
                int best = -1;
                long bestGap = Long.MAX_VALUE;
                for (int j = from; j < to; j++) {
                    int out = order[j];
                    if (!outbound[out] || partner[out] >= 0 || noStart[out]) continue;
                    long gap = Math.abs(start[out] - start[in]);
                    if (gap <= WINDOW_MILLIS && (gap < bestGap || gap == bestGap && out < best)) {
                        best = out;
                        bestGap = gap;
                    }
                }
                if (best >= 0) {
                    partner[in] = best;
                    partner[best] = in;
                }
            }
        }
        return partner;
    }

    /** Records point outward when the oriented record says egress. */
    private static boolean[] outbound(Table t) {
        TextColumn d = (TextColumn) t.column("direction").orElseThrow();
        boolean[] outward = new boolean[d.distinctCount()];
        for (int k = 0; k < outward.length; k++) outward[k] = d.dictionary()[k].startsWith("egress");
        boolean[] out = new boolean[t.rowCount()];
        for (int r = 0; r < out.length; r++) out[r] = outward[d.code(r)];
        return out;
    }

    /**
     * A dense id per (the two addresses either way round, the two ports either way round, protocol), for the
     * records that can have a partner; -1 for the rest. A first pass hashes every record's key into a few
     * million buckets and notes which directions each bucket saw: a record whose bucket saw only its own
     * direction has no partner, and most records of a log (the probes, the scans, every connection logged one
     * way) are dropped there before the exact grouping.
     */
    private static int[] groups(Table t, boolean[] outbound) {
        TextColumn src = t.text(Role.SRC_IP).orElseThrow(), dst = t.text(Role.DST_IP).orElseThrow();
        Map<String, Integer> ids = new HashMap<>();
        int[] srcId = addressIds(src, ids), dstId = addressIds(dst, ids);
        int n = t.rowCount();
        int[] sp = ports(t.column("srcport").orElseThrow(), n), dp = ports(t.column("dstport").orElseThrow(), n);
        int[] proto = ports(t.column("protocol").orElseThrow(), n);
        long[] pair = new long[n], rest = new long[n];
        int buckets = 1 << 22;
        // which directions each bucket saw, a bit per bucket in plain words: a BitSet's get and set are calls the quick
        // compiler does not inline, two million of them per million records
        long[] in = new long[buckets >>> 6], out = new long[buckets >>> 6];
        int[] bucket = new int[n];
        for (int r = 0; r < n; r++) {
            int a = srcId[src.code(r)], b = dstId[dst.code(r)];
            pair[r] = (long) Math.min(a, b) << 32 | Math.max(a, b);
            int p = sp[r] & 0xFFFF, q = dp[r] & 0xFFFF; // a missing port (-1) becomes 65535, a port no record has
            rest[r] = ((long) Math.min(p, q) << 16 | Math.max(p, q)) << 8 | (proto[r] & 0xFF);
            int k = (int) (LongIds.mix(pair[r] * 0x9E3779B97F4A7C15L ^ rest[r]) & (buckets - 1));
            bucket[r] = k;
            (outbound[r] ? out : in)[k >>> 6] |= 1L << k;
        }
        // two steps of primitive keys for the candidates: the address pair to a dense id, then (pair, ports, protocol) to the group
        LongIds pairs = new LongIds(1024), groups = new LongIds(1024);
        int[] group = new int[n];
        for (int r = 0; r < n; r++) {
            int k = bucket[r];
            if ((in[k >>> 6] & out[k >>> 6] & 1L << k) == 0) {
                group[r] = -1;
                continue;
            }
            int id = pairs.id(pair[r]);
            // past 2^23 address pairs the packed key would overflow: such records stay one-way rather than join wrongly
            group[r] = id < 1 << 23 ? groups.id((long) id << 40 | rest[r]) : -1;
        }
        return group;
    }

    private static int[] addressIds(TextColumn c, Map<String, Integer> ids) {
        String[] d = c.dictionary();
        int[] out = new int[d.length];
        for (int k = 0; k < d.length; k++) out[k] = ids.computeIfAbsent(d[k], x -> ids.size());
        return out;
    }

    /** A port (or protocol number) column's values as ints, -1 where missing or not a number column. */
    private static int[] ports(Column c, int n) {
        int[] v = new int[n];
        if (!(c instanceof NumberColumn nc)) {
            Arrays.fill(v, -1);
            return v;
        }
        double[] x = nc.values();
        for (int r = 0; r < n; r++) v[r] = (int) x[r];
        BitSet gaps = nc.missingRows();
        for (int r = gaps.nextSetBit(0); r >= 0; r = gaps.nextSetBit(r + 1)) v[r] = -1;
        return v;
    }

    private static boolean[] missing(Column c) {
        boolean[] m = new boolean[c.size()];
        BitSet gaps = c instanceof TimeColumn tc ? tc.missingRows() : null;
        if (gaps != null) {
            for (int r = gaps.nextSetBit(0); r >= 0; r = gaps.nextSetBit(r + 1)) m[r] = true;
        } else {
            for (int r = 0; r < m.length; r++) m[r] = c.isMissing(r);
        }
        return m;
    }

    /** One column of the connections: the row's record's cell, or both records' combined for the fields that add up. */
    private static Column join(Column c, int[] rows, int[] other) {
        String name = c.name();
        if (c instanceof NumberColumn nc) {
            double[] v = new double[rows.length], x = nc.values();
            BitSet gaps = nc.missingRows(), miss = new BitSet(rows.length);
            boolean anyGap = !gaps.isEmpty();
            // how the two records' cells combine, worked out once per column, not per row
            int combine = switch (name) {
                case "bytes_in", "bytes_out", "packets", "bytes" -> 1;
                case "tcp-flags" -> 2;
                default -> 0;
            };
            for (int i = 0; i < rows.length; i++) {
                int r = rows[i], o = other[i];
                v[i] = x[r];
                if (anyGap && gaps.get(r)) miss.set(i);
                if (o < 0 || combine == 0) continue;
                v[i] = combine == 1 ? v[i] + x[o] : (double) ((long) x[r] | (long) x[o]);
            }
            return new NumberColumn(name, v, miss);
        }
        if (c instanceof TimeColumn tc) {
            long[] v = new long[rows.length], x = tc.values();
            BitSet gaps = tc.missingRows(), miss = new BitSet(rows.length);
            boolean anyGap = !gaps.isEmpty();
            int combine = name.equals("start") ? 1 : name.equals("end") ? 2 : 0;
            for (int i = 0; i < rows.length; i++) {
                int r = rows[i], o = other[i];
                v[i] = x[r];
                if (anyGap && gaps.get(r)) miss.set(i);
                if (o < 0 || combine == 0 || anyGap && gaps.get(o)) continue;
                v[i] = combine == 1 ? Math.min(v[i], x[o]) : Math.max(v[i], x[o]);
            }
            return new TimeColumn(name, v, miss);
        }
        TextColumn tc = (TextColumn) c;
        int[] codes = new int[rows.length];
        int reject = name.equals("action") ? tc.codeOf("REJECT") : -1;
        for (int i = 0; i < rows.length; i++) {
            codes[i] = tc.code(rows[i]);
            if (reject > 0 && other[i] >= 0 && tc.code(other[i]) == reject) codes[i] = reject; // either way rejected: rejected
        }
        return new TextColumn(name, codes, tc.dictionary());
    }

    // the three columns of a connection, made as arrays: a builder's per-cell lookups cost more than the join
    private static Column connectionColumn(int[] other) {
        int[] codes = new int[other.length];
        for (int i = 0; i < codes.length; i++) codes[i] = other[i] >= 0 ? 1 : 2;
        return new TextColumn("connection", codes, new String[] {"", "two-way", "one-way"});
    }

    private static Column recordsColumn(int[] other) {
        double[] v = new double[other.length];
        for (int i = 0; i < v.length; i++) v[i] = other[i] >= 0 ? 2 : 1;
        return new NumberColumn("records", v, new BitSet());
    }

    private static Column replyLines(Table t, int[] other) {
        double[] v = new double[other.length];
        BitSet missing = new BitSet(other.length);
        Column line = t.column("source_line").orElse(null);
        for (int i = 0; i < v.length; i++) {
            int o = other[i];
            if (o < 0) missing.set(i);
            else v[i] = line instanceof NumberColumn nc ? nc.get(o) : t.sourceLines() == null ? o + 1 : t.sourceLines()[o];
        }
        return new NumberColumn("reply_line", v, missing);
    }
}
