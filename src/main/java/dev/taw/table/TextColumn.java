// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    public static final class Builder {
        private final String name;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> values = new ArrayList<>();
        private int[] codes = new int[1024];
        private int size;

        public Builder(String name) {
            this.name = name;
            intern("");
        }

        public void add(String value) {
            if (size == codes.length) codes = Arrays.copyOf(codes, size * 2);
            codes[size++] = intern(value);
        }


        public int size() { return size; }

        private int intern(String value) {
            Integer code = index.get(value);
            if (code == null) {
                code = values.size();
                index.put(value, code);
                values.add(value);
            }
            return code;
        }

        public TextColumn build() {
            return new TextColumn(name, Arrays.copyOf(codes, size), values.toArray(String[]::new));
        }
    }
}
