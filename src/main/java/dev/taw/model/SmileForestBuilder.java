// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Matrix;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * Fits an Isolation Forest the way Liu, Ting and Zhou (2008) describe it, from Smile's public
 * {@link IsolationTree} constructor. Smile 3.1.1's own {@code IsolationForest.fit} has three defects
 * (pinned by {@code SmileDefectsTest}): it gives every tree all n rows instead of ψ, it normalises path
 * lengths by c(n) instead of c(ψ), and it is not reproducible because its RNG is thread-local and its
 * Gaussian generator is a shared singleton with a cached value.
 *
 * <p>Here each tree k gets ψ rows drawn without replacement by a {@link SplittableRandom} seeded from
 * the run's seed, Smile's thread-local RNG is set to {@code seed * 31 + k}, and the Gaussian cache is
 * cleared, all on one thread. Trees are therefore built sequentially: with ψ = 256 a tree takes well
 * under a millisecond, and scoring, which dominates, runs on every core.
 */
public final class SmileForestBuilder {

    /** @return the forest, normalised by c(ψ) */
    public IsolationForest fit(Matrix x, ForestSettings s, ProgressListener progress, CancelToken cancel) {
        int n = x.rows();
        if (n < 2) throw new IllegalArgumentException("an Isolation Forest needs at least 2 rows, got " + n);
        if (x.width() == 0) throw new IllegalArgumentException("no feature left to fit on (all switched off or constant)");
        if (s.extensionLevel() > x.width() - 1) {
            throw new IllegalArgumentException("extension level must be at most " + (x.width() - 1) + " with " + x.width() + " features");
        }
        int psi = Math.min(s.sampleSize(), n);
        int maxDepth = (int) Math.ceil(Math.log(psi) / Math.log(2));
        IsolationTree[] trees = new IsolationTree[s.trees()];
        SplittableRandom sampler = new SplittableRandom(s.seed());
        int[] index = new int[n];
        for (int i = 0; i < n; i++) index[i] = i;
        synchronized (SmileForestBuilder.class) { // Smile's Gaussian singleton is process-wide
            resetGaussianCache();
            for (int k = 0; k < trees.length; k++) {
                if ((k & 7) == 0) {
                    cancel.throwIfCancelled();
                    progress.onProgress("Fitting trees", k, trees.length);
                }
                List<double[]> sample = new ArrayList<>(psi);
                // partial Fisher–Yates: the first psi slots become a uniform sample without replacement
                for (int j = 0; j < psi; j++) {
                    int r = j + sampler.nextInt(n - j);
                    int tmp = index[j];
                    index[j] = index[r];
                    index[r] = tmp;
                    sample.add(x.row(index[j]));
                }
                MathEx.setSeed(s.seed() * 31 + k);
                trees[k] = new IsolationTree(sample, maxDepth, s.extensionLevel());
            }
            resetGaussianCache();
        }
        progress.onProgress("Fitting trees", trees.length, trees.length);
        return new IsolationForest(psi, s.extensionLevel(), trees);
    }

    /** Clears the Box–Muller value Smile caches in its shared {@code GaussianDistribution}. */
    static void resetGaussianCache() {
        try {
            Field z1 = GaussianDistribution.class.getDeclaredField("z1");
            z1.setAccessible(true);
            z1.setDouble(GaussianDistribution.getInstance(), Double.NaN);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Smile's GaussianDistribution changed; reproducible fitting needs review", e);
        }
    }
}
