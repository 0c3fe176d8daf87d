// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import dev.taw.table.Column;
import dev.taw.table.RowText;
import dev.taw.table.Table;
import dev.taw.table.TextColumn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a scored CSV copies from its input file instead of formatting them: a row whose line is spelt as the
 * writer would write its cells ({@link RowText}), and none of whose text cells the writer quotes or neutralises. A
 * million rows of a CSV export are then a million copies of a line, not seventeen million cells.
 *
 * <p>The lines of a chunk of rows are read in one positional read, on the formatting thread; the file is checked to
 * be as it was read (size and modification time) before any is copied, and each line to be whole (a line break on
 * either side), so a file changed since only costs the copies, never a wrong row.
 */
final class LineCopies implements AutoCloseable {
    /** A chunk whose lines lie further apart than this (a filter keeping few rows) is formatted instead. */
    private static final int MOST_SPAN = 8 << 20;

    private final long[] lines;
    private final FileChannel file;
    private final long fileSize;
    /** The codes of the text columns that hold a value the writer changes, and per such column which codes. */
    private final int[][] codes;
    private final boolean[][] changed;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[1 << 18]);

    private LineCopies(long[] lines, FileChannel file, long fileSize, int[][] codes, boolean[][] changed) {
        this.lines = lines;
        this.file = file;
        this.fileSize = fileSize;
        this.codes = codes;
        this.changed = changed;
    }

    /** @return the copies for {@code table}'s rows, or null when there are none to make (no lines, or a changed file) */
    static LineCopies of(RowText text, Table table) {
        if (text == null || text.lines().length != table.rowCount() || !text.unchanged()) return null;
        List<int[]> dirtyCodes = new ArrayList<>();
        List<boolean[]> dirty = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!(c instanceof TextColumn tc)) continue;
            String[] d = tc.dictionary();
            boolean[] rewritten = new boolean[d.length];
            boolean any = false;
            for (int k = 0; k < d.length; k++) {
                rewritten[k] = CsvCells.needsQuotes(d[k]) || !CsvCells.neutralise(d[k]).equals(d[k]);
                any |= rewritten[k];
            }
            if (any) {
                dirtyCodes.add(tc.codes());
                dirty.add(rewritten);
            }
        }
        try {
            return new LineCopies(text.lines(), FileChannel.open(text.file(), StandardOpenOption.READ), text.size(), dirtyCodes.toArray(int[][]::new),
                    dirty.toArray(boolean[][]::new));
        } catch (IOException | RuntimeException e) { // gone or unreadable since: every row is formatted
            return null;
        }
    }

    /** True when row {@code r}'s line is the row as the writer would write its cells. */
    boolean copyable(int r) {
        if (lines[r] == RowText.NOT_AS_WRITTEN) return false;
        for (int c = 0; c < codes.length; c++) if (changed[c][codes[c][r]]) return false;
        return true;
    }

    /** The lines of some rows, read in one piece: {@code bytes[0]} is the file's byte at {@code at}. */
    record Span(byte[] bytes, long at, int length) {
        /** True when row line {@code line} is inside the span with a line break, or the file's edge, on either side. */
        boolean holds(long line, long fileSize) {
            long from = RowText.offset(line) - at, to = from + RowText.length(line);
            if (from < 1 || to > length) return false;
            byte before = bytes[(int) from - 1];
            if (before != '\n' && before != '\r') return false;
            if (to == length) return at + to == fileSize;
            byte after = bytes[(int) to];
            return after == '\n' || after == '\r';
        }
    }

    /**
     * Reads the lines of the copyable rows among rows [from, to) of the output ({@code rows} when not null), with the
     * byte before the first and after the last.
     *
     * @return the span, or null when none is copyable or they lie too far apart
     */
    Span read(int[] rows, int from, int to) throws IOException {
        long first = -1, last = -1;
        for (int k = from; k < to; k++) {
            long line = lines[rows == null ? k : rows[k]];
            if (line == RowText.NOT_AS_WRITTEN) continue;
            long start = RowText.offset(line);
            if (first < 0 || start < first) first = start;
            last = Math.max(last, start + RowText.length(line));
        }
        if (first < 1 || last - first > MOST_SPAN) return null;
        long at = first - 1;
        int length = (int) (Math.min(fileSize, last + 1) - at);
        byte[] b = buffers.get();
        if (b.length < length) buffers.set(b = new byte[Math.max(length, b.length * 2)]);
        ByteBuffer into = ByteBuffer.wrap(b, 0, length);
        while (into.hasRemaining()) {
            if (file.read(into, at + into.position()) < 0) return null; // shorter than it was: nothing is copied
        }
        return new Span(b, at, length);
    }

    long fileSize() { return fileSize; }

    /** Row r's line, as {@link RowText#line} packs it. */
    long line(int r) { return lines[r]; }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
