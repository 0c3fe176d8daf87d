// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

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

    @Test
    void sortingTheHighBitsAloneKeepsTheOrderOfKeysThatAgreeThere() {
        SplittableRandom random = new SplittableRandom(13);
        for (int round = 0; round < 30; round++) {
            int n = round == 0 ? 0 : round == 1 ? 1 : 1 + random.nextInt(200_000);
            int scoreBits = 1 + random.nextInt(31);
            long[] keys = new long[n];
            // a ranking's keys: a score of up to 31 bits (few values: many ties) above 32 bits of row, rows ascending
            for (int i = 0; i < n; i++) keys[i] = (long) random.nextInt(1 << Math.min(scoreBits, 30)) << 32 | i;
            long[] want = keys.clone();
            Arrays.sort(want);
            long[] high = keys.clone();
            RadixSort.sortAbove(high, 32);
            assertArrayEquals(want, high, "round " + round + ": rows ascending under each score, as a full sort leaves them");
            // rows that do not arrive ascending keep their own order under each score: the sort looks at the score alone
            long[] shuffled = new long[n];
            for (int i = 0; i < n; i++) shuffled[i] = keys[i] & ~0xFFFF_FFFFL | (n - 1 - i);
            long[] stable = shuffled.clone();
            RadixSort.sortAbove(stable, 32);
            for (int i = 1; i < n; i++) {
                long a = stable[i - 1], b = stable[i];
                if ((a >>> 32) > (b >>> 32) || (a >>> 32) == (b >>> 32) && (int) a < (int) b) {
                    throw new AssertionError("round " + round + " at " + i + ": " + Long.toHexString(a) + " before " + Long.toHexString(b));
                }
            }
        }
    }

    @Test
    void sortsDoublesAsArraysSortDoesAndLeavesTheOddOnesToIt() {
        SplittableRandom random = new SplittableRandom(12);
        for (int round = 0; round < 12; round++) {
            int n = 1 + random.nextInt(100_000);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) scores[i] = random.nextInt(4) == 0 ? Math.pow(2, -random.nextInt(3)) : random.nextDouble();
            if (round == 1) scores[n / 2] = Double.POSITIVE_INFINITY;
            if (round == 2) scores[n / 3] = 0.0;
            if (round == 3) scores[n / 3] = -0.0;       // not for the radix sort: Arrays.sort puts it before 0.0
            if (round == 4) scores[n / 4] = Double.NaN;  // nor this: last
            if (round == 5) scores[0] = -2.5;
            double[] want = scores.clone();
            Arrays.sort(want);
            RadixSort.sort(scores);
            assertArrayEquals(want, scores, "round " + round);
        }
    }
}
