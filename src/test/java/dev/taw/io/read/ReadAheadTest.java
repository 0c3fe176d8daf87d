// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gunzip thread: the same bytes in the same order, errors where they happened, nothing left running. */
class ReadAheadTest {
    @Test
    void deliversEveryByteInOrderAcrossBlocks() throws IOException {
        byte[] data = new byte[(5 << 20) + 12345]; // five full blocks and a part
        new SplittableRandom(1).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReadAhead in = new ReadAhead(new ByteArrayInputStream(data), "test")) {
            assertEquals(data[0] & 0xff, in.read(), "single bytes too");
            out.write(data[0]);
            byte[] buf = new byte[7777];
            int n;
            while ((n = in.read(buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            assertEquals(-1, in.read());
        }
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void aReadErrorReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
        InputStream failing = new InputStream() {
            private int left = 3 << 20;

            @Override public int read() throws IOException {
                if (left-- > 0) return 'x';
                throw new IOException("disk gone");
            }
        };
        long[] got = {0};
        try (ReadAhead in = new ReadAhead(failing, "test")) {
            byte[] buf = new byte[65536];
            IOException e = assertThrows(IOException.class, () -> {
                for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) got[0] += n;
            });
            assertEquals("disk gone", e.getMessage());
        }
        assertEquals(3 << 20, got[0], "the bytes read before the error are delivered first");
    }

    @Test
    void closingEarlyStopsTheThread() throws Exception {
        InputStream endless = new InputStream() {
            @Override public int read() { return 'y'; }
        };
        ReadAhead in = new ReadAhead(endless, "endless");
        assertEquals('y', in.read());
        in.close();
        Thread.sleep(50);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("read-ahead endless") && t.isAlive()),
                "the read-ahead thread ends when the reader closes");
    }
}
