// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.features.FeatureMatrix;
import dev.taw.features.FeatureSet;
import dev.taw.features.IpProfile;
import dev.taw.io.ImportResult;
import dev.taw.model.ForestSettings;
import dev.taw.model.Threshold;
import dev.taw.model.TrainedForest;

/**
 * The first half of an analysis: every row scored by the row forest, before the host forest runs. Enough
 * to write the scored CSV, so the command line writes it while the hosts are scored.
 *
 * @param ipProfile what each source IP did, shared by the row features, the host forest and the explanations; null without source IPs
 */
public record RowScores(ImportResult imported, FeatureSet featureSet, FeatureMatrix matrix, ForestSettings settings, TrainedForest forest,
                        double[] scores, Threshold threshold, IpProfile ipProfile) {

    /** -1 suspicious / 1 normal per row at this contamination. */
    public byte[] labels(double contamination) {
        return Threshold.labels(scores, threshold.cutOff(contamination));
    }
}
