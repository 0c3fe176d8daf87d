// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files we write are written whole or not at all: the content goes to a hidden temporary file beside the
 * target, which replaces the target only once complete. The temporary file is created like any other
 * file (the user's umask applies), unlike {@code Files.createTempFile}, which would leave the result
 * readable by its owner alone.
 */
public final class AtomicWrite {
    private AtomicWrite() { }

    /** Writes the target's content into a fresh file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                tmp = Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) throw e;
            }
        }
        try {
            content.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
