// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

/**
 * A growable byte buffer with the few puts the rows need. A put does not grow the buffer: a writer
 * {@link #reserve}s a row's most bytes once and then puts its cells, so the hot loop has no growth test that a
 * cold process compiles as never taken and must throw away when a chunk does fill up.
 */
final class Bytes {
    byte[] a;
    int n;

    Bytes(int capacity) { a = new byte[capacity]; }

    /** Room for at least {@code m} more bytes. */
    void reserve(int m) {
        if (n + m > a.length) a = java.util.Arrays.copyOf(a, Math.max(n + m, a.length * 2));
    }

    void put(byte x) {
        a[n++] = x;
    }

    void put(byte[] x, int from, int to) {
        int len = to - from;
        System.arraycopy(x, from, a, n, len); // under the quick compiler, faster than a loop even for 2 bytes (measured)
        n += len;
    }

    /** For strings known to be ASCII (numbers). */
    void putAscii(String s) {
        int len = s.length();
        for (int i = 0; i < len; i++) a[n + i] = (byte) s.charAt(i);
        n += len;
    }

    /** A non-negative whole number below 10^19. */
    void putDigits(long v) {
        if (v <= Integer.MAX_VALUE) {
            putDigits((int) v); // a long division is a call into the runtime for the quick compiler
            return;
        }
        long high = v / 1_000_000_000L;
        int low = (int) (v - high * 1_000_000_000L);
        putDigits(high);
        for (int i = n + 8; i >= n; i--) { // the low nine digits, zeros included
            a[i] = (byte) ('0' + low % 10);
            low /= 10;
        }
        n += 9;
    }

    /**
     * A non-negative int. Each digit by a multiplication and a shift, not a division: the quick compiler divides
     * by ten with the processor's divide instruction, which takes many times as long.
     */
    void putDigits(int v) {
        int digits = 1;
        for (int p = 10; p <= v && digits < 10; p *= 10) digits++;
        int i = n + digits - 1;
        while (v >= 10) {
            int q = tenth(v);
            a[i--] = (byte) ('0' + v - q * 10);
            v = q;
        }
        a[i] = (byte) ('0' + v);
        n += digits;
    }

    /** v / 10 for any non-negative int, exactly ((v × ⌈2^35 / 10⌉) / 2^35). */
    static int tenth(int v) {
        return (int) ((v * 0xCCCCCCCDL) >>> 35);
    }
}
