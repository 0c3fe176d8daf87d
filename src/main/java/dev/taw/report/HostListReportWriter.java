// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import dev.taw.analysis.Formats;
import dev.taw.analysis.IpStat;
import dev.taw.analysis.ScoreHistogram;
import dev.taw.export.AtomicWrite;
import dev.taw.hostlist.HostList;
import dev.taw.hostlist.HostListReader;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a hosts list: what a Spark job (or {@code score --hosts}) found, for readers who never see the
 * rows behind it. What the job did, the hosts' score distribution, suspicious hosts by country, the top hosts
 * and why they stand out. Written whole or not at all.
 */
public final class HostListReportWriter {
    static final int TOP = 25, EXPLAINED = 10, BINS = 50;

    public void write(HostList list, Path target, Paper paper, Instant at, ProgressListener progress, CancelToken cancel) throws IOException {
        try (AtomicWrite.Staged s = Pages.stage(target, paper.size, "Host report: " + ReportFonts.clean(list.source()),
                p -> render(p, list, at, progress, cancel), progress)) {
            s.commit();
        }
    }

    private static void render(Pages p, HostList list, Instant at, ProgressListener progress, CancelToken cancel) throws IOException {
        progress.onProgress("Writing summary", 1, 10);
        summary(p, list, at);
        cancel.throwIfCancelled();
        progress.onProgress("Drawing charts", 3, 10);
        charts(p, list);
        cancel.throwIfCancelled();
        progress.onProgress("Writing tables", 6, 10);
        top(p, list);
        p.numberPages("Host report · " + list.source() + " · " + Pages.WHEN.format(at));
    }

    private static void summary(Pages p, HostList list, Instant at) throws IOException {
        p.line("Host report", 22, true, 0);
        p.down(6);
        p.line(list.source(), 13, false, 0);
        p.down(10);
        p.kv("Report made", Pages.WHEN.format(at));
        p.kv("Hosts", String.format(Locale.ROOT, "%s%s, %s of them suspicious (host_label -1)", Formats.count(list.hosts().size()),
                list.windowed() ? " (an address within one context window each)" : "", Formats.count(list.suspicious())));
        long addresses = list.hosts().stream().map(IpStat::ip).distinct().count();
        if (list.windowed()) p.kv("Addresses", Formats.count(addresses));
        long rows = list.hosts().stream().mapToLong(IpStat::rows).sum();
        p.kv("Rows behind them", Formats.count(rows));
        p.kv("Seen", seen(list));
        if (list.model() != null) p.kv("Model", list.model().getFileName().toString());
        if (!list.traits().isEmpty()) {
            p.kv("Host traits", String.join(", ", list.traits().stream().map(HostListReader::traitLabel).toList()));
        } else {
            p.kv("Host traits", "none: too few hosts for a host forest; ranked by suspicious rows");
        }
        if (list.skippedCount() > 0) {
            p.kv("Not read", Formats.count(list.skippedCount()) + " lines of " + list.csv().getFileName() + " could not be read, first: "
                    + list.skipped().get(0));
        }
        p.down(8);
        if (!list.job().isEmpty()) {
            p.line("What the job did", 14, true, 0);
            for (String l : list.job()) p.paragraph(l, 9, false);
            p.down(8);
        }
    }

    private static String seen(HostList list) {
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (IpStat h : list.hosts()) {
            if (h.firstSeen() != IpStat.NEVER) first = Math.min(first, h.firstSeen());
            if (h.lastSeen() != IpStat.NEVER) last = Math.max(last, h.lastSeen());
        }
        return first == Long.MAX_VALUE ? "no times in the list" : Pages.WHEN.format(Instant.ofEpochMilli(first)) + " – " + Pages.WHEN.format(Instant.ofEpochMilli(last));
    }

    private static void charts(Pages p, HostList list) throws IOException {
        if (list.scored()) {
            ScoreHistogram h = histogram(list.hosts());
            PdfCharts.chart(p, "Host score distribution", String.format(Locale.ROOT,
                    "%s hosts by host score, %s suspicious in orange; the dashed line is the lowest suspicious host's score.",
                    Formats.count(list.hosts().size()), Formats.count(list.suspicious())), 170,
                    (pg, x, y, w, hh) -> PdfCharts.histogram(pg, x, y, w, hh, h, "host score →"));
        }
        Map<String, long[]> byCountry = new HashMap<>();
        for (IpStat s : list.hosts()) byCountry.computeIfAbsent(s.country().isEmpty() ? "?" : s.country(), k -> new long[2])[s.hostLabel() < 0 ? 1 : 0]++;
        List<Map.Entry<String, long[]>> shown = new ArrayList<>(byCountry.entrySet());
        shown.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[1]).thenComparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<Map.Entry<String, long[]>> top = shown.subList(0, Math.min(12, shown.size()));
        if (top.isEmpty()) return;
        PdfCharts.chart(p, "Hosts by source country", String.format(Locale.ROOT,
                "The %d countries with the most suspicious hosts (of %d countries); bars count hosts, normal in blue, suspicious in orange.",
                top.size(), byCountry.size()), 160, (pg, x, y, w, hh) -> PdfCharts.stackedBars(pg, x, y, w, hh,
                top.stream().map(Map.Entry::getKey).toList(), top.stream().mapToLong(e -> e.getValue()[0]).toArray(),
                top.stream().mapToLong(e -> e.getValue()[1]).toArray()));
    }

    /** The hosts with a host score in {@link #BINS} bins; the cut-off drawn is the lowest suspicious host's score (NaN: none). */
    static ScoreHistogram histogram(List<IpStat> hosts) {
        List<IpStat> scored = hosts.stream().filter(IpStat::hasHostScore).toList();
        double[] score = new double[scored.size()];
        byte[] label = new byte[scored.size()];
        double cut = Double.NaN;
        for (int i = 0; i < score.length; i++) {
            IpStat h = scored.get(i);
            score[i] = h.hostScore();
            label[i] = h.hostLabel();
            if (h.hostLabel() < 0 && (Double.isNaN(cut) || h.hostScore() < cut)) cut = h.hostScore();
        }
        java.util.BitSet all = new java.util.BitSet();
        all.set(0, score.length);
        return ScoreHistogram.of(score, label, all, cut, BINS);
    }

    private static void top(Pages p, HostList list) throws IOException {
        p.newPage();
        List<IpStat> top = list.hosts().subList(0, Math.min(TOP, list.hosts().size()));
        p.line("Top hosts", 14, true, 0);
        p.paragraph(String.format(Locale.ROOT, "The %d highest-ranked of %s hosts, as the list ranks them%s.", top.size(), Formats.count(list.hosts().size()),
                list.scored() ? " (by host score: an Isolation Forest over what each host did)" : " (by suspicious rows)"), 9, false);
        boolean w = list.windowed();
        Table t = w ? new Table(p, new String[] {"#", "src_ip", "window (UTC)", "country", "rows", "suspicious", "host score", "bytes in", "bytes out"},
                new float[] {0.04f, 0.2f, 0.17f, 0.08f, 0.08f, 0.1f, 0.09f, 0.12f, 0.12f})
                : new Table(p, new String[] {"#", "src_ip", "country", "rows", "suspicious", "host score", "bytes in", "bytes out"},
                new float[] {0.04f, 0.26f, 0.1f, 0.1f, 0.12f, 0.12f, 0.13f, 0.13f});
        for (int i = 0; i < top.size(); i++) {
            IpStat h = top.get(i);
            List<String> cells = new ArrayList<>(List.of(Integer.toString(i + 1), h.ip()));
            if (w) cells.add(h.windowText());
            cells.addAll(List.of(h.country(), Formats.count(h.rows()), Formats.count(h.suspicious()), h.hasHostScore() ? Formats.score(h.hostScore()) : "",
                    Formats.bytes(h.bytesIn()), Formats.bytes(h.bytesOut())));
            t.row(cells.toArray(String[]::new));
        }
        p.down(10);
        p.line("Why these hosts stand out", 12, true, 0);
        for (IpStat h : top.subList(0, Math.min(EXPLAINED, top.size()))) {
            String why = list.whyOf(h);
            for (String l : p.wrap(ReportFonts.clean(h.name() + ": " + (why.isEmpty() ? "(no reasons in the list)" : why)), 9, false, p.width())) {
                p.line(l, 9, false, 0);
            }
            p.down(3);
        }
    }
}
