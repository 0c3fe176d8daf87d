// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import java.util.Arrays;

/**
 * Turns scores into labels for a contamination: the k = ⌈contamination · n⌉ highest scores are suspicious,
 * so the cut-off is the score quantile at 1 − contamination. Rows tied with the k-th score are flagged
 * too (they are equally anomalous), unless the tie more than doubles the count: then the cut-off is the
 * lowest score above the tie (a file of identical rows is not all suspicious). A cut-off is found by selection in
 * O(n), so changing contamination re-labels in O(n) without a refit; the scores are sorted only when a baseline's
 * ladder is asked for.
 */
public final class Threshold {
    public static final byte SUSPICIOUS = -1;
    public static final byte NORMAL = 1;

    /** The scores (not modified), or null for a baseline's ladder. */
    private final double[] scores;
    /** A baseline's ladder, or the scores sorted when a ladder is first asked for ({@link #ladder}). */
    private volatile double[] sortedDescending;
    private final double exactContamination; // a baseline's: its cut-off there is exact, elsewhere read off the ladder
    private final double exactCutOff;
    /** The last cut-off worked out: a run's findings, labels and charts ask for the same one several times. */
    private volatile CutOff last;

    private record CutOff(double contamination, double score) { }

    /** @param scores not modified, here or afterwards */
    public Threshold(double[] scores) {
        this.scores = scores;
        this.exactContamination = Double.NaN;
        this.exactCutOff = Double.NaN;
    }

    private Threshold(double[] sortedDescending, double exactContamination, double exactCutOff) {
        this.scores = null;
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
        double[] sorted = sorted();
        int n = sorted.length;
        if (n <= max) return sorted.clone();
        double[] l = new double[max];
        for (int i = 0; i < max; i++) l[i] = sorted[(int) ((long) i * (n - 1) / (max - 1))];
        return l;
    }

    private double[] sorted() {
        double[] sorted = sortedDescending;
        if (sorted == null) {
            synchronized (this) {
                if ((sorted = sortedDescending) == null) sortedDescending = sorted = sortDescending(scores);
            }
        }
        return sorted;
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
        CutOff known = last;
        if (known != null && known.contamination() == contamination) return known.score();
        double[] sorted = sortedDescending;
        double cut = sorted != null ? ofSorted(sorted, contamination) : selected(scores, contamination);
        if (Double.isNaN(cut)) cut = ofSorted(sorted(), contamination); // the sorted way, the sort kept for the next contamination
        last = new CutOff(contamination, cut);
        return cut;
    }

    /** How many rows a contamination asks for: ⌈contamination · n⌉, at least one and at most all. */
    private static int wanted(double contamination, int n) {
        // subtract a hair so 0.05 · 300 = 15.000000000000002 does not become 16
        int k = (int) Math.ceil(contamination * n - 1e-9);
        return Math.max(1, Math.min(n, k));
    }

    /** The cut-off read off scores sorted from the highest. */
    static double ofSorted(double[] sortedDescending, double contamination) {
        int n = sortedDescending.length;
        int k = wanted(contamination, n);
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

    /**
     * The same cut-off as {@link #ofSorted} of the sorted scores, without sorting them: the k-th highest score by
     * selection, then one pass that counts the rows at or above it and finds the lowest score above it. A million
     * scores: 5-8 ms, where sorting them took 45-55 ms of every run (quick compiler). Scores that are not all
     * positive numbers (a NaN, a zero of either sign), or a selection that keeps choosing badly, go the sorted way.
     */
    static double ofScores(double[] scores, double contamination) {
        double cut = selected(scores, contamination);
        return Double.isNaN(cut) ? ofSorted(sortDescending(scores), contamination) : cut;
    }

    /** {@link #ofScores} by selection, or NaN where the cut-off must be read off the sorted scores. */
    private static double selected(double[] scores, double contamination) {
        int n = scores.length;
        int k = wanted(contamination, n);
        double cut = kthHighest(scores.clone(), k);
        if (Double.isNaN(cut)) return Double.NaN;
        int flagged = 0, above = 0;
        double lowestAbove = Double.POSITIVE_INFINITY;
        for (double v : scores) {
            if (!(v > 0)) return Double.NaN; // the radix sort orders -0.0, 0.0 and NaN by their bits
            if (v >= cut) {
                flagged++;
                if (v > cut) {
                    above++;
                    if (v < lowestAbove) lowestAbove = v;
                }
            }
        }
        if (flagged > 2 * k && k > 1 && above > 0) return lowestAbove;
        return cut;
    }

    /**
     * The k-th highest of {@code v} (rearranged), by Hoare's selection with the middle element as pivot; NaN when
     * it has taken more rounds than a good run of choices would (a sort then gives the answer).
     */
    private static double kthHighest(double[] v, int k) {
        int lo = 0, hi = v.length - 1, target = k - 1;
        for (int rounds = 0; lo < hi; rounds++) {
            if (rounds > 64) return Double.NaN;
            double pivot = v[(lo + hi) >>> 1];
            if (pivot != pivot) return Double.NaN;
            int i = lo, j = hi;
            while (i <= j) {
                while (v[i] > pivot) i++;
                while (v[j] < pivot) j--;
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return v[target];
        }
        return v[target];
    }

    /** -1 for suspicious, 1 for normal, per row. */
    public static byte[] labels(double[] scores, double cutOff) {
        byte[] l = new byte[scores.length];
        for (int i = 0; i < scores.length; i++) l[i] = scores[i] >= cutOff ? SUSPICIOUS : NORMAL;
        return l;
    }
}
