// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A node's threshold found near the quotient is the one the search over every double finds, bit for bit. */
class ThresholdSearchTest {
    @Test
    void nearTheQuotientOrOverEveryDoubleTheSameThreshold() {
        SplittableRandom r = new SplittableRandom(9);
        double[] odd = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, -1e-300, 1e300, -1e300, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1.0, -1.0, 3.0, 0.1};
        for (int i = 0; i < 300_000; i++) {
            double s, b;
            if (i < odd.length * odd.length) {
                s = odd[i / odd.length];
                b = odd[i % odd.length];
            } else {
                // slopes as Smile draws them (Gaussian), and now and then from any scale; biases a dot product's size
                s = i % 7 == 0 ? Math.scalb(r.nextDouble(-1, 1), r.nextInt(-1074, 1024)) : r.nextGaussian();
                b = i % 5 == 0 ? Math.scalb(r.nextDouble(-1, 1), r.nextInt(-1074, 1024)) : r.nextGaussian() * Math.pow(10, r.nextInt(-3, 7));
            }
            if (s == 0.0 || Double.isNaN(s) || Double.isInfinite(s)) continue;
            double fs = s, fb = b;
            if (s > 0) {
                assertEquals(Double.doubleToRawLongBits(RankedWalk.firstTrue(x -> x * fs >= fb)),
                        Double.doubleToRawLongBits(RankedWalk.firstAtLeast(s, b)), "s " + s + " b " + b);
            } else {
                assertEquals(Double.doubleToRawLongBits(RankedWalk.firstTrue(x -> x * fs < fb)),
                        Double.doubleToRawLongBits(RankedWalk.firstBelow(s, b)), "s " + s + " b " + b);
            }
        }
    }
}
