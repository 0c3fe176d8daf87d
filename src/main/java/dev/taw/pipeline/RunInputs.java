// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.features.FeatureBuilder;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.features.IpProfile;
import dev.taw.io.ImportResult;

/**
 * The last run's per-host profile and feature matrix, for the next run on the same import. In the window an
 * analyst presses Run again after changing the forest (trees, sample size, seed) far more often than the
 * features, and both depend only on the rows, the feature set and the context window: built again, they cost
 * half a second of every Run on a million rows, for the same numbers. Both are immutable, and the analysis
 * shown holds them anyway, so keeping them costs no memory.
 */
final class RunInputs {
    private ImportResult imported;
    private long contextWindow;
    private IpProfile profile;
    private FeatureSet features;
    private FeatureMatrix matrix;

    /** The per-host profile of {@code imported} over {@code contextWindow}, made again only when either changed. */
    synchronized IpProfile profile(ImportResult imported, long contextWindow) {
        if (imported != this.imported || contextWindow != this.contextWindow) { // none yet, or cleared: this.imported is null
            clear();
            profile = IpProfile.of(imported.table(), contextWindow);
            this.imported = imported;
            this.contextWindow = contextWindow;
        }
        return profile;
    }

    /** The feature matrix of {@code imported}, built again only when the import, the profile or the features changed. */
    synchronized FeatureMatrix matrix(ImportResult imported, FeatureSet features, IpProfile profile) {
        if (matrix == null || imported != this.imported || profile != this.profile || !features.equals(this.features)) {
            matrix = null; // the old one may go while the new one is built
            matrix = new FeatureBuilder().build(imported.table(), features, profile);
            this.features = features;
        }
        return matrix;
    }

    /** Forgets the last run's inputs (a new file is being opened). */
    synchronized void clear() {
        imported = null;
        profile = null;
        features = null;
        matrix = null;
    }
}
