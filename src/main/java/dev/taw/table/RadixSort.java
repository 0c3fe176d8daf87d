// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

/**
 * Sorts non-negative longs ascending, eleven bits at a time from the lowest (a stable counting sort per digit):
 * a linear number of passes over a million ranking keys, where a comparison sort does twenty. Digits that every
 * key shares are skipped, so keys of a few dozen bits take a few passes.
 */
public final class RadixSort {
    private static final int BITS = 11, BUCKETS = 1 << BITS;

    private RadixSort() { }

    /** @param a non-negative keys, sorted in place */
    public static void sort(long[] a) {
        sortAbove(a, 0);
    }

    /**
     * Sorts by the bits from {@code fromBit} up alone, stably: keys that agree there keep the order they came in. Keys
     * that arrive in ascending order of their low bits (a row index under a score) so come out exactly as {@link #sort}
     * leaves them, in the passes of the high bits only: three instead of six for a ranking's 31 bits of score above 32
     * of row.
     *
     * @param a non-negative keys, sorted in place
     */
    public static void sortAbove(long[] a, int fromBit) {
        int n = a.length;
        if (n < 2) return;
        int digits = (63 - fromBit + BITS - 1) / BITS;
        int[][] count = new int[digits][BUCKETS];
        for (long k : a) {
            for (int d = 0; d < digits; d++) count[d][(int) (k >>> (fromBit + d * BITS)) & (BUCKETS - 1)]++;
        }
        long[] from = a, to = new long[n];
        for (int d = 0; d < digits; d++) {
            int[] c = count[d];
            int shift = fromBit + d * BITS;
            if (c[(int) (from[0] >>> shift) & (BUCKETS - 1)] == n) continue; // every key has this digit
            for (int b = 0, at = 0; b < BUCKETS; b++) {
                int m = c[b];
                c[b] = at;
                at += m;
            }
            for (long k : from) to[c[(int) (k >>> shift) & (BUCKETS - 1)]++] = k;
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != a) System.arraycopy(from, 0, a, 0, n);
    }

    /**
     * Sorts doubles ascending as {@link java.util.Arrays#sort(double[])} does. Scores are never negative, and the bits
     * of non-negative doubles sort as their values, so those go through the radix sort; anything else (a negative
     * number, -0.0, NaN) is left to {@code Arrays.sort}.
     */
    public static void sort(double[] a) {
        long[] bits = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            long b = Double.doubleToRawLongBits(a[i]);
            if (b < 0 || b > POSITIVE_INFINITY) {
                java.util.Arrays.sort(a);
                return;
            }
            bits[i] = b;
        }
        sort(bits);
        for (int i = 0; i < a.length; i++) a[i] = Double.longBitsToDouble(bits[i]);
    }

    private static final long POSITIVE_INFINITY = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
}
