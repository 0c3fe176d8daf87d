// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;


import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads physical lines (LF, CRLF or CR) of UTF-8 text and counts them, refusing to buffer a line longer
 * than {@code maxLineBytes}: such a line is consumed and returned as {@link #TOO_LONG} so that one runaway
 * line is one reported error, not an out-of-memory.
 *
 * <p>Works on bytes: UTF-8 never uses the bytes of LF and CR inside a multi-byte character, so lines can be
 * cut before decoding, and a line of plain ASCII (nearly every log line) becomes a String by a copy, with no
 * decoder. Only lines with bytes above 0x7F go through UTF-8 decoding, where invalid bytes become U+FFFD.
 */
public final class LineReader implements LineView {
    /** One line longer than this many bytes is one skipped line, not an out-of-memory. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** Returned in place of a line that exceeded the limit; compare by identity. */
    public static final String TOO_LONG = new String("<line too long>");

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long lineNumber;
    private boolean skipLf;
    /** Where buf[0] is in the stream, and where the line last reached starts. */
    private long bufferAt, lineAt;
    private byte[] carry = new byte[256];
    private volatile long bytesRead;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Bytes taken from the stream so far, for progress. */
    public long bytesRead() { return bytesRead; }

    /** Line number of the line last returned (1-based). */
    @Override public long lineNumber() { return lineNumber; }

    /** @return the next line without its terminator, or null at end of input */
    public String next() throws IOException {
        if (!advance()) return null;
        return tooLong ? TOO_LONG : text(lineBytes, lineStart, lineEnd - lineStart, ascii ? 0 : -1);
    }

    // the line last reached by advance(): its bytes are lineBytes[lineStart, lineEnd), valid until the next call
    private byte[] lineBytes;
    private int lineStart;
    private int lineEnd;
    private boolean ascii;
    private boolean tooLong;

    /**
     * Moves to the next line without making a String of it, for parsers that work on bytes.
     *
     * @return false at end of input
     */
    @Override public boolean advance() throws IOException {
        int len = 0;          // bytes carried over from earlier buffers
        tooLong = false;
        boolean any = false;
        int high = 0;         // OR of all bytes: negative when any byte is above 0x7F
        while (true) {
            if (pos == end && !fill()) {
                if (!any) return false;
                lineNumber++;
                return line(carry, 0, len, high);
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            if (!any) lineAt = bufferAt + pos;
            any = true;
            int start = pos;
            int i = pos;
            byte c = 0;
            while (i < end) {
                c = buf[i];
                if (c > '\r') { // nearly every byte: neither a line break nor above 0x7F (a negative byte)
                    i++;
                    continue;
                }
                if (c == '\n' || c == '\r') break;
                high |= c;
                i++;
            }
            int seg = i - start;
            if (!tooLong && len + seg > maxLineBytes) tooLong = true;
            if (i < end) { // terminator found
                pos = i + 1;
                skipLf = c == '\r';
                lineNumber++;
                if (len == 0 || tooLong) return line(buf, start, tooLong ? 0 : seg, high);
                append(start, seg, len);
                return line(carry, 0, len + seg, high);
            }
            if (!tooLong) {
                append(start, seg, len);
                len += seg;
            }
            pos = end;
        }
    }

    private boolean line(byte[] b, int from, int len, int high) {
        lineBytes = b;
        lineStart = from;
        lineEnd = from + (tooLong ? 0 : len);
        ascii = high >= 0;
        return true;
    }

    /** The current line's bytes (shared buffer: read, do not keep). */
    @Override public byte[] lineBytes() { return lineBytes; }

    @Override public int lineStart() { return lineStart; }

    /** Where the line last reached starts in the stream, in bytes from its first. */
    public long lineOffset() { return lineAt; }

    @Override public int lineEnd() { return lineEnd; }

    /** True when the current line is plain ASCII, so its bytes are its characters. */
    @Override public boolean lineAscii() { return ascii; }

    /** True when the current line exceeded the length limit (its bytes were not kept). */
    @Override public boolean lineTooLong() { return tooLong; }

    /** The current line as text. */
    @Override public String lineText() {
        return text(lineBytes, lineStart, lineEnd - lineStart, ascii ? 0 : -1);
    }

    private static String text(byte[] b, int off, int len, int high) {
        return new String(b, off, len, high < 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private void append(int start, int seg, int len) {
        if (len + seg > carry.length) carry = Arrays.copyOf(carry, Math.max(len + seg, carry.length * 2));
        System.arraycopy(buf, start, carry, len, seg);
    }

    private boolean fill() throws IOException {
        bufferAt += end;
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        end = Math.max(0, n);
        if (n > 0) bytesRead += n;
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
