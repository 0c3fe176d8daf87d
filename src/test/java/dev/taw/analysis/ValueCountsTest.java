// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.taw.model.Threshold;
import dev.taw.table.NumberColumn;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Counting a number column by value gives what counting its cells' text gives, for every row in view. */
class ValueCountsTest {
    @Test
    void countsMatchCountingByText() {
        int n = 50_000;
        SplittableRandom random = new SplittableRandom(7);
        NumberColumn.Builder b = new NumberColumn.Builder("dst_port");
        List<Double> odd = List.of(0.0, -0.0, Double.NaN, 1e300, -3.5, 443.0, 2.5e15);
        byte[] labels = new byte[n];
        for (int r = 0; r < n; r++) {
            if (r % 101 == 0) b.addMissing();
            else b.add(r % 7 == 0 ? odd.get(random.nextInt(odd.size())) : random.nextInt(5000)); // thousands of values: the table grows
            labels[r] = random.nextInt(10) == 0 ? Threshold.SUSPICIOUS : Threshold.NORMAL;
        }
        NumberColumn c = b.build();
        BitSet view = new BitSet(n);
        for (int r = 0; r < n; r++) if (r % 3 != 0) view.set(r);
        Map<String, List<Long>> expected = new HashMap<>();
        for (int r = view.nextSetBit(0); r >= 0; r = view.nextSetBit(r + 1)) {
            String v = c.isMissing(r) ? "(none)" : c.format(r);
            List<Long> was = expected.getOrDefault(v, List.of(0L, 0L));
            expected.put(v, List.of(was.get(0) + 1, was.get(1) + (labels[r] == Threshold.SUSPICIOUS ? 1 : 0)));
        }
        Map<String, List<Long>> got = new HashMap<>();
        ValueCounts.of(c, labels, RowsInView.of(view)).forEach((v, a) -> got.put(v, List.of(a[0], a[1])));
        assertEquals(expected, got);
    }
}
