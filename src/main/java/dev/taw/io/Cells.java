// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.table.TextColumn;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The fields of one record as ranges of their source, so cells are read in place: a plain ASCII line is
 * split into byte ranges of the reader's buffer (no String is made for the line or its cells), another
 * plain line into character ranges of itself, a quoted record (parsed by Commons CSV) into one string per
 * field. Leading and trailing white space is not part of a cell.
 */
public final class Cells {
    static final Set<String> MISSING_TOKENS = Set.of("", "-", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan");

    private static final byte[][] MISSING_BYTES = MISSING_TOKENS.stream().map(t -> t.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private final String[] source;
    private final int[] start;
    private final int[] end;
    /** Non-null: the fields are byte ranges of this plain ASCII line (valid until the next line is read). */
    private byte[] bytes;
    /** The joined text of a multi-line quoted record, for error snippets; null for a plain line. */
    public String record;

    public Cells(int width) {
        source = new String[width];
        start = new int[width];
        end = new int[width];
    }

    public int width() { return source.length; }

    /** Splits a line without quotes on the delimiter; returns the field count (may exceed the width). */
    public int split(String line, char delimiter) {
        record = null;
        bytes = null;
        int count = 0;
        int from = 0;
        int width = source.length;
        while (true) {
            int at = line.indexOf(delimiter, from);
            int to = at < 0 ? line.length() : at;
            if (count < width) {
                source[count] = line;
                start[count] = from;
                end[count] = to;
            }
            count++;
            if (at < 0) return count;
            from = at + 1;
        }
    }

    /**
     * Splits the ASCII line {@code b[from, to)} on the delimiter without making any String; returns the
     * field count (may exceed the width), or -1 when the line holds a quote and must be parsed as text.
     */
    public int split(byte[] b, int from, int to, char delimiter) {
        record = null;
        bytes = b;
        int count = 0;
        int width = source.length;
        int cellStart = from;
        int low = Math.max(delimiter, '"'); // a byte above both is neither: one test for nearly every byte of a line
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c > low) continue;
            if (c == delimiter) {
                if (count < width) {
                    start[count] = cellStart;
                    end[count] = i;
                }
                count++;
                cellStart = i + 1;
            } else if (c == '"') {
                return -1;
            }
        }
        if (count < width) {
            start[count] = cellStart;
            end[count] = to;
        }
        return count + 1;
    }

    /** Takes the fields Commons CSV parsed; returns their count. */
    public int set(List<String> cells, String joined) {
        record = joined;
        bytes = null;
        for (int i = 0; i < Math.min(cells.size(), source.length); i++) {
            String c = cells.get(i);
            source[i] = c;
            start[i] = 0;
            end[i] = c.length();
        }
        return cells.size();
    }

    private int from(int i) {
        int a = start[i], b = end[i];
        if (bytes != null) {
            while (a < b && bytes[a] <= ' ') a++;
            return a;
        }
        String s = source[i];
        while (a < b && s.charAt(a) <= ' ') a++;
        return a;
    }

    private int to(int i, int from) {
        int b = end[i];
        if (bytes != null) {
            while (b > from && bytes[b - 1] <= ' ') b--;
            return b;
        }
        String s = source[i];
        while (b > from && s.charAt(b - 1) <= ' ') b--;
        return b;
    }

    public String text(int i) {
        int a = from(i);
        int b = to(i, a);
        return bytes != null ? new String(bytes, a, b - a, StandardCharsets.ISO_8859_1) : source[i].substring(a, b);
    }

    public boolean isMissing(int i) {
        int a = from(i), b = to(i, a);
        if (b - a > 4) return false;
        if (bytes == null) return MISSING_TOKENS.contains(source[i].substring(a, b));
        if (a == b) return true;
        // every token but the empty one starts with one of these: most short cells (a country, a status) stop here
        byte first = bytes[a];
        if (first != '-' && first != 'N' && first != 'n') return false;
        for (byte[] m : MISSING_BYTES) if (Arrays.equals(m, 0, m.length, bytes, a, b)) return true;
        return false;
    }

    /**
     * Whether cell i is the text {@code other} held as Latin-1 bytes: where the cell is a byte range, a plain loop over
     * two byte arrays (no character decoding per byte, which the quick compiler does not inline away).
     */
    boolean regionEquals(int i, byte[] other) {
        int a = from(i), b = to(i, a);
        if (other == null || other.length != b - a) return false;
        if (bytes == null) {
            for (int k = 0; k < other.length; k++) if ((other[k] & 0xFF) != source[i].charAt(a + k)) return false;
            return true;
        }
        byte[] x = bytes;
        for (int k = 0; k < other.length; k++) if (other[k] != x[a + k]) return false;
        return true;
    }

    /** True when the byte range of cell i has no white space or control byte at either end (is its own trimmed text). */
    public boolean untrimmed(int i) {
        int a = start[i], b = end[i];
        return a == b || bytes[a] > ' ' && bytes[b - 1] > ' ';
    }

    /** True when the byte range of cell i is empty. */
    public boolean empty(int i) {
        return start[i] == end[i];
    }

    /**
     * True when the byte range of cell i is a whole number as the scored CSV writes one: 1 to 15 digits, no leading
     * zero but in "0".
     */
    public boolean plainWhole(int i) {
        int a = start[i], b = end[i];
        if (b <= a || b - a > 15 || bytes[a] == '0' && b - a > 1) return false;
        for (int k = a; k < b; k++) if (bytes[k] < '0' || bytes[k] > '9') return false;
        return true;
    }

    public void addTo(int i, TextColumn.Builder column) {
        int a = from(i);
        if (bytes != null) column.add(bytes, a, to(i, a));
        else column.add(source[i], a, to(i, a));
    }

    /** A finite number, or NaN when the cell is not one. Plain digits are parsed in place. */
    public double number(int i) {
        int a = from(i);
        return bytes != null ? parseNumber(bytes, a, to(i, a)) : parseNumber(source[i], a, to(i, a));
    }

    /** A finite number from the whole string, or NaN. */
    public static double parseNumber(String s) {
        return parseNumber(s, 0, s.length());
    }

    /** A finite number from the bytes {@code b[from, to)}, or NaN. Plain digits are parsed in place. */
    public static double parseNumber(byte[] b, int from, int to) {
        if (to > from && to - from <= 15) {
            long v = 0;
            int k = from;
            for (; k < to; k++) {
                int c = b[k] - '0';
                if (c < 0 || c > 9) break;
                v = v * 10 + c;
            }
            if (k == to) return v;
        }
        return parseNumber(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static double parseNumber(String s, int a, int b) {
        if (b > a && b - a <= 15) {
            long v = 0;
            int k = a;
            for (; k < b; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') break;
                v = v * 10 + (c - '0');
            }
            if (k == b) return v;
        }
        try {
            double v = Double.parseDouble(s.substring(a, b));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
