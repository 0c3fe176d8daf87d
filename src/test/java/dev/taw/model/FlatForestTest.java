// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.features.FeatureMatrix;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;

class FlatForestTest {

    @Test
    void flatScoresAreExactlySmilesScoresForEveryRow() {
        FeatureMatrix x = Matrices.gaussian(20_000, 6, 7);
        TrainedForest forest = TrainedForest.fit(x.matrix(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        IsolationForest smile = smileTrees(x, ForestSettings.defaults());
        assertTrue(forest.flat().usesRanks(), "the ranked walk is what is compared");
        double[] flat = forest.scoreAll(x.matrix(), ProgressListener.NONE, CancelToken.NEVER);
        for (int i = 0; i < x.rows(); i++) {
            // bit-for-bit, not within a tolerance: same splits, same summation order
            assertEquals(Double.doubleToLongBits(smile.score(x.row(i))), Double.doubleToLongBits(flat[i]), "row " + i);
        }
    }

    @Test
    void flatScoresMatchOnDataWithTiesAndConstantStretches() {
        double[][] c = new double[4][5000];
        for (int i = 0; i < 5000; i++) {
            c[0][i] = i % 3;
            c[1][i] = i < 2500 ? 1.0 : i;
            c[2][i] = -0.0;
            c[3][i] = i % 2 == 0 ? 0.0 : -0.0; // signed zeros meet zero intercepts
        }
        c[2][17] = 5;
        FeatureMatrix x = Matrices.of(c);
        TrainedForest forest = TrainedForest.fit(x.matrix(), ForestSettings.defaults().withSeed(3), ProgressListener.NONE, CancelToken.NEVER);
        IsolationForest smile = smileTrees(x, ForestSettings.defaults().withSeed(3));
        assertTrue(forest.flat().usesRanks());
        double[] flat = forest.scoreAll(x.matrix(), ProgressListener.NONE, CancelToken.NEVER);
        for (int i = 0; i < x.rows(); i++) assertEquals(smile.score(x.row(i)), flat[i], 0.0, "row " + i);
    }

    @Test
    void extendedForestsAreScoredBySmileItself() {
        FeatureMatrix x = Matrices.gaussian(2000, 4, 1);
        ForestSettings s = new ForestSettings(50, 0.05, 1, 256, 2);
        TrainedForest forest = TrainedForest.fit(x.matrix(), s, ProgressListener.NONE, CancelToken.NEVER);
        assertNull(SmileTrees.flatten(forest.smile(), 256), "multi-feature slopes cannot be flattened");
        assertNull(forest.flat());
        double[] scores = forest.scoreAll(x.matrix(), ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(forest.smile().score(x.row(10)), scores[10], 0.0);
        assertNotNull(TrainedForest.fit(x.matrix(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER).flat());
    }

    @Test
    void normalisesByTheSampleSizeAsInThePaper() {
        FeatureMatrix x = Matrices.gaussian(10_000, 3, 2);
        TrainedForest forest = TrainedForest.fit(x.matrix(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        IsolationForest smile = smileTrees(x, ForestSettings.defaults());
        double[] row = x.row(5);
        double mean = 0;
        for (var t : smile.trees()) mean += t.path(row);
        mean /= forest.trees();
        assertEquals(Math.pow(2, -mean / FlatForest.factor(256)), forest.score(row), 1e-15);
        assertArrayEquals(new double[] {forest.score(row)}, new double[] {smile.score(row)}, 0.0);
    }

    @Test
    void whatIfScoresAreTheScoresOfEachCopyToTheBit() {
        for (int extension : new int[] {0, 2}) { // the flat walk, and Smile's own for an extended forest
            FeatureMatrix x = Matrices.gaussian(3000, 6, 3);
            TrainedForest forest = TrainedForest.fit(x.matrix(), new ForestSettings(100, 0.05, 4, 256, extension), ProgressListener.NONE, CancelToken.NEVER);
            double[] typical = x.row(0).clone();
            typical[2] = x.row(7)[2];
            for (int r = 1; r < 400; r++) {
                double[] row = x.row(r);
                if (r % 5 == 0) row[3] = typical[3]; // a feature already typical: its copy is the row itself
                double[] w = forest.whatIf(row, typical);
                assertEquals(forest.score(row), w[0], 0.0, "row " + r);
                for (int f = 0; f < row.length; f++) {
                    double[] copy = row.clone();
                    copy[f] = typical[f];
                    assertEquals(forest.score(copy), w[f + 1], 0.0, "row " + r + " feature " + f + " extension " + extension);
                }
            }
        }
    }

    /** The same forest as Smile's own trees, which Smile scores: what the flat forest {@link TrainedForest#fit} grows must match. */
    private static IsolationForest smileTrees(FeatureMatrix x, ForestSettings s) {
        return new SmileForestBuilder().fit(x.matrix(), s, ProgressListener.NONE, CancelToken.NEVER);
    }
}
