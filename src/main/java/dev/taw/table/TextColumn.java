// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary-encoded text: each distinct value is stored once and rows hold an int code. The empty
 * string is code 0 in every column, so "missing" is simply code 0.
 */
public final class TextColumn implements Column {
    private final String name;
    private final int[] codes;
    private final String[] dictionary;

    public TextColumn(String name, int[] codes, String[] dictionary) {
        this.name = name;
        this.codes = codes;
        this.dictionary = dictionary;
    }

    @Override public String name() { return name; }
    @Override public int size() { return codes.length; }
    @Override public boolean isMissing(int row) { return codes[row] == 0; }
    @Override public String format(int row) { return dictionary[codes[row]]; }

    public int code(int row) { return codes[row]; }

    public int[] codes() { return codes; }

    /** Distinct values; index = code. Callers must not modify it. */
    public String[] dictionary() { return dictionary; }

    public int distinctCount() { return dictionary.length; }

    @Override
    public boolean isConstant() {
        for (int i = 1; i < codes.length; i++) if (codes[i] != codes[0]) return false;
        return true;
    }

    /**
     * Distinct text values and their codes, found by the characters of a range so that a repeated value
     * costs a hash probe, not a new String (a million rows of a dozen text columns would otherwise
     * allocate twelve million short-lived strings). Parsers that work on bytes look up ASCII byte ranges
     * directly: each value's Latin-1 bytes are kept in an arena, so a repeated value is found by a
     * vectorised byte comparison and no String is made for it. Several columns of one kind (the
     * addresses of a flow record) can share one, so that a value met in one column is already in cache
     * for the next: most of the time of interning a million distinct-ish values is cache misses.
     */
    public static final class Interner {
        private String[] values = new String[64];
        private int distinct;
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
                    long at = bytesAt[code];
                    int start = (int) (at >>> 32);
                    if ((int) at == len && Arrays.equals(arena, start, start + len, b, from, to)) return code;
                }
            }
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

    /** Builds a column: a code per row into its own dictionary, or into one shared with other columns. */
    public static final class Builder {
        private final String name;
        private final Interner dictionary;
        private final boolean shared;
        private final Growable.Ints codes = new Growable.Ints();

        public Builder(String name) {
            this(name, new Interner(), false);
        }

        /** A column whose values go into a dictionary shared with other columns; its own holds only the values it has. */
        public Builder(String name, Interner shared) {
            this(name, shared, true);
        }

        private Builder(String name, Interner dictionary, boolean shared) {
            this.name = name;
            this.dictionary = dictionary;
            this.shared = shared;
        }

        /** Adds a value and returns its code. */
        public int add(String value) {
            return add(value, 0, value.length());
        }

        /** Adds the value {@code s.substring(from, to)} without creating it unless it is new; returns its code. */
        public int add(String s, int from, int to) {
            return put(dictionary.intern(s, from, to));
        }

        /** Adds the ASCII text in {@code b[from, to)} (the caller has checked it is ASCII); returns its code. */
        public int add(byte[] b, int from, int to) {
            return put(dictionary.intern(b, from, to));
        }

        /** {@link #add(byte[], int, int)} with the text's {@link Interner#hash} already known. */
        public int add(byte[] b, int from, int to, int hash) {
            return put(dictionary.intern(b, from, to, hash));
        }

        /** The value of a code this column's dictionary has given out. */
        public String value(int code) {
            return dictionary.value(code);
        }

        /** The code of a value in this column's dictionary, added to the dictionary (not as a row) if new. */
        public int codeOf(String value) {
            return dictionary.intern(value, 0, value.length());
        }

        /**
         * Adds a value by a code its dictionary has already given out (a column sharing its dictionary
         * with another can reuse that column's look-up).
         */
        public int addCode(int code) {
            if (code < 0 || code >= dictionary.size()) throw new IllegalArgumentException("no value has code " + code);
            return put(code);
        }

        private int put(int code) {
            codes.add(code);
            return code;
        }

        public int size() { return codes.size(); }

        /** Appends another builder's rows after this one's, translating its codes into this dictionary. */
        public void append(Builder other) {
            int[] remap = new int[other.dictionary.size()];
            for (int c = 0; c < remap.length; c++) remap[c] = dictionary.intern(other.dictionary.values[c], 0, other.dictionary.values[c].length());
            for (int i = 0; i < other.size(); i++) codes.add(remap[other.codes.get(i)]);
        }

        public TextColumn build() {
            int size = codes.size();
            if (!shared) return new TextColumn(name, codes.toArray(), Arrays.copyOf(dictionary.values, dictionary.distinct));
            // a shared dictionary holds other columns' values too: keep this column's, in order of first appearance
            int[] remap = new int[dictionary.size()];
            Arrays.fill(remap, -1);
            remap[0] = 0;
            String[] own = new String[Math.min(dictionary.size(), size + 1)];
            own[0] = "";
            int n = 1;
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                int c = codes.get(i);
                if (remap[c] < 0) {
                    remap[c] = n;
                    own[n++] = dictionary.values[c];
                }
                out[i] = remap[c];
            }
            return new TextColumn(name, out, Arrays.copyOf(own, n));
        }
    }
}
