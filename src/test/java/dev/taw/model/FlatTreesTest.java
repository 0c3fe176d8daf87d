// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trees grown straight into flat arrays are Smile's trees read back, node for node and bit for bit: every split's
 * feature, slope and bias, every leaf's depth, and the depth they are laid out to, on data of every awkward kind.
 */
class FlatTreesTest {

    @Test
    void growsSmilesTreesOnGaussianData() {
        for (long seed = 1; seed <= 6; seed++) {
            Matrix x = Matrices.gaussian(3000 + (int) seed * 500, 2 + (int) seed, seed).matrix();
            assertSameTrees(x, ForestSettings.defaults().withSeed(seed * 7));
        }
    }

    @Test
    void growsSmilesTreesAtEverySampleSizeAndTreeCount() {
        Matrix x = Matrices.gaussian(5000, 8, 9).matrix();
        for (int psi : new int[] {2, 3, 16, 255, 256, 1000, 2048, 4096}) {
            assertSameTrees(x, ForestSettings.defaults().withSampleSize(psi).withTrees(psi > 1000 ? 30 : 100).withSeed(psi));
        }
        Matrix few = Matrices.gaussian(5, 3, 2).matrix(); // ψ above the row count: every row, in the sampler's order
        assertSameTrees(few, ForestSettings.defaults());
    }

    @Test
    void growsSmilesTreesOnTiesConstantsSignedZerosAndHugeValues() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 4000;
        double[][] c = new double[6][n];
        for (int i = 0; i < n; i++) {
            c[0][i] = i % 3;                                          // three values, many ties
            c[1][i] = i < 2000 ? 1.0 : i;                             // a constant stretch
            c[2][i] = 7.5;                                            // one value throughout
            c[3][i] = i % 2 == 0 ? 0.0 : -0.0;                        // signed zeros meet zero intercepts
            c[4][i] = random.nextInt(10) == 0 ? 1e300 * (random.nextBoolean() ? 1 : -1) : random.nextDouble(); // products overflow
            c[5][i] = random.nextInt(50) == 0 ? Double.MIN_VALUE : -random.nextDouble() * 1e-300;          // and underflow
        }
        assertSameTreesForSeeds(new Matrix(c, n), 5);
    }

    @Test
    void growsSmilesTreesAtTheEdgesOfTheDoubles() {
        SplittableRandom random = new SplittableRandom(6);
        int n = 3000;
        double[][] c = new double[3][n];
        for (int i = 0; i < n; i++) {
            double edge = random.nextBoolean() ? 0x1.fffffffffffffp1021 : -0x1.fffffffffffffp1021; // just tame: products overflow
            c[0][i] = random.nextInt(20) == 0 ? edge : random.nextGaussian();
            c[1][i] = random.nextInt(400) == 0 ? Double.MAX_VALUE * (random.nextBoolean() ? 1 : -1) : random.nextGaussian(); // ranges overflow
            c[2][i] = random.nextInt(3) == 0 ? 0.0 : random.nextInt(2) == 0 ? -0.0 : random.nextGaussian() * 1e-320;    // subnormals
        }
        assertSameTreesForSeeds(new Matrix(c, n), 6);
        assertSameTreesForSeeds(new Matrix(new double[][] {c[0], c[2]}, n), 6); // every tree tame
    }

    @Test
    void growsSmilesTreesWhereRowsAreNotFinite() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 3000;
        double[][] c = new double[4][n];
        for (int f = 0; f < 4; f++) {
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(200);
                c[f][i] = k == 0 ? Double.NaN : k == 1 ? Double.POSITIVE_INFINITY : k == 2 ? Double.NEGATIVE_INFINITY : random.nextGaussian();
            }
        }
        assertSameTreesForSeeds(new Matrix(c, n), 5);
    }

    @Test
    void leavesExtendedForestsAndDeepTreesToSmile() {
        Matrix x = Matrices.gaussian(10_000, 4, 1).matrix();
        SmileForestBuilder builder = new SmileForestBuilder();
        assertNull(builder.fitFlat(x, ForestSettings.defaults().withExtensionLevel(2), ProgressListener.NONE, CancelToken.NEVER));
        assertNull(builder.fitFlat(x, ForestSettings.defaults().withSampleSize(8192).withTrees(10), ProgressListener.NONE, CancelToken.NEVER));
        TrainedForest extended = TrainedForest.fit(x, ForestSettings.defaults().withExtensionLevel(2), ProgressListener.NONE, CancelToken.NEVER);
        assertNull(extended.flat(), "Smile scores an extended forest");
        assertNotNull(extended.smile());
    }

    private static void assertSameTreesForSeeds(Matrix x, int seeds) {
        for (long seed = 1; seed <= seeds; seed++) assertSameTrees(x, ForestSettings.defaults().withSeed(seed));
    }

    /** The flat forest {@link TrainedForest#fit} grows equals Smile's trees for the same settings, read back. */
    private static void assertSameTrees(Matrix x, ForestSettings s) {
        TrainedForest grown = TrainedForest.fit(x, s, ProgressListener.NONE, CancelToken.NEVER);
        FlatForest fromSmile = SmileTrees.flatten(new SmileForestBuilder().fit(x, s, ProgressListener.NONE, CancelToken.NEVER), Math.min(s.sampleSize(), x.rows()));
        assertNotNull(grown.flat(), "grown flat");
        assertNotNull(fromSmile, "Smile's trees flatten");
        FlatForest.Parts a = fromSmile.parts(), b = grown.flat().parts();
        String what = "seed " + s.seed() + ", ψ " + s.sampleSize();
        assertEquals(a.depth(), b.depth(), what + ": depth");
        assertEquals(a.trees(), b.trees(), what + ": trees");
        assertEquals(a.psi(), b.psi(), what + ": ψ");
        assertArrayEquals(a.feature(), b.feature(), what + ": features");
        assertArrayEquals(bits(a.slope()), bits(b.slope()), what + ": slopes");
        assertArrayEquals(bits(a.bias()), bits(b.bias()), what + ": biases");
        assertArrayEquals(bits(a.leaf()), bits(b.leaf()), what + ": leaves");
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.doubleToRawLongBits(v[i]);
        return out;
    }
}
