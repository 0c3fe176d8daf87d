// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.features.Feature;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why one row scored as it did: the features whose replacement by their typical value lowers the score
 * most, each with that drop and a sentence in the analyst's words.
 */
public record Explanation(int row, double score, List<Reason> reasons) {

    /** @param scoreDrop score minus the score with this feature set to its typical value */
    public record Reason(Feature feature, double scoreDrop, String text) { }

    public Explanation {
        reasons = List.copyOf(reasons);
    }

    /** The reasons joined with "; ", or a note that no single feature stands out. */
    public String summary() {
        if (reasons.isEmpty()) return "no single feature stands out; the combination is unusual";
        return reasons.stream().map(Reason::text).collect(Collectors.joining("; "));
    }
}
