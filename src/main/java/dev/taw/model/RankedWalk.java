// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import java.util.Arrays;

/**
 * The flat trees again, with each node's test turned into an integer comparison, still exactly Smile's.
 *
 * <p>Smile sends x left when {@code fl(x[j] * s) < b}. For a fixed s the rounded product is monotone in x,
 * so the set of x going left is a half-line: for s &gt; 0 it is {@code x < T} and for s &lt; 0 it is
 * {@code x ≥ T}, where T is the first double at which the test flips (found exactly by a binary search
 * over the doubles' ordered bit patterns). All thresholds of a feature are sorted; a value's <em>rank</em> is how many of them
 * are ≤ it, and {@code x < T_k} exactly when {@code rank(x) ≤ k}. So a block of rows is ranked once
 * (a search per feature, in the value's bucket) and every tree level is then one packed-int load, one rank load
 * and an integer compare: half the work of multiplying, subtracting and testing a sign per node. Where s &lt; 0
 * the node's subtrees are swapped in the layout, so that every node sends x ≥ T right.
 */
final class RankedWalk {
    private static final int FEATURE_BITS = 8;

    private final int depth;
    private final int internal;
    private final int trees;
    /** Per internal node, its subtrees laid out so that x ≥ T_k goes right: {@code k << 9 | feature}. */
    private final int[] node;
    private final double[] leaf;
    private final double[][] thresholds;
    private final Buckets[] buckets;

    private RankedWalk(int depth, int trees, int[] node, double[] leaf, double[][] thresholds) {
        this.depth = depth;
        this.internal = (1 << depth) - 1;
        this.trees = trees;
        this.node = node;
        this.leaf = leaf;
        this.thresholds = thresholds;
        this.buckets = new Buckets[thresholds.length];
        for (int f = 0; f < thresholds.length; f++) buckets[f] = Buckets.of(thresholds[f]);
    }

    /**
     * Where to look for a value's rank among one feature's sorted thresholds: the span of the finite thresholds cut
     * into equal buckets, and per bucket how many thresholds lie in the buckets before it. A value's bucket is a
     * multiplication, and its rank is then searched among the few thresholds of that bucket, not all of them: a
     * binary search over a few thousand thresholds mispredicts a branch at most of its dozen steps, and ranking was a
     * fifth of the scoring's time.
     *
     * <p>Exact: the bucket {@code (int) ((x - low) * scale)}, clamped, never decreases as x grows (a subtraction and
     * a multiplication by a positive number are monotone in floating point, and so is the cast), so every threshold
     * of an earlier bucket is ≤ x and every threshold of a later bucket is &gt; x; the rank lies between the counts
     * before and after x's own bucket.
     */
    record Buckets(double low, double scale, int[] before) {
        static Buckets of(double[] sorted) {
            double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
            for (double t : sorted) {
                if (Double.isFinite(t)) {
                    low = Math.min(low, t);
                    high = Math.max(high, t);
                }
            }
            int count = Integer.highestOneBit(Math.max(1, Math.min(1 << 16, sorted.length * 2 - 1)) * 2);
            double scale = high > low ? count / (high - low) : 0.0;
            if (!(scale > 0 && Double.isFinite(scale))) { // one value, none, or a span too wide to scale: one bucket
                low = 0.0;
                scale = 0.0;
                count = 1;
            }
            int[] before = new int[count + 1];
            for (double t : sorted) before[bucket(t, low, scale, count - 1) + 1]++;
            for (int b = 0; b < count; b++) before[b + 1] += before[b];
            return new Buckets(low, scale, before);
        }

        /** How many of {@code sorted} (the thresholds these buckets were made of) are ≤ x. */
        int rank(double[] sorted, double x) {
            int b = bucket(x, low, scale, before.length - 2);
            return RankedWalk.rank(sorted, x, before[b], before[b + 1]);
        }

        static int bucket(double x, double low, double scale, int last) {
            int b = (int) ((x - low) * scale);
            return b < 0 ? 0 : Math.min(b, last);
        }
    }

    /** @return the ranked form, or null when there are too many features or thresholds to pack (then the caller multiplies) */
    static RankedWalk of(int depth, int trees, int[] feature, double[] slope, double[] bias, double[] leaf, int width) {
        if (width >= (1 << FEATURE_BITS)) return null;
        int n = feature.length;
        double[] t = new double[n];
        boolean[] leftIfLess = new boolean[n];
        for (int i = 0; i < n; i++) {
            double s = slope[i], b = bias[i];
            if (s == 0.0) { // padding below an early leaf: x * 0 < +∞ always goes left
                t[i] = Double.POSITIVE_INFINITY;
                leftIfLess[i] = true;
                continue;
            }
            t[i] = s > 0 ? firstAtLeast(s, b) : firstBelow(s, b);
            leftIfLess[i] = s > 0;
        }
        double[][] sorted = new double[width][];
        int[] count = new int[width], fill = new int[width];
        for (int f : feature) count[f]++;
        double[][] byFeature = new double[width][];
        for (int f = 0; f < width; f++) byFeature[f] = new double[count[f]];
        for (int i = 0; i < n; i++) byFeature[feature[i]][fill[feature[i]]++] = t[i]; // one pass, not one per feature
        for (int f = 0; f < width; f++) {
            double[] mine = byFeature[f];
            Arrays.sort(mine);
            sorted[f] = dedupe(mine);
            if (sorted[f].length >= (1 << 22)) return null;
        }
        int[] packed = new int[n];
        for (int i = 0; i < n; i++) packed[i] = indexOf(sorted[feature[i]], t[i]) << 9 | feature[i];
        // a node whose small side goes right has its two subtrees swapped, so every node sends x right when x ≥ T
        int internal = (1 << depth) - 1;
        int[] node = new int[n];
        double[] leaves = new double[leaf.length];
        for (int tree = 0; tree < trees; tree++) mirror(packed, leftIfLess, leaf, node, leaves, tree, internal, 0, 0);
        return new RankedWalk(depth, trees, node, leaves, sorted);
    }

    /**
     * Lays out the subtree at {@code from} of tree {@code tree} at {@code to} of the walk's tree, its children
     * swapped where the node sends its small side right; a leaf keeps its value.
     */
    private static void mirror(int[] packed, boolean[] leftIfLess, double[] leaf, int[] node, double[] leaves, int tree, int internal,
                               int from, int to) {
        if (from >= internal) {
            leaves[tree * (internal + 1) + to - internal] = leaf[tree * (internal + 1) + from - internal];
            return;
        }
        int base = tree * internal;
        node[base + to] = packed[base + from];
        boolean swap = !leftIfLess[base + from];
        mirror(packed, leftIfLess, leaf, node, leaves, tree, internal, swap ? 2 * from + 2 : 2 * from + 1, 2 * to + 1);
        mirror(packed, leftIfLess, leaf, node, leaves, tree, internal, swap ? 2 * from + 1 : 2 * from + 2, 2 * to + 2);
    }

    /** The smallest finite x with {@code x * s >= b}, for s &gt; 0 (+∞ when there is none). */
    static double firstAtLeast(double s, double b) {
        return firstTrue(x -> x * s >= b, b / s);
    }

    /** The smallest finite x with {@code x * s < b}, for s &lt; 0 (+∞ when there is none). */
    static double firstBelow(double s, double b) {
        return firstTrue(x -> x * s < b, b / s);
    }

    /** Doubles either side of the guess that bracket the flip: the quotient is within an ulp or two of it. */
    private static final long NEAR = 8;

    /**
     * {@link #firstTrue(java.util.function.DoublePredicate)} searched near {@code guess} first: when the test is false
     * NEAR doubles below the guess and true NEAR above it, the first double where it holds lies between (the test is
     * monotone), and a handful of steps find the same double that 64 over every double would. A host forest has two
     * hundred thousand nodes; their thresholds took a quarter of its fit. Where the guess does not bracket the flip
     * (an overflowing or vanishing quotient), the search over every double.
     */
    private static double firstTrue(java.util.function.DoublePredicate test, double guess) {
        if (Double.isFinite(guess)) {
            long g = ordered(guess), lo = g - NEAR, hi = g + NEAR;
            if (lo >= ordered(-Double.MAX_VALUE) && hi <= ordered(Double.MAX_VALUE) && !test.test(value(lo)) && test.test(value(hi))) {
                while (hi - lo > 1) { // test(lo) false, test(hi) true
                    long mid = lo + ((hi - lo) >>> 1);
                    if (test.test(value(mid))) hi = mid; else lo = mid;
                }
                return value(hi);
            }
        }
        return firstTrue(test);
    }

    /**
     * Binary search over all finite doubles, in numeric order, for the first one where a monotone
     * (false, then true) test holds. Doubles map to longs that sort like them, so at most 64 steps.
     */
    static double firstTrue(java.util.function.DoublePredicate test) {
        long lo = ordered(-Double.MAX_VALUE), hi = ordered(Double.POSITIVE_INFINITY);
        while (lo < hi) {
            long mid = lo + ((hi - lo) >>> 1); // the span exceeds Long.MAX_VALUE: halve it unsigned
            if (test.test(value(mid))) hi = mid; else lo = mid + 1;
        }
        return value(lo);
    }

    private static long ordered(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double value(long ordered) {
        return Double.longBitsToDouble(ordered >= 0 ? ordered : ordered ^ Long.MAX_VALUE);
    }

    private static double[] dedupe(double[] a) {
        int m = 0;
        for (int i = 0; i < a.length; i++) if (m == 0 || Double.compare(a[i], a[m - 1]) != 0) a[m++] = a[i];
        return Arrays.copyOf(a, m);
    }

    private static int indexOf(double[] a, double v) {
        for (int lo = 0, hi = a.length - 1; lo <= hi; ) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(a[mid], v);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        throw new IllegalStateException("threshold not in its feature's list");
    }

    /** How many thresholds are ≤ x (numerically), knowing that it is between {@code lo} and {@code hi}. */
    static int rank(double[] a, double x, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Adds each tree's path length, in tree order, to {@code length[i]} for rows [from, from + m). */
    void pathLengths(double[][] columns, int from, int m, double[] length) {
        int w = thresholds.length;
        int[] r = new int[m * w];
        for (int f = 0; f < w; f++) {
            double[] col = columns[f], th = thresholds[f];
            Buckets bk = buckets[f];
            double low = bk.low, scale = bk.scale;
            int[] before = bk.before;
            int last = before.length - 2;
            for (int i = 0; i < m; i++) {
                double x = col[from + i];
                int b = Buckets.bucket(x, low, scale, last);
                r[i * w + f] = rank(th, x, before[b], before[b + 1]);
            }
        }
        for (int t = 0; t < trees; t++) {
            int base = t * internal;
            int leafBase = t * (internal + 1) - internal;
            int i = 0;
            for (; i + 8 <= m; i += 8) { // eight independent walks hide each level's load latency
                int oa = i * w, ob = oa + w, oc = ob + w, od = oc + w, oe = od + w, of = oe + w, og = of + w, oh = og + w;
                int a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0;
                for (int level = 0; level < depth; level++) {
                    a = step(a, node[base + a], r, oa);
                    b = step(b, node[base + b], r, ob);
                    c = step(c, node[base + c], r, oc);
                    d = step(d, node[base + d], r, od);
                    e = step(e, node[base + e], r, oe);
                    f = step(f, node[base + f], r, of);
                    g = step(g, node[base + g], r, og);
                    h = step(h, node[base + h], r, oh);
                }
                length[i] += leaf[leafBase + a];
                length[i + 1] += leaf[leafBase + b];
                length[i + 2] += leaf[leafBase + c];
                length[i + 3] += leaf[leafBase + d];
                length[i + 4] += leaf[leafBase + e];
                length[i + 5] += leaf[leafBase + f];
                length[i + 6] += leaf[leafBase + g];
                length[i + 7] += leaf[leafBase + h];
            }
            for (; i < m; i++) {
                int o = i * w, a = 0;
                for (int level = 0; level < depth; level++) a = step(a, node[base + a], r, o);
                length[i] += leaf[leafBase + a];
            }
        }
    }

    /**
     * One level down: child 2i+2 (right) when x ≥ T_k, else 2i+1. {@code (k - rank) >>> 31} is 1 when rank &gt; k,
     * i.e. x ≥ T_k: every node tests that way round, as the subtrees of a node that sends its small side right
     * (s &lt; 0) were swapped when the trees were laid out ({@link #mirror}), which saves a shift, a mask and an
     * exclusive or at every level. Kept under 35 bytes of bytecode so that the quick compiler, which a batch run
     * uses alone, inlines it (it was 43, and a call per level cost a fifth of a run).
     */
    private static int step(int i, int v, int[] ranks, int offset) {
        return 2 * i + 1 + (((v >>> 9) - ranks[offset + (v & 0xFF)]) >>> 31);
    }
}
