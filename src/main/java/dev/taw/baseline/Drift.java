// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.baseline;

import dev.taw.analysis.Formats;
import dev.taw.features.FeatureMatrix;
import dev.taw.features.HostMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Where new data has moved away from its baseline, in words. A forest trained on last month's traffic scores
 * anything it never saw as odd; when most of today's values of a feature lie outside the baseline's range, or
 * far more rows than the baseline's share pass its cut-off, the analyst is told so instead of reading a flood of
 * "suspicious" rows as an attack.
 */
final class Drift {
    /** A feature has drifted when more than this share of the new values lie outside the baseline's range. */
    static final double OUTSIDE = 0.5;
    /** Flagging more than this many times the baseline's share of rows is worth a warning. */
    static final double FLOOD = 3.0;

    private Drift() { }

    static List<String> of(Baseline b, FeatureMatrix m, HostMatrix hosts, double[] scores, double cutOff, double contamination) {
        List<String> said = new ArrayList<>();
        for (int f = 0; f < m.width(); f++) {
            double share = outside(m.columns()[f], 0, m.rows(), b.rows().low()[f], b.rows().high()[f]);
            if (share > OUTSIDE) said.add(m.features().get(f).label() + ": " + Formats.percent(share) + " of the rows lie outside the baseline's range");
        }
        if (hosts != null && hosts.hosts() > 20) {
            for (int f = 0; f < hosts.features().size(); f++) {
                double share = outside(hosts.columns()[f], 1, hosts.hosts(), b.hosts().low()[f], b.hosts().high()[f]);
                if (share > OUTSIDE) said.add("host trait " + hosts.features().get(f).label() + ": " + Formats.percent(share) + " of the hosts lie outside the baseline's range");
            }
        }
        long above = 0;
        for (double s : scores) if (s >= cutOff) above++;
        double flagged = scores.length == 0 ? 0 : (double) above / scores.length;
        if (scores.length >= 100 && flagged > FLOOD * contamination) {
            said.add(Formats.percent(flagged) + " of the rows score above the baseline's cut-off, which flagged " + Formats.percent(contamination)
                    + " of its own: an incident, or traffic that has changed (if this is the new normal, train a new baseline)");
        }
        return said;
    }

    private static double outside(double[] v, int from, int to, double low, double high) {
        if (to <= from) return 0;
        double slack = 1e-9 * Math.max(1, Math.max(Math.abs(low), Math.abs(high)));
        long out = 0;
        for (int i = from; i < to; i++) if (v[i] < low - slack || v[i] > high + slack) out++;
        return (double) out / (to - from);
    }
}
