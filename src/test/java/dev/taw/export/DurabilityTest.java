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

    /** The child: one atomic write of a small file. */
    public static void main(String[] args) throws IOException {
        AtomicWrite.write(Path.of(args[0]), f -> Files.writeString(f, "a,b\n1,2\n"));
    }

    @Test
    void theContentIsForcedBeforeTheRenameAndTheFolderAfterIt(@TempDir Path dir) throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        assumeTrue(Files.isExecutable(strace), "strace is not installed");
        Path target = dir.resolve("out.csv");
        Path trace = dir.resolve("trace.txt");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(strace.toString(), "-f", "-y", "-qq", "-o", trace.toString(),
                "-e", "trace=fsync,fdatasync,rename,renameat,renameat2",
                javaBin, "-cp", System.getProperty("java.class.path"), DurabilityTest.class.getName(), target.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child finished");
        String childSaid = Files.readString(dir.resolve("child.txt"));
        assumeTrue(!childSaid.contains("Operation not permitted") && !childSaid.contains("ptrace"), "tracing is not allowed here: " + childSaid);
        assertEquals(0, p.exitValue(), childSaid);
        assertEquals("a,b\n1,2\n", Files.readString(target));

        String name = target.getFileName().toString(), folder = dir.toRealPath().toString();
        List<String> steps = new ArrayList<>();
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            if (line.matches(".*\\b(fsync|fdatasync)\\(\\d+<[^>]*/\\." + name + "\\.[0-9a-f]+\\.part>\\).*= 0")) steps.add("force file");
            else if (line.matches(".*\\brename(at2?)?\\(.*\\." + name + "\\.[0-9a-f]+\\.part\".*/" + name + "\".*= 0")) steps.add("rename");
            else if (line.matches(".*\\b(fsync|fdatasync)\\(\\d+<" + java.util.regex.Pattern.quote(folder) + ">\\).*= 0")) steps.add("force folder");
        }
        assertEquals(List.of("force file", "rename", "force folder"), steps, "the trace:\n" + Files.readString(trace));
    }
}
