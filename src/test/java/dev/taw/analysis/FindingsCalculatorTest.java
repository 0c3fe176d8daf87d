// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.model.Threshold;
import dev.taw.table.TimeColumn;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers the charts are drawn from, on hand-made rows. */
class FindingsCalculatorTest {
    private static TimeColumn times(long... millis) {
        TimeColumn.Builder b = new TimeColumn.Builder("time");
        for (long m : millis) {
            if (m < 0) b.addMissing(); else b.add(m);
        }
        return b.build();
    }

    private static BitSet all(int n) {
        BitSet b = new BitSet();
        b.set(0, n);
        return b;
    }

    private static byte[] labels(int n, int... suspicious) {
        byte[] l = new byte[n];
        java.util.Arrays.fill(l, Threshold.NORMAL);
        for (int s : suspicious) l[s] = Threshold.SUSPICIOUS;
        return l;
    }

    @Test
    void aLogWrittenEveryTenMinutesGetsTenMinuteBucketsNotGaps() {
        long t0 = 1_714_086_000_000L; // 2024-04-25T23:00:00Z
        TimeColumn t = times(t0, t0 + 600_000, t0 + 1_200_000, t0 + 1_200_000, -1);
        List<TimeBucket> b = FindingsCalculator.timeline(t, labels(5, 2), RowsInView.of(all(5)));
        assertEquals(List.of(new TimeBucket(t0, 600_000, 1, 0), new TimeBucket(t0 + 600_000, 600_000, 1, 0),
                new TimeBucket(t0 + 1_200_000, 600_000, 2, 1)), b, "missing times are left out");
    }

    @Test
    void aLongSpanNeverAsksForMoreThanTwoHundredBuckets() {
        long t0 = 1_714_086_000_000L;
        TimeColumn t = times(t0, t0 + 1000, t0 + 400L * 86_400_000L);
        List<TimeBucket> b = FindingsCalculator.timeline(t, labels(3), RowsInView.of(all(3)));
        assertTrue(b.size() <= 200, b.size() + " buckets");
        assertEquals(7 * 86_400_000L, b.get(0).widthMillis(), "the smallest round width that fits: a week");
        assertEquals(3, b.stream().mapToLong(TimeBucket::rows).sum());
    }

    @Test
    void theHistogramIncludesTheCutOffAndPutsTheTopScoreInTheLastBin() {
        double[] scores = {0.40, 0.45, 0.50, 0.70};
        ScoreHistogram h = ScoreHistogram.of(scores, labels(4, 3), all(4), 0.6, FindingsCalculator.SCORE_BINS);
        assertEquals(0.40, h.min());
        assertEquals(0.70, h.max());
        assertEquals(1, h.suspicious()[FindingsCalculator.SCORE_BINS - 1]);
        assertEquals(3, java.util.Arrays.stream(h.normal()).sum());
        ScoreHistogram cut = ScoreHistogram.of(scores, labels(4, 3), all(4), 0.9, FindingsCalculator.SCORE_BINS);
        assertEquals(0.9, cut.max(), "a cut-off above every score still shows on the axis");
    }

    @Test
    void aViewOfNoRowsStillHasAnAxis() {
        ScoreHistogram h = ScoreHistogram.of(new double[] {0.5}, labels(1), new BitSet(), 0.55, FindingsCalculator.SCORE_BINS);
        assertEquals(0.0, h.min());
        assertEquals(1.0, h.max());
    }

    @Test
    void theWidestSpanALogCanHoldStillFitsTheChart() {
        TimeColumn t = times(631_152_000_000L, 7_258_118_399_000L); // 1990-01-01 and the last second of 2199
        List<TimeBucket> b = FindingsCalculator.timeline(t, labels(2), RowsInView.of(all(2)));
        assertTrue(b.size() <= 200, b.size() + " buckets");
        assertEquals(2, b.stream().mapToLong(TimeBucket::rows).sum());
    }
}
