// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a plain CSV file can be cut in two for parallel reading: the start of the first line after the
 * middle, provided the bytes before it hold an even number of quote characters (so the cut is not inside
 * a quoted field that spans lines; escaped quotes come in pairs and keep the count even).
 *
 * <p>The cut is a guess either way, which the reader checks (its first half runs out of input inside a record
 * when the cut was inside one, and the file is then read in one piece). So when the {@value #NEAR} bytes before
 * the middle hold no quote at all, as in most logs, the cut is taken without counting the quotes of the whole
 * first half: that count read half the file, 0.1 s for a 221 MB CSV, before either half could start.
 */
public final class SplitPoint {
    static final int NEAR = 1 << 16;

    private SplitPoint() { }

    /** @return the byte offset of the cut, or -1 when the file should be read in one piece */
    public static long find(Path path, long size) throws IOException {
        long near = nearTheMiddle(path, size);
        return near != 0 ? near : counted(path, size);
    }

    /** The cut when no quote comes near it: -1 for none (no line ends after the middle), 0 when quotes must be counted. */
    private static long nearTheMiddle(Path path, long size) throws IOException {
        long middle = size / 2, pos = Math.max(0, middle - NEAR);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(NEAR);
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(path)) {
            in.position(pos);
            while (buf.clear() != null && in.read(buf) > 0) {
                byte[] a = buf.array();
                for (int i = 0, n = buf.position(); i < n; i++, pos++) {
                    if (a[i] == '"') return 0;
                    if (a[i] == '\n' && pos >= middle) return pos + 1 < size ? pos + 1 : -1;
                }
            }
        }
        return -1;
    }

    private static long counted(Path path, long size) throws IOException {
        long quotes = 0;
        long pos = 0;
        long middle = size / 2;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++, pos++) {
                    byte b = buf[i];
                    if (b == '"') {
                        quotes++;
                    } else if (b == '\n' && pos >= middle) {
                        return (quotes & 1) == 0 && pos + 1 < size ? pos + 1 : -1;
                    }
                }
            }
        }
        return -1;
    }
}
