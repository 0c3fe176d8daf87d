// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.Arrays;

/**
 * Dictionary-encoded text: each distinct value is stored once and rows hold an int code. The empty
 * string is code 0 in every column, so "missing" is simply code 0.
 */
public final class TextColumn implements Column {
    /** Whether every row holds one value, asked by several stages of a run: 0 not known yet, 1 yes, 2 no. */
    private byte constant;
    private final String name;
    private final int[] codes;
    private final String[] dictionary;

    public TextColumn(String name, int[] codes, String[] dictionary) {
        this.name = name;
        this.codes = codes;
        this.dictionary = dictionary;
    }

    @Override public TextColumn renamed(String other) { return new TextColumn(other, codes, dictionary); }
    @Override public String name() { return name; }
    @Override public int size() { return codes.length; }
    @Override public boolean isMissing(int row) { return codes[row] == 0; }
    @Override public String format(int row) { return dictionary[codes[row]]; }

    public int code(int row) { return codes[row]; }

    /** The code of a value, or -1 when no row has it (a scan of the dictionary: for look-ups, not loops). */
    public int codeOf(String value) {
        for (int k = 0; k < dictionary.length; k++) if (dictionary[k].equals(value)) return k;
        return -1;
    }

    public int[] codes() { return codes; }

    /** Distinct values; index = code. Callers must not modify it. */
    public String[] dictionary() { return dictionary; }

    public int distinctCount() { return dictionary.length; }

    @Override
    public boolean isConstant() {
        if (constant == 0) constant = sameInEveryRow() ? (byte) 1 : 2;
        return constant == 1;
    }

    private boolean sameInEveryRow() {
        for (int i = 1; i < codes.length; i++) if (codes[i] != codes[0]) return false;
        return true;
    }

    /** Builds a column: a code per row into its own dictionary, or into one shared with other columns. */
    public static final class Builder {
        private final String name;
        private final Interner dictionary;
        private final boolean shared;
        private final Growable.Ints codes = new Growable.Ints();
        /** The code the last byte range added got (0, the empty value, before any), and its hash where it was given. */
        private int last, lastHash;

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

        /**
         * Adds the ASCII text in {@code b[from, to)} (the caller has checked it is ASCII); returns its code. A value
         * the same as the row before's (a log's constant and slowly changing columns) is known by comparing its
         * bytes, without hashing or probing.
         */
        public int add(byte[] b, int from, int to) {
            if (dictionary.is(last, b, from, to)) return put(last);
            return last = put(dictionary.intern(b, from, to));
        }

        /**
         * {@link #add(byte[], int, int)} with the text's {@link Interner#hash} already known: a value unlike the row
         * before's is told by its hash, without comparing bytes.
         */
        public int add(byte[] b, int from, int to, int hash) {
            if (hash == lastHash && dictionary.is(last, b, from, to)) return put(last);
            lastHash = hash;
            return last = put(dictionary.intern(b, from, to, hash));
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
            codes.addAll(other.codes, remap);
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
