// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.table.Table;

/** The imported table together with the report of how it was read. */
public record ImportResult(Table table, ImportReport report) { }
