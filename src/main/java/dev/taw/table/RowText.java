// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each row of a table stands in the plain text file it was read from, so that a writer can copy a row's line
 * instead of formatting its cells again: a CSV export's scored CSV is, row for row, the input's lines with the
 * scores after them, and copying a line costs a small part of formatting its seventeen cells.
 *
 * @param file     the file the rows were read from
 * @param size     its size in bytes when it was read
 * @param modified its last-modified time, in milliseconds, when it was read
 * @param lines    per row, {@link #line}'s packing of the offset and length of its line; {@link #NOT_AS_WRITTEN} where
 *                 the line is not the row's cells as the scored CSV writes them (white space around a cell, a number or
 *                 time spelt another way, a quoted field, a token for a missing value)
 */
public record RowText(Path file, long size, long modified, long[] lines) {
    public static final long NOT_AS_WRITTEN = -1;
    /** A line is at most {@code LineReader.MAX_LINE_BYTES} (2^20) bytes: its length takes 21 bits, its offset the rest. */
    private static final int LENGTH_BITS = 21;

    public static long line(long offset, int length) {
        return offset << LENGTH_BITS | length;
    }

    public static long offset(long line) {
        return line >>> LENGTH_BITS;
    }

    public static int length(long line) {
        return (int) (line & ((1 << LENGTH_BITS) - 1));
    }

    /** The file's size and last-modified time, as {@link #unchanged} compares them; null when it cannot be read. */
    public static long[] stamp(Path file) {
        try {
            return new long[] {Files.size(file), Files.getLastModifiedTime(file).toMillis()};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True while the file has the size and modification time it had when it was read: its lines are still the rows'. */
    public boolean unchanged() {
        long[] now = stamp(file);
        return now != null && now[0] == size && now[1] == modified;
    }
}
