// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

/**
 * The tests' reading of Smile's own isolation trees into the flat arrays {@link FlatForest} walks: what {@link FlatTrees}
 * must grow, bit for bit, and the forest Smile's own scores are compared with. It was the product's way to flat trees
 * until they were grown flat; kept apart from {@link FlatTrees}, it checks that one rather than repeating it. Smile
 * keeps a tree's nodes in package-private fields, so they are read by reflection; a change of that layout fails here,
 * loudly.
 */
final class SmileTrees {
    private SmileTrees() { }

    /**
     * @param psi the sample size the forest was built with (Smile's {@code n} constructor argument)
     * @return the trees as complete binary trees of one depth, laid end to end; null when the forest cannot be
     *         flattened: a node with more than one non-zero slope (extension level &gt; 0) or a tree deeper than
     *         {@link FlatForest#MAX_DEPTH}
     */
    static FlatForest flatten(IsolationForest forest, int psi) {
        int maxDepth = FlatForest.MAX_DEPTH;
        try {
            IsolationTree[] ts = forest.trees();
            Object[] roots = new Object[ts.length];
            int depth = 0;
            for (int t = 0; t < ts.length; t++) {
                roots[t] = read(IsolationTree.class, "root", ts[t]);
                depth = Math.max(depth, depthOf(roots[t]));
                if (depth > maxDepth) return null;
            }
            int internal = (1 << depth) - 1;
            int leaves = 1 << depth;
            int[] feature = new int[ts.length * internal];
            double[] slope = new double[ts.length * internal];
            double[] bias = new double[ts.length * internal];
            double[] leaf = new double[ts.length * leaves];
            for (int t = 0; t < ts.length; t++) {
                if (!fill(roots[t], 0, 0, depth, t * internal, t * leaves, feature, slope, bias, leaf)) return null;
            }
            return FlatForest.grown(new FlatForest.Parts(depth, ts.length, psi, feature, slope, bias, leaf));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Smile's IsolationTree layout changed; SmileTrees needs review", e);
        }
    }

    /** Places {@code node} at complete-tree index {@code i} (level {@code level}), padding leaves down. */
    private static boolean fill(Object node, int i, int level, int depth, int base, int leafBase,
                                int[] feature, double[] slope, double[] bias, double[] leaf) throws ReflectiveOperationException {
        Object l = read(node.getClass(), "left", node);
        Object r = read(node.getClass(), "right", node);
        if (level == depth) { // must be a leaf: depth is the deepest level of any tree
            leaf[leafBase + i - ((1 << depth) - 1)] = read(node.getClass(), "depth", node, true);
            return true;
        }
        if (l == null && r == null) { // early leaf: always-left padding down to the last level
            feature[base + i] = 0;
            slope[base + i] = 0.0;
            bias[base + i] = Double.POSITIVE_INFINITY;
            return fill(node, 2 * i + 1, level + 1, depth, base, leafBase, feature, slope, bias, leaf);
        }
        double[] s = (double[]) read(node.getClass(), "slope", node);
        int j = -1;
        for (int k = 0; k < s.length; k++) {
            if (s[k] != 0.0) {
                if (j >= 0) return false;
                j = k;
            }
        }
        if (j < 0) return false;
        feature[base + i] = j;
        slope[base + i] = s[j];
        bias[base + i] = read(node.getClass(), "bias", node, true);
        return fill(l, 2 * i + 1, level + 1, depth, base, leafBase, feature, slope, bias, leaf)
                && fill(r, 2 * i + 2, level + 1, depth, base, leafBase, feature, slope, bias, leaf);
    }

    private static int depthOf(Object node) throws ReflectiveOperationException {
        Object l = read(node.getClass(), "left", node);
        Object r = read(node.getClass(), "right", node);
        if (l == null && r == null) return 0;
        return 1 + Math.max(depthOf(l), depthOf(r));
    }

    private static Object read(Class<?> c, String name, Object o) throws ReflectiveOperationException {
        return field(c, name).get(o);
    }

    private static double read(Class<?> c, String name, Object o, boolean asDouble) throws ReflectiveOperationException {
        return field(c, name).getDouble(o);
    }

    /**
     * Smile's node fields, looked up once per class: a host forest has hundreds of thousands of node slots, and
     * looking a field up copies it each time, which cost more than the flattening itself.
     */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> c) {
            Map<String, Field> m = new HashMap<>();
            for (Field f : c.getDeclaredFields()) {
                try {
                    f.setAccessible(true);
                    m.put(f.getName(), f);
                } catch (RuntimeException e) { // not open to us: left out, and asking for it fails below
                }
            }
            return m;
        }
    };

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = FIELDS.get(c).get(name);
        if (f == null) throw new NoSuchFieldException(c.getName() + "." + name);
        return f;
    }
}
