// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/** Score distribution in equal-width bins between {@code min} and {@code max}, split by label. */
public record ScoreHistogram(double min, double max, long[] normal, long[] suspicious, double cutOff) {
    public int bins() { return normal.length; }

    public double binStart(int i) { return min + (max - min) * i / bins(); }
}
