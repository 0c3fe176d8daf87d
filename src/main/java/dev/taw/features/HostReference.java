// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import java.util.List;

/**
 * What a baseline's host features are relative to: the features its host forest used, in order, their
 * typical values over the baseline's hosts, and their ranges there.
 *
 * @param records what a row was to the baseline: "flows" or "requests"
 */
public record HostReference(List<HostFeature> features, double[] typical, double[] low, double[] high, String records) {
    public HostReference {
        features = List.copyOf(features);
        if (typical.length != features.size() || low.length != features.size() || high.length != features.size()) {
            throw new IllegalArgumentException("one typical value and one range per host feature");
        }
    }
}
