// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.table.RowText;
import dev.taw.table.Table;
import java.nio.file.Path;

/**
 * The imported table together with the report of how it was read.
 *
 * @param source  the file or folder it was read from, or null when not known (exports refuse to overwrite it)
 * @param rowText where the table's rows stand in a plain file, line for line, or null; a result made from another
 *                (joined, filled, unioned) gets none, as its rows are no longer the file's lines
 */
public record ImportResult(Table table, ImportReport report, Path source, RowText rowText) {
    public ImportResult(Table table, ImportReport report) {
        this(table, report, null, null);
    }

    public ImportResult(Table table, ImportReport report, Path source) {
        this(table, report, source, null);
    }

    /** The same result, read from {@code source}. */
    public ImportResult from(Path source) {
        return new ImportResult(table, report, source, rowText);
    }

    /** The same result, its rows standing in a file as {@code text} says. */
    public ImportResult withRowText(RowText text) {
        if (text != null && text.lines().length != table.rowCount()) throw new IllegalArgumentException("a line for each row");
        return new ImportResult(table, report, source, text);
    }
}
