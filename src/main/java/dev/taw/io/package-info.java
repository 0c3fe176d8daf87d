// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What every importer shares: the import result and its report (rows read, imported, skipped with file, line, column and reason: nothing is dropped silently), the formats by name, cell and time parsing, and the one table assembler. The importers themselves live in the sub-packages, one per kind of log.
 */
package dev.taw.io;
