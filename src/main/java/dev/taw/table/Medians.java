// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.concurrent.ThreadLocalRandom;

/** Medians in linear expected time (quickselect on a copy), for imputation and typical values. */
public final class Medians {
    private Medians() { }

    /** Median of the non-NaN values (mean of the two middle ones for an even count); NaN if none. */
    public static double of(double[] values) {
        Counted few = values.length < Counted.WORTH_IT ? null : Counted.of(values);
        if (few != null) return few.median();
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

    /**
     * The values counted, when they are few: most features are a port, a class, a share of a value or a count per
     * host, with a few hundred distinct values among a million rows, and counting them in one pass is a third of
     * the work of selecting among a copy. The same median to the bit: the middle values are values of the array.
     */
    private static final class Counted {
        private static final int MOST = 1024;
        /** Below this many values a selection is cheap, and the table would cost more than it saves. */
        static final int WORTH_IT = 8 * MOST;
        private final long[] keys = new long[4 * MOST];  // a value's bits + 1 (0: an empty slot)
        private final int[] counts = new int[4 * MOST];
        private int distinct, n;

        /** @return the counts, or null past {@link #MOST} distinct values, or when a -0.0 makes the order of zeros matter */
        static Counted of(double[] values) {
            Counted c = new Counted();
            for (double v : values) {
                if (Double.isNaN(v)) continue;
                long bits = Double.doubleToRawLongBits(v);
                if (bits == Long.MIN_VALUE) return null;
                int slot = c.slot(bits);
                if (c.keys[slot] == 0) {
                    if (++c.distinct > MOST) return null;
                    c.keys[slot] = bits + 1;
                }
                c.counts[slot]++;
                c.n++;
            }
            return c;
        }

        double median() {
            if (n == 0) return Double.NaN;
            double[] value = new double[distinct];
            int k = 0;
            for (long key : keys) if (key != 0) value[k++] = Double.longBitsToDouble(key - 1);
            java.util.Arrays.sort(value); // distinct, no NaN and no -0.0: numeric order
            int[] count = new int[distinct];
            for (int i = 0; i < distinct; i++) count[i] = counts[slot(Double.doubleToRawLongBits(value[i]))];
            int mid = n / 2;
            double upper = nth(value, count, mid);
            return n % 2 == 1 ? upper : (nth(value, count, mid - 1) + upper) / 2.0;
        }

        /** The slot of a value's bits: where it is, or the empty slot where it goes. */
        private int slot(long bits) {
            int mask = keys.length - 1;
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 52) & mask;
            while (keys[slot] != 0 && keys[slot] != bits + 1) slot = (slot + 1) & mask;
            return slot;
        }

        /** The k-th smallest (from 0) of the values, each repeated its count. */
        private static double nth(double[] value, int[] count, int k) {
            int seen = 0;
            for (int i = 0; ; i++) {
                seen += count[i];
                if (k < seen) return value[i];
            }
        }
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
