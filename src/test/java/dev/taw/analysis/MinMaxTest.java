// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quick min and max give Math's results to the bit, for every kind of double: NaN, both zeros, infinities, ties. */
class MinMaxTest {
    private static final double[] ODD = {Double.NaN, 0.0, -0.0, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 0.5, 0.5000000000000001};

    @Test
    void givesMathsResultsToTheBit() {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[ODD.length + 200];
        System.arraycopy(ODD, 0, values, 0, ODD.length);
        for (int i = ODD.length; i < values.length; i++) values[i] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextDouble() * 2 - 1;
        for (double a : values) {
            for (double b : values) {
                assertEquals(Double.doubleToRawLongBits(Math.max(a, b)), Double.doubleToRawLongBits(MinMax.max(a, b)), a + " max " + b);
                assertEquals(Double.doubleToRawLongBits(Math.min(a, b)), Double.doubleToRawLongBits(MinMax.min(a, b)), a + " min " + b);
            }
        }
    }
}
