// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowsInViewTest {

    /** What the findings' loops visited before: the set bits, by nextSetBit. */
    private static int[] bySetBits(BitSet view) {
        return view.stream().toArray();
    }

    @Test
    void everyViewGivesItsRowsInFileOrder() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 2000; round++) {
            int n = random.nextInt(0, 700);
            BitSet view = new BitSet(n);
            switch (round % 5) {
                case 0 -> view.set(0, n);                                  // all rows: the fast path
                case 1 -> view.set(1, n);                                  // all but the first: not every row from 0
                case 2 -> { if (n > 0) view.set(0, n - 1); }               // all but the last: as long as a shorter whole view
                case 3 -> { for (int i = 0; i < n; i++) if (random.nextInt(100) == 0) view.set(i); }
                default -> { for (int i = 0; i < n; i++) if (random.nextBoolean()) view.set(i); }
            }
            assertArrayEquals(bySetBits(view), RowsInView.of(view), "round " + round);
        }
    }

    @Test
    void rowsAtTheEdgesOfAWordAreKept() {
        BitSet view = new BitSet();
        for (int i : new int[] {0, 63, 64, 127, 128, 4095, 4096}) view.set(i);
        assertArrayEquals(new int[] {0, 63, 64, 127, 128, 4095, 4096}, RowsInView.of(view));
        assertArrayEquals(new int[0], RowsInView.of(new BitSet()));
    }
}
