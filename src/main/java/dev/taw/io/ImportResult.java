// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.table.Table;
import java.nio.file.Path;

/**
 * The imported table together with the report of how it was read.
 *
 * @param source the file or folder it was read from, or null when not known (exports refuse to overwrite it)
 */
public record ImportResult(Table table, ImportReport report, Path source) {
    public ImportResult(Table table, ImportReport report) {
        this(table, report, null);
    }

    /** The same result, read from {@code source}. */
    public ImportResult from(Path source) {
        return new ImportResult(table, report, source);
    }
}
