// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.concurrent.ThreadLocalRandom;

/** Medians in linear expected time (quickselect on a copy), for imputation and typical values. */
public final class Medians {
    private Medians() { }

    /** Median of the non-NaN values (mean of the two middle ones for an even count); NaN if none. */
    public static double of(double[] values) {
        double[] a = new double[values.length];
        int n = 0;
        for (double v : values) if (!Double.isNaN(v)) a[n++] = v;
        if (n == 0) return Double.NaN;
        int mid = n / 2;
        double upper = select(a, 0, n - 1, mid);
        if (n % 2 == 1) return upper;
        // after selecting mid, everything left of it is ≤ a[mid]: the lower middle is their maximum
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mid; i++) lower = Math.max(lower, a[i]);
        return (lower + upper) / 2.0;
    }

    /** Rearranges a[lo..hi] so that a[k] holds the k-th smallest value; returns it. */
    private static double select(double[] a, int lo, int hi, int k) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (lo < hi) {
            double pivot = a[lo + r.nextInt(hi - lo + 1)];
            int lt = lo, i = lo, gt = hi; // three-way partition: < pivot | == pivot | > pivot
            while (i <= gt) {
                if (a[i] < pivot) swap(a, lt++, i++);
                else if (a[i] > pivot) swap(a, i, gt--);
                else i++;
            }
            if (k < lt) hi = lt - 1;
            else if (k > gt) lo = gt + 1;
            else return a[k];
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
