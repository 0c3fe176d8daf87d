// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.util.List;
import java.util.Map;

/**
 * What an import did: rows read, imported and skipped (with the first {@link #MAX_ISSUES} reasons),
 * numeric cells imputed per column, and which columns were missing, extra or constant.
 *
 * @param rowsRead        data records seen (blank lines excluded)
 * @param skippedCount    records skipped; may exceed {@code issues.size()}
 * @param imputedByColumn column header → number of empty numeric cells filled with the median
 * @param countrySource   which GeoIP database gave rows their country, and how many; null when none did
 * @param format          the detected format and variant, e.g. {@code VPC flow [header, 29 fields]}
 */
public record ImportReport(
        String file,
        long rowsRead,
        int rowsImported,
        long skippedCount,
        List<ImportIssue> issues,
        Map<String, Integer> imputedByColumn,
        long blankLines,
        List<String> missingOptionalColumns,
        List<String> extraColumns,
        List<String> constantColumns,
        List<String> warnings,
        String countrySource,
        String format) {

    public static final int MAX_ISSUES = 1000;

    /** What reading counted: records read, skipped (with the first issues) and blank lines, and the warnings. */
    public record Counts(String file, long read, long skipped, List<ImportIssue> issues, long blank, List<String> warnings) { }

    public ImportReport {
        issues = List.copyOf(issues);
        // in the order given, not Map.copyOf's, which changes from one JVM to the next: the summary lists them
        imputedByColumn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(imputedByColumn));
        missingOptionalColumns = List.copyOf(missingOptionalColumns);
        extraColumns = List.copyOf(extraColumns);
        constantColumns = List.copyOf(constantColumns);
        warnings = List.copyOf(warnings);
    }

    /** The same report, noting that countries came from a GeoIP database (and the constant columns after that). */
    public ImportReport withCountrySource(String source, List<String> constants) {
        return new ImportReport(file, rowsRead, rowsImported, skippedCount, issues, imputedByColumn, blankLines, missingOptionalColumns,
                extraColumns, constants, warnings, source, format);
    }

    public long imputedCount() {
        return imputedByColumn.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** "282 rows · 0 skipped · 9 constant columns ignored" — the status-bar line. */
    /** The compressed input ended before its end: the rows are those before the cut (a file still being written, or a broken one). */
    public boolean endsEarly() {
        return warnings.stream().anyMatch(w -> w.startsWith(ImportIssue.Reason.TRUNCATED_FILE.name()));
    }

    public String oneLine() {
        StringBuilder b = new StringBuilder()
                .append(String.format("%,d rows · %,d skipped", rowsImported, skippedCount));
        long imputed = imputedCount();
        if (imputed > 0) b.append(String.format(" · %,d imputed", imputed));
        b.append(" · ").append(constantColumns.size()).append(constantColumns.size() == 1 ? " constant column ignored" : " constant columns ignored");
        return b.toString();
    }

    /** The full summary printed by the command line and shown in the import dialog. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(file).append(" (").append(format).append("): ").append(String.format("%,d records read, %,d imported, %,d skipped, %,d numeric cells imputed",
                rowsRead, rowsImported, skippedCount, imputedCount())).append('\n');
        imputedByColumn.forEach((c, n) -> b.append("  imputed with the median: ").append(c).append(" ×").append(n).append('\n'));
        if (blankLines > 0) b.append("  blank lines ignored: ").append(blankLines).append('\n');
        if (!missingOptionalColumns.isEmpty()) b.append("  optional columns not in the file: ").append(String.join(", ", missingOptionalColumns)).append('\n');
        if (!extraColumns.isEmpty()) b.append("  extra columns carried through: ").append(String.join(", ", extraColumns)).append('\n');
        if (!constantColumns.isEmpty()) b.append("  constant columns ignored by the model (").append(constantColumns.size()).append("): ").append(String.join(", ", constantColumns)).append('\n');
        for (String w : warnings) b.append("  warning: ").append(w).append('\n');
        if (countrySource != null) b.append("  countries: ").append(countrySource).append('\n');
        return b.toString();
    }
}
