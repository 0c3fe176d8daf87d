// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.util.Arrays;

/**
 * Primitive lists that grow by adding fixed blocks instead of doubling one array. A column builder of a
 * million rows that doubles its array leaves a trail of multi-megabyte copies behind; with G1 on a 1 GB
 * heap every array over half a region (512 kB) is "humongous", allocated straight in the old generation,
 * and a run of them sets off concurrent GC cycles — measured at a quarter of the import time of a 1M-row
 * CSV. Blocks of 32,768 elements stay below that size; the one final array is made once, by {@code toArray}.
 * The first block grows from 256 elements by doubling, so a column of a few rows costs a few rows.
 */
public final class Growable {
    private static final int SHIFT = 15;
    private static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;
    /** The first block starts small and doubles up to a full block: a folder of small files makes many small columns. */
    private static final int FIRST = 256;

    private Growable() { }

    /** A growing list of doubles. */
    public static final class Doubles {
        private double[][] blocks = new double[8][];
        private int size;

        private double[] current = new double[0]; // the block being filled; full when size reaches its end
        private int currentEnd;

        public void add(double v) {
            if (size == currentEnd) grow();
            current[size++ & MASK] = v;
        }

        private void grow() {
            int b = size >>> SHIFT;
            if (b == 0) {
                blocks[0] = blocks[0] == null ? new double[FIRST] : Arrays.copyOf(blocks[0], size * 2);
            } else {
                blocks = block(blocks, b, () -> new double[BLOCK]);
            }
            current = blocks[b];
            currentEnd = (b << SHIFT) + current.length;
        }

        public double get(int i) { return blocks[i >>> SHIFT][i & MASK]; }

        /** Adds every element of {@code other}, a block at a time (the second half of a file read in two). */
        public void addAll(Doubles other) {
            for (int at = 0; at < other.size; ) {
                if (size == currentEnd) grow();
                int n = copyRun(other.blocks, at, other.size, current, size, currentEnd);
                size += n;
                at += n;
            }
        }

        public int size() { return size; }

        public double[] toArray() {
            double[] out = new double[size];
            for (int b = 0, at = 0; at < size; b++, at += BLOCK) System.arraycopy(blocks[b], 0, out, at, Math.min(BLOCK, size - at));
            return out;
        }
    }

    /** A growing list of longs. */
    public static final class Longs {
        private long[][] blocks = new long[8][];
        private int size;

        private long[] current = new long[0]; // the block being filled; full when size reaches its end
        private int currentEnd;

        public void add(long v) {
            if (size == currentEnd) grow();
            current[size++ & MASK] = v;
        }

        private void grow() {
            int b = size >>> SHIFT;
            if (b == 0) {
                blocks[0] = blocks[0] == null ? new long[FIRST] : Arrays.copyOf(blocks[0], size * 2);
            } else {
                blocks = block(blocks, b, () -> new long[BLOCK]);
            }
            current = blocks[b];
            currentEnd = (b << SHIFT) + current.length;
        }

        public long get(int i) { return blocks[i >>> SHIFT][i & MASK]; }

        /** Adds every element of {@code other}, a block at a time (the second half of a file read in two). */
        public void addAll(Longs other) {
            for (int at = 0; at < other.size; ) {
                if (size == currentEnd) grow();
                int n = copyRun(other.blocks, at, other.size, current, size, currentEnd);
                size += n;
                at += n;
            }
        }

        public int size() { return size; }

        public long[] toArray() {
            long[] out = new long[size];
            for (int b = 0, at = 0; at < size; b++, at += BLOCK) System.arraycopy(blocks[b], 0, out, at, Math.min(BLOCK, size - at));
            return out;
        }
    }

    /** A growing list of ints. */
    public static final class Ints {
        private int[][] blocks = new int[8][];
        private int size;

        private int[] current = new int[0]; // the block being filled; full when size reaches its end
        private int currentEnd;

        public void add(int v) {
            if (size == currentEnd) grow();
            current[size++ & MASK] = v;
        }

        private void grow() {
            int b = size >>> SHIFT;
            if (b == 0) {
                blocks[0] = blocks[0] == null ? new int[FIRST] : Arrays.copyOf(blocks[0], size * 2);
            } else {
                blocks = block(blocks, b, () -> new int[BLOCK]);
            }
            current = blocks[b];
            currentEnd = (b << SHIFT) + current.length;
        }

        public int get(int i) { return blocks[i >>> SHIFT][i & MASK]; }

        /**
         * Adds every element of {@code other}, a block at a time, each turned into {@code remap[element]} (another
         * dictionary's codes) or as it is when {@code remap} is null.
         */
        public void addAll(Ints other, int[] remap) {
            for (int at = 0; at < other.size; ) {
                if (size == currentEnd) grow();
                int n;
                if (remap == null) {
                    n = copyRun(other.blocks, at, other.size, current, size, currentEnd);
                } else {
                    n = runLength(at, other.size, size, currentEnd);
                    int[] from = other.blocks[at >>> SHIFT];
                    int f = at & MASK, t = size & MASK;
                    for (int k = 0; k < n; k++) current[t + k] = remap[from[f + k]];
                }
                size += n;
                at += n;
            }
        }

        public void set(int i, int v) { blocks[i >>> SHIFT][i & MASK] = v; }

        public int size() { return size; }

        public int[] toArray() {
            int[] out = new int[size];
            for (int b = 0, at = 0; at < size; b++, at += BLOCK) System.arraycopy(blocks[b], 0, out, at, Math.min(BLOCK, size - at));
            return out;
        }
    }

    /**
     * How many elements from position {@code at} of another list (of {@code fromSize}) go into the block being filled
     * in one piece: up to the end of that block, of the other list, and of the other list's block holding {@code at}.
     */
    private static int runLength(int at, int fromSize, int size, int currentEnd) {
        return Math.min(Math.min(currentEnd - size, fromSize - at), BLOCK - (at & MASK));
    }

    /**
     * Copies such a run from another list's blocks into {@code current} (a primitive array of the same type) at
     * {@code size}; returns its length. Block tables of any primitive type are arrays of objects to arraycopy.
     */
    private static int copyRun(Object[] fromBlocks, int at, int fromSize, Object current, int size, int currentEnd) {
        int n = runLength(at, fromSize, size, currentEnd);
        System.arraycopy(fromBlocks[at >>> SHIFT], at & MASK, current, size & MASK, n);
        return n;
    }

    /** The block table with block {@code b} allocated, the table itself grown if needed. */
    private static <T> T[] block(T[] blocks, int b, java.util.function.Supplier<T> fresh) {
        T[] out = b == blocks.length ? Arrays.copyOf(blocks, b * 2) : blocks;
        out[b] = fresh.get();
        return out;
    }
}
