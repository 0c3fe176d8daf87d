// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines and fields split on a second thread are the lines and fields the reader itself would give. */
class SplitAheadTest {
    @Test
    void fieldsCarryBoundsStringHashesAndDigitValues() {
        byte[] b = "  5 203.0.113.7  -  1234567890123456 12x ".getBytes(StandardCharsets.US_ASCII);
        SplitAhead.Fields f = new SplitAhead.Fields(2); // grows as needed
        int n = f.split(b, 0, b.length, 0);
        String[] expected = {"5", "203.0.113.7", "-", "1234567890123456", "12x"};
        assertEquals(expected.length, n);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], new String(b, f.start[i], f.end[i] - f.start[i], StandardCharsets.US_ASCII));
            assertEquals(expected[i].hashCode(), f.hash[i], expected[i]);
        }
        assertEquals(5, f.digits[0]);
        assertEquals(-1, f.digits[1]);
        assertEquals(-1, f.digits[2]);
        assertEquals(-1, f.digits[3], "16 digits: left to the full parser");
        assertEquals(-1, f.digits[4]);
    }

    @Test
    void linesComeOutInOrderWithTheirNumbersAcrossBatches() throws IOException {
        StringBuilder text = new StringBuilder();
        int lines = 10_000; // several batches of 4,096
        for (int i = 1; i <= lines; i++) text.append("line ").append(i).append(i % 1000 == 0 ? " é" : "").append(i % 2 == 0 ? "\r\n" : "\n");
        text.append("x".repeat(300)).append('\n'); // over the limit below
        LineReader reader = new LineReader(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 200);
        try (SplitAhead ahead = new SplitAhead(reader, "test")) {
            for (int i = 1; i <= lines; i++) {
                assertTrue(ahead.advance());
                assertEquals(i, ahead.lineNumber());
                assertEquals("line " + i + (i % 1000 == 0 ? " é" : ""), ahead.lineText());
                assertEquals(i % 1000 != 0, ahead.lineAscii());
                assertEquals(i % 1000 == 0 ? 3 : 2, ahead.fieldCount());
                SplitAhead.Fields f = ahead.fields();
                int second = ahead.firstField() + 1;
                assertEquals(Integer.toString(i), new String(ahead.lineBytes(), f.start[second], f.end[second] - f.start[second], StandardCharsets.US_ASCII));
                assertEquals(i, f.digits[second]);
            }
            assertTrue(ahead.advance());
            assertTrue(ahead.lineTooLong());
            assertEquals(lines + 1, ahead.lineNumber());
            assertFalse(ahead.advance());
            assertFalse(ahead.advance());
        }
    }

    @Test
    void aReadErrorReachesTheParser() {
        java.io.InputStream failing = new java.io.InputStream() {
            private int left = 100_000;

            @Override public int read() throws IOException {
                if (left-- > 0) return left % 50 == 0 ? '\n' : 'a';
                throw new IOException("disk gone");
            }
        };
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
            try (SplitAhead ahead = new SplitAhead(new LineReader(failing, 1 << 20), "test")) {
                while (ahead.advance()) {
                    ahead.lineNumber();
                }
            }
        });
        assertEquals("disk gone", e.getMessage());
    }
}
