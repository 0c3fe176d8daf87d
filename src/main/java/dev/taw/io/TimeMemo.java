// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

/** Remembers the last timestamp text of a column: logs repeat the same time row after row. */
public final class TimeMemo {
    private String lastText;
    private long lastValue;
    private int lastMicros;

    public long parse(Cells cells, int i) {
        if (cells.regionEquals(i, lastText)) return lastValue;
        String t = cells.text(i);
        long v = Timestamps.parseMillis(t);
        lastText = t;
        lastValue = v;
        lastMicros = Timestamps.subMillisMicros(t);
        return v;
    }

    /** The microseconds below the millisecond of the text {@link #parse} last read (0 when it wrote none). */
    public int lastMicros() { return lastMicros; }
}
