// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct text values and their codes, found by the characters of a range so that a repeated value
 * costs a hash probe, not a new String (a million rows of a dozen text columns would otherwise
 * allocate twelve million short-lived strings). Parsers that work on bytes look up ASCII byte ranges
 * directly: each value's Latin-1 bytes are kept in an arena, so a repeated value is found by a
 * vectorised byte comparison and no String is made for it. Several columns of one kind (the
 * addresses of a flow record) can share one, so that a value met in one column is already in cache
 * for the next: most of the time of interning a million distinct-ish values is cache misses.
 */
public final class Interner {
    String[] values = new String[64];
    int distinct;
    private long[] slots = new long[128];  // open addressing: hash << 32 | code + 1; 0 = empty
    private int shift = 32 - 7;            // slots.length == 1 << (32 - shift)
    private long[] bytesAt = new long[64]; // value c's Latin-1 bytes: arena offset << 32 | length; length -1: not Latin-1
    private byte[] arena = new byte[1024];
    private int arenaSize;

    public Interner() {
        intern("", 0, 0); // code 0 is the empty (missing) value
    }

    /** Distinct values so far, the empty value included. */
    public int size() { return distinct; }

    /** The value of a code given out so far. */
    public String value(int code) { return values[code]; }

    /** The code of {@code s.substring(from, to)}, added if new. */
    public int intern(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + s.charAt(i);
        int mask = slots.length - 1;
        int len = to - from;
        boolean whole = from == 0 && to == s.length();
        for (int slot = slot(h); ; slot = (slot + 1) & mask) {
            long e = slots[slot];
            if (e == 0) return newValue(slot, h, whole ? s : s.substring(from, to));
            if ((int) (e >>> 32) == h) {
                int code = (int) e - 1;
                if (whole ? values[code].equals(s) : sameText(code, s, from, len)) return code;
            }
        }
    }

    /**
     * Whether value {@code code} is {@code s.substring(from, from + len)}: against its Latin-1 bytes with
     * a plain loop, about twice as fast as {@code String.regionMatches} on JDK 17.
     */
    private boolean sameText(int code, String s, int from, int len) {
        long at = bytesAt[code];
        if ((int) at == -1) return values[code].length() == len && s.regionMatches(from, values[code], 0, len);
        if ((int) at != len) return false;
        int start = (int) (at >>> 32);
        for (int k = 0; k < len; k++) if (s.charAt(from + k) != (arena[start + k] & 0xff)) return false;
        return true;
    }

    /** The code of the ASCII text {@code b[from, to)} (the caller has checked it is ASCII), added if new. */
    public int intern(byte[] b, int from, int to) {
        return intern(b, from, to, hash(b, from, to));
    }

    // IPv4 addresses in canonical dotted form, by their 32 bits: ip << 32 | code + 1; 0 = empty
    private long[] v4 = new long[0];
    private int v4Count;

    /**
     * {@link #intern(byte[], int, int)} for a column of addresses: a canonical dotted IPv4 address is
     * found by its 32 bits, compared inside the hash slot itself — one memory access instead of three
     * (slot, offset, bytes), which is most of the cost when a log has tens of thousands of addresses.
     * Anything else (IPv6, "-", leading zeros) is interned as text.
     */
    public int internAddress(byte[] b, int from, int to) {
        long ip = ipv4(b, from, to);
        if (ip < 0) return intern(b, from, to);
        if (v4.length == 0) v4 = new long[1024];
        int mask = v4.length - 1;
        int slot = ((int) ip * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(v4.length));
        for (; ; slot = (slot + 1) & mask) {
            long e = v4[slot];
            if (e == 0) break;
            if ((e >>> 32) == ip) return (int) e - 1;
        }
        int code = intern(b, from, to); // the text path holds the truth: the same text always has one code
        v4[slot] = ip << 32 | (code + 1);
        if (++v4Count * 2 > v4.length) {
            long[] old = v4;
            v4 = new long[old.length * 2];
            int m = v4.length - 1, bits = 32 - Integer.numberOfTrailingZeros(v4.length);
            for (long e : old) {
                if (e == 0) continue;
                int k = ((int) (e >>> 32) * 0x9E3779B9) >>> bits;
                while (v4[k] != 0) k = (k + 1) & m;
                v4[k] = e;
            }
        }
        return code;
    }

    /** The address as an unsigned 32-bit value when {@code b[from, to)} is canonical dotted IPv4, else -1. */
    private static long ipv4(byte[] b, int from, int to) {
        long ip = 0;
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= to || b[i] != '.') return -1;
                i++;
            }
            int start = i, v = 0;
            while (i < to && i - start < 3 && b[i] >= '0' && b[i] <= '9') v = v * 10 + (b[i++] - '0');
            if (i == start || v > 255 || (b[start] == '0' && i - start > 1)) return -1;
            ip = ip << 8 | v;
        }
        return i == to ? ip : -1;
    }

    /** The String.hashCode of ASCII text {@code b[from, to)}. */
    public static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + b[i];
        return h;
    }

    /** {@link #intern(byte[], int, int)} with the text's {@link #hash} already known (computed ahead, on another thread). */
    public int intern(byte[] b, int from, int to, int h) {
        int mask = slots.length - 1;
        int len = to - from;
        for (int slot = slot(h); ; slot = (slot + 1) & mask) {
            long e = slots[slot];
            if (e == 0) return newValue(slot, h, new String(b, from, len, StandardCharsets.ISO_8859_1));
            if ((int) (e >>> 32) == h) {
                int code = (int) e - 1;
                if (is(code, b, from, to)) return code;
            }
        }
    }

    /**
     * Whether value {@code code} is the ASCII text {@code b[from, to)}: a plain loop over its bytes in the arena.
     * For the short cells of a log (addresses, codes, names) the quick compiler runs this several times faster
     * than {@code Arrays.equals} on ranges, whose range checks and call into the mismatch routine were a tenth
     * of a CSV import's time.
     */
    public boolean is(int code, byte[] b, int from, int to) {
        long at = bytesAt[code];
        int len = to - from;
        if ((int) at != len) return false;
        byte[] a = arena;
        for (int i = (int) (at >>> 32), k = from; k < to; i++, k++) if (a[i] != b[k]) return false;
        return true;
    }

    private int newValue(int slot, int h, String v) {
        int code = distinct;
        if (distinct == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
            bytesAt = Arrays.copyOf(bytesAt, values.length);
        }
        byte[] bytes = latin1(v);
        bytesAt[code] = (long) arenaSize << 32 | (bytes == null ? 0xFFFFFFFFL : bytes.length);
        if (bytes != null) {
            if (arenaSize + bytes.length > arena.length) arena = Arrays.copyOf(arena, Math.max(arenaSize + bytes.length, arena.length * 2));
            System.arraycopy(bytes, 0, arena, arenaSize, bytes.length);
            arenaSize += bytes.length;
        }
        values[distinct++] = v;
        slots[slot] = (long) h << 32 | (code + 1);
        if (distinct * 2 > slots.length) rehash();
        return code;
    }

    /** The value's bytes when every character is Latin-1 (so it can equal an ASCII byte range), else null. */
    private static byte[] latin1(String v) {
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) > 0xFF) return null;
        return v.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Fibonacci hashing: the hashes of similar strings (addresses that differ in the last digit) are
     * close together, and a plain mask would put them in one long run of neighbouring slots.
     */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        int mask = slots.length - 1;
        for (long e : old) {
            if (e == 0) continue;
            int slot = slot((int) (e >>> 32));
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = e;
        }
    }
}
