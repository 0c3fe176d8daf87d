// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import dev.taw.analysis.Investigation;
import java.time.Instant;

/**
 * What a report covers: the investigation (run, contamination, filters) of one input file.
 *
 * @param source    the input file's name as the analyst knows it
 * @param paperSize A4 or Letter
 */
public record ReportModel(String source, Investigation investigation, Instant generatedAt, Paper paperSize) {
}
