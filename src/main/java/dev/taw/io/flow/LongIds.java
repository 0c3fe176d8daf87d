// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.flow;

/**
 * Dense ids for long keys, open addressing on primitive arrays: a million boxed keys in a hash map were most
 * of the join's time. Keys below 2^63 (a pair id below 2^23, as any log under eight million address pairs has).
 */
final class LongIds {
    private long[] keys;
    private int[] values;
    private int size;

    LongIds(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        java.util.Arrays.fill(keys, -1L);
    }

    int id(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != -1L) {
            if (keys[i] == key) return values[i];
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = size;
        if (++size * 2 > keys.length) grow();
        return size - 1;
    }

    private void grow() {
        long[] k = keys;
        int[] v = values;
        keys = new long[k.length * 2];
        values = new int[k.length * 2];
        java.util.Arrays.fill(keys, -1L);
        int mask = keys.length - 1;
        for (int j = 0; j < k.length; j++) {
            if (k[j] == -1L) continue;
            int i = (int) (mix(k[j]) & mask);
            while (keys[i] != -1L) i = (i + 1) & mask;
            keys[i] = k[j];
            values[i] = v[j];
        }
    }

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        return x ^ x >>> 33;
    }
}
