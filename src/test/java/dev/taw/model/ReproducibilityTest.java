// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import dev.taw.features.FeatureMatrix;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {
    private final FeatureMatrix x = Matrices.gaussian(50_000, 5, 11);

    private double[] run(ForestSettings s) {
        TrainedForest f = TrainedForest.fit(x.matrix(), s, ProgressListener.NONE, CancelToken.NEVER);
        return f.scoreAll(x.matrix(), ProgressListener.NONE, CancelToken.NEVER);
    }

    @Test
    void sameSeedGivesIdenticalScoresWhateverTheThreadCount() throws Exception {
        double[] first = run(ForestSettings.defaults());
        double[] again = run(ForestSettings.defaults());
        assertArrayEquals(first, again, 0.0);
        for (int threads : new int[] {1, 3, 8}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                double[] inPool = pool.submit(() -> run(ForestSettings.defaults())).get();
                assertArrayEquals(first, inPool, 0.0, threads + " threads");
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void twoFitsRunningAtOnceBothReproduce() throws Exception {
        // e.g. a CLI batch and a window run in one JVM: they share Smile's Gaussian singleton
        double[] reference = run(ForestSettings.defaults());
        double[][] results = new double[2][];
        Thread a = new Thread(() -> results[0] = run(ForestSettings.defaults()));
        Thread b = new Thread(() -> results[1] = run(ForestSettings.defaults()));
        a.start();
        b.start();
        a.join();
        b.join();
        assertArrayEquals(reference, results[0], 0.0);
        assertArrayEquals(reference, results[1], 0.0);
    }

    @Test
    void twoDifferentForestsFittedAtOnceEachReproduce() throws Exception {
        // a Run: the row forest (ψ 256) and the host forest (ψ 2,048) are fitted at the same time, sharing Smile's
        // Gaussian singleton; each must come out as if fitted alone
        ForestSettings small = ForestSettings.defaults(), large = ForestSettings.defaults().withSeed(7).withSampleSize(2048);
        double[] smallAlone = run(small), largeAlone = run(large);
        for (int round = 0; round < 3; round++) {
            double[][] results = new double[2][];
            Thread a = new Thread(() -> results[0] = run(small));
            Thread b = new Thread(() -> results[1] = run(large));
            a.start();
            b.start();
            a.join();
            b.join();
            assertArrayEquals(smallAlone, results[0], 0.0, "round " + round);
            assertArrayEquals(largeAlone, results[1], 0.0, "round " + round);
        }
    }

    @Test
    void aDifferentSeedGivesDifferentTrees() {
        assertFalse(Arrays.equals(run(ForestSettings.defaults()), run(ForestSettings.defaults().withSeed(43))));
    }
}
