// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.features.HostKeys;
import dev.taw.job.Workers;
import dev.taw.model.Threshold;
import dev.taw.table.Column;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/** Computes {@link Findings} for the rows in view in one pass per breakdown; no chart gets raw rows. */
public final class FindingsCalculator {
    public static final int TOP_IPS = 25;
    static final int SCORE_BINS = 50;
    static final int BYTES_BINS = 64;
    static final int MAX_SUSPICIOUS_POINTS = 3000;
    static final int MAX_NORMAL_POINTS = 2000;
    private static final long[] BUCKET_WIDTHS = {
        1_000L, 5_000L, 10_000L, 30_000L, 60_000L, 300_000L, 600_000L, 900_000L, 1_800_000L, 3_600_000L,
        3 * 3_600_000L, 6 * 3_600_000L, 12 * 3_600_000L, 86_400_000L, 7 * 86_400_000L, 30 * 86_400_000L, 365 * 86_400_000L
    };
    private static final int MAX_BUCKETS = 200;

    public Findings compute(Table t, double[] scores, byte[] labels, double cutOff, BitSet view) {
        return compute(t, scores, labels, cutOff, view, null, null, null);
    }

    /**
     * With host scores, the host list is ranked by how unusual each host is as a whole.
     *
     * @param hostLabels per host code, at the analyst's host contamination (null without host scores)
     * @param keys       who the hosts are (addresses, or addresses within context windows); null: the source addresses
     */
    public Findings compute(Table t, double[] scores, byte[] labels, double cutOff, BitSet view, HostScores hosts, byte[] hostLabels,
                            HostKeys keys) {
        return compute(t, scores, labels, cutOff, view, hosts, hostLabels, keys, true);
    }

    /**
     * The findings the command line's summary and hosts CSV use ({@link Investigation.Scope#SUMMARY}): the counts, the
     * countries and the hosts as {@link #compute} makes them; the charts' breakdowns are empty.
     */
    public Findings summary(Table t, double[] scores, byte[] labels, double cutOff, BitSet view, HostScores hosts, byte[] hostLabels,
                            HostKeys keys) {
        return compute(t, scores, labels, cutOff, view, hosts, hostLabels, keys, false);
    }

    private Findings compute(Table t, double[] scores, byte[] labels, double cutOff, BitSet view, HostScores hosts, byte[] hostLabels,
                             HostKeys keys, boolean charts) {
        BitSet inView = view != null ? view : all(t.rowCount());
        int[] rows = RowsInView.of(inView); // once for the dozen passes below
        long n = rows.length;
        long sus = 0;
        for (int r : rows) if (labels[r] == Threshold.SUSPICIOUS) sus++;
        Role timeField = Role.timeOf(t);
        int[] charted = charts ? rows : new int[0];
        // the bytes chart and then, for the window, the hosts on a thread of their own while the rest is counted here: a
        // window's Run waits for both halves, and counted one after the other they were its longest step after scoring
        // (a third thread beside the ranking's made a frame of the first open wait for a core)
        Future<BytesView> bytes = charts ? Workers.aside("bytes-chart", () -> bytes(t, scores, labels, inView, rows)) : null;
        Future<List<IpStat>> hostStats = charts ? Workers.aside("host-findings", () -> {
            Workers.join(bytes);
            return hosts(t, scores, labels, rows, hosts, hostLabels, keys);
        }) : null;
        List<CategoryStat> countries = categories(t.column(Role.SRC_IP_COUNTRY_CODE), labels, rows);
        return new Findings(n, sus, cutOff,
                countries,
                categories(t.column(Role.PROTOCOL), labels, charted),
                categories(t.column(Role.DST_PORT), labels, charted),
                categories(java.util.Optional.ofNullable(Role.outcomeOf(t)).flatMap(t::column), labels, charted),
                charts ? Workers.join(hostStats) : hosts(t, scores, labels, rows, hosts, hostLabels, keys),
                timeField == null ? null : t.column(timeField).orElseThrow().name(),
                timeField == null || !charts ? List.of() : timeline(t.time(timeField).orElseThrow(), labels, rows),
                ScoreHistogram.of(scores, labels, charted, cutOff, SCORE_BINS),
                charts ? Workers.join(bytes) : BytesView.none());
    }

    private static BitSet all(int n) {
        BitSet b = new BitSet(n);
        b.set(0, n);
        return b;
    }

    /** Sorted by suspicious rows, then rows, then value. */
    static List<CategoryStat> categories(Optional<Column> column, byte[] labels, int[] rows) {
        if (column.isEmpty()) return List.of();
        Column c = column.get();
        List<CategoryStat> out = new ArrayList<>();
        if (c instanceof TextColumn tc) {
            long[] total = new long[tc.distinctCount()];
            long[] sus = new long[tc.distinctCount()];
            int[] codes = tc.codes();
            for (int r : rows) {
                total[codes[r]]++;
                if (labels[r] == Threshold.SUSPICIOUS) sus[codes[r]]++;
            }
            for (int k = 0; k < total.length; k++) {
                if (total[k] > 0) out.add(new CategoryStat(k == 0 ? "(none)" : tc.dictionary()[k], total[k], sus[k]));
            }
        } else if (c instanceof NumberColumn nc) {
            ValueCounts.of(nc, labels, rows).forEach((v, a) -> out.add(new CategoryStat(v, a[0], a[1])));
        } else {
            Map<String, long[]> m = new HashMap<>();
            for (int r : rows) {
                String v = c.isMissing(r) ? "(none)" : c.format(r);
                long[] a = m.computeIfAbsent(v, x -> new long[2]);
                a[0]++;
                if (labels[r] == Threshold.SUSPICIOUS) a[1]++;
            }
            m.forEach((v, a) -> out.add(new CategoryStat(v, a[0], a[1])));
        }
        out.sort(Comparator.comparingLong(CategoryStat::suspicious).reversed()
                .thenComparing(Comparator.comparingLong(CategoryStat::rows).reversed())
                .thenComparing(CategoryStat::value));
        return out;
    }

    /**
     * Every source host with a row in view, ranked by host score when there is one (ties by suspicious rows),
     * else by suspicious rows, then highest row score; ties by address code, so the order is the same every run.
     */
    static List<IpStat> hosts(Table t, double[] scores, byte[] labels, int[] rows, HostScores hosts, byte[] hostLabels, HostKeys keys) {
        HostKeys ip = keys != null ? keys : t.text(Role.SRC_IP).map(HostKeys::of).orElse(null);
        if (ip == null) return List.of();
        TextColumn country = t.text(Role.SRC_IP_COUNTRY_CODE).orElse(null);
        NumberColumn inColumn = t.number(Role.BYTES_IN).orElse(null), outColumn = t.number(Role.BYTES_OUT).orElse(null);
        Role timeRole = Role.timeOf(t);
        TimeColumn time = timeRole == null ? null : t.time(timeRole).orElseThrow();
        double[] in = inColumn == null ? null : inColumn.values();
        double[] out = outColumn == null ? null : outColumn.values();
        int k = ip.distinctCount();
        long[] total = new long[k];
        long[] sus = new long[k];
        double[] max = new double[k];
        double[] sumIn = new double[k];
        double[] sumOut = new double[k];
        long[] first = new long[k], last = new long[k];
        java.util.Arrays.fill(first, Long.MAX_VALUE);
        java.util.Arrays.fill(last, IpStat.NEVER);
        int[] countryCode = new int[k];
        int[] codes = ip.codes();
        for (int r : rows) {
            int c = codes[r];
            total[c]++;
            if (labels[r] == Threshold.SUSPICIOUS) sus[c]++;
            if (scores[r] > max[c]) max[c] = scores[r];
            if (in != null && !inColumn.isMissing(r)) sumIn[c] += in[r]; // an imputed median is not traffic
            if (out != null && !outColumn.isMissing(r)) sumOut[c] += out[r];
            if (country != null) countryCode[c] = country.code(r);
            if (time != null && !time.isMissing(r)) {
                long when = time.get(r);
                if (when < first[c]) first[c] = when;
                if (when > last[c]) last[c] = when;
            }
        }
        int[] ids = java.util.stream.IntStream.range(0, k).filter(c -> total[c] > 0).toArray();
        if (hosts != null) {
            IntSort.sort(ids, (a, b) -> {
                int byScore = Double.compare(-hosts.score(a), -hosts.score(b));
                return byScore != 0 ? byScore : Long.compare(-sus[a], -sus[b]);
            });
        } else {
            IntSort.sort(ids, (a, b) -> {
                int bySuspicious = Long.compare(-sus[a], -sus[b]);
                return bySuspicious != 0 ? bySuspicious : Double.compare(-max[a], -max[b]);
            });
        }
        List<IpStat> result = new ArrayList<>(ids.length);
        for (int c : ids) {
            result.add(new IpStat(c, c == 0 ? "(none)" : ip.dictionary()[c], country == null ? "" : country.dictionary()[countryCode[c]],
                    total[c], sus[c], max[c], sumIn[c], sumOut[c], hosts == null ? Double.NaN : hosts.score(c),
                    hosts == null ? 0 : hostLabels[c], last[c] == IpStat.NEVER ? IpStat.NEVER : first[c], last[c], ip.windowStart(c)));
        }
        return result;
    }

    /**
     * Buckets of the smallest "round" width that keeps the span within 200 buckets and is no finer than
     * the data's own resolution (a log written every ten minutes gets ten-minute buckets, not gaps).
     */
    static List<TimeBucket> timeline(TimeColumn time, byte[] labels, int[] rows) {
        long[] t = time.values();
        // the distinct instants, counted: a log repeats its timestamps, so only those few are sorted
        ValueCounts counts = new ValueCounts();
        for (int r : rows) {
            if (!time.isMissing(r)) counts.add(t[r], labels[r] == Threshold.SUSPICIOUS);
        }
        long[] present = counts.keys();
        if (present.length == 0) return List.of();
        Arrays.sort(present);
        long min = present[0], max = present[present.length - 1];
        long resolution = Long.MAX_VALUE;
        for (int i = 1; i < present.length; i++) {
            long gap = present[i] - present[i - 1];
            if (gap > 0 && gap < resolution) resolution = gap;
        }
        long width = BUCKET_WIDTHS[BUCKET_WIDTHS.length - 1];
        for (long w : BUCKET_WIDTHS) {
            if (w >= Math.min(resolution, BUCKET_WIDTHS[BUCKET_WIDTHS.length - 1]) && (max - Math.floorDiv(min, w) * w) / w + 1 <= MAX_BUCKETS) {
                width = w;
                break;
            }
        }
        long start = Math.floorDiv(min, width) * width;
        if ((max - start) / width + 1 > MAX_BUCKETS) { // centuries of data: whole years per bucket, never more buckets than drawn
            long years = Math.floorDiv(max - start, (long) MAX_BUCKETS * width) + 1;
            width *= years;
            start = Math.floorDiv(min, width) * width;
        }
        int count = (int) ((max - start) / width) + 1;
        long[] total = new long[count];
        long[] sus = new long[count];
        for (long when : present) {
            int b = (int) ((when - start) / width);
            total[b] += counts.rows(when);
            sus[b] += counts.suspicious(when);
        }
        List<TimeBucket> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) out.add(new TimeBucket(start + b * width, width, total[b], sus[b]));
        return out;
    }

    /** @param inView the rows of {@code view} ({@link RowsInView}) */
    static BytesView bytes(Table t, double[] scores, byte[] labels, BitSet view, int[] inView) {
        NumberColumn inColumn = t.number(Role.BYTES_IN).orElse(null), outColumn = t.number(Role.BYTES_OUT).orElse(null);
        if (inColumn == null || outColumn == null) {
            return BytesView.none();
        }
        double[] in = inColumn.values(), out = outColumn.values();
        int[] rows = inView; // a row without a byte count in the file has no place on this chart
        if (inColumn.missingCount() + outColumn.missingCount() > 0) {
            BitSet counted = (BitSet) view.clone();
            counted.andNot(inColumn.missingRows());
            counted.andNot(outColumn.missingRows());
            rows = RowsInView.of(counted);
        }
        // the largest log is the log of the largest count (log10 is monotone), so one log, not two per row
        double most = Double.NEGATIVE_INFINITY;
        for (int r : rows) most = MinMax.max(most, MinMax.max(in[r], out[r]));
        double maxLog = Math.ceil(Math.max(1, log(most))); // no row: log(-∞) is 0, and the scale 1
        int bins = BYTES_BINS;
        long[] normal = new long[bins * bins];
        long[] sus = new long[bins * bins];
        int[] suspiciousRows = new int[rows.length];
        int suspiciousCount = 0;
        long normalCount = 0;
        for (int r : rows) {
            int bi = Math.min(bins - 1, (int) (log(in[r]) / maxLog * bins));
            int bo = Math.min(bins - 1, (int) (log(out[r]) / maxLog * bins));
            if (labels[r] == Threshold.SUSPICIOUS) {
                sus[bi * bins + bo]++;
                suspiciousRows[suspiciousCount++] = r;
            } else {
                normal[bi * bins + bo]++;
                normalCount++;
            }
        }
        // highest score first, ties by row, on primitives
        int[] mostSuspicious = Investigation.byScore(scores, Arrays.copyOf(suspiciousRows, suspiciousCount));
        List<Integer> picked = new ArrayList<>(MAX_SUSPICIOUS_POINTS + MAX_NORMAL_POINTS + 1);
        for (int i = 0; i < Math.min(MAX_SUSPICIOUS_POINTS, mostSuspicious.length); i++) picked.add(mostSuspicious[i]);
        // an even stride through the normal rows keeps the sample deterministic and spread over the file
        long stride = Math.max(1, (normalCount + MAX_NORMAL_POINTS - 1) / MAX_NORMAL_POINTS);
        long seen = 0;
        for (int r : rows) {
            if (labels[r] == Threshold.SUSPICIOUS) continue;
            if (seen++ % stride == 0) picked.add(r);
        }
        int m = picked.size();
        double[] pi = new double[m], po = new double[m];
        boolean[] ps = new boolean[m];
        int[] pr = new int[m];
        for (int i = 0; i < m; i++) {
            int r = picked.get(i);
            pi[i] = in[r];
            po[i] = out[r];
            ps[i] = labels[r] == Threshold.SUSPICIOUS;
            pr[i] = r;
        }
        long densest = 0;
        for (long c : normal) densest = Math.max(densest, c);
        return new BytesView(bins, maxLog, normal, sus, densest, pi, po, ps, pr);
    }

    static double log(double bytes) {
        return Math.log10(1 + MinMax.max(0, bytes));
    }
}
