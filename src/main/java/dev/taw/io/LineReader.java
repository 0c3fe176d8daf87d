// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines (LF, CRLF or CR) and counts them, refusing to buffer a line longer than
 * {@code maxLineChars}: such a line is consumed and returned as {@link #TOO_LONG} so that one runaway
 * line is one reported error, not an out-of-memory.
 */
final class LineReader implements AutoCloseable {
    /** Returned in place of a line that exceeded the limit; compare by identity. */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxLineChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private long lineNumber;
    private boolean pendingLf;
    private char[] line = new char[256];

    LineReader(Reader in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** Line number of the line last returned (1-based). */
    long lineNumber() { return lineNumber; }

    /** @return the next line without its terminator, or null at end of input */
    String next() throws IOException {
        int len = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) return null;
                    break;
                }
            }
            char c = buf[pos++];
            if (pendingLf) {
                pendingLf = false;
                if (c == '\n') continue;
            }
            any = true;
            if (c == '\n') break;
            if (c == '\r') {
                pendingLf = true;
                break;
            }
            if (tooLong) continue;
            if (len == maxLineChars) {
                tooLong = true;
                continue;
            }
            if (len == line.length) line = java.util.Arrays.copyOf(line, Math.min(maxLineChars, line.length * 2));
            line[len++] = c;
        }
        lineNumber++;
        return tooLong ? TOO_LONG : new String(line, 0, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
