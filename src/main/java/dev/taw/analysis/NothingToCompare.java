// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.analysis;

import dev.taw.features.FeatureMatrix;
import dev.taw.io.ImportResult;
import dev.taw.table.Role;
import java.util.Locale;

/**
 * A file too small or too uniform to judge: one row, or rows alike in every feature (one client asking for
 * one page). An Isolation Forest ranks rows against each other, so there is nothing to rank. Said in words,
 * with what the file holds and what would make it scoreable, instead of the forest's own complaint.
 */
public final class NothingToCompare extends IllegalArgumentException {
    private NothingToCompare(String message) {
        super(message);
    }

    /** @return the reason the rows cannot be ranked, or null when they can */
    public static NothingToCompare check(ImportResult imported, FeatureMatrix matrix) {
        var t = imported.table();
        String file = imported.report().file();
        // a baseline judges any number of rows: the way forward for a small file of a source that has a clean day on record
        String todo = "open more of this source's logs (a folder of a day's files) so there is normal traffic to compare with, "
                + "or judge it by a baseline trained on that source's normal traffic (traffic-workbench score FILE --model BASELINE.model; "
                + "in the window File ▸ Load Model (Baseline)…)";
        if (t.rowCount() < 2) {
            return new NothingToCompare(String.format(Locale.ROOT, "%s: only %d row was imported, and an Isolation Forest ranks rows against "
                    + "each other: %s", file, t.rowCount(), todo));
        }
        if (matrix.width() == 0) {
            long clients = t.text(Role.SRC_IP).map(c -> (long) c.distinctCount() - 1).orElse(0L);
            String who = clients == 1 ? "one source address (" + t.text(Role.SRC_IP).orElseThrow().dictionary()[1] + ")"
                    : clients == 0 ? "no source address" : clients + " source addresses";
            // the features that are there but do not vary say most: name them before the ones the format lacks
            String alike = String.join("; ", matrix.leftOut().entrySet().stream()
                    .sorted(java.util.Comparator.comparing(e -> !e.getValue().startsWith("same value")))
                    .limit(4).map(e -> e.getKey().label() + ": " + e.getValue()).toList());
            return new NothingToCompare(String.format(Locale.ROOT, "%s: the %,d rows, from %s, are alike in every feature the model uses (%s%s), "
                    + "and an Isolation Forest ranks rows against each other: %s, or switch on features that vary", file, t.rowCount(), who, alike,
                    matrix.leftOut().size() > 4 ? "; …" : "", todo));
        }
        return null;
    }
}
