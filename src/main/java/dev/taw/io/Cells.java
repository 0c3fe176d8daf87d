// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import dev.taw.table.TextColumn;
import java.util.List;
import java.util.Set;

/**
 * The fields of one record as character ranges of their source text, so cells are read in place: a
 * plain line is split into ranges of itself, a quoted record (parsed by Commons CSV) into one string per
 * field. Leading and trailing white space is not part of a cell.
 */
final class Cells {
    static final Set<String> MISSING_TOKENS = Set.of("", "-", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan");

    private final String[] source;
    private final int[] start;
    private final int[] end;
    /** The joined text of a multi-line quoted record, for error snippets; null for a plain line. */
    String record;

    Cells(int width) {
        source = new String[width];
        start = new int[width];
        end = new int[width];
    }

    int width() { return source.length; }

    /** Splits a line without quotes on the delimiter; returns the field count (may exceed the width). */
    int split(String line, char delimiter) {
        record = null;
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

    /** Takes the fields Commons CSV parsed; returns their count. */
    int set(List<String> cells, String joined) {
        record = joined;
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
        String s = source[i];
        while (a < b && s.charAt(a) <= ' ') a++;
        return a;
    }

    private int to(int i, int from) {
        int b = end[i];
        String s = source[i];
        while (b > from && s.charAt(b - 1) <= ' ') b--;
        return b;
    }

    String text(int i) {
        int a = from(i);
        return source[i].substring(a, to(i, a));
    }

    boolean isMissing(int i) {
        int a = from(i), b = to(i, a);
        return b - a <= 4 && MISSING_TOKENS.contains(source[i].substring(a, b));
    }

    boolean regionEquals(int i, String other) {
        int a = from(i), b = to(i, a);
        return other != null && other.length() == b - a && other.regionMatches(0, source[i], a, b - a);
    }

    void addTo(int i, TextColumn.Builder column) {
        int a = from(i);
        column.add(source[i], a, to(i, a));
    }

    /** A finite number, or NaN when the cell is not one. Plain digits are parsed in place. */
    double number(int i) {
        int a = from(i);
        return parseNumber(source[i], a, to(i, a));
    }

    /** A finite number from the whole string, or NaN. */
    static double parseNumber(String s) {
        return parseNumber(s, 0, s.length());
    }

    /** A finite number from the bytes {@code b[from, to)}, or NaN. Plain digits are parsed in place. */
    static double parseNumber(byte[] b, int from, int to) {
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
