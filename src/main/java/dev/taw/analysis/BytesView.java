// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/**
 * Bytes in vs bytes out, ready for a chart of any size: a density grid over log10(1 + bytes) per label,
 * and a bounded sample of points (every suspicious row up to a cap, highest scores first, plus an even
 * sample of normal rows), so a million rows never become a million chart nodes.
 *
 * @param maxLog     upper edge of both axes in log10(1 + bytes)
 * @param normalGrid counts per cell, {@code [inBin * bins + outBin]}
 * @param densestNormalCell the largest count in {@code normalGrid}
 * @param points     sample rows: {@code {bytesIn, bytesOut}} pairs with their {@code suspicious} flags
 */
public record BytesView(int bins, double maxLog, long[] normalGrid, long[] suspiciousGrid, long densestNormalCell,
                        double[] pointIn, double[] pointOut, boolean[] pointSuspicious, int[] pointRows) {
    /** No chart: a log without byte counts, or findings that leave the charts out. */
    public static BytesView none() {
        return new BytesView(0, 0, new long[0], new long[0], 0, new double[0], new double[0], new boolean[0], new int[0]);
    }

    public int pointCount() { return pointIn.length; }

    /** Opacity, 0.15–0.75, for a density cell of {@code count} normal rows: log scale, so sparse cells still show. */
    public double shade(long count) {
        return 0.15 + 0.6 * Math.log1p(count) / Math.log1p(Math.max(1, densestNormalCell));
    }
}
