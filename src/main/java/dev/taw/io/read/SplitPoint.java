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
 */
public final class SplitPoint {
    private SplitPoint() { }

    /** @return the byte offset of the cut, or -1 when the file should be read in one piece */
    public static long find(Path path, long size) throws IOException {
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
