// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;


/**
 * The fitted Smile trees copied into flat arrays, so that scoring a row is a handful of array reads per
 * level instead of a dot product over every feature through linked node objects.
 *
 * <p>Exactly Smile's arithmetic: with extension level 0 each node's slope has one non-zero entry s at
 * feature j, and Smile's test {@code dot(x, slope) < bias} equals {@code x[j] * s < bias} bit for bit
 * (the other terms add ±0.0). Path lengths are summed in tree order and normalised as Smile does, so
 * the scores are identical ({@code FlatForestTest} compares every row).
 *
 * <p>Layout ({@link FlatTrees} grows Smile's trees into it): each tree becomes a complete binary tree of its
 * maximum depth (children of i at 2i+1 and 2i+2). A leaf that Smile reached early is pushed down through
 * padding nodes whose test always goes left ({@code x * 0 < +∞}), so every walk is the same number of steps
 * with no data-dependent branch, and the walks of several rows can be interleaved ({@link RankedWalk} does
 * that for whole blocks; a walk is a chain of dependent loads, so overlapping independent rows is what makes
 * it fast).
 */
public final class FlatForest {
    private static final double EULER = 0.5772156649; // the constant Smile uses, to the digit
    /** Deeper trees (ψ above 4096) would make the padded layout large; Smile then scores them itself. */
    static final int MAX_DEPTH = 12;

    private final int depth;
    private final int internal;     // internal nodes per tree: 2^depth − 1
    private final int[] feature;    // [tree * internal + i]
    private final double[] slope;
    private final double[] bias;
    private final double[] leaf;    // [tree * 2^depth + i]: the adjusted depth Smile returns
    private final int trees;
    private final double normaliser;
    private final int psi;
    private final RankedWalk ranked;

    private FlatForest(int depth, int[] feature, double[] slope, double[] bias, double[] leaf, int trees, int psi) {
        this.depth = depth;
        this.internal = (1 << depth) - 1;
        this.feature = feature;
        this.slope = slope;
        this.bias = bias;
        this.leaf = leaf;
        this.trees = trees;
        this.psi = psi;
        this.normaliser = factor(psi);
        int width = 0;
        for (int f : feature) width = Math.max(width, f + 1);
        this.ranked = RankedWalk.of(depth, trees, feature, slope, bias, leaf, width);
    }

    /**
     * The forest as plain arrays, for a saved model: enough to rebuild it exactly ({@link #of(Parts)}).
     *
     * @param psi the sample size the trees were grown from (the score's normaliser is c(ψ))
     */
    public record Parts(int depth, int trees, int psi, int[] feature, double[] slope, double[] bias, double[] leaf) { }

    public Parts parts() {
        return new Parts(depth, trees, psi, feature.clone(), slope.clone(), bias.clone(), leaf.clone());
    }

    /**
     * Rebuilds a forest from its parts, after checking that they make one: sizes that fit the depth and tree
     * count, feature indices inside {@code width}, and numbers a fitted forest can hold.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    public static FlatForest of(Parts p, int width) {
        if (p.depth() < 0 || p.depth() > MAX_DEPTH) throw new IllegalArgumentException("tree depth " + p.depth() + " is outside 0-" + MAX_DEPTH);
        if (p.trees() < ForestSettings.MIN_TREES || p.trees() > ForestSettings.MAX_TREES) throw new IllegalArgumentException("tree count " + p.trees());
        if (p.psi() < 2) throw new IllegalArgumentException("sample size " + p.psi());
        int internal = (1 << p.depth()) - 1;
        long nodes = (long) internal * p.trees(), leaves = (long) (internal + 1) * p.trees();
        if (p.feature().length != nodes || p.slope().length != nodes || p.bias().length != nodes || p.leaf().length != leaves) {
            throw new IllegalArgumentException("node arrays do not fit " + p.trees() + " trees of depth " + p.depth());
        }
        for (int i = 0; i < nodes; i++) {
            if (p.feature()[i] < 0 || p.feature()[i] >= Math.max(1, width)) throw new IllegalArgumentException("node " + i + " splits on feature " + p.feature()[i] + " of " + width);
            if (!Double.isFinite(p.slope()[i]) || Double.isNaN(p.bias()[i]) || p.bias()[i] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("node " + i + " has no valid split");
            }
        }
        for (double d : p.leaf()) if (!(d >= 0 && d < 1e6)) throw new IllegalArgumentException("a leaf depth of " + d);
        return new FlatForest(p.depth(), p.feature().clone(), p.slope().clone(), p.bias().clone(), p.leaf().clone(), p.trees(), p.psi());
    }

    public int trees() { return trees; }

    public int sampleSize() { return psi; }

    /** True when block scoring uses the ranked integer walk (tests make sure the exact comparison covers it). */
    boolean usesRanks() {
        return ranked != null;
    }

    /** c(n) as Smile computes it: the average path length of an unsuccessful BST search. */
    public static double factor(int n) {
        return 2.0 * ((Math.log(n - 1) + EULER) - (n - 1.0) / n);
    }

    /** The forest {@link FlatTrees} grew, normalised by c(ψ): its arrays are taken as they are, not copied or checked. */
    static FlatForest grown(Parts p) {
        return new FlatForest(p.depth(), p.feature(), p.slope(), p.bias(), p.leaf(), p.trees(), p.psi());
    }

    /**
     * Scores rows {@code [from, to)} into {@code out}: through the ranked integer walk when the forest has
     * one (always, below 256 features), else row by row with the multiplying walk. Both add each row's path
     * lengths in tree order, so the sums are Smile's exactly.
     */
    public void score(double[][] columns, int from, int to, double[] out) {
        int m = to - from;
        if (ranked != null) {
            double[] length = new double[m];
            ranked.pathLengths(columns, from, m, length);
            for (int i = 0; i < m; i++) out[from + i] = Math.pow(2.0, -(length[i] / trees) / normaliser);
            return;
        }
        double[] x = new double[columns.length];
        for (int i = from; i < to; i++) {
            for (int f = 0; f < x.length; f++) x[f] = columns[f][i];
            out[i] = score(x);
        }
    }

    /**
     * 1 when {@code v < bound}, else 0, without a branch: for finite v and a finite or +∞ bound,
     * {@code v − bound} is negative exactly when {@code v < bound} (distinct doubles never subtract to
     * zero; the one signed zero it can produce, −0.0 − 0.0, is made +0.0), and the sign bit says so.
     */
    static int below(double v, double bound) {
        return (int) (Double.doubleToRawLongBits((v - bound) + 0.0) >>> 63);
    }

    /** The score of a row given as an array (what-if copies of a row, for explanations). */
    public double score(double[] x) {
        double length = 0.0;
        for (int t = 0; t < trees; t++) {
            int base = t * internal;
            int i = 0;
            for (int level = 0; level < depth; level++) {
                int n = base + i;
                i = 2 * i + 2 - below(x[feature[n]] * slope[n], bias[n]);
            }
            length += leaf[t * (internal + 1) + i - internal];
        }
        return Math.pow(2.0, -(length / trees) / normaliser);
    }

    /**
     * What-if scores for explanations, for rows {@code [from, to)} of a column-wise matrix: each row's score at
     * [0] and, at [f + 1], its score with feature f set to {@code typical[f]}. Equal to scoring each copy with
     * {@link #score(double[])}, bit for bit, at a fraction of the cost: a tree's path with f changed is its path
     * up to the first node that splits on f, so only the walk from there is redone, and a tree that never asks
     * for f keeps its leaf. The block goes tree by tree, so one tree's nodes stay in cache while every row
     * walks it; the path lengths are still added in tree order, as every other walk does.
     *
     * @return per row of the block, the score at [0] and with feature f typical at [f + 1]
     */
    public double[][] whatIf(double[][] columns, int from, int to, double[] typical) {
        int features = columns.length, m = to - from;
        double[][] length = new double[m][features + 1];
        int[] path = new int[depth + 1]; // the node at each level, relative to the tree; [depth] the leaf
        int[] first = new int[features];
        for (int t = 0; t < trees; t++) {
            int base = t * internal, leaves = t * (internal + 1) - internal;
            for (int r = 0; r < m; r++) {
                int row = from + r;
                java.util.Arrays.fill(first, -1);
                int i = 0;
                for (int level = 0; level < depth; level++) {
                    int n = base + i, f = feature[n];
                    path[level] = i;
                    if (f < features && first[f] < 0) first[f] = level;
                    i = 2 * i + 2 - below(columns[f][row] * slope[n], bias[n]);
                }
                path[depth] = i;
                double at = leaf[leaves + i];
                double[] len = length[r];
                len[0] += at;
                for (int f = 0; f < features; f++) {
                    if (columns[f][row] == typical[f] || first[f] < 0) {
                        len[f + 1] += at;
                        continue;
                    }
                    len[f + 1] += leaf[leaves + changedLeaf(columns, row, f, typical[f], base, first[f], path)];
                }
            }
        }
        for (double[] len : length) for (int f = 0; f <= features; f++) len[f] = Math.pow(2.0, -(len[f] / trees) / normaliser);
        return length;
    }

    /**
     * The leaf a row reaches with feature f set to {@code value}. Along the row's own path only the nodes that split
     * on f can turn it (the others see the values they saw), so the walk follows the known path and checks those;
     * only from the first node that turns does it read the row's other values again. With deep trees (a host forest's
     * ψ of 2,048) most changed walks never turn, and this is a look-up instead of a walk.
     */
    private int changedLeaf(double[][] columns, int row, int f, double value, int base, int from, int[] path) {
        for (int level = from; level < depth; level++) {
            int k = path[level], n = base + k;
            if (feature[n] != f) continue;
            int turned = 2 * k + 2 - below(value * slope[n], bias[n]);
            if (turned == path[level + 1]) continue;
            k = turned;
            for (int l = level + 1; l < depth; l++) {
                int m = base + k, g = feature[m];
                k = 2 * k + 2 - below((g == f ? value : columns[g][row]) * slope[m], bias[m]);
            }
            return k;
        }
        return path[depth];
    }
}
