// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Whole or not at all" must survive a power cut: the content is on disk before the rename makes it the
 * target, and the rename itself is on disk after it. A unit test cannot see a disk cache, but the system
 * calls can be seen: a child JVM writes a file through {@link AtomicWrite} under {@code strace}, and the
 * trace must show the temporary file forced, then renamed onto the target, then the folder forced.
 * (Without strace, or where tracing is not allowed, the test is skipped: there is nothing to observe.)
 */
class DurabilityTest {

    /** The child: one atomic write of a small file, or ("slow") of eight lines a tenth of a second apart. */
    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[1].equals("slow")) {
            AtomicWrite.write(Path.of(args[0]), f -> {
                try (var out = Files.newOutputStream(f)) {
                    for (int i = 0; i < 8; i++) {
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                }
            });
        } else {
            AtomicWrite.write(Path.of(args[0]), f -> Files.writeString(f, "a,b\n1,2\n"));
        }
    }

    @Test
    void theContentIsForcedBeforeTheRenameAndTheFolderAfterIt(@TempDir Path dir) throws Exception {
        List<String> steps = trace(dir, false);
        steps.removeIf("early"::equals); // a slow machine may take a tenth of a second for the small write too
        assertEquals(List.of("force file", "rename", "force folder"), steps);
    }

    /**
     * A file written over a second is put on disk while it is written ({@link Writeback}), so the closing force
     * waits for its last part only; the order of the closing steps is unchanged.
     */
    @Test
    void aLongWriteIsPutOnDiskAsItGoes(@TempDir Path dir) throws Exception {
        List<String> steps = trace(dir, true);
        assertTrue(steps.size() > 3 && steps.get(0).equals("early"), "early forces first: " + steps);
        steps.removeIf("early"::equals);
        assertEquals(List.of("force file", "rename", "force folder"), steps);
    }

    /** The file's forces (early: fdatasync, closing: fsync), the rename and the folder's force, in the order the child made them. */
    private static List<String> trace(Path dir, boolean slow) throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        assumeTrue(Files.isExecutable(strace), "strace is not installed");
        Path target = dir.resolve("out.csv");
        Path trace = dir.resolve("trace.txt");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(strace.toString(), "-f", "-y", "-qq", "-o", trace.toString(),
                "-e", "trace=fsync,fdatasync,rename,renameat,renameat2",
                javaBin, "-cp", System.getProperty("java.class.path"), DurabilityTest.class.getName(), target.toString(), slow ? "slow" : "")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child finished");
        String childSaid = Files.readString(dir.resolve("child.txt"));
        assumeTrue(!childSaid.contains("Operation not permitted") && !childSaid.contains("ptrace"), "tracing is not allowed here: " + childSaid);
        assertEquals(0, p.exitValue(), childSaid);
        assertEquals(slow ? "line 0\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\n" : "a,b\n1,2\n", Files.readString(target));

        String name = target.getFileName().toString(), folder = dir.toRealPath().toString();
        List<String> steps = new ArrayList<>();
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            if (line.matches(".*\\bfdatasync\\(\\d+<[^>]*/\\." + name + "\\.[0-9a-f]+\\.part>\\).*= 0")) steps.add("early");
            else if (line.matches(".*\\bfsync\\(\\d+<[^>]*/\\." + name + "\\.[0-9a-f]+\\.part>\\).*= 0")) steps.add("force file");
            else if (line.matches(".*\\brename(at2?)?\\(.*\\." + name + "\\.[0-9a-f]+\\.part\".*/" + name + "\".*= 0")) steps.add("rename");
            else if (line.matches(".*\\b(fsync|fdatasync)\\(\\d+<" + java.util.regex.Pattern.quote(folder) + ">\\).*= 0")) steps.add("force folder");
        }
        return steps;
    }
}
