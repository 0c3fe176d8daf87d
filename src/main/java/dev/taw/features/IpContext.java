// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.util.Arrays;

/**
 * Per-source-IP context: how many rows each IP has, and the median of its rows' total volume
 * (log scale). Lets a row be judged against its own client's habits, not only the whole log's.
 */
public final class IpContext {
    private final int[] ipCode;
    private final int[] rowsPerIp;
    private final double[] usualVolume;
    private final double[] volume;

    private IpContext(int[] ipCode, int[] rowsPerIp, double[] usualVolume, double[] volume) {
        this.ipCode = ipCode;
        this.rowsPerIp = rowsPerIp;
        this.usualVolume = usualVolume;
        this.volume = volume;
    }

    public static IpContext of(Table t) {
        TextColumn ip = t.text(Role.SRC_IP).orElseThrow();
        double[] in = t.number(Role.BYTES_IN).map(NumberColumn::values).orElse(new double[t.rowCount()]);
        double[] out = t.number(Role.BYTES_OUT).map(NumberColumn::values).orElse(new double[t.rowCount()]);
        int n = t.rowCount();
        int[] codes = ip.codes();
        int k = ip.distinctCount();
        int[] counts = new int[k];
        for (int c : codes) counts[c]++;
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) vol[i] = Math.log1p(Math.max(0, in[i]) + Math.max(0, out[i]));
        // group rows by IP with a counting sort, then take each group's median
        int[] start = new int[k + 1];
        for (int c = 0; c < k; c++) start[c + 1] = start[c] + counts[c];
        int[] fill = Arrays.copyOf(start, k);
        double[] grouped = new double[n];
        for (int i = 0; i < n; i++) grouped[fill[codes[i]]++] = vol[i];
        double[] usual = new double[k];
        for (int c = 0; c < k; c++) {
            int a = start[c], b = start[c + 1];
            if (a == b) continue;
            Arrays.sort(grouped, a, b);
            int len = b - a, mid = a + len / 2;
            usual[c] = len % 2 == 1 ? grouped[mid] : (grouped[mid - 1] + grouped[mid]) / 2.0;
        }
        return new IpContext(codes, counts, usual, vol);
    }

    public int rowsOf(int row) { return rowsPerIp[ipCode[row]]; }

    /** log(1 + bytes_in + bytes_out) of the row. */
    public double volume(int row) { return volume[row]; }

    /** Median of {@link #volume} over this row's IP. */
    public double usualVolumeOf(int row) { return usualVolume[ipCode[row]]; }
}
