// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radix sort puts keys in the order Arrays.sort does, whatever digits they share. */
class RadixSortTest {
    @Test
    void sortsAsArraysSortDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 40; round++) {
            int n = round == 0 ? 0 : round == 1 ? 1 : 1 + random.nextInt(200_000);
            long[] keys = new long[n];
            int kind = round % 4;
            for (int i = 0; i < n; i++) {
                keys[i] = switch (kind) {
                    case 0 -> random.nextLong(Long.MAX_VALUE);                                       // every digit differs
                    case 1 -> (long) random.nextInt(Integer.MAX_VALUE) << 32 | i;                            // a score and a row, as ranked
                    case 2 -> (long) random.nextInt(3) << 40 | random.nextInt(50);                 // few values, many ties
                    default -> 7L << 50;                                                             // one value
                };
            }
            long[] want = keys.clone();
            Arrays.sort(want);
            RadixSort.sort(keys);
            assertArrayEquals(want, keys, "round " + round + ", kind " + kind);
        }
    }
}
