// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.CategoryStat;
import dev.taw.analysis.Explanation;
import dev.taw.analysis.Findings;
import dev.taw.analysis.Formats;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.IpStat;
import dev.taw.analysis.RowFilter;
import dev.taw.export.AtomicWrite;
import dev.taw.io.ImportReport;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.table.Column;
import dev.taw.table.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the investigation report. The file is written whole or not at all (temporary file, then move).
 * Sections: title and import summary, method and settings (enough to reproduce the run), summary
 * figures, charts with captions in numbers, tables, and the most suspicious rows with explanations.
 */
public final class PdfReportWriter {
    static final int TOP_ROWS = 20;
    static final int TABLE_ROWS = 15;

    public void write(Path target, ReportModel model, ProgressListener progress, CancelToken cancel) throws IOException {
        try (AtomicWrite.Staged s = stage(target, model, progress, cancel)) {
            s.commit();
        }
    }

    /** The report complete on disk beside {@code target}, to be committed with a run's other outputs. */
    public AtomicWrite.Staged stage(Path target, ReportModel model, ProgressListener progress, CancelToken cancel) throws IOException {
        return Pages.stage(target, model.paperSize().size, "Traffic anomaly report: " + ReportFonts.clean(model.source()),
                p -> render(p, model, progress, cancel), progress);
    }

    private static void render(Pages p, ReportModel m, ProgressListener progress, CancelToken cancel) throws IOException {
        Investigation inv = m.investigation();
        Analysis a = inv.analysis();
        progress.onProgress("Writing summary", 1, 10);
        titleAndImport(p, m, a.imported().report());
        filters(p, inv);
        summary(p, inv);
        method(p, inv);
        cancel.throwIfCancelled();
        progress.onProgress("Drawing charts", 3, 10);
        charts(p, inv);
        cancel.throwIfCancelled();
        progress.onProgress("Writing tables", 6, 10);
        tables(p, inv);
        cancel.throwIfCancelled();
        progress.onProgress("Explaining rows", 7, 10);
        topRows(p, inv, cancel);
        p.numberPages("Traffic anomaly report · " + m.source() + " · " + Pages.WHEN.format(m.generatedAt()));
    }

    private static void titleAndImport(Pages p, ReportModel m, ImportReport r) throws IOException {
        p.line("Traffic anomaly report", 22, true, 0);
        p.down(6);
        p.line(m.source(), 13, false, 0);
        p.down(10);
        p.kv("Report made", Pages.WHEN.format(m.generatedAt()));
        p.kv("Rows", String.format(Locale.ROOT, "%,d read, %,d imported, %,d skipped, %,d numeric cells imputed",
                r.rowsRead(), r.rowsImported(), r.skippedCount(), r.imputedCount()));
        p.kv("Time span", timeSpan(m.investigation().analysis()));
        if (!r.constantColumns().isEmpty()) p.kv("Constant columns", r.constantColumns().size() + " (ignored): " + String.join(", ", r.constantColumns()));
        for (String w : r.warnings()) p.kv("Warning", w);
        if (r.countrySource() != null) p.kv("Countries", r.countrySource());
        p.down(8);
    }

    private static void filters(Pages p, Investigation inv) throws IOException {
        if (!inv.isFiltered()) return;
        p.line("Filtered view", 14, true, 0);
        p.paragraph("This report covers only the rows that pass every filter active in the workbench ("
                + Formats.count(inv.findings().rows()) + " of " + Formats.count(inv.analysis().table().rowCount()) + " rows):", 10, false);
        for (RowFilter f : inv.filters()) p.line("• " + f.describe(), 10, false, 10);
        p.down(8);
    }

    private static void summary(Pages p, Investigation inv) throws IOException {
        Findings f = inv.findings();
        p.line("Summary", 14, true, 0);
        p.kv("Suspicious rows (-1)", String.format(Locale.ROOT, "%s of %s (%s)", Formats.count(f.suspicious()), Formats.count(f.rows()),
                Formats.percent(f.suspiciousRate())));
        p.kv("Normal rows (1)", Formats.count(f.normal()));
        p.kv("Score cut-off", Formats.score(f.cutOff()) + " (rows scoring at or above it are suspicious)");
        if (!f.hosts().isEmpty() && f.hosts().get(0).suspicious() > 0) {
            IpStat top = f.hosts().get(0);
            p.kv("Top suspicious IP", String.format(Locale.ROOT, "%s (%s): %d of %d rows suspicious, max score %s", top.name(), top.country(),
                    top.suspicious(), top.rows(), Formats.score(top.maxScore())));
        }
        p.down(8);
    }

    private static void method(Pages p, Investigation inv) throws IOException {
        Analysis a = inv.analysis();
        var s = a.settings().withContamination(inv.contamination());
        p.line("Method and settings", 14, true, 0);
        p.paragraph("Isolation Forest (Liu, Ting and Zhou 2008) on Smile 3.1.1 isolation trees: each tree is grown on "
                + a.forest().sampleSize() + " rows drawn without replacement; a row's score is 2^(−mean path length / c(ψ)), in [0, 1], "
                + "higher is more suspicious. The contamination sets the share of rows labelled suspicious.", 9, false);
        p.kv("Trees", Integer.toString(s.trees()));
        p.kv("Contamination", inv.contamination() + (a.against() == null ? " (share of rows labelled suspicious)"
                : " (the cut-off is the score above which this share of the baseline's own rows lay)"));
        p.kv("Seed", Long.toString(s.seed()));
        p.kv("Sample size ψ", a.forest().sampleSize() + " (extension level " + s.extensionLevel() + ")");
        p.kv("Features used", a.matrix().features().stream().map(x -> x.label()).collect(Collectors.joining(", ")));
        for (var e : a.matrix().leftOut().entrySet()) p.kv("Left out", e.getKey().label() + " — " + e.getValue());
        // all features on is the command's default: naming all sixteen made the line wrap onto a page of its own
        boolean allFeatures = a.featureSet().equals(dev.taw.features.FeatureSet.all());
        var against = a.against();
        if (against != null) {
            p.kv("Baseline", against.name() + ": " + against.description() + ". No forest was fitted on this file: its rows and hosts were "
                    + "scored by the baseline's forests, features and cut-offs");
            for (String w : against.drift()) p.kv("Warning", w);
            p.kv("Reproduce", "traffic-workbench score " + a.imported().report().file() + " --model " + against.name() + " --output scored.csv"
                    + " --contamination " + inv.contamination() + " --host-contamination " + inv.hostContamination() + where(inv.filters()));
        } else {
            p.kv("Reproduce", "traffic-workbench score " + a.imported().report().file() + " --output scored.csv " + s.toText()
                    + (allFeatures ? "" : " --features " + a.featureSet().toText()) + where(inv.filters()));
        }
        p.down(8);
    }

    /** The view as {@code --where} options; a filter the command line cannot express (a time range, a box) is named apart. */
    static String where(List<RowFilter> filters) {
        StringBuilder b = new StringBuilder();
        List<String> other = new ArrayList<>();
        for (RowFilter f : filters) {
            if (f instanceof RowFilter.Equals e) b.append(" --where ").append(e.field().header()).append('=').append(e.value());
            else if (f instanceof RowFilter.Label l) b.append(" --where label=").append(l.suspicious() ? "suspicious" : "normal");
            else other.add(f.describe());
        }
        if (!other.isEmpty()) b.append(" (then, in the window: ").append(String.join(" and ", other)).append(')');
        return b.toString();
    }

    private static void charts(Pages p, Investigation inv) throws IOException {
        Findings f = inv.findings();
        p.newPage();
        p.line("Charts", 14, true, 0);
        PdfCharts.chart(p, "Normal vs suspicious", String.format(Locale.ROOT, "%s rows: %s normal, %s suspicious (%s) at contamination %s.",
                Formats.count(f.rows()), Formats.count(f.normal()), Formats.count(f.suspicious()), Formats.percent(f.suspiciousRate()),
                inv.contamination()), 150, (pg, x, y, w, h) -> PdfCharts.stackedBars(pg, x, y, w * 0.6f, h, List.of("normal (1)", "suspicious (-1)"),
                new long[] {f.normal(), 0}, new long[] {0, f.suspicious()}));
        PdfCharts.chart(p, "Bytes in vs bytes out (log scale)", Captions.bytes(inv), 250,
                (pg, x, y, w, h) -> PdfCharts.scatter(pg, x, y, Math.min(w, h * 1.6f), h, f.bytes()));
        PdfCharts.chart(p, "Score distribution", Captions.scores(f), 170,
                (pg, x, y, w, h) -> PdfCharts.histogram(pg, x, y, w, h, f.scores()));
        categoryChart(p, "Suspicious rows by source country", f.countries(), "country");
        if (!f.timeline().isEmpty()) {
            PdfCharts.chart(p, "Anomalies over time (" + f.timeField() + ", UTC)", Captions.timeline(f), 180, (pg, x, y, w, h) ->
                    PdfCharts.stackedBars(pg, x, y, w, h, f.timeline().stream().map(b -> Captions.time(b.startMillis())).toList(),
                            f.timeline().stream().mapToLong(b -> b.rows() - b.suspicious()).toArray(),
                            f.timeline().stream().mapToLong(b -> b.suspicious()).toArray()));
        }
        categoryChart(p, "By protocol", f.protocols(), "protocol");
        categoryChart(p, "By destination port", f.ports(), "port");
        boolean verdict = Role.outcomeOf(inv.analysis().table()) == Role.VERDICT;
        String column = inv.analysis().table().column(Role.VERDICT).map(c -> c.name()).orElse("verdict");
        categoryChart(p, verdict ? "By verdict (" + column + ")" : "By response code", f.responseCodes(), verdict ? "verdict" : "response code");
    }

    private static void categoryChart(Pages p, String title, List<CategoryStat> stats, String what) throws IOException {
        if (stats.isEmpty()) return;
        List<CategoryStat> shown = stats.subList(0, Math.min(12, stats.size()));
        PdfCharts.chart(p, title, Captions.categories(stats, what), 160, (pg, x, y, w, h) -> PdfCharts.stackedBars(pg, x, y, w, h,
                shown.stream().map(CategoryStat::value).toList(), shown.stream().mapToLong(s -> s.rows() - s.suspicious()).toArray(),
                shown.stream().mapToLong(CategoryStat::suspicious).toArray()));
    }

    /** Over what span a host's context was counted, in words. */
    private static String over(Analysis a) {
        return a.ipProfile().hosts().span() + (a.windowedHosts() ? " (one host per address and window)" : "");
    }

    private static void tables(Pages p, Investigation inv) throws IOException {
        Findings f = inv.findings();
        Analysis a = inv.analysis();
        p.newPage();
        boolean hosts = !f.hosts().isEmpty() && f.hosts().get(0).hasHostScore();
        p.line("Top suspicious source IPs", 14, true, 0);
        if (hosts) {
            p.paragraph(String.format(Locale.ROOT, "%s source hosts in view, %s of them suspicious at host contamination %s (host score %s or more). "
                    + "Ranked by host score: a second Isolation Forest over what each source IP did %s. The top %d:",
                    Formats.count(f.hosts().size()), Formats.count(f.suspiciousHosts()), inv.hostContamination(),
                    Formats.score(a.hostScores().cutOff(inv.hostContamination())), over(a), Math.min(TABLE_ROWS, f.hosts().size())), 9, false);
        } else if (!f.hosts().isEmpty()) {
            p.paragraph(String.format(Locale.ROOT, "%s source hosts in view: too few for a host forest, ranked by suspicious rows. The top %d:",
                    Formats.count(f.hosts().size()), Math.min(TABLE_ROWS, f.hosts().size())), 9, false);
        }
        boolean windowed = a.windowedHosts(); // "address @ window" needs room
        Table t = new Table(p, new String[] {windowed ? "src_ip @ window (UTC)" : "src_ip", "country", "rows", "suspicious", hosts ? "host score" : "max score",
            "bytes in", "bytes out"}, windowed ? new float[] {0.37f, 0.07f, 0.08f, 0.1f, 0.1f, 0.14f, 0.14f} : new float[] {0.27f, 0.09f, 0.1f, 0.12f, 0.12f, 0.15f, 0.15f});
        List<IpStat> top = f.hosts().subList(0, Math.min(TABLE_ROWS, f.hosts().size()));
        for (IpStat ip : top) {
            t.row(ip.name(), ip.country(), Formats.count(ip.rows()), Formats.count(ip.suspicious()),
                    Formats.score(hosts ? ip.hostScore() : ip.maxScore()), Formats.bytes(ip.bytesIn()), Formats.bytes(ip.bytesOut()));
        }
        if (hosts) {
            p.down(6);
            p.line("Why these hosts stand out", 12, true, 0);
            for (IpStat ip : top.subList(0, Math.min(10, top.size()))) {
                for (String l : p.wrap(ip.name() + ": " + a.explainHost(ip), 9, false, p.width())) p.line(l, 9, false, 0);
            }
        }
        p.down(10);
        categoryTable(p, "Source countries", f.countries());
        categoryTable(p, "Protocols", f.protocols());
        categoryTable(p, "Destination ports", f.ports());
        categoryTable(p, "Response codes or verdicts", f.responseCodes());
    }

    private static void categoryTable(Pages p, String title, List<CategoryStat> stats) throws IOException {
        if (stats.isEmpty()) return;
        p.need(60);
        p.line(title, 12, true, 0);
        Table t = new Table(p, new String[] {"value", "rows", "suspicious", "suspicious rate"}, new float[] {0.4f, 0.2f, 0.2f, 0.2f});
        for (CategoryStat c : stats.subList(0, Math.min(TABLE_ROWS, stats.size()))) {
            t.row(c.value(), Formats.count(c.rows()), Formats.count(c.suspicious()), Formats.percent(c.rate()));
        }
        if (stats.size() > TABLE_ROWS) p.line("… and " + (stats.size() - TABLE_ROWS) + " more", 8, false, 0);
        p.down(8);
    }

    private static void topRows(Pages p, Investigation inv, CancelToken cancel) throws IOException {
        Analysis a = inv.analysis();
        p.newPage();
        p.line("The most suspicious rows, and why", 14, true, 0);
        p.paragraph("For each row: the features whose replacement by their typical value lowers the score most.", 9, false);
        Column ip = a.table().column(Role.SRC_IP).orElse(null);
        int[] rows = inv.rowsByScore();
        for (int i = 0; i < Math.min(TOP_ROWS, rows.length); i++) {
            cancel.throwIfCancelled();
            int r = rows[i];
            Explanation e = a.explain(r);
            p.need(50);
            p.line(String.format(Locale.ROOT, "%d. line %d · %s · score %s · %s", i + 1, a.table().sourceLines()[r], ip == null ? "" : ip.format(r),
                    Formats.score(e.score()), inv.labels()[r] < 0 ? "suspicious" : "normal"), 10, true, 0);
            List<String> parts = new ArrayList<>();
            for (Explanation.Reason reason : e.reasons()) parts.add(reason.text());
            if (parts.isEmpty()) parts.add(e.summary());
            for (String part : parts) for (String l : p.wrap("• " + part, 9, false, p.width() - 12)) p.line(l, 9, false, 12);
            p.down(4);
        }
    }

    private static String timeSpan(Analysis a) {
        var tf = dev.taw.table.Role.timeOf(a.table());
        if (tf == null) return "no time column";
        var c = a.table().time(tf).orElseThrow();
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) continue;
            min = Math.min(min, c.get(i));
            max = Math.max(max, c.get(i));
        }
        if (min > max) return "no timestamps";
        return Pages.WHEN.format(java.time.Instant.ofEpochMilli(min)) + " – " + Pages.WHEN.format(java.time.Instant.ofEpochMilli(max)) + " (" + c.name() + ")";
    }
}
