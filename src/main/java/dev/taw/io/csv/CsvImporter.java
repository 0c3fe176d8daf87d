// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.io.csv;

import dev.taw.io.FileNames;
import dev.taw.io.ImportException;
import dev.taw.io.ImportResult;
import dev.taw.io.read.InputFiles;
import dev.taw.io.read.LineReader;
import dev.taw.io.read.SplitPoint;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.job.Workers;
import dev.taw.table.Role;
import dev.taw.table.RowText;
import dev.taw.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Imports a CloudWatch web-traffic CSV export (plain or gzip) into a typed {@link Table}.
 *
 * <p>Columns are matched by header name ({@link Role#normalise}), in any order; unknown columns are
 * kept as text. Records are read line by line: a line without a quote character is split directly on the
 * delimiter (the common case, and several times faster); a line with quotes is handed to Commons CSV,
 * joined with following lines only while a quoted field is still open. A quote that never closes costs
 * exactly one reported line, never the rest of the file.
 */
public final class CsvImporter {
    /** Below this size a second thread costs more than it saves. */
    static final long PARALLEL_MIN_BYTES = 16L << 20;

    private final long parallelMinBytes;

    public CsvImporter() {
        this(PARALLEL_MIN_BYTES);
    }

    /** For tests: files of at least {@code parallelMinBytes} are read as two halves in parallel. */
    CsvImporter(long parallelMinBytes) {
        this.parallelMinBytes = parallelMinBytes;
    }

    /** Imports with no progress and no cancellation, for batch use and tests. */
    public ImportResult read(Path path) {
        return read(path, ProgressListener.NONE, CancelToken.NEVER);
    }

    public ImportResult read(Path path, ProgressListener progress, CancelToken cancel) {
        long[] stamp = RowText.stamp(path); // before reading: a file changed since cannot pass for what was read
        InputFiles.Opened opened = InputFiles.open(path);
        String file = FileNames.of(path);
        try {
            long split = opened.gzipEnd() == null && opened.sizeOnDisk() >= parallelMinBytes && Runtime.getRuntime().availableProcessors() > 1
                    ? SplitPoint.find(path, opened.sizeOnDisk()) : -1;
            if (split > 0) {
                opened.stream().close();
                return withLines(readInTwo(path, file, split, opened.sizeOnDisk(), progress, cancel), path, stamp);
            }
            return withLines(readInOne(opened, file, progress, cancel), path, stamp);
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException(file + ": read failed (" + e.getMessage() + ")", e);
        }
    }

    /** The result with where its rows' lines are in the file, when they were kept (a plain file, read as it stood). */
    private static ImportResult withLines(Read read, Path path, long[] stamp) {
        long[] spans = read.run().lineSpans();
        if (spans == null || stamp == null) return read.result();
        return read.result().withRowText(new RowText(path, stamp[0], stamp[1], spans));
    }

    /** An import's result and the part that holds the whole file's rows after the parts are joined. */
    private record Read(ImportResult result, CsvRun run) { }

    private static LineReader reader(java.io.InputStream in) {
        return new LineReader(in, LineReader.MAX_LINE_BYTES);
    }

    private static Read readInOne(InputFiles.Opened opened, String file, ProgressListener progress, CancelToken cancel) throws IOException {
        try (LineReader lines = reader(opened.stream())) {
            CsvRun run = new CsvRun(file, lines, null, opened.counter()::count, progress, cancel);
            if (opened.gzipEnd() == null) run.keepLines(0); // a plain file's stream is its bytes from the first
            run.execute();
            progress.onProgress("Reading", opened.sizeOnDisk(), opened.sizeOnDisk());
            if (opened.truncated()) {
                run.warnings.add(dev.taw.io.ImportIssue.Reason.TRUNCATED_FILE + " — the compressed data ends early, in line " + lines.lineNumber() + "; the rows before it were imported");
            }
            return new Read(CsvRun.finish(List.of(run)), run);
        }
    }

    /**
     * Reads a large plain file as two halves on two threads: the first half (with the header) here, the
     * second from {@code split} (a line start, likely outside any quoted field) on a helper thread, then joins
     * them: rows in file order, line numbers of the second half shifted by the first half's line count. The
     * guess can be wrong (a literal quote inside an unquoted cell upsets any count of quotes); the first half
     * tells, since it reads exactly as a read in one piece would and runs out of input inside a record only
     * when the cut was inside one. Then the file is read again in one piece: the result never depends on
     * where a file is cut.
     */
    private static Read readInTwo(Path path, String file, long split, long size, ProgressListener progress, CancelToken cancel)
            throws IOException {
        java.util.concurrent.atomic.AtomicLong secondBytes = new java.util.concurrent.atomic.AtomicLong();
        try (java.io.InputStream firstIn = new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(
                     java.nio.channels.FileChannel.open(path).position(0)), 1 << 16);
             LineReader firstLines = reader(new Bounded(firstIn, split));
             java.io.InputStream secondIn = java.nio.channels.Channels.newInputStream(java.nio.channels.FileChannel.open(path).position(split));
             LineReader secondLines = reader(new java.io.BufferedInputStream(secondIn, 1 << 16))) {
            java.util.concurrent.atomic.AtomicLong firstBytes = new java.util.concurrent.atomic.AtomicLong();
            CsvRun first = new CsvRun(file, firstLines, null, firstBytes::get, (s, done, total) -> { }, cancel);
            first.keepLines(0);
            first.readHeader();
            CsvRun second = new CsvRun(file, secondLines, first.header(), secondBytes::get, (s, done, total) -> { }, cancel);
            second.keepLines(split);
            Future<Void> other = Workers.aside("csv-second-half", () -> {
                second.execute();
                return null;
            });
            first.executeAfterHeader(() -> {
                long approx = Math.min(split, firstLines.bytesRead()) + Math.min(size - split, secondLines.bytesRead());
                progress.onProgress("Reading", approx, size);
            });
            Workers.get(other);
            if (first.ranOut) {
                // the cut fell inside a record: the halves would lose or split it, so read the file in one piece
                return readInOne(InputFiles.open(path), file, progress, cancel);
            }
            progress.onProgress("Reading", size, size);
            second.shiftLines(firstLines.lineNumber());
            return new Read(CsvRun.finish(List.of(first, second)), first);
        }
    }

    /** Stops after {@code limit} bytes. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(java.io.InputStream in, long limit) {
            super(in);
            left = limit;
        }

        @Override public int read() throws IOException {
            if (left <= 0) return -1;
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }

}
