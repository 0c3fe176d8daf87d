// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * Grows Smile's isolation trees straight into {@link FlatForest}'s arrays: the same trees, node for node and bit for
 * bit, as {@code new IsolationTree(sample, maxDepth, 0)} (the tests read Smile's trees back to compare), without
 * Smile's row copies, lists and node objects or the reflection it took to read them. A host forest (ψ 2,048) took 0.12-0.14 s to grow in
 * Smile and 0.03 s more to read back, on the one core its lock allows.
 *
 * <p>Each node does what Smile's {@code IsolationTree.buildNode} does, in its order: the range of every feature over
 * the node's rows (Smile's own comparisons, so that NaN and signed zeros land where they land there), an intercept
 * per feature from {@link MathEx#random(double, double)}, a slope per feature from the shared Gaussian, a permutation
 * from {@link MathEx#permutate(int)} that zeroes all slopes but one, the bias by {@link MathEx#dot}; then the rows whose
 * dot product with the slope is below the bias go left, in their order, and the left subtree is grown before the
 * right. Every random number comes from Smile's generators in the same sequence, so the caller seeds them as for
 * Smile's trees.
 *
 * <p>In a tree whose rows are all finite and below 2^1022 in size (a "tame" tree: every range, intercept and product
 * of a zero slope is then finite), only the one feature whose slope is kept matters, and only it is looked at: Smile's
 * intercept of feature f is {@code lo + (hi - lo) * u} with u its generator's next double, drawn whatever lo and hi
 * are, so the draws are made first and the range worked out for the kept feature alone; the bias, a sum from +0.0 of
 * that feature's product and signed zeros, is that product, or +0.0 when it is zero; and a row's dot product is its
 * value of the feature times the slope. Any other tree does all of it, feature by feature, as Smile does.
 */
final class FlatTrees {
    private final double[][] columns;
    private final int maxDepth;
    private final int slots;          // nodes of a complete tree of maxDepth levels below the root
    private final int trees;
    private final Tree[] grown;
    private int depth;                // the deepest leaf of any tree so far
    private boolean flat = true;      // false once a node has other than one slope
    private final int[] scratch;
    private final double[] min, max, intercept, normal, draw;
    /** Below this in size, a difference of two values (a range) and its products stay finite. */
    private static final double TAME = 0x1p1022;

    FlatTrees(double[][] columns, int maxDepth, int trees, int psi) {
        this.columns = columns;
        this.maxDepth = maxDepth;
        this.slots = (1 << (maxDepth + 1)) - 1;
        this.trees = trees;
        this.grown = new Tree[trees];
        this.scratch = new int[psi];
        int p = columns.length;
        this.min = new double[p];
        this.max = new double[p];
        this.intercept = new double[p];
        this.normal = new double[p];
        this.draw = new double[p];
    }

    /**
     * Grows tree {@code t} from the rows {@code sample[0, n)}, in that order (reordered in place). Smile's generator
     * must be seeded for it first.
     *
     * @return false when the tree cannot be laid out flat (a node kept no slope or more than one): Smile must grow it
     */
    boolean grow(int t, int[] sample, int n) {
        boolean tame = true;
        for (double[] column : columns) {
            for (int i = 0; i < n; i++) {
                double v = column[sample[i]];
                tame &= v < TAME & v > -TAME; // false for NaN and the infinities too
            }
        }
        grown[t] = new Tree(slots);
        node(grown[t], 0, sample, 0, n, 0, tame);
        return flat;
    }

    /**
     * One tree as grown, by complete-tree slot (children of i at 2i+1 and 2i+2): arrays of a tree each, small enough
     * for G1's young generation (arrays of the whole forest at once would be "humongous" objects).
     */
    private record Tree(boolean[] isLeaf, int[] feature, double[] slope, double[] bias, double[] leaf) {
        Tree(int slots) {
            this(new boolean[slots], new int[slots], new double[slots], new double[slots], new double[slots]);
        }
    }

    private void node(Tree tree, int slot, int[] rows, int from, int to, int level, boolean tame) {
        int n = to - from;
        if (level >= maxDepth || n <= 1) {
            tree.isLeaf[slot] = true;
            tree.leaf[slot] = n > 1 ? level + FlatForest.factor(n) : level;
            depth = Math.max(depth, level);
            return;
        }
        int p = columns.length;
        if (tame) {
            for (int f = 0; f < p; f++) draw[f] = MathEx.random(); // the draws of Smile's MathEx.random(min, max), in order
        } else {
            for (int f = 0; f < p; f++) range(f, rows, from, to);
            for (int f = 0; f < p; f++) intercept[f] = MathEx.random(min[f], max[f]);
        }
        GaussianDistribution gauss = GaussianDistribution.getInstance();
        for (int f = 0; f < p; f++) normal[f] = gauss.rand();
        int[] order = MathEx.permutate(p);
        for (int i = 0; i < p - 1; i++) normal[order[i]] = 0.0;
        int j = -1;
        for (int f = 0; f < p; f++) {
            if (normal[f] != 0.0) {
                if (j >= 0) flat = false;
                j = f;
            }
        }
        if (j < 0) flat = false;
        if (!flat) return; // the forest goes to Smile; what is left of this tree does not matter
        double b;
        if (tame) {
            range(j, rows, from, to);
            double product = normal[j] * (min[j] + (max[j] - min[j]) * draw[j]); // Smile's intercept, times the slope
            b = product != 0.0 ? product : 0.0;
        } else {
            b = MathEx.dot(normal, intercept);
        }
        tree.feature[slot] = j;
        tree.slope[slot] = normal[j];
        tree.bias[slot] = b;
        // the rows below the bias go left, each side in the rows' order, as Smile's two lists keep them
        double s = normal[j];
        double[] c = columns[j];
        int left = from, right = 0;
        for (int i = from; i < to; i++) {
            int r = rows[i];
            if ((tame ? c[r] * s : dot(r)) < b) rows[left++] = r;
            else scratch[right++] = r;
        }
        System.arraycopy(scratch, 0, rows, left, right);
        node(tree, 2 * slot + 1, rows, from, left, level + 1, tame);
        node(tree, 2 * slot + 2, rows, left, to, level + 1, tame);
    }

    /** Feature f's range over the node's rows, by Smile's comparisons from its first row (where NaN and signed zeros land). */
    private void range(int f, int[] rows, int from, int to) {
        double[] c = columns[f];
        double lo = c[rows[from]], hi = lo;
        for (int i = from; i < to; i++) {
            double v = c[rows[i]];
            if (v < lo) lo = v;
            else if (v > hi) hi = v;
        }
        min[f] = lo;
        max[f] = hi;
    }

    /** False once a node kept other than one slope: the forest cannot be flat. */
    boolean isFlat() {
        return flat;
    }

    /** Smile's {@code MathEx.dot(x, slope)} of row {@code r}, term by term in its order (a tree that is not tame). */
    private double dot(int r) {
        double sum = 0.0;
        for (int f = 0; f < columns.length; f++) sum += columns[f][r] * normal[f];
        return sum;
    }

    /** Every tree laid out as complete trees of the deepest tree's depth, for a forest of ψ rows a tree. */
    FlatForest.Parts layout(int psi) {
        int internal = (1 << depth) - 1, leaves = 1 << depth;
        int[] f = new int[trees * internal];
        double[] s = new double[trees * internal];
        double[] b = new double[trees * internal];
        double[] l = new double[trees * leaves];
        for (int t = 0; t < trees; t++) place(grown[t], 0, 0, 0, t * internal, t * leaves, f, s, b, l);
        return new FlatForest.Parts(depth, trees, psi, f, s, b, l);
    }

    /** Places the grown node at {@code slot} into {@code out} (complete-tree index), padding an early leaf down its left side. */
    private void place(Tree tree, int slot, int out, int level, int outBase, int leafBase, int[] f, double[] s, double[] b, double[] l) {
        if (level == depth) {
            l[leafBase + out - ((1 << depth) - 1)] = tree.leaf[slot];
            return;
        }
        if (tree.isLeaf[slot]) { // a leaf above the last level: a test that always goes left, x * 0 < +∞
            f[outBase + out] = 0;
            s[outBase + out] = 0.0;
            b[outBase + out] = Double.POSITIVE_INFINITY;
            place(tree, slot, 2 * out + 1, level + 1, outBase, leafBase, f, s, b, l);
            return;
        }
        f[outBase + out] = tree.feature[slot];
        s[outBase + out] = tree.slope[slot];
        b[outBase + out] = tree.bias[slot];
        place(tree, 2 * slot + 1, 2 * out + 1, level + 1, outBase, leafBase, f, s, b, l);
        place(tree, 2 * slot + 2, 2 * out + 2, level + 1, outBase, leafBase, f, s, b, l);
    }
}
