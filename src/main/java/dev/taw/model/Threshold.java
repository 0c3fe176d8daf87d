// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import java.util.Arrays;

/**
 * Turns scores into labels for a contamination: the k = ⌈contamination · n⌉ highest scores are suspicious,
 * so the cut-off is the score quantile at 1 − contamination. Rows tied with the k-th score are flagged
 * too (they are equally anomalous), unless the tie more than doubles the count: then the cut-off is the
 * lowest score above the tie (a file of identical rows is not all suspicious). The sorted scores are kept, so changing contamination re-labels in
 * O(n) without a refit.
 */
public final class Threshold {
    public static final byte SUSPICIOUS = -1;
    public static final byte NORMAL = 1;

    private final double[] sortedDescending;

    public Threshold(double[] scores) {
        double[] s = scores.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        this.sortedDescending = s;
    }

    /** The score at or above which a row is suspicious. */
    public double cutOff(double contamination) {
        int n = sortedDescending.length;
        // subtract a hair so 0.05 · 300 = 15.000000000000002 does not become 16
        int k = (int) Math.ceil(contamination * n - 1e-9);
        k = Math.max(1, Math.min(n, k));
        double cut = sortedDescending[k - 1];
        // rows tied with the k-th are flagged with it, unless the tie is what makes the count: twenty-five identical
        // requests of one client tied at the lowest score would all be "suspicious" at 5 %. Then only the rows
        // above the tie are, as a percentile cut-off between two values would have it
        int flagged = k;
        while (flagged < n && sortedDescending[flagged] == cut) flagged++;
        if (flagged > 2 * k && k > 1) {
            int above = k - 1;
            while (above > 0 && sortedDescending[above - 1] == cut) above--;
            if (above > 0) return sortedDescending[above - 1];
        }
        return cut;
    }

    /** -1 for suspicious, 1 for normal, per row. */
    public static byte[] labels(double[] scores, double cutOff) {
        byte[] l = new byte[scores.length];
        for (int i = 0; i < scores.length; i++) l[i] = scores[i] >= cutOff ? SUSPICIOUS : NORMAL;
        return l;
    }
}
