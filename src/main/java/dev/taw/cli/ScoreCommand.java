// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.CategoryStat;
import dev.taw.analysis.Explanation;
import dev.taw.analysis.Findings;
import dev.taw.analysis.Formats;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.IpStat;
import dev.taw.baseline.Baseline;
import dev.taw.model.ForestSettings;
import dev.taw.io.ImportException;
import dev.taw.io.ImportIssue;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.pipeline.Exports;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        // the outputs and an analyst's own database are checked first, so a wrong path fails before any work
        Exports.refuseInput(o.output(), o.input());
        if (o.report() != null) Exports.refuseInput(o.report(), o.input());
        if (o.hosts() != null) Exports.refuseInput(o.hosts(), o.input());
        AnalysisPipeline pipeline = AnalysisPipeline.withCountryDatabaseOrBundled(o.geoip()).withFlows(o.flows());
        ForestSettings settings = o.settings();
        if (o.model() != null) {
            for (java.nio.file.Path out : new java.nio.file.Path[] {o.output(), o.hosts(), o.report()}) if (out != null) Exports.refuseInput(out, o.model());
            Baseline b = AnalysisPipeline.loadModel(o.model());
            pipeline = pipeline.withBaseline(b, dev.taw.io.FileNames.of(o.model()));
            settings = b.settings(o.contaminationGiven() ? settings.contamination() : null, o.hostContaminationGiven() ? settings.hostContamination() : null);
        }
        ProgressListener progress = ProgressListener.NONE;
        ImportResult imported = pipeline.importFile(o.input(), o.format(), progress, CancelToken.NEVER);
        AnalysisPipeline.Scored run = pipeline.analyzeAndWrite(imported, o.features(), settings, o.filters(), o.output(), o.hosts(),
                o.report() != null ? Investigation.Scope.ALL : Investigation.Scope.SUMMARY, progress,
                CancelToken.NEVER);
        List<Exports.Pending> outputs = new ArrayList<>(List.of(run.csv()));
        if (run.hosts() != null) outputs.add(run.hosts());
        Exports.Written hostsWritten = run.hosts() == null ? null : run.hosts().written(), pdf = null;
        try {
            if (o.report() != null) {
                String source = o.input().getFileName() == null ? o.input().toString() : o.input().getFileName().toString();
                Exports.Pending p = Exports.stageReport(run.investigation(), source, o.paper(), o.report(), progress, CancelToken.NEVER);
                outputs.add(p);
                pdf = p.written();
            }
        } catch (IOException | RuntimeException | Error e) {
            Exports.discard(outputs);
            throw e;
        }
        Exports.commit(outputs); // all outputs or none: a run that fails half-way leaves nothing it wrote
        if (!o.quiet()) printSummary(o, run, hostsWritten, pdf);
    }

    private void printSummary(ScoreOptions o, AnalysisPipeline.Scored run, Exports.Written hostsWritten, Exports.Written pdf) {
        Analysis a = run.analysis();
        Investigation inv = run.investigation();
        Findings f = inv.findings();
        var report = a.imported().report();
        out.print(report.describe());
        List<ImportIssue> issues = report.issues();
        for (int i = 0; i < Math.min(MAX_ISSUES_PRINTED, issues.size()); i++) out.println("  skipped " + issues.get(i));
        if (report.skippedCount() > MAX_ISSUES_PRINTED) {
            out.printf(Locale.ROOT, "  … and %,d more skipped lines%n", report.skippedCount() - MAX_ISSUES_PRINTED);
        }
        if (a.against() != null) {
            out.println("Baseline: " + a.against().name() + ", " + a.against().description());
            out.println("  scored against it: no forest fitted on this file; cut-offs at contamination " + inv.contamination() + " of the baseline's scores");
            for (String w : a.against().drift()) out.println("  warning: " + w);
        } else {
            out.println("Model: Isolation Forest " + o.settings().toText());
        }
        out.println("Features used: " + String.join(", ", a.matrix().features().stream().map(x -> x.label()).toList()));
        a.matrix().leftOut().forEach((feat, why) -> out.println("  left out: " + feat.label() + " (" + why + ")"));
        out.printf(Locale.ROOT, "Result: %s rows, %s suspicious (%s), %s normal; score cut-off %s%n",
                Formats.count(f.rows()), Formats.count(f.suspicious()), Formats.percent(f.suspiciousRate()), Formats.count(f.normal()),
                Formats.score(f.cutOff()));
        if (a.hostScores() != null) {
            out.printf(Locale.ROOT, "Hosts: %s source hosts, %s suspicious at host contamination %s; host score cut-off %s%n",
                    Formats.count(f.hosts().size()), Formats.count(f.suspiciousHosts()), inv.hostContamination(),
                    Formats.score(a.hostScores().cutOff(inv.hostContamination())));
        } else if (!f.hosts().isEmpty()) {
            out.printf(Locale.ROOT, "Hosts: %s source hosts, too few for a host forest (%d needed); ranked by suspicious rows%n",
                    Formats.count(f.hosts().size()), dev.taw.analysis.HostScores.MIN_HOSTS);
        }
        out.println(run.csv().written().sentence());
        if (hostsWritten != null) out.println(hostsWritten.sentence());
        if (pdf != null) out.println(pdf.sentence());
        if (o.top() == 0) return;
        out.println();
        out.println("Top suspicious source IPs:");
        out.printf(Locale.ROOT, "  %-40s %-7s %8s %10s %9s %12s %12s%n", "src_ip", "country", "rows", "suspicious", "max score", "bytes in", "bytes out");
        boolean hosts = a.hostScores() != null;
        if (hosts) out.println("  (ranked by host score: a second forest over what each IP did " + a.ipProfile().hosts().span() + ")");
        for (IpStat ip : f.hosts().subList(0, Math.min(o.top(), f.hosts().size()))) {
            if (!hosts && ip.suspicious() == 0) break;
            out.printf(Locale.ROOT, "  %-40s %-7s %8d %10d %9s %12s %12s%s%n", ip.name(), ip.country(), ip.rows(), ip.suspicious(),
                    Formats.score(ip.maxScore()), Formats.bytes(ip.bytesIn()), Formats.bytes(ip.bytesOut()),
                    hosts ? "  host " + Formats.score(ip.hostScore()) + ": " + a.explainHost(ip) : "");
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
                    a.table().column(dev.taw.table.Role.SRC_IP).map(c -> c.format(row)).orElse(""), e.summary());
        }
    }
}
