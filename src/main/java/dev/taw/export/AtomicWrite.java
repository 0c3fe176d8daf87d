// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files we write are written whole or not at all: the content goes to a hidden temporary file beside the
 * target, forced to disk (a big one partly while it is written: {@link Writeback}), and replaces the target only once complete (then the folder is forced too, so the
 * rename survives a power cut). A run with several outputs stages each and commits them together at the end,
 * so a run that fails half-way leaves none of them. The temporary file is created like any other file (the
 * user's umask applies), unlike {@code Files.createTempFile}, which would leave the result readable by its
 * owner alone. Only a regular file (or nothing) is ever replaced: a folder, a device or a pipe is refused.
 */
public final class AtomicWrite {
    private AtomicWrite() { }

    /** Writes the target's content into a fresh file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /** Writes {@code target} whole, at once. */
    public static void write(Path target, Content content) throws IOException {
        try (Staged s = stage(target, content)) {
            s.commit();
        }
    }

    /**
     * Writes the content beside {@code target}, on disk, without touching {@code target} yet.
     *
     * @throws IOException naming {@code target} (never the temporary file) and the reason in words
     */
    public static Staged stage(Path target, Content content) throws IOException {
        refuseNonRegular(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; tmp == null; attempt++) {
                Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
                try {
                    tmp = Files.createFile(candidate);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) throw e;
                }
            }
            try (Writeback early = new Writeback(tmp)) {
                content.writeTo(tmp);
            }
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            return new Staged(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            if (tmp != null) Files.deleteIfExists(tmp);
            if (e instanceof IOException io) throw new IOException(target + ": " + reason(io), io);
            throw e;
        }
    }

    /** A target whose content is complete on disk, waiting to be moved into place or thrown away. */
    public static final class Staged implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private boolean committed;

        private Staged(Path tmp, Path target) {
            this.tmp = tmp;
            this.target = target;
        }

        public Path target() { return target; }

        /** Moves the content into place, then forces the folder so the rename is durable. */
        public void commit() throws IOException {
            if (committed) return;
            refuseNonRegular(target); // it may have been replaced by something else meanwhile
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new IOException(target + ": " + reason(e), e);
            }
            committed = true;
            forceFolder(target.toAbsolutePath().getParent());
        }

        /** Throws the content away unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) Files.deleteIfExists(tmp);
        }
    }

    private static void refuseNonRegular(Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IOException(target + ": " + (Files.isDirectory(target) ? "is a folder" : "is not a regular file (a device, a pipe or a socket)")
                    + "; name a file to write");
        }
    }

    private static void forceFolder(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some systems (Windows) cannot open a folder; the file itself was forced before the rename
        }
    }

    /** The reason in words, without the hidden temporary file's name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "the folder does not exist";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        return m.replaceAll("\\S*\\.part\\b:? ?", "").strip();
    }
}
