// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 UTC text of the last instant seen, as {@link TimeColumn#text} spells a time without microseconds: logs
 * repeat the same timestamp row after row. The scored CSV writes times with it, and an import asks it whether a
 * line's time is spelt that way (so that the line can be copied as it is).
 */
public final class TimeText {
    private static final int DAY = 86_400_000;
    private long last = Long.MIN_VALUE;
    private byte[] text;
    private long dayStart = Long.MIN_VALUE;      // the first millisecond of the day of the reusable text below
    private final byte[] sameDay = new byte[20]; // "YYYY-MM-DDThh:mm:ssZ", time of day rewritten in place

    /** The text of an instant; valid until the next call (the caller copies it at once). */
    public byte[] of(long millis) {
        if (millis == last) return text;
        last = millis;
        // flow records of one day in any order: only the time of day changes, no calendar arithmetic, and
        // within the day int arithmetic (a long division is a call into the runtime for the quick compiler)
        int ms = dayStart != Long.MIN_VALUE && millis >= dayStart && millis < dayStart + DAY ? (int) (millis - dayStart) : -1;
        int s = ms >= 0 ? thousandth(ms) : -1;
        if (s >= 0 && s * 1000 == ms) {
            int m = sixtieth(s), h = sixtieth(m);
            two(sameDay, 11, h);
            two(sameDay, 14, m - h * 60);
            two(sameDay, 17, s - m * 60);
            return text = sameDay;
        }
        String iso = iso(millis);
        if (millis % 1000 == 0 && iso.length() == 20) { // the plain form: its date can serve the day's other seconds
            dayStart = Math.floorDiv(millis, DAY) * DAY;
            System.arraycopy(iso.getBytes(StandardCharsets.US_ASCII), 0, sameDay, 0, 20);
            return text = sameDay;
        }
        dayStart = Long.MIN_VALUE;
        return text = iso.getBytes(StandardCharsets.US_ASCII);
    }

    /** Two digits of v, 0-99, by a multiplication and a shift ((v × 205) / 2^11 is v / 10 below 1,029): no division. */
    private static void two(byte[] b, int at, int v) {
        int tens = (v * 205) >>> 11;
        b[at] = (byte) ('0' + tens);
        b[at + 1] = (byte) ('0' + v - tens * 10);
    }

    /** v / 1000 for any non-negative int, exactly ((v × ⌈2^38 / 1000⌉) / 2^38): the milliseconds of a day. */
    static int thousandth(int v) {
        return (int) ((v * 0x10624DD3L) >>> 38);
    }

    /** v / 60 for any non-negative int, exactly ((v × ⌈2^37 / 60⌉) / 2^37): the seconds of a day, and their minutes. */
    static int sixtieth(int v) {
        return (int) ((v * 0x88888889L) >>> 37);
    }

    /** Same text as {@code Instant.toString()} for whole seconds in years 0000–9999, built directly. */
    public static String iso(long millis) {
        if (millis % 1000 != 0) return java.time.Instant.ofEpochMilli(millis).toString();
        LocalDateTime t = LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) return java.time.Instant.ofEpochMilli(millis).toString();
        char[] c = "0000-00-00T00:00:00Z".toCharArray();
        put(c, 0, t.getYear(), 4);
        put(c, 5, t.getMonthValue(), 2);
        put(c, 8, t.getDayOfMonth(), 2);
        put(c, 11, t.getHour(), 2);
        put(c, 14, t.getMinute(), 2);
        put(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
