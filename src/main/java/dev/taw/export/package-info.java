// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Files the workbench writes for other tools: the scored CSV (RFC 4180, cells a spreadsheet would run neutralised), written whole or not at all.
 */
package dev.taw.export;
