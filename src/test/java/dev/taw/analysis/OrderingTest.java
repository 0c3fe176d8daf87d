// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.taw.model.Threshold;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which rows come first, and where the cut-off falls, including ties. */
class OrderingTest {
    private static BitSet all(int n) {
        BitSet b = new BitSet();
        b.set(0, n);
        return b;
    }

    @Test
    void rowsComeByScoreThenInFileOrder() {
        double[] scores = {0.5, 0.7, 0.5, 0.9, 0.7};
        assertArrayEquals(new int[] {3, 1, 4, 0, 2}, Investigation.byScore(scores, RowsInView.of(all(5))));
        BitSet some = new BitSet();
        some.set(0);
        some.set(4);
        assertArrayEquals(new int[] {4, 0}, Investigation.byScore(scores, RowsInView.of(some)));
    }

    @Test
    void scoresTooCloseForThePackedKeyAreStillOrderedExactly() {
        double a = 0.6, b = Math.nextUp(0.6); // one ulp apart: the 31-bit key cannot tell them apart
        assertArrayEquals(new int[] {1, 0, 2}, Investigation.byScore(new double[] {a, b, a}, RowsInView.of(all(3))));
    }

    @Test
    void theOrderMatchesAFullSortOnRandomScores() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] scores = new double[5000];
        for (int i = 0; i < scores.length; i++) scores[i] = Math.round(rnd.nextDouble() * 500) / 1000.0 + 0.3; // many ties
        int[] got = Investigation.byScore(scores, RowsInView.of(all(scores.length)));
        Integer[] expected = new Integer[scores.length];
        for (int i = 0; i < expected.length; i++) expected[i] = i;
        java.util.Arrays.sort(expected, (x, y) -> scores[x] != scores[y] ? Double.compare(scores[y], scores[x]) : Integer.compare(x, y));
        assertArrayEquals(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), got);
    }

    @Test
    void rowsTiedWithTheLastFlaggedScoreAreFlaggedToo() {
        double[] scores = {0.1, 0.8, 0.8, 0.8, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};
        Threshold t = new Threshold(scores);
        assertEquals(0.8, t.cutOff(0.1), "k = 1");
        byte[] labels = Threshold.labels(scores, t.cutOff(0.1));
        assertEquals(3, count(labels), "the three tied rows are equally anomalous");
        assertEquals(0.7, t.cutOff(0.4), "k = 4");
        assertEquals(1, count(Threshold.labels(new double[] {0.3, 0.4, 0.5}, new Threshold(new double[] {0.3, 0.4, 0.5}).cutOff(0.0001))), "at least one row");
        assertEquals(0.4, new Threshold(new double[] {0.3, 0.4, 0.5}).cutOff(0.5), "half of 3 rows rounds up to 2");
        assertEquals(0.4, new Threshold(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}).cutOff(0.5), "0.5 of 6 is 3 exactly, not 4");
    }

    private static int count(byte[] labels) {
        int n = 0;
        for (byte b : labels) if (b == Threshold.SUSPICIOUS) n++;
        return n;
    }
}
