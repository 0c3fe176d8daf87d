// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The PDF report of an investigation, written with PDFBox: title and settings, summary figures, the
 * charts drawn as vector graphics (crisp at any zoom), tables and the most suspicious rows with their
 * explanations. No JavaFX: the same report comes from the window and the command line.
 */
package dev.taw.report;
