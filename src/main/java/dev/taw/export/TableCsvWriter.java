// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

import dev.taw.table.TimeText;
import dev.taw.job.CancelToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A small table as RFC 4180 CSV (the hosts list: thousands of rows, not millions), every cell neutralised
 * as the scored CSV's are, written whole or not at all.
 */
public final class TableCsvWriter {
    private TableCsvWriter() { }

    /**
     * @param row the cells of row {@code i}, as many as the header has
     * @return the table complete on disk beside {@code target}, to be committed with a run's other outputs
     */
    public static AtomicWrite.Staged stage(Path target, List<String> header, int rows, IntFunction<List<String>> row, CancelToken cancel)
            throws IOException {
        return AtomicWrite.stage(target, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.append(line(header));
                for (int i = 0; i < rows; i++) {
                    if ((i & 1023) == 0) cancel.throwIfCancelled();
                    List<String> cells = row.apply(i);
                    if (cells.size() != header.size()) throw new IllegalStateException("row " + i + " has " + cells.size() + " cells, not " + header.size());
                    w.append(line(cells));
                }
            }
        });
    }

    /** ISO-8601 UTC, as the scored CSV writes times. */
    public static String time(long millis) {
        return TimeText.iso(millis);
    }

    private static StringBuilder line(List<String> cells) {
        StringBuilder b = new StringBuilder(cells.size() * 12);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            CsvCells.appendField(b, CsvCells.neutralise(cells.get(i)));
        }
        return b.append('\n');
    }
}
