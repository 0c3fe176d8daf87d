// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link TimeText} spells a time as {@link TimeColumn#text} does without microseconds: the writer writes times with it,
 * and an import's check that a line is spelt as written asks it instead ({@code TimeMemo#lastCanonical}).
 */
class TimeTextTest {
    @Test
    void multiplyAndShiftDivideExactly() {
        for (int v = 0; v <= 86_400_000; v++) { // every millisecond of a day, and so every second and minute
            if (TimeText.thousandth(v) != v / 1000) assertEquals(v / 1000, TimeText.thousandth(v), "v " + v);
            if (TimeText.sixtieth(v) != v / 60) assertEquals(v / 60, TimeText.sixtieth(v), "v " + v);
        }
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 5_000_000; i++) {
            int v = i < 1000 ? Integer.MAX_VALUE - i : random.nextInt(Integer.MAX_VALUE);
            assertEquals(v / 60, TimeText.sixtieth(v), "v " + v);
            assertEquals(v / 1000, TimeText.thousandth(v), "v " + v);
        }
    }

    /** Runs of one day in and out of order, whole seconds and not, before 1970, after 9999, at the ends of a day. */
    @Test
    void theSameTextAsTheColumnGives() {
        SplittableRandom random = new SplittableRandom(16);
        TimeText text = new TimeText();
        long day = 86_400_000L;
        for (int i = 0; i < 2_000_000; i++) {
            long v = switch (i % 6) {
                case 0 -> 1_714_003_200_000L + random.nextLong(0, day) / 1000 * 1000;     // one day's seconds, any order
                case 1 -> 1_714_003_200_000L + random.nextLong(-2 * day, 2 * day);          // near it, milliseconds too
                case 2 -> random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L) / 1000 * 1000; // years 0000-9999
                case 3 -> random.nextLong(-100_000L * 365 * day, 100_000L * 365 * day);      // far beyond, either side
                case 4 -> (1_714_003_200_000L / day + random.nextInt(-5, 5)) * day - random.nextInt(0, 2) * 1000L; // a day's ends
                default -> i % 12 == 5 ? Long.MIN_VALUE / 1000 + random.nextInt(1000) : random.nextLong(-3 * day, 3 * day); // about 1970
            };
            String want = TimeColumn.text(v, 0);
            assertEquals(want, new String(text.of(v), StandardCharsets.ISO_8859_1), "millis " + v);
        }
    }
}
