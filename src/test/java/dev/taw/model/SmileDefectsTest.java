// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.features.FeatureMatrix;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * Pins the Smile 3.1.1 behaviour that {@link SmileForestBuilder} works around. If an upgrade fixes one of
 * these, this test fails: re-check the workaround and the README, then update the test.
 */
class SmileDefectsTest {
    private final FeatureMatrix x = Matrices.gaussian(1000, 3, 5);

    private double[][] rows() {
        double[][] r = new double[x.rows()][];
        for (int i = 0; i < r.length; i++) r[i] = x.row(i);
        return r;
    }

    @Test
    void libraryFitIgnoresTheSubsampleAndGivesEveryTreeAllRows() throws Exception {
        // subsample 1 % → 10 rows per tree; with an unlimited depth a tree then has at most 10 leaves
        IsolationForest f = IsolationForest.fit(rows(), 3, 64, 0.01, 0);
        for (IsolationTree t : f.trees()) {
            int leaves = leaves(field(t, "root"));
            assertTrue(leaves > 900, "a tree isolating all 1000 rows has ~1000 leaves, this one " + leaves);
        }
    }

    @Test
    void libraryFitNormalisesByTheFullRowCountNotTheSampleSize() {
        IsolationForest f = IsolationForest.fit(rows(), 20, 8, 0.256, 0);
        double[] row = x.row(3);
        double mean = 0;
        for (IsolationTree t : f.trees()) mean += t.path(row);
        mean /= f.size();
        assertEquals(Math.pow(2, -mean / FlatForest.factor(1000)), f.score(row), 1e-12, "c(n) with n = 1000");
        assertNotEquals(Math.pow(2, -mean / FlatForest.factor(256)), f.score(row), 1e-6);
    }

    @Test
    void smileSeedsAreThreadLocalAndItsGaussianCacheIsShared() throws Exception {
        MathEx.setSeed(7);
        double here = MathEx.random();
        AtomicReference<Double> seededThere = new AtomicReference<>();
        AtomicReference<Double> unseededThere = new AtomicReference<>();
        Thread t1 = new Thread(() -> {
            MathEx.setSeed(7);
            seededThere.set(MathEx.random());
        });
        Thread t2 = new Thread(() -> unseededThere.set(MathEx.random()));
        t1.start();
        t1.join();
        t2.start();
        t2.join();
        assertEquals(here, seededThere.get(), 0.0, "setSeed seeds the calling thread");
        assertNotEquals(here, unseededThere.get(), "…and only the calling thread");

        GaussianDistribution g = GaussianDistribution.getInstance();
        assertSame(g, GaussianDistribution.getInstance(), "one process-wide instance");
        SmileForestBuilder.resetGaussianCache();
        g.rand();
        Field z1 = GaussianDistribution.class.getDeclaredField("z1");
        z1.setAccessible(true);
        assertFalse(Double.isNaN(z1.getDouble(g)), "a Box–Muller value is cached for the next caller, whichever thread");
        SmileForestBuilder.resetGaussianCache();
    }

    private static Object field(Object o, String name) throws Exception {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static int leaves(Object node) throws Exception {
        Object l = field(node, "left");
        Object r = field(node, "right");
        if (l == null && r == null) return 1;
        return leaves(l) + leaves(r);
    }
}
