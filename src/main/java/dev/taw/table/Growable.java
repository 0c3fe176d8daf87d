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
 *
 * <p>The second half of a file read in two is {@linkplain Store#join joined} on, not copied: its elements are copied
 * once, into the finished array. Copied into new blocks, half of every column was young again at once, and the
 * collector's next pause copied it a second time while the window still held the file before.
 */
public final class Growable {
    private static final int SHIFT = 15;
    private static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;
    /** The first block starts small and doubles up to a full block: a folder of small files makes many small columns. */
    private static final int FIRST = 256;

    private Growable() { }

    /**
     * Where each element of a list is and how the list grows, for any primitive array type {@code A}: element
     * {@code i} at {@code blocks[i >>> SHIFT][i & MASK]}, then, when another list was {@linkplain #join joined} on, its
     * elements. The list being filled keeps the block it fills in a field of its own type, for its {@code add}.
     */
    abstract static sealed class Store<A> permits Doubles, Longs, Ints {
        private A[] blocks;
        /** The elements in this list's own arrays. */
        int size;
        /** One past the last index the block being filled holds (held at {@code size} while joined). */
        int currentEnd;
        /** The list whose elements follow this one's own, not copied yet, and the codes they turn into (null: themselves). */
        Store<A> joined;
        int[] joinedRemap;
        private int endBeforeJoin;

        Store(A[] table) {
            blocks = table;
        }

        abstract A array(int length);

        /** Called with each new block to fill, which {@code add} writes at {@code size & MASK}. */
        abstract void filling(A array);

        /** Copies {@code n} elements from {@code from[f]} to {@code to[t]}, each turned into {@code remap[it]} unless it is null. */
        abstract void copy(A from, int f, A to, int t, int n, int[] remap);

        public final int size() { return joined == null ? size : size + joined.size; }

        /**
         * Puts {@code other}'s elements after this list's, each turned into {@code remap[it]} unless that is null,
         * without copying them until {@code toArray} (or an {@code add} after them): the second half of a file read in
         * two joins the first, and each of its columns is copied once, into the finished column. {@code other} must not
         * change afterwards.
         */
        final void join(Store<A> other, int[] remap) {
            settle();
            other.settle();
            joined = other;
            joinedRemap = remap;
            endBeforeJoin = currentEnd;
            currentEnd = size; // the next add grows, which copies the joined elements in first
        }

        /** Copies the joined list's elements into this list's own arrays. */
        final void settle() {
            if (joined == null) return;
            Store<A> other = joined;
            int[] remap = joinedRemap;
            joined = null;
            joinedRemap = null;
            currentEnd = endBeforeJoin;
            for (int at = 0; at < other.size; ) {
                if (size == currentEnd) grow();
                int n = Math.min(Math.min(currentEnd - size, other.size - at), endAt(at) - at);
                copy(other.block(at), at & MASK, block(size), size & MASK, n, remap);
                size += n;
                at += n;
            }
        }

        final void grow() {
            if (joined != null) {
                settle();
                if (size < currentEnd) return;
            }
            int b = size >>> SHIFT;
            A next;
            int length;
            if (b == 0) { // the first block, doubled up to a full one
                length = blocks[0] == null ? FIRST : size * 2;
                next = array(length);
                if (blocks[0] != null) System.arraycopy(blocks[0], 0, next, 0, size);
            } else {
                if (b >= blocks.length) blocks = Arrays.copyOf(blocks, Math.max(b + 1, blocks.length * 2));
                length = BLOCK;
                next = array(BLOCK);
            }
            blocks[b] = next;
            currentEnd = (b << SHIFT) + length;
            filling(next);
        }

        /** The block holding own element {@code at}. */
        final A block(int at) { return blocks[at >>> SHIFT]; }

        /** One past the last index the block holding {@code at} holds. */
        private static int endAt(int at) { return (at | MASK) + 1; }

        /** Copies the own elements of {@code from} into {@code out} from {@code offset}, each turned into {@code remap[it]} unless it is null. */
        private void copyInto(Store<A> from, A out, int offset, int[] remap) {
            for (int at = 0; at < from.size; ) {
                int k = Math.min(from.size, endAt(at)) - at;
                copy(from.block(at), at & MASK, out, offset + at, k, remap);
                at += k;
            }
        }

        /** The elements, in an array of their own. */
        public final A toArray() {
            A out = array(size());
            copyInto(this, out, 0, null);
            if (joined != null) copyInto(joined, out, size, joinedRemap);
            return out;
        }
    }

    /** A growing list of doubles. */
    public static final class Doubles extends Store<double[]> {
        private double[] filling = new double[0];

        public Doubles() { super(new double[8][]); }

        public void add(double v) {
            if (size == currentEnd) grow();
            filling[size++ & MASK] = v;
        }

        public double get(int i) {
            return i >= size ? ((Doubles) joined).get(i - size) : block(i)[i & MASK];
        }

        /** Adds every element of {@code other} (the second half of a file read in two), which must not change afterwards. */
        public void addAll(Doubles other) { join(other, null); }

        @Override double[] array(int length) { return new double[length]; }

        @Override void filling(double[] array) { filling = array; }

        @Override void copy(double[] from, int f, double[] to, int t, int n, int[] remap) { System.arraycopy(from, f, to, t, n); }
    }

    /** A growing list of longs. */
    public static final class Longs extends Store<long[]> {
        private long[] filling = new long[0];

        public Longs() { super(new long[8][]); }

        public void add(long v) {
            if (size == currentEnd) grow();
            filling[size++ & MASK] = v;
        }

        public long get(int i) {
            return i >= size ? ((Longs) joined).get(i - size) : block(i)[i & MASK];
        }

        /** Adds every element of {@code other} (the second half of a file read in two), which must not change afterwards. */
        public void addAll(Longs other) { join(other, null); }

        @Override long[] array(int length) { return new long[length]; }

        @Override void filling(long[] array) { filling = array; }

        @Override void copy(long[] from, int f, long[] to, int t, int n, int[] remap) { System.arraycopy(from, f, to, t, n); }
    }

    /** A growing list of ints. */
    public static final class Ints extends Store<int[]> {
        private int[] filling = new int[0];

        public Ints() { super(new int[8][]); }

        public void add(int v) {
            if (size == currentEnd) grow();
            filling[size++ & MASK] = v;
        }

        public int get(int i) {
            if (i >= size) {
                int v = ((Ints) joined).get(i - size);
                return joinedRemap == null ? v : joinedRemap[v];
            }
            return block(i)[i & MASK];
        }

        public void set(int i, int v) {
            if (i >= size) settle(); // a joined list's elements are copied in first: they may stand for other codes
            block(i)[i & MASK] = v;
        }

        /**
         * Adds every element of {@code other}, each turned into {@code remap[element]} (another dictionary's codes) or
         * as it is when {@code remap} is null; {@code other} must not change afterwards.
         */
        public void addAll(Ints other, int[] remap) { join(other, remap); }

        @Override int[] array(int length) { return new int[length]; }

        @Override void filling(int[] array) { filling = array; }

        @Override void copy(int[] from, int f, int[] to, int t, int n, int[] remap) {
            if (remap == null) System.arraycopy(from, f, to, t, n);
            else for (int k = 0; k < n; k++) to[t + k] = remap[from[f + k]];
        }
    }
}
