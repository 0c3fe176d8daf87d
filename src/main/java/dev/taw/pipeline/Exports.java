// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.Analysis;
import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowFilter;
import dev.taw.export.AtomicWrite;
import dev.taw.export.OutputGuard;
import dev.taw.export.ScoredCsvWriter;
import dev.taw.export.TableCsvWriter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.report.Paper;
import dev.taw.report.PdfReportWriter;
import dev.taw.report.ReportModel;
import dev.taw.table.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;

/**
 * Every file the workbench writes, for both shells. One rule for a filtered view: an export holds the rows
 * in view and only those, with the scores and labels of the whole file's analysis (a filter chooses rows, it
 * never refits or relabels them); the PDF names the filters on its first page, and the summary line of each
 * export says how many rows of how many it holds and which view. The scored CSV itself carries no comment
 * line: spreadsheets and SIEMs would read one as a row.
 *
 * <p>Every export is written whole or not at all, never over its input, and a run with several outputs
 * (the command line's CSV and PDF) stages them all and {@linkplain #commit commits} them together at the end,
 * so a run that fails half-way leaves none of them.
 */
public final class Exports {
    private Exports() { }

    /**
     * What an export wrote.
     *
     * @param view the filters in words, or "all rows"
     */
    public record Written(Path file, long rows, long ofRows, String view, String unit) {
        public Written(Path file, long rows, long ofRows, String view) {
            this(file, rows, ofRows, view, "rows");
        }

        /** "Wrote out.csv: 12 of 282 rows (view: src_ip_country_code = NL)" or "Wrote out.csv: all 282 rows". */
        public String sentence() {
            return rows == ofRows && view.equals("all rows")
                    ? String.format(Locale.ROOT, "Wrote %s: all %,d %s", file, ofRows, unit)
                    : String.format(Locale.ROOT, "Wrote %s: %,d of %,d %s (view: %s)", file, rows, ofRows, unit, view);
        }
    }

    /** An export complete on disk beside its target, not yet in place. */
    public record Pending(AtomicWrite.Staged staged, Written written) { }

    /** @throws IOException when {@code target} is the input or lies inside the input folder */
    public static void refuseInput(Path target, Path input) throws IOException {
        OutputGuard.check(target, input);
    }

    /** The scored CSV of what the analyst is looking at, written at once. */
    public static Written scoredCsv(Investigation inv, Path target, ProgressListener progress, CancelToken cancel) throws IOException {
        var a = inv.analysis();
        refuseInput(target, a.imported().source());
        BitSet view = inv.isFiltered() ? inv.view() : null;
        new ScoredCsvWriter().write(target, a.table(), a.scores(), inv.labels(), HostsCsv.columns(a, inv.hostContamination()), view,
                a.imported().rowText(), progress, cancel);
        return new Written(target, inv.view().cardinality(), a.table().rowCount(), RowFilter.describe(inv.filters()));
    }

    /**
     * The scored CSV of a finished analysis at these contaminations, staged, so it can be written while the
     * findings are still being computed.
     */
    public static Pending stageScoredCsv(Analysis a, double contamination, double hostContamination, List<RowFilter> filters, Path target,
                                         ProgressListener progress, CancelToken cancel) throws IOException {
        var table = a.table();
        refuseInput(target, a.imported().source());
        byte[] labels = a.labels(contamination);
        BitSet view = filters.isEmpty() ? null : RowFilter.view(table, labels, filters);
        AtomicWrite.Staged staged = new ScoredCsvWriter().stage(target, table, a.scores(), labels, HostsCsv.columns(a, hostContamination), view,
                a.imported().rowText(), progress, cancel);
        return new Pending(staged, new Written(target, view == null ? table.rowCount() : view.cardinality(), table.rowCount(), RowFilter.describe(filters)));
    }

    /**
     * The hosts CSV of what the analyst is looking at, written at once: every source host with a row in view,
     * ranked. The summary line counts hosts, not rows.
     */
    public static Written hostsCsv(Investigation inv, Path target, CancelToken cancel) throws IOException {
        Pending p = stageHostsCsv(inv, target, cancel);
        commit(List.of(p));
        return p.written();
    }

    /** The hosts CSV, staged. */
    public static Pending stageHostsCsv(Investigation inv, Path target, CancelToken cancel) throws IOException {
        refuseInput(target, inv.analysis().imported().source());
        var hosts = inv.findings().hosts();
        HostsCsv.prepare(inv);
        AtomicWrite.Staged staged = TableCsvWriter.stage(target, HostsCsv.header(inv), hosts.size(), i -> HostsCsv.row(inv, i), cancel);
        long all = inv.analysis().table().text(Role.SRC_IP).map(c -> (long) c.distinctCount() - 1).orElse(0L);
        return new Pending(staged, new Written(target, hosts.size(), all, RowFilter.describe(inv.filters()), "hosts"));
    }

    /** The PDF report of what the analyst is looking at, written at once; {@code source} names the input as the analyst knows it. */
    public static Written report(Investigation inv, String source, Paper paper, Path target, ProgressListener progress, CancelToken cancel)
            throws IOException {
        Pending p = stageReport(inv, source, paper, target, progress, cancel);
        commit(List.of(p));
        return p.written();
    }

    /** The PDF report, staged. */
    public static Pending stageReport(Investigation inv, String source, Paper paper, Path target, ProgressListener progress, CancelToken cancel)
            throws IOException {
        refuseInput(target, inv.analysis().imported().source());
        AtomicWrite.Staged staged = new PdfReportWriter().stage(target, new ReportModel(source, inv, Instant.now(), paper), progress, cancel);
        return new Pending(staged, new Written(target, inv.view().cardinality(), inv.analysis().table().rowCount(), RowFilter.describe(inv.filters())));
    }

    /** Moves every staged output into place, in order; if one cannot be, the ones not yet moved are thrown away. */
    public static void commit(List<Pending> outputs) throws IOException {
        try {
            for (Pending p : outputs) p.staged().commit();
        } finally {
            for (Pending p : outputs) p.staged().close();
        }
    }

    /** Throws away staged outputs: a run that failed leaves none of them. */
    public static void discard(List<Pending> outputs) {
        for (Pending p : outputs) {
            try {
                p.staged().close();
            } catch (IOException e) {
                // best effort: the hidden .part file is all that can be left
            }
        }
    }

    /** Waits for an output still being written, then throws it away (its own failure, if any, is not the run's). */
    static void discard(Future<Pending> writing) {
        try {
            discard(List.of(Workers.get(writing)));
        } catch (IOException | RuntimeException e) {
            // it failed itself: AtomicWrite removed its temporary file
        }
    }
}
