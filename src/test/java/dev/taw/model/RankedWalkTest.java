// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A value's rank found through its bucket is the rank a search of every threshold finds, whatever the thresholds. */
class RankedWalkTest {
    private static final double[] EDGES = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1e300, -1.0, -Double.MIN_VALUE, -0.0, 0.0,
        Double.MIN_VALUE, 1e-300, 0.5, 1.0, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};

    @Test
    void bucketRanksAreFullSearchRanks() {
        SplittableRandom random = new SplittableRandom(15);
        for (int round = 0; round < 3000; round++) {
            double[] sorted = thresholds(random, round);
            RankedWalk.Buckets buckets = RankedWalk.Buckets.of(sorted);
            for (int i = 0; i < 400; i++) {
                double x = value(random, sorted);
                assertEquals(RankedWalk.rank(sorted, x, 0, sorted.length), buckets.rank(sorted, x), () -> "x " + x + " in " + Arrays.toString(sorted));
            }
            for (double x : EDGES) assertEquals(RankedWalk.rank(sorted, x, 0, sorted.length), buckets.rank(sorted, x), "edge " + x);
            for (double t : sorted) {
                for (double x : new double[] {t, Math.nextDown(t), Math.nextUp(t)}) {
                    assertEquals(RankedWalk.rank(sorted, x, 0, sorted.length), buckets.rank(sorted, x), "beside a threshold: " + x);
                }
            }
        }
    }

    /** Sorted, distinct thresholds as a forest makes them: spread out, bunched, huge spans, signed zeros, a padding +∞. */
    private static double[] thresholds(SplittableRandom random, int round) {
        int n = round % 7 == 0 ? random.nextInt(0, 3) : random.nextInt(1, 3000);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = switch (round % 5) {
                case 0 -> random.nextDouble(-5, 15);
                case 1 -> random.nextDouble() < 0.9 ? 3.0 + random.nextDouble() * 1e-9 : random.nextDouble(0, 1e6); // bunched
                case 2 -> random.nextDouble(-Double.MAX_VALUE / 2, Double.MAX_VALUE / 2) * 1.9;                        // a span past Double.MAX_VALUE
                case 3 -> random.nextInt(-3, 4) * (random.nextBoolean() ? 0.0 : 1.0) * (random.nextBoolean() ? -1 : 1); // signed zeros, small integers
                default -> Math.exp(random.nextDouble(-30, 30));
            };
        }
        if (n > 0 && random.nextBoolean()) t[0] = Double.POSITIVE_INFINITY;
        Arrays.sort(t);
        int m = 0;
        for (int i = 0; i < n; i++) if (m == 0 || Double.compare(t[i], t[m - 1]) != 0) t[m++] = t[i];
        return Arrays.copyOf(t, m);
    }

    private static double value(SplittableRandom random, double[] sorted) {
        if (sorted.length > 0 && random.nextInt(4) == 0) return sorted[random.nextInt(sorted.length)];
        return switch (random.nextInt(3)) {
            case 0 -> random.nextDouble(-10, 20);
            case 1 -> random.nextDouble(-Double.MAX_VALUE / 2, Double.MAX_VALUE / 2);
            default -> Math.exp(random.nextDouble(-40, 40)) * (random.nextBoolean() ? 1 : -1);
        };
    }
}
