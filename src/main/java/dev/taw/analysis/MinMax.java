// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/**
 * {@link Math#max(double, double)} and {@link Math#min(double, double)}, the same results to the bit, in bodies small
 * enough for the quick compiler to inline. It compiles Math's own (which handle NaN and -0.0) as calls, and the
 * findings made three million of them per run on a million rows. The strict comparison settles every pair that is
 * neither equal nor NaN; the rest goes to Math.
 */
final class MinMax {
    private MinMax() { }

    static double max(double a, double b) {
        return a > b ? a : b > a ? b : Math.max(a, b);
    }

    static double min(double a, double b) {
        return a < b ? a : b < a ? b : Math.min(a, b);
    }
}
