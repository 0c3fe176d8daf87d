// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

/** Remembers the last timestamp text of a column: logs repeat the same time row after row. */
public final class TimeMemo {
    /** The last text's Latin-1 bytes; null before the first, or when it had a character beyond Latin-1. */
    private byte[] lastText;
    private long lastValue;
    private int lastMicros;
    /** The text last read, and whether it is the instant's own ISO-8601 text: 0 not asked yet, 1 yes, 2 no. */
    private String lastString;
    private byte lastCanonical;
    /** The writer's own spelling of a time without microseconds, from the milliseconds (the day's date kept). */
    private final dev.taw.table.TimeText spelt = new dev.taw.table.TimeText();

    public long parse(Cells cells, int i) {
        if (cells.regionEquals(i, lastText)) return lastValue;
        String t = cells.text(i);
        long v = Timestamps.parseMillis(t);
        lastText = latin1(t);
        lastValue = v;
        lastMicros = Timestamps.subMillisMicros(t);
        lastString = t;
        lastCanonical = 0;
        return v;
    }

    /**
     * Whether the text {@link #parse} last read is the instant's own ISO-8601 text, as a scored CSV writes it: worked
     * out when first asked, once per distinct text, so a read that keeps no line never formats a time. A time without
     * microseconds is spelt as the writer spells it, with no {@code Instant} and no string (a million-row import asks
     * about a hundred thousand times).
     */
    public boolean lastCanonical() {
        if (lastCanonical == 0) {
            boolean same = lastMicros == 0 && lastText != null ? java.util.Arrays.equals(lastText, spelt.of(lastValue))
                    : lastString.equals(dev.taw.table.TimeColumn.text(lastValue, lastMicros));
            lastCanonical = same ? (byte) 1 : 2;
        }
        return lastCanonical == 1;
    }

    /** The microseconds below the millisecond of the text {@link #parse} last read (0 when it wrote none). */
    public int lastMicros() { return lastMicros; }

    private static byte[] latin1(String t) {
        for (int k = 0; k < t.length(); k++) if (t.charAt(k) > 0xFF) return null;
        return t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
