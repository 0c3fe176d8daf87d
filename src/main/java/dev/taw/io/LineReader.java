// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads physical lines (LF, CRLF or CR) and counts them, refusing to buffer a line longer than
 * {@code maxLineChars}: such a line is consumed and returned as {@link #TOO_LONG} so that one runaway
 * line is one reported error, not an out-of-memory. Scans the buffer for terminators in a tight loop and
 * cuts lines straight out of it, which is as fast as {@code BufferedReader} with the guard added.
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
    private boolean skipLf;
    private char[] carry = new char[256];
    private volatile long charsRead;

    LineReader(Reader in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** Characters taken from the underlying reader so far, for progress. */
    long charsRead() { return charsRead; }

    /** Line number of the line last returned (1-based). */
    long lineNumber() { return lineNumber; }

    /** @return the next line without its terminator, or null at end of input */
    String next() throws IOException {
        int len = 0;          // chars carried over from earlier buffers
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) return null;
                lineNumber++;
                return tooLong ? TOO_LONG : new String(carry, 0, len);
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            int i = pos;
            char c = 0;
            while (i < end && (c = buf[i]) != '\n' && c != '\r') i++;
            int seg = i - start;
            if (!tooLong && len + seg > maxLineChars) tooLong = true;
            if (i < end) { // terminator found
                pos = i + 1;
                skipLf = c == '\r';
                lineNumber++;
                if (tooLong) return TOO_LONG;
                if (len == 0) return new String(buf, start, seg);
                append(start, seg, len);
                return new String(carry, 0, len + seg);
            }
            if (!tooLong) {
                append(start, seg, len);
                len += seg;
            }
            pos = end;
        }
    }

    private void append(int start, int seg, int len) {
        if (len + seg > carry.length) carry = Arrays.copyOf(carry, Math.max(len + seg, carry.length * 2));
        System.arraycopy(buf, start, carry, len, seg);
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        end = Math.max(0, n);
        if (n > 0) charsRead += n;
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
