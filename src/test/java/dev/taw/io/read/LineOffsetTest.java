// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each line's offset is where its bytes start in the stream, whatever the line breaks and however the stream is read. */
class LineOffsetTest {
    @Test
    void offsetsPointAtEachLinesBytes() throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        String[] breaks = {"\n", "\r\n", "\r"};
        for (int round = 0; round < 60; round++) {
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(1, 400);
            for (int i = 0; i < lines; i++) {
                // short lines, empty ones, and some longer than the reader's 64 kB buffer, so lines span its refills
                int length = random.nextInt(10) == 0 ? random.nextInt(60_000, 140_000) : random.nextInt(1, 300); // no empty line: "\r" then an empty line then "\n" would read as one CRLF
                for (int k = 0; k < length; k++) text.append((char) ('a' + random.nextInt(26)));
                if (i < lines - 1 || random.nextBoolean()) text.append(breaks[random.nextInt(breaks.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            // a stream that hands out few bytes at a time, as a pipe or a gzip stream does
            InputStream trickle = new ByteArrayInputStream(bytes) {
                @Override public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 1 + random.nextInt(70_000)));
                }
            };
            try (LineReader r = new LineReader(trickle, LineReader.MAX_LINE_BYTES)) {
                int seen = 0;
                long after = 0;
                while (r.advance()) {
                    seen++;
                    long at = r.lineOffset();
                    int length = r.lineEnd() - r.lineStart();
                    assertTrue(at >= after, "lines in order");
                    assertEquals(new String(r.lineBytes(), r.lineStart(), length, StandardCharsets.US_ASCII),
                            new String(bytes, (int) at, length, StandardCharsets.US_ASCII), "round " + round + ", line " + seen);
                    if (at + length < bytes.length) assertTrue(bytes[(int) (at + length)] == '\n' || bytes[(int) (at + length)] == '\r');
                    after = at + length;
                }
                assertEquals(lines, seen);
            }
        }
    }
}
