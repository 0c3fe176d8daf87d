// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.job.Workers;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Future;

/**
 * What the analyst is looking at: a finished run seen at one contamination through zero or more filters.
 * Everything the window and the report show is derived here, off the FX thread, in one go.
 *
 * @param hostLabels  -1/1 per source-host code at {@code hostContamination}, or null where no host forest ran
 * @param rowsByScore the rows in view, most suspicious first (ties in file order); in a {@link Scope#SUMMARY} only
 *                    the first {@link #SUMMARY_ROWS}
 */
public record Investigation(Analysis analysis, double contamination, double hostContamination, List<RowFilter> filters, byte[] labels,
                            byte[] hostLabels, BitSet view, Findings findings, int[] rowsByScore) {

    /** The most suspicious rows a {@link Scope#SUMMARY} ranks: as many as the command line's summary prints. */
    public static final int SUMMARY_ROWS = 10;

    /** How much of a run to work out. */
    public enum Scope {
        /** Everything the window and the report show. */
        ALL,
        /**
         * What the command line's summary and hosts CSV need: the counts, the countries and the hosts, and the
         * {@link #SUMMARY_ROWS} most suspicious rows. The charts' breakdowns (protocols, ports, responses, timeline,
         * score and bytes charts) are left empty: on a million rows they were half the findings' time.
         */
        SUMMARY
    }

    /** Hosts whose reasons {@link Scope#ALL} makes ahead: more than a full-screen table shows. */
    static final int HOSTS_EXPLAINED_AHEAD = 64;

    public Investigation {
        filters = List.copyOf(filters);
    }

    /** At the run's own host contamination. */
    public static Investigation of(Analysis analysis, double contamination, List<RowFilter> filters) {
        return of(analysis, contamination, analysis.settings().hostContamination(), filters);
    }

    public static Investigation of(Analysis analysis, double contamination, double hostContamination, List<RowFilter> filters) {
        return of(analysis, contamination, hostContamination, filters, Scope.ALL);
    }

    public static Investigation of(Analysis analysis, double contamination, double hostContamination, List<RowFilter> filters, Scope scope) {
        byte[] labels = analysis.labels(contamination);
        BitSet view = analysis.view(labels, filters);
        HostScores hosts = analysis.hostScores();
        byte[] hostLabels = hosts == null ? null : hosts.labels(hostContamination);
        FindingsCalculator calculator = new FindingsCalculator();
        double cutOff = analysis.cutOff(contamination);
        var keys = analysis.ipProfile() == null ? null : analysis.ipProfile().hosts();
        if (scope == Scope.SUMMARY) {
            return new Investigation(analysis, contamination, hostContamination, filters, labels, hostLabels, view,
                    calculator.summary(analysis.table(), analysis.scores(), labels, cutOff, view, hosts, hostLabels, keys),
                    top(analysis.scores(), RowsInView.of(view), SUMMARY_ROWS));
        }
        // the ranking on a thread of its own while the findings are counted here (a fifth of the time on two cores)
        Future<int[]> ranked = Workers.aside("rank-rows", () -> byScore(analysis.scores(), RowsInView.of(view)));
        Findings findings = calculator.compute(analysis.table(), analysis.scores(), labels, cutOff, view, hosts, hostLabels, keys);
        // the window's host list shows its first screenful at once, each host with its reasons: made here, off the FX
        // thread, where a cold window spent 30-40 ms of one frame making them (they are kept, so this is done once)
        findings.hosts().stream().limit(HOSTS_EXPLAINED_AHEAD).forEach(analysis::explainHost);
        return new Investigation(analysis, contamination, hostContamination, filters, labels, hostLabels, view, findings, Workers.join(ranked));
    }

    /**
     * The {@code k} rows of {@code view} with the highest scores, in {@link #byScore}'s order: one pass that keeps the
     * best k seen so far, instead of sorting a million rows to print ten.
     */
    static int[] top(double[] scores, int[] view, int k) {
        int[] best = new int[k];
        int n = 0;
        for (int r : view) {
            // rows come in file order, so a tie never displaces an earlier row
            if (n == k && !(scores[r] > scores[best[k - 1]])) continue;
            int j = n < k ? n++ : k - 1;
            while (j > 0 && scores[r] > scores[best[j - 1]]) {
                best[j] = best[j - 1];
                j--;
            }
            best[j] = r;
        }
        return java.util.Arrays.copyOf(best, n);
    }

    /** Row indices of {@code view} (in file order) sorted by descending score, ties by row: a primitive sort on packed keys. */
    static int[] byScore(double[] scores, int[] view) {
        int n = view.length;
        long[] keys = new long[n];
        int k = 0;
        for (int r : view) {
            // scores are in [0, 1]: 31 bits of (1 - score) then the row keep the order exact enough and stable
            long s = (long) ((1.0 - scores[r]) * ((1L << 31) - 1));
            keys[k++] = (s << 32) | r;
        }
        // non-negative: 31 bits of score, then the row; the rows come in file order, so a stable sort of the score's bits
        // alone leaves them as sorting the whole key would, in half the passes
        dev.taw.table.RadixSort.sortAbove(keys, 32);
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
