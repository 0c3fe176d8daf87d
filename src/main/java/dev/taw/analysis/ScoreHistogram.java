// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.model.Threshold;
import java.util.BitSet;

/** Score distribution in equal-width bins between {@code min} and {@code max}, split by label. */
public record ScoreHistogram(double min, double max, long[] normal, long[] suspicious, double cutOff) {
    public int bins() { return normal.length; }

    public double binStart(int i) { return min + (max - min) * i / bins(); }

    /**
     * The scores of {@code rows} (rows of a log, or hosts) in {@code bins} bins over their range, widened to take in
     * the cut-off; a NaN cut-off (no cut to draw) widens nothing.
     */
    public static ScoreHistogram of(double[] scores, byte[] labels, BitSet rows, double cutOff, int bins) {
        return of(scores, labels, RowsInView.of(rows), cutOff, bins);
    }

    /** @param rows row (or host) indices, as {@link RowsInView} makes them */
    static ScoreHistogram of(double[] scores, byte[] labels, int[] rows, double cutOff, int bins) {
        double min = 1, max = 0;
        for (int r : rows) {
            min = MinMax.min(min, scores[r]);
            max = MinMax.max(max, scores[r]);
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        if (!Double.isNaN(cutOff)) {
            min = Math.min(min, cutOff);
            max = Math.max(max, cutOff);
        }
        if (max - min < 1e-9) max = min + 1e-3;
        long[] normal = new long[bins];
        long[] sus = new long[bins];
        for (int r : rows) {
            int b = (int) MinMax.min(bins - 1, (scores[r] - min) / (max - min) * bins);
            if (labels[r] == Threshold.SUSPICIOUS) sus[b]++; else normal[b]++;
        }
        return new ScoreHistogram(min, max, normal, sus, cutOff);
    }
}
