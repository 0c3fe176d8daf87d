// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An input is never overwritten, only regular files are replaced, and a run that fails leaves nothing it wrote. */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ScoreCommand(new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path copyOfSeed(String name) throws IOException {
        return Files.copy(TestData.seed(), tmp.resolve(name));
    }

    @Test
    void anOutputNamingTheInputIsRefusedHoweverItIsSpelled() throws IOException {
        Path in = copyOfSeed("export.csv");
        byte[] before = Files.readAllBytes(in);
        Files.createDirectories(tmp.resolve("sub"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), in);
        Path hard = Files.createLink(tmp.resolve("hard.csv"), in);
        for (String out : List.of(in.toString(), tmp.resolve("sub/../export.csv").toString(), link.toString(), hard.toString())) {
            err.reset();
            assertEquals(1, run(in.toString(), "-o", out), out);
            assertTrue(said().contains("it is the input file; the input is never overwritten"), said());
            assertEquals(1, said().lines().count(), "one line: " + said());
        }
        assertEquals(1, run(in.toString(), "-o", tmp.resolve("ok.csv").toString(), "--report", in.toString()));
        assertArrayEquals(before, Files.readAllBytes(in), "the input is untouched");
    }

    @Test
    void aGzipInputIsProtectedToo() throws IOException {
        Path gz = tmp.resolve("flows.log.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Path.of("sample-data/vpc-flow-sample.log"), out);
        }
        byte[] before = Files.readAllBytes(gz);
        assertEquals(1, run(gz.toString(), "-o", gz.toString()));
        assertArrayEquals(before, Files.readAllBytes(gz));
    }

    @Test
    void anOutputInsideTheInputFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("logs"));
        Path log = Files.copy(Path.of("sample-data/vpc-flow-sample.log"), folder.resolve("existing.log"));
        byte[] before = Files.readAllBytes(log);
        assertEquals(1, run(folder.toString(), "-o", log.toString()));
        assertTrue(said().contains("it lies inside the input folder"), said());
        assertEquals(1, run(folder.toString(), "-o", folder.resolve("new.csv").toString()));
        assertArrayEquals(before, Files.readAllBytes(log));
        assertFalse(Files.exists(folder.resolve("new.csv")));
    }

    @Test
    void onlyARegularFileIsEverReplaced() throws IOException {
        Path in = copyOfSeed("export.csv");
        assertEquals(1, run(in.toString(), "-o", tmp.toString()));
        assertTrue(said().contains(tmp + ": is a folder; name a file to write"), said());
        err.reset();
        assertEquals(1, run(in.toString(), "-o", "/dev/null"));
        assertTrue(said().contains("/dev/null: is not a regular file"), said());
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")), "the device is still a device");
    }

    @Test
    void aRunThatFailsHalfWayLeavesNoneOfItsOutputs() throws IOException {
        Path in = copyOfSeed("export.csv");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("blocker"), "a file where the report's folder should be");
        Path csv = out.resolve("scored.csv");
        assertEquals(1, run(in.toString(), "-o", csv.toString(), "--report", out.resolve("blocker/report.pdf").toString()));
        assertTrue(said().startsWith("traffic-workbench score: cannot write " + out.resolve("blocker/report.pdf") + ": "), said());
        assertFalse(said().contains(".part"), "the hidden temporary file is never named: " + said());
        assertFalse(Files.exists(csv), "the CSV was staged, never put in place");
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(out.resolve("blocker")), left.toList(), "no .part file is left behind");
        }
    }

    @Test
    void anExistingOutputIsReplacedWholeOnlyWhenTheRunSucceeds() throws IOException {
        Path in = copyOfSeed("export.csv");
        Path csv = Files.writeString(tmp.resolve("scored.csv"), "yesterday's results\n");
        Path blocked = Files.writeString(tmp.resolve("blocker"), "x");
        assertEquals(1, run(in.toString(), "-o", csv.toString(), "--report", blocked.resolve("r.pdf").toString()));
        assertEquals("yesterday's results\n", Files.readString(csv), "a failed run leaves the old output as it was");
        assertEquals(0, run(in.toString(), "-o", csv.toString()));
        assertEquals(283, Files.readAllLines(csv).size());
    }
}
