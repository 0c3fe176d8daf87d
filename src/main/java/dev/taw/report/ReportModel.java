// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import dev.taw.analysis.Investigation;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * What a report covers: the investigation (run, contamination, filters) of one input file.
 *
 * @param source    the input file's name as the analyst knows it
 * @param paperSize A4 or Letter
 */
public record ReportModel(String source, Investigation investigation, Instant generatedAt, Paper paperSize) {

    /** Paper sizes the report lays out for. */
    public enum Paper {
        A4(PDRectangle.A4), LETTER(PDRectangle.LETTER);

        final PDRectangle size;

        Paper(PDRectangle size) { this.size = size; }

        /** Letter where it is the custom (US, Canada, Mexico, Philippines…), A4 elsewhere. */
        public static Paper forCountry(String country) {
            return switch (country) {
                case "US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR" -> LETTER;
                default -> A4;
            };
        }
    }
}
