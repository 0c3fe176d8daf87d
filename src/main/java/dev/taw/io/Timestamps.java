// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamp forms found in traffic exports into epoch milliseconds (UTC): ISO-8601 with
 * {@code Z} or an offset, with or without fractions, with {@code T} or a space, without a zone (taken as
 * UTC), and epoch seconds or milliseconds (told apart by magnitude: anything above 10^11 is milliseconds,
 * which puts the boundary in the year 5138 for seconds and 1973 for milliseconds).
 *
 * <p>The common shape {@code 2024-04-25T23:00:00Z} is parsed by hand because {@code Instant.parse} costs
 * about a microsecond, which is a third of the time budget for a million rows with three time columns.
 */
public final class Timestamps {
    private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;
    /** The times a traffic log can hold: 1990-01-01 up to 2200-01-01 (UTC). Anything else is a bad value, not a time. */
    public static final long MIN_MILLIS = 631_152_000_000L, MAX_MILLIS = 7_258_118_400_000L;
    /** How the range reads in a message. */
    public static final String RANGE = "outside the years 1990–2199";

    private Timestamps() { }

    /** True for a time a log can hold (see {@link #MIN_MILLIS}). */
    public static boolean inRange(long millis) {
        return millis >= MIN_MILLIS && millis < MAX_MILLIS;
    }

    /** {@code millis}, when in range. @throws IllegalArgumentException saying it is out of range */
    public static long checked(long millis) {
        if (!inRange(millis)) throw new IllegalArgumentException(RANGE);
        return millis;
    }

    /** Epoch seconds (from a log's number field) as milliseconds. @throws IllegalArgumentException when out of range */
    public static long fromSeconds(double seconds) {
        if (!(seconds >= MIN_MILLIS / 1000.0 && seconds < MAX_MILLIS / 1000.0)) throw new IllegalArgumentException(RANGE);
        return (long) seconds * 1000L;
    }

    /** @throws IllegalArgumentException with a short reason when the text is not a timestamp, or not one in range */
    public static long parseMillis(String s) {
        return checked(parseAny(s));
    }

    /**
     * The microseconds below the millisecond that an ISO-8601 text writes ("…:00.186641Z" → 641), 0 when it writes
     * three digits or fewer; digits past the sixth are dropped. Milliseconds stay what features read; this is kept
     * for the text written back.
     */
    public static int subMillisMicros(String s) {
        int dot = s.indexOf('.', 17);
        if (dot < 0) return 0;
        int v = 0, digits = 0;
        for (int i = dot + 1; i < s.length() && digits < 6; i++, digits++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') break;
            if (digits >= 3) v = v * 10 + (c - '0');
        }
        if (digits <= 3) return 0;
        for (int d = digits; d < 6; d++) v *= 10;
        return v;
    }

    private static long parseAny(String s) {
        String t = s.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty timestamp");
        if (isAllDigits(t)) {
            if (t.length() > 15) throw new IllegalArgumentException("epoch number too large");
            long v = Long.parseLong(t);
            return v >= EPOCH_MILLIS_THRESHOLD ? v : Math.multiplyExact(v, 1000L);
        }
        if (t.length() == 20 && t.charAt(19) == 'Z' && t.charAt(10) == 'T') {
            long fast = fastIsoZ(t);
            if (fast != Long.MIN_VALUE) return fast;
        }
        return slowIso(t);
    }

    private static boolean isAllDigits(String t) {
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length()) return false;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                // epoch seconds with a fraction, e.g. 1714086000.123
                return false;
            }
        }
        return true;
    }

    private static long fastIsoZ(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') return Long.MIN_VALUE;
        int y = digits(t, 0, 4), mo = digits(t, 5, 2), d = digits(t, 8, 2);
        int h = digits(t, 11, 2), mi = digits(t, 14, 2), sec = digits(t, 17, 2);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) {
            return Long.MIN_VALUE;
        }
        try {
            long day = java.time.LocalDate.of(y, mo, d).toEpochDay();
            return ((day * 24 + h) * 60 + mi) * 60_000L + sec * 1000L;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String t, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long slowIso(String t) {
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // no zone: fall through
        } catch (ArithmeticException | DateTimeException e) { // a valid date in year +999999999 overflows a long of milliseconds
            throw new IllegalArgumentException(RANGE);
        }
        try {
            return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not ISO either: maybe fractional epoch seconds
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException(RANGE);
        }
        try {
            double seconds = Double.parseDouble(t);
            if (Double.isFinite(seconds)) return Math.round(seconds >= EPOCH_MILLIS_THRESHOLD ? seconds : seconds * 1000.0);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("not an ISO-8601 timestamp or epoch seconds/milliseconds");
    }
}
