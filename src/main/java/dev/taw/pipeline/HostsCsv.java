// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.HostScores;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.IpStat;
import dev.taw.export.HostColumns;
import dev.taw.export.ScoreText;
import dev.taw.export.TableCsvWriter;
import dev.taw.features.HostFeature;
import dev.taw.features.HostMatrix;
import dev.taw.hostlist.HostList;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts CSV: every source host in view, one row each, ranked as the window's host list: its judgement,
 * its rows in view, its traffic each way, when it was seen, each host feature over the whole log in the
 * analyst's unit, and the reasons in words.
 */
final class HostsCsv {
    private HostsCsv() { }

    static List<String> header(Investigation inv) {
        HostScores hosts = inv.analysis().hostScores();
        return header(hosts == null ? null : hosts.matrix().features(), inv.analysis().windowedHosts());
    }

    /** The header for these host features (null: no host forest ran), with the window's column when hosts are windowed. */
    static List<String> header(List<HostFeature> features, boolean windowed) {
        List<String> h = new ArrayList<>(HostList.LEADING);
        if (windowed) h.add(HostList.LEADING.indexOf("src_ip") + 1, HostList.WINDOW); // a host is an address within a window
        if (features != null) for (HostFeature f : features) h.add(f.column());
        h.add(HostList.WHY);
        return h;
    }

    /** Makes every host's reasons at once, in batches: one by one they take seconds on fifty thousand hosts. */
    static void prepare(Investigation inv) {
        HostScores hosts = inv.analysis().hostScores();
        if (hosts != null) hosts.explainAll();
    }

    static List<String> row(Investigation inv, int rank) {
        IpStat s = inv.findings().hosts().get(rank);
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(rank + 1));
        cells.add(s.ip());
        if (inv.analysis().windowedHosts()) cells.add(s.window() == IpStat.NEVER ? "" : TableCsvWriter.time(s.window()));
        cells.add(s.country());
        cells.add(s.hasHostScore() ? ScoreText.of(s.hostScore()) : "");
        cells.add(s.hostLabel() == 0 ? "" : Integer.toString(s.hostLabel()));
        cells.add(Long.toString(s.rows()));
        cells.add(Long.toString(s.suspicious()));
        cells.add(ScoreText.of(s.maxScore()));
        cells.add(number(s.bytesIn()));
        cells.add(number(s.bytesOut()));
        cells.add(s.firstSeen() == IpStat.NEVER ? "" : TableCsvWriter.time(s.firstSeen()));
        cells.add(s.lastSeen() == IpStat.NEVER ? "" : TableCsvWriter.time(s.lastSeen()));
        HostScores hosts = inv.analysis().hostScores();
        if (hosts != null) {
            HostMatrix m = hosts.matrix();
            for (int f = 0; f < m.features().size(); f++) cells.add(number(m.features().get(f).plain(m.columns()[f][s.code()])));
        }
        cells.add(hosts == null ? "" : hosts.explain(s.code()));
        return cells;
    }

    /** The source hosts' scores and these labels for the scored CSV, or null where no host forest ran. */
    static HostColumns columns(Analysis a, double hostContamination) {
        HostScores hosts = a.hostScores();
        if (hosts == null) return null;
        return new HostColumns(a.ipProfile().hosts().codes(), hosts.scores(), hosts.labels(hostContamination));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
