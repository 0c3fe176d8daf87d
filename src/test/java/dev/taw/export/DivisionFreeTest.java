// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The writer's divisions by multiplication are the divisions, over every value it gives them and far beyond (its times': {@code TimeTextTest}). */
class DivisionFreeTest {
    @Test
    void multiplyAndShiftDivideExactly() {
        for (int v = 0; v <= 86_400_000; v++) { // every millisecond of a day and more
            if (Bytes.tenth(v) != v / 10) assertEquals(v / 10, Bytes.tenth(v), "v " + v);
        }
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 5_000_000; i++) {
            int v = i < 1000 ? Integer.MAX_VALUE - i : random.nextInt(Integer.MAX_VALUE);
            assertEquals(v / 10, Bytes.tenth(v), "v " + v);
        }
    }

    @Test
    void wholeNumbersAreTheirDecimalText() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 1_000_000; i++) {
            long v = switch (i % 4) {
                case 0 -> i;
                case 1 -> random.nextInt(Integer.MAX_VALUE);
                case 2 -> Integer.MAX_VALUE - random.nextInt(1000);
                default -> random.nextLong(0, 1_000_000_000_000_000L);
            };
            Bytes b = new Bytes(32);
            b.putDigits(v);
            assertEquals(Long.toString(v), new String(b.a, 0, b.n, StandardCharsets.US_ASCII));
        }
    }
}
