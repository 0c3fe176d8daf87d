// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.taw.table.TextColumn;
import dev.taw.table.TimeColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A host's regularity, added up in place, is the same to the bit as the boxed list and two streams that made it
 * before ({@link #streamed}, kept here as the reference): host scores, and every output after them, stay as they were.
 */
class RegularityTest {
    @Test
    void theSameBitsAsTheStreams() {
        Random random = new Random(15);
        for (int trial = 0; trial < 40; trial++) {
            int rows = 1 + random.nextInt(20_000), hosts = 1 + random.nextInt(trial % 4 == 0 ? 5 : 2_000);
            TextColumn.Builder ip = new TextColumn.Builder("src_ip");
            long[] millis = new long[rows];
            BitSet missing = new BitSet();
            // steady beacons, bursts, repeats of one second (gaps of 0 are left out), huge and tiny spreads, gaps in the column
            long span = switch (trial % 5) {
                case 0 -> 60_000L;
                case 1 -> 3_600_000L;
                case 2 -> 1_000L;
                case 3 -> 1L << 38;
                default -> 400_000_000_000L;
            };
            for (int r = 0; r < rows; r++) {
                int h = random.nextInt(hosts);
                ip.add("10.0." + (h >> 8) + "." + (h & 255));
                millis[r] = trial % 3 == 0 ? 1_714_000_000_000L + h * 7_000L + (r / hosts) * 60_000L + random.nextInt(3) * 1000L
                        : 1_714_000_000_000L + (long) (random.nextDouble() * span);
                if (random.nextInt(50) == 0) missing.set(r);
            }
            TimeColumn time = new TimeColumn("time", millis, missing);
            HostKeys keys = HostKeys.of(ip.build());
            double[] got = HostFeatures.regularity(time, keys), want = streamed(time, keys);
            assertEquals(want.length, got.length);
            for (int h = 0; h < want.length; h++) {
                assertEquals(Double.doubleToRawLongBits(want[h]), Double.doubleToRawLongBits(got[h]), "trial " + trial + ", host " + h + ": " + want[h] + " against " + got[h]);
            }
        }
    }

    /** The regularity as it was computed up to 2026-12-07: each host's gaps boxed into a list, then streamed twice. */
    private static double[] streamed(TimeColumn time, HostKeys ip) {
        long[] p = HostFeatures.startSeconds(time, ip);
        int m = p.length;
        double[] reg = new double[ip.distinctCount()];
        int i = 0;
        while (i < m) {
            int host = (int) (p[i] >>> 40);
            int j = i;
            while (j < m && (int) (p[j] >>> 40) == host) j++;
            List<Long> gaps = new ArrayList<>();
            for (int k = i + 1; k < j; k++) {
                long g = (p[k] & 0xFFFFFFFFFFL) - (p[k - 1] & 0xFFFFFFFFFFL);
                if (g > 0) gaps.add(g);
            }
            if (gaps.size() >= 4) {
                double mean = gaps.stream().mapToLong(Long::longValue).average().orElse(0);
                double var = gaps.stream().mapToDouble(g -> (g - mean) * (g - mean)).sum() / gaps.size();
                reg[host] = 1.0 / (1.0 + Math.sqrt(var) / mean);
            }
            i = j;
        }
        return reg;
    }
}
