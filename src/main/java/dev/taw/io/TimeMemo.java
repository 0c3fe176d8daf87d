// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

/** Remembers the last timestamp text of a column: logs repeat the same time row after row. */
public final class TimeMemo {
    /** The last text's Latin-1 bytes; null before the first, or when it had a character beyond Latin-1. */
    private byte[] lastText;
    private long lastValue;
    private int lastMicros;
    private boolean lastCanonical;

    public long parse(Cells cells, int i) {
        if (cells.regionEquals(i, lastText)) return lastValue;
        String t = cells.text(i);
        long v = Timestamps.parseMillis(t);
        lastText = latin1(t);
        lastValue = v;
        lastMicros = Timestamps.subMillisMicros(t);
        lastCanonical = t.equals(dev.taw.table.TimeColumn.text(v, lastMicros));
        return v;
    }

    /** Whether the text {@link #parse} last read is the instant's own ISO-8601 text, as a scored CSV writes it. */
    public boolean lastCanonical() { return lastCanonical; }

    /** The microseconds below the millisecond of the text {@link #parse} last read (0 when it wrote none). */
    public int lastMicros() { return lastMicros; }

    private static byte[] latin1(String t) {
        for (int k = 0; k < t.length(); k++) if (t.charAt(k) > 0xFF) return null;
        return t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
