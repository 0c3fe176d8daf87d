// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.model.TrainedForest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Explanation by what-if, for rows and hosts alike: set one feature at a time to its typical (median) value,
 * rescore, and see how far the score falls. The biggest drops are the reasons.
 */
final class WhatIf {
    /** Drops smaller than this are noise from the forest's randomness, not a reason. */
    static final double MIN_DROP = 0.005;
    static final int MAX_REASONS = 3;

    /** @param feature index into the feature list; @param drop the score minus the score with that feature typical */
    record Drop(int feature, double drop) { }

    private WhatIf() { }

    /** The reasons of {@code x}: at most {@link #MAX_REASONS}, biggest drop first, ties in feature order. */
    static List<Drop> reasons(TrainedForest forest, double[] x, double[] typical) {
        return reasons(forest.whatIf(x, typical));
    }

    /** From a row's what-if scores ([0] the row's own, [f + 1] with feature f typical). */
    private static List<Drop> reasons(double[] whatIf) {
        List<Drop> drops = new ArrayList<>();
        for (int f = 0; f + 1 < whatIf.length; f++) {
            double drop = whatIf[0] - whatIf[f + 1];
            if (drop >= MIN_DROP) drops.add(new Drop(f, drop));
        }
        return top(drops);
    }

    private static List<Drop> top(List<Drop> drops) {
        drops.sort(Comparator.comparingDouble(Drop::drop).reversed());
        return drops.subList(0, Math.min(MAX_REASONS, drops.size()));
    }

    /** Rows explained together: a block's what-if scores are a few hundred kB. */
    private static final int BLOCK = 512;

    /**
     * The reasons of every row in {@code rows} (sorted) of a column-wise matrix, the same as {@link #reasons}
     * gives for each row's values, to the bit: {@link TrainedForest#whatIf} walks a block of rows tree by tree
     * and redoes only the part of each walk that a changed feature can alter. Blocks run on all cores.
     *
     * @return per row of the matrix, its reasons; null for the rows not asked for
     */
    static List<Drop>[] reasons(TrainedForest forest, double[][] columns, int[] rows, double[] typical) {
        int n = columns.length == 0 ? 0 : columns[0].length;
        @SuppressWarnings("unchecked")
        List<Drop>[] out = new List[n];
        int blocks = (rows.length + BLOCK - 1) / BLOCK;
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK, to = Math.min(rows.length, from + BLOCK);
            // the block's rows, gathered into columns of their own
            double[][] block = new double[columns.length][to - from];
            for (int f = 0; f < columns.length; f++) for (int k = from; k < to; k++) block[f][k - from] = columns[f][rows[k]];
            double[][] s = forest.whatIf(block, 0, to - from, typical);
            for (int k = from; k < to; k++) out[rows[k]] = reasons(s[k - from]);
        });
        return out;
    }
}
