// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input is never overwritten: an output that is the input file (however the path is spelled: {@code ../},
 * a link, a hard link), or lies inside the input folder, is refused before any work is done.
 */
public final class OutputGuard {
    private OutputGuard() { }

    /** @throws IOException naming {@code target} and why it cannot be written */
    public static void check(Path target, Path input) throws IOException {
        if (input == null) return;
        Path out = real(target), in = real(input);
        boolean same = out.equals(in) || (Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input));
        if (same) throw new IOException(target + ": it is the input file; the input is never overwritten (choose another output)");
        if (Files.isDirectory(input) && out.startsWith(in)) {
            throw new IOException(target + ": it lies inside the input folder " + input
                    + "; write it elsewhere (it could replace a log, and would be read as one next time)");
        }
    }

    /** The path with every link and {@code ..} resolved, as far as it exists. */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        if (Files.exists(abs)) return abs.toRealPath();
        Path parent = abs.getParent();
        return parent == null ? abs : real(parent).resolve(abs.getFileName());
    }
}
