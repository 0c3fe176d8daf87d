// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.table.Medians;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MediansTest {
    @Test
    void matchesTheSortedMiddleForOddEvenAndTiedInputs() {
        Random r = new Random(1);
        for (int n = 1; n < 300; n++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = r.nextInt(5) == 0 ? 3.0 : r.nextGaussian();
            double[] s = v.clone();
            Arrays.sort(s);
            double expected = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            assertEquals(expected, Medians.of(v), 0.0, "n=" + n);
        }
    }

    @Test
    void ignoresNaNAndLeavesItsInputAlone() {
        double[] v = {5, Double.NaN, 1, 3};
        assertEquals(3.0, Medians.of(v), 0.0);
        assertTrue(Double.isNaN(v[1]));
        assertEquals(5.0, v[0]);
        assertTrue(Double.isNaN(Medians.of(new double[] {Double.NaN})));
    }
}
