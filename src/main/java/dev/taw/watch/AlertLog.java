// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * The alerts file: JSON lines, only ever appended in whole lines, each batch forced to disk before the watch's
 * state says its file is done. A reader that tails it (a log shipper, {@code tail -F}) only ever sees whole lines.
 * The length the state last recorded is the committed end: anything after it is the alerts of a file whose
 * scoring did not finish (the process was killed between the two writes), cut off on open because that file is
 * scored again. A file renamed away (log rotation) is followed by a fresh one under the same name.
 */
final class AlertLog implements Closeable {
    private final Path file;
    private FileChannel channel;
    private FileLock lock;
    private Object key;
    private long committed;
    private String note;

    private AlertLog(Path file) {
        this.file = file;
    }

    /**
     * @param committed the length the state recorded
     * @throws IllegalStateException when another watch is writing the same alerts file
     */
    static AlertLog open(Path file, long committed) throws IOException {
        AlertLog log = new AlertLog(file);
        log.note = log.reopen(committed);
        return log;
    }

    /** What opening found and did (an unfinished batch cut off, a rotated file), or null. */
    String note() { return note; }

    /** The committed end: every line before it is whole and belongs to a file the state says is done. */
    long length() { return committed; }

    /** Appends whole lines, forces them to disk, and returns the new end. */
    long append(List<String> lines) throws IOException {
        if (lines.isEmpty()) return committed;
        if (rotated()) reopen(Long.MAX_VALUE); // a new file: append at its end, whatever is in it
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (l.indexOf('\n') >= 0) throw new IllegalArgumentException("an alert is one line");
            b.append(l).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        long at = committed;
        while (buf.hasRemaining()) at += channel.write(buf, at);
        channel.force(false);
        committed = at;
        return committed;
    }

    /** Someone moved the file away (or deleted it): the next alerts start a new one under the same name. */
    private boolean rotated() throws IOException {
        if (!Files.exists(file)) return true;
        Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return now != null && !Objects.equals(now, key);
    }

    private String reopen(long expected) throws IOException {
        close();
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException(file + ": another watch is writing these alerts; stop it first, or give this one other --alerts");
        }
        key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        long size = channel.size();
        String note = null;
        if (size > expected) {
            channel.truncate(expected);
            channel.force(false);
            note = "cut off " + (size - expected) + " bytes of alerts after the last file the state says is done: that file is scored again";
        } else if (size < expected && expected != Long.MAX_VALUE) {
            note = "the alerts file is shorter than when the state was saved (rotated or truncated): appending from its end";
        }
        committed = Math.min(size, expected);
        return note;
    }

    @Override
    public void close() throws IOException {
        if (lock != null && lock.isValid()) lock.release();
        if (channel != null) channel.close();
        lock = null;
        channel = null;
    }
}
