// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

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
