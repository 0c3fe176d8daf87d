// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

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
     * Builds a column, interning values by the characters of a range so that a repeated value costs a
     * hash probe, not a new String (a million rows of a dozen text columns would otherwise allocate
     * twelve million short-lived strings).
     */
    public static final class Builder {
        private final String name;
        private String[] values = new String[64];
        private int distinct;
        private int[] slots = new int[128]; // open addressing: code + 1, 0 = empty
        private int[] codes = new int[1024];
        private int size;

        public Builder(String name) {
            this.name = name;
            intern("", 0, 0); // code 0 is the empty (missing) value

        }

        public void add(String value) {
            add(value, 0, value.length());
        }

        /** Adds the value {@code s.substring(from, to)} without creating it unless it is new. */
        public void add(String s, int from, int to) {
            if (size == codes.length) codes = Arrays.copyOf(codes, size * 2);
            codes[size++] = intern(s, from, to);
        }

        public int size() { return size; }

        private int intern(String s, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) h = 31 * h + s.charAt(i);
            int mask = slots.length - 1;
            int len = to - from;
            for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
                int code = slots[slot] - 1;
                if (code < 0) {
                    String v = from == 0 && to == s.length() ? s : s.substring(from, to);
                    code = distinct;
                    if (distinct == values.length) values = Arrays.copyOf(values, distinct * 2);
                    values[distinct++] = v;
                    slots[slot] = code + 1;
                    if (distinct * 2 > slots.length) rehash();
                    return code;
                }
                String v = values[code];
                if (v.length() == len && v.regionMatches(0, s, from, len)) return code;
            }
        }

        private static int mix(int h) {
            return h ^ (h >>> 16);
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int code = 0; code < distinct; code++) {
                int slot = mix(values[code].hashCode()) & mask;
                while (slots[slot] != 0) slot = (slot + 1) & mask;
                slots[slot] = code + 1;
            }
        }

        /** Appends another builder's rows after this one's, translating its codes into this dictionary. */
        public void append(Builder other) {
            int[] remap = new int[other.distinct];
            for (int c = 0; c < other.distinct; c++) remap[c] = intern(other.values[c], 0, other.values[c].length());
            if (codes.length < size + other.size) codes = Arrays.copyOf(codes, size + other.size);
            for (int i = 0; i < other.size; i++) codes[size++] = remap[other.codes[i]];
        }

        public TextColumn build() {
            return new TextColumn(name, Arrays.copyOf(codes, size), Arrays.copyOf(values, distinct));
        }
    }
}
