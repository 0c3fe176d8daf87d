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

    /** The score of {@code x}, then the reasons: at most {@link #MAX_REASONS}, biggest drop first, ties in feature order. */
    static List<Drop> reasons(TrainedForest forest, double[] x, double[] typical) {
        double base = forest.score(x);
        List<Drop> drops = new ArrayList<>();
        for (int f = 0; f < x.length; f++) {
            double keep = x[f];
            x[f] = typical[f];
            double drop = base - forest.score(x);
            x[f] = keep;
            if (drop >= MIN_DROP) drops.add(new Drop(f, drop));
        }
        return top(drops);
    }

    private static List<Drop> top(List<Drop> drops) {
        drops.sort(Comparator.comparingDouble(Drop::drop).reversed());
        return drops.subList(0, Math.min(MAX_REASONS, drops.size()));
    }

    /**
     * The reasons of row {@code r} of a column-wise matrix, the same as {@link #reasons} of its values, to the
     * bit: {@link TrainedForest#whatIf} redoes only the part of each tree's walk that a changed feature can
     * alter, which makes a host list's reasons in bulk about a third cheaper.
     */
    static List<Drop> reasons(TrainedForest forest, double[][] columns, int r, double[] typical) {
        int features = columns.length;
        double[] x = new double[features];
        for (int f = 0; f < features; f++) x[f] = columns[f][r];
        double[] s = forest.whatIf(x, typical);
        List<Drop> drops = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            double drop = s[0] - s[f + 1];
            if (drop >= MIN_DROP) drops.add(new Drop(f, drop));
        }
        return top(drops);
    }
}
