// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/**
 * A stable merge sort of ints by a comparator of two ints: the order {@code List<Integer>.sort} gives with the same
 * comparator, without boxing a hundred thousand host codes and unboxing them at each of two million comparisons.
 */
final class IntSort {
    /** Compares two ints, as {@link java.util.Comparator#compare} does. */
    interface Order {
        int compare(int a, int b);
    }

    private static final int SMALL = 8;

    private IntSort() { }

    static void sort(int[] a, Order order) {
        mergeSort(a.clone(), a, 0, a.length, order);
    }

    /** Sorts {@code into[lo, hi)}, with {@code from} holding the same values to use as scratch. */
    private static void mergeSort(int[] from, int[] into, int lo, int hi, Order order) {
        if (hi - lo <= SMALL) {
            for (int i = lo + 1; i < hi; i++) {
                int v = into[i], j = i;
                for (; j > lo && order.compare(into[j - 1], v) > 0; j--) into[j] = into[j - 1];
                into[j] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(into, from, lo, mid, order); // each half sorted into the scratch copy, then merged back
        mergeSort(into, from, mid, hi, order);
        if (order.compare(from[mid - 1], from[mid]) <= 0) {
            System.arraycopy(from, lo, into, lo, hi - lo);
            return;
        }
        for (int i = lo, p = lo, q = mid; i < hi; i++) {
            into[i] = q >= hi || p < mid && order.compare(from[p], from[q]) <= 0 ? from[p++] : from[q++];
        }
    }
}
