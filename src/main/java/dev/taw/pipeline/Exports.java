// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.pipeline;

import dev.taw.analysis.Investigation;
import dev.taw.analysis.RowFilter;
import dev.taw.analysis.RowScores;
import dev.taw.export.ScoredCsvWriter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.report.Paper;
import dev.taw.report.PdfReportWriter;
import dev.taw.report.ReportModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Every file the workbench writes, for both shells. One rule for a filtered view: an export holds the rows
 * in view and only those, with the scores and labels of the whole file's analysis (a filter chooses rows, it
 * never refits or relabels them); the PDF names the filters on its first page, and the summary line of each
 * export says how many rows of how many it holds and which view. The scored CSV itself carries no comment
 * line: spreadsheets and SIEMs would read one as a row.
 */
public final class Exports {
    private Exports() { }

    /**
     * What an export wrote.
     *
     * @param view the filters in words, or "all rows"
     */
    public record Written(Path file, long rows, long ofRows, String view) {
        /** "Wrote out.csv: 12 of 282 rows (view: src_ip_country_code = NL)" or "Wrote out.csv: all 282 rows". */
        public String sentence() {
            return rows == ofRows && view.equals("all rows")
                    ? String.format(Locale.ROOT, "Wrote %s: all %,d rows", file, ofRows)
                    : String.format(Locale.ROOT, "Wrote %s: %,d of %,d rows (view: %s)", file, rows, ofRows, view);
        }
    }

    /** The scored CSV of what the analyst is looking at. */
    public static Written scoredCsv(Investigation inv, Path target, ProgressListener progress, CancelToken cancel) throws IOException {
        var a = inv.analysis();
        BitSet view = inv.isFiltered() ? inv.view() : null;
        new ScoredCsvWriter().write(target, a.table(), a.scores(), inv.labels(), view, progress, cancel);
        return new Written(target, inv.view().cardinality(), a.table().rowCount(), RowFilter.describe(inv.filters()));
    }

    /** The scored CSV from row scores alone, so it can be written while the hosts are still being scored. */
    public static Written scoredCsv(RowScores rows, double contamination, List<RowFilter> filters, Path target, ProgressListener progress,
                                    CancelToken cancel) throws IOException {
        var table = rows.imported().table();
        byte[] labels = rows.labels(contamination);
        BitSet view = filters.isEmpty() ? null : RowFilter.view(table, labels, filters);
        new ScoredCsvWriter().write(target, table, rows.scores(), labels, view, progress, cancel);
        return new Written(target, view == null ? table.rowCount() : view.cardinality(), table.rowCount(), RowFilter.describe(filters));
    }

    /** The PDF report of what the analyst is looking at; {@code source} names the input as the analyst knows it. */
    public static Written report(Investigation inv, String source, Paper paper, Path target, ProgressListener progress, CancelToken cancel)
            throws IOException {
        new PdfReportWriter().write(target, new ReportModel(source, inv, Instant.now(), paper), progress, cancel);
        return new Written(target, inv.view().cardinality(), inv.analysis().table().rowCount(), RowFilter.describe(inv.filters()));
    }
}
