// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

/**
 * One CSV cell as we write it: quoted only when it must be (RFC 4180), and neutralised when a spreadsheet
 * would run it as a formula (OWASP's advice against CSV injection). Every CSV the workbench writes goes through here.
 */
public final class CsvCells {
    private CsvCells() { }

    /** Appends the field, quoted (with quotes doubled) only if it holds a comma, a quote or a line break. */
    public static StringBuilder appendField(StringBuilder b, String v) {
        if (!needsQuotes(v)) return b.append(v);
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') b.append('"');
            b.append(c);
        }
        return b.append('"');
    }

    /** True when a field holds a comma, a quote or a line break, and so is written quoted. */
    public static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    /** A plain decimal number as spreadsheets read one: no hex ({@code -0x1p3}), no {@code Infinity} or {@code NaN}. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-](\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Prefixes an apostrophe to text a spreadsheet would evaluate ({@code = + - @}, tab or CR first); a signed
     * decimal number like {@code -12} or {@code +1.5e3} stays as it is, and so does a lone {@code -} (AWS's
     * "missing"), which no spreadsheet runs.
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return cell;
        if (cell.equals("-")) return cell;
        if ((c == '+' || c == '-') && DECIMAL.matcher(cell).matches()) return cell;
        return "'" + cell;
    }
}
