// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.read;

import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input file the way analysts hand them over: plain or gzip (recognised by its magic bytes, not
 * its name), with the bytes read so far counted for progress, and refuses files that are not text.
 */
public final class InputFiles {
    private InputFiles() { }

    /** Counts compressed bytes read, so progress is a fraction of the file size on disk. */
    public static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) { super(in); }

        public long count() { return count; }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    public record Opened(InputStream stream, CountingStream counter, long sizeOnDisk, GzipEnd gzipEnd) {
        /** True when the file was gzip and its compressed data stopped before the end. */
        public boolean truncated() {
            return gzipEnd != null && gzipEnd.truncated;
        }
    }

    /**
     * Turns a gzip stream that ends early (an interrupted copy) into a normal end of input, remembering
     * it, so the rows before the cut are kept and the importer can warn.
     */
    static final class GzipEnd extends FilterInputStream {
        private volatile boolean truncated;

        GzipEnd(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            try {
                return super.read();
            } catch (java.io.EOFException e) {
                truncated = true;
                return -1;
            }
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (java.io.EOFException e) {
                truncated = true;
                return -1;
            }
        }
    }

    /** A gzip file may expand to this many bytes whatever its size, … */
    public static final long EXPANSION_FLOOR = 1L << 30;
    /** … and beyond that to this many times its size on disk: real logs expand 5 to 30 times, a gzip bomb thousands. */
    public static final long EXPANSION_RATIO = 200;

    /** Stops a gzip stream that expands past {@link #EXPANSION_FLOOR} and {@link #EXPANSION_RATIO} times its size on disk. */
    static final class Expansion extends FilterInputStream {
        private final long limit;
        private final String name;
        private long count;

        static Expansion of(InputStream in, long compressed, String name) {
            return new Expansion(in, Math.max(EXPANSION_FLOOR, compressed * EXPANSION_RATIO), name);
        }

        Expansion(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) check(1);
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) check(n);
            return n;
        }

        private void check(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new IOException("it expands to more than " + (limit >> 20) + " MiB (over " + EXPANSION_RATIO
                        + " times its size on disk): a gzip bomb, or a log to split into smaller files");
            }
        }
    }

    /** Compressed size from which a gzip file is inflated on a thread of its own. */
    static final long READ_AHEAD_FROM = 1 << 20;

    /** Opens a file to read it whole: a gzip stream is inflated on its own thread, ahead of the reader. */
    public static Opened open(Path path) {
        return open(path, true);
    }

    /** Opens a file for a look at its first line: no read-ahead, which would inflate far more than a line. */
    public static Opened peek(Path path) {
        return open(path, false);
    }

    private static Opened open(Path path, boolean readAhead) {
        String where = FileNames.full(path);
        String name = FileNames.of(path);
        if (Files.isDirectory(path)) throw new ImportException(where + ": is a folder, not a file");
        if (Files.exists(path) && !Files.isRegularFile(path)) { // a pipe with no writer would block forever; a device never ends
            throw new ImportException(where + ": is not a regular file (a pipe, a device or a socket); save the log to a file and open that");
        }
        long size;
        InputStream raw;
        try {
            size = Files.size(path);
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ImportException(where + ": file not found");
        } catch (AccessDeniedException e) {
            throw new ImportException(where + ": permission denied");
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (size == 0) {
            close(raw);
            throw new ImportException(name + ": the file is empty");
        }
        CountingStream counter = new CountingStream(raw);
        try {
            BufferedInputStream in = new BufferedInputStream(counter, 1 << 16);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            GzipEnd gzipEnd = gzip ? new GzipEnd(Expansion.of(new GZIPInputStream(in, 1 << 16), size, name)) : null;
            // a thread of its own pays off for a big file; a five-minute log of a few hundred kB is inflated in line
            boolean ahead = readAhead && size > READ_AHEAD_FROM;
            InputStream text = !gzip ? in : new BufferedInputStream(ahead ? new ReadAhead(gzipEnd, name) : gzipEnd, 1 << 16);
            rejectBinary(name, text);
            return new Opened(text, counter, size, gzipEnd);
        } catch (ImportException e) {
            close(raw);
            throw e;
        } catch (IOException e) {
            close(raw);
            throw new ImportException(name + ": not a readable gzip file (" + e.getMessage() + ")");
        }
    }

    /** A NUL byte in the first 8 KiB means a spreadsheet, image or archive, not a CSV or log. */
    private static void rejectBinary(String name, InputStream in) throws IOException {
        in.mark(8192);
        byte[] head = in.readNBytes(8192);
        in.reset();
        if (head.length == 0) throw new ImportException(name + ": the file is empty");
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            throw new ImportException(name + ": a Parquet file (VPC flow logs delivered as Parquet are not supported yet; deliver them as text, plain or gzip)");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new ImportException(name + ": not a text file (binary content at byte " + i + "); expected a CSV export or a .csv.gz");
            }
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
