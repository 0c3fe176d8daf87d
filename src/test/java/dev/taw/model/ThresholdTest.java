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
}
