// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each value of a column was seen in a baseline (a protocol, a country, a port, a set of rules), so
 * that a rarity feature of new rows means "share of the baseline's rows", not "share of today's": a country
 * never seen in the baseline has share 0, however many of today's rows come from it.
 *
 * @param values the distinct values, in ascending order
 * @param counts how many rows had each
 * @param total  all rows of the baseline
 */
public record Shares(String[] values, long[] counts, long total) {

    /** @throws IllegalArgumentException when the table is not one: unsorted, counts that do not add up */
    public Shares {
        if (values.length != counts.length) throw new IllegalArgumentException("one count per value");
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || (i > 0 && values[i].compareTo(values[i - 1]) <= 0)) throw new IllegalArgumentException("values not in order");
            if (counts[i] <= 0) throw new IllegalArgumentException("a count of " + counts[i]);
            sum += counts[i];
        }
        if (sum != total || total <= 0) throw new IllegalArgumentException("counts add up to " + sum + ", not " + total);
    }

    static Shares of(Map<String, Long> counts) {
        TreeMap<String, Long> sorted = new TreeMap<>(counts);
        String[] v = sorted.keySet().toArray(String[]::new);
        long[] c = sorted.values().stream().mapToLong(Long::longValue).toArray();
        return new Shares(v, c, Arrays.stream(c).sum());
    }

    /** The share of the baseline's rows with this value; 0 for a value it never saw. */
    public double share(String value) {
        int i = Arrays.binarySearch(values, value);
        return i < 0 ? 0.0 : (double) counts[i] / total;
    }

    public boolean contains(String value) {
        return Arrays.binarySearch(values, value) >= 0;
    }
}
