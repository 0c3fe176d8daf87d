// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import java.util.BitSet;
import java.util.List;

/**
 * What the analyst is looking at: a finished run seen at one contamination through zero or more filters.
 * Everything the window and the report show is derived here, off the FX thread, in one go.
 *
 * @param hostLabels  -1/1 per source-host code at {@code hostContamination}, or null where no host forest ran
 * @param rowsByScore the rows in view, most suspicious first (ties in file order)
 */
public record Investigation(Analysis analysis, double contamination, double hostContamination, List<RowFilter> filters, byte[] labels,
                            byte[] hostLabels, BitSet view, Findings findings, int[] rowsByScore) {

    public Investigation {
        filters = List.copyOf(filters);
    }

    /** At the run's own host contamination. */
    public static Investigation of(Analysis analysis, double contamination, List<RowFilter> filters) {
        return of(analysis, contamination, analysis.settings().hostContamination(), filters);
    }

    public static Investigation of(Analysis analysis, double contamination, double hostContamination, List<RowFilter> filters) {
        byte[] labels = analysis.labels(contamination);
        BitSet view = analysis.view(labels, filters);
        HostScores hosts = analysis.hostScores();
        byte[] hostLabels = hosts == null ? null : hosts.labels(hostContamination);
        Findings findings = new FindingsCalculator().compute(analysis.table(), analysis.scores(), labels, analysis.cutOff(contamination), view,
                hosts, hostLabels, analysis.ipProfile() == null ? null : analysis.ipProfile().hosts());
        return new Investigation(analysis, contamination, hostContamination, filters, labels, hostLabels, view, findings,
                byScore(analysis.scores(), view));
    }

    /** Row indices of {@code view} sorted by descending score, ties by row: a primitive sort on packed keys. */
    static int[] byScore(double[] scores, BitSet view) {
        int n = view.cardinality();
        long[] keys = new long[n];
        int k = 0;
        for (int r = view.nextSetBit(0); r >= 0; r = view.nextSetBit(r + 1)) {
            // scores are in [0, 1]: 31 bits of (1 - score) then the row keep the order exact enough and stable
            long s = (long) ((1.0 - scores[r]) * ((1L << 31) - 1));
            keys[k++] = (s << 32) | r;
        }
        dev.taw.table.RadixSort.sort(keys); // non-negative: 31 bits of score, then the row
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = (int) keys[i];
        // the 31-bit key can tie two distinct scores; fix the order exactly among those neighbours
        for (int i = 1; i < n; i++) {
            int j = i;
            while (j > 0 && (scores[rows[j]] > scores[rows[j - 1]] || (scores[rows[j]] == scores[rows[j - 1]] && rows[j] < rows[j - 1]))) {
                int t = rows[j];
                rows[j] = rows[j - 1];
                rows[j - 1] = t;
                j--;
            }
        }
        return rows;
    }

    public boolean isFiltered() { return !filters.isEmpty(); }
}
