// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The command line's few most suspicious rows are the first rows of the full ranking, ties and filters included. */
class TopRowsTest {
    @Test
    void theTopRowsAreTheFullRankingsFirst() {
        SplittableRandom random = new SplittableRandom(15);
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(0, 3000);
            double[] scores = new double[n];
            int distinct = random.nextInt(1, 50); // few distinct scores: many ties, which go in file order
            for (int i = 0; i < n; i++) scores[i] = round % 2 == 0 ? random.nextInt(distinct) / 64.0 : random.nextDouble();
            BitSet view = new BitSet();
            for (int i = 0; i < n; i++) if (round % 3 != 0 || random.nextInt(4) == 0) view.set(i);
            int[] all = Investigation.byScore(scores, RowsInView.of(view));
            for (int k : new int[] {1, 3, Investigation.SUMMARY_ROWS, 40}) {
                assertArrayEquals(Arrays.copyOf(all, Math.min(k, all.length)), Investigation.top(scores, RowsInView.of(view), k), "round " + round + ", k " + k);
            }
        }
    }
}
