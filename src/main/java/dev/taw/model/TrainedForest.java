// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.table.Matrix;
import java.util.concurrent.atomic.AtomicLong;
import smile.anomaly.IsolationForest;

/**
 * A fitted forest ready to score. Scores rows on every core in fixed chunks; each row's score depends on
 * that row and the trees alone, so the result is the same whatever the thread count.
 */
public final class TrainedForest {
    private static final int CHUNK = 16_384;
    /** Rows walked through one tree at a time: their feature values stay in cache across trees. */
    private static final int BLOCK = 1024;

    private final IsolationForest smile;
    private final FlatForest flat;
    private final int sampleSize;

    /**
     * Smile's own trees, which Smile scores: a forest that cannot be flat (an extension level above 0, ψ above 4,096);
     * every other forest is grown flat ({@link #fit}).
     */
    public TrainedForest(IsolationForest smile, int sampleSize) {
        this.smile = smile;
        this.sampleSize = sampleSize;
        this.flat = null;
    }

    /** A forest loaded from a saved model: the flat copy alone scores exactly as the Smile trees it came from. */
    public TrainedForest(FlatForest flat) {
        this.smile = null;
        this.flat = flat;
        this.sampleSize = flat.sampleSize();
    }

    /** The flat copy, or null when the trees cannot be flattened (extension level above 0, or ψ above 4096). */
    public FlatForest flat() { return flat; }

    /**
     * Fits with {@link SmileForestBuilder}: straight into the flat arrays when the forest can be flat (extension level
     * 0, ψ up to 4,096: the same trees to the bit), else as Smile's own trees.
     */
    public static TrainedForest fit(Matrix x, ForestSettings s, ProgressListener progress, CancelToken cancel) {
        SmileForestBuilder builder = new SmileForestBuilder();
        FlatForest flat = builder.fitFlat(x, s, progress, cancel);
        if (flat != null) return new TrainedForest(flat);
        return new TrainedForest(builder.fit(x, s, progress, cancel), Math.min(s.sampleSize(), x.rows()));
    }

    /** Smile's own trees: only for a forest that cannot be flat; null for one grown flat or loaded from a model. */
    public IsolationForest smile() { return smile; }

    public int sampleSize() { return sampleSize; }

    public int trees() { return flat != null ? flat.trees() : smile.size(); }

    /**
     * The score of {@code x} at [0] and at [f + 1] its score with feature f at {@code typical[f]}: the same
     * numbers as {@link #score} of each copy, to the bit.
     */
    public double[] whatIf(double[] x, double[] typical) {
        double[][] one = new double[x.length][];
        for (int f = 0; f < x.length; f++) one[f] = new double[] {x[f]};
        return whatIf(one, 0, 1, typical)[0];
    }

    /** {@link #whatIf} for rows {@code [from, to)} of a column-wise matrix: per row, the score and each feature's what-if score. */
    public double[][] whatIf(double[][] columns, int from, int to, double[] typical) {
        if (flat != null) return flat.whatIf(columns, from, to, typical);
        double[][] out = new double[to - from][];
        for (int r = from; r < to; r++) {
            double[] y = new double[columns.length];
            for (int f = 0; f < y.length; f++) y[f] = columns[f][r];
            double[] w = out[r - from] = new double[y.length + 1];
            w[0] = smile.score(y);
            for (int f = 0; f < y.length; f++) {
                double keep = y[f];
                y[f] = typical[f];
                w[f + 1] = smile.score(y);
                y[f] = keep;
            }
        }
        return out;
    }

    /** Score of one row, for what-if explanations. */
    public double score(double[] x) {
        return flat != null ? flat.score(x) : smile.score(x);
    }

    public double[] scoreAll(Matrix x, ProgressListener progress, CancelToken cancel) {
        int n = x.rows();
        double[] out = new double[n];
        double[][] cols = x.columns();
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        Workers.shareOut(chunks, c -> {
            cancel.throwIfCancelled();
            int from = c * CHUNK, to = Math.min(n, from + CHUNK);
            if (flat != null) {
                for (int b = from; b < to; b += BLOCK) flat.score(cols, b, Math.min(to, b + BLOCK), out);
            } else {
                for (int i = from; i < to; i++) out[i] = smile.score(x.row(i));
            }
            progress.onProgress("Scoring", done.addAndGet(to - from), n);
        });
        cancel.throwIfCancelled();
        return out;
    }
}
