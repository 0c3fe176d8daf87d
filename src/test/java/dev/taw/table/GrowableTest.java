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

    @Test
    void addingAllOfAnotherIsAddingEachInTurn() {
        // sizes on either side of the first block's growth steps and of full blocks, on both sides of the join
        int[] sizes = {0, 1, 255, 256, 257, 4096, 32_767, 32_768, 32_769, 70_000, 100_003};
        int[] remap = new int[200_000];
        for (int k = 0; k < remap.length; k++) remap[k] = k * 7 + 1;
        for (int a : sizes) {
            for (int b : sizes) {
                Growable.Doubles d = new Growable.Doubles(), d2 = new Growable.Doubles();
                Growable.Longs l = new Growable.Longs(), l2 = new Growable.Longs();
                Growable.Ints i = new Growable.Ints(), i2 = new Growable.Ints(), r = new Growable.Ints();
                for (int k = 0; k < a; k++) {
                    d.add(k);
                    l.add(-k);
                    i.add(k);
                    r.add(k);
                }
                for (int k = 0; k < b; k++) {
                    d2.add(a + k + 0.5);
                    l2.add(3_000_000_000L * k);
                    i2.add(k);
                }
                d.addAll(d2);
                l.addAll(l2);
                i.addAll(i2, null);
                r.addAll(i2, remap);
                double[] da = d.toArray();
                long[] la = l.toArray();
                int[] ia = i.toArray(), ra = r.toArray();
                assertEquals(a + b, da.length, a + " then " + b);
                assertEquals(a + b, la.length);
                assertEquals(a + b, ra.length);
                for (int k = 0; k < a + b; k++) {
                    boolean first = k < a;
                    assertEquals(first ? k : k + 0.5, da[k], a + " then " + b + " at " + k);
                    assertEquals(first ? -k : 3_000_000_000L * (k - a), la[k]);
                    assertEquals(first ? k : k - a, ia[k]);
                    assertEquals(first ? k : remap[k - a], ra[k]);
                }
                d.add(-1); // still growing after the join
                assertEquals(-1, d.get(a + b));
            }
        }
    }
}
