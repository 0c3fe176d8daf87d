// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import java.util.List;

/**
 * Everything the charts, tables and the report show for the rows in view. Plain data, no JavaFX.
 *
 * @param rows       rows in view
 * @param suspicious of which flagged (-1)
 * @param cutOff     the score at or above which a row is suspicious
 * @param hosts      every source host with a row in view, most suspicious first
 * @param timeField  header of the column the timeline uses, or null when the file has no time
 */
public record Findings(
        long rows,
        long suspicious,
        double cutOff,
        List<CategoryStat> countries,
        List<CategoryStat> protocols,
        List<CategoryStat> ports,
        List<CategoryStat> responseCodes,
        List<IpStat> hosts,
        String timeField,
        List<TimeBucket> timeline,
        ScoreHistogram scores,
        BytesView bytes) {

    public long normal() { return rows - suspicious; }

    /** Source hosts in view that the host forest flags (0 where none ran). */
    public long suspiciousHosts() { return hosts.stream().filter(h -> h.hostLabel() < 0).count(); }

    public double suspiciousRate() { return rows == 0 ? 0.0 : (double) suspicious / rows; }
}
