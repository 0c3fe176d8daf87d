// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import java.util.BitSet;

/**
 * The rows of a view as an array of row indices, in file order, made once for the many passes the findings make
 * over them. Under the quick compiler a batch run and the window use, {@link BitSet#nextSetBit} is a call it does
 * not inline: a pass over a million rows took 7-8 ms by it and 1-1.5 ms over the array, and the findings of a
 * window's run make a dozen passes.
 */
final class RowsInView {
    private RowsInView() { }

    static int[] of(BitSet view) {
        int n = view.cardinality();
        int[] rows = new int[n];
        if (n > 0 && view.length() == n) { // every row from 0: the common case, nothing filtered
            for (int i = 0; i < n; i++) rows[i] = i;
            return rows;
        }
        long[] words = view.toLongArray();
        int k = 0;
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            while (bits != 0) {
                rows[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return rows;
    }
}
