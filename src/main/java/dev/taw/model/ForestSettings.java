// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import java.util.Locale;

/**
 * What the analyst sets before a run. Validated on construction so a bad value fails where it is typed.
 *
 * @param trees          number of isolation trees (1–10,000; default 100)
 * @param contamination  share of rows to flag as suspicious (0.0001–0.5; default 0.05)
 * @param seed           random seed; the same file, settings and seed give the same scores
 * @param sampleSize     rows each tree sees, ψ; the fit uses min(ψ, rows) (default 256, as in the paper)
 * @param extensionLevel 0 = classic axis-parallel splits (default); higher = extended Isolation Forest
 * @param hostContamination share of source hosts to flag (same limits; default 0.01: a log has far fewer
 *                          hosts than rows, and the attackers among them are a handful)
 * @param contextWindow  milliseconds of the window a host's context is counted over ({@link ContextWindow});
 *                       0 (the default) counts each host over the whole log
 */
public record ForestSettings(int trees, double contamination, long seed, int sampleSize, int extensionLevel, double hostContamination,
                             long contextWindow) {
    public static final int DEFAULT_TREES = 100;
    public static final double DEFAULT_CONTAMINATION = 0.05;
    public static final double DEFAULT_HOST_CONTAMINATION = 0.01;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_SAMPLE_SIZE = 256;
    public static final int MIN_TREES = 1, MAX_TREES = 10_000;
    public static final double MIN_CONTAMINATION = 0.0001, MAX_CONTAMINATION = 0.5;

    public ForestSettings {
        if (trees < MIN_TREES || trees > MAX_TREES) {
            throw new IllegalArgumentException("trees must be between " + MIN_TREES + " and " + MAX_TREES + ", got " + trees);
        }
        if (!(contamination >= MIN_CONTAMINATION && contamination <= MAX_CONTAMINATION)) {
            throw new IllegalArgumentException("contamination must be between " + plain(MIN_CONTAMINATION) + " and " + plain(MAX_CONTAMINATION) + ", got " + contamination);
        }
        if (!(hostContamination >= MIN_CONTAMINATION && hostContamination <= MAX_CONTAMINATION)) {
            throw new IllegalArgumentException("host contamination must be between " + plain(MIN_CONTAMINATION) + " and " + plain(MAX_CONTAMINATION)
                    + ", got " + hostContamination);
        }
        if (sampleSize < 2) throw new IllegalArgumentException("sample size must be at least 2, got " + sampleSize);
        if (extensionLevel < 0) throw new IllegalArgumentException("extension level must be 0 or more, got " + extensionLevel);
        ContextWindow.check(contextWindow);
    }

    /** Over the whole log. */
    public ForestSettings(int trees, double contamination, long seed, int sampleSize, int extensionLevel, double hostContamination) {
        this(trees, contamination, seed, sampleSize, extensionLevel, hostContamination, ContextWindow.WHOLE_LOG);
    }

    /** With the default host contamination. */
    public ForestSettings(int trees, double contamination, long seed, int sampleSize, int extensionLevel) {
        this(trees, contamination, seed, sampleSize, extensionLevel, DEFAULT_HOST_CONTAMINATION);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public static ForestSettings defaults() {
        return new ForestSettings(DEFAULT_TREES, DEFAULT_CONTAMINATION, DEFAULT_SEED, DEFAULT_SAMPLE_SIZE, 0);
    }

    public ForestSettings withContamination(double c) {
        return new ForestSettings(trees, c, seed, sampleSize, extensionLevel, hostContamination, contextWindow);
    }

    public ForestSettings withHostContamination(double c) {
        return new ForestSettings(trees, contamination, seed, sampleSize, extensionLevel, c, contextWindow);
    }

    public ForestSettings withSampleSize(int psi) {
        return new ForestSettings(trees, contamination, seed, psi, extensionLevel, hostContamination, contextWindow);
    }

    public ForestSettings withExtensionLevel(int level) {
        return new ForestSettings(trees, contamination, seed, sampleSize, level, hostContamination, contextWindow);
    }

    public ForestSettings withTrees(int t) {
        return new ForestSettings(t, contamination, seed, sampleSize, extensionLevel, hostContamination, contextWindow);
    }

    public ForestSettings withSeed(long s) {
        return new ForestSettings(trees, contamination, s, sampleSize, extensionLevel, hostContamination, contextWindow);
    }

    public ForestSettings withContextWindow(long millis) {
        return new ForestSettings(trees, contamination, seed, sampleSize, extensionLevel, hostContamination, millis);
    }

    /** True when switching from {@code other} to this needs a new fit (contamination alone does not). */
    public boolean needsRefitComparedTo(ForestSettings other) {
        return other == null || trees != other.trees || seed != other.seed || sampleSize != other.sampleSize
                || extensionLevel != other.extensionLevel || contextWindow != other.contextWindow;
    }

    /** The command-line flags that reproduce this run. */
    public String toText() {
        return String.format(Locale.ROOT, "--trees %d --contamination %s --host-contamination %s --seed %d --sample-size %d --extension-level %d",
                trees, contamination, hostContamination, seed, sampleSize, extensionLevel)
                + (contextWindow == ContextWindow.WHOLE_LOG ? "" : " --context-window " + ContextWindow.text(contextWindow));
    }
}
