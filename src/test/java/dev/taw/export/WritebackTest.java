// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The early writeback of a file being written: it forces while the writer goes on, and stops when told. */
class WritebackTest {

    @Test
    void forcesWhileTheFileIsWrittenAndStopsWhenClosed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.part");
        Files.createFile(f);
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) 'x');
        Writeback early = new Writeback(f);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int i = 0; i < 6; i++) {
                out.write(block);
                Thread.sleep(Writeback.PERIOD_NANOS / 1_000_000);
            }
        } finally {
            early.close();
        }
        assertTrue(early.forced() >= 1, "forced " + early.forced() + " times during a write of " + 6 * Writeback.PERIOD_NANOS / 1_000_000 + " ms");
        int after = early.forced();
        Thread.sleep(3 * Writeback.PERIOD_NANOS / 1_000_000);
        assertEquals(after, early.forced(), "no force after close");
        assertEquals(6L << 20, Files.size(f));
        assertTrue(Files.deleteIfExists(f), "the file is not held open (deleting it works on every system)");
    }

    @Test
    void aQuickWriteIsNeverForcedEarly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("small.part");
        Files.createFile(f);
        Writeback early = new Writeback(f);
        Files.writeString(f, "a,b\n");
        early.close();
        assertEquals(0, early.forced());
        assertFalse(Files.readString(f).isEmpty());
    }
}
