// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

/** What a forest fits and scores: {@code columns[f][row]}, feature-major. */
public record Matrix(double[][] columns, int rows) {

    public int width() { return columns.length; }

    /** Row {@code i} as a fresh array, the shape Smile's trees take. */
    public double[] row(int i) {
        double[] x = new double[columns.length];
        for (int f = 0; f < columns.length; f++) x[f] = columns[f][i];
        return x;
    }
}
