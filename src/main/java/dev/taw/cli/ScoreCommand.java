// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.analysis.CategoryStat;
import dev.taw.analysis.Explanation;
import dev.taw.analysis.Findings;
import dev.taw.analysis.Formats;
import dev.taw.analysis.IpStat;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.export.ScoredCsvWriter;
import dev.taw.analysis.Analysis;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.job.CancelToken;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowScores;
import dev.taw.report.PdfReportWriter;
import dev.taw.report.ReportModel;
import java.time.Instant;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code score INPUT --output SCORED.csv [options]}: import, analyse, write, and print what an analyst
 * needs first: the import summary, skipped lines, and the top suspicious IPs, countries and rows.
 */
public final class ScoreCommand {
    static final int MAX_ISSUES_PRINTED = 20;

    private final PrintStream out;
    private final PrintStream err;

    public ScoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the process exit status */
    public int run(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.print(ScoreOptions.HELP);
                return 0;
            }
        }
        ScoreOptions o;
        try {
            o = ScoreOptions.parse(args);
        } catch (UsageException e) {
            err.println("traffic-workbench score: " + e.getMessage());
            return 2;
        }
        try {
            execute(o);
            return 0;
        } catch (ImportException e) {
            err.println("traffic-workbench score: " + e.getMessage());
        } catch (IOException e) {
            err.println("traffic-workbench score: cannot write " + (e.getMessage() == null ? o.output() : e.getMessage()));
        } catch (IllegalArgumentException e) {
            err.println("traffic-workbench score: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            err.println("traffic-workbench score: out of memory; run with a larger -Xmx");
        }
        return 1;
    }

    private void execute(ScoreOptions o) throws IOException {
        // an analyst's own database is opened first, so a wrong path fails before any work
        AnalysisPipeline pipeline;
        if (o.geoip() != null) {
            dev.taw.geo.GeoIp geo = dev.taw.geo.GeoIp.open(o.geoip());
            pipeline = new AnalysisPipeline(() -> geo);
        } else {
            pipeline = new AnalysisPipeline();
        }
        ProgressListener progress = ProgressListener.NONE;
        ImportResult imported = pipeline.importFile(o.input(), o.format(), progress, CancelToken.NEVER);
        RowScores rows = pipeline.scoreRows(imported, o.features(), o.settings(), progress, CancelToken.NEVER);
        double contamination = o.settings().contamination();
        // every row has its score: write the CSV on another thread while the hosts are scored and the findings
        // gathered (the writer does not keep both cores busy; together they finish about a third of a second sooner)
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scored-csv");
            t.setDaemon(true);
            return t;
        });
        Investigation inv;
        Analysis analysis;
        try {
            Future<Void> written = writer.submit(() -> {
                new ScoredCsvWriter().write(o.output(), imported.table(), rows.scores(), rows.labels(contamination), progress, CancelToken.NEVER);
                return null;
            });
            analysis = pipeline.scoreHosts(rows, progress, CancelToken.NEVER);
            inv = Investigation.of(analysis, contamination, List.of());
            awaitWrite(written);
        } finally {
            writer.shutdownNow();
        }
        if (o.report() != null) {
            String source = o.input().getFileName() == null ? o.input().toString() : o.input().getFileName().toString();
            new PdfReportWriter().write(o.report(), new ReportModel(source, inv, Instant.now(), o.paper()), progress, CancelToken.NEVER);
        }
        if (!o.quiet()) printSummary(o, analysis, inv);
    }

    /** Waits for the CSV; its failure is this command's (an I/O error is reported as "cannot write"). */
    private static void awaitWrite(Future<Void> written) throws IOException {
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
    }

    private void printSummary(ScoreOptions o, Analysis a, Investigation inv) {
        Findings f = inv.findings();
        var report = a.imported().report();
        out.print(report.describe());
        List<ImportIssue> issues = report.issues();
        for (int i = 0; i < Math.min(MAX_ISSUES_PRINTED, issues.size()); i++) out.println("  skipped " + issues.get(i));
        if (report.skippedCount() > MAX_ISSUES_PRINTED) {
            out.printf(Locale.ROOT, "  … and %,d more skipped lines%n", report.skippedCount() - MAX_ISSUES_PRINTED);
        }
        out.println("Model: Isolation Forest " + o.settings().toText());
        out.println("Features used: " + String.join(", ", a.matrix().features().stream().map(x -> x.label()).toList()));
        a.matrix().leftOut().forEach((feat, why) -> out.println("  left out: " + feat.label() + " (" + why + ")"));
        out.printf(Locale.ROOT, "Result: %s rows, %s suspicious (%s), %s normal; score cut-off %s%n",
                Formats.count(f.rows()), Formats.count(f.suspicious()), Formats.percent(f.suspiciousRate()), Formats.count(f.normal()),
                Formats.score(f.cutOff()));
        out.println("Wrote " + o.output() + (o.report() != null ? " and " + o.report() : ""));
        if (o.top() == 0) return;
        out.println();
        out.println("Top suspicious source IPs:");
        out.printf(Locale.ROOT, "  %-40s %-7s %8s %10s %9s %12s %12s%n", "src_ip", "country", "rows", "suspicious", "max score", "bytes in", "bytes out");
        boolean hosts = a.hostScores() != null;
        if (hosts) out.println("  (ranked by host score: a second forest over what each IP did across the whole log)");
        for (IpStat ip : f.topIps().subList(0, Math.min(o.top(), f.topIps().size()))) {
            if (!hosts && ip.suspicious() == 0) break;
            out.printf(Locale.ROOT, "  %-40s %-7s %8d %10d %9s %12s %12s%s%n", ip.ip(), ip.country(), ip.rows(), ip.suspicious(),
                    Formats.score(ip.maxScore()), Formats.bytes(ip.bytesIn()), Formats.bytes(ip.bytesOut()),
                    hosts ? "  host " + Formats.score(ip.hostScore()) + ": " + ip.why() : "");
        }
        out.println();
        out.println("Suspicious rows by source country:");
        out.printf(Locale.ROOT, "  %-10s %8s %10s %8s%n", "country", "rows", "suspicious", "rate");
        for (CategoryStat c : f.countries().subList(0, Math.min(o.top(), f.countries().size()))) {
            out.printf(Locale.ROOT, "  %-10s %8d %10d %8s%n", c.value(), c.rows(), c.suspicious(), Formats.percent(c.rate()));
        }
        out.println();
        out.println("Most suspicious rows (why):");
        int[] ranked = inv.rowsByScore();
        for (int i = 0; i < Math.min(Math.min(o.top(), 10), ranked.length); i++) {
            int row = ranked[i];
            Explanation e = a.explain(row);
            out.printf(Locale.ROOT, "  line %d  score %s  %s: %s%n", a.table().sourceLines()[row], Formats.score(e.score()),
                    a.table().column(dev.taw.table.SeedField.SRC_IP).map(c -> c.format(row)).orElse(""), e.summary());
        }
    }
}
