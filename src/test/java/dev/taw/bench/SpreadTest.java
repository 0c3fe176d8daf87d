// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void medianOfAnOddCountIsTheMiddleOneInAnyOrder() {
        double[] v = {3.9, 2.5, 2.4, 2.6, 3.1};
        assertEquals(2.6, Spread.median(v));
        assertArrayEquals(new double[] {3.9, 2.5, 2.4, 2.6, 3.1}, v, "the caller's runs keep their order (pair by pair)");
        assertEquals(2.4, Spread.min(v));
        assertEquals(3.9, Spread.max(v));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Spread.median(new double[] {3.0, 1.0, 2.0, 4.0}));
        assertEquals(2.5, Spread.median(new double[] {2.0, 3.0}));
    }

    @Test
    void millisecondsPrintAsMinMedianMax() {
        assertEquals("929 / 961 / 991", Spread.of(new long[] {991, 961, 929, 959, 963}));
        assertEquals("1816 / 1887 / 2015", Spread.of(new long[] {2015, 1918, 1857, 1816}));
        assertEquals("80 / 80 / 80", Spread.of(new long[] {80}));
    }
}
