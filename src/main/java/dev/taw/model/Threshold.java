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
    private final double exactContamination; // a baseline's: its cut-off there is exact, elsewhere read off the ladder
    private final double exactCutOff;

    public Threshold(double[] scores) {
        this(sortDescending(scores), Double.NaN, Double.NaN);
    }

    private Threshold(double[] sortedDescending, double exactContamination, double exactCutOff) {
        this.sortedDescending = sortedDescending;
        this.exactContamination = exactContamination;
        this.exactCutOff = exactCutOff;
    }

    /**
     * A baseline's cut-offs, applied to new scores: at the contamination it was trained with, its exact cut-off;
     * at another, read off its score ladder ({@link #ladder}), so the analyst can ask what the baseline's top 1 %
     * would flag without a refit.
     *
     * @throws IllegalArgumentException when the ladder is empty, not descending or not made of scores
     */
    public static Threshold ofBaseline(double[] ladderDescending, double contamination, double cutOff) {
        if (ladderDescending.length == 0) throw new IllegalArgumentException("an empty score ladder");
        for (int i = 0; i < ladderDescending.length; i++) {
            double v = ladderDescending[i];
            if (!(v >= 0 && v <= 1) || (i > 0 && v > ladderDescending[i - 1])) throw new IllegalArgumentException("the score ladder is not descending scores");
        }
        if (!(cutOff >= 0 && cutOff <= 1)) throw new IllegalArgumentException("a cut-off of " + cutOff);
        return new Threshold(ladderDescending.clone(), contamination, cutOff);
    }

    /**
     * The sorted scores, or at most {@code max} of them evenly spaced by rank from the highest to the lowest:
     * what a baseline keeps to re-cut at another contamination (exact when the scores are no more than {@code max}).
     */
    public double[] ladder(int max) {
        int n = sortedDescending.length;
        if (n <= max) return sortedDescending.clone();
        double[] l = new double[max];
        for (int i = 0; i < max; i++) l[i] = sortedDescending[(int) ((long) i * (n - 1) / (max - 1))];
        return l;
    }

    private static double[] sortDescending(double[] scores) {
        double[] s = scores.clone();
        dev.taw.table.RadixSort.sort(s); // a million scores: under half the time of Arrays.sort (measured), the same order
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** The score at or above which a row is suspicious. */
    public double cutOff(double contamination) {
        if (contamination == exactContamination) return exactCutOff;
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
