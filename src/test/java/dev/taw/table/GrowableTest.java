// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;

/** Block-grown lists hold every value in order across block boundaries. */
class GrowableTest {
    @Test
    void valuesSurviveManyBlocks() {
        int n = 300_001; // nine full blocks of 32,768 and a part
        Growable.Doubles d = new Growable.Doubles();
        Growable.Longs l = new Growable.Longs();
        Growable.Ints i = new Growable.Ints();
        for (int k = 0; k < n; k++) {
            d.add(k * 0.5);
            l.add(k * 3_000_000_000L);
            i.add(-k);
        }
        i.set(32_768, 7);
        double[] da = d.toArray();
        long[] la = l.toArray();
        int[] ia = i.toArray();
        assertEquals(n, da.length);
        assertEquals(n, la.length);
        assertEquals(n, ia.length);
        for (int k = 0; k < n; k++) {
            assertEquals(k * 0.5, da[k]);
            assertEquals(k * 3_000_000_000L, la[k]);
            assertEquals(k == 32_768 ? 7 : -k, ia[k]);
            assertEquals(ia[k], i.get(k));
        }
        assertEquals(0, new Growable.Ints().toArray().length);
    }
}
