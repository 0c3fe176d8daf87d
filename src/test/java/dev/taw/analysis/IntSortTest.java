// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The int merge sort orders as a stable sort of boxed ints does with the same comparator, ties kept in place. */
class IntSortTest {
    @Test
    void ordersAsListSortDoesTiesIncluded() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 30; round++) {
            int n = round < 3 ? round : 1 + random.nextInt(50_000);
            double[] score = new double[n];
            long[] count = new long[n];
            for (int i = 0; i < n; i++) {
                score[i] = round % 3 == 0 ? random.nextInt(4) / 4.0 : random.nextDouble(); // many ties, or few
                if (i % 97 == 0) score[i] = i % 2 == 0 ? 0.0 : -0.0;
                count[i] = random.nextInt(round % 2 == 0 ? 3 : 1000);
            }
            List<Integer> boxed = new ArrayList<>();
            for (int i = 0; i < n; i++) boxed.add(i);
            boxed.sort(Comparator.<Integer>comparingDouble(c -> -score[c]).thenComparingLong(c -> -count[c]));
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) ids[i] = i;
            IntSort.sort(ids, (a, b) -> {
                int s = Double.compare(-score[a], -score[b]);
                return s != 0 ? s : Long.compare(-count[a], -count[b]);
            });
            assertArrayEquals(boxed.stream().mapToInt(Integer::intValue).toArray(), ids, "round " + round);
        }
    }
}
