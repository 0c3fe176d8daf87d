// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;

/** The cut-off for a contamination, and what ties at it do. */
class ThresholdTest {
    private static long flagged(double[] scores, double contamination) {
        byte[] l = Threshold.labels(scores, new Threshold(scores).cutOff(contamination));
        long n = 0;
        for (byte b : l) if (b == Threshold.SUSPICIOUS) n++;
        return n;
    }

    @Test
    void theTopSharePlusTiesWithTheLastOneFlagged() {
        double[] s = {0.9, 0.8, 0.7, 0.7, 0.6, 0.5, 0.5, 0.4, 0.3, 0.2};
        assertEquals(2, flagged(s, 0.2));
        assertEquals(4, flagged(s, 0.3), "the third ties with the fourth: both flagged");
    }

    @Test
    void aTieThatWouldMoreThanDoubleTheCountIsNotFlagged() {
        // one odd request and twenty-five identical ones from one client: 5 % of 26 is 2 rows, not all 26
        double[] s = new double[26];
        java.util.Arrays.fill(s, 0.274);
        s[0] = 0.885;
        assertEquals(1, flagged(s, 0.05));
        double[] all = new double[10];
        java.util.Arrays.fill(all, 0.5);
        assertEquals(10, flagged(all, 0.1), "nothing above the tie: every row, as before");
    }

    /**
     * The cut-off found by selection is the one read off the sorted scores, bit for bit: random scores of every size,
     * few distinct values (ties at the cut, ties that more than double the count), every contamination from 0 to 1,
     * and scores with a zero or a NaN (which go the sorted way).
     */
    @Test
    void selectionGivesTheSortedCutOff() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(21);
        for (int round = 0; round < 3000; round++) {
            int n = round < 50 ? round + 1 : random.nextInt(1, 3000);
            double[] s = new double[n];
            int distinct = random.nextInt(1, round % 3 == 0 ? 4 : 400);
            for (int i = 0; i < n; i++) {
                s[i] = round % 4 == 0 ? random.nextDouble(0.2, 0.9) : 0.25 + random.nextInt(distinct) / 1024.0;
            }
            if (round % 7 == 0 && n > 3) { // a big tie at the bottom with a few rows above it
                java.util.Arrays.fill(s, 0, n - 2, 0.274);
            }
            if (round % 97 == 0) s[random.nextInt(n)] = round % 2 == 0 ? 0.0 : Double.NaN;
            double c = round % 5 == 0 ? random.nextInt(0, 11) / 10.0 : random.nextDouble(0.0001, 0.5);
            double[] sorted = s.clone();
            dev.taw.table.RadixSort.sort(sorted);
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                double t = sorted[i];
                sorted[i] = sorted[j];
                sorted[j] = t;
            }
            double want = Threshold.ofSorted(sorted, c);
            double got = Threshold.ofScores(s, c);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), "round " + round + ", n " + n + ", contamination " + c);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(new Threshold(s).cutOff(c)), "round " + round);
        }
    }

    @Test
    void aLadderIsTheSortedScoresAndLeavesTheCutOffsAsTheyWere() {
        double[] s = {0.3, 0.9, 0.5, 0.7, 0.5, 0.1};
        Threshold t = new Threshold(s);
        double before = t.cutOff(0.3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.9, 0.7, 0.5, 0.5, 0.3, 0.1}, t.ladder(10), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.9, 0.1}, t.ladder(2), 0.0);
        assertEquals(before, t.cutOff(0.3), 0.0);
        assertEquals(0.7, t.cutOff(0.3), 0.0);
        assertEquals(0.5, t.cutOff(0.5), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.3, 0.9, 0.5, 0.7, 0.5, 0.1}, s, 0.0, "the scores are not modified");
    }
}
