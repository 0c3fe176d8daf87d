// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import dev.taw.analysis.CategoryStat;
import dev.taw.analysis.Findings;
import dev.taw.analysis.Formats;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.TimeBucket;
import dev.taw.table.NumberColumn;
import dev.taw.table.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** One-line captions that state what each chart shows, in numbers. */
final class Captions {
    private Captions() { }

    static String time(long millis) {
        return Formats.shortTime(millis);
    }

    static String bytes(Investigation inv) {
        var t = inv.analysis().table();
        double[] in = t.number(Role.BYTES_IN).map(NumberColumn::values).orElse(null);
        double[] out = t.number(Role.BYTES_OUT).map(NumberColumn::values).orElse(null);
        if (in == null || out == null) return "This file has no bytes columns.";
        double maxIn = 0, minIn = Double.MAX_VALUE, maxOut = 0;
        long n = 0;
        for (int r = inv.view().nextSetBit(0); r >= 0; r = inv.view().nextSetBit(r + 1)) {
            if (inv.labels()[r] >= 0) continue;
            n++;
            maxIn = Math.max(maxIn, in[r]);
            minIn = Math.min(minIn, in[r]);
            maxOut = Math.max(maxOut, out[r]);
        }
        if (n == 0) return "No suspicious rows in view; blue shading shows where the normal rows lie.";
        return String.format(Locale.ROOT, "Blue shading: density of the %s normal rows. Red: the %s suspicious rows, whose bytes_in range "
                + "from %s to %s and bytes_out reach %s.", Formats.count(inv.findings().normal()), Formats.count(n), Formats.bytes(minIn),
                Formats.bytes(maxIn), Formats.bytes(maxOut));
    }

    static String scores(Findings f) {
        var s = f.scores();
        return String.format(Locale.ROOT, "Scores range from %s to %s; the cut-off %s (dashed) flags %s rows (%s) as suspicious.",
                Formats.score(s.min()), Formats.score(s.max()), Formats.score(f.cutOff()), Formats.count(f.suspicious()),
                Formats.percent(f.suspiciousRate()));
    }

    static String categories(List<CategoryStat> stats, String what) {
        CategoryStat most = stats.get(0);
        CategoryStat worstRate = stats.stream().filter(c -> c.rows() >= 5).max(Comparator.comparingDouble(CategoryStat::rate)).orElse(most);
        String base = String.format(Locale.ROOT, "%d %s value%s. Most suspicious rows: %s with %s of %s (%s).", stats.size(), what,
                stats.size() == 1 ? "" : "s", most.value(), Formats.count(most.suspicious()), Formats.count(most.rows()), Formats.percent(most.rate()));
        if (worstRate != most && worstRate.rate() > most.rate()) {
            base += String.format(Locale.ROOT, " Highest rate (at least 5 rows): %s, %s.", worstRate.value(), Formats.percent(worstRate.rate()));
        }
        return base;
    }

    static String timeline(Findings f) {
        TimeBucket peak = f.timeline().stream().max(Comparator.comparingLong(TimeBucket::suspicious)).orElseThrow();
        return String.format(Locale.ROOT, "%d buckets of %s from %s to %s UTC. Most suspicious rows at %s: %s of %s.", f.timeline().size(),
                Formats.duration(peak.widthMillis()), time(f.timeline().get(0).startMillis()),
                time(f.timeline().get(f.timeline().size() - 1).startMillis() + peak.widthMillis()), time(peak.startMillis()),
                Formats.count(peak.suspicious()), Formats.count(peak.rows()));
    }
}
