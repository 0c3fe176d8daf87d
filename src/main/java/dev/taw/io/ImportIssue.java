// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

/**
 * One line that was skipped (or a warning about it), in the form
 * {@code file:line: column 'x': REASON — detail — "snippet"}.
 *
 * @param line   1-based physical line in the (decompressed) file; the header is line 1
 * @param column the header of the offending column, or null when the whole line is at fault
 */
public record ImportIssue(String file, long line, String column, Reason reason, String detail, String snippet, String format) {

    /** Why a line was rejected; names follow the log-format notes so all importers report alike. */
    public enum Reason {
        FIELD_COUNT, NOT_A_NUMBER, OUT_OF_RANGE, BAD_TIMESTAMP, BAD_IP, UNTERMINATED_QUOTE, INVALID_JSON, LINE_TOO_LONG, TRUNCATED_FILE,
        /** A line of another log format inside this one (an NLB line among ALB lines). */
        OTHER_FORMAT
    }

    private static final int SNIPPET_MAX = 120;

    public static ImportIssue of(String file, long line, String column, Reason reason, String detail, String rawLine) {
        return new ImportIssue(file, line, column, reason, detail, snippet(rawLine), null);
    }

    /** An issue in a log format, e.g. {@code VPC flow [header, 14 fields]}, named in the message. */
    public static ImportIssue of(String file, long line, String format, String column, Reason reason, String detail, String rawLine) {
        return new ImportIssue(file, line, column, reason, detail, snippet(rawLine), format);
    }

    /** The same issue at another line (the second half of a file read in two). */
    public ImportIssue atLine(long newLine) {
        return new ImportIssue(file, newLine, column, reason, detail, snippet, format);
    }

    /** At most 120 characters, control characters escaped, long lines elided in the middle. */
    public static String snippet(String raw) {
        if (raw == null) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '\t') b.append("\\t");
            else if (Character.isISOControl(c)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        if (b.length() <= SNIPPET_MAX) return b.toString();
        int half = (SNIPPET_MAX - 1) / 2;
        return b.substring(0, half) + "…" + b.substring(b.length() - half);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(file).append(':').append(line).append(": ");
        if (format != null) b.append(format).append(": ");
        if (column != null) b.append("column '").append(column).append("': ");
        b.append(reason).append(" — ").append(detail);
        if (!snippet.isEmpty()) b.append(" — \"").append(snippet).append('"');
        return b.toString();
    }
}
