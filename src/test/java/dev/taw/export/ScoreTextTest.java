// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A score's text is the one {@code Double.toString} gives on Java 17, so a scored CSV reads as it always did. */
class ScoreTextTest {
    @Test
    void scoresReadAsDoubleToStringWritesThem() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 2_000_000; i++) {
            double score = Math.pow(2.0, -random.nextDouble(0, 20)); // a forest's scores: 2^-(path / c), in (0, 1]
            assertEquals(Double.toString(score), ScoreText.of(score), "score bits " + Double.doubleToRawLongBits(score));
            double any = random.nextDouble();
            assertEquals(Double.toString(any), ScoreText.of(any));
        }
    }

    @Test
    void theEdgesOfTheRange() {
        for (double d : new double[] {1.0, 0.5, 0.1, 0.001, 9.999999999999998E-4, 1e-7, Double.MIN_VALUE, Math.nextDown(1.0), Math.nextUp(0.0)}) {
            assertEquals(Double.toString(d), ScoreText.of(d));
            assertEquals(d, Double.parseDouble(ScoreText.of(d)));
        }
    }
}
