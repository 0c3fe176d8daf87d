// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

/** The lowest and highest value of each column: a baseline's ranges, which new data is checked against. */
final class Ranges {
    final double[] low;
    final double[] high;

    /** Over each column's values from index {@code from} on (1 for host columns: code 0 is the empty address). */
    Ranges(double[][] columns, int from) {
        low = new double[columns.length];
        high = new double[columns.length];
        for (int f = 0; f < columns.length; f++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < columns[f].length; i++) {
                lo = Math.min(lo, columns[f][i]);
                hi = Math.max(hi, columns[f][i]);
            }
            low[f] = lo;
            high[f] = hi;
        }
    }
}
