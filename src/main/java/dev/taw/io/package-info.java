// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reading traffic logs into a {@link dev.taw.table.Table} and writing scored results back out. Every
 * rejected line is reported with file, line, column and reason; nothing is dropped silently.
 */
package dev.taw.io;
