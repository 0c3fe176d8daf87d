// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import java.util.Arrays;

/** Min, median and max of a benchmark's repeated measurements: what every bench here prints for a set of runs. */
final class Spread {
    private Spread() { }

    /** The median of {@code v} (any order; not changed); the mean of the middle two when there are an even number. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double min(double[] v) { return Arrays.stream(v).min().orElse(Double.NaN); }

    static double max(double[] v) { return Arrays.stream(v).max().orElse(Double.NaN); }

    /** "min / median / max" of some whole numbers (milliseconds), the median rounded down when it falls between two. */
    static String of(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        long median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return s[0] + " / " + median + " / " + s[n - 1];
    }
}
