// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import java.util.List;
import java.util.Map;

/**
 * What a baseline's row features are relative to, so that new rows are measured as the baseline's were: the
 * features it used (in its order, none dropped for being constant today), the typical value of each (what an
 * explanation compares with), each feature's range in the baseline (to see traffic that moved away from it),
 * the session length put in where a row has none, and the share tables of the rarity features. The per-IP
 * features (records from this IP, ports it tried, …) are computed over the file being scored: that is the
 * window of context a client's behaviour is judged in.
 *
 * @param durationFill the baseline's median session length, for rows without one (NaN when not used)
 */
public record RowReference(List<Feature> features, double[] typical, double[] low, double[] high, double durationFill, Map<Feature, Shares> shares) {

    public RowReference {
        features = List.copyOf(features);
        shares = Map.copyOf(shares);
        if (typical.length != features.size() || low.length != features.size() || high.length != features.size()) {
            throw new IllegalArgumentException("one typical value and one range per feature");
        }
        for (Feature f : features) if (isRarity(f) && !shares.containsKey(f)) throw new IllegalArgumentException("no share table for " + f.name());
    }

    /** The features whose value is the share of rows with the same value of a column. */
    public static boolean isRarity(Feature f) {
        return f == Feature.PROTOCOL_RARITY || f == Feature.COUNTRY_RARITY || f == Feature.PORT_RARITY || f == Feature.RULE_RARITY;
    }
}
