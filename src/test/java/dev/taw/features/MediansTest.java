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
    void matchesTheSortedMiddleOnLargeInputsAcrossSignsMagnitudesAndTies() {
        Random r = new Random(2);
        for (int n : new int[] {65, 1000, 100_000, 100_001}) {
            for (int kind = 0; kind < 4; kind++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (kind) {
                        case 0 -> r.nextGaussian() * 1e6;                       // both signs, spread out
                        case 1 -> Math.log1p(r.nextInt(50));                    // few distinct values, many ties
                        case 2 -> r.nextBoolean() ? -r.nextDouble() * 1e-300 : r.nextDouble() * 1e300; // extremes
                        default -> i % 7 == 0 ? Double.NaN : 1.0 + r.nextDouble() * 1e-12; // values that differ in low bits only
                    };
                }
                double[] s = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
                int m = s.length;
                double expected = m % 2 == 1 ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
                assertEquals(expected, Medians.of(v), 0.0, "n=" + n + " kind=" + kind);
            }
        }
        assertEquals(0.0, Medians.of(new double[] {-0.0, 0.0, -0.0}), 0.0);
        assertEquals(-2.5, Medians.of(new double[] {-5, 0, -4, -1}), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Medians.of(new double[] {Double.POSITIVE_INFINITY, 1, Double.POSITIVE_INFINITY}), 0.0);
    }

    @Test
    void ignoresNaNAndLeavesItsInputAlone() {
        double[] v = {5, Double.NaN, 1, 3};
        assertEquals(3.0, Medians.of(v), 0.0);
        assertTrue(Double.isNaN(v[1]));
        assertEquals(5.0, v[0]);
        assertTrue(Double.isNaN(Medians.of(new double[] {Double.NaN})));
    }

    @Test
    void countedAndSelectedMediansAreTheSortedMiddleToTheBit() {
        Random r = new Random(3);
        // around the number of distinct values below which they are counted, not selected
        for (int distinct : new int[] {1, 2, 3, 500, 1023, 1024, 1025, 1026, 5000}) {
            for (int n : new int[] {1, 2, distinct, distinct + 1, 20_001, 20_002}) {
                double[] pool = new double[distinct];
                for (int k = 0; k < distinct; k++) pool[k] = r.nextBoolean() ? r.nextGaussian() * 1e3 : r.nextInt(100) - 50 + 0.5 * k;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = i % 13 == 12 ? Double.NaN : pool[r.nextInt(distinct)];
                double[] s = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
                int m = s.length;
                double expected = m == 0 ? Double.NaN : m % 2 == 1 ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Medians.of(v)), "distinct=" + distinct + " n=" + n);
            }
        }
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Medians.of(new double[] {-0.0, -0.0, 1})), "a lone sign of zero kept");
    }
}
