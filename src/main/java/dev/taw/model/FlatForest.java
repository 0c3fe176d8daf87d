// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

/**
 * The fitted Smile trees copied into flat arrays, so that scoring a row is a few array reads per level
 * instead of a dot product over every feature through linked node objects. It computes exactly Smile's
 * arithmetic: with extension level 0 each node's slope has one non-zero entry s at feature j, and
 * Smile's test {@code dot(x, slope) < bias} equals {@code x[j] * s < bias} bit for bit (the other terms
 * add ±0.0). Path lengths are summed in tree order and normalised as Smile does, so the scores are
 * identical ({@code FlatForestTest} compares every row).
 */
public final class FlatForest {
    private static final double EULER = 0.5772156649; // the constant Smile uses, to the digit

    private final int[] roots;
    private final int[] feature;   // -1 at a leaf
    private final double[] slope;
    private final double[] bias;   // at a leaf: the adjusted depth
    private final int[] left;
    private final int[] right;
    private final double normaliser;
    private final int trees;

    private FlatForest(int[] roots, int[] feature, double[] slope, double[] bias, int[] left, int[] right, double normaliser) {
        this.roots = roots;
        this.feature = feature;
        this.slope = slope;
        this.bias = bias;
        this.left = left;
        this.right = right;
        this.normaliser = normaliser;
        this.trees = roots.length;
    }

    /** c(n) as Smile computes it: the average path length of an unsuccessful BST search. */
    public static double factor(int n) {
        return 2.0 * ((Math.log(n - 1) + EULER) - (n - 1.0) / n);
    }

    /**
     * @param psi the sample size the forest was built with (Smile's {@code n} constructor argument)
     * @return the flat copy, or null when a node has more than one non-zero slope (extension level &gt; 0)
     */
    public static FlatForest of(IsolationForest forest, int psi) {
        Builder b = new Builder();
        int[] roots = new int[forest.size()];
        try {
            IsolationTree[] ts = forest.trees();
            for (int t = 0; t < ts.length; t++) {
                Object root = field(IsolationTree.class, "root").get(ts[t]);
                roots[t] = b.add(root);
                if (roots[t] < 0) return null;
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Smile's IsolationTree layout changed; FlatForest needs review", e);
        }
        return new FlatForest(roots, b.feature(), b.slope(), b.bias(), b.left(), b.right(), factor(psi));
    }

    /** The anomaly score in [0, 1] of one row given feature-major columns. */
    public double score(double[][] columns, int row) {
        double length = 0.0;
        for (int t = 0; t < trees; t++) {
            int node = roots[t];
            int f;
            while ((f = feature[node]) >= 0) {
                node = columns[f][row] * slope[node] < bias[node] ? left[node] : right[node];
            }
            length += bias[node];
        }
        length /= trees;
        return Math.pow(2.0, -length / normaliser);
    }

    /** The same for a row given as an array (used to score what-if copies of a row). */
    public double score(double[] x) {
        double length = 0.0;
        for (int t = 0; t < trees; t++) {
            int node = roots[t];
            int f;
            while ((f = feature[node]) >= 0) {
                node = x[f] * slope[node] < bias[node] ? left[node] : right[node];
            }
            length += bias[node];
        }
        length /= trees;
        return Math.pow(2.0, -length / normaliser);
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static final class Builder {
        private final List<int[]> ints = new ArrayList<>();      // feature, left, right
        private final List<double[]> doubles = new ArrayList<>(); // slope, bias

        /** Appends the subtree depth-first; returns its index or -1 if it cannot be flattened. */
        int add(Object node) throws ReflectiveOperationException {
            Class<?> c = node.getClass();
            Object l = field(c, "left").get(node);
            Object r = field(c, "right").get(node);
            int me = ints.size();
            if (l == null && r == null) {
                ints.add(new int[] {-1, -1, -1});
                doubles.add(new double[] {0.0, field(c, "depth").getDouble(node)});
                return me;
            }
            double[] s = (double[]) field(c, "slope").get(node);
            int j = -1;
            for (int i = 0; i < s.length; i++) {
                if (s[i] != 0.0) {
                    if (j >= 0) return -1;
                    j = i;
                }
            }
            if (j < 0) return -1;
            ints.add(new int[] {j, 0, 0});
            doubles.add(new double[] {s[j], field(c, "bias").getDouble(node)});
            int li = add(l);
            if (li < 0) return -1;
            int ri = add(r);
            if (ri < 0) return -1;
            ints.get(me)[1] = li;
            ints.get(me)[2] = ri;
            return me;
        }

        int[] feature() { return ints.stream().mapToInt(a -> a[0]).toArray(); }
        int[] left() { return ints.stream().mapToInt(a -> a[1]).toArray(); }
        int[] right() { return ints.stream().mapToInt(a -> a[2]).toArray(); }
        double[] slope() { return doubles.stream().mapToDouble(a -> a[0]).toArray(); }
        double[] bias() { return doubles.stream().mapToDouble(a -> a[1]).toArray(); }
    }
}
