// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

/** Remembers the last timestamp text of a column: logs repeat the same time row after row. */
public final class TimeMemo {
    private String lastText;
    private long lastValue;

    public long parse(Cells cells, int i) {
        if (cells.regionEquals(i, lastText)) return lastValue;
        String t = cells.text(i);
        long v = Timestamps.parseMillis(t);
        lastText = t;
        lastValue = v;
        return v;
    }
}
