// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import java.util.List;

/**
 * The baseline a run was judged against, as the window, the summary and the report name it: no forest was
 * fitted on the file itself, and the cut-offs are the baseline's.
 *
 * @param name        the model file's name
 * @param description when and from what it was trained, with which settings, in one line
 * @param drift       where the new data has moved away from the baseline, in words (empty when it has not)
 * @param history     what the baseline knew of a source host
 */
public record Against(String name, String description, List<String> drift, HostHistory history) {
    public Against {
        drift = List.copyOf(drift);
    }

    /** What a baseline knew of one source host. */
    public interface HostHistory {
        /** @return "new: not seen in the baseline", or what the host did in it, in words */
        String of(String address);

        /** @return the host's score in the baseline, or NaN when it was not there (or had no host score) */
        double score(String address);
    }
}
