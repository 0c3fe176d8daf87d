// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.model.Threshold;
import dev.taw.table.NumberColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows and suspicious rows per distinct 64-bit value (a number's bits, an instant), in an open-addressing
 * table: a million rows share a few thousand values, and counting them here makes no object per row.
 */
final class ValueCounts {
    private long[] keys = new long[64];
    private long[] rows = new long[64], suspicious = new long[64];
    private boolean[] used = new boolean[64];
    private int size;
    private long missingRows, missingSuspicious;

    /**
     * Counts for the rows in {@code view} of a number column (a port, a status code), by their cell text
     * ({@code "(none)"} for an empty cell): each distinct value is turned into text once, not once per row.
     */
    static Map<String, long[]> of(NumberColumn c, byte[] labels, int[] view) {
        ValueCounts counts = new ValueCounts();
        double[] v = c.values();
        for (int r : view) {
            boolean sus = labels[r] == Threshold.SUSPICIOUS;
            if (c.isMissing(r)) {
                counts.missingRows++;
                if (sus) counts.missingSuspicious++;
            } else {
                counts.add(Double.doubleToRawLongBits(v[r]), sus);
            }
        }
        // values with different bits can read the same (0 and -0): merged by their text, as counting by text did
        Map<String, long[]> byText = new LinkedHashMap<>();
        if (counts.missingRows > 0) byText.put("(none)", new long[] {counts.missingRows, counts.missingSuspicious});
        for (int k = 0; k < counts.keys.length; k++) {
            if (!counts.used[k]) continue;
            long[] a = byText.computeIfAbsent(NumberColumn.formatNumber(Double.longBitsToDouble(counts.keys[k])), x -> new long[2]);
            a[0] += counts.rows[k];
            a[1] += counts.suspicious[k];
        }
        return byText;
    }

    /** The distinct values counted, in no particular order. */
    long[] keys() {
        long[] out = new long[size];
        for (int k = 0, i = 0; k < keys.length; k++) if (used[k]) out[i++] = keys[k];
        return out;
    }

    /** Rows and suspicious rows counted for {@code key} (one of {@link #keys()}). */
    long rows(long key) { return rows[slot(key)]; }

    long suspicious(long key) { return suspicious[slot(key)]; }

    void add(long key, boolean sus) {
        int k = slot(key);
        if (!used[k]) {
            used[k] = true;
            keys[k] = key;
            if (++size * 2 > keys.length) {
                grow();
                k = slot(key);
            }
        }
        rows[k]++;
        if (sus) suspicious[k]++;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int k = (int) (key ^ key >>> 29) * 0x9E3779B1 >>> 7 & mask;
        while (used[k] && keys[k] != key) k = k + 1 & mask;
        return k;
    }

    private void grow() {
        long[] oldKeys = keys, oldRows = rows, oldSus = suspicious;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        rows = new long[keys.length];
        suspicious = new long[keys.length];
        used = new boolean[keys.length];
        for (int k = 0; k < oldKeys.length; k++) {
            if (!oldUsed[k]) continue;
            int to = slot(oldKeys[k]);
            used[to] = true;
            keys[to] = oldKeys[k];
            rows[to] = oldRows[k];
            suspicious[to] = oldSus[k];
        }
    }
}
