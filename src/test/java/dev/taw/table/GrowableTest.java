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

    /** Lists of random lengths, some of their elements set again, joined with or without new codes, hold what a plain array would. */
    @Test
    void joinedListsHoldWhatTheirPartsHeld() {
        java.util.Random random = new java.util.Random(15);
        int[] remap = new int[VALUES];
        for (int k = 0; k < remap.length; k++) remap[k] = k ^ 0x5555;
        for (int trial = 0; trial < 60; trial++) {
            Filled one = Filled.random(random), other = Filled.random(random);
            one.check("trial " + trial);
            other.check("trial " + trial + ", the other");
            Growable.Ints plain = new Growable.Ints();
            plain.addAll(one.ints, null);
            plain.addAll(other.ints, null);
            one.doubles.addAll(other.doubles);
            one.longs.addAll(other.longs);
            one.ints.addAll(other.ints, remap);
            double[] d = one.doubles.toArray();
            long[] l = one.longs.toArray();
            int[] i = one.ints.toArray(), p = plain.toArray();
            int a = one.values.length, n = a + other.values.length;
            assertEquals(n, d.length);
            assertEquals(n, l.length);
            assertEquals(n, i.length);
            assertEquals(n, p.length);
            for (int k = 0; k < n; k++) {
                int v = k < a ? one.values[k] : other.values[k - a], w = k < a ? one.added[k] : other.added[k - a];
                assertEquals(w * 0.25, d[k], "trial " + trial + " at " + k);
                assertEquals(w * 5_000_000_000L, l[k]);
                assertEquals(k < a ? v : remap[v], i[k]);
                assertEquals(i[k], one.ints.get(k));
                assertEquals(v, p[k]);
            }
        }
    }

    /** A joined list goes on growing, and has elements set, as if its elements had been added one by one. */
    @Test
    void aJoinedListGrowsAndChangesLikeAnyOther() {
        java.util.Random random = new java.util.Random(16);
        int[] remap = new int[VALUES];
        for (int k = 0; k < remap.length; k++) remap[k] = VALUES - 1 - k;
        for (int trial = 0; trial < 40; trial++) {
            Filled one = Filled.random(random), other = Filled.random(random);
            boolean mapped = random.nextBoolean();
            one.ints.addAll(other.ints, mapped ? remap : null);
            one.doubles.addAll(other.doubles);
            int a = one.values.length, n = a + other.values.length, more = random.nextInt(70_000);
            int[] want = new int[n + more];
            for (int k = 0; k < n; k++) want[k] = k < a ? one.values[k] : mapped ? remap[other.values[k - a]] : other.values[k - a];
            int setAt = n == 0 ? -1 : random.nextInt(n);
            if (setAt >= 0 && random.nextBoolean()) { // set before growing, so in the joined part it is copied in first
                one.ints.set(setAt, -5);
                want[setAt] = -5;
            }
            for (int k = n; k < n + more; k++) {
                one.ints.add(k);
                one.doubles.add(k);
                want[k] = k;
            }
            assertEquals(n + more, one.ints.size());
            int[] got = one.ints.toArray();
            double[] d = one.doubles.toArray();
            for (int k = 0; k < n + more; k++) {
                assertEquals(want[k], got[k], "trial " + trial + " at " + k);
                assertEquals(want[k], one.ints.get(k));
                if (k >= n) assertEquals(k, d[k]);
                else assertEquals((k < a ? one.added[k] : other.added[k - a]) * 0.25, d[k]);
            }
        }
    }

    private static final int VALUES = 400_000;

    /** The three lists filled alike, some ints set again, and what they hold. */
    private record Filled(Growable.Doubles doubles, Growable.Longs longs, Growable.Ints ints, int[] added, int[] values) {
        static Filled random(java.util.Random random) {
            int n = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(200_000);
            Filled f = new Filled(new Growable.Doubles(), new Growable.Longs(), new Growable.Ints(), new int[n], new int[n]);
            for (int k = 0; k < n; k++) f.put(k, random.nextInt(VALUES));
            for (int s = 0; s < 50 && n > 0; s++) { // ints set again, wherever they are
                int at = random.nextInt(n), v = random.nextInt(VALUES);
                f.ints.set(at, v);
                f.values[at] = v;
            }
            return f;
        }

        private void put(int k, int v) {
            doubles.add(v * 0.25);
            longs.add(v * 5_000_000_000L);
            ints.add(v);
            added[k] = v;
            values[k] = v;
        }

        /** Every element by index (the doubles and longs as added; the ints as set again). */
        void check(String what) {
            assertEquals(values.length, ints.size(), what);
            for (int k = 0; k < values.length; k++) {
                assertEquals(values[k], ints.get(k), what + " at " + k);
                assertEquals(added[k] * 0.25, doubles.get(k), what + " at " + k);
                assertEquals(added[k] * 5_000_000_000L, longs.get(k), what + " at " + k);
            }
            assertEquals(values.length, doubles.size(), what);
            assertEquals(values.length, longs.size(), what);
        }
    }
}
