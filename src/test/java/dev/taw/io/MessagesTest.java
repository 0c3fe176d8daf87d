// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages say what is wrong, on one line, whatever the file is called. */
class MessagesTest {
    @TempDir
    Path tmp;

    @Test
    void aFirstLineTooLongForAFlowLogIsSaidNotCalledAnEmptyFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("huge.log"), "x".repeat(3 << 20) + "\n");
        ImportException e = assertThrows(ImportException.class, () -> new LogImporter().read(f, LogFormat.VPC, ProgressListener.NONE, CancelToken.NEVER));
        assertTrue(e.getMessage().startsWith("huge.log: no record could be read; first problem: huge.log:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("LINE_TOO_LONG"), e.getMessage());
    }

    @Test
    void aFileNameWithALineBreakStaysOnOneLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad\nname.csv"), "bytes_in,bytes_out\n1,2\nx,3\n");
        ImportResult r = new LogImporter().read(f, LogFormat.AUTO, ProgressListener.NONE, CancelToken.NEVER);
        String issue = r.report().issues().get(0).toString();
        assertEquals(1, issue.lines().count(), issue);
        assertTrue(issue.startsWith("\"bad\\nname.csv\":3:"), issue);
        assertEquals("plain.csv", FileNames.of(Path.of("/x/plain.csv")));
    }
}
