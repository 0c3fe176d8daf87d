// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import java.util.Locale;

/**
 * How long a host's context is counted over. Over a month of logs, a host that scanned for one afternoon is
 * diluted by four quiet weeks; with a window of a day it is judged on that day. Windows are aligned to the epoch
 * in UTC ({@code floor(time / window)}): a day is a UTC calendar day, an hour a clock hour, so the desktop and
 * every Spark task cut a log at the same instants whatever part of it they hold.
 */
public final class ContextWindow {
    /** Every host over the whole log. */
    public static final long WHOLE_LOG = 0;
    public static final long MIN = 60_000L, MAX = 366L * 86_400_000L;
    private static final long MINUTE = 60_000L, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

    private ContextWindow() { }

    /**
     * "30m", "1h", "6h", "1d", "7d" (or "whole" / "0" for the whole log) as milliseconds.
     *
     * @throws IllegalArgumentException in one line, saying what is accepted
     */
    public static long parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("whole") || t.equals("0")) return WHOLE_LOG;
        if (!t.matches("\\d{1,6}[mhd]")) throw new IllegalArgumentException("a context window is a number and m, h or d (30m, 1h, 1d, 7d) or 'whole', got '" + text + "'");
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        long unit = switch (t.charAt(t.length() - 1)) { case 'm' -> MINUTE; case 'h' -> HOUR; default -> DAY; };
        long millis = n * unit;
        if (!inRange(millis)) throw new IllegalArgumentException("a context window is between 1m and 366d, got '" + text + "'");
        return millis;
    }

    /** 0, or 1 minute to 366 days. */
    static void check(long millis) {
        if (millis != WHOLE_LOG && !inRange(millis)) {
            throw new IllegalArgumentException("a context window is between 1m and 366d, got " + text(millis));
        }
    }

    private static boolean inRange(long millis) {
        return millis >= MIN && millis <= MAX;
    }

    /** The shortest text {@link #parse} reads back: "1d", "6h", "90m", "whole". */
    public static String text(long millis) {
        if (millis == WHOLE_LOG) return "whole";
        if (millis % DAY == 0) return millis / DAY + "d";
        if (millis % HOUR == 0) return millis / HOUR + "h";
        if (millis % MINUTE == 0) return millis / MINUTE + "m";
        return millis + "ms";
    }

    /** Which window an instant falls in: the same index on every machine, for every part of a log. */
    public static long index(long epochMillis, long window) {
        return Math.floorDiv(epochMillis, window);
    }
}
