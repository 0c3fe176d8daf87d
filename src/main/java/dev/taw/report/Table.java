// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.report;

import java.awt.Color;
import java.io.IOException;

/** A simple ruled table: a bold header, then rows; cells are cut to their column with an ellipsis. */
final class Table {
    private static final float SIZE = 8.5f;
    private static final float ROW = 13;
    private final Pages p;
    private final String[] header;
    private final float[] fractions;
    private int rows;

    Table(Pages p, String[] header, float[] fractions) throws IOException {
        this.p = p;
        this.header = header;
        this.fractions = fractions;
        printHeader();
    }

    private void printHeader() throws IOException {
        p.need(ROW * 3);
        draw(header, true);
        p.out().setStrokingColor(Color.GRAY);
        p.out().moveTo(p.left(), p.y() + 3);
        p.out().lineTo(p.left() + p.width(), p.y() + 3);
        p.out().stroke();
    }

    void row(String... cells) throws IOException {
        if (p.y() - ROW < Pages.MARGIN + 20) {
            p.newPage();
            printHeader();
        }
        if (rows++ % 2 == 1) {
            p.out().setNonStrokingColor(new Color(0xf3, 0xf5, 0xf7));
            p.out().addRect(p.left(), p.y() - ROW + 3, p.width(), ROW);
            p.out().fill();
        }
        draw(cells, false);
    }

    private void draw(String[] cells, boolean bold) throws IOException {
        p.down(ROW);
        float x = p.left();
        for (int i = 0; i < cells.length; i++) {
            float w = fractions[i] * p.width();
            p.text(p.fonts.fit(cells[i], SIZE, bold, w - 6), x + 2, p.y() + 6, SIZE, bold, Color.BLACK);
            x += w;
        }
    }
}
