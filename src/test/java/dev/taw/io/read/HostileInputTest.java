// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.io.LogFormat;
import dev.taw.io.detect.LogImporter;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs made to hang or exhaust the reader end, quickly, with one line that says why. */
class HostileInputTest {
    @TempDir
    Path tmp;

    private static ImportResult read(Path p, LogFormat f) {
        return new LogImporter().read(p, f, ProgressListener.NONE, CancelToken.NEVER);
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = tmp.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor(), "mkfifo");
        return p;
    }

    @Test
    void aPipeAsInputIsRefusedInsteadOfWaitingForeverForAWriter() throws Exception {
        Path pipe = fifo("pipe.log");
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(ImportException.class, () -> read(pipe, LogFormat.AUTO)));
        assertTrue(e.getMessage().contains("is not a regular file (a pipe, a device or a socket)"), e.getMessage());
        assertThrows(ImportException.class, () -> read(pipe, LogFormat.VPC));
    }

    @Test
    void pipesAndDeviceLinksInAFolderAreListedAsSkipped() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("logs"));
        Files.copy(Path.of("sample-data/vpc-flow-sample.log"), folder.resolve("a.log"));
        Files.move(fifo("pipe"), folder.resolve("b.log"));
        Files.createSymbolicLink(folder.resolve("c.log"), Path.of("/dev/zero"));
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> read(folder, LogFormat.AUTO));
        assertEquals(11_194, r.table().rowCount());
        String said = r.report().warnings().toString();
        assertTrue(said.contains("b.log (not a regular file") && said.contains("c.log (not a regular file"), said);
    }

    @Test
    void anAlbLineOfAHundredThousandFieldsIsOneSkippedLineNotAHang() throws IOException {
        String ok = "https 2024-04-25T23:04:12.518204Z app/prod/5f2c 203.0.113.45:51544 10.0.1.20:8080 0.001 0.043 0.000 200 200 412 5822"
                + " \"GET https://shop.example.com:443/api/cart HTTP/1.1\" \"curl/8\" TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:x \"Root=1-abc\" \"shop.example.com\""
                + " \"arn:aws:acm\" 0 2024-04-25T23:04:12.470000Z \"forward\" \"-\" \"-\" \"10.0.1.20:8080\" \"200\" \"-\" \"-\"";
        String huge = ok + " x".repeat(100_000);
        Path f = Files.write(tmp.resolve("alb.log"), List.of(ok, huge, ok));
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(f, LogFormat.ALB));
        assertEquals(2, r.table().rowCount());
        assertTrue(r.report().issues().get(0).detail().startsWith("expected at most 256 fields, found 1000"), r.report().issues().get(0).toString());
    }

    @Test
    void aGzipThatExpandsFarPastItsSizeIsStopped() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            byte[] blank = new byte[1 << 20];
            java.util.Arrays.fill(blank, (byte) '\n');
            for (int i = 0; i < 64; i++) gz.write(blank); // 64 MiB of blank lines in about 64 kB
        }
        InputStream limited = new InputFiles.Expansion(new GZIPInputStream(new ByteArrayInputStream(packed.toByteArray())), 8L << 20, "bomb.gz");
        IOException e = assertThrows(IOException.class, () -> limited.transferTo(java.io.OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().startsWith("it expands to more than 8 MiB (over 200 times its size on disk)"), e.getMessage());
        assertTrue(InputFiles.EXPANSION_FLOOR >= 1L << 30, "a real log of a gigabyte is never stopped");
    }

    @Test
    void aReadAheadThreadThatDiesHandsOverItsFailureInsteadOfLeavingTheReaderWaiting() {
        InputStream dying = new InputStream() {
            @Override public int read() { throw new IllegalStateException("inflater broke"); }
            @Override public int read(byte[] b, int off, int len) { throw new IllegalStateException("inflater broke"); }
        };
        ReadAhead ahead = new ReadAhead(dying, "dying.gz");
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class, () -> ahead.read(new byte[10], 0, 10)));
        assertTrue(e.getMessage().contains("inflater broke"), e.getMessage());
    }
}
