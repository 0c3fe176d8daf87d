// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

/** Rows and suspicious rows for one value of a column (a country, a port, …). */
public record CategoryStat(String value, long rows, long suspicious) {
    /** Share of this value's rows that are suspicious, 0–1. */
    public double rate() {
        return rows == 0 ? 0.0 : (double) suspicious / rows;
    }
}
