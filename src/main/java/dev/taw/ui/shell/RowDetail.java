// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.shell;

import dev.taw.analysis.Explanation;
import dev.taw.analysis.Formats;
import dev.taw.analysis.Investigation;
import dev.taw.table.Column;
import dev.taw.table.Table;

/** The text of the detail pane for one row: verdict, why, and every field. Built off the FX thread. */
final class RowDetail {
    private RowDetail() { }

    static String describe(Investigation inv, int row) {
        Table t = inv.analysis().table();
        double score = inv.analysis().scores()[row];
        boolean suspicious = inv.labels()[row] < 0;
        Explanation e = inv.analysis().explain(row);
        StringBuilder b = new StringBuilder();
        b.append(suspicious ? "SUSPICIOUS (-1)" : "normal (1)").append("   score ").append(Formats.score(score))
                .append("   (cut-off ").append(Formats.score(inv.findings().cutOff())).append(")\n");
        b.append("File line ").append(t.sourceLines()[row]).append("\n\n");
        b.append(suspicious ? "Why it looks suspicious:\n" : "What stands out most:\n");
        if (e.reasons().isEmpty()) b.append("  ").append(e.summary()).append('\n');
        for (Explanation.Reason r : e.reasons()) {
            b.append("  • ").append(r.text()).append("  (score −").append(Formats.score(r.scoreDrop())).append(" if typical)\n");
        }
        b.append("\nFields:\n");
        for (Column c : t.columns()) {
            b.append("  ").append(c.name()).append(": ").append(c.format(row));
            if (c.isMissing(row) && c instanceof dev.taw.table.NumberColumn) b.append("(empty; imputed with the median)");
            b.append('\n');
        }
        return b.toString();
    }
}
